//! The delivery engine: recipients -> destinations -> requests -> transport -> report.
//!
//! Planning decides, per recipient and channel, whether a destination is usable (enabled, verified,
//! switched on in Notice Management, provider present) and merges recipients who share a group robot or
//! webhook into one destination. Execution runs destinations concurrently under a bound, gives each
//! attempt a timeout and the whole send a deadline, retries only retryable verdicts with exponential
//! backoff and jitter (or the server's `Retry-After`), paces group robots at 20 messages a minute, and
//! keeps each message's idempotency key across its retries.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use tokio::sync::{Mutex, Semaphore};

use crate::channels::message::Message;
use crate::channels::webhook::{Audience, Person};
use crate::channels::wire::{Failure, HttpRequest, HttpResponse, Verdict};
use crate::channels::{Kind, dingtalk, dingtalk_bot, email, feishu, sms, webhook, wecom_bot};
use crate::providers::ProviderName;
use crate::signing::{SignatureMethod, hex_encode, utc_timestamp};
use crate::store::{Channel, Fields, Schema, Store};
use crate::transport::{Http, SmtpSettings, send_mail};
use crate::values::{Value, mainland_bare};

/// Limits of one send.
#[derive(Debug, Clone)]
pub struct Options {
    pub timeout: Duration,
    pub deadline: Duration,
    pub retries: u32,
    pub concurrency: usize,
    pub retry_base: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(10),
            deadline: Duration::from_secs(60),
            retries: 3,
            concurrency: 8,
            retry_base: Duration::from_millis(500),
        }
    }
}

/// An app provider's credentials.
#[derive(Debug, Clone)]
pub struct App {
    pub provider: ProviderName,
    pub api_base: String,
    pub id: String,
    pub secret: String,
    pub agent_id: i64,
}

#[derive(Debug, Clone)]
pub enum SmsVendor {
    Aliyun {
        api_base: String,
        key_id: String,
        key_secret: String,
        region: String,
        sign_name: String,
        template: String,
        verify_template: Option<String>,
    },
    Twilio {
        api_base: String,
        sid: String,
        token: String,
        from: String,
    },
}

/// Where and how one message goes.
#[derive(Debug, Clone)]
pub enum Target {
    DingtalkBot {
        webhook: String,
        keyword: String,
        secret: Option<String>,
    },
    WecomBot {
        webhook: String,
    },
    Webhook {
        url: String,
        method: SignatureMethod,
        key: String,
    },
    /// `mobile` for the Standard Edition, else the employee ID is the userid.
    Dingtalk {
        app: App,
        mobile: Option<String>,
        userid: Option<String>,
    },
    /// Feishu or Lark: found by mobile or email.
    Feishu {
        app: App,
        mobile: Option<String>,
        email: Option<String>,
    },
    Email {
        smtp: SmtpSettings,
        to: String,
    },
    /// `code`: a verification code, sent with the vendor's verification template when there is one.
    Sms {
        vendor: SmsVendor,
        mobile: String,
        code: Option<String>,
    },
}

impl Destination {
    /// The channel column of the report (`-` when the recipient has none).
    pub fn channel(&self) -> &'static str {
        self.kind.map_or("-", Kind::as_str)
    }
}

impl Target {
    /// Identity for merging recipients who share one robot or webhook.
    fn shared_key(&self) -> Option<String> {
        match self {
            Target::DingtalkBot {
                webhook,
                keyword,
                secret,
            } => Some(format!("dt|{webhook}|{keyword}|{secret:?}")),
            Target::WecomBot { webhook } => Some(format!("wc|{webhook}")),
            Target::Webhook { url, method, key } => Some(format!("wh|{url}|{method}|{key}")),
            _ => None,
        }
    }
    /// The robot a message counts against for pacing.
    fn robot(&self) -> Option<&str> {
        match self {
            Target::DingtalkBot { webhook, .. } | Target::WecomBot { webhook } => Some(webhook),
            _ => None,
        }
    }
}

/// One row of the plan: a usable target, or the reason it is not.
#[derive(Debug, Clone)]
pub struct Destination {
    pub recipients: Vec<String>,
    /// None for a recipient with nothing to deliver through.
    pub kind: Option<Kind>,
    pub shown: String,
    pub target: Result<Target, (Outcome, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Delivered,
    Failed,
    Skipped,
}

/// One row of the report (the `send --json` shape).
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    pub recipient: String,
    pub channel: String,
    pub destination: String,
    pub outcome: Outcome,
    pub attempts: u32,
    pub elapsed_ms: u64,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    pub reason: Option<String>,
}

/// The recipients, channels and content of a send, before planning.
#[derive(Debug, Default)]
pub struct Plan {
    pub destinations: Vec<Destination>,
    pub audience: Audience,
}

pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// A random v4 UUID from the OS's secure source.
pub fn new_uuid() -> String {
    let mut b = [0u8; 16];
    let _ = getrandom::fill(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex_encode(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn secret_of(fields: &Fields, name: &str) -> Result<Option<String>, String> {
    match fields.get(name) {
        Some(Value::Secret(s)) => s.resolve().map(Some),
        Some(Value::Text(t)) => Ok(Some(t.clone())),
        _ => Ok(None),
    }
}

fn text_of(fields: &Fields, name: &str) -> Option<String> {
    fields.get(name).and_then(Value::as_text).map(str::to_owned)
}

/// Turns a provider's stored fields into what a target needs; errors are the row's reason.
pub fn provider_fields(store: &Store, name: ProviderName) -> Result<&Fields, String> {
    let fields = store.providers.0.get(&name).ok_or_else(|| {
        format!("provider {name} is not configured (run `notify provider set {name}`)")
    })?;
    name.validate(fields)
        .map_err(|e| format!("{e} (run `notify provider set {name}`)"))?;
    Ok(fields)
}

fn field_or_default(name: ProviderName, fields: &Fields, field: &str) -> String {
    text_of(fields, field)
        .or_else(|| name.default_value(field, fields))
        .unwrap_or_default()
}

fn app(store: &Store, name: ProviderName) -> Result<App, String> {
    let fields = provider_fields(store, name)?;
    let id_field = if name == ProviderName::Dingtalk {
        "app_key"
    } else {
        "app_id"
    };
    Ok(App {
        provider: name,
        api_base: field_or_default(name, fields, "api_base"),
        id: text_of(fields, id_field).unwrap_or_default(),
        secret: secret_of(fields, "app_secret")?.unwrap_or_default(),
        agent_id: match fields.get("agent_id") {
            Some(Value::Number(n)) => *n,
            _ => 0,
        },
    })
}

pub fn smtp_settings(store: &Store) -> Result<SmtpSettings, String> {
    let name = ProviderName::Smtp;
    let fields = provider_fields(store, name)?;
    let port = field_or_default(name, fields, "port");
    Ok(SmtpSettings {
        host: text_of(fields, "host").unwrap_or_default(),
        port: match fields.get("port") {
            Some(Value::Number(n)) => u16::try_from(*n).unwrap_or(465),
            _ => port.parse().unwrap_or(465),
        },
        security: field_or_default(name, fields, "security"),
        username: text_of(fields, "username"),
        password: secret_of(fields, "password")?,
        from: text_of(fields, "from").unwrap_or_default(),
    })
}

pub fn sms_vendor(store: &Store) -> Result<SmsVendor, String> {
    let name = ProviderName::Sms;
    let fields = provider_fields(store, name)?;
    let api_base = field_or_default(name, fields, "api_base");
    if text_of(fields, "vendor").as_deref() == Some("twilio") {
        return Ok(SmsVendor::Twilio {
            api_base,
            sid: text_of(fields, "account_sid").unwrap_or_default(),
            token: secret_of(fields, "auth_token")?.unwrap_or_default(),
            from: text_of(fields, "from").unwrap_or_default(),
        });
    }
    Ok(SmsVendor::Aliyun {
        api_base,
        key_id: text_of(fields, "access_key_id").unwrap_or_default(),
        key_secret: secret_of(fields, "access_key_secret")?.unwrap_or_default(),
        region: field_or_default(name, fields, "region"),
        sign_name: text_of(fields, "sign_name").unwrap_or_default(),
        template: text_of(fields, "template_code").unwrap_or_default(),
        verify_template: text_of(fields, "verify_template_code"),
    })
}

/// The target for a configured channel (providers looked up, secrets resolved).
pub fn target_for(store: &Store, kind: Kind, channel: &Channel) -> Result<Target, String> {
    let f = &channel.fields;
    Ok(match kind {
        Kind::DingtalkBot => Target::DingtalkBot {
            webhook: text_of(f, "webhook").unwrap_or_default(),
            keyword: text_of(f, "keyword").unwrap_or_else(|| "DMS".into()),
            secret: secret_of(f, "secret")?,
        },
        Kind::WecomBot => Target::WecomBot {
            webhook: text_of(f, "webhook").unwrap_or_default(),
        },
        Kind::Webhook => Target::Webhook {
            url: text_of(f, "url").unwrap_or_default(),
            method: text_of(f, "signature_method")
                .and_then(|m| m.parse().ok())
                .unwrap_or_default(),
            key: secret_of(f, "signature_key")?.unwrap_or_default(),
        },
        Kind::Dingtalk => Target::Dingtalk {
            app: app(store, ProviderName::Dingtalk)?,
            mobile: text_of(f, "mobile"),
            userid: None,
        },
        Kind::DingtalkExclusive => Target::Dingtalk {
            app: app(store, ProviderName::Dingtalk)?,
            mobile: None,
            userid: text_of(f, "employee_id"),
        },
        Kind::Feishu => Target::Feishu {
            app: app(store, ProviderName::Feishu)?,
            mobile: text_of(f, "mobile"),
            email: None,
        },
        Kind::Lark | Kind::LarkMobile => Target::Feishu {
            app: app(store, ProviderName::Lark)?,
            mobile: text_of(f, "mobile"),
            email: if kind == Kind::Lark {
                text_of(f, "email")
            } else {
                None
            },
        },
        Kind::Email => Target::Email {
            smtp: smtp_settings(store)?,
            to: text_of(f, "address").unwrap_or_default(),
        },
        Kind::Sms => Target::Sms {
            vendor: sms_vendor(store)?,
            mobile: text_of(f, "mobile").unwrap_or_default(),
            code: None,
        },
    })
}

/// Why a configured channel is not used, if it is not.
fn unusable(store: &Store, kind: Kind, channel: &Channel) -> Option<String> {
    if !store.notice.allows(kind) {
        Some("switched off in Notice Management".into())
    } else if !channel.enabled {
        Some("not enabled".into())
    } else if !channel.is_verified(kind) {
        Some(format!("not verified (run `notify channel verify {kind}`)"))
    } else {
        None
    }
}

/// Plans a send to stored users: one destination per usable channel (robots and webhooks shared by
/// several users become one), every unusable channel a skipped row with its reason.
pub fn plan_users(
    store: &Store,
    users: &[String],
    filter: &[Kind],
    adhoc: Vec<Destination>,
) -> Plan {
    let mut plan = Plan::default();
    let mut shared: HashMap<String, usize> = HashMap::new();
    for name in users {
        let Some(user) = store.users.get(name) else {
            continue;
        };
        let person = Person {
            uid: name.clone(),
            name: user.display_name.clone().unwrap_or_default(),
        };
        plan.audience.target_users.push(person.clone());
        let mut usable = false;
        let mut rows = 0;
        for (kind, channel) in &user.channels.0 {
            if !filter.is_empty() && !filter.contains(kind) {
                continue;
            }
            rows += 1;
            let shown = crate::commands::destination(*kind, channel);
            if let Some(reason) = unusable(store, *kind, channel) {
                plan.destinations.push(Destination {
                    recipients: vec![name.clone()],
                    kind: Some(*kind),
                    shown,
                    target: Err((Outcome::Skipped, reason)),
                });
                continue;
            }
            let target = target_for(store, *kind, channel).map_err(|e| (Outcome::Failed, e));
            usable |= target.is_ok();
            if let Ok(t) = &target
                && let Some(key) = t.shared_key()
            {
                if let Some(&i) = shared.get(&key) {
                    plan.destinations[i].recipients.push(name.clone());
                    continue;
                }
                shared.insert(key, plan.destinations.len());
            }
            plan.destinations.push(Destination {
                recipients: vec![name.clone()],
                kind: Some(*kind),
                shown,
                target,
            });
        }
        for kind in filter {
            if !user.channels.0.contains_key(kind) {
                rows += 1;
                plan.destinations.push(Destination {
                    recipients: vec![name.clone()],
                    kind: Some(*kind),
                    shown: String::new(),
                    target: Err((Outcome::Skipped, "not configured".into())),
                });
            }
        }
        if rows == 0 {
            plan.destinations.push(Destination {
                recipients: vec![name.clone()],
                kind: None,
                shown: String::new(),
                target: Err((Outcome::Skipped, "no channels configured".into())),
            });
        }
        if usable {
            plan.audience.receivers.push(person);
        }
    }
    plan.destinations.extend(adhoc);
    plan
}

/// Cached app access tokens: one fetch per app per run, kept in a 0600 file until shortly before expiry.
#[derive(Debug)]
pub struct Tokens {
    dir: Option<PathBuf>,
    mem: Mutex<HashMap<String, (String, u64)>>,
}

impl Tokens {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Tokens {
            dir,
            mem: Mutex::new(HashMap::new()),
        }
    }

    /// The cache file's name: the provider and a digest of the API base and app id (never the secret).
    fn key(app: &App) -> String {
        let digest = crate::signing::hmac_sha256(app.api_base.as_bytes(), app.id.as_bytes());
        format!("{}-{}", app.provider, &hex_encode(&digest)[..16])
    }

    fn read_file(&self, key: &str) -> Option<(String, u64)> {
        let text = std::fs::read_to_string(self.dir.as_ref()?.join(format!("{key}.json"))).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        Some((v["token"].as_str()?.to_owned(), v["expires_at"].as_u64()?))
    }

    fn write_file(&self, key: &str, token: &str, expires_at: u64) {
        use std::io::Write;
        use std::os::unix::fs::DirBuilderExt;
        let Some(dir) = &self.dir else { return };
        // tempfile creates the file 0600, and the rename keeps that mode.
        let _ = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir);
        let Ok(mut tmp) = tempfile::Builder::new().prefix(".token.").tempfile_in(dir) else {
            return;
        };
        let body = serde_json::json!({"token": token, "expires_at": expires_at}).to_string();
        if tmp.write_all(body.as_bytes()).is_ok() {
            let _ = tmp.persist(dir.join(format!("{key}.json")));
        }
    }

    /// A token valid for at least a few more minutes, fetching one when needed.
    async fn get<F, Fut>(&self, app: &App, fetch: F) -> Result<String, Failure>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(String, u64), Failure>>,
    {
        let key = Self::key(app);
        let mut mem = self.mem.lock().await;
        let now = now_ms() / 1000;
        let fresh = |(t, exp): &(String, u64)| (*exp > now + 300).then(|| t.clone());
        if let Some(t) = mem.get(&key).and_then(fresh) {
            return Ok(t);
        }
        if let Some(entry) = self.read_file(&key)
            && let Some(t) = fresh(&entry)
        {
            mem.insert(key, entry);
            return Ok(t);
        }
        let (token, lifetime) = fetch().await?;
        let expires_at = now + lifetime;
        self.write_file(&key, &token, expires_at);
        mem.insert(key, (token.clone(), expires_at));
        Ok(token)
    }

    async fn invalidate(&self, app: &App) {
        let key = Self::key(app);
        self.mem.lock().await.remove(&key);
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_file(dir.join(format!("{key}.json")));
        }
    }
}

