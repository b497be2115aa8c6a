//! `notify channel verify`

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::channels::message::{Event, Format, Message};
use crate::channels::{Kind, Verification, feishu};
use crate::context::Context;
use crate::delivery::{self, Destination, Engine, Options, Outcome, Plan, Target};
use crate::error::Error;
use crate::profiles;
use crate::store::{Channel, Store};
use crate::verify::{self, Rejection};

/// Prove a channel's destination so that it can be enabled
///
/// email, sms, dingtalk and dingtalk-exclusive: without --code, send a fresh six-digit code (by
/// email, by SMS to the mobile, or as a DingTalk work notice to the employee ID); then confirm it
/// with --code. A code expires after 10 minutes and dies after 5 wrong tries; a new code replaces
/// the old one, at most one a minute. feishu, lark and lark-mobile: the provider's app looks the
/// person up; found means verified. On a terminal, a sent code is asked for straight away.
///
/// Examples:
///   notify channel verify email            # sends the code
///   notify channel verify email --code 123456
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The channel kind
    pub kind: Kind,
    /// The code you received
    #[arg(long, value_name = "N")]
    pub code: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    match &args.code {
        Some(code) => confirm(ctx, args.kind, code),
        None => start(ctx, args.kind, true),
    }
}

fn missing(user: &str, kind: Kind) -> anyhow::Error {
    Error::failure(format!("{user} has no {kind} channel"))
        .hint(format!(
            "configure it first with `notify channel set {kind}`"
        ))
        .into()
}

fn channel<'a>(store: &'a Store, user: &str, kind: Kind) -> Result<&'a Channel> {
    store
        .users
        .get(user)
        .and_then(|u| u.channels.0.get(&kind))
        .ok_or_else(|| missing(user, kind))
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            Error::failure("cannot start the async runtime")
                .caused_by(e)
                .into()
        })
}

fn engine(ctx: &Context) -> Result<Arc<Engine>> {
    let opts = Options {
        deadline: Duration::from_secs(30),
        ..Options::default()
    };
    Ok(Arc::new(Engine::new(opts, ctx.cache_dir())?))
}

