//! What `notify send` asks for, turned into a plan and a message: stored recipients resolved, ad-hoc
//! destinations (`--webhook`, `--dingtalk-bot`, ...) checked and built, the message given its event.

use std::collections::HashMap;

use anyhow::Result;

use crate::channels::Kind;
use crate::channels::message::{Event, Format, Message};
use crate::clock::Clock;
use crate::error::Error;
use crate::signing::SignatureMethod;
use crate::store::Store;
use crate::templates::filters::rfc3339_utc;
use crate::templates::{self, CardColour, Vars};
use crate::values::{Field, FieldSpec, FieldType, Revealed, mask_url_tokens};

use super::Outcome;
use super::plan::{Destination, Plan, plan_users};
use super::target::{Target, sms_vendor, smtp_settings};

/// Destinations that need no stored profile; secrets already read from wherever the user gave them.
/// `Debug` masks the tokens robot and webhook URLs carry.
#[derive(Clone, Default)]
pub struct Adhoc {
    pub webhooks: Vec<String>,
    pub signature_method: Option<SignatureMethod>,
    pub signature_key: Option<Revealed>,
    pub dingtalk_bots: Vec<String>,
    pub keyword: String,
    pub secret: Option<Revealed>,
    pub wecom_bots: Vec<String>,
    pub emails: Vec<String>,
    pub sms: Vec<String>,
}

impl std::fmt::Debug for Adhoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let masked =
            |urls: &[String]| -> Vec<String> { urls.iter().map(|u| mask_url_tokens(u)).collect() };
        f.debug_struct("Adhoc")
            .field("webhooks", &masked(&self.webhooks))
            .field("signature_method", &self.signature_method)
            .field("signature_key", &self.signature_key)
            .field("dingtalk_bots", &masked(&self.dingtalk_bots))
            .field("keyword", &self.keyword)
            .field("secret", &self.secret)
            .field("wecom_bots", &masked(&self.wecom_bots))
            .field("emails", &self.emails)
            .field("sms", &self.sms)
            .finish()
    }
}

impl Adhoc {
    pub fn is_empty(&self) -> bool {
        self.webhooks.is_empty()
            && self.dingtalk_bots.is_empty()
            && self.wecom_bots.is_empty()
            && self.emails.is_empty()
            && self.sms.is_empty()
    }
}

/// Who a send goes to among the stored users.
#[derive(Debug, Clone)]
pub enum Recipients {
    All,
    /// Named users (a name given twice counts once).
    Named(Vec<String>),
    /// The current user, when nothing else names a recipient.
    Current(String),
    /// Only the ad-hoc destinations.
    Nobody,
}

/// What the notification says, before the store adds the submitter's display name.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// The message: `--message`, else (emit) the event's built-in text.
    pub text: String,
    /// `--message` as given (the template's `message`); empty when none was.
    pub message: String,
    /// Whether `text` is the built-in text (Markdown, values escaped) rather than `--message`.
    pub builtin: bool,
    pub title: Option<String>,
    pub format: Format,
    pub event: String,
    pub category: String,
    pub module: String,
    /// The event's state and description (emit; empty for `send`).
    pub state: String,
    pub description: String,
    pub task_id: String,
    pub task_name: String,
    pub submitter: String,
    /// A template rendered per destination, its output the whole message.
    pub template: Option<String>,
    /// Whether the template is checked before anything is sent (one given on the command line; a
    /// stored one was checked when saved, and if it fails now, each destination reports it).
    pub check_template: bool,
    /// `--link`, the ticket's page (empty: none).
    pub link: String,
    /// The roles that reached each stored recipient, by user name (emit).
    pub roles: HashMap<String, Vec<String>>,
}

/// One send: recipients, the channel filter, ad-hoc destinations and the content.
#[derive(Debug, Clone)]
pub struct Request {
    pub recipients: Recipients,
    pub channels: Vec<Kind>,
    pub adhoc: Adhoc,
    pub content: Content,
}

