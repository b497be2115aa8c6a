//! What one row of the delivery log holds, and how a caller names a destination without a secret.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::Serialize;

use crate::channels::Kind;
use crate::channels::message::{Event, Format};
use crate::signing::hex_encode;

use super::Rich;

/// An event's id (`--id`): 1 to 64 letters, digits, `.`, `_`, `-` or `:`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct DeliveryId(String);

impl DeliveryId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for DeliveryId {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let ok = (1..=64).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'));
        if ok {
            Ok(DeliveryId(s.to_owned()))
        } else {
            Err(format!(
                "invalid event id `{s}`: use 1 to 64 letters, digits, `.`, `_`, `-` or `:`, e.g. ticket-42:approval"
            ))
        }
    }
}

impl fmt::Display for DeliveryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What happened to one destination in one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Delivered,
    Failed,
    Skipped,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Delivered => "delivered",
            Outcome::Failed => "failed",
            Outcome::Skipped => "skipped",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        [Outcome::Delivered, Outcome::Failed, Outcome::Skipped]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// Which destination a row is about, in a form that holds no secret; two runs of one event match their
/// destinations by it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identity {
    /// Stored users' channel, re-planned from the store as configured now on a retry. Several recipients
    /// when they share one group robot or webhook; `channel` is None for a recipient with no channel.
    Stored {
        recipients: Vec<String>,
        channel: Option<Kind>,
    },
    /// A destination given on the command line (`--webhook URL`, `--email ADDR`, ...), known only by a
    /// SHA-256 digest of its address: its secrets are not in the log, so it cannot be retried from it.
    AdHoc { channel: Kind, digest: String },
}

impl Identity {
    /// A stored users' channel (the recipients' order does not matter).
    pub fn stored(recipients: &[String], channel: Option<Kind>) -> Self {
        let mut recipients = recipients.to_vec();
        recipients.sort();
        recipients.dedup();
        Identity::Stored {
            recipients,
            channel,
        }
    }

    /// An ad-hoc destination, from its full address (URL, email address or mobile); only its digest is kept.
    pub fn ad_hoc(channel: Kind, address: &str) -> Self {
        use sha2::{Digest, Sha256};
        let digest = hex_encode(&Sha256::digest(address.as_bytes()));
        Identity::AdHoc { channel, digest }
    }

    pub fn is_ad_hoc(&self) -> bool {
        matches!(self, Identity::AdHoc { .. })
    }

    /// The text stored and compared: `user:<kind>:<a>,<b>` or `adhoc:<kind>:<sha256>` (kind `-` for none).
    pub fn key(&self) -> String {
        match self {
            Identity::Stored {
                recipients,
                channel,
            } => format!(
                "user:{}:{}",
                channel.map_or("-", Kind::as_str),
                recipients.join(",")
            ),
            Identity::AdHoc { channel, digest } => format!("adhoc:{}:{digest}", channel.as_str()),
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<Self> {
        let mut parts = key.splitn(3, ':');
        let (tag, kind, rest) = (parts.next()?, parts.next()?, parts.next()?);
        let channel = match kind {
            "-" => None,
            k => Some(k.parse::<Kind>().ok()?),
        };
        match tag {
            "user" => Some(Identity::Stored {
                recipients: rest.split(',').map(str::to_owned).collect(),
                channel,
            }),
            "adhoc" => Some(Identity::AdHoc {
                channel: channel?,
                digest: rest.to_owned(),
            }),
            _ => None,
        }
    }
}

/// The message of a run, as needed to send it again: title, text, format, the DMS event fields, and
/// what templates and rich formats add.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// `--title` when given (the subject is derived from it again on a retry).
    pub title: Option<String>,
    pub text: String,
    pub format: Format,
    pub event: Event,
    /// Template, link, variables, roles, card colour; `None` in a row from log version 1, written
    /// before templates (a retry then sends what that version sent).
    pub rich: Option<Rich>,
}

impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.event, &other.event);
        self.title == other.title
            && self.text == other.text
            && self.format == other.format
            && (&a.name, &a.category, &a.module, &a.task_id, &a.task_name)
                == (&b.name, &b.category, &b.module, &b.task_id, &b.task_name)
            && (&a.submitter_uid, &a.submitter_name) == (&b.submitter_uid, &b.submitter_name)
            && self.rich == other.rich
    }
}

