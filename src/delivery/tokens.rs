//! App access tokens: fetched once per app and kept (in memory and in a 0600 file under the cache
//! folder) until shortly before they expire. Each app has its own lock, held across its fetch: one app
//! fetches once however many deliveries need it, while two apps fetch in parallel.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::sync::Mutex;

use crate::channels::wire::Failure;
use crate::signing::{hex_encode, hmac_sha256};

use super::target::App;

/// A token and its expiry (Unix seconds).
type Entry = (String, u64);

/// Tokens are renewed this many seconds before they expire.
const MARGIN_SECS: u64 = 300;

#[derive(Debug, Default)]
pub struct Tokens {
    dir: Option<PathBuf>,
    apps: std::sync::Mutex<HashMap<String, Arc<Mutex<Option<Entry>>>>>,
}

impl Tokens {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Tokens {
            dir,
            apps: std::sync::Mutex::default(),
        }
    }

    /// The cache file's name: the provider and a digest of the API base, the app id and the secret (a
    /// rotated secret never reuses a token fetched with the old one; the secret itself is never written).
    fn key(app: &App) -> String {
        let mut input = app.id.as_bytes().to_vec();
        input.push(0);
        input.extend_from_slice(app.secret.expose().as_bytes());
        let digest = hmac_sha256(app.api_base.as_bytes(), &input);
        format!("{}-{}", app.provider, &hex_encode(&digest)[..16])
    }

    fn slot(&self, key: &str) -> Arc<Mutex<Option<Entry>>> {
        let mut apps = self
            .apps
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(apps.entry(key.to_owned()).or_default())
    }

    /// A token valid for at least a few more minutes at `now` (Unix seconds), fetching one when needed.
    pub async fn get<F, Fut>(&self, app: &App, now: u64, fetch: F) -> Result<String, Failure>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Entry, Failure>>,
    {
        let key = Self::key(app);
        let slot = self.slot(&key);
        let mut entry = slot.lock().await;
        let fresh = |(t, exp): &Entry| (*exp > now + MARGIN_SECS).then(|| t.clone());
        if let Some(t) = entry.as_ref().and_then(fresh) {
            return Ok(t);
        }
        if let Some(file) = self.read_file(&key).await
            && let Some(t) = fresh(&file)
        {
            *entry = Some(file);
            return Ok(t);
        }
        let (token, lifetime) = fetch().await?;
        let expires_at = now + lifetime;
        self.write_file(&key, &token, expires_at).await;
        *entry = Some((token.clone(), expires_at));
        Ok(token)
    }

    /// Drops a token the vendor no longer accepts.
    pub async fn invalidate(&self, app: &App) {
        let key = Self::key(app);
        *self.slot(&key).lock().await = None;
        if let Some(dir) = self.dir.clone() {
            let path = dir.join(format!("{key}.json"));
            let _ = tokio::task::spawn_blocking(move || std::fs::remove_file(path)).await;
        }
    }

    async fn read_file(&self, key: &str) -> Option<Entry> {
        let path = self.dir.as_ref()?.join(format!("{key}.json"));
        let text = tokio::task::spawn_blocking(move || std::fs::read_to_string(path))
            .await
            .ok()?
            .ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        Some((v["token"].as_str()?.to_owned(), v["expires_at"].as_u64()?))
    }

    async fn write_file(&self, key: &str, token: &str, expires_at: u64) {
        let Some(dir) = self.dir.clone() else { return };
        let name = format!("{key}.json");
        let body = serde_json::json!({"token": token, "expires_at": expires_at}).to_string();
        let _ = tokio::task::spawn_blocking(move || write_private(&dir, &name, &body)).await;
    }
}

/// Writes `dir/name` atomically; tempfile creates the file 0600 and the rename keeps that mode.
fn write_private(dir: &std::path::Path, name: &str, body: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".token.")
        .tempfile_in(dir)?;
    tmp.write_all(body.as_bytes())?;
    tmp.persist(dir.join(name)).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::ProviderName;
    use crate::values::Revealed;

    fn app() -> App {
        App {
            provider: ProviderName::Feishu,
            api_base: "https://open.feishu.example".into(),
            id: "cli_1".into(),
            secret: Revealed::new("app-secret"),
            agent_id: 0,
            ca_file: None,
        }
    }

    #[tokio::test]
    async fn a_rotated_secret_never_reuses_the_old_token() {
        let dir = tempfile::tempdir().unwrap();
        let tokens = Tokens::new(Some(dir.path().to_path_buf()));
        let fetched = |t: &'static str| move || async move { Ok((t.to_owned(), 7200)) };
        assert_eq!(
            tokens.get(&app(), 1000, fetched("old")).await.unwrap(),
            "old"
        );
        let rotated = App {
            secret: Revealed::new("new-secret"),
            ..app()
        };
        let again = Tokens::new(Some(dir.path().to_path_buf()));
        assert_eq!(
            again.get(&rotated, 2000, fetched("new")).await.unwrap(),
            "new"
        );
    }

    #[tokio::test]
    async fn a_token_is_kept_in_a_private_file_until_shortly_before_it_expires() {
        let dir = tempfile::tempdir().unwrap();
        let tokens = Tokens::new(Some(dir.path().to_path_buf()));
        let fetched = |t: &'static str| move || async move { Ok((t.to_owned(), 7200)) };
        assert_eq!(
            tokens.get(&app(), 1000, fetched("t-1")).await.unwrap(),
            "t-1"
        );
        // A new run (a new cache in memory) reads the file.
        let again = Tokens::new(Some(dir.path().to_path_buf()));
        assert_eq!(
            again.get(&app(), 2000, fetched("t-2")).await.unwrap(),
            "t-1"
        );
        // Within five minutes of expiry a new one is fetched.
        assert_eq!(
            again.get(&app(), 7900, fetched("t-3")).await.unwrap(),
            "t-3"
        );
        let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(files.len(), 1);
        let file = files[0].as_ref().unwrap();
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(file.metadata().unwrap().permissions().mode() & 0o777, 0o600);
        let name = file.file_name().to_string_lossy().into_owned();
        assert!(
            name.starts_with("feishu-") && !name.contains("app-secret"),
            "{name}"
        );
        again.invalidate(&app()).await;
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
