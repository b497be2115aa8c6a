//! What each channel kind would get for a message, sending nothing (`notify template render`): the
//! copy rendered and composed by the same code as a send ([`steps::prepare`],
//! [`steps::message_request`]), for a sample destination of each kind (or the recipient's own
//! channel when it is configured).

use serde_json::{Value, json};

use crate::channels::Kind;
use crate::channels::message::Message;
use crate::channels::webhook::{Audience, Person};
use crate::providers::ProviderName;
use crate::signing::SignatureMethod;
use crate::store::Store;
use crate::transport::{SmtpSecurity, SmtpSettings};
use crate::values::Revealed;

use super::DEFAULT_KEYWORD;
use super::steps::{self, Body, Learned, Stamp, TOKEN_PLACEHOLDER};
use super::target::{App, SmsVendor, Target, sms_vendor, target_for};

/// The kinds `template render` shows when none is named: one of each format.
pub const DEFAULT_KINDS: [Kind; 7] = [
    Kind::DingtalkBot,
    Kind::WecomBot,
    Kind::Dingtalk,
    Kind::Feishu,
    Kind::Email,
    Kind::Sms,
    Kind::Webhook,
];

/// One channel kind's view of the message.
#[derive(Debug, Clone)]
pub struct Preview {
    pub channel: Kind,
    /// The vendor's name for the format (`markdown`, `actionCard`, `interactive`, ...).
    pub format: &'static str,
    /// The HTTP request body (JSON) for HTTP channels; `{"subject", "text", "html"}` for email;
    /// `{"template_param": {...}}` or `{"body"}` for SMS.
    pub body: Value,
    /// Set when the message was cut to the channel's limit.
    pub cut: Option<String>,
}

fn app(provider: ProviderName, api_base: &str) -> App {
    App {
        provider,
        api_base: api_base.into(),
        id: "app".into(),
        secret: Revealed::new(""),
        agent_id: 1,
        ca_file: None,
    }
}

/// A destination of `kind` with example addresses and no credentials.
fn sample(store: &Store, kind: Kind) -> Target {
    let mobile = Some("+8613100000000".to_owned());
    match kind {
        Kind::DingtalkBot => Target::DingtalkBot {
            webhook: "https://oapi.dingtalk.com/robot/send".into(),
            keyword: DEFAULT_KEYWORD.into(),
            secret: None,
            ca_file: None,
        },
        Kind::WecomBot => Target::WecomBot {
            webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send".into(),
            ca_file: None,
        },
        Kind::Webhook => Target::Webhook {
            url: "https://hooks.example.com/dms".into(),
            method: SignatureMethod::None,
            key: Revealed::new(""),
            ca_file: None,
        },
        Kind::Dingtalk | Kind::DingtalkExclusive => Target::Dingtalk {
            app: app(ProviderName::Dingtalk, "https://oapi.dingtalk.com"),
            mobile,
            userid: None,
        },
        Kind::Feishu | Kind::Lark | Kind::LarkMobile => Target::Feishu {
            app: app(ProviderName::Feishu, "https://open.feishu.cn"),
            mobile,
            email: None,
        },
        Kind::Email => Target::Email {
            smtp: SmtpSettings {
                host: "smtp.example.com".into(),
                port: 465,
                security: SmtpSecurity::Tls,
                username: None,
                password: None,
                from: "dms@example.com".into(),
                ca_file: None,
            },
            to: "user@example.com".into(),
        },
        Kind::Sms => Target::Sms {
            vendor: sms_vendor(store).unwrap_or_else(|_| SmsVendor::Aliyun {
                api_base: String::new(),
                key_id: String::new(),
                key_secret: Revealed::new(""),
                region: String::new(),
                sign_name: "DMS".into(),
                template: "SMS_0000".into(),
                verify_template: None,
                ca_file: None,
            }),
            mobile: "+8613100000000".into(),
            code: None,
        },
    }
}

