//! Target -> requests and judges: the one builder per vendor, shared by the live send (which fills in
//! the token and the recipient it learned), the dry run (which shows placeholders) and `template
//! render`. A destination's copy of the message is composed into its channel's format once
//! ([`prepare`]), then turned into a request on every attempt ([`message_request`]).

use crate::channels::message::{Message, Part, Rendered};
use crate::channels::webhook::Audience;
use crate::channels::wire::{Failure, HttpRequest, HttpResponse, Verdict};
use crate::channels::{dingtalk, dingtalk_bot, email, feishu, sms, webhook, wecom_bot};
use crate::providers::ProviderName;
use crate::signing::{SignatureMethod, utc_timestamp};
use crate::values::mainland_bare;

use super::render;
use super::target::{App, SmsVendor, Target};
use super::{Shown, new_uuid};

/// What a dry run shows where a live send would carry a fetched token.
pub const TOKEN_PLACEHOLDER: &str = "****";

/// Values that differ by design between two builds of one message: `key` (the idempotency key, also the
/// email's Message-ID) and `created_ms` stay for every attempt; `now_ms` and `nonce` are fresh per
/// attempt where the vendor signs them (robot signatures, Alibaba's signed query).
#[derive(Debug, Clone)]
pub struct Stamp {
    pub key: String,
    pub created_ms: u64,
    pub now_ms: u64,
    pub nonce: String,
}

impl Stamp {
    pub fn new(now_ms: u64) -> Result<Self, Failure> {
        Stamp::keyed(now_ms, None)
    }

    /// A stamp with the idempotency key the caller chose (a fresh random one when `None`).
    pub fn keyed(now_ms: u64, key: Option<&str>) -> Result<Self, Failure> {
        Ok(Stamp {
            key: match key {
                Some(k) => k.to_owned(),
                None => random_id()?,
            },
            created_ms: now_ms,
            now_ms,
            nonce: random_id()?,
        })
    }

    /// The same message's stamp for another attempt.
    pub fn attempt(&self, now_ms: u64) -> Result<Self, Failure> {
        Ok(Stamp {
            now_ms,
            nonce: random_id()?,
            ..self.clone()
        })
    }
}

fn random_id() -> Result<String, Failure> {
    new_uuid().map_err(|message| Failure {
        code: "random".into(),
        message,
        retry_after: None,
    })
}

/// What the live send learned before the message request: the app token and the recipient's id.
#[derive(Debug, Clone, Copy)]
pub struct Learned<'a> {
    pub token: &'a str,
    pub recipient: &'a str,
}

impl Learned<'_> {
    /// For targets that need neither.
    pub const NONE: Learned<'static> = Learned {
        token: "",
        recipient: "",
    };
}

/// How an app target finds the id its message is addressed to.
#[derive(Debug, Clone, Copy)]
pub enum Recipient<'a> {
    /// Known without asking (a DingTalk employee ID, a Lark email).
    Known(&'a str),
    /// Looked up by mobile (or email) through the app's API first.
    LookUp {
        mobile: Option<&'a str>,
        email: Option<&'a str>,
    },
    /// Not enough to address anyone.
    Missing(&'static str),
}

pub fn recipient(target: &Target) -> Recipient<'_> {
    match target {
        Target::Dingtalk {
            userid: Some(u), ..
        } => Recipient::Known(u),
        Target::Dingtalk {
            mobile: Some(m), ..
        } => Recipient::LookUp {
            mobile: Some(m),
            email: None,
        },
        Target::Dingtalk { .. } => Recipient::Missing("no mobile or employee ID"),
        Target::Feishu { email: Some(e), .. } => Recipient::Known(e),
        Target::Feishu {
            mobile: Some(m), ..
        } => Recipient::LookUp {
            mobile: Some(m),
            email: None,
        },
        Target::Feishu { .. } => Recipient::Missing("no mobile or email"),
        _ => Recipient::Known(""),
    }
}

/// The placeholder a dry run shows for a recipient only a lookup would find.
pub(super) fn recipient_placeholder(app: &App) -> &'static str {
    match app.provider {
        ProviderName::Dingtalk => "<userid from getbymobile>",
        _ => "<open_id from batch_get_id>",
    }
}

pub fn token_request(app: &App) -> HttpRequest {
    match app.provider {
        ProviderName::Dingtalk => {
            dingtalk::token_request(&app.api_base, &app.id, app.secret.expose())
        }
        _ => feishu::token_request(&app.api_base, &app.id, app.secret.expose()),
    }
}

