//! The delivery log and the queue in PostgreSQL (`--log postgres://...`), so that several hosts share
//! one log and one queue: a pool of connections driven by a runtime thread of its own, behind the same
//! blocking interface as the SQLite backend.

mod access;
mod acks;
mod groups;
mod listen;
mod log;
mod queue;
mod schema;
mod silences;
#[cfg(test)]
pub(crate) mod testing;

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use anyhow::Result;
use deadpool_postgres::{Manager, ManagerConfig, Pool, PoolError, RecyclingMethod};
use tokio_postgres::config::SslMode;
use tokio_postgres::error::SqlState;

use crate::error::Error;

pub use access::{Access, Flags};
pub use acks::PgAcks;
pub use groups::PgGroups;
pub use log::PgLog;
pub use queue::PgQueue;
pub use schema::CURRENT_VERSION;
pub use silences::PgSilences;

/// Whether `--log` names a PostgreSQL database rather than a file.
pub fn is_url(text: &str) -> bool {
    let lower = text.get(..13).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// The URL as it may be shown: the password, if any, replaced by `***`.
pub fn masked(text: &str) -> String {
    match url::Url::parse(text) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        Ok(url) => url.to_string(),
        // Unparsable: show the scheme only, since the rest may hold the password.
        Err(_) => format!("{}//...", text.split("//").next().unwrap_or("postgres:")),
    }
}

/// Everything that can go wrong talking to the server: a statement, or getting a connection.
#[derive(Debug)]
pub(crate) enum PgError {
    Db(tokio_postgres::Error),
    Pool(PoolError),
    /// A stored value this notify cannot read (a damaged or foreign database).
    Unreadable(String),
    /// The server ended a connection (a restart, an administrator).
    Closed,
}

impl fmt::Display for PgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PgError::Db(e) => write!(f, "{}", describe(e)),
            PgError::Pool(PoolError::Backend(e)) => write!(f, "{}", describe(e)),
            PgError::Pool(PoolError::Timeout(_)) => f.write_str("no connection within the timeout"),
            PgError::Pool(e) => write!(f, "{e}"),
            PgError::Unreadable(what) => write!(f, "unreadable {what}"),
            PgError::Closed => f.write_str("the server closed the connection"),
        }
    }
}

impl std::error::Error for PgError {}

impl From<tokio_postgres::Error> for PgError {
    fn from(e: tokio_postgres::Error) -> Self {
        PgError::Db(e)
    }
}

impl From<PoolError> for PgError {
    fn from(e: PoolError) -> Self {
        PgError::Pool(e)
    }
}

/// The server's own message when there is one (it never holds the password), else the client's.
fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => match std::error::Error::source(e) {
            Some(source) => format!("{e}: {source}"),
            None => e.to_string(),
        },
    }
}

impl PgError {
    fn code(&self) -> Option<&SqlState> {
        match self {
            PgError::Db(e) | PgError::Pool(PoolError::Backend(e)) => e.code(),
            _ => None,
        }
    }
}

/// One PostgreSQL database, shared by every log and queue of this process that names it.
pub struct Database {
    shown: String,
    pool: Pool,
    handle: tokio::runtime::Handle,
    /// How the pool connects, for the connection that LISTENs outside it.
    config: tokio_postgres::Config,
    tls: Option<tokio_postgres_rustls::MakeRustlsConnect>,
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Database")
            .field("url", &self.shown)
            .finish_non_exhaustive()
    }
}

/// How long getting a connection (and so a login) may take before the log is reported unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const POOL_SIZE: usize = 16;

impl Database {
    /// Connects to the database `url` names (the password from the URL, else `PGPASSWORD`), and
    /// brings its schema up to date; one pool per URL and process.
    pub fn open(url: &str) -> Result<Arc<Database>> {
        static OPEN: OnceLock<Mutex<HashMap<String, Arc<Database>>>> = OnceLock::new();
        let mut open = OPEN
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(db) = open.get(url) {
            return Ok(Arc::clone(db));
        }
        let db = Arc::new(Database::connect(url)?);
        db.run("connect to", |pool| async move {
            drop(pool.get().await?);
            Ok(())
        })?;
        if let Some(version) = db.run("upgrade", schema::migrate)? {
            return Err(Error::failure(format!(
                "the delivery log {} was written by a newer notify (log version {version}; this notify knows up to {CURRENT_VERSION})",
                db.shown
            ))
            .hint("upgrade notify, or point --log (NOTIFY_LOG) at another database")
            .into());
        }
        open.insert(url.to_owned(), Arc::clone(&db));
        Ok(db)
    }