/// Checks a request against the store and plans it; usage errors name the flag at fault.
pub fn prepare(store: &Store, req: &Request, clock: &Clock) -> Result<(Plan, Message)> {
    let adhoc = adhoc_destinations(store, &req.adhoc)?;
    let users: Vec<String> = match &req.recipients {
        Recipients::All => store.users.keys().cloned().collect(),
        Recipients::Named(names) => {
            let mut users: Vec<String> = Vec::new();
            for name in names {
                if !store.users.contains_key(name) {
                    return Err(Error::usage(format!("no user named {name}"))
                        .hint("`notify user list` shows the users")
                        .into());
                }
                if !users.contains(name) {
                    users.push(name.clone());
                }
            }
            users
        }
        Recipients::Current(name) => {
            if !store.users.contains_key(name) {
                return Err(Error::usage(format!("{name} has no channels to send to"))
                    .hint("configure one with `notify channel set`, or name recipients with --to or an ad-hoc destination such as --webhook")
                    .into());
            }
            vec![name.clone()]
        }
        Recipients::Nobody => Vec::new(),
    };
    let msg = message(store, &req.content, clock)?;
    let plan = plan_users(store, &users, &req.channels, adhoc);
    if plan.destinations.is_empty() {
        return Err(Error::usage("nothing to send to")
            .hint("add users with `notify user add`, or give an ad-hoc destination such as --webhook URL")
            .into());
    }
    Ok((plan, msg))
}

/// The message, with the submitter's display name looked up in the store; a template given on the
/// command line is checked against a sample event and a link must be a web address (exit 2 if not).
pub fn message(store: &Store, content: &Content, clock: &Clock) -> Result<Message> {
    if content.template.is_none() && content.text.trim().is_empty() {
        return Err(Error::usage("the message is empty")
            .hint("give --message TEXT, --message-file PATH or --template FILE")
            .into());
    }
    if let Some(source) = content
        .template
        .as_deref()
        .filter(|_| content.check_template)
    {
        if source.trim().is_empty() {
            return Err(Error::usage("the template is empty")
                .hint("write the message in the file, e.g. {{ description }}: {{ task_name }}")
                .into());
        }
        templates::check(source).map_err(|e| {
            Error::usage(format!("the template does not render: {e}"))
                .hint("fix it and check it with `notify template render --template FILE`")
        })?;
    }
    let link = content.link.trim();
    if !link.is_empty() {
        match url::Url::parse(link) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => {}
            _ => {
                return Err(Error::usage(format!("invalid --link {link}"))
                    .hint("give the ticket's page as an http:// or https:// address")
                    .into());
            }
        }
    }
    let submitter_name = store.display_name(&content.submitter);
    let event = Event {
        name: content.event.clone(),
        description: content.description.clone(),
        category: content.category.clone(),
        module: content.module.clone(),
        task_id: content.task_id.clone(),
        task_name: content.task_name.clone(),
        submitter_uid: content.submitter.clone(),
        submitter_name,
    };
    let vars = Vars {
        event: event.name.clone(),
        category: event.category.clone(),
        module: event.module.clone(),
        state: content.state.clone(),
        description: content.description.clone(),
        task_id: event.task_id.clone(),
        task_name: event.task_name.clone(),
        submitter: event.submitter_uid.clone(),
        submitter_name: event.submitter_name.clone(),
        message: content.message.clone(),
        link: link.to_owned(),
        time: rfc3339_utc(i64::try_from(clock.now_ms()).unwrap_or(i64::MAX)),
        ..Vars::default()
    };
    let mut msg = Message::new(
        content.title.clone(),
        content.text.clone(),
        content.format,
        event,
    );
    msg.markdown_text |= content.builtin;
    msg.template = content.template.clone();
    msg.link = link.to_owned();
    msg.vars = vars;
    msg.roles = content.roles.clone();
    if !content.state.is_empty() {
        msg.colour = CardColour::for_state(&content.state);
    }
    Ok(msg)
}

fn url_arg(flag: &str, raw: &str) -> Result<String> {
    let spec = FieldSpec::new(Field::Url, FieldType::Url, "https://hooks.example.com/dms");
    match spec.parse(raw) {
        Ok(v) => Ok(v.as_text().unwrap_or(raw).to_owned()),
        Err(e) => Err(Error::usage(format!("invalid {flag} {}: {e}", mask_url_tokens(raw))).into()),
    }
}