/// Paces each group robot at 20 messages in any 60 seconds, across runs too: each robot's recent send
/// times live in a small 0600 file under the cache folder, locked while it is read and rewritten (in
/// memory when there is no cache folder).
#[derive(Debug, Default)]
struct Pacer {
    dir: Option<PathBuf>,
    sent: std::sync::Mutex<HashMap<String, Vec<u64>>>,
}

const ROBOT_BUDGET: usize = 20;
const ROBOT_WINDOW_MS: u64 = 60_000;

impl Pacer {
    fn new(dir: Option<PathBuf>) -> Self {
        Pacer {
            dir,
            sent: std::sync::Mutex::default(),
        }
    }

    /// Takes a slot in `times` (Unix ms) if one is free at `now`, else says how long until one is.
    fn take(times: &mut Vec<u64>, now: u64) -> Result<(), Duration> {
        times.retain(|t| now.saturating_sub(*t) < ROBOT_WINDOW_MS && *t <= now + ROBOT_WINDOW_MS);
        if times.len() < ROBOT_BUDGET {
            times.push(now);
            return Ok(());
        }
        let oldest = times.iter().min().copied().unwrap_or(now);
        Err(Duration::from_millis(
            (oldest + ROBOT_WINDOW_MS).saturating_sub(now).max(1),
        ))
    }

