//! Shared helpers: a throwaway store folder and a runner for the `notify` binary.
#![allow(dead_code)]

pub mod http;
pub mod postgres;
pub mod smtp;
pub mod tls;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A private folder with a store path, and a runner that points `notify` at it.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub store: PathBuf,
    pub extra: Vec<(String, String)>,
}

/// What a run of `notify` left behind.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code, showing both streams when it differs.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code, expected,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
    #[track_caller]
    pub fn ok(&self) -> &Self {
        self.code(0)
    }
    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }
    #[track_caller]
    pub fn stderr_lacks(&self, text: &str) -> &Self {
        assert!(
            !self.stderr.contains(text),
            "stderr has {text:?}:\n{}",
            self.stderr
        );
        self
    }
    #[track_caller]
    pub fn stdout_has(&self, text: &str) -> &Self {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}:\n{}",
            self.stdout
        );
        self
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = dir.path().join("notify").join("store.toml");
        Env {
            dir,
            store,
            extra: Vec::new(),
        }
    }

    /// Where `notify` keeps this environment's delivery log unless --log or NOTIFY_LOG move it.
    pub fn log_path(&self) -> PathBuf {
        self.dir.path().join(".local/share/notify/deliveries.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Sets an environment variable for every later run.
    pub fn set_env(&mut self, key: &str, value: &str) {
        self.extra.push((key.to_owned(), value.to_owned()));
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_notify"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CACHE_HOME", self.dir.path().join("cache"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            // The delivery log's default place, inside the test's folder (never the real data dir).
            .env("XDG_DATA_HOME", self.dir.path().join(".local/share"))
            .env("NOTIFY_STORE", &self.store)
            .env("USER", "alice")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.extra {
            cmd.env(k, v);
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        finish(self.command(args).output().expect("run notify"))
    }

    /// Runs with `input` on stdin.
    pub fn run_stdin(&self, args: &[&str], input: &str) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .spawn()
            .expect("spawn notify");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
        finish(child.wait_with_output().expect("wait notify"))
    }

    pub fn store_text(&self) -> String {
        std::fs::read_to_string(&self.store).unwrap_or_default()
    }

    pub fn write_store(&self, text: &str) {
        write_private(&self.store, text);
    }
}

/// A fresh store whose `smtp` provider points at a new loopback SMTP server (plain, no AUTH).
pub fn smtp_env() -> (Env, smtp::SmtpServer) {
    let env = Env::new();
    let smtp = smtp::SmtpServer::start();
    set_smtp_provider(&env, &smtp);
    (env, smtp)
}

/// Points the store's `smtp` provider at `smtp`.
pub fn set_smtp_provider(env: &Env, smtp: &smtp::SmtpServer) {
    let port = smtp.port().to_string();
    env.run(&[
        "provider",
        "set",
        "smtp",
        "--host",
        "127.0.0.1",
        "--port",
        &port,
        "--security",
        "none",
        "--from",
        "DMS <dms@example.com>",
    ])
    .ok();
}

/// The six-digit verification code in a message ("... is 123456. ..."), quoted-printable soft breaks undone.
pub fn code_in(text: &str) -> String {
    let flat: String = text.replace("=\r\n", "").replace("=\n", "");
    let at = flat.find(" is ").expect("a code sentence");
    flat[at + 4..at + 10].to_owned()
}

/// Writes a file (creating its folder 0700) with mode 0600.
pub fn write_private(path: &Path, text: &str) {
    let dir = path.parent().expect("parent");
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).expect("chmod dir");
    std::fs::write(path, text).expect("write");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
}

fn finish(out: Output) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Whether an external program a test needs can be started (`program args` spawns at all).
///
/// When it cannot: under CI (`CI` set to anything but `""`, `0` or `false`) the test fails with
/// `why` and the install hint, since a check that did not run must not look like a pass; elsewhere
/// it prints a loud `SKIPPED:` line on stderr (even without `--nocapture`) and returns false so the
/// test can return early.
#[track_caller]
pub fn tool_available(program: &str, args: &[&str], why: &str, install: &str) -> bool {
    if Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
    {
        return true;
    }
    let ci = std::env::var("CI").unwrap_or_default();
    let message = format!("`{program}` is not installed, so {why} was not checked; {install}");
    if !matches!(ci.trim(), "" | "0" | "false") {
        panic!("{message} (CI={ci} makes a missing tool a failure)");
    }
    // Straight to the process's stderr: libtest captures `eprintln!` of passing tests.
    let _ = writeln!(std::io::stderr(), "SKIPPED: {message}");
    false
}