fn field_arg(kind: Kind, field: Field, flag: &str, raw: &str) -> Result<String> {
    let spec = kind
        .field(field)
        .ok_or_else(|| anyhow::anyhow!("{kind} has no field {field}"))?;
    let value = spec
        .parse(raw)
        .map_err(|e| Error::usage(format!("invalid {flag} {raw}: {e}")))?;
    Ok(value.as_text().unwrap_or(raw).to_owned())
}

fn row(kind: Kind, shown: String, target: Result<Target, String>) -> Destination {
    Destination {
        recipients: Vec::new(),
        kind: Some(kind),
        shown,
        target: target.map_err(|e| (Outcome::Failed, e)),
    }
}

/// The ad-hoc destinations, each flag's values checked; a missing provider is the row's failure.
pub fn adhoc_destinations(store: &Store, adhoc: &Adhoc) -> Result<Vec<Destination>> {
    let mut out = Vec::new();
    let method = adhoc.signature_method.unwrap_or_default();
    let key = &adhoc.signature_key;
    if method == SignatureMethod::None && key.is_some() {
        return Err(Error::usage("a --webhook signing key needs --signature-method")
            .hint("add --signature-method HMAC_SHA256 (or HMAC_SHA1); unsigned deliveries need no key")
            .into());
    }
    if method != SignatureMethod::None && key.is_none() {
        return Err(
            Error::usage(format!("--signature-method {method} needs a key"))
                .hint("give --signature-key, --signature-key-stdin or --signature-key-env VAR")
                .into(),
        );
    }
    for url in &adhoc.webhooks {
        let url = url_arg("--webhook", url)?;
        let target = Target::Webhook {
            url: url.as_str().into(),
            method,
            key: key.clone().unwrap_or_else(|| Revealed::new("")),
            ca_file: None,
        };
        out.push(row(Kind::Webhook, mask_url_tokens(&url), Ok(target)));
    }
    if let Some(s) = &adhoc.secret
        && !s.expose().starts_with("SEC")
    {
        return Err(Error::usage(
            "invalid --secret: the DingTalk robot's signing secret starts with SEC",
        )
        .into());
    }
    for url in &adhoc.dingtalk_bots {
        let url = url_arg("--dingtalk-bot", url)?;
        let target = Target::DingtalkBot {
            webhook: url.as_str().into(),
            keyword: adhoc.keyword.clone(),
            secret: adhoc.secret.clone(),
            ca_file: None,
        };
        out.push(row(Kind::DingtalkBot, mask_url_tokens(&url), Ok(target)));
    }
    for url in &adhoc.wecom_bots {
        let url = url_arg("--wecom-bot", url)?;
        let target = Target::WecomBot {
            webhook: url.as_str().into(),
            ca_file: None,
        };
        out.push(row(Kind::WecomBot, mask_url_tokens(&url), Ok(target)));
    }
    for addr in &adhoc.emails {
        let to = field_arg(Kind::Email, Field::Address, "--email", addr)?;
        let target = smtp_settings(store).map(|smtp| Target::Email {
            smtp,
            to: to.clone(),
        });
        out.push(row(Kind::Email, to, target));
    }
    for mobile in &adhoc.sms {
        let m = field_arg(Kind::Sms, Field::Mobile, "--sms", mobile)?;
        let target = sms_vendor(store).map(|vendor| Target::Sms {
            vendor,
            mobile: m.clone(),
            code: None,
        });
        out.push(row(Kind::Sms, m, target));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_masks_the_tokens_of_ad_hoc_urls() {
        let adhoc = Adhoc {
            webhooks: vec!["https://h.example/x?access_token=tok-1".into()],
            dingtalk_bots: vec!["https://oapi.dingtalk.com/robot/send?access_token=tok-2".into()],
            wecom_bots: vec!["https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=tok-3".into()],
            signature_key: Some(Revealed::new("tok-4")),
            secret: Some(Revealed::new("SECtok-5")),
            ..Adhoc::default()
        };
        let shown = format!("{adhoc:?}");
        for secret in ["tok-1", "tok-2", "tok-3", "tok-4", "tok-5"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("access_token=****"), "{shown}");
    }
}
