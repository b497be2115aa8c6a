//! One send as every caller asks for it (`send`, `emit`, `channel test`, `retry`, the relay): the
//! options in one struct, then [`Run::preview`] (a dry run) or [`Run::deliver`] (live, recorded).

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use tokio::runtime::Runtime;

use crate::channels::message::Message;
use crate::clock::Clock;
use crate::log::{DeliveryId, History, Identity};
use crate::transport::{Net, runtime};

use super::dry_run::{DryRow, dry_run};
use super::engine::Engine;
use super::plan::Plan;
use super::recording::{
    ALREADY_DELIVERED, Recording, content_of, entries, fresh_id, identity_of, keys, open,
};
use super::stop::Stop;
use super::{Delivery, Options, Outcome};

/// What a send needs besides its plan and message.
#[derive(Debug)]
pub struct Run<'a> {
    /// Limits, and who is told of progress.
    pub opts: Options,
    /// The run's one clock (signed timestamps, pacing, the log's times).
    pub clock: Clock,
    /// `<user cache dir>/notify`: app tokens and robot send times kept between runs.
    pub cache_dir: Option<PathBuf>,
    /// Where the outcomes are recorded.
    pub recording: Recording<'a>,
    /// The event id; a fresh one when `None`.
    pub id: Option<DeliveryId>,
    /// Stop on SIGINT/SIGTERM (see [`super::stop`]) rather than die with the process.
    pub interruptible: bool,
}

/// A finished run: its event id, one row per destination, whether a signal cut it short, and why it
/// was not recorded, if it was not.
#[derive(Debug)]
pub struct Finished {
    pub id: DeliveryId,
    pub rows: Vec<Delivery>,
    pub interrupted: bool,
    pub not_recorded: Option<anyhow::Error>,
    /// The rows for the log that the caller records itself ([`Run::deliver_with`]); else none.
    pub entries: Vec<crate::log::Entry>,
}

/// A run's id, log and keys, between the plan and the record.
struct Prepared {
    id: DeliveryId,
    log: Option<crate::log::DeliveryLog>,
    problem: Option<anyhow::Error>,
    identities: Vec<Identity>,
    keys: Vec<String>,
}

/// The engine's place to run: a runtime, its connections, and the stop it obeys.
pub(super) struct Live {
    runtime: Runtime,
    /// Always `Some` until dropped (inside the runtime: the SMTP pool's close needs one).
    net: Option<Arc<Net>>,
    stop: Stop,
}

