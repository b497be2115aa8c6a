//! Paces each group robot at 20 messages in any 60 seconds, across runs too: each robot's recent send
//! times live in a small 0600 file under the cache folder (in memory when there is none). The file is
//! locked with `try_lock` off the async thread; while another process holds it, this one waits on the
//! async clock instead of blocking every delivery.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::time::Instant;

use crate::channels::wire::Failure;
use crate::signing::{hex_encode, hmac_sha256};

pub const ROBOT_BUDGET: usize = 20;
pub const ROBOT_WINDOW_MS: u64 = 60_000;
/// How long to wait before trying a pacing file another process holds.
const BUSY_WAIT: Duration = Duration::from_millis(20);

#[derive(Debug, Default)]
pub struct Pacer {
    dir: Option<PathBuf>,
    sent: std::sync::Mutex<HashMap<String, Vec<u64>>>,
}

/// The outcome of one try at a slot.
#[derive(Debug, PartialEq, Eq)]
enum Taken {
    Yes,
    /// The budget is spent; a slot frees up after this long.
    Wait(Duration),
    /// Another process holds the robot's file.
    Busy,
}

impl Pacer {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Pacer {
            dir,
            sent: std::sync::Mutex::default(),
        }
    }

    /// Takes a slot in `times` (Unix ms) if one is free at `now`, else says how long until one is.
    fn take(times: &mut Vec<u64>, now: u64) -> Taken {
        times.retain(|t| now.saturating_sub(*t) < ROBOT_WINDOW_MS && *t <= now + ROBOT_WINDOW_MS);
        if times.len() < ROBOT_BUDGET {
            times.push(now);
            return Taken::Yes;
        }
        let oldest = times.iter().min().copied().unwrap_or(now);
        Taken::Wait(Duration::from_millis(
            (oldest + ROBOT_WINDOW_MS).saturating_sub(now).max(1),
        ))
    }

    fn take_in_memory(&self, robot: &str, now: u64) -> Taken {
        let mut sent = self
            .sent
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Self::take(sent.entry(robot.to_owned()).or_default(), now)
    }

    /// A robot's file, named by a digest of the URL: the URL itself carries the robot's token.
    pub(super) fn path(dir: &Path, robot: &str) -> PathBuf {
        let name = hex_encode(&hmac_sha256(b"notify robot pacing", robot.as_bytes()));
        dir.join(format!("{}.json", &name[..24]))
    }

    /// The file-backed slot: a read-modify-write under a lock that is only ever tried, never waited on.
    fn take_in_file(dir: &Path, robot: &str, now: u64) -> std::io::Result<Taken> {
        use std::io::{Read, Seek, Write};
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(Self::path(dir, robot))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Ok(Taken::Busy),
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        let mut times: Vec<u64> = serde_json::from_str(&text).unwrap_or_default();
        let taken = Self::take(&mut times, now);
        if taken == Taken::Yes {
            file.set_len(0)?;
            file.rewind()?;
            file.write_all(serde_json::to_string(&times).unwrap_or_default().as_bytes())?;
        }
        Ok(taken)
    }

    async fn try_slot(&self, robot: &str, now: u64) -> Taken {
        let Some(dir) = self.dir.clone() else {
            return self.take_in_memory(robot, now);
        };
        let owned = robot.to_owned();
        let done = tokio::task::spawn_blocking(move || Self::take_in_file(&dir, &owned, now)).await;
        match done {
            Ok(Ok(taken)) => taken,
            // An unusable cache folder paces within this run only.
            _ => self.take_in_memory(robot, now),
        }
    }

    /// Waits for a slot of `robot` while the deadline allows; `now_ms` reads the engine's clock and
    /// `waiting` is told of each wait for a free slot before it starts.
    pub async fn slot(
        &self,
        robot: &str,
        deadline: Instant,
        now_ms: impl Fn() -> u64,
        waiting: impl Fn(Duration),
    ) -> Result<(), Failure> {
        loop {
            let wait = match self.try_slot(robot, now_ms()).await {
                Taken::Yes => return Ok(()),
                Taken::Wait(wait) => wait,
                Taken::Busy => BUSY_WAIT,
            };
            if Instant::now() + wait > deadline {
                return Err(Failure {
                    code: super::HELD_BACK.into(),
                    message: "robot rate limit (20/min)".into(),
                    // Not sent: a caller that tries later (the relay) waits for the free slot.
                    retry_after: Some(wait),
                });
            }
            if wait > BUSY_WAIT {
                waiting(wait);
            }
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_holds_twenty_sends_and_says_when_the_next_slot_frees() {
        let mut times = Vec::new();
        for i in 0..20 {
            assert_eq!(Pacer::take(&mut times, 1_000 + i), Taken::Yes);
        }
        assert_eq!(
            Pacer::take(&mut times, 2_000),
            Taken::Wait(Duration::from_millis(59_000))
        );
        // A minute after the first send, its slot is free again.
        assert_eq!(Pacer::take(&mut times, 61_000), Taken::Yes);
        assert_eq!(times.len(), 20);
    }
}
