//! The dry run's report: each destination's requests printed as soon as they are built, as text or as
//! one element of a streamed JSON array, so memory stays flat however large the output. A dry run is a
//! pre-flight check: a destination a live run would fail before sending (an unset `-env` key, say)
//! makes it exit 3, after every row is printed.

use anyhow::Result;
use serde::Serialize;

use super::{Roles, roles_of};
use crate::context::Context;
use crate::delivery::{DryRow, Outcome, Shown};
use crate::error::{Error, Exit};
use crate::output::JsonArray;

/// The head of a dry run's JSON; its `destinations` follow one at a time.
#[derive(Serialize)]
struct DryHead<'a, H: Serialize> {
    #[serde(flatten)]
    head: &'a H,
    dry_run: bool,
}

#[derive(Serialize)]
struct DryJson<'a> {
    recipient: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<&'a [String]>,
    channel: &'static str,
    destination: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    requests: Option<&'a [Shown]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

/// Prints a dry run: per destination, the requests it would send (or why it would send none), each
/// destination as soon as the iterator yields it; exit 3 when any destination would fail.
pub fn dry_run<H: Serialize>(
    ctx: &Context,
    head: &H,
    rows: impl IntoIterator<Item = DryRow>,
    roles: Option<&Roles>,
) -> Result<()> {
    let open = || {
        JsonArray::open(
            &DryHead {
                head,
                dry_run: true,
            },
            "destinations",
        )
    };
    let mut json = ctx.out.json.then(open).transpose()?;
    let (mut total, mut failing) = (0, 0);
    for row in rows {
        total += 1;
        if matches!(row.requests, Err((Outcome::Failed, _))) {
            failing += 1;
        }
        let reached = roles_of(roles, &row.recipient);
        let (channel, shown) = (row.channel, &row.destination);
        if let Some(array) = &mut json {
            let (requests, outcome, reason) = match &row.requests {
                Ok(requests) => (Some(&requests[..]), None, None),
                Err((outcome, reason)) => (None, Some(outcome.as_str()), Some(&reason[..])),
            };
            let item = DryJson {
                recipient: &row.recipient,
                roles: reached,
                channel,
                destination: shown,
                requests,
                outcome,
                reason,
            };
            ctx.out.print(&array.item(&item)?)?;
            continue;
        }
        let who = match reached {
            Some(r) => format!("{} ({})", row.recipient, r.join(", ")),
            None => row.recipient.clone(),
        };
        ctx.out.print_with(|out| match &row.requests {
            Ok(requests) => {
                writeln!(out, "# {who} · {channel} · {shown}")?;
                requests.iter().try_for_each(|r| writeln!(out, "{r}"))
            }
            Err((outcome, reason)) => {
                let outcome = outcome.as_str();
                writeln!(out, "# {who} · {channel} · {outcome}: {reason}\n")
            }
        })?;
    }
    if let Some(array) = json {
        ctx.out.print(&array.close())?;
    } else {
        ctx.out.note("dry run: nothing was sent");
    }
    if failing > 0 {
        let message = format!("{failing} of {total} destinations would fail");
        return Err(Error::new(Exit::Delivery, message)
            .hint("fix what each failing row says, then send again")
            .into());
    }
    Ok(())
}