    fn take_in_memory(&self, robot: &str, now: u64) -> Result<(), Duration> {
        let mut sent = self
            .sent
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Self::take(sent.entry(robot.to_owned()).or_default(), now)
    }

    /// The file-backed slot; the lock is held only for this synchronous read-modify-write.
    fn take_in_file(
        dir: &std::path::Path,
        robot: &str,
        now: u64,
    ) -> std::io::Result<Result<(), Duration>> {
        use std::io::{Read, Seek, Write};
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        // Named by a digest of the URL: the URL itself carries the robot's token.
        let name = hex_encode(&crate::signing::hmac_sha256(
            b"notify robot pacing",
            robot.as_bytes(),
        ));
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(dir.join(format!("{}.json", &name[..24])))?;
        file.lock()?;
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        let mut times: Vec<u64> = serde_json::from_str(&text).unwrap_or_default();
        let taken = Self::take(&mut times, now);
        if taken.is_ok() {
            file.set_len(0)?;
            file.rewind()?;
            file.write_all(serde_json::to_string(&times).unwrap_or_default().as_bytes())?;
        }
        Ok(taken)
    }

    async fn slot(&self, robot: &str, deadline: Instant) -> Result<(), Failure> {
        loop {
            let now = now_ms();
            let taken = match &self.dir {
                Some(dir) => Self::take_in_file(dir, robot, now)
                    .unwrap_or_else(|_| self.take_in_memory(robot, now)),
                None => self.take_in_memory(robot, now),
            };
            let wait = match taken {
                Ok(()) => return Ok(()),
                Err(wait) => wait,
            };
            if Instant::now() + wait > deadline {
                return Err(Failure {
                    code: "rate_limit".into(),
                    message: "robot rate limit (20/min)".into(),
                    retry_after: None,
                });
            }
            tokio::time::sleep(wait).await;
        }
    }
}

/// Runs a plan and reports every destination.
#[derive(Debug)]
pub struct Engine {
    http: Http,
    opts: Options,
    tokens: Tokens,
    pacer: Pacer,
}

/// The result of a step and how many attempts it took.
#[derive(Debug)]
pub struct Attempted<T> {
    pub result: Result<T, Failure>,
    pub attempts: u32,
}

