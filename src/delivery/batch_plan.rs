//! Vendor batching (PROTOCOLS.md §11): destinations whose message request would differ only in who it
//! is addressed to share one request: DingTalk work notices (up to 100 userids a call) and Alibaba SMS
//! (up to 1,000 numbers a call). A batch is one request and still one report row per recipient.

use std::collections::HashMap;

use crate::channels::message::Message;
use crate::channels::webhook::Audience;
use crate::channels::wire::Failure;
use crate::channels::{dingtalk, sms};
use crate::signing::{hex_encode, hmac_sha256};
use crate::values::Revealed;

use super::Shown;
use super::plan::Destination;
use super::steps::{self, Body, Composed};
use super::target::{SmsVendor, Target};

/// A destination's copy composed ahead (for the kinds that batch), or None. Boxed: a plan holds one
/// per destination and most are None.
pub type Prepared = Option<Box<Result<Composed, Failure>>>;

/// The batches of a plan, for the live send and the dry run alike: the batching kinds' copies composed
/// ahead (only identical content shares a request), and the groups of destination indexes, in plan
/// order, each one request (a destination that does not batch is a group of its own).
pub fn plan(
    destinations: &[Destination],
    msg: &Message,
    audience: &Audience,
) -> (Vec<Prepared>, Vec<Vec<usize>>) {
    let composed: Vec<Prepared> = destinations
        .iter()
        .map(|d| match &d.target {
            Ok(t) if batches(t) => Some(Box::new(steps::prepare(t, msg, &d.recipients, audience))),
            _ => None,
        })
        .collect();
    let groups =
        group(
            destinations
                .iter()
                .zip(&composed)
                .map(|(d, c)| match (&d.target, c.as_deref()) {
                    (Ok(t), Some(Ok(c))) => key(t, c),
                    _ => None,
                }),
        );
    (composed, groups)
}

/// Whether `target`'s channel carries several recipients in one request.
pub fn batches(target: &Target) -> bool {
    matches!(
        target,
        Target::Dingtalk { .. }
            | Target::Sms {
                vendor: SmsVendor::Aliyun { .. },
                ..
            }
    )
}

/// What may share a request with `target`'s message `msg`: a key naming the vendor account and the
/// exact content (two destinations with equal keys build the same request but for the recipient), and
/// how many may share one request. None for a channel that sends one message per recipient.
pub fn key(target: &Target, msg: &Composed) -> Option<(String, usize)> {
    let ca = target.ca_file();
    match (target, &msg.body) {
        (Target::Dingtalk { app, .. }, Body::Json(payload)) => {
            if matches!(steps::recipient(target), steps::Recipient::Missing(_)) {
                return None;
            }
            let key = format!(
                "dingtalk|{}|{}|{}|{}|{}|{ca:?}|{payload}",
                app.provider,
                app.api_base,
                app.id,
                digest(&app.secret),
                app.agent_id,
            );
            Some((key, dingtalk::MAX_USERIDS))
        }
        (
            Target::Sms {
                vendor:
                    vendor @ SmsVendor::Aliyun {
                        api_base,
                        key_id,
                        key_secret,
                        region,
                        sign_name,
                        ..
                    },
                code,
                ..
            },
            Body::Text(text),
        ) => {
            let (params, template) = steps::sms_template(vendor, code.as_deref(), text);
            let key = format!(
                "aliyun|{api_base}|{key_id}|{}|{region}|{sign_name}|{ca:?}|{template}|{params}",
                digest(key_secret)
            );
            Some((key, sms::ALIYUN_MAX_NUMBERS))
        }
        _ => None,
    }
}

