//! `notify serve`: the relay (the library is `crate::relay`): events in over HTTP, queued durably,
//! delivered through the rules and channels like `notify emit`, retried across restarts.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;

mod auth;
mod say;

use crate::commands::args::{limit, parse_duration};
use crate::context::Context;
use crate::error::Error;
use crate::listen::parse_addr;
use crate::log::queue::Policy;
use crate::relay::{self, Config};

/// The relay: take events over HTTP, queue them durably, deliver them through the rules
///
/// POST /v1/events takes one event as JSON, with the fields of `notify emit`'s flags:
///   {"event": "ticket.data-change.pending-approval", "id": "t-42", "submitter": "carol",
///    "approver": ["alice"], "task_id": "42", "message": "...", "channels": ["webhook"]}
/// and answers 202 {"id", "status": "queued", "due"} once the event is committed to the queue (in the
/// delivery log's database), 200 {"id", "status": "duplicate"} for an id it already holds, 400 naming
/// the field at fault, 401 without a configured bearer token or signature, 415 when not JSON,
/// 413 past 1 MiB,
/// 422 for an unknown event (with the nearest ids), 503 while stopping.
/// POST /v1/events/batch takes {"events": [...]}, up to 1,000, committed in one transaction, and
/// answers 200 {"events": [...]} with each event's {"id", "status"} or {"error"}, in order.
/// GET /healthz answers 200 {"status": "ok", "queue": {"due", "scheduled", "in_flight", "dead"}}
/// (503 while stopping); GET /metrics the Prometheus text format (notify_events_received_total,
/// notify_deliveries_total, notify_queue_depth, notify_delivery_duration_seconds,
/// notify_store_reloads_total). Neither needs the token.
/// POST /v1/ack/ID (the token; optional {"by": "bob"}) acknowledges an event: its escalation steps
/// not yet fired are stopped; answers 200 {"id", "status": "acknowledged", "stopped"}, 404 for an
/// unknown id. GET /v1/ack/ID?sig=... is the signed link escalating rules' messages carry as
/// `ack_link` (under --public-url): it acknowledges too and answers a small HTML page. The link key
/// is --ack-key-file or NOTIFY_ACK_KEY when given, else 32 random bytes kept mode 0600 in
/// `<log>.ack-key` beside a SQLite delivery log, made on the first start. Replicas on one PostgreSQL
/// log need the key they all share:
///   openssl rand -hex 32 > /etc/notify/ack-key && chmod 600 /etc/notify/ack-key
///   notify serve --log postgres://notify@db/notify --ack-key-file /etc/notify/ack-key
///
/// Workers plan each due event as `notify emit --id ID` does, with the store as it is then, send
/// through the same engine, record every outcome in the delivery log, and retry failures after
/// min(2^n s, 1 h) ±20% (or the vendor's Retry-After when later). A refusal (4xx) and a request sent
/// without an answer and without an idempotency key are not retried: they are dead at once.
///
/// SIGTERM or SIGINT: new events get 503, attempts in flight get --grace to finish, the rest stay
/// queued for the next start; exit 0. A second signal exits 130 at once. Nothing accepted is lost,
/// even by kill -9: a restart takes the work back. One serve owns a delivery log (a second one on
/// the same file exits 1). SIGHUP reads the store again (it is also read again whenever it changes).
/// With --log postgres://... any number of replicas share the queue: each claims its own events,
/// work committed anywhere wakes idle replicas at once (LISTEN/NOTIFY), and `notify retry` from
/// any host hands the dead back to them (replicas name their connections `notify serve PID@HOST`).
/// `notify queue` lists what waits, `notify cancel ID` withdraws an event, and
/// `notify emit ... --at TIME | --in DURATION` queues one for later.
///
/// Signed intake: with --signature-method HMAC_SHA256 (or HMAC_SHA1) a request carries
/// X-Notify-Signature: sha256=HEX over the raw body, as notify's webhook deliveries do; with
/// STANDARD, Standard Webhooks headers (webhook-id, webhook-timestamp within 5 minutes,
/// webhook-signature: v1,BASE64), as any Standard Webhooks library signs. Repeat
/// --signature-key-env during a key rotation. A valid bearer token or a valid signature admits.
///   export HOOK_KEY=whsec_...   # the key senders sign with
///   notify serve --bind 0.0.0.0:8788 --signature-method STANDARD --signature-key-env HOOK_KEY
///
/// Exit 0 after a stop, 1 when the address is in use or the store or the log cannot be read, 2 for
/// bad flags (a non-loopback --bind without --auth-token-env or a signature key, an unset
/// variable), 130 after a second signal.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Where to listen: IP:PORT, localhost:PORT or PORT; port 0 picks a free port (printed on stderr)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8788")]
    pub bind: String,
    /// Accept `Authorization: Bearer <token>` with the token in this environment variable (repeatable)
    #[arg(long = "auth-token-env", value_name = "VAR")]
    pub auth_token_env: Vec<String>,
    /// Deliveries attempted at once, across all events (robot pacing and app rate limits are shared)
    #[arg(long, value_name = "N", default_value_t = 32, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=4096))]
    pub workers: usize,
    /// A destination is dead after this many attempts
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_attempts: u32,
    /// A destination is dead when its next attempt would come later than this after the event arrived
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = give_up)]
    pub give_up_after: Duration,
    /// How long a stop waits for the attempts in flight
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = limit())]
    pub grace: Duration,
    /// How long a claimed event stays with its worker (longer than any attempt)
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = limit())]
    pub lease: Duration,
    /// The relay's address as people reach it, for ack links (default: the bound address)
    #[arg(long, value_name = "URL", value_parser = public_url)]
    pub public_url: Option<String>,
    /// How often idle workers look for work nobody announced (a retry's time, a lease that ended)
    /// [default: 200ms; 1s with a PostgreSQL log, whose commits wake every replica at once]
    #[arg(long, value_name = "DURATION", value_parser = limit())]
    pub poll: Option<Duration>,
    /// The key that signs ack links (a file of mode 0600); replicas on one database share it
    #[arg(long, value_name = "PATH")]
    pub ack_key_file: Option<std::path::PathBuf>,
    /// One JSON object per line on stderr ({"time", "kind", "message", ...}) instead of text
    #[arg(long)]
    pub json_logs: bool,
    #[command(flatten)]
    pub signed: auth::SignatureArgs,
}

