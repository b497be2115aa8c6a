//! Chaos on one PostgreSQL database: three `notify serve` replicas take thousands of events (a tenth
//! repeat an id) while one replica after another is SIGKILLed and restarted; nothing accepted is lost,
//! an idempotent receiver sees each delivery once, no lease is left behind and `notify log` agrees.
//!
//! The contract is at least once on the wire and exactly once per (destination, `X-Notify-Delivery`)
//! to a receiver that de-duplicates on that key: a replica killed after a request left but before its
//! outcome was recorded cannot know it arrived, so the next replica sends it again with the same key.
//! Those repeats are counted, and bounded by what the killed replicas had in flight.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::serve::{EVENT, Serve, pairs, users};
use crate::support::Env;
use crate::support::http::HttpServer;
use crate::support::postgres;

/// Events posted (a tenth of them repeat an earlier id): the 20,000, about two minutes of a
/// debug build on 2 cores; NOTIFY_CHAOS_EVENTS=6000 (at least 100) for a quicker run while working.
fn events() -> usize {
    std::env::var("NOTIFY_CHAOS_EVENTS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .filter(|&n: &usize| n >= 100)
        .unwrap_or(20_000)
}

/// Events in one `POST /v1/events/batch`.
const BATCH: usize = 500;
const REPLICAS: usize = 3;
/// Attempts in flight per replica (`--workers`): what one kill can cut off, at most.
const WORKERS: usize = 32;
/// Short, so that a killed replica's events come back within the test; long enough that a live
/// replica on a busy machine finishes its event (each attempt is cut at half the lease) before it.
const LEASE: Duration = Duration::from_secs(10);
const KILL_EVERY: Duration = Duration::from_secs(3);
/// The longest the whole run may take per thousand events (a debug build on a busy machine).
const DEADLINE_PER_1000: Duration = Duration::from_secs(40);

fn serve_args() -> Vec<String> {
    vec![
        "--lease".into(),
        format!("{}s", LEASE.as_secs()),
        "--workers".into(),
        WORKERS.to_string(),
    ]
}

fn start(env: &Env) -> Serve {
    let args = serve_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Serve::start(env, &args)
}

/// Every tenth event also reaches carol: an event's destinations, not just one.
fn approvers(n: usize) -> Vec<&'static str> {
    match n % 10 {
        0 => vec!["bob", "carol"],
        _ => vec!["bob"],
    }
}

/// The ids in posting order: each unique id once, and a tenth of them again, some in the same batch
/// and some one or two batches later (most likely at another replica).
fn posting_order(events: usize) -> Vec<usize> {
    let unique = events - events / 10;
    let mut keyed: Vec<(usize, usize)> = (0..unique).map(|n| (n * 2, n)).collect();
    for k in 0..events - unique {
        let n = k * (unique / (events - unique));
        let later = if k % 2 == 0 { 150 } else { 2 * BATCH + 150 };
        keyed.push(((n + later) * 2 + 1, n));
    }
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, n)| n).collect()
}

/// One batch on its own connection: the answers, or `None` when the replica is gone or busy.
fn post_batch(addr: SocketAddr, events: &[Value]) -> Option<Vec<Value>> {
    let body = json!({ "events": events }).to_string();
    let mut stream = TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let head = format!(
        "POST /v1/events/batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    if !answer.starts_with("HTTP/1.1 200") {
        return None;
    }
    let (_, json) = answer.split_once("\r\n\r\n")?;
    let doc: Value = serde_json::from_str(json).ok()?;
    doc["events"].as_array().cloned()
}

