//! Prompts and progress bars on a real terminal: `script` (util-linux) gives `notify` a pseudo-terminal,
//! the test types into it and reads the screen. Where `script` is missing they fail under `CI`, and
//! elsewhere print `SKIPPED: ...`.

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::fanout::crowd;
use crate::support::http::HttpServer;
use crate::support::{Env, code_in, smtp_env, tool_available};

const WAIT: Duration = Duration::from_secs(20);

/// `notify` running on a pseudo-terminal.
struct Terminal {
    child: Child,
    input: ChildStdin,
    screen: Arc<Mutex<String>>,
    reader: std::thread::JoinHandle<()>,
}

impl Terminal {
    fn start(env: &Env, args: &[&str]) -> Option<Terminal> {
        Terminal::start_sized(env, None, args)
    }

    /// `notify` on a terminal `size` (columns, rows) big, as `stty` sets it; (0, 0) is a pseudo-terminal
    /// that reports no size at all.
    fn start_sized(env: &Env, size: Option<(u16, u16)>, args: &[&str]) -> Option<Terminal> {
        if !tool_available(
            "script",
            &["--version"],
            "prompting on a real terminal",
            "install it with `apt-get install bsdutils` (util-linux)",
        ) {
            return None;
        }
        let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_notify"))
            .chain(args.iter().copied())
            .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
            .collect();
        let mut line = quoted.join(" ");
        if let Some((cols, rows)) = size {
            line = format!("stty cols {cols} rows {rows} && {line}");
        }
        // The same environment as every other run of the binary in these tests.
        let base = env.command(&[]);
        let mut script = Command::new("script");
        script
            .args(["-qfec", &line, "/dev/null"])
            .env_clear()
            .env("TERM", "dumb");
        for (key, value) in base.get_envs() {
            if let Some(value) = value {
                script.env(key, value);
            }
        }
        let mut child = script
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("script");
        let input = child.stdin.take().expect("stdin");
        let mut out = child.stdout.take().expect("stdout");
        let screen = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&screen);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("screen")
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Some(Terminal {
            child,
            input,
            screen,
            reader,
        })
    }

    fn screen(&self) -> String {
        self.screen.lock().expect("screen").clone()
    }

    /// Waits until the screen shows `text` (after `from` bytes), returning where it ends.
    fn expect(&self, text: &str, from: usize) -> usize {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if let Some(at) = screen.get(from..).and_then(|s| s.find(text)) {
                return from + at + text.len();
            }
            assert!(
                start.elapsed() < WAIT,
                "the terminal never showed {text:?}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn type_line(&mut self, line: &str) {
        self.input
            .write_all(format!("{line}\r").as_bytes())
            .expect("type");
        self.input.flush().expect("flush");
    }

    /// Types a line at a prompt that reads it with echo off, until the program ends. Switching echo off
    /// flushes what was typed before (TCSAFLUSH), and nothing is echoed to show that the line arrived,
    /// so a line typed while the prompt was still being set up is typed again.
    fn type_secret_until_done(&mut self, line: &str) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if self
                .input
                .write_all(format!("{line}\r").as_bytes())
                .and_then(|()| self.input.flush())
                .is_err()
            {
                return; // the program has ended and its terminal is gone
            }
            let typed = Instant::now();
            while typed.elapsed() < Duration::from_secs(2) {
                if self.child.try_wait().expect("wait").is_some() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    fn finish(mut self) -> (i32, String) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // Everything the program printed is on the screen once the reader sees the end of it.
                drop(self.input);
                self.reader.join().expect("screen reader");
                let screen = self.screen.lock().expect("screen").clone();
                return (status.code().unwrap_or(-1), screen);
            }
            if start.elapsed() > WAIT {
                let _ = self.child.kill();
                panic!("notify did not finish:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn a_missing_field_is_asked_for_until_it_is_valid() {
    let env = Env::new();
    let Some(mut term) = Terminal::start(&env, &["channel", "set", "sms"]) else {
        return;
    };
    let at = term.expect("mobile (e.g. +8613100000000)", 0);
    term.type_line("12345");
    let at = term.expect("12345 has no country code", at);
    term.type_line("13100000000");
    term.expect("sms channel of alice saved", at);
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        env.store_text().contains("mobile = \"+8613100000000\""),
        "{}",
        env.store_text()
    );
}

#[test]
fn secrets_are_asked_for_without_echo() {
    let env = Env::new();
    let args = [
        "channel",
        "set",
        "webhook",
        "--url",
        "https://hooks.example.com/dms",
        "--signature-method",
        "HMAC_SHA256",
    ];
    let Some(mut term) = Terminal::start(&env, &args) else {
        return;
    };
    term.expect("signature key", 0);
    term.type_secret_until_done("typed-secret-value");
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        !screen.contains("typed-secret-value"),
        "the secret was echoed:\n{screen}"
    );
    assert!(
        env.store_text()
            .contains("signature_key = \"typed-secret-value\"")
    );
}

