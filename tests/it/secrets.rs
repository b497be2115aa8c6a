//! Secrets kept outside the store: `--X-file`, `--X-keyring` and `notify secret migrate`, end to end.
//!
//! The keyring tests run against a real Secret Service: a private `dbus-daemon --session` and
//! `gnome-keyring-daemon --unlock` (Debian packages `dbus-daemon`, `dbus-bin` and `gnome-keyring`, which
//! `.ci/run` installs). Where those are missing the test prints `SKIPPED: ...`, and fails under `CI`.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use notify::signing::{hex_encode, hmac_sha256};

use crate::support::http::{HttpServer, Recorded};
use crate::support::{Env, Run, tool_available};

const ROBOT_SECRET: &str = "SECfile0123456789abcdef";
const ROBOT_TOKEN: &str = "robottoken7";
const HOOK_KEY: &str = "hook-key-from-a-file";

fn write_mode(path: &Path, text: &str, mode: u32) {
    std::fs::write(path, text).expect("write");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

fn mode_of(path: &Path) -> u32 {
    std::fs::metadata(path).expect("stat").permissions().mode() & 0o777
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_millis() as u64
}

#[track_caller]
fn assert_hidden(run: &Run, secrets: &[&str]) {
    for s in secrets {
        assert!(
            !run.stdout.contains(s) && !run.stderr.contains(s),
            "{s:?} leaked:\nstdout:\n{}\nstderr:\n{}",
            run.stdout,
            run.stderr
        );
    }
}

/// Checks a DingTalk robot request's `sign` against `secret` (HMAC-SHA256 of "timestamp\nsecret").
#[track_caller]
fn assert_robot_signed_with(req: &Recorded, secret: &str) {
    let ts = req.query("timestamp").expect("timestamp");
    let expected = BASE64.encode(hmac_sha256(
        secret.as_bytes(),
        format!("{ts}\n{secret}").as_bytes(),
    ));
    assert_eq!(req.query("sign").as_deref(), Some(expected.as_str()));
    let ts: u64 = ts.parse().expect("millisecond timestamp");
    assert!(ts <= now_ms() && now_ms() - ts < 600_000, "timestamp {ts}");
}

/// `channel set dingtalk-bot` pointed at `server`, with the secret flags given.
fn set_robot(env: &Env, server: &HttpServer, secret_flags: &[&str]) -> Run {
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let mut args = vec!["channel", "set", "dingtalk-bot", "--webhook", &url];
    args.extend_from_slice(secret_flags);
    env.run(&args)
}

#[test]
fn a_secret_file_open_to_others_is_refused_with_the_chmod_that_fixes_it() {
    let env = Env::new();
    let key = env.path("smtp-password");
    let key_text = key.display().to_string();
    write_mode(&key, "hunter2\n", 0o644);
    let set = |env: &Env| {
        env.run(&[
            "provider",
            "set",
            "smtp",
            "--host",
            "smtp.example.com",
            "--from",
            "dms@example.com",
            "--password-file",
            &key_text,
        ])
    };
    let run = set(&env);
    run.code(2)
        .stderr_has(&format!(
            "the secret file {key_text} is open to other users (mode 0644"
        ))
        .stderr_has(&format!("hint: `chmod 600 {key_text}`"));
    assert!(
        !env.store_text().contains("password"),
        "{}",
        env.store_text()
    );

    write_mode(&key, "hunter2\n", 0o600);
    let run = set(&env);
    run.ok();
    assert_hidden(&run, &["hunter2"]);
    let text = env.store_text();
    assert!(
        text.contains(&format!("password_file = \"{key_text}\"\n")),
        "{text}"
    );
    assert!(!text.contains("hunter2"), "{text}");
    for reveal in [&[][..], &["--reveal"]] {
        let mut args = vec!["provider", "show", "smtp"];
        args.extend_from_slice(reveal);
        let run = env.run(&args);
        run.ok().stdout_has(&format!("file {key_text}"));
        assert_hidden(&run, &["hunter2"]);
    }

    // A relative path is kept absolute: the store must not change meaning with the working folder.
    let run = env
        .command(&[
            "provider",
            "set",
            "smtp",
            "--password-file",
            "smtp-password",
        ])
        .current_dir(env.dir.path())
        .output()
        .expect("run notify");
    assert!(run.status.success(), "{run:?}");
    assert!(
        env.store_text()
            .contains(&format!("password_file = \"{key_text}\""))
    );
}

#[test]
fn a_robot_signs_with_its_file_secret_read_at_each_use() {
    let server = HttpServer::start();
    let env = Env::new();
    let file = env.path("robot-secret");
    let file_text = file.display().to_string();
    // As systemd, Docker and `echo` write it: with a trailing newline, which is not part of the secret.
    write_mode(&file, &format!("{ROBOT_SECRET}\n"), 0o400);
    let run = set_robot(&env, &server, &["--secret-file", &file_text]);
    run.ok();
    assert_hidden(&run, &[ROBOT_SECRET]);
    assert!(
        env.store_text()
            .contains(&format!("secret_file = \"{file_text}\"")),
        "{}",
        env.store_text()
    );

    let run = env.run(&["channel", "test", "dingtalk-bot", "--json"]);
    run.ok();
    assert_hidden(&run, &[ROBOT_SECRET]);
    let reqs = server.requests_to("/robot/send");
    assert_eq!(reqs.len(), 1);
    assert_robot_signed_with(&reqs[0], ROBOT_SECRET);

    // Rotated in place: the next use signs with the new secret, with no `channel set`.
    let rotated = "SECrotated9876543210";
    write_mode(&file, &format!("{rotated}\r\n"), 0o600);
    env.run(&["channel", "test", "dingtalk-bot"]).ok();
    let reqs = server.requests_to("/robot/send");
    assert_eq!(reqs.len(), 2);
    assert_robot_signed_with(&reqs[1], rotated);

    // Gone: the error names the file and the secret, and nothing is sent.
    std::fs::remove_file(&file).expect("rm");
    env.run(&["channel", "test", "dingtalk-bot"])
        .code(1)
        .stderr_has(&format!(
            "cannot read the secret file {file_text}: no such file (it holds the secret)"
        ))
        .stderr_has(&format!("hint: put the secret in {file_text} (mode 0600)"));
    assert_eq!(server.requests_to("/robot/send").len(), 2);

    // A file that is there when set must hold a valid value.
    write_mode(&file, "not-a-robot-secret\n", 0o600);
    set_robot(&env, &server, &["--secret-file", &file_text])
        .code(2)
        .stderr_has("invalid --secret-file: the file")
        .stderr_has("does not hold a valid secret");
}

#[test]
fn an_ad_hoc_webhook_is_signed_with_the_key_file() {
    let server = HttpServer::start();
    let env = Env::new();
    let key = env.path("hook-key");
    write_mode(&key, &format!("{HOOK_KEY}\n"), 0o600);
    let url = server.url("/hook");
    let run = env.run(&[
        "send",
        "--webhook",
        &url,
        "--signature-method",
        "HMAC_SHA256",
        "--signature-key-file",
        &key.display().to_string(),
        "--message",
        "disk full",
    ]);
    run.ok();
    assert_hidden(&run, &[HOOK_KEY]);
    let reqs = server.requests_to("/hook");
    assert_eq!(reqs.len(), 1);
    assert_eq!(
        reqs[0].header("X-Notify-Signature"),
        Some(
            format!(
                "sha256={}",
                hex_encode(&hmac_sha256(HOOK_KEY.as_bytes(), &reqs[0].body))
            )
            .as_str()
        )
    );

    // An empty file is no key.
    write_mode(&key, "\n", 0o600);
    env.run(&[
        "send",
        "--webhook",
        &url,
        "--signature-method",
        "HMAC_SHA256",
        "--signature-key-file",
        &key.display().to_string(),
        "--message",
        "x",
    ])
    .code(2)
    .stderr_has("is empty");
}

#[test]
fn listen_refuses_a_key_file_others_can_read() {
    let env = Env::new();
    let key = env.path("listen-key");
    let key_text = key.display().to_string();
    write_mode(&key, "k\n", 0o640);
    env.run(&[
        "listen",
        "--addr",
        "127.0.0.1:0",
        "--signature-method",
        "HMAC_SHA256",
        "--signature-key-file",
        &key_text,
    ])
    .code(2)
    .stderr_has("--signature-key-file: the secret file")
    .stderr_has(&format!("chmod 600 {key_text}"));
}

/// Literal secrets in a provider and two users' channels, with a comment a person wrote.
fn store_with_literals(env: &Env, server: &HttpServer) {
    let hook = server.url("/hook");
    env.write_store(&format!(
        "# kept by ops, ask before editing\nversion = 1\ndefault_user = \"alice\"\n\n\
         [providers.feishu]\napp_id = \"cli_1\"\napp_secret = \"feishu-app-secret\"\n\n\
         [users.alice.channels.webhook]\nurl = \"{hook}\"\nsignature_method = \"HMAC_SHA256\"\n\
         signature_key = \"{HOOK_KEY}\"\nenabled = true\n\n\
         [users.bob.channels.dingtalk-bot]\n\
         webhook = \"https://oapi.dingtalk.com/robot/send?access_token={ROBOT_TOKEN}\"\n\
         keyword = \"DMS\"\nsecret = \"{ROBOT_SECRET}\"\nenabled = true\n"
    ));
}

#[test]
fn migrate_moves_every_literal_secret_to_private_files() {
    let server = HttpServer::start();
    let env = Env::new();
    store_with_literals(&env, &server);
    let dir = env.path("secrets");
    let to = format!("file:{}", dir.display());
    let run = env.run(&["secret", "migrate", "--to", &to]);
    run.ok();
    assert_hidden(&run, &["feishu-app-secret", HOOK_KEY, ROBOT_SECRET]);
    let places = [
        ("providers.feishu.app_secret", "feishu-app-secret"),
        ("users.alice.channels.webhook.signature_key", HOOK_KEY),
        ("users.bob.channels.dingtalk-bot.secret", ROBOT_SECRET),
    ];
    assert_eq!(mode_of(&dir), 0o700);
    for (place, secret) in places {
        let file = dir.join(place);
        assert_eq!(mode_of(&file), 0o600, "{place}");
        assert_eq!(
            std::fs::read_to_string(&file).expect("read"),
            format!("{secret}\n")
        );
        run.stdout_has(place)
            .stdout_has(&format!("file {}", file.display()));
    }
    run.stdout_has("****")
        .stderr_has("moved 3 secret(s)")
        .stderr_has("users.bob.channels.dingtalk-bot.webhook is a URL that carries a token");
    let text = env.store_text();
    assert!(
        text.starts_with("# kept by ops, ask before editing\n"),
        "{text}"
    );
    for (place, secret) in places {
        let key = place.rsplit('.').next().expect("field");
        let file = dir.join(place);
        assert!(
            text.contains(&format!("{key}_file = \"{}\"\n", file.display())),
            "{text}"
        );
        assert!(!text.contains(secret), "{text}");
    }

    // The moved key still signs: the wire carries the HMAC made with the file's content.
    env.run(&["channel", "test", "webhook"]).ok();
    let reqs = server.requests_to("/hook");
    assert_eq!(reqs.len(), 1);
    assert_eq!(
        reqs[0].header("X-Notify-Signature"),
        Some(
            format!(
                "sha256={}",
                hex_encode(&hmac_sha256(HOOK_KEY.as_bytes(), &reqs[0].body))
            )
            .as_str()
        )
    );

    // Nothing is left to move the second time.
    env.run(&["secret", "migrate", "--to", &to])
        .ok()
        .stderr_has("nothing to move");
}

#[test]
fn a_migration_that_fails_half_way_leaves_everything_as_it_was() {
    let server = HttpServer::start();
    let env = Env::new();
    store_with_literals(&env, &server);
    let before = env.store_text();
    let dir = env.path("secrets");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    // The third secret's file is in the way: the first two are written, then taken back.
    let blocker = dir.join("users.bob.channels.dingtalk-bot.secret");
    write_mode(&blocker, "someone else's\n", 0o600);
    let run = env.run(&[
        "secret",
        "migrate",
        "--to",
        &format!("file:{}", dir.display()),
    ]);
    run.code(1)
        .stderr_has(&format!(
            "cannot write the secret file {}",
            blocker.display()
        ))
        .stderr_has("hint: a file of that name is already there");
    assert_hidden(&run, &["feishu-app-secret", HOOK_KEY, ROBOT_SECRET]);
    assert_eq!(env.store_text(), before);
    let left: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(left, vec![blocker.clone()]);
    assert_eq!(
        std::fs::read_to_string(&blocker).expect("read"),
        "someone else's\n"
    );
}

/// Points `env` at a session bus that is not there, as on a headless server.
fn headless(env: &mut Env) {
    let runtime = env.path("runtime");
    std::fs::create_dir_all(&runtime).expect("mkdir");
    env.set_env("XDG_RUNTIME_DIR", &runtime.display().to_string());
    env.set_env(
        "DBUS_SESSION_BUS_ADDRESS",
        &format!("unix:path={}", runtime.join("no-bus").display()),
    );
}

#[test]
fn without_a_keyring_the_error_says_so_and_offers_a_file_or_a_variable() {
    let mut env = Env::new();
    headless(&mut env);
    let run = env.run_stdin(
        &[
            "provider",
            "set",
            "smtp",
            "--host",
            "smtp.example.com",
            "--from",
            "dms@example.com",
            "--password-keyring",
            "--password-stdin",
        ],
        "hunter2\n",
    );
    run.code(1)
        .stderr_has("error: cannot use --password-keyring: no keyring is available here")
        .stderr_has("no Secret Service answers on the D-Bus session bus")
        .stderr_has("hint: keep the secret in a file with --password-file PATH (mode 0600) or in an environment variable with --password-env VAR instead");
    assert_hidden(&run, &["hunter2"]);
    assert!(
        !env.store_text().contains("password"),
        "{}",
        env.store_text()
    );

    // migrate needs to be told where the secrets go.
    let server = HttpServer::start();
    store_with_literals(&env, &server);
    env.run(&["secret", "migrate"])
        .code(2)
        .stderr_has("no --to given, and no keyring is available here")
        .stderr_has("hint: say where the secrets go: --to file:DIR");
}

/// A private session bus with an unlocked gnome-keyring on it; both stop when this is dropped.
struct SecretService {
    dbus: Child,
    keyring: Option<Child>,
    address: String,
    runtime: PathBuf,
}

impl SecretService {
    /// Starts both daemons and waits until the keyring owns its bus name; None (after a SKIPPED line,
    /// or a failure under CI) where the programs are missing.
    fn start(env: &Env) -> Option<SecretService> {
        let install = "install the Debian packages dbus-daemon, dbus-bin and gnome-keyring";
        let why = "the keyring through a real Secret Service";
        if !tool_available("dbus-daemon", &["--version"], why, install)
            || !tool_available("dbus-send", &["--help"], why, install)
            || !tool_available("gnome-keyring-daemon", &["--version"], why, install)
        {
            return None;
        }
        let runtime = env.path("runtime");
        std::fs::create_dir_all(&runtime).expect("mkdir");
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        let mut dbus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
            .env("XDG_RUNTIME_DIR", &runtime)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon");
        let mut address = String::new();
        BufReader::new(dbus.stdout.take().expect("stdout"))
            .read_line(&mut address)
            .expect("bus address");
        let mut service = SecretService {
            dbus,
            keyring: None,
            address: address.trim().to_owned(),
            runtime,
        };
        assert!(service.address.starts_with("unix:"), "{}", service.address);
        let mut keyring = service
            .command("gnome-keyring-daemon", env)
            .args(["--unlock", "--components=secrets", "--foreground"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gnome-keyring-daemon");
        // --unlock reads the login keyring's password (here empty) from stdin, up to its end.
        let mut stdin = keyring.stdin.take().expect("stdin");
        stdin.write_all(b"\n").expect("password");
        drop(stdin);
        service.keyring = Some(keyring);
        service.wait_for_name(env);
        Some(service)
    }

    fn command(&self, program: &str, env: &Env) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .env("HOME", env.dir.path())
            .env("XDG_DATA_HOME", env.dir.path().join(".local/share"));
        cmd
    }

    /// Waits (20 s at most) until `org.freedesktop.secrets` has an owner on the bus.
    fn wait_for_name(&self, env: &Env) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let out = self
                .command("dbus-send", env)
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets",
                ])
                .output()
                .expect("dbus-send");
            if String::from_utf8_lossy(&out.stdout).contains("boolean true") {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "gnome-keyring-daemon did not take org.freedesktop.secrets: {out:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Makes every later run of `env` use this bus.
    fn attach(&self, env: &mut Env) {
        env.set_env("DBUS_SESSION_BUS_ADDRESS", &self.address);
        env.set_env("XDG_RUNTIME_DIR", &self.runtime.display().to_string());
    }
}

impl Drop for SecretService {
    fn drop(&mut self) {
        if let Some(keyring) = &mut self.keyring {
            let _ = keyring.kill();
            let _ = keyring.wait();
        }
        let _ = self.dbus.kill();
        let _ = self.dbus.wait();
    }
}

#[test]
fn secrets_in_a_real_secret_service_sign_what_goes_out_and_never_touch_the_store() {
    let mut env = Env::new();
    let Some(service) = SecretService::start(&env) else {
        return;
    };
    service.attach(&mut env);
    let server = HttpServer::start();

    // --secret-keyring takes the value from stdin and keeps only the entry's name in the store.
    let url = server.url(&format!("/robot/send?access_token={ROBOT_TOKEN}"));
    let run = env.run_stdin(
        &[
            "channel",
            "set",
            "dingtalk-bot",
            "--webhook",
            &url,
            "--secret-keyring",
            "--secret-stdin",
        ],
        &format!("{ROBOT_SECRET}\n"),
    );
    run.ok();
    assert_hidden(&run, &[ROBOT_SECRET]);
    let entry = format!(
        "notify/users.alice.channels.dingtalk-bot.secret@{}",
        env.store.display()
    );
    run.stderr_has(&format!("the secret is in the keyring as {entry}"));
    let text = env.store_text();
    assert!(
        text.contains(&format!("secret_keyring = \"{entry}\"\n")),
        "{text}"
    );
    assert!(!text.contains(ROBOT_SECRET), "{text}");
    env.run(&["channel", "show", "dingtalk-bot", "--reveal"])
        .ok()
        .stdout_has(&format!("keyring {entry}"));

    let run = env.run(&["channel", "test", "dingtalk-bot"]);
    run.ok();
    assert_hidden(&run, &[ROBOT_SECRET]);
    let reqs = server.requests_to("/robot/send");
    assert_eq!(reqs.len(), 1);
    assert_robot_signed_with(&reqs[0], ROBOT_SECRET);

    // migrate, with no --to on a machine that has a keyring, moves the rest there.
    env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        &server.url("/hook"),
        "--signature-method",
        "HMAC_SHA256",
        "--signature-key",
        HOOK_KEY,
    ])
    .ok();
    let run = env.run(&["secret", "migrate"]);
    run.ok();
    assert_hidden(&run, &[HOOK_KEY, ROBOT_SECRET]);
    let hook_entry = format!(
        "notify/users.alice.channels.webhook.signature_key@{}",
        env.store.display()
    );
    run.stdout_has(&format!("keyring {hook_entry}"));
    let text = env.store_text();
    assert!(
        text.contains(&format!("signature_key_keyring = \"{hook_entry}\"\n")),
        "{text}"
    );
    assert!(!text.contains(HOOK_KEY), "{text}");
    env.run(&["channel", "test", "webhook"]).ok();
    let reqs = server.requests_to("/hook");
    assert_eq!(reqs.len(), 1);
    assert_eq!(
        reqs[0].header("X-Notify-Signature"),
        Some(
            format!(
                "sha256={}",
                hex_encode(&hmac_sha256(HOOK_KEY.as_bytes(), &reqs[0].body))
            )
            .as_str()
        )
    );

    // The keyring without the bus: the use names the entry and the secret.
    drop(service);
    let run = env.run(&["channel", "test", "webhook"]);
    run.code(1).stderr_has("no keyring is available here");
    assert_hidden(&run, &[HOOK_KEY]);
}
