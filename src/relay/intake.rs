//! The relay's HTTP answers: `POST /v1/events` queues an event (202 only once it is committed),
//! `POST /v1/events/batch` up to 1,000 in one transaction, `POST /v1/alertmanager` Alertmanager's webhook, `POST /v1/dms` a DMS hook, `GET /healthz` counts the queue, `GET /metrics` the rest. Every
//! answer is JSON and names no secret.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bytes::Bytes;
use hyper::header::{self, HeaderValue};
use hyper::http::request::Parts;
use hyper::{Method, Request, Response, StatusCode};
use serde_json::{Value, json};
use tokio::sync::Notify;

use crate::channels::webhook::{EVENT_HEADER, EVENT_HEADER_VALUE};
use crate::clock::Clock;
use crate::delivery::fresh_id;
use crate::log::queue::{Inserted, NewEvent, Queue};
use crate::log::time::format_rfc3339;
use crate::rules;
use crate::server::{Handler, Refusal};
use crate::store::Store;

use super::committer::Committer;
use super::event::{Checked, EventBody};
use super::metrics::Metrics;
use super::stores::Stores;
use super::{Line, Report};
use super::{alertmanager, dms};

/// An event as it came in: a client's body (only the documented fields), or one notify built from a
/// DMS hook or an Alertmanager notification (which may carry `recipients`).
enum Incoming<'a> {
    Posted(&'a [u8]),
    Built(EventBody),
}

/// The most events one batch may carry.
const MAX_BATCH: usize = 1000;

/// How long a client is asked to wait before it tries a stopping serve again.
const RETRY_AFTER_SECS: &str = "5";

/// The handler the server calls.
pub struct Intake {
    pub queue: Arc<dyn Queue>,
    /// Commits single events in groups (a 202 still waits for its commit).
    pub committer: Committer,
    pub stores: Arc<Stores>,
    /// Bearer tokens and signature keys (none: no auth).
    pub auth: super::auth::IntakeAuth,
    pub clock: Clock,
    pub stopping: Arc<AtomicBool>,
    /// Told when an event was queued, so that an idle worker looks at once.
    pub wake: Arc<Notify>,
    pub report: Report,
    pub metrics: Arc<Metrics>,
    /// Acks and their signed links.
    pub links: Arc<super::ack::Links>,
}