/// The replicas' addresses, `None` while one is down.
type Addrs = Arc<Mutex<Vec<Option<SocketAddr>>>>;

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[test]
fn replicas_killed_at_random_lose_nothing_and_deliver_each_key_once() {
    let Some(pg) = postgres::cluster() else {
        return;
    };
    let (events, started) = (events(), Instant::now());
    let unique = events - events / 10;
    let deadline = DEADLINE_PER_1000 * u32::try_from(events / 1000 + 1).unwrap_or(u32::MAX);
    let url = pg.fresh_database();
    let mut env = Env::new();
    env.set_env("NOTIFY_LOG", &url);
    env.set_env("NOTIFY_ACK_KEY", crate::postgres::ACK_KEY);
    let server = HttpServer::start();
    users(&env, &server, &["bob", "carol"]);
    let env = Arc::new(env);

    let replicas: Vec<Serve> = (0..REPLICAS).map(|_| start(&env)).collect();
    let addrs: Addrs = Arc::new(Mutex::new(replicas.iter().map(|s| Some(s.addr)).collect()));
    let stop = Arc::new(AtomicBool::new(false));
    let kills = Arc::new(AtomicUsize::new(0));
    // One replica after another: SIGKILL, then a new process on a new port.
    let killer = {
        let (env, addrs, stop, kills) = (
            Arc::clone(&env),
            Arc::clone(&addrs),
            Arc::clone(&stop),
            Arc::clone(&kills),
        );
        std::thread::spawn(move || {
            let mut replicas = replicas;
            let mut next = 0;
            loop {
                let wake = Instant::now() + KILL_EVERY;
                while Instant::now() < wake {
                    if stop.load(Ordering::SeqCst) {
                        return replicas;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                lock(&addrs)[next] = None;
                let fresh = start(&env);
                let victim = std::mem::replace(&mut replicas[next], fresh);
                victim.kill9();
                kills.fetch_add(1, Ordering::SeqCst);
                lock(&addrs)[next] = Some(replicas[next].addr);
                next = (next + 1) % REPLICAS;
            }
        })
    };

    // Intake, batch after batch across the replicas; a batch cut off by a kill goes to another.
    let order = posting_order(events);
    assert_eq!(order.len(), events);
    let mut answered: HashSet<usize> = HashSet::new();
    let mut queued: HashSet<usize> = HashSet::new();
    let mut want = BTreeSet::new();
    for (b, chunk) in order.chunks(BATCH).enumerate() {
        let events: Vec<Value> = chunk
            .iter()
            .map(|&n| {
                json!({ "event": EVENT, "id": format!("c-{n}"), "approver": approvers(n),
                        "task_id": n.to_string() })
            })
            .collect();
        let mut attempt = b;
        let answers = loop {
            assert!(started.elapsed() < deadline, "intake did not finish");
            let addr = lock(&addrs)[attempt % REPLICAS];
            if let Some(answers) = addr.and_then(|a| post_batch(a, &events)) {
                break answers;
            }
            attempt += 1;
            std::thread::sleep(Duration::from_millis(50));
        };
        assert_eq!(answers.len(), chunk.len());
        for (&n, answer) in chunk.iter().zip(&answers) {
            assert_eq!(answer["id"], format!("c-{n}"), "{answer}");
            match answer["status"].as_str() {
                Some("queued") => assert!(queued.insert(n), "c-{n} queued twice: {answer}"),
                Some("duplicate") => {}
                _ => panic!("c-{n}: {answer}"),
            }
            answered.insert(n);
            for who in approvers(n) {
                want.insert((format!("/{who}"), format!("c-{n}")));
            }
        }
    }
    assert_eq!(answered.len(), unique, "every unique event accepted");
    let intake = started.elapsed();

    // Every destination of every event reaches the receiver, kills going on meanwhile.
    let requests = loop {
        let seen = server.requests();
        if pairs(&seen).is_superset(&want) {
            break seen;
        }
        assert!(
            started.elapsed() < deadline,
            "{} of {} deliveries after {:?}; some of those not done: {}",
            pairs(&seen).intersection(&want).count(),
            want.len(),
            started.elapsed(),
            pg.sql(
                &url,
                "SELECT e.id, e.state, e.due_ms, e.lease_owner, d.state, d.attempts, d.last_error
                 FROM queue_events e LEFT JOIN queue_deliveries d ON d.event_id = e.id
                 WHERE e.state <> 'done' ORDER BY e.id LIMIT 5"
            )
        );
        std::thread::sleep(Duration::from_millis(500));
    };
    stop.store(true, Ordering::SeqCst);
    let replicas = killer.join().expect("the killer thread");
    let kills = kills.load(Ordering::SeqCst);
    let drained = started.elapsed();

    // The queue settles: every event done, no lease on any row (a killed replica's lease ends with
    // the event's record by the replica that took it over).
    let settled_by = Instant::now() + LEASE + crate::serve::WAIT;
    let left = loop {
        let left = pg.sql(
            &url,
            "SELECT count(*) FILTER (WHERE state <> 'done'),
                    count(*) FILTER (WHERE lease_owner IS NOT NULL OR lease_until_ms IS NOT NULL),
                    count(*)
             FROM queue_events",
        );
        if left.starts_with("0|0|") || Instant::now() > settled_by {
            break left;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(left, format!("0|0|{unique}"), "not done|leased|events");
    let destinations = pg.sql(
        &url,
        "SELECT state, count(*) FROM queue_deliveries GROUP BY state ORDER BY state",
    );
    assert_eq!(destinations, format!("delivered|{}", want.len()));

    // The idempotent receiver's view: each (destination, X-Notify-Delivery) exactly once, nothing else.
    let requests = {
        // Whatever was still on its way when the queue settled.
        std::thread::sleep(Duration::from_millis(500));
        let late = server.requests();
        assert!(late.len() >= requests.len());
        late
    };
    assert_eq!(pairs(&requests), want, "the receiver's de-duplicated view");
    let mut per_key: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in &requests {
        let key = (
            r.path.clone(),
            r.header("X-Notify-Delivery").unwrap_or_default().to_owned(),
        );
        *per_key.entry(key).or_default() += 1;
    }
    let repeats = requests.len() - want.len();
    let bound = kills * WORKERS;
    eprintln!(
        "chaos: {events} events posted ({unique} unique) to {REPLICAS} replicas in {intake:?}, \
         {} deliveries done after {drained:?}, {kills} kills; {} requests at the receiver: {repeats} \
         repeated a key (most {} of one key), at most {bound} allowed ({kills} kills x {WORKERS} workers)",
        want.len(),
        requests.len(),
        per_key.values().max().copied().unwrap_or(0)
    );
    assert!(
        kills >= 2,
        "the run saw {kills} kills: too short to test anything"
    );
    assert!(
        repeats <= bound,
        "{repeats} requests repeated a key: more than the {kills} kills could have cut off"
    );

    // A fourth process reads the same story from the log.
    let log = env.run(&["log", "--json", "--limit", "1000000"]);
    let rows = log.ok().json();
    let rows = rows.as_array().expect("log rows");
    let mut delivered = BTreeSet::new();
    for row in rows {
        let s = |f: &str| row[f].as_str().unwrap_or_default().to_owned();
        // A replica that took a killed one's event over finds it delivered in the log already.
        let redone = s("outcome") == "skipped" && s("reason") == "already delivered";
        assert!(s("outcome") == "delivered" || redone, "{row}");
        assert!(
            delivered.insert((format!("/{}", s("recipient")), s("id"))),
            "one row per destination: {row}"
        );
    }
    assert_eq!(delivered, want, "the log's delivered destinations");
    let attempts = env.run(&[
        "log",
        "--json",
        "--all-attempts",
        "--outcome",
        "delivered",
        "--limit",
        "1000000",
    ]);
    let attempts = attempts.ok().json().as_array().map_or(0, Vec::len);
    // Each repeat is a request whose outcome never reached the log: its replica was killed after
    // sending it and before writing the log (a lease that ran out under a live replica would show
    // as two delivered attempts instead). A kill after the log was written repeats nothing: the
    // replica that takes the event over finds it delivered.
    assert_eq!(
        requests.len().checked_sub(attempts),
        Some(repeats),
        "{attempts} delivered attempts logged for {} requests",
        requests.len()
    );
    let queue = env.run(&["queue", "--json"]);
    assert_eq!(queue.ok().json(), json!([]));
    drop(replicas);
}
