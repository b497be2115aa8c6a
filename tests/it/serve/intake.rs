//! What serve answers: every intake status, batches, and the metrics in Prometheus' text format.

use std::collections::HashSet;
use std::net::TcpStream;

use super::*;

#[test]
fn intake_answers_name_what_is_wrong() {
    let mut env = Env::new();
    env.set_env("TOKEN", "s3cret-token");
    let serve = Serve::start(&env, &["--auth-token-env", "TOKEN"]);
    let json = [("Content-Type", "application/json")];
    let good = event("e-2", &["bob"]).to_string();
    let post = |headers: &[(&str, &str)], body: &str| {
        request(serve.addr, "POST", "/v1/events", headers, body)
    };
    let (status, answer) = post(&json, &good);
    assert_eq!(status, 401, "{answer}");
    assert!(!answer.to_string().contains("s3cret"));
    let auth = [
        ("Content-Type", "application/json"),
        ("Authorization", "Bearer s3cret-token"),
    ];
    assert_eq!(
        post(&[("Authorization", "Bearer s3cret-token")], &good).0,
        415
    );
    let (status, answer) = post(&auth, r#"{"event": "x.y.z", "colour": "red"}"#);
    assert_eq!(
        (status, answer["field"].as_str()),
        (400, Some("colour")),
        "{answer}"
    );
    let (status, answer) = post(&auth, &event("not an id", &[]).to_string());
    assert_eq!(
        (status, answer["field"].as_str()),
        (400, Some("id")),
        "{answer}"
    );
    let (status, answer) = post(&auth, r#"{"event": "ticket.data-change.pending-aproval"}"#);
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["nearest"], json!([EVENT]));
    assert_eq!(post(&auth, &good).0, 202);
    assert_eq!(request(serve.addr, "GET", "/v1/events", &auth, "").0, 405);
    assert_eq!(request(serve.addr, "GET", "/v1/nothing", &auth, "").0, 404);
    let big = format!(
        r#"{{"event": "{EVENT}", "message": "{}"}}"#,
        "a".repeat(1024 * 1024)
    );
    assert_eq!(post(&auth, &big).0, 413);
    // Health needs no token.
    assert_eq!(request(serve.addr, "GET", "/healthz", &[], "").0, 200);
}

#[test]
fn a_batch_answers_each_event_in_order_and_queues_the_good_ones() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    let serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("b-old", &["bob"])).0, 202);
    let batch = json!({ "events": [
        event("b-1", &["bob"]),
        event("b-old", &["bob"]),
        { "event": "ticket.nothing.pending-approval", "id": "b-2" },
        { "event": EVENT, "id": "not an id" },
    ]});
    let post = |body: &Value| {
        request(
            serve.addr,
            "POST",
            "/v1/events/batch",
            &[("Content-Type", "application/json")],
            &body.to_string(),
        )
    };
    let (status, answer) = post(&batch);
    assert_eq!(status, 200, "{answer}");
    let answers = answer["events"].as_array().expect("events");
    assert_eq!(answers.len(), 4, "{answer}");
    assert_eq!(
        (answers[0]["id"].as_str(), answers[0]["status"].as_str()),
        (Some("b-1"), Some("queued"))
    );
    assert_eq!(answers[1], json!({ "id": "b-old", "status": "duplicate" }));
    assert!(
        answers[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("no event")),
        "{answer}"
    );
    assert_eq!(answers[3]["field"], "id", "{answer}");
    let want = BTreeSet::from([
        ("/bob".to_owned(), "b-old".to_owned()),
        ("/bob".to_owned(), "b-1".to_owned()),
    ]);
    wait_pairs(&server, &want);
    let many: Vec<Value> = (0..1001)
        .map(|i| event(&format!("m-{i}"), &["bob"]))
        .collect();
    let (status, answer) = post(&json!({ "events": many }));
    assert_eq!(status, 413, "{answer}");
    assert_eq!(post(&json!({ "events": [] })).0, 400);
    assert!(
        env.run(&["queue", "--json"])
            .ok()
            .json()
            .as_array()
            .is_some_and(|q| q.len() <= 1)
    );
}

