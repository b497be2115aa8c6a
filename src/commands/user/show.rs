//! `notify user show`

use anyhow::Result;

use crate::commands::render::{self, UserDetail};
use crate::context::Context;
use crate::error::Error;

/// Show one user and every channel they have configured
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The user's name
    pub name: String,
    /// Print secrets and webhook tokens in full
    #[arg(long)]
    pub reveal: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let user = store.users.get(&args.name).ok_or_else(|| {
        Error::failure(format!("no user named {}", args.name))
            .hint("`notify user list` shows the users")
    })?;
    if ctx.out.json {
        return ctx
            .out
            .json(&UserDetail::new(&args.name, user, args.reveal));
    }
    ctx.out.note(&format!(
        "{}{}{}",
        args.name,
        user.display_name
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default(),
        if user.roles.is_empty() {
            String::new()
        } else {
            format!(", roles: {}", user.roles.join(", "))
        }
    ));
    if !user.fallback.is_empty() {
        let order: Vec<&str> = user.fallback.iter().map(|k| k.as_str()).collect();
        ctx.out
            .note(&format!("fallback: {}", order.join(", then ")));
    }
    if user.channels.0.is_empty() {
        ctx.out.note(&format!(
            "no channels yet: `notify user modify {} --set KIND.FIELD=VALUE` adds one",
            args.name
        ));
        return Ok(());
    }
    let mut rows = Vec::new();
    for (kind, channel) in &user.channels.0 {
        for (i, field) in render::field_rows(kind.fields(), &channel.fields, args.reveal)
            .into_iter()
            .enumerate()
        {
            let (k, state) = if i == 0 {
                (
                    kind.to_string(),
                    format!(
                        "{}{}",
                        if channel.enabled {
                            "enabled"
                        } else {
                            "disabled"
                        },
                        if channel.is_verified(*kind) {
                            ""
                        } else {
                            ", unverified"
                        }
                    ),
                )
            } else {
                (String::new(), String::new())
            };
            rows.push(vec![k, field[0].clone(), field[1].clone(), state]);
        }
    }
    ctx.out.table(&["channel", "field", "value", "state"], rows)
}