impl<T> Attempted<T> {
    /// A failure before the step's own request went out (a token or a lookup failed, say).
    fn failed(failure: Failure) -> Self {
        Attempted {
            result: Err(failure),
            attempts: 0,
        }
    }
}

impl Engine {
    /// `cache_dir` (`<user cache dir>/notify`) keeps app tokens and robot send times between runs.
    pub fn new(opts: Options, cache_dir: Option<PathBuf>) -> anyhow::Result<Self> {
        Ok(Engine {
            http: Http::new()?,
            opts,
            tokens: Tokens::new(cache_dir.as_ref().map(|d| d.join("tokens"))),
            pacer: Pacer::new(cache_dir.map(|d| d.join("robots"))),
        })
    }

    pub async fn run(self: Arc<Self>, plan: Plan, msg: Arc<Message>) -> Vec<Delivery> {
        let deadline = Instant::now() + self.opts.deadline;
        let audience = Arc::new(plan.audience);
        let limit = Arc::new(Semaphore::new(self.opts.concurrency.max(1)));
        let mut tasks = tokio::task::JoinSet::new();
        let count = plan.destinations.len();
        for (index, dest) in plan.destinations.into_iter().enumerate() {
            let engine = Arc::clone(&self);
            let msg = Arc::clone(&msg);
            let audience = Arc::clone(&audience);
            let limit = Arc::clone(&limit);
            tasks.spawn(async move {
                let _permit = limit.acquire_owned().await;
                (index, engine.deliver(dest, &msg, &audience, deadline).await)
            });
        }
        let mut rows: Vec<Option<Delivery>> = vec![None; count];
        while let Some(done) = tasks.join_next().await {
            if let Ok((index, row)) = done {
                rows[index] = Some(row);
            }
        }
        rows.into_iter().flatten().collect()
    }

    async fn deliver(
        &self,
        dest: Destination,
        msg: &Message,
        audience: &Audience,
        deadline: Instant,
    ) -> Delivery {
        let start = Instant::now();
        let mut row = Delivery {
            recipient: if dest.recipients.is_empty() {
                "-".into()
            } else {
                dest.recipients.join(", ")
            },
            channel: dest.channel().to_owned(),
            destination: dest.shown.clone(),
            outcome: Outcome::Delivered,
            attempts: 0,
            elapsed_ms: 0,
            error_code: None,
            error_message: None,
            reason: None,
        };
        let target = match dest.target {
            Ok(t) => t,
            Err((outcome, reason)) => {
                row.outcome = outcome;
                row.reason = Some(reason);
                return row;
            }
        };
        let done = self.send_target(&target, msg, audience, deadline).await;
        row.attempts = done.attempts;
        row.elapsed_ms = start.elapsed().as_millis() as u64;
        if let Err(f) = done.result {
            row.outcome = Outcome::Failed;
            row.reason = Some(f.message.clone());
            row.error_code = Some(f.code);
            row.error_message = Some(f.message);
        }
        row
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let base = self.opts.retry_base.as_millis() as u64;
        let exp = base.saturating_mul(1 << attempt.min(10)).min(30_000);
        let mut b = [0u8; 8];
        let _ = getrandom::fill(&mut b);
        // Full jitter between half and all of the exponential delay.
        let jitter = u64::from_le_bytes(b) % (exp / 2 + 1);
        Duration::from_millis(exp / 2 + jitter)
    }

    /// Calls `attempt` until it succeeds, fails permanently, runs out of retries or of time.
    async fn retrying<T, F, Fut>(
        &self,
        deadline: Instant,
        robot: Option<&str>,
        mut attempt: F,
    ) -> Attempted<T>
    where
        F: FnMut(Duration) -> Fut,
        Fut: std::future::Future<Output = Result<T, Verdict>>,
    {
        let mut attempts = 0;
        loop {
            let now = Instant::now();
            if now >= deadline {
                let failure = Failure {
                    code: "deadline".into(),
                    message: "the send's deadline passed".into(),
                    retry_after: None,
                };
                return Attempted {
                    result: Err(failure),
                    attempts,
                };
            }
            if let Some(robot) = robot
                && let Err(f) = self.pacer.slot(robot, deadline).await
            {
                return Attempted {
                    result: Err(f),
                    attempts,
                };
            }
            attempts += 1;
            let timeout = self
                .opts
                .timeout
                .min(deadline.saturating_duration_since(Instant::now()));
            let failure = match attempt(timeout).await {
                Ok(t) => {
                    return Attempted {
                        result: Ok(t),
                        attempts,
                    };
                }
                Err(Verdict::Permanent(f)) => {
                    return Attempted {
                        result: Err(f),
                        attempts,
                    };
                }
                Err(Verdict::Delivered) => {
                    let f = Failure {
                        code: "internal".into(),
                        message: "success reported as an error".into(),
                        retry_after: None,
                    };
                    return Attempted {
                        result: Err(f),
                        attempts,
                    };
                }
                Err(Verdict::Retry(f)) => f,
            };
            if attempts > self.opts.retries {
                return Attempted {
                    result: Err(failure),
                    attempts,
                };
            }
            let wait = failure
                .retry_after
                .unwrap_or_else(|| self.backoff(attempts));
            if Instant::now() + wait >= deadline {
                let message = format!(
                    "{} (no time left to retry before the deadline)",
                    failure.message
                );
                return Attempted {
                    result: Err(Failure { message, ..failure }),
                    attempts,
                };
            }
            tokio::time::sleep(wait).await;
        }
    }

