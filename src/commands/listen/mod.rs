//! `notify listen`: receive custom-webhook deliveries on a loopback address (the receiver is
//! `crate::listen`) and print each accepted event and each rejection.

mod print;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;

use crate::channels::Kind;
use crate::commands::args::{method_parser, reveal};
use crate::context::Context;
use crate::error::Error;
use crate::listen::{self, Auth, Settings};
use crate::profiles::Input;
use crate::signing::SignatureMethod;
use crate::values::{Field, Value};

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
  130  interrupted (Ctrl-C)";

/// The keys deliveries are checked with, each flag repeatable: several keys are a rotation (any one
/// may sign). Its `Debug` never shows a key.
#[derive(Clone, Default, clap::Args)]
pub struct SignatureKeys {
    /// A signing key; repeat it during a key rotation (other local users can see it in the process
    /// list: prefer -env or -stdin). STANDARD takes a whsec_ key as the sender shows it, or a raw one
    #[arg(long = "signature-key", value_name = "KEY")]
    pub value: Vec<String>,
    /// Read a signing key from one line of stdin
    #[arg(long = "signature-key-stdin")]
    pub stdin: bool,
    /// Read a signing key from this environment variable (repeatable)
    #[arg(long = "signature-key-env", value_name = "VAR")]
    pub env: Vec<String>,
}

impl SignatureKeys {
    /// Each key as given, in the order stdin, literal, environment; the flag named for errors.
    fn inputs(&self) -> Vec<(Input, &'static str)> {
        let stdin = self
            .stdin
            .then_some((Input::Stdin, "--signature-key-stdin"));
        let text = self
            .value
            .iter()
            .map(|v| (Input::Text(v.clone()), "--signature-key"));
        let env = self
            .env
            .iter()
            .map(|v| (Input::Env(v.clone()), "--signature-key-env"));
        stdin.into_iter().chain(text).chain(env).collect()
    }
}

impl std::fmt::Debug for SignatureKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignatureKeys")
            .field("value", &vec!["****"; self.value.len()])
            .field("stdin", &self.stdin)
            .field("env", &self.env)
            .finish()
    }
}

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
    let keys = signing_keys(ctx, args, method)?;
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

/// The keys deliveries are checked with: none for NONE, else from the flags or a prompt.
fn signing_keys(ctx: &Context, args: &Args, method: SignatureMethod) -> Result<Vec<String>> {
    let inputs = args.signature_key.inputs();
    let flag = inputs.first().map_or("--signature-key", |(_, flag)| *flag);
    match (method, inputs.is_empty()) {
        (SignatureMethod::None, true) => Ok(Vec::new()),
        (SignatureMethod::None, false) => {
            let err = if args.signature_method.is_some() {
                Error::usage(format!("{flag} does not go with --signature-method NONE")).hint(
                    "drop the key to accept unsigned deliveries, or pass --signature-method \
                     HMAC_SHA256 (or HMAC_SHA1, STANDARD) to check signatures",
                )
            } else {
                Error::usage(format!("{flag} needs --signature-method")).hint(
                    "pass --signature-method HMAC_SHA256, HMAC_SHA1 or STANDARD, the method the sender signs with",
                )
            };
            Err(err.into())
        }
        (method, true) => {
            let value = match Kind::Webhook.field(Field::SignatureKey) {
                Some(spec) => Some(
                    ctx.prompt
                        .field(&format!("--signature-method {method}"), spec)?,
                ),
                None => None,
            };
            let key = match value {
                Some(Value::Secret(secret)) => secret
                    .resolve()
                    .map_err(|e| Error::usage(format!("invalid {flag}: {e}")))?
                    .expose()
                    .to_owned(),
                Some(Value::Text(text)) => text,
                _ => return Err(Error::usage(format!("{flag} needs a key")).into()),
            };
            Ok(vec![key])
        }
        (_, false) => inputs
            .into_iter()
            .map(|(input, flag)| {
                let flag = flag.trim_end_matches("-stdin").trim_end_matches("-env");
                Ok(reveal(ctx, Some(input), flag)?
                    .map(|k| k.expose().to_owned())
                    .unwrap_or_default())
            })
            .collect(),
    }
}
