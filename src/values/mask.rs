//! Masking of the credentials that URLs carry, for everything a user sees.

/// Query parameters whose values are credentials.
const TOKEN_PARAMS: &[&str] = &["access_token", "key", "token", "secret", "appsecret"];

/// Masks the credentials a URL carries: token query parameters, a password, and the token segment of a
/// Feishu/Lark hook. It works on the text as written (no re-encoding, so a masked URL differs from the
/// original only where a credential was) and on text that does not even parse as a URL.
pub fn mask_url_tokens(text: &str) -> String {
    let (base, query) = match text.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (text, None),
    };
    let mut out = mask_authority_and_hook(base);
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) if is_token_param(k) => format!("{k}=****"),
                _ => pair.to_owned(),
            })
            .collect();
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

fn is_token_param(name: &str) -> bool {
    let name = url::form_urlencoded::parse(name.as_bytes())
        .next()
        .map(|(k, _)| k.into_owned())
        .unwrap_or_default();
    TOKEN_PARAMS.iter().any(|t| name.eq_ignore_ascii_case(t))
}

/// `scheme://user:password@host/...` -> `scheme://user:****@host/...`; `/hook/<token>` -> `/hook/****`.
fn mask_authority_and_hook(base: &str) -> String {
    let mut out = base.to_owned();
    if let Some(start) = out.find("://").map(|i| i + 3) {
        let end = out[start..].find('/').map_or(out.len(), |i| start + i);
        if let Some(at) = out[start..end].rfind('@').map(|i| start + i)
            && let Some(colon) = out[start..at].find(':').map(|i| start + i)
        {
            out.replace_range(colon + 1..at, "****");
        }
    }
    if let Some(start) = out.find("/hook/").map(|i| i + "/hook/".len()) {
        let end = out[start..].find('/').map_or(out.len(), |i| start + i);
        if end > start {
            out.replace_range(start..end, "****");
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
}