#[test]
fn setting_an_email_on_a_terminal_sends_the_code_and_asks_for_it() {
    let (env, smtp) = smtp_env();
    let Some(mut term) = Terminal::start(
        &env,
        &["channel", "set", "email", "--address", "alice@example.com"],
    ) else {
        return;
    };
    let at = term.expect("verification code", 0);
    let mail = smtp.wait_for(1, WAIT).pop().expect("the code by mail");
    let code = code_in(&mail.body_text());
    term.type_line(&code);
    term.expect("is verified", at);
    let (status, screen) = term.finish();
    assert_eq!(status, 0, "{screen}");
    let list = env.run(&["channel", "list", "--json"]);
    let email = list
        .json()
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["kind"] == "email")
        .cloned()
        .expect("email");
    assert_eq!(email["verified"], true);
}

#[test]
fn a_wrong_code_at_the_prompt_is_asked_again() {
    let (env, smtp) = smtp_env();
    let Some(mut term) = Terminal::start(
        &env,
        &["channel", "set", "email", "--address", "alice@example.com"],
    ) else {
        return;
    };
    let at = term.expect("verification code", 0);
    let code = code_in(
        &smtp
            .wait_for(1, WAIT)
            .pop()
            .expect("the code by mail")
            .body_text(),
    );
    let wrong = if code == "000000" { "111111" } else { "000000" };
    term.type_line("12");
    let at = term.expect("six digits", at);
    term.type_line(wrong);
    let at = term.expect("wrong code; 4 attempts left", at);
    term.type_line(&code);
    term.expect("is verified", at);
    let (status, screen) = term.finish();
    assert_eq!(status, 0, "{screen}");
}

#[test]
fn a_long_send_shows_a_progress_bar_on_a_terminal_unless_quiet_or_json() {
    let mut env = Env::new();
    // A terminal that can redraw a line (indicatif draws nothing on a `dumb` one).
    env.set_env("TERM", "xterm");
    let server = HttpServer::start();
    crowd(&env, &server, 45);
    let send = ["send", "--all-users", "--message", "hi"];
    let Some(term) = Terminal::start(&env, &send) else {
        return;
    };
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("/45 done, 0 failed, "), "no bar:\n{screen}");
    assert!(
        screen.contains("45 destinations: 45 delivered, 0 failed, 0 skipped in "),
        "{screen}"
    );
    for flag in ["-q", "--json"] {
        let Some(term) = Terminal::start(&env, &[&send[..], &[flag]].concat()) else {
            return;
        };
        let (code, screen) = term.finish();
        assert_eq!(code, 0, "{screen}");
        assert!(!screen.contains(" done, "), "a bar with {flag}:\n{screen}");
    }
    // 135 deliveries in all: none was lost or doubled by the bar.
    assert_eq!(server.requests().len(), 135);
}

