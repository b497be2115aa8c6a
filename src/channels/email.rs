//! Email: the message lettre sends (UTF-8 subject; plain text, or `multipart/alternative` with the
//! text first and HTML rendered from the Markdown last).

use lettre::Message as Mail;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart, header};
use sha2::{Digest, Sha256};

use super::message::{Part, Rendered};
use crate::signing::hex_encode;
use crate::templates::markdown;

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
    let value = Parts {
        subject: r.subject.clone(),
        text: r.body_text(),
        html,
    };
    Part {
        format,
        value,
        cut: None,
    }
}

/// Builds the mail; `delivery_id` goes into an `X-Notify-Delivery` header for tracing.
pub fn build(from: &str, to: &str, parts: &Parts, delivery_id: &str) -> Result<Mail, String> {
    let from: Mailbox = from
        .parse()
        .map_err(|e| format!("invalid sender `{from}`: {e}"))?;
    let to: Mailbox = to
        .parse()
        .map_err(|e| format!("invalid address `{to}`: {e}"))?;
    let mail = Mail::builder()
        .from(from)
        .to(to)
        .subject(parts.subject.clone())
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
