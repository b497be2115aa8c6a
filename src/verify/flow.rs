//! The verification flows behind `notify channel verify`: send a fresh code to the destination (or look
//! the person up through the provider's app), record it, and check a code the user types.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;

use crate::channels::message::{Event, Format, Message};
use crate::channels::{Kind, Verification, feishu};
use crate::clock::Clock;
use crate::delivery::{self, Destination, Engine, Options, Outcome, Plan, Target};
use crate::error::Error;
use crate::providers::ProviderName;
use crate::store::{Channel, Store, StoreFile};
use crate::transport::{Net, runtime};
use crate::values::{Field, secret};

use super::codes::{self, Rejection};

/// Verification sends and lookups get less time than a send.
const DEADLINE: Duration = Duration::from_secs(30);

/// What starting a verification did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Started {
    /// Robots and webhooks prove nothing.
    NotNeeded,
    /// A code went to `to` (the destination as shown).
    CodeSent { to: String },
    /// The provider's app found the person at `shown`; the channel is verified.
    Found {
        provider: ProviderName,
        shown: String,
    },
    /// The channel's address is verified already and no code waits: nothing was sent.
    AlreadyVerified { to: String },
}

fn channel<'a>(store: &'a Store, user: &str, kind: Kind) -> Result<&'a Channel> {
    crate::profiles::channel_of(store, user, kind)
}

fn engine(clock: Clock, cache_dir: Option<PathBuf>) -> Result<Arc<Engine>> {
    let opts = Options {
        deadline: DEADLINE,
        ..Options::default()
    };
    Ok(Arc::new(Engine::new(
        opts,
        clock,
        cache_dir,
        Arc::new(Net::new()?),
    )))
}

/// Sends a code (or looks the person up) for `user`'s `kind` channel and records the result in `file`.
pub fn start(
    file: &StoreFile,
    user: &str,
    kind: Kind,
    clock: Clock,
    cache_dir: Option<PathBuf>,
) -> Result<Started> {
    let now = clock.now_secs();
    let store = file.load()?;
    let current = channel(&store, user, kind)?.clone();
    crate::profiles::ensure_available(&store, kind)?;
    match kind.verification() {
        Verification::None => Ok(Started::NotNeeded),
        Verification::Lookup => look_up(file, &store, user, kind, &current, clock, cache_dir),
        Verification::Code => {
            let to = kind.shown_destination(&current.fields);
            if current.verified && current.pending.is_none() {
                return Ok(Started::AlreadyVerified { to });
            }
            if let Some(wait) = codes::resend_wait(current.code_sent_at, now) {
                // Only a code that went to today's destination is worth confirming.
                let hint = match current.code_sent_to(kind) {
                    Some(sent_to) => format!(
                        "confirm the code sent to {sent_to} with `notify channel verify {kind} --code N`"
                    ),
                    None => format!(
                        "no code is waiting for {to}: ask for one with `notify channel verify {kind}` in {wait} s"
                    ),
                };
                return Err(Error::failure(format!("a code was sent less than a minute ago; wait {wait} s before asking for another"))
                    .hint(hint)
                    .into());
            }
            let code = codes::new_code().map_err(Error::failure)?;
            send_code(&store, user, kind, &current, &code, clock, cache_dir)?;
            let pending = codes::pending_for(&code, now, to.clone()).map_err(Error::failure)?;
            let fields = current.fields.clone();
            file.update(|store| {
                let ch = store
                    .users
                    .get_mut(user)
                    .and_then(|u| u.channels.0.get_mut(&kind));
                match ch {
                    Some(ch) if ch.fields == fields => {
                        ch.pending = Some(Box::new(pending));
                        ch.code_sent_at = Some(now);
                        Ok(())
                    }
                    _ => Err(Error::failure(format!(
                        "the {kind} channel changed while the code was being sent"
                    ))
                    .hint(format!(
                        "ask for a new code with `notify channel verify {kind}`"
                    ))
                    .into()),
                }
            })?;
            Ok(Started::CodeSent { to })
        }
    }
}

fn code_message(kind: Kind, user: &str, code: &str) -> Message {
    let text = format!(
        "[DMS] Your verification code for the {kind} notification channel of {user} is {code}. \
         It expires in 10 minutes. If you did not ask for it, ignore this message."
    );
    Message::new(
        Some("[DMS] Verification code".into()),
        text,
        Format::Text,
        Event::default(),
    )
}

/// The target a code goes to: by email, by SMS to the mobile (also for `dingtalk`, whose mobile is
/// proven by SMS), or as a DingTalk work notice to the employee ID.
fn code_target(store: &Store, kind: Kind, channel: &Channel, code: &str) -> Result<Target> {
    let text = |f: Field| channel.text(f).unwrap_or_default().to_owned();
    let provider_hint = |e: String| {
        let p = match kind {
            Kind::Email => "smtp",
            Kind::DingtalkExclusive => "dingtalk",
            _ => "sms",
        };
        let hint = secret::hint_for(&e, || {
            format!("configure the provider with `notify provider set {p}`")
        });
        Error::failure(format!("cannot send a verification code: {e}")).hint(hint)
    };
    Ok(match kind {
        Kind::Email => Target::Email {
            smtp: delivery::smtp_settings(store).map_err(provider_hint)?,
            to: text(Field::Address),
        },
        Kind::DingtalkExclusive => {
            delivery::target_for(store, kind, channel).map_err(provider_hint)?
        }
        _ => Target::Sms {
            vendor: delivery::sms_vendor(store).map_err(provider_hint)?,
            mobile: text(Field::Mobile),
            code: Some(code.to_owned()),
        },
    })
}

