//! The one clock of a run, made once by the context and handed down: code expiry, log times, signed
//! timestamps and robot pacing all read it, so a test can set it (`NOTIFY_NOW`) or pause it (tokio).

use std::time::{SystemTime, UNIX_EPOCH};

use tokio::time::Instant;

/// Wall-clock time as the wall time at the start of the run plus the monotonic time since, read through
/// tokio's clock: a paused test runtime drives pacing, token expiry and signed timestamps alike, and a
/// clock set to a fixed start still moves on (a robot waiting for its slot gets there).
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    start_ms: u64,
    start: Instant,
}

impl Clock {
    /// The system's clock.
    pub fn system() -> Self {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        Clock::starting_at(wall)
    }

    /// A clock that reads `start_ms` (Unix milliseconds) now and moves on from there.
    pub fn starting_at(start_ms: u64) -> Self {
        Clock {
            start_ms,
            start: Instant::now(),
        }
    }

    /// Now, in Unix milliseconds.
    pub fn now_ms(&self) -> u64 {
        self.start_ms + self.start.elapsed().as_millis() as u64
    }

    /// Now, in Unix seconds.
    pub fn now_secs(&self) -> i64 {
        i64::try_from(self.now_ms() / 1000).unwrap_or(i64::MAX)
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_set_clock_starts_where_it_is_set_and_moves_with_tokio_time() {
        let clock = Clock::starting_at(1_800_000_000_000);
        assert_eq!(clock.now_secs(), 1_800_000_000);
        tokio::time::advance(std::time::Duration::from_millis(1_500)).await;
        assert_eq!(clock.now_ms(), 1_800_000_001_500);
    }
}
