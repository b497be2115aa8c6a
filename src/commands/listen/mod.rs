//! `notify listen`: receive custom-webhook deliveries on a loopback address (the receiver is
//! `crate::listen`) and print each accepted event and each rejection.

mod keys;
mod print;

pub use keys::SignatureKeys;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;

use crate::commands::args::method_parser;
use crate::context::Context;
use crate::error::Error;
use crate::listen::{self, Auth, Settings};
use crate::signing::SignatureMethod;

/// The long help (`--help`), kept apart from the doc comment so that it shows whatever the command
/// enum says about `listen`.
const GUIDE: &str = "\
Serves the POST requests that `notify send --webhook` (or DMS itself) makes to a custom webhook, \
on any path. Each accepted event is printed on stdout (one JSON line with --json); each rejected \
request gets a short line on stderr with its status and reason (never the key or the signature).

Try it with two terminals:
  export KEY=$(openssl rand -hex 32)
  notify listen --signature-method HMAC_SHA256 --signature-key-env KEY
  notify send --webhook http://127.0.0.1:8787/ --signature-method HMAC_SHA256 \\
      --signature-key-env KEY --message 'hello'

Several keys may be given (repeat --signature-key or --signature-key-env): during a key rotation \
a delivery signed with any of them is accepted. STANDARD takes the sender's whsec_ key as is:
  notify listen --signature-method STANDARD --signature-key-env NEW_KEY --signature-key-env OLD_KEY

Each request is checked in this order; the first failure answers and closes the connection:
  431  the request head is over 16 KiB (400 when it is malformed)
  413  the body is over 1 MiB (Content-Length or chunked: reading stops at the limit)
  408  the request did not arrive completely within 10 s
  405  not a POST
  401  X-Notify-Signature (sha1=HEX or sha256=HEX, an HMAC of the raw body) is missing or
       wrong; checked before the body is parsed. With STANDARD (Standard Webhooks): the
       webhook-signature (v1,BASE64 of id.timestamp.body) is missing or wrong, or
       webhook-timestamp is more than 5 minutes from now, either way
  400  the body is not JSON, or has no messageEvent object with a numeric eventTime
  401  stale: messageEvent.eventTime (Unix ms) is more than 5 minutes from now, either way
  204  accepted. Each path is its own endpoint (one user's webhook): the same X-Notify-Delivery
       (else messageEvent.id) on the same path again is a retry, answered 204 but printed
       and counted once; on another path it is another user's copy, printed and counted

Connections are kept alive between requests and closed after 10 s without one. Up to 512 are \
served at once; under a larger burst the others wait their turn (none is dropped), so every \
request is answered.

Each event prints as `TIME  DELIVERY  EVENT  \"MESSAGE\"  receivers: UID, ...`, or with --json as \
one line of {\"delivery\", \"id\", \"event\", \"eventTime\", \"message\", \"signatureMethod\", \
\"verified\", \"path\", \"messageEvent\"}, where delivery is the X-Notify-Delivery header and \
messageEvent the whole object sent.

Exit codes:
  0    --count N events were accepted (rejected requests and repeats do not count)
  1    cannot listen on the address (in use, say)
  2    usage: bad flags, a non-loopback --addr without --allow-remote, a signing key without a
       method or a method without a key
  130  interrupted (Ctrl-C or SIGTERM)";

/// Receive custom-webhook deliveries on loopback and check their signatures
#[derive(Debug, clap::Args)]
#[command(after_long_help = GUIDE)]
pub struct Args {
    /// Where to listen: IP:PORT, localhost:PORT or just PORT; port 0 picks a free port (printed on stderr)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787")]
    pub addr: String,
    /// Allow an address that is not loopback (plain HTTP: anyone on the way can read the deliveries)
    #[arg(long)]
    pub allow_remote: bool,
    /// How deliveries must be signed: the sender's --signature-method [default: NONE]
    #[arg(long, value_name = "METHOD", value_parser = method_parser(), ignore_case = true)]
    pub signature_method: Option<SignatureMethod>,
    #[command(flatten)]
    pub signature_key: SignatureKeys,
    /// Exit (0) after N accepted events; rejected requests and repeats do not count
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub count: Option<u64>,
    /// How long a request may take to arrive, and an idle connection may stay open, in milliseconds
    #[arg(
        long,
        hide = true,
        value_name = "MS",
        default_value_t = 10_000,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub read_timeout_ms: u64,
    /// Connections served at once; more wait for a free place
    #[arg(
        long,
        hide = true,
        value_name = "N",
        default_value_t = listen::MAX_CONNECTIONS,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..)
    )]
    pub max_connections: usize,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let addr = listen::parse_addr(&args.addr).ok_or_else(|| {
        Error::usage(format!(
            "invalid --addr `{}`: expected IP:PORT, e.g. 127.0.0.1:8787 (port 0 for any free port)",
            args.addr.trim()
        ))
    })?;
    if !addr.ip().is_loopback() && !args.allow_remote {
        return Err(Error::usage(format!(
            "refusing to listen on {addr}: not a loopback address"
        ))
        .hint("listen on 127.0.0.1 (the default), or pass --allow-remote to accept deliveries from other machines over plain HTTP")
        .into());
    }
    let method = args.signature_method.unwrap_or_default();
    let keys = keys::signing_keys(ctx, args, method)?;
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let auth = Auth::from_keys(method, &keys).map_err(|e| {
        Error::usage(format!("invalid --signature-key: {e}"))
            .hint("copy the key again from where the sender shows it")
    })?;
    // The run's one clock (the context's), which tokio's time moves forward.
    let clock = ctx.clock;
    let settings = Settings {
        auth,
        count: args.count,
        read_timeout: Duration::from_millis(args.read_timeout_ms),
        max_connections: args.max_connections,
        now: Arc::new(move || i64::try_from(clock.now_ms()).unwrap_or(i64::MAX)),
    };
    listen::serve(addr, settings, print::Printer(ctx.out.clone()))
}
