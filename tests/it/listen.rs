//! `notify listen` end to end: the real binary on a free loopback port, raw HTTP/1.1 from the test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use notify::signing::{SignatureMethod, webhook_signature};
use serde_json::{Value, json};

use crate::support::Env;

mod standard;

/// The longest any step may take before the test gives up (the machine may be busy building).
const WAIT: Duration = Duration::from_secs(20);
const KEY: &str = "k3y-for-listen-tests";
const MINUTE_MS: i64 = 60_000;

/// A running `notify listen` whose output is collected line by line.
struct Listener {
    child: Child,
    addr: SocketAddr,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
    readers: Vec<JoinHandle<()>>,
    stderr_seen: Vec<String>,
}

/// What a listener printed, collected once it has stopped.
struct Printed {
    stdout: Vec<String>,
    stderr: Vec<String>,
}

fn line_reader(stream: impl Read + Send + 'static) -> (Receiver<String>, JoinHandle<()>) {
    let (tx, rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (rx, handle)
}

impl Listener {
    /// Starts `notify listen --addr 127.0.0.1:0 ARGS...` and waits for its address.
    fn start(env: &Env, args: &[&str]) -> Listener {
        Listener::spawn(env.command(&listen_args(args)), None)
    }

    /// Like [`Listener::start`], with `input` on stdin.
    fn start_with_stdin(env: &Env, args: &[&str], input: &str) -> Listener {
        let mut cmd = env.command(&listen_args(args));
        cmd.stdin(Stdio::piped());
        Listener::spawn(cmd, Some(input))
    }

    fn spawn(mut cmd: Command, input: Option<&str>) -> Listener {
        let mut child = cmd.spawn().expect("spawn notify listen");
        if let Some(input) = input {
            let mut stdin = child.stdin.take().expect("piped stdin");
            stdin.write_all(input.as_bytes()).expect("write stdin");
        }
        let (stdout, out_reader) = line_reader(child.stdout.take().expect("piped stdout"));
        let (stderr, err_reader) = line_reader(child.stderr.take().expect("piped stderr"));
        let mut listener = Listener {
            child,
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            stdout,
            stderr,
            readers: vec![out_reader, err_reader],
            stderr_seen: Vec::new(),
        };
        let line = listener.stderr_line("listening on http://");
        listener.addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|addr| addr.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        assert_ne!(listener.addr.port(), 0, "{line}");
        listener
    }

    /// Waits for a stderr line containing `needle`.
    fn stderr_line(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) => {
                    self.stderr_seen.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "no stderr line with {needle:?}; so far: {:?}",
                        self.stderr_seen
                    )
                }
                Err(RecvTimeoutError::Disconnected) => panic!(
                    "notify listen ended without printing {needle:?}; stderr: {:?}",
                    self.stderr_seen
                ),
            }
        }
    }

    /// Waits for the next line on stdout.
    fn stdout_line(&self) -> String {
        self.stdout
            .recv_timeout(WAIT)
            .expect("a line on stdout from notify listen")
    }

    fn json_line(&self) -> Value {
        let line = self.stdout_line();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
    }

    /// Waits for the listener to exit by itself and returns its exit code.
    fn exit_code(&mut self) -> i32 {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll notify listen") {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("notify listen did not exit within {WAIT:?}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Stops the listener (if still running) and collects everything it printed.
    fn finish(&mut self) -> Printed {
        let _ = self.child.kill();
        let _ = self.child.wait();
        for reader in std::mem::take(&mut self.readers) {
            let _ = reader.join();
        }
        let mut stderr = std::mem::take(&mut self.stderr_seen);
        stderr.extend(self.stderr.try_iter());
        Printed {
            stdout: self.stdout.try_iter().collect(),
            stderr,
        }
    }

    fn connect(&self) -> Conn {
        Conn::open(self.addr)
    }

    /// Sends one signed delivery on a new connection.
    fn deliver(&self, method: SignatureMethod, key: &str, id: &str, event_time: i64) -> Response {
        let body = event_body(id, event_time, method.as_str());
        let sig = signature(method, key, &body);
        self.connect().exchange(&post(
            &body,
            &[("X-Notify-Signature", &sig), ("X-Notify-Delivery", id)],
        ))
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn listen_args<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["listen", "--addr", "127.0.0.1:0"];
    all.extend_from_slice(args);
    all
}

/// A client connection that reads responses one at a time (so it can keep the connection alive).
struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

#[derive(Debug)]
struct Response {
    status: u16,
    /// The status line and header fields.
    head: String,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

impl Conn {
    fn open(addr: SocketAddr) -> Conn {
        let stream = TcpStream::connect_timeout(&addr, WAIT).expect("connect to notify listen");
        stream.set_read_timeout(Some(WAIT)).expect("read timeout");
        stream.set_write_timeout(Some(WAIT)).expect("write timeout");
        Conn {
            stream,
            buf: Vec::new(),
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).expect("send a request");
    }

    fn exchange(&mut self, request: &[u8]) -> Response {
        self.send(request);
        self.response()
    }

    fn fill(&mut self) -> usize {
        let mut chunk = [0u8; 4096];
        let n = loop {
            match self.stream.read(&mut chunk) {
                // A signal meant for another test's child can interrupt a blocking read here.
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                other => break other.expect("read a response"),
            }
        };
        self.buf.extend_from_slice(&chunk[..n]);
        n
    }

    /// Reads exactly one response.
    fn response(&mut self) -> Response {
        let head_end = loop {
            if let Some(i) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            assert!(
                self.fill() > 0,
                "connection closed before a response: {:?}",
                String::from_utf8_lossy(&self.buf)
            );
        };
        let head = String::from_utf8_lossy(&self.buf[..head_end - 4]).into_owned();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in {head:?}"));
        let mut response = Response {
            status,
            head,
            body: String::new(),
        };
        let length: usize = response
            .header("content-length")
            .map_or(0, |v| v.parse().expect("numeric Content-Length"));
        while self.buf.len() < head_end + length {
            assert!(self.fill() > 0, "connection closed inside a response body");
        }
        response.body =
            String::from_utf8_lossy(&self.buf[head_end..head_end + length]).into_owned();
        self.buf.drain(..head_end + length);
        response
    }

    /// The status of the next answer, or `None` when the server closes the connection without one.
    fn status_or_close(&mut self) -> Option<u16> {
        while !self.buf.windows(4).any(|w| w == b"\r\n\r\n") {
            let mut chunk = [0u8; 4096];
            match self.stream.read(&mut chunk) {
                Ok(0) => return None,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return None,
                Err(e) => panic!("read an answer: {e}"),
            }
        }
        Some(self.response().status)
    }

    /// Whether the server closed the connection (end of stream, or a reset).
    fn closed_by_server(&mut self) -> bool {
        let mut byte = [0u8; 1];
        let mut read = self.stream.read(&mut byte);
        while read
            .as_ref()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::Interrupted)
        {
            read = self.stream.read(&mut byte);
        }
        match read {
            Ok(0) => true,
            Ok(_) => false,
            Err(e) => matches!(
                e.kind(),
                std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted
            ),
        }
    }
}

fn now_ms() -> i64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970");
    i64::try_from(since.as_millis()).expect("milliseconds fit i64")
}

