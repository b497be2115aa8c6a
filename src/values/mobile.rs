//! Mobile numbers: checked against libphonenumber's numbering plans (through the `phonenumber`
//! crate) and stored in E.164, and the bare mainland form some vendors want.

use phonenumber::metadata::DATABASE;
use phonenumber::{PhoneNumber, Type};

use super::regions;

/// Normalises a mobile number to E.164 (`+` and the country code), or says what is wrong with it.
/// People type separators (spaces, `-`, parentheses); a bare 11-digit number is a mainland China
/// mobile, as DMS users give them. The number must be one that its country's plan gives to mobiles
/// (or, where the plan cannot tell, to either mobiles or landlines, as in North America).
pub fn normalize_mobile(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    let compact: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let digits = compact.strip_prefix('+').unwrap_or(&compact);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{raw} is not a phone number: expected + and the country code followed by digits"
        ));
    }
    let e164 = if compact.starts_with('+') {
        compact.clone()
    } else if digits.len() == 11 && digits.starts_with('1') {
        format!("+86{digits}")
    } else {
        return Err(format!(
            "{raw} has no country code: give + and the country code \
             (only an 11-digit mainland China mobile may be given without +86)"
        ));
    };
    check(&e164).map(|()| e164.clone()).map_err(|why| {
        let shown = if compact.starts_with('+') {
            compact.as_str()
        } else {
            raw
        };
        format!("{shown} is not a valid mobile number{why}")
    })
}

/// Whether `e164` (`+` and digits) is a mobile number; the error says where and why not.
fn check(e164: &str) -> Result<(), String> {
    let number: PhoneNumber = match phonenumber::parse(None, e164) {
        Ok(n) => n,
        Err(phonenumber::ParseError::InvalidCountryCode) => {
            return Err(": no country has that country code".to_owned());
        }
        Err(phonenumber::ParseError::TooLong) => return Err(" (too long)".to_owned()),
        Err(_) => return Err(" (too short)".to_owned()),
    };
    let code = number.code().value();
    // The digits after the country code as given: the parser may strip what it takes for a carrier
    // prefix, which would make an 11-digit number look "too short".
    let national = &e164[1 + code.to_string().len()..];
    // The country the number belongs to; for a number that fits none of the countries sharing a code
    // (+1, +44, +7 ...), the main one, which is the first listed.
    let region = number
        .metadata(&DATABASE)
        .or_else(|| {
            let main = DATABASE.region(&code)?.into_iter().next()?;
            DATABASE.by_id(main)
        })
        .ok_or_else(|| ": no country has that country code".to_owned())?;
    let place = match region.id() {
        "001" => format!(" for the international service +{code}"),
        id => format!(" for {}", regions::name(id)),
    };
    let mobile = region.descriptors().mobile();
    let lengths = mobile
        .map(|m| m.possible_length())
        .filter(|l| !l.is_empty())
        .unwrap_or(region.descriptors().general().possible_length());
    let len = u16::try_from(national.len()).unwrap_or(u16::MAX);
    if let (Some(min), Some(max)) = (lengths.iter().min(), lengths.iter().max()) {
        if len < *min {
            return Err(format!("{place} (too short)"));
        }
        if len > *max {
            return Err(format!("{place} (too long)"));
        }
    }
    match number.number_type(&DATABASE) {
        Type::Mobile | Type::FixedLineOrMobile | Type::PersonalNumber | Type::Pager => Ok(()),
        Type::FixedLine => Err(format!("{place} (it is a landline number)")),
        Type::Unknown => Err(format!("{place} (no such number range)")),
        _ => Err(format!("{place} (it is not a mobile range)")),
    }
}

/// The mainland-China form of a mobile: `+8613100000000` -> `13100000000`; everything else (other
/// countries, mainland landlines such as `+8675512345678`) unchanged.
pub fn mainland_bare(e164: &str) -> &str {
    match e164.strip_prefix("+86") {
        Some(rest) if is_mainland_mobile(rest) => rest,
        _ => e164,
    }
}

/// A mainland mobile without its country code: `1` and 10 more digits.
fn is_mainland_mobile(digits: &str) -> bool {
    digits.len() == 11 && digits.starts_with('1') && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles_normalise_to_e164() {
        assert_eq!(
            normalize_mobile("13100000000").as_deref(),
            Ok("+8613100000000")
        );
        assert_eq!(
            normalize_mobile("+447400123456").as_deref(),
            Ok("+447400123456")
        );
        assert_eq!(
            normalize_mobile("+44 7400 123456").as_deref(),
            Ok("+447400123456")
        );
        assert_eq!(
            normalize_mobile("+1 (501) 712-2661").as_deref(),
            Ok("+15017122661")
        );
        assert_eq!(mainland_bare("+8613100000000"), "13100000000");
        assert_eq!(mainland_bare("+447400123456"), "+447400123456");
        assert_eq!(mainland_bare("+8675512345678"), "+8675512345678");
    }

    #[test]
    fn numbers_outside_the_plans_say_what_is_wrong() {
        let err = |raw: &str| normalize_mobile(raw).unwrap_err();
        assert_eq!(
            err("+4477009"),
            "+4477009 is not a valid mobile number for United Kingdom (too short)"
        );
        assert_eq!(
            err("12345678901"),
            "12345678901 is not a valid mobile number for China (no such number range)"
        );
        assert_eq!(
            err("+8675512345678"),
            "+8675512345678 is not a valid mobile number for China (it is a landline number)"
        );
        assert!(err("+8613100000000000").ends_with("for China (too long)"));
        // Ofcom keeps 07700 900xxx for drama: no phone has one.
        assert!(err("+447700900123").ends_with("for United Kingdom (no such number range)"));
        assert!(err("12345").contains("no country code"));
        assert!(err("+0123456789").contains("is not a valid mobile number"));
        assert!(err("+999123456789").contains("no country has that country code"));
        assert!(err("abc").contains("not a phone number"));
    }
}
