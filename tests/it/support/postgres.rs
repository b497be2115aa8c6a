//! A private PostgreSQL 15 cluster for the tests, started once per test binary on 127.0.0.1, so that
//! the PostgreSQL backend is tested against the real server rather than a fake.
//!
//! PostgreSQL refuses to run as root: under root (this machine, CI) the server runs as the `postgres`
//! account (or `nobody`) through `setpriv`, in a folder owned by that account; a developer's normal
//! account runs it directly. A watcher process stops the server and removes its folder when the test
//! binary exits, however it exits. Where the programs are missing the caller gets `None` after a
//! `SKIPPED:` line, or a failure under `CI`. The server also takes TLS, with a certificate for 127.0.0.1
//! from a private CA minted here (`rcgen`). Only std and dev-dependencies: the library's unit tests
//! include this file too (`src/log/postgres/testing.rs`).
#![allow(dead_code)]

use std::io::Write;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The login and password of the cluster's one role (a superuser).
pub const ROLE: &str = "notify";
pub const PASSWORD: &str = "pg-test-secret";

/// A running cluster.
#[derive(Debug)]
pub struct Postgres {
    pub port: u16,
    bin: PathBuf,
    dir: PathBuf,
    /// The account (uid, gid) that runs the server when this process is root.
    account: Option<(u32, u32)>,
}

/// Where the server programs are: `NOTIFY_PG_BIN`, Debian's folder for PostgreSQL 15, or `PATH`.
fn bin_dir() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(dir) = std::env::var_os("NOTIFY_PG_BIN").filter(|d| !d.is_empty()) {
        candidates.push(dir.into());
    }
    candidates.push("/usr/lib/postgresql/15/bin".into());
    if let Some(path) = std::env::var_os("PATH") {
        candidates.extend(std::env::split_paths(&path));
    }
    candidates.into_iter().find(|d| {
        ["initdb", "postgres", "createdb"]
            .iter()
            .all(|p| d.join(p).is_file())
    })
}

/// The cluster of this test binary, started on first use; `None` (after a `SKIPPED:` line) when
/// PostgreSQL is not installed. Under `CI` a missing PostgreSQL is a failure.
#[track_caller]
pub fn cluster() -> Option<&'static Postgres> {
    static CLUSTER: OnceLock<Option<Postgres>> = OnceLock::new();
    CLUSTER
        .get_or_init(|| bin_dir().map(Postgres::start))
        .as_ref()
        .or_else(|| {
            let message = "PostgreSQL 15 not found (no initdb, postgres and createdb in NOTIFY_PG_BIN, \
                 /usr/lib/postgresql/15/bin or PATH), so the PostgreSQL backend was not checked; \
                 install it with `apt-get install postgresql-15`";
            let ci = std::env::var("CI").unwrap_or_default();
            if !matches!(ci.trim(), "" | "0" | "false") {
                panic!("{message} (CI={ci} makes a missing PostgreSQL a failure)");
            }
            let _ = writeln!(std::io::stderr(), "SKIPPED: {message}");
            None
        })
}

/// The account that runs the server when this process is root: `postgres`, else `nobody`.
fn service_account() -> Option<(u32, u32)> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    let find = |name: &str| {
        passwd.lines().find_map(|line| {
            let f: Vec<&str> = line.split(':').collect();
            (f.len() > 3 && f[0] == name).then(|| (f[2].parse().ok(), f[3].parse().ok()))
        })
    };
    match find("postgres").or_else(|| find("nobody"))? {
        (Some(uid), Some(gid)) => Some((uid, gid)),
        _ => None,
    }
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

impl Postgres {
    // The server and its watcher outlive this process on purpose: the watcher stops the server after
    // the exit, and init reaps both.
    #[allow(clippy::zombie_processes)]
    fn start(bin: PathBuf) -> Postgres {
        static STARTS: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!(
            "notify-pg-{}-{nanos}-{}",
            std::process::id(),
            STARTS.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir(&dir).expect("create the cluster's folder");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        let pwfile = dir.join("pwfile");
        std::fs::write(&pwfile, format!("{PASSWORD}\n")).expect("write the password file");
        let account = is_root().then(|| service_account().expect("no postgres or nobody account"));
        let (ca, chain, key) = certificates();
        let key_file = dir.join("server.key");
        std::fs::write(dir.join("ca.pem"), ca).expect("write the CA");
        std::fs::write(dir.join("server.crt"), chain).expect("write the certificate");
        std::fs::write(&key_file, key).expect("write the key");
        // The server refuses a key others can read.
        std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        if let Some((uid, gid)) = account {
            for path in [&dir, &pwfile, &key_file] {
                std::os::unix::fs::chown(path, Some(uid), Some(gid)).expect("chown to the account");
            }
        }
        let data = dir.join("data");
        let init = Postgres {
            port: 0,
            bin: bin.clone(),
            dir: dir.clone(),
            account,
        }
        .command("initdb")
        .arg("-D")
        .arg(&data)
        .args([
            "-U",
            ROLE,
            "--auth=scram-sha-256",
            "--no-sync",
            "-E",
            "UTF8",
        ])
        .arg(format!("--pwfile={}", pwfile.display()))
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .expect("run initdb");
        assert!(
            init.status.success(),
            "initdb failed:\n{}{}",
            String::from_utf8_lossy(&init.stdout),
            String::from_utf8_lossy(&init.stderr)
        );
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let cluster = Postgres {
            port,
            bin,
            dir,
            account,
        };
        cluster.start_server();
        // Stops the server (immediate shutdown: nothing is kept) and removes the folder once this test
        // binary has exited; the pid file names the server, restarted or not.
        let watcher = format!(
            "while [ -d /proc/{me} ]; do sleep 0.2; done; \
             pid=$(head -n 1 '{data}/postmaster.pid' 2>/dev/null); \
             if [ -n \"$pid\" ]; then kill -QUIT \"$pid\" 2>/dev/null; \
               while [ -d /proc/$pid ]; do sleep 0.1; done; fi; rm -rf '{dir}'",
            me = std::process::id(),
            data = data.display(),
            dir = cluster.dir.display()
        );
        Command::new("sh")
            .args(["-c", &watcher])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the watcher");
        cluster
    }

    /// A server program (as the account when this process is root).
    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        match self.account {
            Some((uid, gid)) => {
                let mut c = Command::new("setpriv");
                c.args([
                    format!("--reuid={uid}"),
                    format!("--regid={gid}"),
                    "--clear-groups".to_owned(),
                    "--".to_owned(),
                ])
                .arg(path);
                c
            }
            None => Command::new(path),
        }
    }