fn send_code(
    store: &Store,
    user: &str,
    kind: Kind,
    channel: &Channel,
    code: &str,
    clock: Clock,
    cache_dir: Option<PathBuf>,
) -> Result<()> {
    let plan = Plan {
        destinations: vec![Destination {
            recipients: vec![user.to_owned()],
            kind: Some(kind),
            shown: String::new(),
            target: Ok(code_target(store, kind, channel, code)?),
        }],
        ..Plan::default()
    };
    let msg = Arc::new(code_message(kind, user, code));
    let rows = runtime()?.block_on(engine(clock, cache_dir)?.run(plan, msg));
    match rows.first() {
        Some(row) if row.outcome == Outcome::Delivered => Ok(()),
        Some(row) => Err(Error::failure(format!(
            "could not send the verification code: {}{}",
            row.error_code
                .as_ref()
                .map(|c| format!("{c}: "))
                .unwrap_or_default(),
            row.reason.clone().unwrap_or_default()
        ))
        .hint(format!("try again with `notify channel verify {kind}`"))
        .into()),
        None => Err(Error::failure("could not send the verification code").into()),
    }
}

fn look_up(
    file: &StoreFile,
    store: &Store,
    user: &str,
    kind: Kind,
    current: &Channel,
    clock: Clock,
    cache_dir: Option<PathBuf>,
) -> Result<Started> {
    let target = delivery::target_for(store, kind, current).map_err(|e| {
        let p = kind.provider().map_or("lark", |p| p.as_str());
        let hint = secret::hint_for(&e, || {
            format!("configure the provider with `notify provider set {p}`")
        });
        Error::failure(format!("cannot look the person up: {e}")).hint(hint)
    })?;
    let Target::Feishu { app, mobile, email } = target else {
        return Ok(Started::NotNeeded);
    };
    let engine = engine(clock, cache_dir)?;
    let found = runtime()?.block_on(async {
        let deadline = tokio::time::Instant::now() + DEADLINE;
        engine
            .look_up(&app, mobile.as_deref(), email.as_deref(), deadline)
            .await
    });
    let shown = kind.shown_destination(&current.fields);
    match found {
        Ok(_) => {
            let fields = current.fields.clone();
            file.update(|store| {
                match store.users.get_mut(user).and_then(|u| u.channels.0.get_mut(&kind)) {
                    Some(ch) if ch.fields == fields => {
                        ch.verified = true;
                        Ok(())
                    }
                    _ => Err(Error::failure(format!("the {kind} channel changed during the lookup")).into()),
                }
            })?;
            Ok(Started::Found {
                provider: app.provider,
                shown,
            })
        }
        Err(f) if f.code == feishu::USER_NOT_FOUND => Err(Error::verification(format!(
            "the {} app found no user with {shown}",
            app.provider
        ))
        .hint(format!("check the address with `notify channel show {kind}`, or change it with `notify channel set {kind}`"))
        .into()),
        Err(f) => Err(Error::failure(format!("could not look the person up: {}: {}", f.code, f.message))
            .hint(format!("try again with `notify channel verify {kind}`"))
            .into()),
    }
}

/// Codes are six digits; anything else is a typo, not an attempt.
pub fn well_formed(code: &str) -> Result<(), String> {
    let code = code.trim();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!(
            "`{code}` is not a verification code: codes are six digits"
        ))
    }
}

/// Checks a code against the store, counting the attempt there (even a wrong one). `user_of` names the
/// user from the store as it is under the lock.
pub fn confirm(
    file: &StoreFile,
    kind: Kind,
    code: &str,
    now: i64,
    user_of: impl Fn(&Store) -> Result<String>,
) -> Result<(String, Result<(), Rejection>)> {
    file.update(|store| {
        let user = user_of(store)?;
        let ch = store
            .users
            .get_mut(&user)
            .and_then(|u| u.channels.0.get_mut(&kind))
            .ok_or_else(|| crate::profiles::no_channel(&user, kind))?;
        // A code sent to another destination (the address was edited by hand since) proves nothing here.
        if ch.pending.is_some() && ch.waiting_code(kind).is_none() {
            let sent_to = ch.pending.take().map(|p| p.to).unwrap_or_default();
            let now = kind.shown_destination(&ch.fields);
            return Ok((user, Err(Rejection::Elsewhere { sent_to, now })));
        }
        let outcome = codes::check(ch.pending.as_deref_mut(), code, now);
        if outcome.is_ok() {
            ch.verified = true;
            ch.pending = None;
        }
        Ok((user, outcome))
    })
}
