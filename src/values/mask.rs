//! Masking of the credentials that URLs carry, for everything a user sees.

/// Query parameters whose values are credentials.
const TOKEN_PARAMS: &[&str] = &["access_token", "key", "token", "secret", "appsecret"];
/// Of those, the ones that name a destination (a robot's token, a hook's key) rather than key a
/// signature: their last characters are shown, so that two masked robots stay apart.
const NAMING_PARAMS: &[&str] = &["access_token", "key", "token"];
/// A token shows its last [`TAIL`] characters only from this length on: 4 of 16 or more reveal
/// little (DingTalk's tokens have 64, WeCom's keys and Feishu's hooks 36); a shorter one is `****`.
const SHOWN_FROM: usize = 16;
const TAIL: usize = 4;

/// `****` and, for a token long enough, its last four characters (`****a1b2`); a value masked already
/// stays as it is, so masking twice changes nothing.
fn mask_naming(value: &str) -> String {
    if value.starts_with("****") {
        return value.to_owned();
    }
    let count = value.chars().count();
    if count < SHOWN_FROM {
        return "****".to_owned();
    }
    let tail: String = value.chars().skip(count - TAIL).collect();
    format!("****{tail}")
}

/// Masks the credentials a URL carries: token query parameters, a password, and the token segment of a
/// Feishu/Lark hook. A robot's or a hook's token keeps its last four characters when it is long
/// (`access_token=****a1b2`), so that masked robots can be told apart; secrets and passwords are `****`. It works on the text as written (no re-encoding, so a masked URL differs from the
/// original only where a credential was) and on text that does not even parse as a URL. In longer text
/// (a message, a log line) each URL is masked on its own: a `?` in the prose before it is not its query.
pub fn mask_url_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for cut in url_starts(text).chain(std::iter::once(text.len())) {
        if cut > start {
            out.push_str(&mask_one(&text[start..cut]));
            start = cut;
        }
    }
    out
}

/// Where the text is cut into pieces that hold at most one URL: around whitespace, and at the scheme
/// before each `://` (so no `?` of the text before a URL is ever taken for the start of its query).
fn url_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let around_space = text
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .flat_map(|(i, c)| [i, i + c.len_utf8()]);
    let schemes = text.match_indices("://").map(|(i, _)| {
        text[..i]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            .last()
            .map_or(i, |(j, _)| j)
    });
    let mut cuts: Vec<usize> = around_space.chain(schemes).collect();
    cuts.sort_unstable();
    cuts.into_iter()
}

/// Masks one piece of text that holds at most one URL: the first `?` starts its query.
fn mask_one(text: &str) -> String {
    let (base, query) = match text.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (text, None),
    };
    let mut out = mask_authority_and_hooks(base);
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, v)) if is_param(k, NAMING_PARAMS) => format!("{k}={}", mask_naming(v)),
                Some((k, _)) if is_param(k, TOKEN_PARAMS) => format!("{k}=****"),
                _ => pair.to_owned(),
            })
            .collect();
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

fn is_param(name: &str, names: &[&str]) -> bool {
    let name = url::form_urlencoded::parse(name.as_bytes())
        .next()
        .map(|(k, _)| k.into_owned())
        .unwrap_or_default();
    names.iter().any(|t| name.eq_ignore_ascii_case(t))
}

