//! Email: the message lettre sends (UTF-8 subject; plain text, or `multipart/alternative` with the
//! text first and HTML rendered from the Markdown last), with a `Message-ID` made from the delivery's
//! idempotency key so that a retry carries the same one and receivers can drop the copy.

use lettre::Message as Mail;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart, header};
use sha2::{Digest, Sha256};

use super::message::{Part, Rendered};
use crate::signing::hex_encode;
use crate::templates::{Unit, markdown, truncate_to};

/// The longest subject, in characters: RFC 5322 allows 998 per header line and RFC 2822 advises 78;
/// a subject longer than a few lines is no longer a subject. lettre folds and RFC 2047-encodes it.
pub const SUBJECT_LIMIT: usize = 250;

/// What a mail says: its subject, its text, and its HTML part in a rich format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
}

/// The parts of one copy: `text/plain` alone in plain text, else also `text/html`.
pub fn parts(r: &Rendered) -> Part<Parts> {
    let html = r.rich.then(|| markdown::to_html(&r.markdown(true)));
    let format = if r.rich {
        "multipart/alternative"
    } else {
        "text/plain"
    };
    let subject = truncate_to(&r.subject, SUBJECT_LIMIT, Unit::Chars);
    let value = Parts {
        subject: subject.text,
        text: r.body_text(),
        html,
    };
    Part {
        format,
        value,
        cut: subject
            .cut
            .then(|| format!("subject cut to {SUBJECT_LIMIT} characters")),
    }
}

/// Builds the mail; `delivery_id` (the idempotency key) goes into an `X-Notify-Delivery` header for
/// tracing and makes the `Message-ID`. lettre adds `Date`; `MIME-Version` is set for every body.
pub fn build(from: &str, to: &str, parts: &Parts, delivery_id: &str) -> Result<Mail, String> {
    let from: Mailbox = from
        .parse()
        .map_err(|e| format!("invalid sender `{from}`: {e}"))?;
    let to: Mailbox = to
        .parse()
        .map_err(|e| format!("invalid address `{to}`: {e}"))?;
    let id = message_id(delivery_id, from.email.domain());
    let mail = Mail::builder()
        .from(from)
        .to(to)
        .subject(parts.subject.clone())
        .message_id(Some(id))
        .header(header::MIME_VERSION_1_0)
        .header(DeliveryHeader(delivery_id.to_owned()));
    match &parts.html {
        Some(html) => mail.multipart(
            MultiPart::alternative()
                .boundary(boundary(parts))
                .singlepart(SinglePart::plain(parts.text.clone()))
                .singlepart(SinglePart::html(html.clone())),
        ),
        None => mail
            .header(ContentType::TEXT_PLAIN)
            .body(parts.text.clone()),
    }
    .map_err(|e| format!("cannot build the email: {e}"))
}

/// `<key@domain>`: the idempotency key (a UUID) as the left part when it is an RFC 5322 dot-atom,
/// else a digest of it, so that any key gives a valid and stable id.
pub fn message_id(key: &str, domain: &str) -> String {
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let dot_atom = !key.is_empty()
        && key
            .split('.')
            .all(|w| !w.is_empty() && w.chars().all(atext))
        && key.len() <= 200;
    let left = if dot_atom {
        key.to_owned()
    } else {
        hex_encode(&Sha256::digest(key.as_bytes()))[..32].to_owned()
    };
    format!("<{left}@{}>", domain.to_ascii_lowercase())
}

/// A boundary derived from the content, so that building one mail twice (a dry run, then the send)
/// gives the same bytes; a digest of the parts cannot occur inside them.
fn boundary(parts: &Parts) -> String {
    let mut hash = Sha256::new();
    hash.update(parts.text.as_bytes());
    hash.update([0]);
    hash.update(parts.html.as_deref().unwrap_or_default().as_bytes());
    format!("notify-{}", &hex_encode(&hash.finalize())[..32])
}

#[derive(Debug, Clone)]
struct DeliveryHeader(String);