pub fn parse_token(app: &App, resp: &HttpResponse) -> Result<(String, u64), Verdict> {
    match app.provider {
        ProviderName::Dingtalk => dingtalk::parse_token(resp),
        _ => feishu::parse_token(resp),
    }
}

/// The vendor codes that mean "this token is no longer valid".
pub fn token_invalid(app: &App) -> &'static [&'static str] {
    match app.provider {
        ProviderName::Dingtalk => dingtalk::TOKEN_INVALID,
        _ => feishu::TOKEN_INVALID,
    }
}

/// The lookup of a person by mobile (DingTalk, Feishu/Lark) or email (Feishu/Lark).
pub fn lookup_request(
    app: &App,
    token: &str,
    mobile: Option<&str>,
    email: Option<&str>,
) -> HttpRequest {
    let wire = mobile.map(mainland_bare);
    match app.provider {
        ProviderName::Dingtalk => {
            dingtalk::userid_request(&app.api_base, token, wire.unwrap_or_default())
        }
        _ => feishu::lookup_request(&app.api_base, token, wire, email),
    }
}

pub fn parse_lookup(app: &App, resp: &HttpResponse) -> Result<String, Verdict> {
    match app.provider {
        ProviderName::Dingtalk => dingtalk::parse_userid(resp),
        _ => feishu::parse_lookup(resp),
    }
}

/// How the answer to a target's message request is judged.
pub fn judge(target: &Target) -> fn(&HttpResponse) -> Verdict {
    match target {
        Target::DingtalkBot { .. } => dingtalk_bot::judge,
        Target::WecomBot { .. } => |r| unless_processed(wecom_bot::judge(r), r),
        Target::Webhook { .. } => webhook::judge,
        Target::Dingtalk { .. } => |r| unless_processed(dingtalk::judge(r), r),
        Target::Feishu { .. } => feishu::judge,
        Target::Sms {
            vendor: SmsVendor::Twilio { .. },
            ..
        } => |r| unless_processed(sms::judge_twilio(r), r),
        Target::Sms { .. } | Target::Email { .. } => |r| unless_processed(sms::judge_aliyun(r), r),
    }
}

/// For a message no idempotency key protects: HTTP 500, 502 and 504 may come after the vendor
/// processed it, so they are not retried but reported as an unknown outcome; 408, 429 and 503 say "not
/// processed, try again" and stay retryable.
fn unless_processed(verdict: Verdict, resp: &HttpResponse) -> Verdict {
    match verdict {
        Verdict::Retry(f) if matches!(resp.status, 500 | 502 | 504) => {
            Verdict::Permanent(Failure {
                message: format!(
                    "outcome unknown: {} came after the request was sent; it may have been delivered",
                    f.message
                ),
                ..f
            })
        }
        other => other,
    }
}

/// Whether an idempotency key protects the message request, so that an attempt that went out without
/// an answer may be repeated (the vendor drops a second copy with the same key): the DingTalk robot's msgUuid, the Feishu/Lark im/v1
/// uuid and our webhook's X-Notify-Delivery.
pub fn resend_safe(target: &Target) -> bool {
    matches!(
        target,
        Target::DingtalkBot { .. } | Target::Feishu { .. } | Target::Webhook { .. }
    )
}

/// Alibaba template parameters: `{"code"}` for a code when a verification template is configured,
/// else `{"content"}` with the whole text; and the template that goes with them.
pub(super) fn sms_template<'a>(
    vendor: &'a SmsVendor,
    code: Option<&str>,
    content: &str,
) -> (serde_json::Value, &'a str) {
    match vendor {
        SmsVendor::Aliyun {
            verify_template: Some(t),
            ..
        } if code.is_some() => (serde_json::json!({"code": code}), t),
        SmsVendor::Aliyun { template, .. } => (serde_json::json!({"content": content}), template),
        SmsVendor::Twilio { .. } => (serde_json::Value::Null, ""),
    }
}

