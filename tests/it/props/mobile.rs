//! `values::normalize_mobile` and `values::mainland_bare`.

use notify::values::{mainland_bare, normalize_mobile};
use proptest::prelude::*;

/// The separators people type inside a number; normalisation drops exactly these.
const SEPARATORS: [char; 4] = [' ', '-', '(', ')'];

/// `digits` with separators sprinkled between them (and around them).
fn spaced(digits: String) -> impl Strategy<Value = (String, String)> {
    let n = digits.len() + 1;
    proptest::collection::vec(
        proptest::collection::vec(proptest::sample::select(&SEPARATORS[..]), 0..3),
        n,
    )
    .prop_map(move |gaps| {
        let mut out = String::new();
        for (i, gap) in gaps.iter().enumerate() {
            out.extend(gap);
            if let Some(d) = digits.get(i..=i) {
                out.push_str(d);
            }
        }
        (out, digits.clone())
    })
}

/// E.164 as notify stores it: `+`, then 7 to 15 digits, the first not 0.
fn is_e164(s: &str) -> bool {
    s.strip_prefix('+').is_some_and(|d| {
        (7..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
    })
}

/// Mobiles that libphonenumber's plans give out, in E.164: mainland China, the United Kingdom,
/// Germany, the United States, India.
fn valid_mobile() -> impl Strategy<Value = String> {
    prop_oneof![
        "13[0-9]{9}".prop_map(|d| format!("+86{d}")),
        "7400[0-9]{6}".prop_map(|d| format!("+44{d}")),
        "151[0-9]{8}".prop_map(|d| format!("+49{d}")),
        "501712[0-9]{4}".prop_map(|d| format!("+1{d}")),
        "9[0-9]{9}".prop_map(|d| format!("+91{d}")),
    ]
}

proptest! {
    #![proptest_config(super::config(256))]

    /// No string panics; whatever is accepted is E.164 and is accepted again unchanged; whatever is
    /// refused says why in a sentence that names the input.
    #[test]
    fn accepted_mobiles_are_e164_and_normalise_to_themselves(raw in prop_oneof![
        any::<String>(),
        "[+]?[0-9 ()-]{0,20}",
        "[+][0-9]{5,17}",
        "[+]?[0-9０-９٠-٩]{5,16}",
    ]) {
        match normalize_mobile(&raw) {
            Ok(m) => {
                prop_assert!(is_e164(&m), "{raw:?} -> {m:?}");
                prop_assert_eq!(normalize_mobile(&m), Ok(m.clone()), "from {:?}", raw);
            }
            Err(e) => prop_assert!(e.starts_with(raw.trim()) || e.starts_with('+'), "{e}"),
        }
    }

    /// Separators do not matter: the digits are kept in order.
    #[test]
    fn valid_mobiles_keep_their_digits_whatever_the_separators(
        (raw, digits) in valid_mobile().prop_flat_map(|m| spaced(m[1..].to_owned())),
        lead in proptest::collection::vec(proptest::sample::select(&SEPARATORS[..]), 0..3),
    ) {
        let lead: String = lead.into_iter().collect();
        let expected = format!("+{digits}");
        prop_assert_eq!(normalize_mobile(&format!("{lead}+{raw}")), Ok(expected.clone()));
        prop_assert_eq!(normalize_mobile(&expected), Ok(expected.clone()));
    }

    /// A bare 11-digit mainland mobile becomes `+86...`, and `mainland_bare` gives the 11 digits back.
    #[test]
    fn bare_mainland_mobiles_get_plus_86_and_mainland_bare_inverts_it(
        (raw, digits) in "13[0-9]{9}".prop_flat_map(spaced),
    ) {
        let e164 = normalize_mobile(&raw);
        prop_assert_eq!(e164.clone(), Ok(format!("+86{digits}")));
        let e164 = e164.unwrap_or_default();
        prop_assert_eq!(mainland_bare(&e164), digits.as_str());
        prop_assert_eq!(normalize_mobile(mainland_bare(&e164)), Ok(e164.clone()));
    }

    /// Bare numbers that are not 11 digits starting with 1 are refused (they have no country code),
    /// and `mainland_bare` leaves every other country's number alone.
    #[test]
    fn other_bare_numbers_are_refused_and_other_countries_kept(
        bare in "[0-9]{1,20}",
        e164 in "[+](8[0-57-9]|[1-79])[0-9]{6,12}",
    ) {
        if !(bare.len() == 11 && bare.starts_with('1')) {
            let err = normalize_mobile(&bare).expect_err("a bare number that is not mainland");
            prop_assert!(err.contains("no country code"), "{err}");
        }
        prop_assert_eq!(mainland_bare(&e164), e164.as_str());
    }
}

proptest! {
    #![proptest_config(super::config(256))]

    /// Only mainland mobiles (`1` and 10 digits) lose their `+86`; mainland landlines and other numbers
    /// behind `+86` (e.g. `+8675512345678`, Shenzhen) keep it, so Alibaba gets `8675512345678`.
    #[test]
    fn mainland_bare_strips_plus_86_only_from_mobiles(rest in "[0-9]{5,13}") {
        let e164 = format!("+86{rest}");
        let mobile = rest.len() == 11 && rest.starts_with('1');
        let expected = if mobile { rest.as_str() } else { e164.as_str() };
        prop_assert_eq!(mainland_bare(&e164), expected);
    }
}
