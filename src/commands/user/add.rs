//! `notify user add`

use anyhow::Result;

use crate::context::Context;
use crate::error::Error;
use crate::profiles;
use crate::store::User;

/// Add a user
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The user's name (letters, digits, `.`, `_`, `-`, `@`); also their uid in webhook payloads
    pub name: String,
    /// The name shown to people
    #[arg(long, value_name = "TEXT")]
    pub display_name: Option<String>,
    /// A role (repeatable)
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    // Checked before the store is touched (the library checks again under the lock).
    profiles::check_user_name(&args.name).map_err(Error::usage)?;
    let user = User {
        display_name: args.display_name.clone(),
        roles: args.roles.clone(),
        ..User::default()
    };
    ctx.store
        .update(|store| profiles::user::add(store, &args.name, user))?;
    ctx.out.note(&format!("added user {}", args.name));
    Ok(())
}
