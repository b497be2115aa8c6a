//! The network checks, only towards hosts the store names, all at once and each under a short timeout:
//! each app's access token (one token call through the delivery engine, cached as a send caches it),
//! an SMTP login that quits before MAIL, and a TCP connect plus TLS handshake to each robot and webhook
//! URL (no request is written).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::task::JoinSet;

use super::{Area, Finding, Inputs, Status};
use crate::channels::Kind;
use crate::delivery::{App, Engine, Options, app_credentials, smtp_settings};
use crate::providers::ProviderName;
use crate::store::Store;
use crate::transport::probe::{SmtpProbe, handshake, smtp_login};
use crate::transport::{Net, SmtpSettings, runtime};
use crate::values::{Field, Secret, Value};

const AREA: Area = Area::Network;

/// What the network checks reach, read from the store.
#[derive(Debug, Default)]
pub struct Targets {
    apps: Vec<App>,
    /// The settings and the hint for a refused login.
    smtp: Option<(SmtpSettings, String)>,
    /// Robot and webhook endpoints, once each, with the channels that use them.
    endpoints: BTreeMap<Endpoint, Vec<(String, Kind)>>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Endpoint {
    host: String,
    port: u16,
    tls: bool,
    ca_file: Option<PathBuf>,
}

impl Endpoint {
    fn shown(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}:{}", self.host, self.port)
    }
}

/// Everything the store would make notify reach. Apps and SMTP whose settings cannot be resolved are
/// left out: the provider checks already named what is missing.
pub fn targets(store: &Store) -> Targets {
    let mut targets = Targets::default();
    for name in [
        ProviderName::Dingtalk,
        ProviderName::Feishu,
        ProviderName::Lark,
    ] {
        if store.providers.0.contains_key(&name)
            && let Ok(app) = app_credentials(store, name)
        {
            targets.apps.push(app);
        }
    }
    if let Some(fields) = store.providers.0.get(&ProviderName::Smtp)
        && let Ok(smtp) = smtp_settings(store)
    {
        let hint = match fields.get(&Field::Password) {
            Some(Value::Secret(Secret::Env(var))) => {
                format!("export {var}=... (the password the server accepts)")
            }
            _ => "notify provider set smtp --username USER --password-stdin".to_owned(),
        };
        targets.smtp = Some((smtp, hint));
    }
    for (user, profile) in &store.users {
        for (kind, channel) in profile.channels.0.iter() {
            let field = match kind {
                Kind::DingtalkBot | Kind::WecomBot => Field::Webhook,
                Kind::Webhook => Field::Url,
                _ => continue,
            };
            let Some(url) = channel.text(field).and_then(|u| url::Url::parse(u).ok()) else {
                continue;
            };
            let (Some(host), Some(port)) = (url.host_str(), url.port_or_known_default()) else {
                continue;
            };
            let endpoint = Endpoint {
                host: host
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .to_owned(),
                port,
                tls: url.scheme() == "https",
                ca_file: channel.text(Field::CaFile).map(PathBuf::from),
            };
            targets
                .endpoints
                .entry(endpoint)
                .or_default()
                .push((user.clone(), *kind));
        }
    }
    targets
}

impl Targets {
    /// One `skipped` finding per check `--offline` leaves out.
    pub fn skipped(&self) -> Vec<Finding> {
        let skip = |subject: String, what: &str| {
            Finding::new(
                AREA,
                subject,
                Status::Skipped,
                format!("{what}: skipped (--offline)"),
            )
        };
        let mut out: Vec<Finding> = self
            .apps
            .iter()
            .map(|a| skip(format!("provider {}", a.provider), "access token"))
            .collect();
        if self.smtp.is_some() {
            out.push(skip("provider smtp".into(), "SMTP login"));
        }
        for (endpoint, users) in &self.endpoints {
            out.push(skip(subject(endpoint, users), "connect and TLS handshake"));
        }
        out
    }
}

fn subject(endpoint: &Endpoint, users: &[(String, Kind)]) -> String {
    let users: Vec<String> = users.iter().map(|(u, k)| format!("{u}'s {k}")).collect();
    format!("{} ({})", endpoint.shown(), users.join(", "))
}

