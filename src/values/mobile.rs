//! Mobile numbers: normalisation to E.164 and the bare mainland form some vendors want.

/// Normalises a mobile number to E.164: `+` and 7 to 15 digits, or a bare 11-digit mainland number.
pub fn normalize_mobile(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    if let Some(rest) = compact.strip_prefix('+') {
        let ok = (7..=15).contains(&rest.len())
            && rest.bytes().all(|b| b.is_ascii_digit())
            && !rest.starts_with('0');
        return ok.then(|| format!("+{rest}"));
    }
    is_mainland_mobile(&compact).then(|| format!("+86{compact}"))
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
            Some("+8613100000000")
        );
        assert_eq!(
            normalize_mobile("+44 7700 900123").as_deref(),
            Some("+447700900123")
        );
        assert_eq!(normalize_mobile("12345"), None);
        assert_eq!(normalize_mobile("23100000000"), None);
        assert_eq!(normalize_mobile("+0123456789"), None);
        assert_eq!(mainland_bare("+8613100000000"), "13100000000");
        assert_eq!(mainland_bare("+447700900123"), "+447700900123");
        assert_eq!(mainland_bare("+8675512345678"), "+8675512345678");
    }
}