    /// One HTTP exchange judged by `judge`.
    async fn exchange(
        &self,
        req: &HttpRequest,
        timeout: Duration,
        judge: fn(&HttpResponse) -> Verdict,
    ) -> Result<(), Verdict> {
        delivered(judge(&self.http.send(req, timeout).await?))
    }

    async fn send_target(
        &self,
        target: &Target,
        msg: &Message,
        audience: &Audience,
        deadline: Instant,
    ) -> Attempted<()> {
        let robot = target.robot();
        match target {
            Target::DingtalkBot {
                webhook,
                keyword,
                secret,
            } => {
                let uuid = new_uuid();
                self.retrying(deadline, robot, |t| {
                    // A fresh timestamp and signature per attempt; the msgUuid stays.
                    let req = dingtalk_bot::request(
                        webhook,
                        keyword,
                        secret.as_deref(),
                        msg,
                        now_ms(),
                        &uuid,
                    );
                    async move { self.exchange(&req, t, dingtalk_bot::judge).await }
                })
                .await
            }
            Target::WecomBot { webhook } => match wecom_bot::request(webhook, msg) {
                Ok(req) => {
                    self.retrying(deadline, robot, |t| {
                        self.exchange(&req, t, wecom_bot::judge)
                    })
                    .await
                }
                Err(e) => refused("too_long", e),
            },
            Target::Webhook { url, method, key } => {
                let id = new_uuid();
                let body = webhook::body(msg, audience, &id, now_ms(), *method);
                let req = webhook::request(url, *method, key, body, &id);
                self.retrying(deadline, None, |t| self.exchange(&req, t, webhook::judge))
                    .await
            }
            Target::Dingtalk {
                app,
                mobile,
                userid,
            } => {
                self.send_dingtalk(
                    app,
                    mobile.as_deref(),
                    userid.as_deref(),
                    &msg.chat_text(),
                    deadline,
                )
                .await
            }
            Target::Feishu { app, mobile, email } => {
                self.send_feishu(
                    app,
                    mobile.as_deref(),
                    email.as_deref(),
                    &msg.chat_text(),
                    deadline,
                )
                .await
            }
            Target::Email { smtp, to } => {
                let id = new_uuid();
                let mail = match email::build(&smtp.from, to, msg, &id) {
                    Ok(m) => m,
                    Err(e) => return refused("invalid", e),
                };
                self.retrying(deadline, None, |t| send_mail(smtp, mail.clone(), t))
                    .await
            }
            Target::Sms {
                vendor,
                mobile,
                code,
            } => {
                let (params, is_code) = sms_params(vendor, code.as_deref(), msg);
                self.send_sms(vendor, mobile, &params, &msg.body(), is_code, deadline)
                    .await
            }
        }
    }

    /// Sends a text message; `code` selects the verification template (parameter `code`).
    pub async fn send_sms(
        &self,
        vendor: &SmsVendor,
        mobile: &str,
        params: &serde_json::Value,
        text: &str,
        code: bool,
        deadline: Instant,
    ) -> Attempted<()> {
        match vendor {
            SmsVendor::Aliyun {
                api_base,
                key_id,
                key_secret,
                region,
                sign_name,
                template,
                verify_template,
            } => {
                let template = if code {
                    verify_template.clone().unwrap_or_else(|| template.clone())
                } else {
                    template.clone()
                };
                let cfg = sms::Aliyun {
                    api_base,
                    access_key_id: key_id,
                    access_key_secret: key_secret,
                    region,
                    sign_name,
                };
                self.retrying(deadline, None, |t| {
                    // Each attempt is a new signed request (fresh nonce and timestamp).
                    let req = sms::aliyun_request(
                        &cfg,
                        &template,
                        params,
                        mobile,
                        &new_uuid(),
                        &utc_timestamp(now_ms() / 1000),
                    );
                    async move { self.exchange(&req, t, sms::judge_aliyun).await }
                })
                .await
            }
            SmsVendor::Twilio {
                api_base,
                sid,
                token,
                from,
            } => {
                let req = sms::twilio_request(api_base, sid, token, from, mobile, text);
                self.retrying(deadline, None, |t| {
                    self.exchange(&req, t, sms::judge_twilio)
                })
                .await
            }
        }
    }