#[test]
fn a_screenful_send_on_a_terminal_has_no_bar() {
    let mut env = Env::new();
    env.set_env("TERM", "xterm");
    let server = HttpServer::start();
    crowd(&env, &server, 40);
    let Some(term) = Terminal::start(&env, &["send", "--all-users", "--message", "hi"]) else {
        return;
    };
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains(" done, "), "{screen}");
    assert!(!screen.contains("destinations:"), "{screen}");
}

/// What `notify ARGS` prints on a terminal of `size`, without carriage returns.
fn table_on(env: &Env, size: (u16, u16), args: &[&str]) -> Option<String> {
    let term = Terminal::start_sized(env, Some(size), args)?;
    let (code, screen) = term.finish();
    assert_eq!(code, 0, "{screen}");
    Some(screen.replace('\r', ""))
}

/// The words on the screen, with the table's borders taken for spaces.
fn words_of(screen: &str) -> Vec<&str> {
    screen
        .split(|c: char| c.is_whitespace() || "│┆─┌┐└┘├┤┬┴┼╞╡╪═".contains(c))
        .filter(|w| !w.is_empty())
        .collect()
}

fn assert_whole(screen: &str, words: &[&str], what: &str) {
    let shown = words_of(screen);
    for word in words {
        assert!(
            shown.contains(word),
            "{word} is split or missing {what}:\n{screen}"
        );
    }
}

const KINDS: [&str; 10] = [
    "dingtalk",
    "dingtalk-exclusive",
    "feishu",
    "lark",
    "lark-mobile",
    "dingtalk-bot",
    "wecom-bot",
    "email",
    "sms",
    "webhook",
];

#[test]
fn tables_never_split_a_kind_or_a_header_word_at_80_or_60_columns() {
    let env = Env::new();
    env.run(&[
        "channel",
        "set",
        "webhook",
        "--url",
        "https://hooks.example.com/dms",
    ])
    .ok();
    let headers = [
        "KIND",
        "CONFIGURED",
        "VERIFIED",
        "ENABLED",
        "AVAILABLE",
        "DESTINATION",
    ];
    let Some(at_80) = table_on(&env, (80, 24), &["channel", "list"]) else {
        return;
    };
    assert_whole(&at_80, &KINDS, "at 80 columns");
    assert_whole(&at_80, &headers, "at 80 columns");
    for line in at_80.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "a line wider than 80 columns:\n{at_80}"
        );
    }
    let Some(at_60) = table_on(&env, (60, 24), &["channel", "list"]) else {
        return;
    };
    assert_whole(&at_60, &KINDS, "at 60 columns");
    assert_whole(&at_60, &headers, "at 60 columns");
    // A table that can fit does, breaking free text only at spaces.
    let Some(providers) = table_on(&env, (40, 24), &["provider", "list"]) else {
        return;
    };
    assert_whole(
        &providers,
        &[
            "NAME",
            "DESCRIPTION",
            "CONFIGURED",
            "dingtalk",
            "(aliyun",
            "twilio)",
        ],
        "at 40 columns",
    );
    for line in providers.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 40,
            "a line wider than 40 columns:\n{providers}"
        );
    }
}

#[test]
fn a_terminal_that_reports_no_size_gets_tables_80_columns_wide() {
    let env = Env::new();
    let Some(no_size) = table_on(&env, (0, 0), &["channel", "list"]) else {
        return;
    };
    assert_whole(&no_size, &KINDS, "on a 0x0 terminal");
    let Some(at_80) = table_on(&env, (80, 24), &["channel", "list"]) else {
        return;
    };
    assert_eq!(no_size, at_80);
}

#[test]
fn columns_empty_in_every_row_are_left_out_on_a_terminal() {
    let env = Env::new();
    let Some(screen) = table_on(&env, (120, 24), &["channel", "list"]) else {
        return;
    };
    // Nothing is configured: no destination to show.
    assert!(!screen.contains("DESTINATION"), "{screen}");
    assert_whole(&screen, &["KIND", "AVAILABLE"], "at 120 columns");
    // Scripts keep every column.
    env.run(&["channel", "list"]).ok().stdout_has("DESTINATION");
}