/// Every request a batch would send, as a dry run prints them: the token request, a lookup per member
/// found by mobile, and the one message request (token and looked-up ids as placeholders).
pub fn rendered(
    targets: &[&Target],
    msg: &Composed,
    stamp: &steps::Stamp,
) -> Result<Vec<Shown>, String> {
    let Some(first) = targets.first() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut recipients: Vec<&str> = Vec::with_capacity(targets.len());
    let mut token = "";
    for target in targets {
        match (target, steps::recipient(target)) {
            (Target::Sms { mobile, .. }, _) => recipients.push(mobile),
            (Target::Dingtalk { app, .. }, found) => {
                if out.is_empty() {
                    out.push(Shown::Http(steps::token_request(app)));
                    token = steps::TOKEN_PLACEHOLDER;
                }
                match found {
                    steps::Recipient::Known(id) => recipients.push(id),
                    steps::Recipient::LookUp { mobile, email } => {
                        let req = steps::lookup_request(app, token, mobile, email);
                        out.push(Shown::Http(req));
                        recipients.push(steps::recipient_placeholder(app));
                    }
                    steps::Recipient::Missing(why) => return Err(why.into()),
                }
            }
            _ => return Err("this channel does not batch its messages".into()),
        }
    }
    let req = steps::batch_request(first, msg, stamp, token, &recipients).map_err(|f| f.message)?;
    out.push(Shown::Http(req));
    Ok(out)
}

/// A secret as it may appear in a key: a keyed digest, never the value.
fn digest(secret: &Revealed) -> String {
    hex_encode(&hmac_sha256(b"notify batch", secret.expose().as_bytes()))
}

/// Groups items by key, in the order each group's first member comes, each group at most its limit
/// (a full group starts another); an item without a key is a group of its own.
pub fn group<I>(keys: I) -> Vec<Vec<usize>>
where
    I: IntoIterator<Item = Option<(String, usize)>>,
{
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut open: HashMap<String, usize> = HashMap::new();
    for (index, key) in keys.into_iter().enumerate() {
        let Some((key, limit)) = key else {
            groups.push(vec![index]);
            continue;
        };
        match open.get(&key) {
            Some(&g) if groups[g].len() < limit.max(1) => groups[g].push(index),
            _ => {
                open.insert(key, groups.len());
                groups.push(vec![index]);
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format, Message, Rendered};
    use crate::delivery::target::App;
    use crate::providers::ProviderName;

    fn keyed(name: &str, limit: usize) -> Option<(String, usize)> {
        Some((name.to_owned(), limit))
    }

    #[test]
    fn groups_keep_first_seen_order_and_split_at_the_limit() {
        let keys = vec![
            keyed("a", 2),
            None,
            keyed("b", 2),
            keyed("a", 2),
            keyed("a", 2),
            keyed("b", 2),
            None,
        ];
        assert_eq!(
            group(keys),
            vec![vec![0, 3], vec![1], vec![2, 5], vec![4], vec![6]]
        );
        let many = group((0..250).map(|_| keyed("d", 100)));
        let sizes: Vec<usize> = many.iter().map(Vec::len).collect();
        assert_eq!(sizes, [100, 100, 50]);
    }

    fn ding(userid: &str, secret: &str) -> Target {
        Target::Dingtalk {
            app: App {
                provider: ProviderName::Dingtalk,
                api_base: "http://ding.test".into(),
                id: "app".into(),
                secret: Revealed::new(secret),
                agent_id: 7,
                ca_file: None,
            },
            mobile: None,
            userid: Some(userid.into()),
        }
    }

    fn composed(target: &Target, text: &str) -> Composed {
        let msg = Message::new(None, text.into(), Format::Text, Event::default());
        steps::compose(target, Rendered::new(&msg, None))
    }

    #[test]
    fn only_the_same_content_through_the_same_app_shares_a_key() {
        let a = ding("u1", "s3cret");
        let b = ding("u2", "s3cret");
        let key = |t: &Target, text: &str| key(t, &composed(t, text)).map(|k| k.0);
        assert_eq!(key(&a, "hi"), key(&b, "hi"));
        assert_ne!(key(&a, "hi"), key(&b, "hello"));
        assert_ne!(key(&a, "hi"), key(&ding("u2", "other"), "hi"));
        let k = key(&a, "hi").expect("a work notice batches");
        assert!(!k.contains("s3cret"), "{k}");
        let Target::Dingtalk { app, .. } = a else {
            unreachable!("built as a work notice")
        };
        let missing = Target::Dingtalk {
            app,
            mobile: None,
            userid: None,
        };
        assert_eq!(key(&missing, "hi"), None);
    }
}
