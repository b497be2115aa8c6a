//! `notify mute remove`

use anyhow::Result;

use crate::context::Context;
use crate::error::Error;
use crate::store::Store;

/// Remove a mute window that no rule or user uses any more
///
/// A window still named by a rule's --mute or a user's --quiet-hours is refused (exit 2), naming
/// them: change those first (`notify rule set EVENT --no-mute`, `notify user modify NAME
/// --no-quiet-hours`).
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The window's name
    #[arg(value_name = "NAME")]
    pub name: String,
}

/// The rules (`rule EVENT`) and users (`user NAME`) that use window `name`.
pub fn users_of(store: &Store, name: &str) -> (Vec<String>, Vec<String>) {
    let rules = store
        .rules
        .iter()
        .filter(|(_, r)| r.mute.iter().any(|m| m == name))
        .map(|(id, _)| format!("rule {id}"))
        .collect();
    let users = store
        .users
        .iter()
        .filter(|(_, u)| u.quiet_hours.as_deref() == Some(name))
        .map(|(n, _)| format!("user {n}"))
        .collect();
    (rules, users)
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    ctx.store.update(|store| {
        crate::time::check_window(store, &args.name)?;
        let (rules, users) = users_of(store, &args.name);
        let using: Vec<String> = rules.into_iter().chain(users).collect();
        if !using.is_empty() {
            return Err(Error::usage(format!(
                "mute window {} is still used by {}",
                args.name,
                using.join(", ")
            ))
            .hint("remove it from them first: `notify rule set EVENT --no-mute`, `notify user modify NAME --no-quiet-hours`")
            .into());
        }
        store.mute.remove(&args.name);
        Ok(())
    })?;
    ctx.out.note(&format!("removed mute window {}", args.name));
    Ok(())
}
