//! `notify channel disable`

use anyhow::Result;

use crate::channels::Kind;
use crate::context::Context;

/// Stop delivering through channels (their configuration is kept)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The channel kinds to disable
    #[arg(required = true)]
    pub kinds: Vec<Kind>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    super::switch(ctx, &args.kinds, false)
}