/// One destination's outcome in one run, as the delivery code hands it to [`crate::log::Log::record`].
///
/// `destination` must already be masked, and nothing here may hold a secret: the log is readable audit data.
#[derive(Debug, Clone)]
pub struct Entry {
    pub event_id: DeliveryId,
    /// When the outcome was decided, in Unix milliseconds.
    pub time_ms: i64,
    pub identity: Identity,
    /// As in the report: `alice`, `alice, bob` for a shared robot, `-` for an ad-hoc destination.
    pub recipient: String,
    pub channel: Option<Kind>,
    pub destination: String,
    pub outcome: Outcome,
    pub attempts: u32,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    pub reason: Option<String>,
    pub idempotency_key: String,
    /// Shared by the rows of one run; stored once per distinct message.
    pub content: Arc<Content>,
}

/// What the log holds of one event id, for sending it again: the destinations delivered at least once
/// (a repeated `--id` skips them) and each destination's first idempotency key (it keeps it).
#[derive(Debug, Default)]
pub struct History {
    pub delivered: HashSet<Identity>,
    pub keys: HashMap<Identity, String>,
}

impl History {
    /// From the log's rows of the id, newest first, each (identity key, idempotency key, delivered):
    /// the oldest key is the one left, and one delivery is enough. `identity` reads an identity key.
    pub(super) fn from_rows(
        rows: Vec<(String, String, bool)>,
        identity: impl Fn(&str) -> anyhow::Result<Identity>,
    ) -> anyhow::Result<Self> {
        let mut history = History::default();
        for (name, key, delivered) in rows {
            let identity = identity(&name)?;
            if delivered {
                history.delivered.insert(identity.clone());
            }
            history.keys.insert(identity, key);
        }
        Ok(history)
    }
}

/// A row read back from the log.
#[derive(Debug, Clone)]
pub struct Logged {
    /// Order of recording: a later row for the same event and identity supersedes an earlier one.
    pub seq: i64,
    pub event_id: String,
    /// The event name (`--event`), empty when the send had none.
    pub event: String,
    pub time_ms: i64,
    pub identity: Identity,
    pub recipient: String,
    pub channel: Option<Kind>,
    pub destination: String,
    pub outcome: Outcome,
    pub attempts: u32,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    pub reason: Option<String>,
    pub idempotency_key: String,
    pub content: Content,
}

/// Which rows a query returns; every part that is set must match.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub id: Option<DeliveryId>,
    pub event: Option<String>,
    /// Matches a row when it is one of the row's recipients (rows of shared robots name several).
    pub recipient: Option<String>,
    pub channel: Option<Kind>,
    pub outcome: Option<Outcome>,
    /// Rows at or after this time (Unix milliseconds).
    pub since_ms: Option<i64>,
    pub limit: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_follow_the_contract() {
        for ok in ["a", "ticket-42:approval", "A.b_c-d:e", &"x".repeat(64)] {
            assert!(ok.parse::<DeliveryId>().is_ok(), "{ok}");
        }
        for bad in ["", "a b", "a/b", "é", &"x".repeat(65)] {
            let err = bad.parse::<DeliveryId>().unwrap_err();
            assert!(err.contains("e.g."), "{err}");
        }
    }

    #[test]
    fn identities_round_trip_and_ignore_recipient_order() {
        let a = Identity::stored(&["bob".into(), "alice".into()], Some(Kind::DingtalkBot));
        let b = Identity::stored(&["alice".into(), "bob".into()], Some(Kind::DingtalkBot));
        assert_eq!(a, b);
        assert_eq!(a.key(), "user:dingtalk-bot:alice,bob");
        let none = Identity::stored(&["carol".into()], None);
        let hook = Identity::ad_hoc(Kind::Webhook, "https://hooks.example/x?access_token=s3cret");
        assert!(hook.is_ad_hoc() && !a.is_ad_hoc());
        assert!(!hook.key().contains("s3cret"));
        assert_eq!(hook.key().len(), "adhoc:webhook:".len() + 64);
        for id in [a, none, hook] {
            assert_eq!(Identity::from_key(&id.key()), Some(id));
        }
        assert_eq!(Identity::from_key("nonsense"), None);
    }
}
