//! Large sends: the streamed dry run keeps today's bytes, and the report of a long send leads with a
//! summary and shows failures first.

use crate::support::http::{HttpServer, Reply};
use crate::support::{Env, Run};

/// The text with what changes on every run (UUIDs, the event's millisecond time) replaced by markers.
fn normalize(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if is_uuid(&bytes[i..]) {
            out.extend_from_slice(b"<uuid>");
            i += 36;
            continue;
        }
        for key in [&b"eventTime\":"[..], b"eventTime\\\":"] {
            if bytes[i..].starts_with(key) {
                out.extend_from_slice(key);
                i += key.len();
                let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                assert!(digits > 0, "eventTime without a number in:\n{text}");
                out.extend_from_slice(b"<ms>");
                i += digits;
            }
        }
        if let Some(&b) = bytes.get(i) {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

fn is_uuid(bytes: &[u8]) -> bool {
    bytes.len() >= 36
        && bytes[..36].iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(b),
        })
}

/// bob with a webhook (one request), carol with an email channel and no provider (failed), dave with
/// no channel (skipped).
fn three_users() -> Env {
    let env = Env::new();
    for args in [
        &["user", "add", "bob"][..],
        &[
            "user",
            "modify",
            "bob",
            "--set",
            "webhook.url=http://127.0.0.1:9/dms",
            "--enable",
            "webhook",
        ],
        &["user", "add", "carol"],
        &[
            "user",
            "modify",
            "carol",
            "--set",
            "email.address=carol@example.com",
            "--enable",
            "email",
        ],
        &["user", "add", "dave"],
    ] {
        env.run(args).ok();
    }
    env
}

#[track_caller]
fn assert_pinned(run: &Run, expected: &str) {
    // Carol's email has no provider: a pre-flight check that a live run would fail there (exit 3).
    run.code(3).stderr_has("1 of ").stderr_has("would fail");
    // The note is for people: a JSON reader gets only the document.
    let json = expected.starts_with('{');
    assert_eq!(
        run.stderr.contains("dry run: nothing was sent"),
        !json,
        "{}",
        run.stderr
    );
    let got = normalize(&run.stdout);
    assert!(
        got == expected,
        "the dry run's output changed:\n--- got\n{got}\n--- expected\n{expected}"
    );
}

#[test]
fn a_small_dry_run_prints_exactly_what_it_always_did() {
    let env = three_users();
    let send = ["send", "--all-users", "--message", "hi", "--dry-run"];
    assert_pinned(&env.run(&send), include_str!("fixtures/dry-run/send.txt"));
    assert_pinned(
        &env.run(&[&send[..], &["--json"]].concat()),
        include_str!("fixtures/dry-run/send.json"),
    );

    env.run(&[
        "rule",
        "set",
        "ticket.permission.approved",
        "--role",
        "related",
        "--recipient",
        "zed",
    ])
    .ok();
    let emit = [
        "emit",
        "ticket.permission.approved",
        "--submitter",
        "bob",
        "--related",
        "carol",
        "--related",
        "dave",
        "--related",
        "bob",
        "--dry-run",
    ];
    assert_pinned(&env.run(&emit), include_str!("fixtures/dry-run/emit.txt"));
    assert_pinned(
        &env.run(&[&emit[..], &["--json"]].concat()),
        include_str!("fixtures/dry-run/emit.json"),
    );
}

/// `n` users `u0000001`... (the current user is `alice`), each with an enabled personal webhook at
/// `/<name>` on `server`, made by one `user import`.
pub fn crowd(env: &Env, server: &HttpServer, n: usize) {
    let mut csv = String::from("name,webhook.url,enable\n");
    for i in 1..=n {
        let name = format!("u{i:07}");
        csv.push_str(&format!(
            "{name},{},webhook\n",
            server.url(&format!("/{name}"))
        ));
    }
    let file = env.path("users.csv");
    std::fs::write(&file, csv).expect("write the CSV");
    env.run(&["user", "import", file.to_str().expect("UTF-8 path")])
        .ok();
}

/// The recipient and outcome of each row of a plain (not terminal) report table.
fn table_rows(stdout: &str) -> Vec<(String, String)> {
    stdout
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split_whitespace().collect();
            (cells[0].to_owned(), cells[3].to_owned())
        })
        .collect()
}

#[test]
fn a_large_send_leads_with_a_summary_and_lists_failures_first() {
    let env = Env::new();
    let server = HttpServer::start();
    crowd(&env, &server, 45);
    for bad in ["/u0000007", "/u0000031"] {
        server.always(bad, Reply::status(400));
    }
    let run = env.run(&["send", "--all-users", "--message", "hi", "--retries", "0"]);
    run.code(3).stderr_has("2 of 45 deliveries failed");
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("45 destinations: 43 delivered, 2 failed, 0 skipped in ")
            && first.ends_with(" s"),
        "{}",
        run.stderr
    );
    let rows = table_rows(&run.stdout);
    assert_eq!(rows.len(), 45, "{}", run.stdout);
    let failed = |name: &str| (name.to_owned(), "failed".to_owned());
    assert_eq!(rows[..2], [failed("u0000007"), failed("u0000031")]);
    let rest: Vec<&str> = rows[2..].iter().map(|(name, _)| name.as_str()).collect();
    let expected: Vec<String> = (1..=45)
        .filter(|i| ![7, 31].contains(i))
        .map(|i| format!("u{i:07}"))
        .collect();
    assert_eq!(rest, expected, "the rest in plan order");
    assert!(rows[2..].iter().all(|(_, outcome)| outcome == "delivered"));
    // No progress bar when stderr is not a terminal.
    run.stderr_lacks(" done, ");

    // --json is unchanged: no summary line, the rows in plan order.
    let json = env.run(&[
        "send",
        "--all-users",
        "--message",
        "hi",
        "--retries",
        "0",
        "--json",
    ]);
    json.code(3);
    json.stderr_lacks("destinations:");
    let names: Vec<String> = json.json()["deliveries"]
        .as_array()
        .expect("deliveries")
        .iter()
        .map(|d| d["recipient"].as_str().unwrap_or_default().to_owned())
        .collect();
    let all: Vec<String> = (1..=45).map(|i| format!("u{i:07}")).collect();
    assert_eq!(names, all);
}

#[test]
fn a_send_of_a_screenful_keeps_the_plain_report() {
    let env = Env::new();
    let server = HttpServer::start();
    crowd(&env, &server, 40);
    server.always("/u0000007", Reply::status(400));
    let run = env.run(&["send", "--all-users", "--message", "hi", "--retries", "0"]);
    run.code(3);
    run.stderr_lacks("destinations:");
    let rows = table_rows(&run.stdout);
    assert_eq!(rows.len(), 40);
    assert_eq!(rows[6], ("u0000007".to_owned(), "failed".to_owned()));
    assert_eq!(rows[0].0, "u0000001");
}
