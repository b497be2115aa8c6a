//! Why an attempt failed, in words: a report row's and the log's `reason`, beside `error_message`,
//! which keeps what the vendor or the transport said. Each cause is said once: the words never
//! repeat the vendor's text, and where there are no better words the reason is that text itself.

/// The notes the engine appends when it did not try again: the deadline left no time, or a stop
/// (Ctrl-C) came during the wait. They stay at the end of the reason.
const DEADLINE_NOTE: &str = " (no time left to retry before the deadline)";
const NOTES: [&str; 2] = [DEADLINE_NOTE, " (interrupted: not retried)"];

/// Words for a failure with `code` and `message`; `None` when the message says it best (our own
/// messages, unknown vendor codes).
pub fn explain(code: &str, message: &str) -> Option<String> {
    let (text, note) = NOTES
        .iter()
        .find_map(|note| Some((message.strip_suffix(note)?, *note)))
        .unwrap_or((message, ""));
    // The engine's own sentence (a request that left and got no answer) says it best.
    if text.starts_with("outcome unknown") {
        return None;
    }
    let words = vendor(code, text)
        .or_else(|| transport(code, text))
        .or_else(|| smtp(code, text))
        .or_else(|| http(code, text))?;
    Some(format!("{words}{note}"))
}

/// The vendors' own codes for the mistakes people make when they set a channel up.
fn vendor(code: &str, message: &str) -> Option<String> {
    let has = |s: &str| message.to_ascii_lowercase().contains(s);
    let words = match code {
        // DingTalk robot: one code for a keyword the text lacks and for a signature that does not match.
        "310000" if has("keyword") => {
            "the robot refused the message: its keyword is not in the text"
        }
        "310000" if has("sign") => {
            "the robot refused the signature: its SEC secret is not the robot's (or the clock is off)"
        }
        "310000" if has("ip") => "the robot refused this machine's IP address (its allow list)",
        "300001" | "93000" => {
            "the robot does not exist: its URL's token is wrong or it was removed"
        }
        "130101" | "45009" => "the robot is over its rate limit (20 messages a minute)",
        // Feishu and Lark custom bots.
        "19021" => {
            "the bot refused the signature: its secret is not the bot's (or the clock is off)"
        }
        "19024" => "the bot refused the message: its keyword is not in the text",
        // Apps (DingTalk, Feishu, Lark).
        "40014" | "99991663" | "99991661" => "the app's access token was refused",
        "42001" => "the app's access token expired",
        "40089" | "40001" => {
            "the app's credentials were refused: no access token (check the app key and secret)"
        }
        // SMS.
        "isv.MOBILE_NUMBER_ILLEGAL" | "21211" | "21614" => {
            "the SMS vendor refused the mobile number"
        }
        "isv.BUSINESS_LIMIT_CONTROL" => "the SMS vendor's rate limit for this number was reached",
        "SignatureDoesNotMatch" | "InvalidAccessKeyId.NotFound" | "20003" => {
            "the SMS vendor refused the credentials (the AccessKey or the auth token)"
        }
        "isv.SMS_SIGNATURE_ILLEGAL" => "the SMS vendor refused the sign name",
        "isv.SMS_TEMPLATE_ILLEGAL" => "the SMS vendor refused the template code",
        _ => return None,
    };
    Some(words.to_owned())
}

/// Transport failures: what a person can check.
fn transport(code: &str, message: &str) -> Option<String> {
    let has = |s: &str| message.to_ascii_lowercase().contains(s);
    let words = match code {
        "connect" if has("refused") => {
            "nothing accepted the connection at that address (is it running?)"
        }
        "connect" if has("dns") || has("lookup") || has("resolve") => {
            "the host name does not resolve"
        }
        "connect" if has("certificate") => "the server's TLS certificate is not trusted",
        "connect" if has("timed out") || has("timeout") => "the connection timed out",
        "timeout" => "no answer came in time",
        "connection" if has("reset") || has("closed") || has("broken") => {
            "the connection broke before an answer came"
        }
        _ => return None,
    };
    // A certificate problem needs the detail to be fixed (which issuer, which name).
    if code == "connect" && has("certificate") {
        return Some(format!("{words}: {message}"));
    }
    Some(words.to_owned())
}

/// SMTP refusals, as lettre words them (`permanent error (535): ...`).
fn smtp(code: &str, message: &str) -> Option<String> {
    if !(message.starts_with("permanent error") || message.starts_with("transient error")) {
        return None;
    }
    let words = match code {
        "530" | "534" | "535" => "the mail server refused the login (username or password)",
        "550" | "551" | "553" => "the mail server refused the address",
        "552" => "the mail server refused the message as too large",
        "421" | "450" | "451" | "452" => "the mail server is busy; worth another try later",
        _ if code.starts_with('5') => "the mail server refused the message",
        _ => "the mail server deferred the message",
    };
    Some(words.to_owned())
}

/// HTTP statuses, when the answer carried no vendor code.
fn http(code: &str, _message: &str) -> Option<String> {
    let status: u16 = code.parse().ok().filter(|s| (100..600).contains(s))?;
    let words = match status {
        400 => "the endpoint refused the request as malformed",
        401 => "the endpoint refused the credentials",
        403 => "the endpoint forbids the request",
        404 | 410 => "nothing answers at that URL",
        408 => "the endpoint timed the request out",
        413 => "the message is too large for the endpoint",
        429 => "the endpoint asked to slow down",
        300..=399 => "the endpoint redirects elsewhere; give its final URL",
        500..=599 => "the endpoint failed to handle the message",
        402 | 405..=407 | 409 | 411 | 412 | 414..=428 | 430..=499 => {
            "the endpoint refused the message"
        }
        _ => "the endpoint gave an unexpected answer",
    };
    Some(words.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_causes_get_words_and_the_vendors_text_is_not_repeated() {
        assert_eq!(
            explain("310000", "keywords not in content").as_deref(),
            Some("the robot refused the message: its keyword is not in the text")
        );
        assert_eq!(
            explain(
                "connect",
                "tcp connect error: Connection refused (os error 111)"
            )
            .as_deref(),
            Some("nothing accepted the connection at that address (is it running?)")
        );
        assert_eq!(
            explain("401", "Unauthorized").as_deref(),
            Some("the endpoint refused the credentials")
        );
        assert_eq!(
            explain("535", "permanent error (535): authentication failed").as_deref(),
            Some("the mail server refused the login (username or password)")
        );
        assert_eq!(
            explain("503", &format!("busy{DEADLINE_NOTE}")),
            Some(format!(
                "the endpoint failed to handle the message{DEADLINE_NOTE}"
            ))
        );
        assert_eq!(
            explain("503", "busy (interrupted: not retried)").as_deref(),
            Some("the endpoint failed to handle the message (interrupted: not retried)")
        );
        assert_eq!(explain("310001", "something new"), None);
        assert_eq!(explain("invalid", "cannot build the email: x"), None);
    }
}