    /// Starts the server on the cluster's folder and port and waits until it takes connections.
    #[allow(clippy::zombie_processes)]
    fn start_server(&self) {
        let log = self.dir.join("server.log");
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .expect("open the server log");
        if let Some((uid, gid)) = self.account {
            std::os::unix::fs::chown(&log, Some(uid), Some(gid)).expect("chown the server log");
        }
        self.command("postgres")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args([
                "-p",
                &self.port.to_string(),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=",
                "-c",
                "max_connections=200",
                // A throwaway cluster: no test relies on surviving a power cut, and a flush per
                // commit would make the suite wait on the disk that six builds share.
                "-c",
                "fsync=off",
                "-c",
                "ssl=on",
                "-c",
                "ssl_cert_file=../server.crt",
                "-c",
                "ssl_key_file=../server.key",
            ])
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("dup"))
            .stderr(log_file)
            .spawn()
            .expect("start postgres");
        let started = Instant::now();
        loop {
            let ready = Command::new(self.bin.join("pg_isready"))
                .args(["-q", "-h", "127.0.0.1", "-p", &self.port.to_string()])
                .status()
                .is_ok_and(|s| s.success());
            if ready {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "PostgreSQL did not start:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A cluster of the caller's own (not shared), for a test that stops and starts its server.
    pub fn private() -> Option<Postgres> {
        cluster()?;
        bin_dir().map(Postgres::start)
    }

    /// Stops the server (fast shutdown: connections are closed) and waits until it has exited.
    pub fn stop(&self) {
        let pid_file = self.dir.join("data").join("postmaster.pid");
        let pid = std::fs::read_to_string(&pid_file).expect("the server's pid file");
        let pid = pid.lines().next().unwrap_or_default().trim().to_owned();
        let status = Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("kill");
        assert!(status.success(), "kill -INT {pid}");
        let started = Instant::now();
        while Path::new("/proc").join(&pid).exists() && pid_file.exists() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the server did not stop"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts the stopped server again, on the same port.
    pub fn restart(&self) {
        self.start_server();
    }

    /// The URL of database `name`, with the password.
    pub fn url(&self, name: &str) -> String {
        format!(
            "postgres://{ROLE}:{PASSWORD}@127.0.0.1:{}/{name}",
            self.port
        )
    }

    /// A new empty database for one test; returns its URL.
    pub fn fresh_database(&self) -> String {
        static DATABASES: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "t{}_{}",
            std::process::id(),
            DATABASES.fetch_add(1, Ordering::SeqCst)
        );
        let out = Command::new(self.bin.join("createdb"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", ROLE])
            .arg(&name)
            .env("PGPASSWORD", PASSWORD)
            .stdin(Stdio::null())
            .output()
            .expect("run createdb");
        assert!(
            out.status.success(),
            "createdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.url(&name)
    }

    /// Runs `statement` with `psql` on the database `url` names; its rows, unaligned (`|` between
    /// fields), one a line, without headers.
    pub fn sql(&self, url: &str, statement: &str) -> String {
        let out = Command::new(self.bin.join("psql"))
            .args([
                "-X",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                url,
                "-c",
                statement,
            ])
            .stdin(Stdio::null())
            .output()
            .expect("run psql");
        assert!(
            out.status.success(),
            "psql failed on {statement}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// The PEM file of the CA that signed the server's certificate (for 127.0.0.1 and localhost).
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// The server's folder (its log is `server.log` there).
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// A private CA (PEM), and the server's certificate chain and key (PEM) it signed for 127.0.0.1.
fn certificates() -> (String, String, String) {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    };

    let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "notify test PostgreSQL CA");
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_key = KeyPair::generate().expect("CA key");
    let ca_cert = ca.self_signed(&ca_key).expect("self-sign the CA");
    let issuer = Issuer::new(ca, ca_key);
    let mut leaf = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
        .expect("server params");
    leaf.distinguished_name
        .push(DnType::CommonName, "127.0.0.1");
    let leaf_key = KeyPair::generate().expect("server key");
    let leaf_cert = leaf
        .signed_by(&leaf_key, &issuer)
        .expect("sign the server certificate");
    (
        ca_cert.pem(),
        format!("{}{}", leaf_cert.pem(), ca_cert.pem()),
        leaf_key.serialize_pem(),
    )
}
