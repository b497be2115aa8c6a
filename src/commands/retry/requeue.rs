//! `notify retry` while a serve runs on the log: the serve's queue owns the events it accepted, so
//! their dead deliveries go back into its queue (the serve sends them) rather than out from here.

use std::collections::HashSet;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::context::Context;
use crate::log::open_queue;
use crate::log::postgres::{self, Database};
use crate::log::{Filter, Identity};

/// The `--json` head of a retry: what went back to the serve's queue.
#[derive(Debug, Default, Serialize)]
pub struct Requeued {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requeued: Vec<Row>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub recipient: String,
    pub channel: Option<String>,
}

/// The serve that sends from the queue of `log` now, as the note names it: the one that owns the
/// file, or the replicas connected to the database.
pub fn serve_on(log: &Path) -> Result<Option<String>> {
    let Some(url) = log.to_str().filter(|l| postgres::is_url(l)) else {
        let pid = crate::relay::serve_owning(log);
        return Ok(pid.map(|pid| format!("the notify serve on this log (process {pid})")));
    };
    let replicas = Database::open(url)?.serving()?;
    Ok(match replicas.len() {
        0 => None,
        1 => Some(format!(
            "the notify serve replica on this database ({})",
            replicas[0]
        )),
        _ => Some(format!(
            "the notify serve replicas on this database ({})",
            replicas.join(", ")
        )),
    })
}

/// Queues the dead deliveries `filter` selects again for the serve `who` names, says so, and
/// returns them with the ids of every event its queue holds (those the retry must not send itself).
pub fn dead(
    ctx: &Context,
    filter: &Filter,
    log: &Path,
    who: &str,
) -> Result<(Requeued, HashSet<String>)> {
    let queue = open_queue(log)?;
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let id = filter.id.as_ref().map(|i| i.as_str());
    let pairs = queue.requeue_dead(id, filter.since_ms, now)?;
    let mut held: HashSet<String> = queue.waiting(now)?.into_iter().map(|w| w.id).collect();
    let rows: Vec<Row> = pairs
        .into_iter()
        .map(|(id, identity)| {
            held.insert(id.clone());
            let (recipient, channel) = match Identity::from_key(&identity) {
                Some(Identity::Stored {
                    recipients,
                    channel,
                }) => (recipients.join(", "), channel),
                Some(Identity::AdHoc { channel, .. }) => (String::new(), Some(channel)),
                None => (identity, None),
            };
            let channel = channel.map(|c| c.to_string());
            Row {
                id,
                recipient,
                channel,
            }
        })
        .collect();
    if !ctx.out.json {
        for row in &rows {
            let channel = row.channel.as_deref().unwrap_or("-");
            ctx.out.print(&format!(
                "{} {} {channel}: re-queued\n",
                row.id, row.recipient
            ))?;
        }
    }
    if !rows.is_empty() {
        let n = rows.len();
        let what = if n == 1 { "delivery" } else { "deliveries" };
        ctx.out.note(&format!(
            "re-queued {n} dead {what} for {who}, which sends them now; follow them with \
             `notify log --outcome queued`"
        ));
    }
    Ok((Requeued { requeued: rows }, held))
}

/// With no serve running, what the retry delivered itself is no longer dead in the queue (`notify
/// log`, `/healthz`); a queue that cannot be told so is a warning, the sends stand.
pub fn settle(ctx: &Context, log: &Path, delivered: &[(String, String)]) {
    if delivered.is_empty() {
        return;
    }
    let settled = open_queue(log).and_then(|q| q.settle_dead(delivered));
    if let Err(e) = settled {
        ctx.out.warn(&format!(
            "the queue still lists the delivered destinations as dead: {e:#}"
        ));
    }
}