fn public_url(text: &str) -> Result<String, String> {
    let text = text.trim().trim_end_matches('/');
    match text.starts_with("http://") || text.starts_with("https://") {
        true => Ok(text.to_owned()),
        false => Err(format!(
            "`{text}` is not an http:// or https:// URL, e.g. https://notify.example.com"
        )),
    }
}

fn give_up(text: &str) -> Result<Duration, String> {
    match parse_duration(text, false) {
        Ok(d) if d.is_zero() => Err("no time at all: e.g. 24h or 3d".into()),
        Ok(d) => Ok(d),
        Err(why) => Err(format!("{why} (e.g. 24h or 3d)")),
    }
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let bind = parse_addr(&args.bind).ok_or_else(|| {
        Error::usage(format!(
            "invalid --bind `{}`: expected IP:PORT, e.g. 127.0.0.1:8788 (port 0 for any free port)",
            args.bind.trim()
        ))
    })?;
    let tokens = auth::tokens(&args.auth_token_env)?;
    let signature = args.signed.signature()?;
    if !bind.ip().is_loopback() && tokens.is_empty() && signature.is_none() {
        return Err(Error::usage(format!(
            "refusing to serve on {bind} without authentication: not a loopback address"
        ))
        .hint("pass --auth-token-env VAR (a bearer token clients must send) or --signature-method M --signature-key-env VAR (signed requests), or bind 127.0.0.1")
        .into());
    }
    let config = Config {
        bind,
        tokens,
        signature,
        workers: args.workers,
        policy: Policy {
            max_attempts: args.max_attempts,
            give_up_after: args.give_up_after,
            jitter: true,
        },
        grace: args.grace,
        lease: args.lease,
        log: ctx.log_path()?.to_owned(),
        store: ctx.store.clone(),
        cache_dir: ctx.cache_dir(),
        clock: ctx.clock,
        public_url: args.public_url.clone(),
        poll: args.poll,
        ack_key_file: args.ack_key_file.clone(),
    };
    let (out, json) = (ctx.out.clone(), args.json_logs);
    let clock = ctx.clock;
    relay::serve(
        config,
        Arc::new(move |line| say::say(&out, json, clock.now_ms(), line)),
    )
}
