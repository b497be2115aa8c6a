//! `notify channel verify`

use anyhow::Result;

use crate::channels::Kind;
use crate::context::Context;

use super::verification::{confirm, start};

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
