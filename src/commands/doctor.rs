//! `notify doctor`: is this setup going to work? Every check that needs no message sent, with the fix.

use std::fmt::Write as _;

use anyhow::Result;
use serde::Serialize;

use crate::context::Context;
use crate::doctor::{self, Finding, Inputs, Status};
use crate::error::Error;

/// Check the store, providers, channels and the delivery log; send nothing
///
/// Checks, and says what to fix:
///   store      parses; mode 0600, folder 0700, owned by you
///   rules      users they name exist, roles someone holds, kinds not switched off, templates render
///   providers  complete; every secret resolvable (-env variables set); SMS keys well formed; CA files
///   channels   complete; provider configured; enabled ones verified where the kind needs it
///   network    each app's access token is fetched (one token call, cached as a send caches it); SMTP
///              connects, secures the session and logs in, then quits before MAIL; robot and webhook
///              hosts accept a TCP connect and a TLS handshake (no request is written). Only hosts the
///              store names, all at once, 3 s each; --offline skips them (reported `skipped`)
///   log        opens, schema version, mode; the serve that owns it, and its queue depth
///
/// Each finding is `ok`, `warning` or `problem`, with a hint: the command that fixes it.
///
/// With --json, one object on stdout:
///   {"problems": 1, "warnings": 0, "skipped": 0,
///    "checks": [{"area": "store|rules|providers|channels|network|log", "subject": "provider smtp",
///                "status": "ok|warning|problem|skipped", "message": "...", "hint": "..." | null}]}
///
/// Examples:
///   notify doctor
///   notify doctor --offline --json | jq '.checks[] | select(.status == "problem")'
///
/// Exit 0 when there is no problem (warnings do not count), 1 when there is at least one.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Skip every check that uses the network (tokens, SMTP login, TLS handshakes)
    #[arg(long)]
    pub offline: bool,
}

/// The `doctor --json` shape.
#[derive(Debug, Serialize)]
struct Report<'a> {
    problems: usize,
    warnings: usize,
    skipped: usize,
    checks: &'a [Finding],
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let inputs = Inputs {
        store: ctx.store.path().to_path_buf(),
        log: ctx.log.clone(),
        cache_dir: ctx.cache_dir(),
        offline: args.offline,
        timeout: doctor::TIMEOUT,
        clock: ctx.clock,
    };
    let findings = doctor::run(&inputs)?;
    let problems = doctor::count(&findings, Status::Problem);
    let report = Report {
        problems,
        warnings: doctor::count(&findings, Status::Warning),
        skipped: doctor::count(&findings, Status::Skipped),
        checks: &findings,
    };
    if ctx.out.json {
        ctx.out.json(&report)?;
    } else {
        ctx.out.print(&human(&report))?;
    }
    if problems == 0 {
        return Ok(());
    }
    let noun = if problems == 1 { "problem" } else { "problems" };
    Err(
        Error::failure(format!("notify doctor found {problems} {noun}"))
            .hint("run the hint under each problem, then `notify doctor` again")
            .into(),
    )
}

/// The report grouped by area, each finding's hint under it, and a last line that sums it up.
fn human(report: &Report) -> String {
    let mut text = String::new();
    let mut area = None;
    for f in report.checks {
        if area != Some(f.area) {
            if area.is_some() {
                text.push('\n');
            }
            area = Some(f.area);
            let _ = writeln!(text, "{}", f.area.title());
        }
        let _ = writeln!(
            text,
            "  {:<8} {}: {}",
            f.status.as_str(),
            f.subject,
            f.message
        );
        if let Some(hint) = &f.hint
            && f.status != Status::Ok
        {
            let _ = writeln!(text, "  {:<8} hint: {hint}", "");
        }
    }
    text.push('\n');
    let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    let mut tail = Vec::new();
    if report.warnings > 0 {
        tail.push(plural(report.warnings, "warning"));
    }
    if report.skipped > 0 {
        tail.push(format!("{} skipped (--offline)", report.skipped));
    }
    let tail = if tail.is_empty() {
        String::new()
    } else {
        format!(" ({})", tail.join(", "))
    };
    match report.problems {
        0 => {
            let _ = writeln!(text, "no problems{tail}");
        }
        n => {
            let _ = writeln!(text, "{}{tail}", plural(n, "problem"));
        }
    }
    text
}