    fn connect(url: &str) -> Result<Database> {
        let shown = masked(url);
        let mut config = tokio_postgres::Config::from_str(url).map_err(|e| {
            Error::usage(format!("--log {shown} is not a PostgreSQL URL I can use"))
                .caused_by(anyhow::anyhow!("{e}"))
                .hint("write it as postgres://USER@HOST:PORT/DATABASE, the password in PGPASSWORD")
        })?;
        let access = Access::current();
        // The password: in the URL, else from a log flag, else in PGPASSWORD (as libpq takes it).
        match (config.get_password().is_some(), &access.password) {
            (true, Some((_, flag))) => {
                return Err(Error::usage(format!(
                    "the password of the delivery log {shown} is given twice: in the URL and by {flag}"
                ))
                .hint(format!("drop the password from the URL, or leave {flag} out"))
                .into());
            }
            (false, Some((password, _))) => {
                config.password(password.expose());
            }
            (false, None) => {
                if let Some(password) = std::env::var_os("PGPASSWORD").filter(|p| !p.is_empty()) {
                    config.password(password.as_encoded_bytes());
                }
            }
            (true, None) => {}
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name(application_name());
        let handle = runtime_thread()?;
        let recycling = || ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        };
        // TLS when the URL asks for it (sslmode=require), checked against the platform's roots,
        // NOTIFY_CA_FILE and --log-ca-file, host name included; else a plain connection
        // (sslmode=prefer does not try).
        let tls = match (config.get_ssl_mode(), &access.ca_file) {
            (SslMode::Require, ca_file) => {
                let tls = crate::transport::tls_client_config(ca_file.as_deref()).map_err(|e| {
                    Error::failure(format!("cannot set up TLS for the delivery log {shown}"))
                        .caused_by(anyhow::anyhow!(e))
                        .hint("check the CA files --log-ca-file and NOTIFY_CA_FILE name")
                })?;
                Some(tokio_postgres_rustls::MakeRustlsConnect::new(tls))
            }
            (_, Some(ca_file)) => {
                return Err(Error::usage(format!(
                    "--log-ca-file {} is for TLS to the database, and the URL of the delivery log {shown} does not ask for TLS",
                    ca_file.display()
                ))
                .hint("add ?sslmode=require to the URL, or leave --log-ca-file out")
                .into());
            }
            _ => None,
        };
        let manager = match &tls {
            Some(tls) => Manager::from_config(config.clone(), tls.clone(), recycling()),
            None => Manager::from_config(config.clone(), tokio_postgres::NoTls, recycling()),
        };
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .wait_timeout(Some(CONNECT_TIMEOUT))
            .create_timeout(Some(CONNECT_TIMEOUT))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .build()
            .map_err(|e| {
                Error::failure(format!("cannot set up the delivery log {shown}")).caused_by(e)
            })?;
        Ok(Database {
            shown,
            pool,
            handle,
            config,
            tls,
        })
    }

    /// Connects and reads the schema version without changing anything (`notify doctor`): 0 for a
    /// database notify has not written yet.
    pub fn version(url: &str) -> Result<i64> {
        let db = Database::connect(url)?;
        db.run("read", |pool| async move {
            let client = pool.get().await?;
            let exists: bool = client
                .query_one("SELECT to_regclass('notify_schema') IS NOT NULL", &[])
                .await?
                .get(0);
            if !exists {
                return Ok(0);
            }
            let row = client
                .query_opt("SELECT version FROM notify_schema", &[])
                .await?;
            Ok(row.map_or(0, |r| r.get(0)))
        })
    }

    /// The serve replicas connected to this database now, each as PID@HOST, told by their
    /// connections' `application_name` (`notify retry` then hands them its dead deliveries).
    pub fn serving(&self) -> Result<Vec<String>> {
        self.run("read", |pool| async move {
            let rows = pool
                .get()
                .await?
                .query(
                    "SELECT DISTINCT substr(application_name, length($1) + 1)
                     FROM pg_stat_activity
                     WHERE datname = current_database() AND starts_with(application_name, $1)
                     ORDER BY 1",
                    &[&SERVE_PREFIX],
                )
                .await?;
            rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
        })
    }

    /// The URL without its password, for messages.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Runs `work` on the database's runtime and waits for it; callable from any thread, inside a
    /// runtime's blocking pool or outside any runtime. `action` names the work in an error.
    pub(crate) fn run<T, F>(&self, action: &str, work: impl FnOnce(Pool) -> F) -> Result<T>
    where
        T: Send + 'static,
        F: Future<Output = Result<T, PgError>> + Send + 'static,
    {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let future = work(self.pool.clone());
        self.handle.spawn(async move {
            let _ = tx.send(future.await);
        });
        match rx.recv() {
            Ok(out) => out.map_err(|e| self.explain(action, e)),
            Err(_) => Err(Error::failure(format!(
                "cannot {action} the delivery log {}: its connection task stopped",
                self.shown
            ))
            .into()),
        }
    }

