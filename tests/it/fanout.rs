//! Large sends: the streamed dry run keeps today's bytes, and the report of a long send leads with a
//! summary and shows failures first.

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
    run.ok();
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
