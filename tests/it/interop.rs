//! Interoperability with an off-the-shelf receiver: adnanh/webhook (Debian package `webhook`) checks
//! `X-Notify-Signature` with its `payload-hmac-sha1` / `payload-hmac-sha256` rules.
//!
//! `.ci/run` installs the package. Where it is missing the test fails under `CI`, and elsewhere prints
//! `SKIPPED: ...` and checks nothing else.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Env, tool_available};

struct Receiver {
    child: Child,
    port: u16,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts adnanh/webhook on a free loopback port with one hook per signature method, or None when the
/// program is not installed.
fn start(env: &Env) -> Option<Receiver> {
    if !tool_available(
        "webhook",
        &["-version"],
        "interoperability with adnanh/webhook",
        "install it with `apt-get install webhook`",
    ) {
        return None;
    }
    let hooks = env.path("hooks.json");
    let rule = |algo: &str| {
        format!(
            r#"{{"id":"{algo}","execute-command":"/bin/true","response-message":"ok",
               "trigger-rule":{{"match":{{"type":"payload-hmac-{algo}","secret":"shared-key",
               "parameter":{{"source":"header","name":"X-Notify-Signature"}}}}}}}}"#
        )
    };
    std::fs::write(&hooks, format!("[{},{}]", rule("sha1"), rule("sha256"))).expect("write hooks");
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let child = Command::new("webhook")
        .args([
            "-hooks",
            hooks.to_str().expect("utf-8"),
            "-ip",
            "127.0.0.1",
            "-port",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start webhook");
    let receiver = Receiver { child, port };
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "webhook did not start listening"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(receiver)
}

#[test]
fn adnanh_webhook_accepts_our_signatures_and_refuses_a_wrong_key() {
    let env = Env::new();
    let Some(receiver) = start(&env) else { return };
    for (algo, method) in [("sha1", "HMAC_SHA1"), ("sha256", "HMAC_SHA256")] {
        let url = format!("http://127.0.0.1:{}/hooks/{algo}", receiver.port);
        let send = |key: &str| {
            env.run(&[
                "send",
                "--json",
                "--retries",
                "0",
                "--webhook",
                &url,
                "--signature-method",
                method,
                "--signature-key",
                key,
                "--event",
                "TicketApproval",
                "--message",
                "Ticket 42 waits for your approval",
            ])
        };
        let ok = send("shared-key");
        ok.ok();
        assert_eq!(ok.json()["deliveries"][0]["outcome"], "delivered", "{algo}");
        let bad = send("another-key");
        bad.code(3);
        assert_eq!(bad.json()["deliveries"][0]["outcome"], "failed", "{algo}");
    }
}