impl Run<'_> {
    /// A run with these limits: unrecorded, under a fresh id, not watching for signals.
    pub fn new(opts: Options, clock: Clock) -> Self {
        Run {
            opts,
            clock,
            cache_dir: None,
            recording: Recording::Off,
            id: None,
            interruptible: false,
        }
    }

    /// The dry run: the event id a live run would use, and every request each destination would send
    /// (built by the same code as a live send, secrets masked), row by row; nothing is opened or read.
    pub fn preview<'p>(
        &self,
        plan: &'p mut Plan,
        msg: &'p Message,
    ) -> Result<(DeliveryId, impl Iterator<Item = DryRow> + 'p)> {
        let id = match &self.id {
            Some(id) => id.clone(),
            None => fresh_id()?,
        };
        let identities: Vec<Identity> = plan.destinations.iter().map(identity_of).collect();
        plan.keys = keys(&plan.destinations, &identities, &id, &Default::default());
        let plan: &'p Plan = plan;
        Ok((id, dry_run(plan, msg, self.clock)))
    }

    /// Delivers `plan` and records every destination's outcome. Destinations the log says were
    /// delivered for this id already are skipped, reason [`ALREADY_DELIVERED`].
    pub fn deliver(mut self, mut plan: Plan, msg: Message) -> Result<Finished> {
        let prepared = self.prepare(&mut plan)?;
        let content = Arc::new(content_of(&msg));
        let live = self.start()?;
        let rows = self.send(&live, plan, msg);
        let interrupted = live.stop.is_set();
        Ok(self.finish(prepared, rows, &content, interrupted))
    }

    /// [`Run::deliver`] on the caller's runtime through the caller's engine: its connections, its
    /// stop, and its robot pacing, app tokens, rate limits and bound on exchanges in flight, shared
    /// with every other run on it (the relay's workers). The engine's limits apply, not `opts`.
    /// A kept log is read, not written: its rows come back in [`Finished::entries`] for the caller to
    /// record (the relay, in one transaction with its queue's outcomes).
    pub async fn deliver_with(
        mut self,
        engine: &Arc<Engine>,
        mut plan: Plan,
        msg: Message,
    ) -> Result<Finished> {
        let mut prepared = self.prepare(&mut plan)?;
        // A kept log was only read: back for the next send now, not held through this one's exchange.
        let mut readable = false;
        if let Recording::Kept(kept) = &self.recording
            && let Some(log) = prepared.log.take()
        {
            readable = true;
            if prepared.problem.is_none() {
                kept.give(log);
            }
        }
        let content = Arc::new(content_of(&msg));
        let rows = Arc::clone(engine).run(plan, Arc::new(msg)).await;
        let interrupted = engine.stopped();
        if !matches!(self.recording, Recording::Kept(_)) {
            return Ok(self.finish(prepared, rows, &content, interrupted));
        }
        let Prepared {
            id,
            problem,
            identities,
            keys,
            ..
        } = prepared;
        // A log that could not be read is not written either: the warning stays true.
        let entries = if readable {
            entries(&id, &rows, identities, keys, &content, self.clock.now_ms())
        } else {
            Vec::new()
        };
        Ok(Finished {
            id,
            rows,
            interrupted,
            not_recorded: problem,
            entries,
        })
    }

    /// The id, the log and what it knows: delivered destinations skipped, every key chosen.
    fn prepare(&mut self, plan: &mut Plan) -> Result<Prepared> {
        let id = match self.id.clone() {
            Some(id) => id,
            None => fresh_id()?,
        };
        let mut problem = None;
        let recording = match &self.recording {
            Recording::Kept(kept) => Recording::Kept(Arc::clone(kept)),
            _ => std::mem::replace(&mut self.recording, Recording::Off),
        };
        let mut log = open(recording, &mut problem);
        let mut known = History::default();
        if let Some(opened) = &log {
            match opened.history_of(&id) {
                Ok(k) => known = k,
                // A log that cannot be read is not written either: the warning stays true.
                Err(e) => {
                    problem = Some(e);
                    log = None;
                }
            }
        }
        let identities: Vec<Identity> = plan.destinations.iter().map(identity_of).collect();
        for (dest, identity) in plan.destinations.iter_mut().zip(&identities) {
            if known.delivered.contains(identity) {
                dest.target = Err((Outcome::Skipped, ALREADY_DELIVERED.into()));
            }
        }
        plan.keys = keys(&plan.destinations, &identities, &id, &known.keys);
        Ok(Prepared {
            keys: plan.keys.clone(),
            id,
            log,
            problem,
            identities,
        })
    }

    /// Records the rows (one transaction) and says how the run ended.
    fn finish(
        &self,
        prepared: Prepared,
        rows: Vec<Delivery>,
        content: &Arc<crate::log::Content>,
        interrupted: bool,
    ) -> Finished {
        let Prepared {
            id,
            log,
            mut problem,
            identities,
            keys,
        } = prepared;
        if let Some(log) = &log {
            let time = self.clock.now_ms();
            if let Err(e) = log.record(&entries(&id, &rows, identities, keys, content, time)) {
                problem.get_or_insert(e);
            }
        }
        // A kept log goes back unless it failed (the next run opens a fresh one then).
        if let (Recording::Kept(kept), Some(log), None) = (&self.recording, log, &problem) {
            kept.give(log);
        }
        Finished {
            id,
            rows,
            interrupted,
            not_recorded: problem,
            entries: Vec::new(),
        }
    }

    /// A runtime and connections for this run's sends, watching for signals when asked to.
    pub(super) fn start(&self) -> Result<Live> {
        let runtime = runtime()?;
        let net = Arc::new(Net::for_attempts_of(self.opts.timeout)?);
        let stop = match self.interruptible {
            true => Stop::on_signals(&runtime, self.opts.progress.clone())?,
            false => Stop::never(),
        };
        Ok(Live {
            runtime,
            net: Some(net),
            stop,
        })
    }

    /// Sends a plan and reports every destination, in plan order.
    pub(super) fn send(&self, live: &Live, plan: Plan, msg: Message) -> Vec<Delivery> {
        let engine = Engine::new(
            self.opts.clone(),
            self.clock,
            self.cache_dir.clone(),
            live.net.clone().unwrap_or_else(|| Arc::new(Net::default())),
        );
        let engine = Arc::new(engine.with_stop(live.stop.clone()));
        live.runtime.block_on(engine.run(plan, Arc::new(msg)))
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        let _entered = self.runtime.enter();
        self.net.take();
    }
}

impl Live {
    /// Whether a signal asked the run to stop.
    pub(super) fn stopped(&self) -> bool {
        self.stop.is_set()
    }
}
