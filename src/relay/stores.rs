//! The store as it is now: read again when its file changed (checked before each event is planned and
//! each intake), the last good one kept when a new one fails to load.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use anyhow::Result;

use crate::store::{Store, StoreFile};

use super::metrics::Metrics;
use super::{Line, Report};

/// What tells one version of the file from another.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The current store and the file it comes from.
#[derive(Debug)]
pub struct Stores {
    file: StoreFile,
    current: Mutex<(Stamp, Arc<Store>)>,
    /// Set by SIGHUP: read the file at the next look even if it looks unchanged.
    forced: AtomicBool,
}

/// A store reload: the store in use, and the error of a new version that failed to load (reported
/// once per version of the file).
pub struct Current {
    pub store: Arc<Store>,
    pub failed: Option<anyhow::Error>,
    /// A new version of the file was read.
    pub reloaded: bool,
}

impl Stores {
    /// Reads the store; it must load now (a serve does not start on a broken store).
    pub fn load(file: StoreFile) -> Result<Self> {
        let seen = stamp(file.path());
        let store = file.load()?;
        Ok(Stores {
            file,
            current: Mutex::new((seen, Arc::new(store))),
            forced: AtomicBool::new(false),
        })
    }

    /// Reads the file again at the next look (SIGHUP).
    pub fn force(&self) {
        self.forced.store(true, Ordering::SeqCst);
    }

    /// The store, read again first when its file changed since the last look.
    pub fn current(&self) -> Current {
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        let seen = stamp(self.file.path());
        let (mut failed, mut reloaded) = (None, false);
        if seen != current.0 || self.forced.swap(false, Ordering::SeqCst) {
            match self.file.load() {
                Ok(store) => {
                    current.1 = Arc::new(store);
                    reloaded = true;
                }
                Err(e) => failed = Some(e),
            }
            current.0 = seen;
        }
        Current {
            store: Arc::clone(&current.1),
            failed,
            reloaded,
        }
    }
}

impl Stores {
    /// The store as it is now, its reload counted in `metrics` and a failed one reported (the last
    /// good store stays in use).
    pub fn reported(&self, metrics: &Metrics, report: &Report) -> Arc<Store> {
        let current = self.current();
        if current.reloaded {
            metrics.reload(true);
        }
        if let Some(e) = current.failed {
            metrics.reload(false);
            (report)(Line::StoreFailed(e));
        }
        current.store
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_store_is_read_again_and_a_broken_one_keeps_the_last_good() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.toml");
        let file = StoreFile::new(path.clone());
        file.update(|s| {
            s.default_user = Some("alice".into());
            Ok(())
        })
        .unwrap();
        let stores = Stores::load(file.clone()).unwrap();
        let user = |s: &Stores| s.current().store.default_user.clone();
        assert_eq!(user(&stores).as_deref(), Some("alice"));
        file.update(|s| {
            s.default_user = Some("bob".into());
            Ok(())
        })
        .unwrap();
        assert_eq!(user(&stores).as_deref(), Some("bob"));
        std::fs::write(&path, "version = 1\n[[[broken").unwrap();
        let current = stores.current();
        assert!(current.failed.is_some());
        assert_eq!(current.store.default_user.as_deref(), Some("bob"));
        // Reported once per version of the file.
        assert!(stores.current().failed.is_none());
        stores.force();
        assert!(stores.current().failed.is_some());
    }
}
