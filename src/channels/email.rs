//! Email: the message lettre sends (UTF-8 subject and body, plain text).

use lettre::Message as Mail;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, header};

use super::message::Message;

/// Builds the mail; `delivery_id` goes into an `X-Notify-Delivery` header for tracing.
pub fn build(from: &str, to: &str, msg: &Message, delivery_id: &str) -> Result<Mail, String> {
    let from: Mailbox = from
        .parse()
        .map_err(|e| format!("invalid sender `{from}`: {e}"))?;
    let to: Mailbox = to
        .parse()
        .map_err(|e| format!("invalid address `{to}`: {e}"))?;
    Mail::builder()
        .from(from)
        .to(to)
        .subject(msg.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .header(DeliveryHeader(delivery_id.to_owned()))
        .body(msg.body())
        .map_err(|e| format!("cannot build the email: {e}"))
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
    use crate::channels::message::{Event, Format};

    #[test]
    fn utf8_subjects_are_encoded() {
        let msg = Message::new(
            Some("工单待审批".into()),
            "请审批".into(),
            Format::Text,
            Event::default(),
        );
        let mail = build("DMS <dms@example.com>", "alice@example.com", &msg, "d-1").expect("mail");
        let text = String::from_utf8(mail.formatted()).expect("ascii");
        assert!(text.contains("Subject: =?utf-8?"), "{text}");
        assert!(text.contains("X-Notify-Delivery: d-1"), "{text}");
    }
}