/// Sends a code (or looks the person up); with `ask`, prompts for the code on a terminal.
pub fn start(ctx: &Context, kind: Kind, ask: bool) -> Result<()> {
    let store = ctx.store.load()?;
    let user = ctx.user_name(&store)?;
    let current = channel(&store, &user, kind)?.clone();
    profiles::ensure_available(&store, kind)?;
    match kind.verification() {
        Verification::None => {
            ctx.out.note(&format!("{kind} needs no verification"));
            Ok(())
        }
        Verification::Lookup => lookup(ctx, &store, &user, kind, &current),
        Verification::Code => {
            let now = ctx.now();
            if let Some(wait) = verify::resend_wait(current.code_sent_at, now) {
                return Err(Error::failure(format!("a code was sent less than a minute ago; wait {wait} s before asking for another"))
                    .hint(format!("confirm the code you have with `notify channel verify {kind} --code N`"))
                    .into());
            }
            let code = verify::new_code().map_err(Error::failure)?;
            send_code(ctx, &store, &user, kind, &current, &code)?;
            let pending = verify::pending_for(&code, now).map_err(Error::failure)?;
            let fields = current.fields.clone();
            ctx.store.update(|store| {
                let ch = store
                    .users
                    .get_mut(&user)
                    .and_then(|u| u.channels.0.get_mut(&kind));
                match ch {
                    Some(ch) if ch.fields == fields => {
                        ch.pending = Some(pending);
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
            let to = crate::commands::destination(kind, &current);
            ctx.out.note(&format!(
                "sent a verification code to {to}; it expires in 10 minutes"
            ));
            if ask && ctx.prompt.interactive() {
                return ask_for_code(ctx, kind);
            }
            ctx.out.note(&format!(
                "confirm it with `notify channel verify {kind} --code N`"
            ));
            Ok(())
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

fn send_code(
    ctx: &Context,
    store: &Store,
    user: &str,
    kind: Kind,
    channel: &Channel,
    code: &str,
) -> Result<()> {
    let text = |f: &str| channel.text(f).unwrap_or_default().to_owned();
    let provider_hint = |e: String| {
        let p = if kind == Kind::Email {
            "smtp"
        } else if kind == Kind::DingtalkExclusive {
            "dingtalk"
        } else {
            "sms"
        };
        Error::failure(format!("cannot send a verification code: {e}")).hint(format!(
            "configure the provider with `notify provider set {p}`"
        ))
    };
    let target = match kind {
        Kind::Email => Target::Email {
            smtp: delivery::smtp_settings(store).map_err(provider_hint)?,
            to: text("address"),
        },
        Kind::Sms | Kind::Dingtalk => Target::Sms {
            vendor: delivery::sms_vendor(store).map_err(provider_hint)?,
            mobile: text("mobile"),
            code: Some(code.to_owned()),
        },
        Kind::DingtalkExclusive => {
            delivery::target_for(store, kind, channel).map_err(provider_hint)?
        }
        _ => return Ok(()),
    };
    let plan = Plan {
        destinations: vec![Destination {
            recipients: vec![user.to_owned()],
            kind: Some(kind),
            shown: String::new(),
            target: Ok(target),
        }],
        ..Plan::default()
    };
    let msg = Arc::new(code_message(kind, user, code));
    let rows = runtime()?.block_on(engine(ctx)?.run(plan, msg));
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

fn lookup(ctx: &Context, store: &Store, user: &str, kind: Kind, current: &Channel) -> Result<()> {
    let target = delivery::target_for(store, kind, current).map_err(|e| {
        let p = kind.provider().map_or("lark", |p| p.as_str());
        Error::failure(format!("cannot look the person up: {e}")).hint(format!(
            "configure the provider with `notify provider set {p}`"
        ))
    })?;
    let Target::Feishu { app, mobile, email } = target else {
        return Ok(());
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    let engine = engine(ctx)?;
    let found = runtime()?.block_on(engine.feishu_open_id(
        &app,
        mobile.as_deref(),
        email.as_deref(),
        deadline,
    ));
    let shown = crate::commands::destination(kind, current);
    match found {
        Ok(_) => {
            let fields = current.fields.clone();
            ctx.store.update(|store| {
                match store.users.get_mut(user).and_then(|u| u.channels.0.get_mut(&kind)) {
                    Some(ch) if ch.fields == fields => {
                        ch.verified = true;
                        Ok(())
                    }
                    _ => Err(Error::failure(format!("the {kind} channel changed during the lookup")).into()),
                }
            })?;
            ctx.out.note(&format!("{kind}: the {} app found {shown}; the channel is verified", app.provider));
            ctx.out.note(&format!("enable it with `notify channel enable {kind}`"));
            Ok(())
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

/// Asks for the code on the terminal until it is right, or the code is dead or expired.
fn ask_for_code(ctx: &Context, kind: Kind) -> Result<()> {
    loop {
        let entered = ctx.prompt.text("verification code")?;
        if let Err(e) = well_formed(&entered) {
            ctx.out.warn(&e);
            continue;
        }
        match check_code(ctx, kind, &entered)? {
            (user, Err(Rejection::Wrong { attempts_left })) => {
                ctx.out.warn(&format!(
                    "wrong code; {attempts_left} attempt{} left",
                    plural(attempts_left)
                ));
                let _ = user;
            }
            (user, outcome) => return report(ctx, kind, &user, outcome),
        }
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Codes are six digits; anything else is a typo, not an attempt.
fn well_formed(code: &str) -> Result<(), String> {
    let code = code.trim();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!(
            "`{code}` is not a verification code: codes are six digits"
        ))
    }
}

/// Checks a code against the store, counting the attempt there (even a wrong one).
fn check_code(ctx: &Context, kind: Kind, code: &str) -> Result<(String, Result<(), Rejection>)> {
    let now = ctx.now();
    ctx.store.update(|store| {
        let user = ctx.user_name(store)?;
        let ch = store
            .users
            .get_mut(&user)
            .and_then(|u| u.channels.0.get_mut(&kind))
            .ok_or_else(|| missing(&user, kind))?;
        let outcome = verify::check(ch.pending.as_mut(), code, now);
        if outcome.is_ok() {
            ch.verified = true;
            ch.pending = None;
        }
        Ok((user, outcome))
    })
}

/// `notify channel verify KIND --code N`: a malformed code is a usage error and costs no attempt.
pub fn confirm(ctx: &Context, kind: Kind, code: &str) -> Result<()> {
    if kind.verification() != Verification::Code {
        return Err(Error::usage(format!("{kind} is not verified with a code"))
            .hint(format!("run `notify channel verify {kind}` without --code"))
            .into());
    }
    well_formed(code)
        .map_err(|e| Error::usage(e).hint("copy the six digits from the message you received"))?;
    let (user, outcome) = check_code(ctx, kind, code)?;
    report(ctx, kind, &user, outcome)
}

fn report(ctx: &Context, kind: Kind, user: &str, outcome: Result<(), Rejection>) -> Result<()> {
    let again = format!("ask for a new code with `notify channel verify {kind}`");
    match outcome {
        Ok(()) => {
            ctx.out
                .note(&format!("the {kind} channel of {user} is verified"));
            ctx.out
                .note(&format!("enable it with `notify channel enable {kind}`"));
            Ok(())
        }
        Err(Rejection::NoCode) => Err(Error::verification(format!(
            "no verification code is waiting for {kind}"
        ))
        .hint(again)
        .into()),
        Err(Rejection::Expired) => Err(Error::verification(
            "the code has expired (codes last 10 minutes)",
        )
        .hint(again)
        .into()),
        Err(Rejection::Exhausted) => Err(Error::verification(
            "too many wrong codes; this code no longer works",
        )
        .hint(again)
        .into()),
        Err(Rejection::Wrong { attempts_left }) => Err(Error::verification(format!(
            "wrong code; {attempts_left} attempt{} left",
            plural(attempts_left)
        ))
        .hint(format!(
            "check the code and run `notify channel verify {kind} --code N` again"
        ))
        .into()),
    }
}