/// Runs every network check concurrently; the findings come back in the targets' order.
pub fn check(targets: Targets, inputs: &Inputs) -> anyhow::Result<Vec<Finding>> {
    let timeout = inputs.timeout;
    let opts = Options {
        timeout,
        deadline: timeout,
        retries: 0,
        ..Options::default()
    };
    let rt = runtime()?;
    rt.block_on(async move {
        let net = Arc::new(Net::for_attempts_of(timeout)?);
        let engine = Arc::new(Engine::new(
            opts,
            inputs.clock,
            inputs.cache_dir.clone(),
            net,
        ));
        let mut tasks = JoinSet::new();
        let mut order = 0usize;
        for app in targets.apps {
            let engine = Arc::clone(&engine);
            tasks.spawn(async move { (order, token(&engine, &app).await) });
            order += 1;
        }
        if let Some((smtp, hint)) = targets.smtp {
            tasks.spawn(async move { (order, login(&smtp, &hint, timeout).await) });
            order += 1;
        }
        for (endpoint, users) in targets.endpoints {
            tasks.spawn(async move { (order, reach(&endpoint, &users, timeout).await) });
            order += 1;
        }
        let mut done: Vec<(usize, Finding)> = tasks.join_all().await;
        done.sort_by_key(|(i, _)| *i);
        Ok(done.into_iter().map(|(_, f)| f).collect())
    })
}

async fn token(engine: &Engine, app: &App) -> Finding {
    let subject = format!("provider {}", app.provider);
    match engine.fetch_token(app).await {
        Ok(()) => Finding::ok(AREA, subject, format!("access token from {}", app.api_base)),
        Err(f) if matches!(f.code.as_str(), "connect" | "timeout" | "connection" | "tls" | "deadline") => {
            Finding::problem(AREA, &subject, f.message).hint(format!(
                "check that {} is reachable from here, or fix it: notify provider set {} --api-base URL",
                app.api_base, app.provider
            ))
        }
        Err(f) => Finding::problem(AREA, &subject, format!("the app's credentials were refused: {}", f.message))
            .hint(format!("notify provider set {} --app-secret-stdin", app.provider)),
    }
}

async fn login(smtp: &SmtpSettings, hint: &str, timeout: std::time::Duration) -> Finding {
    let subject = "provider smtp";
    let at = format!("{}:{} ({})", smtp.host, smtp.port, smtp.security);
    match smtp_login(smtp, timeout).await {
        SmtpProbe::Ready { logged_in: true } => Finding::ok(
            AREA,
            subject,
            format!("{at}: connected and logged in; quit without sending"),
        ),
        SmtpProbe::Ready { logged_in: false } => Finding::ok(
            AREA,
            subject,
            format!("{at}: connected (no login configured); quit without sending"),
        ),
        SmtpProbe::LoginRefused(e) => Finding::problem(AREA, subject, e).hint(hint),
        SmtpProbe::Unreachable(e) => Finding::problem(AREA, subject, e)
            .hint("notify provider set smtp --host HOST --port PORT --security tls|starttls|none"),
    }
}

async fn reach(
    endpoint: &Endpoint,
    users: &[(String, Kind)],
    timeout: std::time::Duration,
) -> Finding {
    let subject = subject(endpoint, users);
    let probe = handshake(
        &endpoint.host,
        endpoint.port,
        endpoint.tls,
        endpoint.ca_file.as_deref(),
        timeout,
    )
    .await;
    match probe {
        Ok(()) if endpoint.tls => Finding::ok(AREA, subject, "connected; TLS handshake completed"),
        Ok(()) => Finding::ok(AREA, subject, "connected (plain HTTP)"),
        Err(e) => {
            let fix = users.first().map_or_else(String::new, |(user, kind)| {
                format!("notify channel set {kind} --user {user}")
            });
            let hint = if e.contains("certificate") {
                format!("trust its CA: {fix} --ca-file PEM (or set NOTIFY_CA_FILE)")
            } else {
                format!("check the URL: {fix}")
            };
            Finding::problem(AREA, subject, e).hint(hint)
        }
    }
}