/// `scheme://user:password@host/...` -> `scheme://user:****@host/...`; every `/hook/<token>` in the path
/// -> `/hook/****` (and the token's last four characters when it is long).
fn mask_authority_and_hooks(base: &str) -> String {
    let mut out = base.to_owned();
    if let Some(start) = out.find("://").map(|i| i + 3) {
        let end = out[start..].find('/').map_or(out.len(), |i| start + i);
        if let Some(at) = out[start..end].rfind('@').map(|i| start + i)
            && let Some(colon) = out[start..at].find(':').map(|i| start + i)
        {
            out.replace_range(colon + 1..at, "****");
        }
    }
    let mut from = 0;
    while let Some(start) = out[from..]
        .find("/hook/")
        .map(|i| from + i + "/hook/".len())
    {
        let end = out[start..].find('/').map_or(out.len(), |i| start + i);
        if end > start {
            let masked = mask_naming(&out[start..end]);
            out.replace_range(start..end, &masked);
            from = start + masked.len();
        } else {
            from = start - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_in_urls_are_masked() {
        assert_eq!(
            mask_url_tokens("https://oapi.dingtalk.com/robot/send?access_token=abc123"),
            "https://oapi.dingtalk.com/robot/send?access_token=****"
        );
        assert_eq!(
            mask_url_tokens("https://open.feishu.cn/open-apis/bot/v2/hook/abcdef"),
            "https://open.feishu.cn/open-apis/bot/v2/hook/****"
        );
        assert_eq!(
            mask_url_tokens("https://example.com/x?a=1"),
            "https://example.com/x?a=1"
        );
        assert_eq!(mask_url_tokens("alice@example.com"), "alice@example.com");
        assert_eq!(
            mask_url_tokens("https//oapi.dingtalk.com/robot/send?access_token=LEAK&x=1"),
            "https//oapi.dingtalk.com/robot/send?access_token=****&x=1"
        );
        assert_eq!(
            mask_url_tokens("https://bot:pw@hooks.example.com/x?sign=a%2Bb"),
            "https://bot:****@hooks.example.com/x?sign=a%2Bb"
        );
    }

    #[test]
    fn a_question_mark_before_a_url_does_not_hide_its_credentials() {
        assert_eq!(
            mask_url_tokens("note? https://u:PW@h.example.com/x"),
            "note? https://u:****@h.example.com/x"
        );
        assert_eq!(
            mask_url_tokens("Why? https://open.feishu.cn/open-apis/bot/v2/hook/SECRET"),
            "Why? https://open.feishu.cn/open-apis/bot/v2/hook/****"
        );
        assert_eq!(
            mask_url_tokens("? https://0?ACCESS_TOKEN=Z"),
            "? https://0?ACCESS_TOKEN=****"
        );
        assert_eq!(
            mask_url_tokens("see?https://u:PW@h/x?token=T and https://h/y?key=K"),
            "see?https://u:****@h/x?token=**** and https://h/y?key=****"
        );
    }

    #[test]
    fn long_tokens_keep_their_last_four_characters() {
        let token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789a1b2";
        assert_eq!(
            mask_url_tokens(&format!(
                "https://oapi.dingtalk.com/robot/send?access_token={token}"
            )),
            "https://oapi.dingtalk.com/robot/send?access_token=****a1b2"
        );
        assert_eq!(
            mask_url_tokens(
                "https://open.feishu.cn/open-apis/bot/v2/hook/2f1c77e4-0b5a-4c1e-9d7e-5d4c3b2ae9f0"
            ),
            "https://open.feishu.cn/open-apis/bot/v2/hook/****e9f0"
        );
        // Signing secrets, passwords and short tokens show nothing.
        assert_eq!(
            mask_url_tokens(
                "https://u:0123456789abcdefghij@h/x?appsecret=0123456789abcdefghij&key=short"
            ),
            "https://u:****@h/x?appsecret=****&key=****"
        );
        let once = mask_url_tokens(&format!("https://h/x?key={token}"));
        assert_eq!(mask_url_tokens(&once), once);
    }

    #[test]
    fn every_hook_segment_is_masked() {
        assert_eq!(
            mask_url_tokens("https://h/hook/a/open-apis/bot/v2/hook/SECRET"),
            "https://h/hook/****/open-apis/bot/v2/hook/****"
        );
        assert_eq!(
            mask_url_tokens("https://h/hook//hook/S"),
            "https://h/hook//hook/****"
        );
    }
}
