//! Fitting a message into a channel's limit (each vendor's, in `channels`): cut at a character boundary with `…`,
//! optionally keeping a required keyword (the DingTalk robot's) present after the cut.

/// What a vendor counts when it states a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (DingTalk, WeCom, Feishu/Lark).
    Bytes,
    /// Unicode characters (SMS).
    Chars,
}

impl Unit {
    /// The size of `text` in this unit.
    pub fn size(self, text: &str) -> usize {
        match self {
            Unit::Bytes => text.len(),
            Unit::Chars => text.chars().count(),
        }
    }
}

/// What a cut leaves behind it.
pub const ELLIPSIS: &str = "…";

/// A text fitted into a limit, and whether it had to be cut (a report row says so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub text: String,
    pub cut: bool,
}

/// The longest prefix of `text` whose size is at most `budget`, ending at a character boundary.
fn prefix(text: &str, budget: usize, unit: Unit) -> &str {
    let end = match unit {
        Unit::Bytes => {
            let mut end = budget.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            end
        }
        Unit::Chars => text
            .char_indices()
            .nth(budget)
            .map_or(text.len(), |(i, _)| i),
    };
    &text[..end]
}

/// `text` as it is when it fits in `limit`, else cut at a character boundary and ended with `…` so
/// that the whole (ellipsis included) fits. Whitespace left before the ellipsis is dropped.
pub fn truncate_to(text: &str, limit: usize, unit: Unit) -> Fitted {
    if unit.size(text) <= limit {
        return Fitted {
            text: text.to_owned(),
            cut: false,
        };
    }
    let budget = limit.saturating_sub(unit.size(ELLIPSIS));
    let mut out = prefix(text, budget, unit).trim_end().to_owned();
    if unit.size(ELLIPSIS) <= limit {
        out.push_str(ELLIPSIS);
    }
    Fitted {
        text: out,
        cut: true,
    }
}

/// Like [`truncate_to`], and the result contains `keyword`: when the cut (or the text itself) lost
/// it, the text is cut further and the keyword follows on a line of its own. A keyword longer than the
/// limit cannot be kept; the result is then the keyword cut to the limit.
pub fn truncate_keeping(text: &str, limit: usize, unit: Unit, keyword: &str) -> Fitted {
    let fitted = truncate_to(text, limit, unit);
    if keyword.is_empty() || fitted.text.contains(keyword) {
        return fitted;
    }
    let tail = format!("\n{keyword}");
    if unit.size(&tail) > limit {
        return Fitted {
            text: truncate_to(keyword, limit, unit).text,
            cut: true,
        };
    }
    let head = truncate_to(text, limit - unit.size(&tail), unit);
    Fitted {
        text: format!("{}{tail}", head.text),
        cut: head.cut,
    }
}

/// Cuts `text` until what `build` makes of it measures at most `limit` (the size `build` reports, in
/// `unit`), keeping `keyword` (may be empty). For limits on an encoded whole, such as a JSON string
/// whose escapes make it longer than the text: the budget shrinks by the excess until it fits.
pub fn fit_with<T>(
    text: &str,
    limit: usize,
    unit: Unit,
    keyword: &str,
    build: impl Fn(&str) -> (T, usize),
) -> (T, bool) {
    let (whole, size) = build(text);
    if size <= limit {
        return (whole, false);
    }
    // Escapes grow with the text: start from the share of the text that would fit, then shrink.
    let mut budget = (unit.size(text) as u128 * limit as u128 / size as u128) as usize;
    loop {
        let fitted = truncate_keeping(text, budget, unit, keyword);
        let (out, size) = build(&fitted.text);
        if size <= limit || budget == 0 {
            return (out, true);
        }
        budget = budget.saturating_sub((size - limit).max(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_within_the_limit_is_unchanged() {
        let f = truncate_to("数据变更", 12, Unit::Bytes);
        assert_eq!(
            f,
            Fitted {
                text: "数据变更".into(),
                cut: false
            }
        );
        assert!(!truncate_to("数据变更", 4, Unit::Chars).cut);
    }

    #[test]
    fn bytes_are_cut_at_a_character_boundary() {
        // Each CJK character is 3 bytes, the ellipsis 3: 13 bytes leave room for 3 characters.
        let f = truncate_to("数据变更完成", 13, Unit::Bytes);
        assert_eq!(f.text, "数据变…");
        assert!(f.cut);
        assert!(f.text.len() <= 13);
        // An emoji is 4 bytes and is never split.
        let f = truncate_to("ab🚀🚀", 8, Unit::Bytes);
        assert_eq!(f.text, "ab…");
        for limit in 0..40 {
            let f = truncate_to("Ticket 数据 🚀 approved 👩‍💻 done", limit, Unit::Bytes);
            assert!(f.text.len() <= limit, "{limit}: {:?}", f.text);
        }
    }

    #[test]
    fn characters_count_the_ellipsis_as_one() {
        let f = truncate_to("数据变更完成", 4, Unit::Chars);
        assert_eq!(f.text, "数据变…");
        assert_eq!(f.text.chars().count(), 4);
        assert_eq!(truncate_to("abc def", 5, Unit::Chars).text, "abc…");
    }

    #[test]
    fn the_keyword_survives_the_cut() {
        let text = format!("DMS {}", "数据".repeat(50));
        let f = truncate_keeping(&text, 30, Unit::Bytes, "DMS");
        assert!(f.cut && f.text.starts_with("DMS ") && f.text.len() <= 30);

        let text = format!("{} DMS", "数据".repeat(50));
        let f = truncate_keeping(&text, 30, Unit::Bytes, "DMS");
        assert!(f.cut, "{f:?}");
        assert!(f.text.ends_with("…\nDMS"), "{f:?}");
        assert!(f.text.len() <= 30, "{f:?}");

        let f = truncate_keeping("short", 30, Unit::Bytes, "DMS");
        assert_eq!(
            f,
            Fitted {
                text: "short\nDMS".into(),
                cut: false
            }
        );
        assert_eq!(truncate_keeping("short", 2, Unit::Bytes, "DMS").text, "");
        assert_eq!(truncate_keeping("x", 3, Unit::Chars, "DMS").text, "DMS");
    }

    #[test]
    fn an_encoded_whole_is_fitted_by_its_own_size() {
        let text = "\"数据\" ".repeat(100);
        let json = |t: &str| {
            let s = serde_json::to_string(t).unwrap();
            let n = s.len();
            (s, n)
        };
        let (out, cut) = fit_with(&text, 200, Unit::Bytes, "", json);
        assert!(cut && out.len() <= 200 && out.len() > 180, "{}", out.len());
        assert!(out.ends_with("…\""), "{out}");
        let (out, cut) = fit_with("short", 200, Unit::Bytes, "", json);
        assert_eq!((out.as_str(), cut), ("\"short\"", false));
    }
}