    async fn token(&self, app: &App, deadline: Instant) -> Result<String, Failure> {
        self.tokens
            .get(app, || async {
                let done = self
                    .retrying(deadline, None, |t| async move {
                        let req = match app.provider {
                            ProviderName::Dingtalk => {
                                dingtalk::token_request(&app.api_base, &app.id, &app.secret)
                            }
                            _ => feishu::token_request(&app.api_base, &app.id, &app.secret),
                        };
                        let resp = self.http.send(&req, t).await?;
                        match app.provider {
                            ProviderName::Dingtalk => dingtalk::parse_token(&resp),
                            _ => feishu::parse_token(&resp),
                        }
                    })
                    .await;
                done.result.map_err(|f| Failure {
                    message: format!("cannot get an access token: {}", f.message),
                    ..f
                })
            })
            .await
    }

    /// One step against an app's API: `build` makes the request with the current access token and `read`
    /// judges the answer. A token the vendor no longer accepts is dropped and fetched again, once.
    async fn with_token<T>(
        &self,
        app: &App,
        deadline: Instant,
        build: impl Fn(&str) -> HttpRequest,
        read: fn(&HttpResponse) -> Result<T, Verdict>,
    ) -> Attempted<T> {
        let token_invalid = match app.provider {
            ProviderName::Dingtalk => dingtalk::TOKEN_INVALID,
            _ => feishu::TOKEN_INVALID,
        };
        let mut refreshed = false;
        loop {
            let token = match self.token(app, deadline).await {
                Ok(t) => t,
                Err(f) => return Attempted::failed(f),
            };
            let req = build(&token);
            let done = self
                .retrying(deadline, None, |t| {
                    let req = &req;
                    async move { read(&self.http.send(req, t).await?) }
                })
                .await;
            match &done.result {
                Err(f) if !refreshed && token_invalid.contains(&f.code.as_str()) => {
                    self.tokens.invalidate(app).await;
                    refreshed = true;
                }
                _ => return done,
            }
        }
    }

    /// Finds a DingTalk userid by mobile (Standard Edition).
    pub async fn dingtalk_userid(
        &self,
        app: &App,
        mobile: &str,
        deadline: Instant,
    ) -> Result<String, Failure> {
        let wire = mainland_bare(mobile);
        self.with_token(
            app,
            deadline,
            |token| dingtalk::userid_request(&app.api_base, token, wire),
            dingtalk::parse_userid,
        )
        .await
        .result
    }

    /// Sends a DingTalk work notice to a userid, or to the user a mobile belongs to. `attempts` counts
    /// the notice itself, not the lookup.
    pub async fn send_dingtalk(
        &self,
        app: &App,
        mobile: Option<&str>,
        userid: Option<&str>,
        text: &str,
        deadline: Instant,
    ) -> Attempted<()> {
        let userid = match (userid, mobile) {
            (Some(u), _) => u.to_owned(),
            (None, Some(m)) => match self.dingtalk_userid(app, m, deadline).await {
                Ok(u) => u,
                Err(f) => return Attempted::failed(f),
            },
            (None, None) => return refused("invalid", "no mobile or employee ID".into()),
        };
        let build =
            |token: &str| dingtalk::send_request(&app.api_base, token, app.agent_id, &userid, text);
        self.with_token(app, deadline, build, |resp| {
            delivered(dingtalk::judge(resp))
        })
        .await
    }

    /// Finds a Feishu/Lark open_id by mobile or email.
    pub async fn feishu_open_id(
        &self,
        app: &App,
        mobile: Option<&str>,
        email: Option<&str>,
        deadline: Instant,
    ) -> Result<String, Failure> {
        let wire = mobile.map(mainland_bare);
        let build = |token: &str| feishu::lookup_request(&app.api_base, token, wire, email);
        self.with_token(app, deadline, build, feishu::parse_lookup)
            .await
            .result
    }

    /// Sends a Feishu/Lark text message; with an email the message goes straight to it. The `uuid`
    /// stays the same across retries and token refreshes.
    pub async fn send_feishu(
        &self,
        app: &App,
        mobile: Option<&str>,
        email: Option<&str>,
        text: &str,
        deadline: Instant,
    ) -> Attempted<()> {
        let (id_type, id) = match (email, mobile) {
            (Some(e), _) => ("email", e.to_owned()),
            (None, Some(_)) => match self.feishu_open_id(app, mobile, None, deadline).await {
                Ok(id) => ("open_id", id),
                Err(f) => return Attempted::failed(f),
            },
            (None, None) => return refused("invalid", "no mobile or email".into()),
        };
        let uuid = new_uuid();
        let build =
            |token: &str| feishu::send_request(&app.api_base, token, id_type, &id, text, &uuid);
        self.with_token(app, deadline, build, |resp| delivered(feishu::judge(resp)))
            .await
    }
}

/// A verdict as a step result: success, or the verdict to act on.
fn delivered(verdict: Verdict) -> Result<(), Verdict> {
    match verdict {
        Verdict::Delivered => Ok(()),
        other => Err(other),
    }
}