/// A delivery body laid out as `notify send --webhook` sends it.
fn event_body(id: &str, event_time: i64, method: &str) -> String {
    json!({
        "messageEvent": {
            "id": id,
            "submitterUid": "alice",
            "submitterName": "Alice",
            "category": "task",
            "module": "tasks",
            "event": "task_failed",
            "taskId": "42",
            "taskName": "nightly export",
            "eventTime": event_time,
            "message": "Task 42 failed",
            "targetUsers": [{"uid": "alice", "name": "Alice"}, {"uid": "bob", "name": "Bob"}],
            "receivers": [{"uid": "alice", "name": "Alice"}, {"uid": "bob", "name": "Bob"}],
        },
        "signatureMethod": method,
    })
    .to_string()
}

fn signature(method: SignatureMethod, key: &str, body: &str) -> String {
    webhook_signature(method, key.as_bytes(), body.as_bytes()).expect("a signing method")
}

/// A POST the way `notify send` makes it, with extra header fields.
fn post(body: &str, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut request = format!(
        "POST /hooks/dms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json; charset=utf-8\r\n\
         DMS-Event: Message Hook\r\nUser-Agent: notify-tests\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    request.into_bytes()
}

#[track_caller]
fn assert_rejected(response: &Response, status: u16) {
    assert_eq!(response.status, status, "{response:?}");
    assert_eq!(response.header("connection"), Some("close"), "{response:?}");
    assert!(!response.body.is_empty(), "{response:?}");
}

#[test]
fn accepts_a_signed_event_and_prints_it_as_json() {
    let env = Env::new();
    let mut listener = Listener::start(
        &env,
        &[
            "--json",
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key",
            KEY,
        ],
    );
    let time = now_ms();
    let body = event_body("0b6f3c1e-delivery-1", time, "HMAC_SHA256");
    let sig = signature(SignatureMethod::HmacSha256, KEY, &body);
    let response = listener.connect().exchange(&post(
        &body,
        &[
            ("X-Notify-Signature", &sig),
            ("X-Notify-Delivery", "0b6f3c1e-delivery-1"),
        ],
    ));
    assert_eq!(response.status, 204, "{response:?}");
    assert_eq!(response.body, "");

    let line = listener.json_line();
    assert_eq!(line["delivery"], "0b6f3c1e-delivery-1");
    assert_eq!(line["id"], "0b6f3c1e-delivery-1");
    assert_eq!(line["event"], "task_failed");
    assert_eq!(line["eventTime"], time);
    assert_eq!(line["message"], "Task 42 failed");
    assert_eq!(line["signatureMethod"], "HMAC_SHA256");
    assert_eq!(line["verified"], true);
    assert_eq!(line["path"], "/hooks/dms");
    let sent: Value = serde_json::from_str(&body).expect("JSON body");
    assert_eq!(line["messageEvent"], sent["messageEvent"]);

    let printed = listener.finish();
    assert!(
        printed.stdout.is_empty(),
        "one line only: {:?}",
        printed.stdout
    );
    assert!(
        printed.stderr[0].contains("(signature HMAC_SHA256)"),
        "{:?}",
        printed.stderr
    );
    assert!(!printed.stderr.join("\n").contains(KEY));
}

#[test]
fn rejects_a_bad_or_missing_signature() {
    let env = Env::new();
    let mut listener = Listener::start(
        &env,
        &[
            "--json",
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key",
            KEY,
        ],
    );
    let body = event_body("d-bad", now_ms(), "HMAC_SHA256");

    let wrong_key = signature(SignatureMethod::HmacSha256, "another-key", &body);
    let mut conn = listener.connect();
    let response = conn.exchange(&post(&body, &[("X-Notify-Signature", &wrong_key)]));
    assert_rejected(&response, 401);
    assert!(response.body.contains("bad signature"), "{response:?}");
    assert!(
        conn.closed_by_server(),
        "the connection stays open after 401"
    );

    // Signed, then changed: the signature covers the exact raw bytes.
    let good = signature(SignatureMethod::HmacSha256, KEY, &body);
    let tampered = body.replace("Task 42 failed", "Task 42 passed");
    let response = listener
        .connect()
        .exchange(&post(&tampered, &[("X-Notify-Signature", &good)]));
    assert_rejected(&response, 401);

    let response = listener.connect().exchange(&post(&body, &[]));
    assert_rejected(&response, 401);
    assert!(
        response.body.contains("missing X-Notify-Signature"),
        "{response:?}"
    );

    let printed = listener.finish();
    assert!(printed.stdout.is_empty(), "{:?}", printed.stdout);
    let rejected: Vec<&String> = printed
        .stderr
        .iter()
        .filter(|l| l.contains("rejected"))
        .collect();
    assert_eq!(rejected.len(), 3, "{:?}", printed.stderr);
    assert!(
        rejected.iter().all(|l| l.contains(": 401 ")),
        "{rejected:?}"
    );
    let stderr = printed.stderr.join("\n");
    let good_hex = good.trim_start_matches("sha256=");
    let wrong_hex = wrong_key.trim_start_matches("sha256=");
    assert!(!stderr.contains(KEY), "{stderr}");
    assert!(
        !stderr.contains(good_hex) && !stderr.contains(wrong_hex),
        "{stderr}"
    );
}

#[test]
fn rejects_stale_and_future_events() {
    let env = Env::new();
    let mut listener = Listener::start(
        &env,
        &["--signature-method", "HMAC_SHA256", "--signature-key", KEY],
    );
    let old = listener.deliver(
        SignatureMethod::HmacSha256,
        KEY,
        "d-old",
        now_ms() - 6 * MINUTE_MS,
    );
    assert_rejected(&old, 401);
    assert!(
        old.body.contains("stale") && old.body.contains("old"),
        "{old:?}"
    );
    let future = listener.deliver(
        SignatureMethod::HmacSha256,
        KEY,
        "d-future",
        now_ms() + 6 * MINUTE_MS,
    );
    assert_rejected(&future, 401);
    assert!(future.body.contains("future"), "{future:?}");
    // Four minutes either way is still fresh.
    let recent = listener.deliver(
        SignatureMethod::HmacSha256,
        KEY,
        "d-recent",
        now_ms() - 4 * MINUTE_MS,
    );
    assert_eq!(recent.status, 204, "{recent:?}");

    let printed = listener.finish();
    assert_eq!(printed.stdout.len(), 1, "{:?}", printed.stdout);
    assert!(
        printed.stdout[0].contains("d-recent"),
        "{:?}",
        printed.stdout
    );
    let stale = printed
        .stderr
        .iter()
        .filter(|l| l.contains("401 stale"))
        .count();
    assert_eq!(stale, 2, "{:?}", printed.stderr);
}

#[test]
fn rejects_malformed_json_but_checks_the_signature_first() {
    let env = Env::new();
    let mut listener = Listener::start(
        &env,
        &["--signature-method", "HMAC_SHA256", "--signature-key", KEY],
    );
    for body in [
        "{not json",
        r#"{"event":"x"}"#,
        r#"{"messageEvent":{"id":"x"}}"#,
    ] {
        let sig = signature(SignatureMethod::HmacSha256, KEY, body);
        let response = listener
            .connect()
            .exchange(&post(body, &[("X-Notify-Signature", &sig)]));
        assert_rejected(&response, 400);
    }
    let unsigned = listener.connect().exchange(&post("{not json", &[]));
    assert_rejected(&unsigned, 401);

    let printed = listener.finish();
    assert!(printed.stdout.is_empty(), "{:?}", printed.stdout);
    let bad_requests = printed
        .stderr
        .iter()
        .filter(|l| l.contains(": 400 "))
        .count();
    assert_eq!(bad_requests, 3, "{:?}", printed.stderr);
}

#[test]
fn refuses_bodies_it_will_not_read() {
    let env = Env::new();
    let mut listener = Listener::start(&env, &[]);

    // Over the 1 MiB cap: answered from Content-Length alone, before the body arrives.
    for length in [2 * 1024 * 1024, 100 * 1024 * 1024] {
        let mut conn = listener.connect();
        conn.send(
            format!(
                "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
                 Content-Length: {length}\r\n\r\n{{\"messageEvent\":"
            )
            .as_bytes(),
        );
        let response = conn.response();
        assert_rejected(&response, 413);
        assert!(response.body.contains("body over 1 MiB"), "{response:?}");
        assert!(conn.closed_by_server());
    }

    // hyper answers a head it will not read itself: 431, without a body.
    let huge_head = format!(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: {}\r\n\r\n",
        "a".repeat(20 * 1024)
    );
    let mut conn = listener.connect();
    let response = conn.exchange(huge_head.as_bytes());
    assert_eq!(response.status, 431, "{response:?}");
    assert_eq!(response.header("connection"), Some("close"), "{response:?}");
    assert!(conn.closed_by_server());

    let printed = listener.finish();
    assert!(printed.stdout.is_empty(), "{:?}", printed.stdout);
    let stderr = printed.stderr.join("\n");
    assert_eq!(
        stderr.matches(": 413 body over 1 MiB").count(),
        2,
        "{stderr}"
    );
    assert!(
        stderr.contains(": 431 request head over 16 KiB"),
        "{stderr}"
    );
}

/// `body` as chunks of at most `size` bytes, with the last chunk.
fn chunked(body: &[u8], size: usize) -> Vec<u8> {
    let mut wire = Vec::new();
    for chunk in body.chunks(size) {
        wire.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        wire.extend_from_slice(chunk);
        wire.extend_from_slice(b"\r\n");
    }
    wire.extend_from_slice(b"0\r\n\r\n");
    wire
}

#[test]
fn chunked_bodies_are_read_up_to_1_mib() {
    let env = Env::new();
    let mut listener = Listener::start(
        &env,
        &[
            "--json",
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key",
            KEY,
        ],
    );
    let head = "POST /hooks/dms HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n";

    // A small chunked body is a delivery like any other: signed over the bytes the chunks carry.
    let body = event_body("d-chunked", now_ms(), "HMAC_SHA256");
    let sig = signature(SignatureMethod::HmacSha256, KEY, &body);
    let mut request =
        format!("{head}X-Notify-Signature: {sig}\r\nX-Notify-Delivery: d-chunked\r\n\r\n")
            .into_bytes();
    request.extend(chunked(body.as_bytes(), 40));
    let response = listener.connect().exchange(&request);
    assert_eq!(response.status, 204, "{response:?}");
    assert_eq!(listener.json_line()["id"], "d-chunked");

    // Past 1 MiB of chunks: 413, and the connection is closed (the rest is never read).
    let mut conn = listener.connect();
    let mut writer = conn.stream.try_clone().expect("clone the socket");
    let big = chunked(&vec![b' '; 2 * 1024 * 1024], 64 * 1024);
    let sender = thread::spawn(move || {
        // The listener stops reading at the cap: a failed write is expected.
        let _ = writer.write_all(format!("{head}\r\n").as_bytes());
        let _ = writer.write_all(&big);
    });
    let response = conn.response();
    assert_rejected(&response, 413);
    assert!(response.body.contains("body over 1 MiB"), "{response:?}");
    assert!(conn.closed_by_server());
    sender.join().expect("sender");

    let printed = listener.finish();
    assert!(printed.stdout.is_empty(), "{:?}", printed.stdout);
    assert!(
        printed
            .stderr
            .iter()
            .any(|l| l.contains(": 413 body over 1 MiB")),
        "{:?}",
        printed.stderr
    );
}

#[test]
fn answers_408_to_a_slow_client() {
    let env = Env::new();
    let mut listener = Listener::start(&env, &["--read-timeout-ms", "300"]);

    // Half a request head, then nothing.
    let mut conn = listener.connect();
    conn.send(b"POST /hooks/dms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le");
    let started = Instant::now();
    let response = conn.response();
    assert_rejected(&response, 408);
    assert!(started.elapsed() < WAIT);
    assert!(conn.closed_by_server());

    // A whole head, but only part of the body.
    let body = event_body("d-slow", now_ms(), "NONE");
    let request = post(&body, &[]);
    let mut conn = listener.connect();
    conn.send(&request[..request.len() - 10]);
    assert_rejected(&conn.response(), 408);

    // An idle connection is closed without an answer.
    let mut idle = listener.connect();
    assert!(idle.closed_by_server());

    let printed = listener.finish();
    assert!(printed.stdout.is_empty(), "{:?}", printed.stdout);
    // ": 408 " and not "408": a peer or listening port can contain those digits.
    let slow = printed
        .stderr
        .iter()
        .filter(|l| l.contains(": 408 "))
        .count();
    assert_eq!(slow, 2, "{:?}", printed.stderr);
}

#[test]
fn count_stops_after_accepted_events_only() {
    let env = Env::new();
    let mut listener = Listener::start(
        &env,
        &[
            "--json",
            "--count",
            "2",
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key",
            KEY,
        ],
    );
    let sha256 = SignatureMethod::HmacSha256;
    assert_rejected(&listener.deliver(sha256, "wrong-key", "d-0", now_ms()), 401);
    assert_eq!(listener.deliver(sha256, KEY, "d-1", now_ms()).status, 204);
    assert_rejected(
        &listener.deliver(sha256, KEY, "d-stale", now_ms() - 6 * MINUTE_MS),
        401,
    );
    // A retry of d-1 (same id) is answered 204 again but neither printed nor counted.
    assert_eq!(listener.deliver(sha256, KEY, "d-1", now_ms()).status, 204);
    assert_eq!(listener.deliver(sha256, KEY, "d-2", now_ms()).status, 204);
    assert_eq!(listener.exit_code(), 0);

    let printed = listener.finish();
    let ids: Vec<String> = printed
        .stdout
        .iter()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON line");
            v["id"].as_str().expect("id").to_owned()
        })
        .collect();
    assert_eq!(ids, ["d-1", "d-2"], "{:?}", printed.stderr);
    let stderr = printed.stderr.join("\n");
    assert!(stderr.contains("repeated delivery d-1"), "{stderr}");
}

#[test]
fn hmac_sha1_with_the_key_on_stdin() {
    let env = Env::new();
    let mut listener = Listener::start_with_stdin(
        &env,
        &[
            "--json",
            "--signature-method",
            "HMAC_SHA1",
            "--signature-key-stdin",
        ],
        &format!("{KEY}\n"),
    );
    let ok = listener.deliver(SignatureMethod::HmacSha1, KEY, "d-sha1", now_ms());
    assert_eq!(ok.status, 204, "{ok:?}");
    let line = listener.json_line();
    assert_eq!(line["id"], "d-sha1");
    assert_eq!(line["signatureMethod"], "HMAC_SHA1");
    assert_eq!(line["verified"], true);
    // The same key with the other algorithm is not the signature this listener checks.
    let other = listener.deliver(SignatureMethod::HmacSha256, KEY, "d-sha256", now_ms());
    assert_rejected(&other, 401);
    assert!(other.body.contains("sha1="), "{other:?}");
    let printed = listener.finish();
    assert!(printed.stderr[0].contains("(signature HMAC_SHA1)"));
}

#[test]
fn none_accepts_unsigned_events_and_prints_a_line() {
    let env = Env::new();
    let mut listener = Listener::start(&env, &[]);
    let time = now_ms();
    let body = event_body("d-plain", time, "NONE");
    let response = listener
        .connect()
        .exchange(&post(&body, &[("X-Notify-Delivery", "d-plain")]));
    assert_eq!(response.status, 204, "{response:?}");
    let line = listener.stdout_line();
    let seconds = u64::try_from(time / 1000).expect("positive");
    let stamp = notify::signing::utc_timestamp(seconds);
    assert_eq!(
        line,
        format!("{stamp}  d-plain  task_failed  \"Task 42 failed\"  receivers: alice, bob")
    );
    let printed = listener.finish();
    assert!(printed.stderr[0].contains("(signature NONE)"));
}

#[test]
fn keeps_the_connection_alive_between_requests() {
    let env = Env::new();
    let mut listener = Listener::start(&env, &["--json"]);
    let mut conn = listener.connect();
    for id in ["d-first", "d-second"] {
        let body = event_body(id, now_ms(), "NONE");
        let response = conn.exchange(&post(&body, &[("X-Notify-Delivery", id)]));
        assert_eq!(response.status, 204, "{response:?}");
        assert_eq!(response.header("connection"), None, "{response:?}");
        let line = listener.json_line();
        assert_eq!(line["id"], id);
        assert_eq!(line["delivery"], id);
        assert_eq!(line["verified"], false);
    }
    // Still the same connection: a GET is refused with 405, and then it is closed.
    let response = conn.exchange(b"GET /hooks/dms HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assert_rejected(&response, 405);
    assert_eq!(response.header("allow"), Some("POST"));
    assert!(conn.closed_by_server());
    let printed = listener.finish();
    assert!(
        printed.stdout.is_empty(),
        "two lines only: {:?}",
        printed.stdout
    );
}

#[test]
fn reads_the_key_from_an_environment_variable() {
    let mut env = Env::new();
    env.set_env("HOOK_KEY", KEY);
    let mut listener = Listener::start(
        &env,
        &[
            "--json",
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key-env",
            "HOOK_KEY",
        ],
    );
    let response = listener.deliver(SignatureMethod::HmacSha256, KEY, "d-env", now_ms());
    assert_eq!(response.status, 204, "{response:?}");
    assert_eq!(listener.json_line()["verified"], true);
    let wrong = listener.deliver(SignatureMethod::HmacSha256, "HOOK_KEY", "d-name", now_ms());
    assert_rejected(&wrong, 401);
    listener.finish();
}

#[test]
fn reads_the_key_from_a_file() {
    let env = Env::new();
    let path = env.path("listen-key");
    std::fs::write(&path, format!("{KEY}\n")).expect("write");
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .expect("chmod");
    let mut listener = Listener::start(
        &env,
        &[
            "--json",
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key-file",
            &path.display().to_string(),
        ],
    );
    // The key is the file's line without its newline.
    let response = listener.deliver(SignatureMethod::HmacSha256, KEY, "d-file", now_ms());
    assert_eq!(response.status, 204, "{response:?}");
    assert_eq!(listener.json_line()["verified"], true);
    let with_newline = format!("{KEY}\n");
    let wrong = listener.deliver(SignatureMethod::HmacSha256, &with_newline, "d-nl", now_ms());
    assert_rejected(&wrong, 401);
    listener.finish();
}

#[test]
fn refuses_bad_flag_combinations() {
    let env = Env::new();
    let cases: &[(&[&str], &str)] = &[
        (&["--addr", "0.0.0.0:0"], "--allow-remote"),
        (&["--addr", "nowhere"], "--addr"),
        (&["--signature-method", "HMAC_SHA256"], "--signature-key"),
        (
            &["--signature-method", "NONE", "--signature-key", KEY],
            "--signature-method NONE",
        ),
        (&["--signature-key", KEY], "--signature-method"),
        (
            &[
                "--signature-method",
                "HMAC_SHA1",
                "--signature-key-env",
                "NOT_SET_ANYWHERE",
            ],
            "NOT_SET_ANYWHERE",
        ),
        (&["--signature-method", "MD5"], "HMAC_SHA256"),
        (&["--count", "0"], "--count"),
    ];
    for (args, needle) in cases {
        let mut all = vec!["listen"];
        all.extend_from_slice(args);
        let run = env.run(&all);
        run.code(2).stderr_has(needle);
        run.stderr_lacks("listening on");
        run.stderr_lacks(KEY);
    }
}

#[test]
fn ctrl_c_or_sigterm_stops_it_with_130() {
    for signal in ["-INT", "-TERM"] {
        let env = Env::new();
        let mut listener = Listener::start(&env, &[]);
        let status = Command::new("kill")
            .args([signal, &listener.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
        assert_eq!(listener.exit_code(), 130, "after kill {signal}");
        let printed = listener.finish();
        let stderr = printed.stderr.join("\n");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(printed.stdout.is_empty());
    }
}

#[test]
fn help_shows_how_to_pair_it_with_send() {
    let env = Env::new();
    let run = env.run(&["listen", "--help"]);
    run.ok()
        .stdout_has("notify send --webhook http://127.0.0.1:8787/ --signature-method HMAC_SHA256")
        .stdout_has("--signature-key-env KEY")
        .stdout_has("--count <N>");
    assert!(!run.stdout.contains("--read-timeout-ms"), "{}", run.stdout);
}

#[test]
fn one_delivery_to_two_paths_is_two_events() {
    // The README's walk-through: an event that reaches alice (/alice) and bob (/bob) carries one
    // X-Notify-Delivery; each path is its own endpoint, so both count and listen ends by itself.
    let env = Env::new();
    let mut listener = Listener::start(
        &env,
        &[
            "--json",
            "--count",
            "2",
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key",
            KEY,
        ],
    );
    let body = event_body("d-both", now_ms(), "HMAC_SHA256");
    let sig = signature(SignatureMethod::HmacSha256, KEY, &body);
    let to = |path: &str| {
        let request = post(
            &body,
            &[
                ("X-Notify-Signature", &sig),
                ("X-Notify-Delivery", "d-both"),
            ],
        );
        let request = String::from_utf8(request)
            .expect("text")
            .replacen("/hooks/dms", path, 1);
        listener.connect().exchange(request.as_bytes())
    };
    assert_eq!(to("/alice").status, 204);
    // A retry to alice: answered, neither printed nor counted.
    assert_eq!(to("/alice").status, 204);
    assert_eq!(to("/bob").status, 204);
    assert_eq!(listener.exit_code(), 0);

    let printed = listener.finish();
    let paths: Vec<String> = printed
        .stdout
        .iter()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON line");
            assert_eq!(v["delivery"], "d-both");
            v["path"].as_str().expect("path").to_owned()
        })
        .collect();
    assert_eq!(paths, ["/alice", "/bob"], "{:?}", printed.stderr);
    let stderr = printed.stderr.join("\n");
    assert!(
        stderr.contains("repeated delivery d-both to /alice"),
        "{stderr}"
    );
    assert!(stderr.contains("received 2 events, stopping"), "{stderr}");
}

#[test]
fn a_burst_of_300_connections_is_answered_in_full() {
    // The issue this proves: connections that had not sent their request yet were closed to make
    // room for newer ones. Now none is dropped (and past the cap, they wait their turn).
    const BURST: usize = 300;
    let env = Env::new();
    let count = BURST.to_string();
    let mut listener = Listener::start(
        &env,
        &[
            "--json",
            "--count",
            &count,
            "--signature-method",
            "HMAC_SHA256",
            "--signature-key",
            KEY,
        ],
    );
    // Fresh connections, all open before any sends its request (as a burst of clients that connect
    // at once), then every request sent before the first answer is read.
    let mut conns: Vec<Conn> = (0..BURST).map(|_| listener.connect()).collect();
    for (n, conn) in conns.iter_mut().enumerate() {
        let id = format!("d-burst-{n}");
        let body = event_body(&id, now_ms(), "HMAC_SHA256");
        let sig = signature(SignatureMethod::HmacSha256, KEY, &body);
        conn.send(&post(
            &body,
            &[("X-Notify-Signature", &sig), ("X-Notify-Delivery", &id)],
        ));
    }
    let statuses: Vec<Option<u16>> = conns.iter_mut().map(Conn::status_or_close).collect();
    let closed = statuses.iter().filter(|s| s.is_none()).count();
    assert_eq!(closed, 0, "connections closed without an answer");
    let accepted = statuses.iter().filter(|s| **s == Some(204)).count();
    assert_eq!(accepted, BURST, "{statuses:?}");
    assert_eq!(listener.exit_code(), 0);
    let printed = listener.finish();
    assert_eq!(printed.stdout.len(), BURST, "{:?}", printed.stderr);
    assert!(!printed.stderr.iter().any(|l| l.contains("rejected")));
}

#[test]
fn past_the_connection_cap_a_new_connection_waits_and_is_answered() {
    let env = Env::new();
    let mut listener = Listener::start(&env, &["--json", "--max-connections", "2"]);
    let deliver_on = |conn: &mut Conn, id: &str| {
        let body = event_body(id, now_ms(), "NONE");
        conn.exchange(&post(&body, &[("X-Notify-Delivery", id)]))
    };
    // Two kept-alive connections, idle after one request each, take both places.
    let mut idle: Vec<Conn> = ["d-1", "d-2"]
        .iter()
        .map(|id| {
            let mut conn = listener.connect();
            assert_eq!(deliver_on(&mut conn, id).status, 204);
            conn
        })
        .collect();
    // A third is not served while they stay, nor closed: it waits.
    let mut third = listener.connect();
    let body = event_body("d-3", now_ms(), "NONE");
    third.send(&post(&body, &[("X-Notify-Delivery", "d-3")]));
    third
        .stream
        .set_read_timeout(Some(Duration::from_millis(300)))
        .expect("read timeout");
    let mut byte = [0u8; 1];
    let early = third.stream.read(&mut byte);
    assert!(
        early.as_ref().is_err_and(|e| matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )),
        "{early:?}"
    );
    third
        .stream
        .set_read_timeout(Some(WAIT))
        .expect("read timeout");
    // One of them leaves: the third gets its place and its answer.
    drop(idle.remove(0));
    assert_eq!(third.response().status, 204);
    // The one still idle is still served.
    assert_eq!(deliver_on(&mut idle[0], "d-4").status, 204);

    let printed = listener.finish();
    assert_eq!(printed.stdout.len(), 4, "{:?}", printed.stderr);
}

#[test]
fn a_trickled_head_gets_408_within_the_timeout() {
    // Slowloris: a byte of the head every 50 ms does not keep the connection: the head has
    // --read-timeout-ms from its first byte.
    let env = Env::new();
    let mut listener = Listener::start(&env, &["--read-timeout-ms", "500"]);
    let mut conn = listener.connect();
    let mut writer = conn.stream.try_clone().expect("clone the socket");
    let sender = thread::spawn(move || {
        let _ = writer.write_all(b"POST /hooks/dms HTTP/1.1\r\nX-Slow: ");
        // At most 10 s; the listener closes much sooner, failing a write.
        for _ in 0..200 {
            if writer.write_all(b"a").is_err() {
                break;
            }
            thread::sleep(Duration::from_millis(50));
        }
    });
    let response = conn.response();
    assert_rejected(&response, 408);
    assert!(conn.closed_by_server());
    // The sender stops at its first write after the close.
    sender.join().expect("sender");
    let printed = listener.finish();
    assert!(
        printed
            .stderr
            .iter()
            .any(|l| l.contains(": 408 request head not complete within 500 ms")),
        "{:?}",
        printed.stderr
    );
}
