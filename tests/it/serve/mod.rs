//! `notify serve` end to end (the shared harness here, the tests by subject in the files below): the real binary on a free loopback port, events posted over raw HTTP,
//! users' webhooks on the test's HTTP server, real signals (SIGTERM, SIGKILL) and restarts.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod alertmanager;
mod auth;
mod delivery;
mod dms;
mod intake;
mod lifecycle;
mod queue;

use crate::support::Env;
use crate::support::http::{HttpServer, Recorded, Reply};

/// The longest any step may take before the test gives up (the machine may be busy building).
pub const WAIT: Duration = Duration::from_secs(30);
pub const EVENT: &str = "ticket.data-change.pending-approval";

/// A running `notify serve`, its stderr collected line by line.
pub struct Serve {
    pub child: Child,
    pub addr: SocketAddr,
    stderr: Receiver<String>,
    pub seen: Vec<String>,
}

impl Serve {
    pub fn start(env: &Env, extra: &[&str]) -> Serve {
        let mut args = vec!["serve", "--bind", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        let mut child = env.command(&args).spawn().expect("spawn notify serve");
        let (tx, stderr) = mpsc::channel();
        let pipe = child.stderr.take().expect("piped stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut serve = Serve {
            child,
            addr: "127.0.0.1:1".parse().expect("addr"),
            stderr,
            seen: Vec::new(),
        };
        let line = serve.line("listening on http://");
        // Text, or (--json-logs) a JSON object whose message is that text.
        let at = line
            .find("http://")
            .map_or(line.len(), |i| i + "http://".len());
        let addr: String = line[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
            .collect();
        serve.addr = addr
            .parse()
            .unwrap_or_else(|_| panic!("no address in {line:?}"));
        assert_ne!(serve.addr.port(), 0);
        serve
    }

    /// Waits for a stderr line containing `needle`.
    pub fn line(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) if line.contains(needle) => {
                    self.seen.push(line.clone());
                    return line;
                }
                Ok(line) => self.seen.push(line),
                Err(_) => panic!("no stderr line with {needle:?}; so far: {:?}", self.seen),
            }
        }
    }

    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    /// Waits for the exit and returns its code.
    pub fn exit_code(&mut self) -> i32 {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll notify serve") {
                return status.code().unwrap_or(-1);
            }
            assert!(
                Instant::now() < deadline,
                "serve did not exit: {:?}",
                self.seen
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn kill9(mut self) {
        self.signal("KILL");
        let _ = self.child.wait();
    }

    pub fn post(&self, body: &Value) -> (u16, Value) {
        request(
            self.addr,
            "POST",
            "/v1/events",
            &[("Content-Type", "application/json")],
            &body.to_string(),
        )
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request on its own connection; the status and the JSON answer.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, Value) {
    let mut stream = TcpStream::connect(addr).expect("connect to serve");
    stream.set_read_timeout(Some(WAIT)).expect("timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    stream
        .write_all(format!("{head}\r\n{body}").as_bytes())
        .expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    let status = answer[9..12].parse().unwrap_or_else(|_| panic!("{answer}"));
    let json = answer
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    (status, json)
}

/// Users with enabled webhooks at `/<name>` on `server`.
pub fn users(env: &Env, server: &HttpServer, names: &[&str]) {
    for name in names {
        env.run(&["user", "add", name]).ok();
        let url = format!("webhook.url={}", server.url(&format!("/{name}")));
        env.run(&[
            "user",
            "modify",
            name,
            "--set",
            &url,
            "--set",
            "webhook.signature_method=NONE",
            "--enable",
            "webhook",
        ])
        .ok();
    }
}

pub fn event(id: &str, approvers: &[&str]) -> Value {
    json!({ "event": EVENT, "id": id, "approver": approvers, "task_id": "42" })
}

/// The distinct (path, X-Notify-Delivery) pairs the receiver saw.
pub fn pairs(requests: &[Recorded]) -> BTreeSet<(String, String)> {
    requests
        .iter()
        .map(|r| {
            (
                r.path.clone(),
                r.header("X-Notify-Delivery").unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Waits until the receiver saw `want` distinct pairs.
pub fn wait_pairs(server: &HttpServer, want: &BTreeSet<(String, String)>) -> Vec<Recorded> {
    let deadline = Instant::now() + WAIT;
    loop {
        let seen = server.requests();
        if pairs(&seen) == *want || Instant::now() > deadline {
            assert_eq!(pairs(&seen), *want);
            return seen;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
