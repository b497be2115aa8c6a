//! What the engine waits for besides answers: a stop's grace for the attempts in flight, and a robot's
//! pacing, said in words (once per wait) to whoever watches the send.

use std::time::Duration;

use tokio::time::Instant;

use crate::delivery::Delivery;
use crate::delivery::stop::GRACE;
use crate::values::mask_url_tokens;

use super::Engine;

impl Engine {
    /// Waits for one task to finish and records its rows. Once the stop is set, tasks in flight get
    /// [`GRACE`] to end; past it they are aborted and their rows stay unfinished.
    pub(super) async fn join_one(
        &self,
        tasks: &mut tokio::task::JoinSet<Vec<(usize, Delivery)>>,
        rows: &mut [Delivery],
        finished: &mut [bool],
        stopped: &mut Option<Instant>,
    ) {
        let next = match *stopped {
            None => tokio::select! {
                next = tasks.join_next() => next,
                () = self.stop.wait() => {
                    *stopped = Some(Instant::now());
                    return;
                }
            },
            Some(at) => match tokio::time::timeout_at(at + GRACE, tasks.join_next()).await {
                Ok(next) => next,
                Err(_) => {
                    tasks.abort_all();
                    while let Some(done) = tasks.join_next().await {
                        self.record(rows, finished, done);
                    }
                    return;
                }
            },
        };
        if let Some(done) = next {
            self.record(rows, finished, done);
        }
    }

    /// Says (once per wait) that a robot's pacing holds a message back, and for how long.
    pub(super) fn tell_wait(&self, robot: &str, kind: &str, wait: Duration) {
        let Some(progress) = &self.opts.progress else {
            return;
        };
        let until = Instant::now() + wait;
        {
            let mut told = self.told.lock().unwrap_or_else(|e| e.into_inner());
            match told.get(robot) {
                Some(&t) if t + Duration::from_secs(1) >= until => return,
                _ => told.insert(robot.to_owned(), until),
            };
        }
        progress.note(&format!(
            "waiting {} s for {kind} {} (20 messages a minute)",
            wait.as_secs_f64().ceil() as u64,
            mask_url_tokens(robot)
        ));
    }
}