    /// Says what happened to which database (never with its password) and what to do next.
    pub(crate) fn explain(&self, action: &str, e: PgError) -> anyhow::Error {
        let shown = &self.shown;
        let elsewhere = "or point --log (NOTIFY_LOG) at another database";
        let hint = match e.code() {
            Some(c)
                if *c == SqlState::INVALID_PASSWORD
                    || *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
            {
                format!(
                    "check the user and the password (in the URL, --log-password-env, --log-password-file or PGPASSWORD), {elsewhere}"
                )
            }
            Some(c) if *c == SqlState::INVALID_CATALOG_NAME => {
                format!("create the database (createdb), {elsewhere}")
            }
            Some(c) if *c == SqlState::INSUFFICIENT_PRIVILEGE => {
                format!("grant the user the rights on the database, {elsewhere}")
            }
            Some(_) => format!("if this persists, {elsewhere}"),
            None => match &e {
                PgError::Unreadable(_) => format!("move the notify tables aside, {elsewhere}"),
                _ => format!(
                    "check that the PostgreSQL server is running and reachable, {elsewhere}"
                ),
            },
        };
        Error::failure(format!("cannot {action} the delivery log {shown}"))
            .caused_by(e)
            .hint(hint)
            .into()
    }
}

/// What this process calls itself on its connections (`pg_stat_activity.application_name`): a serve
/// replica says so, with its process id and host, so that `notify retry` can see it is there.
static SERVE_NAME: OnceLock<String> = OnceLock::new();

/// Marks this process a `notify serve` replica on every connection it opens from now on.
pub fn identify_as_serve() {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    let mut name = format!("{SERVE_PREFIX}{}@{}", std::process::id(), host.trim());
    // PostgreSQL keeps 63 bytes of it.
    while name.len() > 63 {
        name.pop();
    }
    let _ = SERVE_NAME.set(name);
}

/// How serve replicas' connections begin their `application_name`.
const SERVE_PREFIX: &str = "notify serve ";

fn application_name() -> String {
    SERVE_NAME.get().cloned().unwrap_or_else(|| "notify".into())
}

/// A thread that runs a current-thread runtime for ever, driving the pool's connections; the log's
/// callers are blocking code.
fn runtime_thread() -> Result<tokio::runtime::Handle> {
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("notify-postgres".into())
        .spawn(move || {
            match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => {
                    let _ = tx.send(Ok(runtime.handle().clone()));
                    runtime.block_on(std::future::pending::<()>());
                }
                Err(e) => {
                    let _ = tx.send(Err(e));
                }
            }
        })
        .map_err(|e| Error::failure("cannot start the PostgreSQL client thread").caused_by(e))?;
    match rx.recv() {
        Ok(Ok(handle)) => Ok(handle),
        Ok(Err(e)) => Err(Error::failure("cannot start the PostgreSQL client")
            .caused_by(e)
            .into()),
        Err(_) => Err(Error::failure("cannot start the PostgreSQL client thread").into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths_and_shown_without_their_password() {
        assert!(is_url("postgres://u@h/db"));
        assert!(is_url("PostgreSQL://u@h/db"));
        assert!(!is_url("/var/lib/notify/deliveries.db"));
        assert!(!is_url("postgres.db"));
        assert_eq!(
            masked("postgres://notify:s3cret@db.example:5433/notify?sslmode=require"),
            "postgres://notify:***@db.example:5433/notify?sslmode=require"
        );
        assert_eq!(masked("postgres://notify@db/n"), "postgres://notify@db/n");
        assert!(!masked("postgres://a:s3cret@[bad/x").contains("s3cret"));
    }

    #[test]
    fn the_postgres_migrations_keep_the_sqlite_numbering() {
        assert_eq!(CURRENT_VERSION, crate::log::CURRENT_VERSION);
    }

    #[test]
    fn a_refused_login_names_the_database_without_the_password() {
        let Some(pg) = testing::cluster() else { return };
        let url = pg
            .url("postgres")
            .replace(testing::PASSWORD, "wrong-password");
        let err = Database::open(&url).unwrap_err();
        let text = crate::error::render(&err);
        assert!(!text.contains("wrong-password"), "{text}");
        assert!(
            text.contains(&format!(
                "cannot connect to the delivery log postgres://notify:***@127.0.0.1:{}/postgres",
                pg.port
            )),
            "{text}"
        );
        assert!(text.contains("password authentication failed"), "{text}");
        assert!(
            text.contains("hint: check the user and the password"),
            "{text}"
        );
    }
}