/// What a destination's message request carries, in its channel's format.
#[derive(Debug, Clone)]
pub enum Body {
    /// The JSON of a robot's body or a work notice's `msg`.
    Json(serde_json::Value),
    /// Feishu/Lark's `msg_type` and `content` (a JSON string).
    Feishu(&'static str, String),
    /// An SMS text, or the webhook's `message`.
    Text(String),
    Mail(email::Parts),
}

/// One destination's copy in its channel's format: built once, sent on every attempt.
#[derive(Debug, Clone)]
pub struct Composed {
    pub copy: Rendered,
    pub format: &'static str,
    pub body: Body,
    /// Set when the text was cut to the vendor's limit: the delivered row's reason.
    pub cut: Option<String>,
}

/// Shapes a copy into `target`'s format, within the vendor's size limit for it (`templates::limits`).
pub fn compose(target: &Target, copy: Rendered) -> Composed {
    let json = |p: Part<serde_json::Value>| (p.format, Body::Json(p.value), p.cut);
    let text = |p: Part<String>| (p.format, Body::Text(p.value), p.cut);
    let (format, body, cut) = match target {
        Target::DingtalkBot { keyword, .. } => json(dingtalk_bot::payload(&copy, keyword)),
        Target::WecomBot { .. } => json(wecom_bot::payload(&copy)),
        Target::Dingtalk { .. } => json(dingtalk::payload(&copy)),
        Target::Feishu { .. } => {
            let p = feishu::payload(&copy);
            (p.format, Body::Feishu(p.value.0, p.value.1), p.cut)
        }
        Target::Webhook { .. } => ("text", Body::Text(copy.plain()), None),
        Target::Sms {
            vendor: SmsVendor::Aliyun { sign_name, .. },
            ..
        } => text(sms::aliyun_content(&copy, sign_name)),
        Target::Sms { .. } => text(sms::twilio_body(&copy)),
        Target::Email { .. } => {
            let p = email::parts(&copy);
            (p.format, Body::Mail(p.value), p.cut)
        }
    };
    Composed {
        copy,
        format,
        body,
        cut,
    }
}

/// The copy of `msg` for a destination of `recipients`, in `target`'s format; a template that does not
/// render for it is this destination's failure.
pub fn prepare(
    target: &Target,
    msg: &Message,
    recipients: &[String],
    audience: &Audience,
) -> Result<Composed, Failure> {
    render::copy_for(msg, recipients, audience).map(|copy| compose(target, copy))
}

fn mismatch() -> Failure {
    failure(
        "internal",
        "the message was composed for another channel".into(),
    )
}

fn failure(code: &str, message: String) -> Failure {
    Failure {
        code: code.into(),
        message,
        retry_after: None,
    }
}

/// Whether a target's message request is the same bytes on every attempt (nothing in it depends on the
/// attempt's time or nonce), so that it is built once and sent again as is: a webhook body carries the
/// whole audience (`targetUsers` and `receivers`) and is worth not building twice. A Standard Webhooks
/// signature covers the attempt's time, so such a request is signed afresh (its body is still shared).
pub fn same_every_attempt(target: &Target) -> bool {
    match target {
        Target::Webhook { method, .. } => *method != SignatureMethod::Standard,
        Target::WecomBot { .. } => true,
        _ => false,
    }
}

/// The request that carries the message (every kind but email).
pub fn message_request(
    target: &Target,
    msg: &Composed,
    audience: &Audience,
    stamp: &Stamp,
    learned: Learned<'_>,
) -> Result<HttpRequest, Failure> {
    Ok(match (target, &msg.body) {
        (
            Target::DingtalkBot {
                webhook, secret, ..
            },
            Body::Json(payload),
        ) => dingtalk_bot::request(
            webhook,
            secret.as_ref().map(|s| s.expose()),
            payload,
            stamp.now_ms,
            &stamp.key,
        ),
        (Target::WecomBot { webhook, .. }, Body::Json(payload)) => {
            wecom_bot::request(webhook, payload)
        }
        (
            Target::Webhook {
                url, method, key, ..
            },
            _,
        ) => {
            let body = webhook::body(&msg.copy, audience, &stamp.key, stamp.created_ms, *method);
            webhook::request(url, *method, key.expose(), body, &stamp.key, stamp.now_ms)
                .map_err(|e| failure("invalid", e))?
        }
        (Target::Dingtalk { app, .. }, Body::Json(payload)) => dingtalk::send_request(
            &app.api_base,
            learned.token,
            app.agent_id,
            learned.recipient,
            payload,
        ),
        (Target::Feishu { app, email, .. }, Body::Feishu(msg_type, content)) => {
            let receiver = match email {
                Some(e) => ("email", e.as_str()),
                None => ("open_id", learned.recipient),
            };
            feishu::send_request(
                &app.api_base,
                learned.token,
                receiver,
                (msg_type, content),
                &stamp.key,
            )
        }
        (
            Target::Sms {
                vendor,
                mobile,
                code,
            },
            Body::Text(text),
        ) => sms_request(vendor, code.as_deref(), text, &[mobile], stamp),
        (Target::Email { .. }, _) => {
            return Err(failure("internal", "email is not an HTTP request".into()));
        }
        _ => return Err(mismatch()),
    })
}

/// An SMS to `mobiles` (several only through Alibaba, which takes a list).
fn sms_request(
    vendor: &SmsVendor,
    code: Option<&str>,
    text: &str,
    mobiles: &[&str],
    stamp: &Stamp,
) -> HttpRequest {
    match vendor {
        SmsVendor::Aliyun {
            api_base,
            key_id,
            key_secret,
            region,
            sign_name,
            ..
        } => {
            let cfg = sms::Aliyun {
                api_base,
                access_key_id: key_id,
                access_key_secret: key_secret.expose(),
                region,
                sign_name,
            };
            let (params, template) = sms_template(vendor, code, text);
            sms::aliyun_request(
                &cfg,
                template,
                &params,
                mobiles,
                &stamp.nonce,
                &utc_timestamp(stamp.now_ms / 1000),
            )
        }
        SmsVendor::Twilio {
            api_base,
            sid,
            token,
            from,
            ..
        } => {
            let to = mobiles.first().copied().unwrap_or_default();
            sms::twilio_request(api_base, sid, token.expose(), from, to, text)
        }
    }
}

/// The one request that carries a batch's message (many recipients in one vendor call): `target` and `msg` are any
/// member's (the batch shares them), `recipients` every member's DingTalk userid or mobile.
pub fn batch_request(
    target: &Target,
    msg: &Composed,
    stamp: &Stamp,
    token: &str,
    recipients: &[&str],
) -> Result<HttpRequest, Failure> {
    match (target, &msg.body) {
        (Target::Dingtalk { .. }, _) => {
            let userids = recipients.join(",");
            let learned = Learned {
                token,
                recipient: &userids,
            };
            message_request(target, msg, &Audience::default(), stamp, learned)
        }
        (Target::Sms { vendor, code, .. }, Body::Text(text)) => Ok(sms_request(
            vendor,
            code.as_deref(),
            text,
            recipients,
            stamp,
        )),
        _ => Err(failure(
            "internal",
            "this channel does not batch its messages".into(),
        )),
    }
}

/// The mail an email target sends; the stamp's key is its Message-ID.
pub fn mail(target: &Target, msg: &Composed, stamp: &Stamp) -> Result<lettre::Message, Failure> {
    match (target, &msg.body) {
        (Target::Email { smtp, to }, Body::Mail(parts)) => {
            email::build(&smtp.from, to, parts, &stamp.key).map_err(|e| failure("invalid", e))
        }
        (Target::Email { .. }, _) => Err(mismatch()),
        _ => Err(failure("internal", "not an email target".into())),
    }
}

/// Every request a target would send, as a dry run prints them: signed, credentials masked, a fetched
/// token and a looked-up recipient shown as placeholders. `recipients` are the destination's users
/// (a template sees them).
pub fn rendered(
    target: &Target,
    msg: &Message,
    recipients: &[String],
    audience: &Audience,
    stamp: &Stamp,
) -> Result<Vec<Shown>, String> {
    let msg = &prepare(target, msg, recipients, audience).map_err(|f| f.message)?;
    let mut out = Vec::new();
    let mut learned = Learned::NONE;
    match target {
        Target::Email { smtp, to } => {
            let mail = mail(target, msg, stamp).map_err(|f| f.message)?;
            let auth = smtp
                .username
                .as_deref()
                .map(|u| format!(" as {u} (password ****)"))
                .unwrap_or_default();
            return Ok(vec![Shown::Mail(format!(
                "SMTP {}:{} ({}){auth}\nMAIL FROM: {}\nRCPT TO: {to}\n\n{}\n",
                smtp.host,
                smtp.port,
                smtp.security,
                smtp.from,
                String::from_utf8_lossy(&mail.formatted()).trim_end()
            ))]);
        }
        Target::Dingtalk { app, .. } | Target::Feishu { app, .. } => {
            out.push(Shown::Http(token_request(app)));
            learned.token = TOKEN_PLACEHOLDER;
            match recipient(target) {
                Recipient::Known(id) => learned.recipient = id,
                Recipient::LookUp { mobile, email } => {
                    out.push(Shown::Http(lookup_request(
                        app,
                        TOKEN_PLACEHOLDER,
                        mobile,
                        email,
                    )));
                    learned.recipient = recipient_placeholder(app);
                }
                Recipient::Missing(why) => return Err(why.into()),
            }
        }
        _ => {}
    }
    let req = message_request(target, msg, audience, stamp, learned).map_err(|f| f.message)?;
    out.push(Shown::Http(req));
    Ok(out)
}

#[cfg(test)]
mod tests;