impl header::Header for DeliveryHeader {
    fn name() -> header::HeaderName {
        header::HeaderName::new_from_ascii_str("X-Notify-Delivery")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(DeliveryHeader(s.to_owned()))
    }
    fn display(&self) -> header::HeaderValue {
        header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format, Message};

    #[test]
    fn utf8_subjects_are_encoded() {
        let msg = Message::new(
            Some("工单待审批".into()),
            "请审批".into(),
            Format::Text,
            Event::default(),
        );
        let parts = parts(&Rendered::new(&msg, None)).value;
        let mail =
            build("DMS <dms@example.com>", "alice@example.com", &parts, "d-1").expect("mail");
        let text = String::from_utf8(mail.formatted()).expect("ascii");
        assert!(text.contains("Subject: =?utf-8?"), "{text}");
        assert!(text.contains("X-Notify-Delivery: d-1"), "{text}");
        assert!(text.contains("Message-ID: <d-1@example.com>"), "{text}");
        assert!(text.contains("MIME-Version: 1.0\r\n"), "{text}");
        assert!(text.contains("\r\nDate: "), "{text}");
    }

    #[test]
    fn message_ids_are_valid_for_any_key() {
        let id = "0b6f3a52-5d1e-4c8e-9a51-1f0e2d3c4b5a";
        assert_eq!(message_id(id, "Example.COM"), format!("<{id}@example.com>"));
        let odd = message_id("<idempotency key>", "example.com");
        assert_eq!(odd.len(), "<@example.com>".len() + 32, "{odd}");
        assert_eq!(odd, message_id("<idempotency key>", "example.com"));
        assert_ne!(message_id("a..b", "x"), "<a..b@x>");
    }

    #[test]
    fn long_subjects_are_cut_and_no_header_line_passes_998() {
        for subject in ["x".repeat(3000), "工单".repeat(1500), "word ".repeat(600)] {
            let msg = Message::new(Some(subject), "body".into(), Format::Text, Event::default());
            let part = parts(&Rendered::new(&msg, None));
            assert_eq!(part.value.subject.chars().count(), SUBJECT_LIMIT);
            assert!(part.value.subject.ends_with('…'));
            assert_eq!(part.cut.as_deref(), Some("subject cut to 250 characters"));
            let mail = build("dms@example.com", "a@example.com", &part.value, "k").expect("mail");
            let raw = String::from_utf8(mail.formatted()).expect("utf-8");
            let longest = raw.split("\r\n").map(str::len).max().unwrap_or(0);
            assert!(longest <= 998, "a line of {longest} bytes");
        }
    }

    #[test]
    fn a_rich_mail_has_text_first_then_html_with_values_escaped() {
        let event = Event {
            task_name: "<script>alert(1)</script> *x*".into(),
            ..Event::default()
        };
        let mut msg = Message::new(None, "**Approved**".into(), Format::Auto, event);
        msg.link = "https://dms.example/t/1".into();
        let part = parts(&Rendered::new(&msg, None));
        assert_eq!(part.format, "multipart/alternative");
        let p = &part.value;
        assert_eq!(
            p.text,
            "Approved\n\nOpen: https://dms.example/t/1\n\nTask: <script>alert(1)</script> *x*"
        );
        assert_eq!(
            p.html.as_deref(),
            Some(
                "<p><strong>Approved</strong></p>\n<ul>\n<li>Task: &lt;script&gt;alert(1)&lt;/script&gt; *x*</li>\n</ul>\n\
                 <p><a href=\"https://dms.example/t/1\">Open</a></p>\n"
            )
        );
        let mail = build("dms@example.com", "a@example.com", p, "d-1").expect("mail");
        let raw = String::from_utf8(mail.formatted()).expect("utf-8");
        let plain = raw.find("Content-Type: text/plain").expect("text part");
        let html = raw.find("Content-Type: text/html").expect("html part");
        assert!(
            raw.contains("multipart/alternative") && plain < html,
            "{raw}"
        );
    }
}
