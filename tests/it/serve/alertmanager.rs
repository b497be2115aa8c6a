//! `POST /v1/alertmanager`: a notification posted by hand (refused until its custom event exists, then delivered
//! once however often it is retried), and one a real Prometheus Alertmanager sends.

use std::net::TcpListener;
use std::process::Stdio;

use super::*;
use crate::support::tool_available;

const JSON: (&str, &str) = ("Content-Type", "application/json");

fn notification(status: &str) -> Value {
    json!({
        "version": "4",
        "groupKey": "{}:{alertname=\"DiskFull\"}",
        "truncatedAlerts": 0,
        "status": status,
        "receiver": "ops",
        "groupLabels": {"alertname": "DiskFull"},
        "commonLabels": {"alertname": "DiskFull", "instance": "db1"},
        "commonAnnotations": {"summary": "disk almost full"},
        "externalURL": "http://127.0.0.1:9093",
        "alerts": [{
            "status": status,
            "labels": {"alertname": "DiskFull", "instance": "db1"},
            "annotations": {"summary": "disk almost full"},
            "startsAt": "2026-12-07T03:00:00Z",
            "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "http://prometheus/graph",
            "fingerprint": "c0ffee"
        }]
    })
}

/// The custom event `alert.ops.firing`, its rule naming bob.
fn rule(env: &Env) {
    env.run(&["rule", "add", "alert.ops.firing", "--default-role", "none"])
        .ok();
    env.run(&["rule", "set", "alert.ops.firing", "--recipient", "bob"])
        .ok();
}

#[test]
fn a_notification_needs_its_event_and_alertmanagers_retry_is_delivered_once() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    let serve = Serve::start(&env, &[]);
    let body = notification("firing").to_string();
    let (status, answer) = request(serve.addr, "POST", "/v1/alertmanager", &[JSON], &body);
    assert_eq!(status, 422, "{answer}");
    assert_eq!(
        answer["command"],
        "notify rule add alert.ops.firing --default-role none"
    );
    rule(&env);
    let (status, answer) = request(serve.addr, "POST", "/v1/alertmanager", &[JSON], &body);
    assert_eq!(status, 202, "{answer}");
    let id = answer["id"].as_str().expect("an id").to_owned();
    assert!(id.starts_with("am-"), "{id}");
    // Alertmanager's own retry of the same notification.
    let (status, again) = request(serve.addr, "POST", "/v1/alertmanager", &[JSON], &body);
    assert_eq!((status, again["status"].as_str()), (200, Some("duplicate")));
    wait_pairs(&server, &BTreeSet::from([("/bob".into(), id.clone())]));
    let sent = server.requests_to("/bob")[0].json();
    let event = &sent["messageEvent"];
    // The alert's line, then the link to the Alertmanager.
    assert_eq!(
        event["message"], "[FIRING] DiskFull: disk almost full\n\nOpen: http://127.0.0.1:9093",
        "{sent}"
    );
    assert_eq!(event["taskName"], "alertname=DiskFull", "{sent}");
    assert_eq!(event["submitterUid"], "", "{sent}");
    // A version this relay does not read names the field.
    let mut old = notification("firing");
    old["version"] = json!("3");
    let (status, answer) = request(
        serve.addr,
        "POST",
        "/v1/alertmanager",
        &[JSON],
        &old.to_string(),
    );
    assert_eq!((status, answer["field"].as_str()), (400, Some("version")));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.requests().len(), 1);
}

/// A Prometheus Alertmanager on its own loopback port, killed on drop.
struct Alertmanager {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Alertmanager {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

impl Alertmanager {
    fn start(env: &Env, webhook: &str) -> Alertmanager {
        let config = env.path("alertmanager.yml");
        let yaml = format!(
            "route:\n  receiver: ops\n  group_by: [alertname]\n  group_wait: 0s\n  group_interval: 1s\n  \
             repeat_interval: 1h\nreceivers:\n  - name: ops\n    webhook_configs:\n      - url: {webhook}\n        \
             send_resolved: true\n"
        );
        std::fs::write(&config, yaml).expect("write alertmanager.yml");
        let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().expect("addr");
        let child = Command::new("prometheus-alertmanager")
            .arg(format!("--config.file={}", config.display()))
            .arg(format!("--storage.path={}", env.path("am-data").display()))
            .arg(format!("--web.listen-address={addr}"))
            .arg("--cluster.listen-address=")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn prometheus-alertmanager");
        let am = Alertmanager { child, addr };
        let deadline = Instant::now() + WAIT;
        while TcpStream::connect(addr).is_err()
            || request(addr, "GET", "/-/ready", &[], "").0 != 200
        {
            assert!(Instant::now() < deadline, "alertmanager did not get ready");
            std::thread::sleep(Duration::from_millis(50));
        }
        am
    }
}

#[test]
fn a_real_alertmanager_delivers_through_the_rules() {
    if !tool_available(
        "prometheus-alertmanager",
        &["--version"],
        "delivery from a real Prometheus Alertmanager",
        "install it with `apt-get install prometheus-alertmanager`",
    ) {
        return;
    }
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    rule(&env);
    let serve = Serve::start(&env, &[]);
    let am = Alertmanager::start(&env, &format!("http://{}/v1/alertmanager", serve.addr));
    let alerts = json!([{
        "labels": {"alertname": "DiskFull", "instance": "db1"},
        "annotations": {"summary": "disk almost full"},
        "generatorURL": "http://prometheus/graph"
    }]);
    let (status, answer) = request(
        am.addr,
        "POST",
        "/api/v2/alerts",
        &[JSON],
        &alerts.to_string(),
    );
    assert_eq!(status, 200, "{answer}");
    let deadline = Instant::now() + WAIT;
    while server.requests_to("/bob").is_empty() {
        assert!(Instant::now() < deadline, "no delivery to bob");
        std::thread::sleep(Duration::from_millis(50));
    }
    let sent = server.requests_to("/bob")[0].json();
    let event = &sent["messageEvent"];
    let message = event["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("[FIRING] DiskFull: disk almost full\n\nOpen: http"),
        "{sent}"
    );
    assert_eq!(event["taskName"], "alertname=DiskFull", "{sent}");
    let id = sent["messageEvent"]["id"].as_str().unwrap_or_default();
    assert!(id.starts_with("am-"), "{sent}");
}
