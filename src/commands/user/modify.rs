//! `notify user modify`

use anyhow::Result;

use crate::channels::Kind;
use crate::context::Context;
use crate::error::Error;
use crate::profiles::user::{self, UserChange};

/// Change a user's details and channels as an administrator, all together or not at all
///
/// Values set here count as verified (no code is sent). --enable marks a channel verified and
/// enables it.
///
/// Examples:
///   notify user modify bob --set email.address=bob@example.com --enable email
///   notify user modify bob --set webhook.url=https://hooks.example.com/dms \
///       --set webhook.signature_method=HMAC_SHA256 --set webhook.signature_key_env=HOOK_KEY \
///       --enable webhook
///   notify user modify alice --quiet-hours night
///   notify user modify alice --fallback dingtalk,email,sms
///
/// With --fallback the user gets each message through the first of these channels that delivers,
/// instead of through every enabled channel: a transient failure is retried on the same channel
/// first, a permanent one (or retries used up) moves on to the next; every attempt stays in the log.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The user's name
    pub name: String,
    /// The name shown to people
    #[arg(long, value_name = "TEXT")]
    pub display_name: Option<String>,
    /// Replace the user's roles (repeatable)
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    /// Set a channel field: KIND.FIELD=VALUE (a secret as KIND.FIELD_env=VAR keeps only a reference)
    #[arg(long = "set", value_name = "KIND.FIELD=VALUE")]
    pub sets: Vec<String>,
    /// Mark a channel verified and enable it (repeatable)
    #[arg(long, value_name = "KIND")]
    pub enable: Vec<Kind>,
    /// Disable a channel (repeatable)
    #[arg(long, value_name = "KIND")]
    pub disable: Vec<Kind>,
    /// Create the user when it does not exist
    #[arg(long)]
    pub create: bool,
    /// A mute window (`notify mute set`) every delivery to this user waits out (always deferred)
    #[arg(long, value_name = "NAME", conflicts_with = "no_quiet_hours")]
    pub quiet_hours: Option<String>,
    /// Remove the user's quiet hours
    #[arg(long)]
    pub no_quiet_hours: bool,
    /// Channel kinds to try in this order, the first that delivers (comma-separated)
    #[arg(
        long,
        value_name = "KIND,KIND,...",
        value_delimiter = ',',
        conflicts_with = "no_fallback"
    )]
    pub fallback: Vec<Kind>,
    /// Deliver through every enabled channel again
    #[arg(long)]
    pub no_fallback: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let mut change = UserChange {
        display_name: args.display_name.clone(),
        roles: (!args.roles.is_empty()).then(|| args.roles.clone()),
        enable: args.enable.clone(),
        disable: args.disable.clone(),
        ..UserChange::default()
    };
    for set in &args.sets {
        let parsed = user::parse_assignment(set).map_err(|e| Error::usage(format!("--set {e}")))?;
        change.sets.push(parsed);
    }
    if change.display_name.is_none()
        && change.roles.is_none()
        && change.sets.is_empty()
        && change.enable.is_empty()
        && change.disable.is_empty()
        && args.quiet_hours.is_none()
        && !args.no_quiet_hours
        && args.fallback.is_empty()
        && !args.no_fallback
    {
        return Err(Error::usage("nothing to change")
            .hint("give --display-name, --role, --set KIND.FIELD=VALUE, --enable, --disable, --quiet-hours or --fallback")
            .into());
    }
    let quiet = match (&args.quiet_hours, args.no_quiet_hours) {
        (Some(name), _) => Some(Some(name.clone())),
        (None, true) => Some(None),
        (None, false) => None,
    };
    ctx.store.update(|store| {
        if let Some(Some(name)) = &quiet {
            crate::time::check_window(store, name)?;
        }
        user::modify(store, &args.name, &change, args.create)?;
        if let (Some(quiet), Some(u)) = (quiet.clone(), store.users.get_mut(&args.name)) {
            u.quiet_hours = quiet;
        }
        if let Some(u) = store.users.get_mut(&args.name) {
            if args.no_fallback {
                u.fallback.clear();
            } else if !args.fallback.is_empty() {
                u.fallback = dedup(&args.fallback);
            }
        }
        Ok(())
    })?;
    ctx.out.note(&format!("modified user {}", args.name));
    Ok(())
}

/// The kinds in their first order, each once.
fn dedup(kinds: &[Kind]) -> Vec<Kind> {
    let mut out: Vec<Kind> = Vec::new();
    for k in kinds {
        if !out.contains(k) {
            out.push(*k);
        }
    }
    out
}
