//! Store file handling end to end.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{Env, Run};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("stat").permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

fn folder(env: &Env) -> &Path {
    env.store.parent().expect("store folder")
}

/// The names in the store's folder, sorted.
fn folder_names(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder(env))
        .expect("read store folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Asserts that no temporary file of an atomic write was left next to the store.
#[track_caller]
fn assert_no_temp_files(env: &Env) {
    let names = folder_names(env);
    assert!(
        names
            .iter()
            .all(|n| n == "store.toml" || n == "store.toml.lock"),
        "unexpected files beside the store: {names:?}"
    );
}

/// Runs `notify` under `sh` with umask 077, the setting of a careful administrator.
fn run_with_umask_077(env: &Env, args: &[&str]) -> Run {
    let base = env.command(args);
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("umask 077 && exec \"$0\" \"$@\"")
        .arg(base.get_program())
        .args(base.get_args())
        .env_clear()
        .stdin(Stdio::null());
    for (key, value) in base.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    let out = cmd.output().expect("run notify under sh");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const ONE_USER: &str = "version = 1\n\n[users.bob]\ndisplay_name = \"Bob\"\nroles = []\n";

#[test]
fn a_new_store_is_created_private_versioned_at_notify_store() {
    let env = Env::new();
    assert!(!folder(&env).exists());
    env.run(&["channel", "set", "email", "--address", "alice@example.com"])
        .ok();
    assert!(env.store.is_file(), "no store at NOTIFY_STORE");
    assert_eq!(mode(&env.store), 0o600, "store mode");
    assert_eq!(mode(folder(&env)), 0o700, "folder mode");
    let text = env.store_text();
    assert!(text.starts_with("version = 1\n"), "{text}");
    assert!(text.contains("default_user = \"alice\""), "{text}");
    assert!(text.contains("[users.alice.channels.email]"), "{text}");
    assert!(text.contains("address = \"alice@example.com\""), "{text}");
    assert_no_temp_files(&env);
}

#[test]
fn without_notify_store_the_store_lives_in_the_user_config_folder() {
    let env = Env::new();
    let out = env
        .command(&["user", "add", "bob"])
        .env_remove("NOTIFY_STORE")
        .output()
        .expect("run notify");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = env.path("config/notify/store.toml");
    assert!(store.is_file(), "no store at {}", store.display());
    assert_eq!(mode(&store), 0o600);
    assert_eq!(mode(store.parent().expect("folder")), 0o700);
    assert!(!env.store.exists());
}

#[test]
fn the_store_flag_wins_over_notify_store() {
    let env = Env::new();
    let other = env.path("elsewhere/other.toml");
    env.run(&[
        "--store",
        other.to_str().expect("utf-8"),
        "user",
        "add",
        "bob",
    ])
    .ok();
    assert!(other.is_file());
    assert_eq!(mode(&other), 0o600);
    assert!(!env.store.exists(), "NOTIFY_STORE was written too");
    let text = std::fs::read_to_string(&other).expect("read");
    assert!(text.contains("[users.bob]"), "{text}");
}

#[test]
fn existing_permissions_are_kept_on_write() {
    let env = Env::new();
    env.write_store(ONE_USER);
    chmod(&env.store, 0o640);
    env.run(&["user", "add", "carol"]).ok();
    assert_eq!(mode(&env.store), 0o640);
    assert!(env.store_text().contains("[users.carol]"));
    // A restrictive umask must not strip the bits the owner chose either.
    run_with_umask_077(&env, &["user", "add", "dave"]).ok();
    assert!(env.store_text().contains("[users.dave]"));
    assert_eq!(
        mode(&env.store),
        0o640,
        "umask 077 changed the store's mode"
    );
    assert_no_temp_files(&env);
}

#[test]
fn a_group_writable_store_is_refused_and_left_alone() {
    let env = Env::new();
    env.write_store(ONE_USER);
    chmod(&env.store, 0o660);
    let before = env.store_text();
    let path = env.store.display().to_string();
    env.run(&["user", "add", "carol"])
        .code(1)
        .stderr_has(&format!(
            "error: the store {path} is writable by its group (mode 660)"
        ))
        .stderr_has(&format!("hint: chmod 600 {path}"));
    // Reading is refused too: a store others could have rewritten is not trusted.
    env.run(&["user", "list"])
        .code(1)
        .stderr_has(&format!("hint: chmod 600 {path}"));
    assert_eq!(env.store_text(), before);
    assert_eq!(mode(&env.store), 0o660);
}

#[test]
fn a_store_writable_by_others_is_refused() {
    let env = Env::new();
    env.write_store(ONE_USER);
    chmod(&env.store, 0o602);
    let before = env.store_text();
    let path = env.store.display().to_string();
    env.run(&["user", "modify", "bob", "--display-name", "Robert"])
        .code(1)
        .stderr_has("is writable by others (mode 602)")
        .stderr_has(&format!("hint: chmod 600 {path}"));
    assert_eq!(env.store_text(), before);
}

#[test]
fn a_group_writable_folder_is_refused() {
    let env = Env::new();
    env.write_store(ONE_USER);
    chmod(folder(&env), 0o770);
    let before = env.store_text();
    let dir = folder(&env).display().to_string();
    env.run(&["user", "add", "carol"])
        .code(1)
        .stderr_has(&format!(
            "error: the store's folder {dir} is writable by its group (mode 770)"
        ))
        .stderr_has(&format!("hint: chmod 700 {dir}"));
    assert_eq!(env.store_text(), before);
    chmod(folder(&env), 0o700);
    env.run(&["user", "add", "carol"]).ok();
}

#[test]
fn no_store_is_created_in_a_folder_others_can_write() {
    let env = Env::new();
    std::fs::create_dir_all(folder(&env)).expect("mkdir");
    chmod(folder(&env), 0o777);
    let dir = folder(&env).display().to_string();
    env.run(&["user", "add", "carol"])
        .code(1)
        .stderr_has("writable by others")
        .stderr_has(&format!("hint: chmod 700 {dir}"));
    assert!(!env.store.exists(), "no store was created");
}

#[test]
fn sixty_four_concurrent_modifies_all_land() {
    let env = Env::new();
    let mut csv = String::from("name\n");
    for i in 0..64 {
        csv.push_str(&format!("u{i}\n"));
    }
    let file = env.path("users.csv");
    std::fs::write(&file, csv).expect("write csv");
    env.run(&["user", "import", file.to_str().expect("utf-8")])
        .ok();

    let children: Vec<_> = (0..64)
        .map(|i| {
            let name = format!("u{i}");
            let display = format!("Display {i}");
            env.command(&["user", "modify", &name, "--display-name", &display])
                .spawn()
                .expect("spawn notify")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait notify");
        assert!(
            out.status.success(),
            "a modify failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let users = env.run(&["user", "list", "--json"]).ok().json();
    let users = users.as_array().expect("array");
    assert_eq!(users.len(), 64);
    for user in users {
        let name = user["name"].as_str().expect("name");
        let n = name.strip_prefix('u').expect("u<n>");
        assert_eq!(
            user["display_name"],
            format!("Display {n}"),
            "{name} lost its change"
        );
    }
    assert_no_temp_files(&env);
}

#[test]
fn a_store_that_is_not_toml_is_reported_and_never_rewritten() {
    let env = Env::new();
    let text = "version = 1\n[users.bob\ndisplay_name = \"Bob\"\n";
    env.write_store(text);
    let path = env.store.display().to_string();
    env.run(&["user", "list"])
        .code(1)
        .stderr_has(&format!("error: the store {path} is not valid"))
        .stderr_has("line 2, column 11")
        .stderr_has("hint: fix it by hand in");
    env.run(&["user", "add", "carol"])
        .code(1)
        .stderr_has(&path)
        .stderr_has("line 2");
    env.run(&["channel", "set", "email", "--address", "a@example.com"])
        .code(1);
    assert_eq!(env.store_text(), text);
    assert_no_temp_files(&env);
}

#[test]
fn an_unknown_channel_kind_in_the_store_is_reported_with_its_line() {
    let env = Env::new();
    let text =
        "version = 1\n\n[users.bob]\nroles = []\n\n[users.bob.channels.pager]\nnumber = \"1\"\n";
    env.write_store(text);
    let path = env.store.display().to_string();
    env.run(&["user", "add", "carol"])
        .code(1)
        .stderr_has(&format!("error: the store {path} is not valid"))
        .stderr_has("line 6, column ")
        .stderr_has("unknown channel kind `pager`");
    assert_eq!(env.store_text(), text);
}

#[test]
fn an_invalid_value_in_the_store_is_reported_with_line_and_column() {
    let env = Env::new();
    let text = "version = 1\n[users.bob.channels.sms]\nmobile = \"12\"\nenabled = true\n";
    env.write_store(text);
    let path = env.store.display().to_string();
    env.run(&["user", "show", "bob"])
        .code(1)
        .stderr_has(&format!("error: the store {path} is not valid"))
        .stderr_has("line 3, column 10")
        .stderr_has("invalid `mobile`")
        .stderr_has("e.g. +8613100000000");
    env.run(&["user", "add", "carol"]).code(1);
    env.run(&["user", "modify", "bob", "--set", "sms.mobile=13100000000"])
        .code(1);
    assert_eq!(env.store_text(), text);
}

#[test]
fn an_invalid_secret_in_the_store_is_not_printed() {
    let env = Env::new();
    let bad_url = "version = 1\n[users.bob.channels.dingtalk-bot]\n\
        webhook = \"http://oapi.dingtalk.com/robot/send?access_token=tok-in-the-clear\"\n\
        keyword = \"DMS\"\n";
    env.write_store(bad_url);
    let run = env.run(&["user", "list"]);
    run.code(1)
        .stderr_has("line 3, column 11")
        .stderr_has("invalid `webhook`");
    run.stderr_lacks("tok-in-the-clear");

    let bad_secret = "version = 1\n[users.bob.channels.dingtalk-bot]\n\
        webhook = \"https://oapi.dingtalk.com/robot/send?access_token=t\"\n\
        keyword = \"DMS\"\nsecret = \"hunter2-not-a-robot-secret\"\n";
    env.write_store(bad_secret);
    let run = env.run(&["user", "add", "carol"]);
    run.code(1)
        .stderr_has("line 5, column 10")
        .stderr_has("invalid `secret`")
        .stderr_has("starts with SEC");
    run.stderr_lacks("hunter2-not-a-robot-secret");
    assert_eq!(env.store_text(), bad_secret);
}

#[test]
fn a_store_from_a_newer_notify_is_refused() {
    let env = Env::new();
    let text = "version = 2\n\n[users.bob]\nroles = []\nshiny = true\n";
    env.write_store(text);
    let path = env.store.display().to_string();
    env.run(&["user", "list"])
        .code(1)
        .stderr_has(&format!(
            "error: the store {path} was written by a newer notify (store version 2; this notify knows up to 1)"
        ))
        .stderr_has("hint: upgrade notify");
    env.run(&["user", "add", "carol"]).code(1);
    assert_eq!(env.store_text(), text);
}

const VERSION_0: &str = "\
default_user = \"bob\"

[notice]
disabled_kinds = [\"sms\"]

[users.bob]
display_name = \"Bob\"
roles = [\"dba\"]

[users.bob.channels.email]
address = \"bob@example.com\"
enabled = true
verified = true
";

#[test]
fn a_version_zero_store_is_read_as_is_and_migrated_on_the_next_write() {
    let env = Env::new();
    env.write_store(VERSION_0);

    let users = env.run(&["user", "list", "--json"]).ok().json();
    assert_eq!(users[0]["name"], "bob");
    assert_eq!(users[0]["channels"]["email"]["address"], "bob@example.com");
    let notice = env.run(&["notice", "list", "--json"]).ok().json();
    let sms = notice
        .as_array()
        .expect("array")
        .iter()
        .find(|k| k["kind"] == "sms")
        .expect("sms row");
    assert_eq!(sms["enabled"], false);
    assert_eq!(env.store_text(), VERSION_0, "a read rewrote the store");

    env.run(&["user", "add", "carol"]).ok();
    let text = env.store_text();
    assert!(text.starts_with("version = 1\n"), "{text}");
    assert!(text.contains("disabled = [\"sms\"]"), "{text}");
    assert!(!text.contains("disabled_kinds"), "{text}");
    assert!(text.contains("default_user = \"bob\""), "{text}");
    let users = env.run(&["user", "list", "--json"]).ok().json();
    let names: Vec<_> = users
        .as_array()
        .expect("array")
        .iter()
        .map(|u| u["name"].as_str().expect("name").to_owned())
        .collect();
    assert_eq!(names, ["bob", "carol"]);
    let bob = &users[0];
    assert_eq!(bob["display_name"], "Bob");
    assert_eq!(bob["roles"], serde_json::json!(["dba"]));
    assert_eq!(bob["channels"]["email"]["enabled"], true);
    assert_eq!(bob["channels"]["email"]["verified"], true);
    // The migrated kind is still switched off.
    env.run(&["channel", "set", "sms", "--mobile", "13100000000"])
        .code(1)
        .stderr_has("hint: an administrator can switch it on with `notify notice enable sms`");
}

#[test]
fn errors_in_a_version_zero_store_point_at_its_own_lines() {
    let env = Env::new();
    let text = "[users.bob.channels.sms]\nmobile = \"12\"\n";
    env.write_store(text);
    env.run(&["user", "add", "carol"])
        .code(1)
        .stderr_has("line 2, column 10")
        .stderr_has("invalid `mobile`");
    assert_eq!(env.store_text(), text);
}

#[test]
fn a_version_that_is_not_a_number_is_reported() {
    let env = Env::new();
    let text = "version = \"one\"\n";
    env.write_store(text);
    env.run(&["user", "add", "carol"])
        .code(1)
        .stderr_has("`version` must be a whole number");
    assert_eq!(env.store_text(), text);
}

#[test]
fn writes_replace_the_store_atomically_without_leftovers() {
    let env = Env::new();
    env.run(&["user", "add", "bob"]).ok();
    env.run(&[
        "user",
        "modify",
        "bob",
        "--set",
        "email.address=bob@example.com",
    ])
    .ok();
    // A refused change writes nothing and leaves nothing behind either.
    let before = env.store_text();
    env.run(&["user", "modify", "bob", "--set", "sms.mobile=12"])
        .code(2);
    assert_eq!(env.store_text(), before);
    env.run(&["user", "remove", "bob"]).ok();
    assert_no_temp_files(&env);
    assert!(folder_names(&env).contains(&"store.toml".to_owned()));
}

// ---------------------------------------------------------------------------------------------------
// crashes, exposure, symlinks and truncation (issue 11)

/// A store holding a literal secret (the SMTP password), as `provider set smtp --password` leaves it.
const WITH_SECRET: &str = "\
version = 1

[providers.smtp]
host = \"smtp.example.com\"
port = 465
security = \"tls\"
password = \"hunter2-literal-password\"
from = \"DMS <dms@example.com>\"

[users.bob]
display_name = \"Name 0\"
roles = []
";

/// The same provider with its password kept as an environment reference: no literal secret.
const WITH_ENV_SECRET: &str = "\
version = 1

[providers.smtp]
host = \"smtp.example.com\"
port = 465
security = \"tls\"
password_env = \"SMTP_PASSWORD\"
from = \"DMS <dms@example.com>\"
";

/// A small pseudo-random sequence (xorshift64), seeded from the clock and printed on failure.
struct Rng(u64);

impl Rng {
    fn from_clock() -> Rng {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        Rng(nanos | 1)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn stale_temporary_files_are_removed_by_the_next_write() {
    // What a writer killed between creating its temporary file and renaming it leaves behind: a full
    // copy of the store with its literal secrets, under today's name and under the name older versions
    // of notify used.
    let env = Env::new();
    env.write_store(WITH_SECRET);
    for name in [".store.toml.tmp", ".store.Ab3xYz.tmp"] {
        crate::support::write_private(&folder(&env).join(name), WITH_SECRET);
    }
    env.run(&["user", "add", "carol"]).ok();
    assert_no_temp_files(&env);
    assert!(env.store_text().contains("[users.carol]"));
}

#[test]
fn writers_killed_at_random_moments_leave_a_whole_store_and_no_copies() {
    let env = Env::new();
    env.write_store(WITH_SECRET);
    // Aim the kills at the life of one writer: measure how long a modify takes from spawn to exit.
    let started = std::time::Instant::now();
    env.run(&["user", "modify", "bob", "--display-name", "Name 1"])
        .ok();
    let window = started.elapsed().as_micros() as u64 * 3 / 2;
    let mut rng = Rng::from_clock();
    let seed = rng.0;
    let mut current = "Name 1".to_owned();
    let mut landed = 0;
    for i in 0..60 {
        let before = env.store_text();
        let next = format!("Writer {i}");
        let after = before.replace(
            &format!("display_name = \"{current}\""),
            &format!("display_name = \"{next}\""),
        );
        assert_ne!(before, after, "the store did not hold {current:?}");
        let mut child = env
            .command(&["user", "modify", "bob", "--display-name", &next])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn notify");
        std::thread::sleep(std::time::Duration::from_micros(rng.below(window)));
        let _ = child.kill();
        let status = child.wait().expect("wait notify");
        if status.code().is_none() && folder_names(&env).len() > 2 {
            landed += 1;
        }
        let text = env.store_text();
        assert!(
            text == before || text == after,
            "kill {i} (seed {seed}) left a store that is neither before nor after the write:\n{text}"
        );
        if text == after {
            current = next;
        }
    }
    eprintln!(
        "{landed} of 60 kills left a temporary file for the next writer to remove (seed {seed})"
    );
    // The store parses, and the next write leaves no copy behind, whatever the kills left.
    let shown = env.run(&["user", "show", "bob", "--json"]).ok().json();
    assert_eq!(shown["display_name"], current.as_str(), "seed {seed}");
    env.run(&["user", "modify", "bob", "--display-name", "Final"])
        .ok();
    assert_no_temp_files(&env);
}

#[test]
fn a_store_others_can_read_is_refused_while_it_holds_a_literal_secret() {
    let env = Env::new();
    env.write_store(WITH_SECRET);
    let path = env.store.display().to_string();
    for (mode_bits, who) in [(0o644, "others"), (0o640, "its group")] {
        chmod(&env.store, mode_bits);
        let run = env.run(&["user", "list"]);
        run.code(1)
            .stderr_has(&format!(
                "error: the store {path} is readable by {who} (mode {mode_bits:o}) and holds a literal secret"
            ))
            .stderr_has("provider smtp `password`")
            .stderr_has(&format!("hint: chmod 600 {path}"));
        run.stderr_lacks("hunter2");
        env.run(&["user", "add", "carol"]).code(1);
        assert_eq!(env.store_text(), WITH_SECRET);
    }
    chmod(&env.store, 0o600);
    env.run(&["user", "add", "carol"]).ok();
}

#[test]
fn a_readable_store_without_literal_secrets_is_used_but_never_given_one() {
    let env = Env::new();
    env.write_store(WITH_ENV_SECRET);
    chmod(&env.store, 0o644);
    let path = env.store.display().to_string();
    // Secrets kept as environment references are fine in a readable store.
    env.run(&["user", "add", "bob"]).ok();
    assert_eq!(mode(&env.store), 0o644);
    // A change that would put a literal secret into it is refused, and nothing is written.
    let before = env.store_text();
    env.run(&[
        "user",
        "modify",
        "bob",
        "--set",
        "dingtalk-bot.webhook=https://oapi.dingtalk.com/robot/send?access_token=tok-in-url",
        "--set",
        "dingtalk-bot.keyword=DMS",
    ])
    .code(1)
    .stderr_has("is readable by others (mode 644)")
    .stderr_has("bob's dingtalk-bot `webhook`")
    .stderr_has(&format!("hint: chmod 600 {path}"));
    assert_eq!(env.store_text(), before);
    assert_no_temp_files(&env);
}

#[test]
fn a_symlinked_store_is_written_through_to_its_target() {
    let env = Env::new();
    let target = env.path("real/notify.toml");
    crate::support::write_private(&target, ONE_USER);
    std::fs::create_dir_all(folder(&env)).expect("mkdir");
    chmod(folder(&env), 0o700);
    std::os::unix::fs::symlink(&target, &env.store).expect("symlink");
    env.run(&["user", "add", "carol"]).ok();
    env.run(&["user", "add", "dave"]).ok();
    let link = std::fs::symlink_metadata(&env.store).expect("lstat");
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let text = std::fs::read_to_string(&target).expect("read target");
    assert!(
        text.contains("[users.carol]") && text.contains("[users.dave]"),
        "{text}"
    );
    assert_eq!(mode(&target), 0o600);
    // The lock and the rename happen beside the target; nothing is left beside the link.
    assert_eq!(folder_names(&env), ["store.toml"]);
    let mut beside: Vec<_> = std::fs::read_dir(target.parent().expect("folder"))
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, ["notify.toml", "notify.toml.lock"]);
}

#[test]
fn an_empty_store_is_not_valid() {
    let env = Env::new();
    let path = env.store.display().to_string();
    for text in ["", "\n  \n", "# only a comment\n"] {
        env.write_store(text);
        env.run(&["user", "list"])
            .code(1)
            .stderr_has(&format!("error: the store {path} is not valid"))
            .stderr_has("line 1: the file is empty")
            .stderr_has("hint: restore it from a backup");
        env.run(&["user", "add", "carol"]).code(1);
        assert_eq!(env.store_text(), text, "the empty store was rewritten");
    }
}

#[test]
fn a_store_without_its_version_line_is_not_valid() {
    let env = Env::new();
    let text = "[notice]\ndisabled = [\"sms\"]\n\n[users.bob]\nroles = []\n";
    env.write_store(text);
    let path = env.store.display().to_string();
    let run = env.run(&["user", "list"]);
    run.code(1)
        .stderr_has(&format!("error: the store {path} is not valid"))
        .stderr_has("line 1: the `version = 1` line is missing")
        .stderr_has("hint: ");
    run.stderr_lacks("unknown field");
    env.run(&["user", "add", "carol"]).code(1);
    assert_eq!(env.store_text(), text);
}

const HAND_WRITTEN: &str = r#"# Our team's store. Edited by hand; notify keeps these notes.
version = 1

[providers.smtp]
host = "127.0.0.1"
port = 2525  # local relay
security = "none"
from = "dms@example.com"

[users.alice]
display_name = "Alice"
roles = ["dba"]

[users.alice.channels.email]
# Her work address, confirmed by phone.
address = "alice@example.com"
enabled = true
verified = true

[users.bob]
roles = []
"#;

#[test]
fn hand_written_comments_survive_unrelated_and_related_changes() {
    let env = Env::new();
    env.write_store(HAND_WRITTEN);

    env.run(&["user", "modify", "bob", "--display-name", "Bob"])
        .ok();
    let text = env.store_text();
    assert_eq!(
        text,
        HAND_WRITTEN
            .replace("[users.bob]\n", "[users.bob]\ndisplay_name = \"Bob\"\n")
            // What notify always writes joins in its place.
            .replace(
                "\n[providers.smtp]",
                "\n[notice]\ndisabled = []\n\n[providers.smtp]"
            )
    );

    env.run(&[
        "user",
        "modify",
        "alice",
        "--set",
        "email.address=alice@example.org",
    ])
    .ok();
    let text = env.store_text();
    assert!(
        text.starts_with("# Our team's store. Edited by hand; notify keeps these notes.\n"),
        "{text}"
    );
    assert!(text.contains("port = 2525  # local relay\n"), "{text}");
    assert!(
        text.contains(
            "[users.alice.channels.email]\n# Her work address, confirmed by phone.\naddress = \"alice@example.org\"\n"
        ),
        "{text}"
    );
}

#[test]
fn a_boolean_written_as_a_word_is_reported_with_how_to_write_it() {
    let env = Env::new();
    for (written, fix) in [
        ("enabled = yes", "enabled = true"),
        ("enabled = \"off\"", "enabled = false"),
        ("verified = No  # checked by phone", "verified = false"),
    ] {
        let text = format!(
            "version = 1\n\n[users.alice]\nroles = []\n\n[users.alice.channels.email]\naddress = \"a@example.com\"\n{written}\n"
        );
        env.write_store(&text);
        env.run(&["user", "list"])
            .code(1)
            .stderr_has("error: the store ")
            .stderr_has("line 8, column")
            .stderr_has(&format!(
                "hint: booleans are written `true` or `false`, without quotes: `{fix}`; fix it by hand in"
            ));
        assert_eq!(env.store_text(), text);
    }
}