/// What `kind` would get; `recipient` (a stored user) fills the template's recipient variables and,
/// when they have this kind configured, gives their own destination (a robot's keyword, say); `now_ms`
/// stamps a signed request.
pub fn preview(
    store: &Store,
    msg: &Message,
    kind: Kind,
    recipient: Option<&str>,
    now_ms: u64,
) -> Result<Preview, String> {
    let own = recipient
        .and_then(|name| store.users.get(name))
        .and_then(|u| u.channels.0.get(&kind))
        .and_then(|c| target_for(store, kind, c).ok());
    let target = own.unwrap_or_else(|| sample(store, kind));
    let recipients: Vec<String> = recipient.map(str::to_owned).into_iter().collect();
    let audience = Audience::new(
        recipients
            .iter()
            .map(|uid| Person {
                uid: uid.clone(),
                name: store.display_name(uid),
            })
            .collect(),
        Vec::new(),
    );
    let composed = steps::prepare(&target, msg, &recipients, &audience).map_err(|f| f.message)?;
    let body = match (&target, &composed.body) {
        (_, Body::Mail(p)) => json!({"subject": p.subject, "text": p.text, "html": p.html}),
        (Target::Sms { vendor, code, .. }, Body::Text(text)) => match vendor {
            SmsVendor::Twilio { .. } => json!({ "body": text }),
            SmsVendor::Aliyun { .. } => {
                let (params, _) = steps::sms_template(vendor, code.as_deref(), text);
                json!({ "template_param": params })
            }
        },
        _ => {
            // Placeholders where a send puts a fresh key: the preview reads the same every time.
            let stamp = Stamp {
                key: "<idempotency key>".into(),
                created_ms: now_ms,
                now_ms,
                nonce: String::new(),
            };
            let learned = Learned {
                token: TOKEN_PLACEHOLDER,
                recipient: "<recipient>",
            };
            let req = steps::message_request(&target, &composed, &audience, &stamp, learned)
                .map_err(|f| f.message)?;
            serde_json::from_slice(&req.body).map_err(|e| format!("not a JSON body: {e}"))?
        }
    };
    Ok(Preview {
        channel: kind,
        format: composed.format,
        body,
        cut: composed.cut,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format};
    use crate::templates::{self, Vars};

    /// One approved event with an awkward task name and a link, in `format`.
    fn message(format: Format) -> Message {
        let event = Event {
            name: "ticket.data-change.approved".into(),
            category: "ticket".into(),
            module: "data-change".into(),
            task_id: "7".into(),
            task_name: "Add <b>idx</b> *now* ] \"q\" 数据 🚀".into(),
            submitter_uid: "carol".into(),
            ..Event::default()
        };
        let text = templates::builtin(&Vars {
            description: "A data change ticket was approved".into(),
            task_id: event.task_id.clone(),
            task_name: event.task_name.clone(),
            submitter: "carol".into(),
            ..Vars::default()
        });
        let mut msg = Message::new(None, text, format, event);
        msg.markdown_text = true;
        msg.link = "https://dms.example.com/t/7".into();
        msg
    }

    fn bodies(format: Format) -> Vec<(&'static str, Value)> {
        let msg = message(format);
        DEFAULT_KINDS
            .iter()
            .map(|kind| {
                let p = preview(&Store::default(), &msg, *kind, None, 0).unwrap();
                assert_eq!(p.cut, None);
                let mut body = p.body;
                if let Some(o) = body.as_object_mut() {
                    o.remove("msgUuid");
                    o.remove("uuid");
                }
                if body.get("messageEvent").is_some() {
                    body = body["messageEvent"]["message"].clone();
                }
                (p.format, body)
            })
            .collect()
    }

    const TITLE: &str = "[DMS] ticket.data-change.approved";
    const URL: &str = "https://dms.example.com/t/7";

    #[test]
    fn golden_rich_bodies_of_one_event_on_every_channel() {
        let task = r#"Add \<b>idx\</b> \*now\* \] "q" 数据 🚀 (#7)"#;
        let md = format!(
            "A data change ticket was approved: {task}, submitted by carol.\n\n\
             - Event: ticket.data-change.approved\n- Category: ticket\n- Module: data-change\n\
             - Task: {task}\n- Submitter: carol"
        );
        let headed = format!("### {TITLE}\n\n{md}");
        let task_html = r#"Add &lt;b&gt;idx&lt;/b&gt; *now* ] "q" 数据 🚀 (#7)"#;
        let card = json!({
            "config": {"wide_screen_mode": true},
            "header": {"title": {"tag": "plain_text", "content": TITLE}, "template": "green"},
            "elements": [
                {"tag": "div", "text": {"tag": "lark_md", "content": md}},
                {"tag": "action", "actions": [{"tag": "button",
                    "text": {"tag": "plain_text", "content": "Open"}, "type": "primary", "url": URL}]},
            ],
        });
        let plain = plain_text();
        let expected = [
            (
                "actionCard",
                json!({"msgtype": "actionCard", "actionCard": {
                "title": TITLE, "text": headed, "singleTitle": "Open", "singleURL": URL}}),
            ),
            (
                "markdown",
                json!({"msgtype": "markdown",
                "markdown": {"content": format!("{headed}\n\n[Open]({URL})")}}),
            ),
            (
                "action_card",
                json!({"agent_id": 1, "userid_list": "<recipient>",
                "msg": {"msgtype": "action_card", "action_card": {"title": TITLE,
                    "markdown": headed, "single_title": "Open", "single_url": URL}}}),
            ),
            (
                "interactive",
                json!({"receive_id": "<recipient>", "msg_type": "interactive",
                "content": card.to_string()}),
            ),
            (
                "multipart/alternative",
                json!({"subject": TITLE, "text": plain.full,
                "html": format!(
                    "<p>A data change ticket was approved: {task_html}, submitted by carol.</p>\n\
                     <ul>\n<li>Event: ticket.data-change.approved</li>\n<li>Category: ticket</li>\n\
                     <li>Module: data-change</li>\n<li>Task: {task_html}</li>\n\
                     <li>Submitter: carol</li>\n</ul>\n<p><a href=\"{URL}\">Open</a></p>\n")}),
            ),
            ("text", json!({"template_param": {"content": plain.full}})),
            ("text", json!(plain.message)),
        ];
        let got = bodies(Format::Auto);
        assert_eq!(got.len(), expected.len());
        for ((format, body), want) in got.iter().zip(expected) {
            assert_eq!((*format, body), (want.0, &want.1));
        }
    }

    struct Plain {
        message: String,
        full: String,
    }

    fn plain_text() -> Plain {
        let task = r#"Add <b>idx</b> *now* ] "q" 数据 🚀 (#7)"#;
        let message = format!(
            "A data change ticket was approved: {task}, submitted by carol.\n\nOpen: {URL}"
        );
        let full = format!(
            "{message}\n\nEvent: ticket.data-change.approved\nCategory: ticket\n\
             Module: data-change\nTask: {task}\nSubmitter: carol"
        );
        Plain { message, full }
    }

    #[test]
    fn golden_plain_bodies_of_one_event_on_every_channel() {
        let plain = plain_text();
        let chat = format!("{TITLE}\n{}", plain.full);
        let expected = [
            (
                "text",
                json!({"msgtype": "text", "text": {"content": chat},
                "at": {"atMobiles": [], "atUserIds": [], "isAtAll": false}}),
            ),
            (
                "text",
                json!({"msgtype": "text",
                "text": {"content": chat, "mentioned_mobile_list": []}}),
            ),
            (
                "text",
                json!({"agent_id": 1, "userid_list": "<recipient>",
                "msg": {"msgtype": "text", "text": {"content": chat}}}),
            ),
            (
                "text",
                json!({"receive_id": "<recipient>", "msg_type": "text",
                "content": json!({"text": chat}).to_string()}),
            ),
            (
                "text/plain",
                json!({"subject": TITLE, "text": plain.full, "html": null}),
            ),
            ("text", json!({"template_param": {"content": plain.full}})),
            ("text", json!(plain.message)),
        ];
        let got = bodies(Format::Text);
        assert_eq!(got.len(), expected.len());
        for ((format, body), want) in got.iter().zip(expected) {
            assert_eq!((*format, body), (want.0, &want.1));
        }
    }
}
