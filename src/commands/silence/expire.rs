//! `notify silence expire`

use anyhow::Result;

use crate::context::Context;
use crate::error::Error;
use crate::log::silences::{Expired, Silences};

/// End a silence now: matching deliveries go out again
///
/// Exit 1 when no silence has that id; 0 (with a note) when it had ended already.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The silence's id (`notify silence list`)
    #[arg(value_name = "ID")]
    pub id: String,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let path = ctx.log_path()?;
    let expired = match crate::log::may_exist(path) {
        true => Silences::open(path)?.expire(&args.id, now)?,
        false => Expired::Unknown,
    };
    match expired {
        Expired::Now => ctx.out.note(&format!("expired silence {}", args.id)),
        Expired::Before => ctx
            .out
            .note(&format!("silence {} had ended already", args.id)),
        Expired::Unknown => {
            return Err(Error::failure(format!("no silence {}", args.id))
                .hint("`notify silence list --all` shows the ids")
                .into());
        }
    }
    Ok(())
}