/// Checks `text` against the Prometheus text format strictly and returns its samples by full name
/// and labels: every line a HELP, a TYPE or a sample; each family's HELP and TYPE once, before its
/// samples; names and label names well formed, label values quoted with escapes, values numbers;
/// histogram buckets cumulative and ending in `+Inf` equal to `_count`.
fn parse_metrics(text: &str) -> Vec<(String, String, f64)> {
    let name_ok = |n: &str| {
        n.chars().enumerate().all(|(i, c)| {
            c.is_ascii_alphabetic() || c == '_' || c == ':' || (i > 0 && c.is_ascii_digit())
        }) && !n.is_empty()
    };
    let mut types: Vec<(String, String)> = Vec::new();
    let mut helped: HashSet<String> = HashSet::new();
    let mut samples = Vec::new();
    assert!(text.ends_with('\n'), "no final newline");
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# HELP ") {
            let name = rest.split(' ').next().unwrap_or_default();
            assert!(name_ok(name) && helped.insert(name.to_owned()), "{line}");
            continue;
        }
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').unwrap_or_else(|| panic!("{line}"));
            assert!(["counter", "gauge", "histogram"].contains(&kind), "{line}");
            assert!(helped.contains(name), "TYPE before HELP: {line}");
            assert!(!types.iter().any(|(n, _)| n == name), "second TYPE: {line}");
            types.push((name.to_owned(), kind.to_owned()));
            continue;
        }
        assert!(
            !line.starts_with('#') && !line.is_empty(),
            "stray line {line:?}"
        );
        let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("{line}"));
        let value: f64 = match value {
            "+Inf" => f64::INFINITY,
            v => v.parse().unwrap_or_else(|_| panic!("value of {line}")),
        };
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => {
                let labels = rest.strip_suffix('}').unwrap_or_else(|| panic!("{line}"));
                for pair in labels.split("\",").filter(|p| !p.is_empty()) {
                    let (k, v) = pair.split_once("=\"").unwrap_or_else(|| panic!("{line}"));
                    assert!(name_ok(k), "label name in {line}");
                    let v = v.strip_suffix('"').unwrap_or(v);
                    assert!(!v.contains('\n'), "{line}");
                }
                (name, labels.to_owned())
            }
            None => (series, String::new()),
        };
        assert!(name_ok(name), "{line}");
        let family = ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|s| {
                name.strip_suffix(s)
                    .filter(|f| types.iter().any(|(n, k)| n == f && k == "histogram"))
            })
            .unwrap_or(name);
        assert!(
            types.iter().any(|(n, _)| n == family),
            "sample before its TYPE: {line}"
        );
        samples.push((name.to_owned(), labels, value));
    }
    for (family, _) in types.iter().filter(|(_, k)| k == "histogram") {
        let buckets: Vec<f64> = samples
            .iter()
            .filter(|(n, _, _)| *n == format!("{family}_bucket"))
            .map(|(_, _, v)| *v)
            .collect();
        assert!(
            buckets.windows(2).all(|w| w[0] <= w[1]),
            "{family} not cumulative"
        );
        let inf = samples
            .iter()
            .find(|(n, l, _)| *n == format!("{family}_bucket") && l == "le=\"+Inf\"");
        let count = samples
            .iter()
            .find(|(n, _, _)| *n == format!("{family}_count"));
        assert_eq!(
            inf.map(|s| s.2),
            count.map(|s| s.2),
            "{family}: +Inf bucket and _count differ"
        );
    }
    samples
}

#[test]
fn metrics_count_intake_and_deliveries_in_the_text_format() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob"]);
    let mut serve = Serve::start(&env, &[]);
    assert_eq!(serve.post(&event("m-1", &["bob"])).0, 202);
    assert_eq!(serve.post(&event("m-1", &["bob"])).0, 200);
    serve.line("m-1 bob webhook: delivered");
    let mut stream = TcpStream::connect(serve.addr).expect("connect");
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head");
    assert!(head.starts_with("HTTP/1.1 200 "), "{head}");
    assert!(
        head.contains("content-type: text/plain; version=0.0.4"),
        "{head}"
    );
    let samples = parse_metrics(body);
    let value = |name: &str, labels: &str| {
        samples
            .iter()
            .find(|(n, l, _)| n == name && l == labels)
            .map(|s| s.2)
            .unwrap_or_else(|| panic!("no {name}{{{labels}}} in\n{body}"))
    };
    assert_eq!(
        value(
            "notify_events_received_total",
            "endpoint=\"/v1/events\",status=\"202\""
        ),
        1.0
    );
    assert_eq!(
        value(
            "notify_events_received_total",
            "endpoint=\"/v1/events\",status=\"200\""
        ),
        1.0
    );
    assert_eq!(
        value(
            "notify_deliveries_total",
            "channel=\"webhook\",outcome=\"delivered\""
        ),
        1.0
    );
    assert_eq!(value("notify_queue_depth", "state=\"dead\""), 0.0);
    assert_eq!(value("notify_delivery_duration_seconds_count", ""), 1.0);
}

#[test]
fn recipients_is_not_a_field_of_a_posted_event() {
    let env = Env::new();
    let server = HttpServer::start();
    users(&env, &server, &["bob", "mallory"]);
    let serve = Serve::start(&env, &[]);
    let mut smuggled = event("r-1", &["bob"]);
    smuggled["recipients"] = json!(["mallory"]);
    let (status, answer) = serve.post(&smuggled);
    assert_eq!(
        (status, answer["field"].as_str()),
        (400, Some("recipients")),
        "{answer}"
    );
    let batch = json!({ "events": [smuggled, event("r-2", &["bob"])] });
    let (status, answer) = request(
        serve.addr,
        "POST",
        "/v1/events/batch",
        &[("Content-Type", "application/json")],
        &batch.to_string(),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["events"][0]["field"], "recipients", "{answer}");
    assert_eq!(answer["events"][1]["status"], "queued", "{answer}");
    wait_pairs(
        &server,
        &BTreeSet::from([("/bob".to_owned(), "r-2".to_owned())]),
    );
    // Nobody reached mallory.
    std::thread::sleep(Duration::from_millis(200));
    assert!(server.requests_to("/mallory").is_empty());
}
