//! `notify mute set`

use anyhow::Result;

use crate::context::Context;
use crate::error::Error;
use crate::store::Mute;
use crate::time::window::{self, Days, Span};

/// Add or replace a mute window: times of day in a time zone, on some weekdays
///
/// A rule names windows with `notify rule set EVENT --mute NAME` (deferred until the window ends, or
/// dropped with --on-mute drop); a user's quiet hours with `notify user modify NAME --quiet-hours NAME`.
///
/// Times are HH:MM-HH:MM in 24-hour time, local to the zone; a span whose end is at or before its
/// start crosses midnight (22:00-08:00) and 00:00-24:00 is a whole day. Weekdays are the days a span
/// STARTS on: with --weekdays mon-fri, Friday's 22:00-08:00 covers Saturday until 08:00 and
/// Sunday's night is not muted. Daylight-saving changes follow the zone: a time the clocks skip
/// (spring forward) starts the span when the clocks land, a repeated hour (fall back) is muted both
/// times. Without --timezone the window is in this machine's zone, written into the store by name
/// (UTC when the machine has none).
///
/// Examples:
///   notify mute set night --times 22:00-08:00 --timezone Asia/Shanghai
///   notify mute set weeknights --times 22:00-08:00 --weekdays mon-fri --timezone Europe/Berlin
///   notify mute set lunch --times 12:00-13:00,18:30-19:00 --weekdays mon-fri,sat
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The window's name
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Spans of the day, HH:MM-HH:MM (comma-separated or repeated)
    #[arg(
        long,
        value_name = "HH:MM-HH:MM",
        value_delimiter = ',',
        required = true
    )]
    pub times: Vec<Span>,
    /// The weekdays a span starts on: mon..sun or runs like mon-fri (comma-separated; default: every day)
    #[arg(long, value_name = "DAYS", value_delimiter = ',')]
    pub weekdays: Vec<Days>,
    /// An IANA time zone, e.g. Asia/Shanghai (default: this machine's)
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if args.name.is_empty() || !args.name.chars().all(bare) {
        return Err(Error::usage(format!("invalid window name `{}`", args.name))
            .hint("use letters, digits, - and _, e.g. night")
            .into());
    }
    let timezone = match &args.timezone {
        Some(zone) => {
            window::zone(zone).map_err(|e| {
                Error::usage(e)
                    .hint("`notify mute set night --times 22:00-08:00 --timezone Europe/Berlin`")
            })?;
            zone.clone()
        }
        None => match jiff::tz::TimeZone::system().iana_name() {
            Some(name) => name.to_owned(),
            None => {
                ctx.out.warn("this machine's time zone has no IANA name: the window is in UTC (pass --timezone to choose)");
                window::DEFAULT_ZONE.to_owned()
            }
        },
    };
    let mute = Mute {
        times: args.times.clone(),
        weekdays: args.weekdays.clone(),
        timezone: Some(timezone.clone()),
    };
    let replaced = ctx
        .store
        .update(|store| Ok(store.mute.insert(args.name.clone(), mute).is_some()))?;
    let verb = if replaced { "replaced" } else { "added" };
    ctx.out
        .note(&format!("{verb} mute window {} ({timezone})", args.name));
    Ok(())
}
