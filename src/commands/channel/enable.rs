//! `notify channel enable`

use anyhow::Result;

use crate::channels::Kind;
use crate::context::Context;

/// Select channels for delivery
///
/// A channel must be configured, switched on in Notice Management, and (email, sms, dingtalk,
/// dingtalk-exclusive, feishu, lark, lark-mobile) verified first.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The channel kinds to enable
    #[arg(required = true)]
    pub kinds: Vec<Kind>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    super::switch(ctx, &args.kinds, true)
}
