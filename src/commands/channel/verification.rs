//! The verification dialogue that `channel verify` and `channel set` share: send a code (or look the
//! person up), ask for the code on a terminal, confirm it, and say what happened and what to do next.

use anyhow::Result;

use crate::channels::{Kind, Verification};
use crate::context::Context;
use crate::error::{self, Error, Exit};
use crate::verify::{self, Rejection, Started};

/// After `channel set` saved a channel that is not verified: goes straight on to verification (send
/// the code and ask for it on a terminal, or look the person up).
pub fn after_save(ctx: &Context, kind: Kind) -> Result<()> {
    // The channel is saved whatever happens next, so only a person typing codes at the prompt (who
    // sees the outcome) gets a failing exit; a script learns `verified` from `channel list --json`.
    match start(ctx, kind, true) {
        Ok(()) => Ok(()),
        Err(e) if error::exit_code(&e) == Exit::Interrupted => Err(e),
        Err(e)
            if error::exit_code(&e) == Exit::Verification
                && ctx.prompt.interactive()
                && kind.verification() == Verification::Code =>
        {
            Err(e)
        }
        Err(e) => {
            let what = match kind.verification() {
                Verification::Lookup => "verify it",
                _ => "send a verification code",
            };
            ctx.out.warn(&format!(
                "the channel is saved but could not {what} yet: {}",
                error::render(&e).trim_end().trim_start_matches("error: ")
            ));
            ctx.out.note(&format!(
                "retry with `notify channel verify {kind}`, then `notify channel enable {kind}`"
            ));
            Ok(())
        }
    }
}

/// Sends a code (or looks the person up); with `ask`, prompts for the code on a terminal.
pub fn start(ctx: &Context, kind: Kind, ask: bool) -> Result<()> {
    let user = ctx.user_name(&ctx.store.load()?)?;
    match verify::start(&ctx.store, &user, kind, ctx.clock, ctx.cache_dir())? {
        Started::NotNeeded => ctx.out.note(&format!("{kind} needs no verification")),
        Started::Found { provider, shown } => {
            ctx.out.note(&format!(
                "{kind}: the {provider} app found {shown}; the channel is verified"
            ));
            ctx.out
                .note(&format!("enable it with `notify channel enable {kind}`"));
        }
        Started::AlreadyVerified { to } => ctx.out.note(&format!(
            "{kind} is already verified ({to}): no code sent; changing its address asks for a new one"
        )),
        Started::CodeSent { to } => {
            ctx.out.note(&format!(
                "sent a verification code to {to}; it expires in 10 minutes"
            ));
            if ask && ctx.prompt.interactive() {
                return ask_for_code(ctx, kind);
            }
            ctx.out.note(&format!(
                "confirm it with `notify channel verify {kind} --code N`"
            ));
        }
    }
    Ok(())
}

/// Asks for the code on the terminal until it is right, or the code is dead or expired.
fn ask_for_code(ctx: &Context, kind: Kind) -> Result<()> {
    loop {
        let entered = ctx.prompt.text("verification code")?;
        if let Err(e) = verify::well_formed(&entered) {
            ctx.out.warn(&e);
            continue;
        }
        match verify::confirm(&ctx.store, kind, &entered, ctx.now(), |s| ctx.user_name(s))? {
            (_, Err(Rejection::Wrong { attempts_left })) => {
                ctx.out.warn(&format!(
                    "wrong code; {attempts_left} attempt{} left",
                    plural(attempts_left)
                ));
            }
            (user, outcome) => return report(ctx, kind, &user, outcome),
        }
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `notify channel verify KIND --code N`: a malformed code is a usage error and costs no attempt.
pub fn confirm(ctx: &Context, kind: Kind, code: &str) -> Result<()> {
    if kind.verification() != Verification::Code {
        return Err(Error::usage(format!("{kind} is not verified with a code"))
            .hint(format!("run `notify channel verify {kind}` without --code"))
            .into());
    }
    verify::well_formed(code)
        .map_err(|e| Error::usage(e).hint("copy the six digits from the message you received"))?;
    let (user, outcome) = verify::confirm(&ctx.store, kind, code, ctx.now(), |s| ctx.user_name(s))?;
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
        Err(Rejection::Elsewhere { sent_to, now }) => Err(Error::verification(format!(
            "the code waiting was sent to {sent_to}, but the {kind} channel's address is now {now}; that code no longer works"
        ))
        .hint(format!("ask for a code for {now} with `notify channel verify {kind}`"))
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