/// A JSON answer.
fn answer(status: StatusCode, body: &Value) -> Response<Bytes> {
    let mut response = Response::new(Bytes::from(format!("{body}\n")));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn error(status: StatusCode, text: impl Into<String>) -> Response<Bytes> {
    answer(status, &json!({ "error": text.into() }))
}

impl Intake {
    fn now_ms(&self) -> i64 {
        i64::try_from(self.clock.now_ms()).unwrap_or(i64::MAX)
    }

    fn stopping(&self) -> Response<Bytes> {
        let mut response = error(
            StatusCode::SERVICE_UNAVAILABLE,
            "stopping: not taking events; try again shortly",
        );
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from_static(RETRY_AFTER_SECS),
        );
        response
    }

    async fn health(&self) -> Response<Bytes> {
        let queue = Arc::clone(&self.queue);
        let now = self.now_ms();
        let counts = tokio::task::spawn_blocking(move || queue.counts(now)).await;
        let stopping = self.stopping.load(Ordering::SeqCst);
        match counts {
            Ok(Ok(counts)) => {
                let (status, text) = match stopping {
                    true => (StatusCode::SERVICE_UNAVAILABLE, "stopping"),
                    false => (StatusCode::OK, "ok"),
                };
                answer(status, &json!({ "status": text, "queue": counts }))
            }
            _ => error(StatusCode::SERVICE_UNAVAILABLE, "the queue cannot be read"),
        }
    }

    /// What every intake checks first: the token or signature, the stop, the content type.
    fn gate(&self, request: &Request<Bytes>) -> Option<Response<Bytes>> {
        let refused = self
            .auth
            .refuse(request.headers(), request.body(), self.now_ms());
        if refused.is_some() {
            return refused;
        }
        if self.stopping.load(Ordering::SeqCst) {
            return Some(self.stopping());
        }
        let json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
        let text = "send the event as JSON (Content-Type: application/json)";
        (!json).then(|| error(StatusCode::UNSUPPORTED_MEDIA_TYPE, text))
    }

    /// One event's fields checked, and its event known to the store; else the status and answer.
    fn check(
        &self,
        incoming: Incoming<'_>,
        store: &Store,
        now: i64,
    ) -> Result<Checked, (StatusCode, Value)> {
        let checked = match incoming {
            Incoming::Posted(bytes) => EventBody::parse(bytes, now, || fresh_id().ok()),
            Incoming::Built(body) => body.checked(now, || fresh_id().ok()),
        };
        let checked = checked.map_err(|m| {
            let body = json!({ "error": m.reason, "field": m.field });
            (StatusCode::BAD_REQUEST, body)
        })?;
        if !rules::exists(store, &checked.body.event) {
            let events = rules::events(store);
            let ids = events.iter().map(|e| e.id.as_str());
            let nearest = rules::matching::nearest(&checked.body.event, ids, 3);
            let body = json!({
                "error": format!("no event `{}`", checked.body.event),
                "nearest": nearest,
            });
            return Err((StatusCode::UNPROCESSABLE_ENTITY, body));
        }
        Ok(checked)
    }

    fn store(&self) -> Arc<Store> {
        self.stores.reported(&self.metrics, &self.report)
    }

    async fn metrics(&self) -> Response<Bytes> {
        let queue = Arc::clone(&self.queue);
        let now = self.now_ms();
        let counts = tokio::task::spawn_blocking(move || queue.counts(now)).await;
        let Ok(Ok(counts)) = counts else {
            return error(StatusCode::SERVICE_UNAVAILABLE, "the queue cannot be read");
        };
        let mut response = Response::new(Bytes::from(self.metrics.render(&counts)));
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        );
        response
    }

    /// Commits the events to the queue (one transaction) before anything is answered.
    async fn insert(&self, events: Vec<NewEvent>, now: i64) -> Option<Vec<Inserted>> {
        let queue = Arc::clone(&self.queue);
        match tokio::task::spawn_blocking(move || queue.insert_many(&events, now)).await {
            Ok(Ok(inserted)) => {
                if inserted.iter().any(|i| matches!(i, Inserted::New { .. })) {
                    self.wake.notify_one();
                }
                Some(inserted)
            }
            Ok(Err(e)) => {
                (self.report)(Line::QueueFailed(e));
                None
            }
            Err(_) => None,
        }
    }

    async fn event(&self, request: Request<Bytes>) -> (Response<Bytes>, Option<String>) {
        if let Some(refused) = self.gate(&request) {
            return (refused, None);
        }
        self.queue_one(Incoming::Posted(request.body())).await
    }

    /// One event's body checked and committed; the answer and the event id.
    async fn queue_one(&self, incoming: Incoming<'_>) -> (Response<Bytes>, Option<String>) {
        let now = self.now_ms();
        let checked = match self.check(incoming, &self.store(), now) {
            Ok(checked) => checked,
            Err((status, body)) => return (answer(status, &body), None),
        };
        let id = checked.id.to_string();
        let new = NewEvent {
            id: id.clone(),
            body: serde_json::to_string(&checked.body).unwrap_or_default(),
            due_ms: checked.due_ms,
        };
        let response = match self.committer.commit(new, now).await {
            Some(Inserted::New { due_ms }) => {
                let body = json!({ "id": id, "status": "queued", "due": format_rfc3339(due_ms) });
                answer(StatusCode::ACCEPTED, &body)
            }
            Some(Inserted::Duplicate) => {
                answer(StatusCode::OK, &json!({ "id": id, "status": "duplicate" }))
            }
            None => unqueued(),
        };
        (response, Some(id))
    }

    /// Alertmanager's webhook: one event per notification; its custom event must exist.
    async fn alertmanager(&self, request: Request<Bytes>) -> (Response<Bytes>, Option<String>) {
        if let Some(refused) = self.gate(&request) {
            return (refused, None);
        }
        let body = match alertmanager::event(request.body()) {
            Ok(body) => body,
            Err(m) => {
                let body = json!({ "error": m.reason, "field": m.field });
                return (answer(StatusCode::BAD_REQUEST, &body), None);
            }
        };
        if !rules::exists(&self.store(), &body.event) {
            let text = format!(
                "no event `{0}`; create it with: notify rule add {0} --default-role none",
                body.event
            );
            let command = format!("notify rule add {} --default-role none", body.event);
            let answer = answer(
                StatusCode::UNPROCESSABLE_ENTITY,
                &json!({ "error": text, "command": command }),
            );
            return (answer, body.id);
        }
        self.queue_one(Incoming::Built(body)).await
    }

    /// A DMS message hook (`DMS-Event: Message Hook`): one event, its target users additional recipients.
    async fn dms(&self, request: Request<Bytes>) -> (Response<Bytes>, Option<String>) {
        if let Some(refused) = self.gate(&request) {
            return (refused, None);
        }
        let header = request
            .headers()
            .get(EVENT_HEADER)
            .and_then(|v| v.to_str().ok());
        if !dms::is_hook(header) {
            let body = json!({
                "error": format!("send the header `{EVENT_HEADER}: {EVENT_HEADER_VALUE}` with a DMS message hook"),
                "field": EVENT_HEADER,
            });
            return (answer(StatusCode::BAD_REQUEST, &body), None);
        }
        match dms::event(request.body()) {
            Ok(body) => self.queue_one(Incoming::Built(body)).await,
            Err(m) => {
                let body = json!({ "error": m.reason, "field": m.field });
                (answer(StatusCode::BAD_REQUEST, &body), None)
            }
        }
    }

    /// `{"events": [...]}`: each event checked on its own, the good ones committed together.
    async fn batch(&self, request: Request<Bytes>) -> Response<Bytes> {
        if let Some(refused) = self.gate(&request) {
            return refused;
        }
        let items = match serde_json::from_slice::<Value>(request.body()) {
            Ok(Value::Object(mut doc)) => match doc.remove("events") {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        if items.is_empty() {
            let body = json!({ "error": "send {\"events\": [...]} with at least one event", "field": "events" });
            return answer(StatusCode::BAD_REQUEST, &body);
        }
        if items.len() > MAX_BATCH {
            let text = format!(
                "{} events: at most {MAX_BATCH} in one batch; nothing was queued",
                items.len()
            );
            return error(StatusCode::PAYLOAD_TOO_LARGE, text);
        }
        let (store, now) = (self.store(), self.now_ms());
        let checked: Vec<Result<Checked, Value>> = items
            .iter()
            .map(|item| {
                let bytes = serde_json::to_vec(item).unwrap_or_default();
                self.check(Incoming::Posted(&bytes), &store, now)
                    .map_err(|(_, body)| body)
            })
            .collect();
        let new: Vec<NewEvent> = checked
            .iter()
            .flatten()
            .map(|c| NewEvent {
                id: c.id.to_string(),
                body: serde_json::to_string(&c.body).unwrap_or_default(),
                due_ms: c.due_ms,
            })
            .collect();
        let Some(inserted) = self.insert(new, now).await else {
            return unqueued();
        };
        let mut inserted = inserted.into_iter();
        let answers: Vec<Value> = checked
            .into_iter()
            // Only a checked event was inserted: an error's place takes no insert answer.
            .map(|c| match c {
                Err(body) => body,
                Ok(c) => match inserted.next() {
                    Some(Inserted::New { due_ms }) => {
                        json!({ "id": c.id.as_str(), "status": "queued", "due": format_rfc3339(due_ms) })
                    }
                    _ => json!({ "id": c.id.as_str(), "status": "duplicate" }),
                },
            })
            .collect();
        answer(StatusCode::OK, &json!({ "events": answers }))
    }
}

impl Intake {
    /// `POST /v1/ack/<id>` behind the bearer token, `GET` behind the link's signature.
    async fn ack(&self, request: Request<Bytes>) -> (Response<Bytes>, Option<String>) {
        let path = request.uri().path();
        let id = path.strip_prefix("/v1/ack/").unwrap_or_default().to_owned();
        let response = match *request.method() {
            Method::GET => self.links.get(&id, request.uri().query()).await,
            Method::POST => match self.gate(&request) {
                Some(refused) if refused.status() != StatusCode::UNSUPPORTED_MEDIA_TYPE => refused,
                _ => self.links.post(&id, request.body()).await,
            },
            _ => not_allowed(),
        };
        (response, Some(id))
    }
}

fn unqueued() -> Response<Bytes> {
    error(
        StatusCode::SERVICE_UNAVAILABLE,
        "the event could not be queued; try again",
    )
}

impl Handler for Intake {
    async fn handle(&self, request: Request<Bytes>, _peer: SocketAddr) -> Response<Bytes> {
        let method = request.method().clone();
        let path = request.uri().path().to_owned();
        let (allowed, (response, id)) = match path.as_str() {
            "/healthz" if method == Method::GET => ("GET", (self.health().await, None)),
            "/healthz" => ("GET", (not_allowed(), None)),
            "/metrics" if method == Method::GET => ("GET", (self.metrics().await, None)),
            "/metrics" => ("GET", (not_allowed(), None)),
            "/v1/events" if method == Method::POST => ("POST", self.event(request).await),
            "/v1/events" => ("POST", (not_allowed(), None)),
            "/v1/events/batch" if method == Method::POST => {
                ("POST", (self.batch(request).await, None))
            }
            "/v1/events/batch" => ("POST", (not_allowed(), None)),
            "/v1/alertmanager" if method == Method::POST => {
                ("POST", self.alertmanager(request).await)
            }
            "/v1/alertmanager" => ("POST", (not_allowed(), None)),
            "/v1/dms" if method == Method::POST => ("POST", self.dms(request).await),
            "/v1/dms" => ("POST", (not_allowed(), None)),
            p if p.starts_with("/v1/ack/") => ("GET, POST", self.ack(request).await),
            _ => ("", (error(StatusCode::NOT_FOUND, "no such endpoint"), None)),
        };
        let mut response = response;
        if response.status() == StatusCode::METHOD_NOT_ALLOWED {
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static(allowed));
        }
        if matches!(
            path.as_str(),
            "/v1/events" | "/v1/events/batch" | "/v1/alertmanager" | "/v1/dms"
        ) {
            self.metrics.event(&path, response.status().as_u16());
        }
        (self.report)(Line::Request {
            method: method.to_string(),
            path,
            status: response.status().as_u16(),
            id,
        });
        response
    }

    fn refused(
        &self,
        _peer: SocketAddr,
        head: Option<&Parts>,
        refusal: &Refusal,
    ) -> Response<Bytes> {
        let mut response = error(refusal.status, refusal.reason.clone());
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        (self.report)(Line::Request {
            method: head.map_or_else(|| "-".into(), |h| h.method.to_string()),
            path: head.map_or_else(|| "-".into(), |h| h.uri.path().to_owned()),
            status: refusal.status.as_u16(),
            id: None,
        });
        response
    }
}

fn not_allowed() -> Response<Bytes> {
    error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed")
}