/// Alibaba template parameters: `{"code"}` for a code when a verification template is configured,
/// else `{"content"}` with the whole text. The flag says whether the verification template applies.
fn sms_params(vendor: &SmsVendor, code: Option<&str>, msg: &Message) -> (serde_json::Value, bool) {
    match (vendor, code) {
        (
            SmsVendor::Aliyun {
                verify_template: Some(_),
                ..
            },
            Some(code),
        ) => (serde_json::json!({"code": code}), true),
        _ => (serde_json::json!({"content": msg.body()}), false),
    }
}

fn refused<T>(code: &str, message: String) -> Attempted<T> {
    Attempted::failed(Failure {
        code: code.into(),
        message,
        retry_after: None,
    })
}

/// Every request a destination would send, for `--dry-run`: signed, secrets masked, nothing opened.
pub fn dry_run(
    dest: &Destination,
    msg: &Message,
    audience: &Audience,
) -> Result<Vec<String>, String> {
    let target = match &dest.target {
        Ok(t) => t,
        Err((_, reason)) => return Err(reason.clone()),
    };
    // No token is fetched in a dry run: requests that would carry one show it masked.
    const TOKEN: &str = "****";
    let masked = |req: HttpRequest| req.render_masked();
    Ok(match target {
        Target::DingtalkBot {
            webhook,
            keyword,
            secret,
        } => {
            vec![
                dingtalk_bot::request(
                    webhook,
                    keyword,
                    secret.as_deref(),
                    msg,
                    now_ms(),
                    &new_uuid(),
                )
                .render_masked(),
            ]
        }
        Target::WecomBot { webhook } => vec![wecom_bot::request(webhook, msg)?.render_masked()],
        Target::Webhook { url, method, key } => {
            let id = new_uuid();
            let body = webhook::body(msg, audience, &id, now_ms(), *method);
            vec![webhook::request(url, *method, key, body, &id).render_masked()]
        }
        Target::Dingtalk {
            app,
            mobile,
            userid,
        } => {
            let mut out =
                vec![dingtalk::token_request(&app.api_base, &app.id, &app.secret).render_masked()];
            if let Some(m) = mobile {
                out.push(masked(dingtalk::userid_request(
                    &app.api_base,
                    TOKEN,
                    mainland_bare(m),
                )));
            }
            let uid = userid
                .clone()
                .unwrap_or_else(|| "<userid from getbymobile>".into());
            out.push(masked(dingtalk::send_request(
                &app.api_base,
                TOKEN,
                app.agent_id,
                &uid,
                &msg.chat_text(),
            )));
            out
        }
        Target::Feishu { app, mobile, email } => {
            let mut out =
                vec![feishu::token_request(&app.api_base, &app.id, &app.secret).render_masked()];
            let (id_type, id) = match email {
                Some(e) => ("email", e.clone()),
                None => {
                    out.push(masked(feishu::lookup_request(
                        &app.api_base,
                        TOKEN,
                        mobile.as_deref().map(mainland_bare),
                        None,
                    )));
                    ("open_id", "<open_id from batch_get_id>".to_owned())
                }
            };
            out.push(masked(feishu::send_request(
                &app.api_base,
                TOKEN,
                id_type,
                &id,
                &msg.chat_text(),
                &new_uuid(),
            )));
            out
        }
        Target::Email { smtp, to } => {
            let mail = email::build(&smtp.from, to, msg, &new_uuid())?;
            let auth = smtp
                .username
                .as_deref()
                .map(|u| format!(" as {u} (password ****)"))
                .unwrap_or_default();
            vec![format!(
                "SMTP {}:{} ({}){auth}\nMAIL FROM: {}\nRCPT TO: {to}\n\n{}\n",
                smtp.host,
                smtp.port,
                smtp.security,
                smtp.from,
                String::from_utf8_lossy(&mail.formatted()).trim_end()
            )]
        }
        Target::Sms {
            vendor,
            mobile,
            code,
        } => {
            let req = match vendor {
                SmsVendor::Aliyun {
                    api_base,
                    key_id,
                    key_secret,
                    region,
                    sign_name,
                    template,
                    verify_template,
                } => {
                    let cfg = sms::Aliyun {
                        api_base,
                        access_key_id: key_id,
                        access_key_secret: key_secret,
                        region,
                        sign_name,
                    };
                    let (params, is_code) = sms_params(vendor, code.as_deref(), msg);
                    let template = if is_code {
                        verify_template.as_deref().unwrap_or(template)
                    } else {
                        template
                    };
                    sms::aliyun_request(
                        &cfg,
                        template,
                        &params,
                        mobile,
                        &new_uuid(),
                        &utc_timestamp(now_ms() / 1000),
                    )
                }
                SmsVendor::Twilio {
                    api_base,
                    sid,
                    token,
                    from,
                } => sms::twilio_request(api_base, sid, token, from, mobile, &msg.body()),
            };
            vec![req.render_masked()]
        }
    })
}
