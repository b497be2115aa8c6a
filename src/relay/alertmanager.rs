//! Prometheus Alertmanager's webhook (payload version 4) as one event, so Alertmanager can deliver through
//! notify's rules; the id is a hash of the notification, so Alertmanager's own retry is delivered once.

use std::collections::BTreeMap;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::event::{EventBody, Malformed};

/// The most alert lines one message carries before `... and N more`.
const MAX_LINES: usize = 20;

/// The fields of the payload notify reads (Alertmanager sends more; they are ignored).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Payload {
    version: String,
    #[serde(default)]
    group_key: String,
    status: String,
    receiver: String,
    #[serde(default)]
    group_labels: BTreeMap<String, String>,
    #[serde(default, rename = "externalURL")]
    external_url: String,
    #[serde(default)]
    alerts: Vec<Alert>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Alert {
    #[serde(default)]
    status: String,
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    fingerprint: String,
}

/// `Ops team_1` -> `ops-team-1`, `DataChange` -> `data-change`: lower case, a word break before an upper
/// case letter that follows a lower case one or a digit, every run of other characters one `-`.
pub fn kebab(text: &str) -> String {
    let mut out = String::new();
    let mut after_lower = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && after_lower {
                out.push('-');
            }
            after_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            out.push(c.to_ascii_lowercase());
        } else {
            after_lower = false;
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The event a notification makes: `alert.<receiver>.<status>`, the group labels, one line per alert.
pub fn event(bytes: &[u8]) -> Result<EventBody, Malformed> {
    let payload: Payload = serde_json::from_slice(bytes).map_err(|e| Malformed {
        field: "body".into(),
        reason: format!("not an Alertmanager webhook payload: {e}"),
    })?;
    if payload.version != "4" {
        return Err(Malformed {
            field: "version".into(),
            reason: format!(
                "payload version {:?}: only version 4 is read",
                payload.version
            ),
        });
    }
    let (receiver, status) = (kebab(&payload.receiver), kebab(&payload.status));
    for (field, value) in [("receiver", &receiver), ("status", &status)] {
        if value.is_empty() {
            let reason = format!("`{field}` has no letter or digit");
            return Err(Malformed {
                field: field.into(),
                reason,
            });
        }
    }
    let task_name = payload
        .group_labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut lines: Vec<String> = payload
        .alerts
        .iter()
        .take(MAX_LINES)
        .map(|a| {
            let name = a.labels.get("alertname").map_or("alert", String::as_str);
            let text = a
                .annotations
                .get("summary")
                .or_else(|| a.annotations.get("description"))
                .map_or(String::new(), |t| format!(": {t}"));
            format!("[{}] {name}{text}", a.status.to_ascii_uppercase())
        })
        .collect();
    if payload.alerts.len() > MAX_LINES {
        lines.push(format!("... and {} more", payload.alerts.len() - MAX_LINES));
    }
    let mut hash = Sha256::new();
    for part in [&payload.group_key, &payload.receiver, &payload.status] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    for alert in &payload.alerts {
        for part in [&alert.fingerprint, &alert.starts_at, &alert.status] {
            hash.update(part.as_bytes());
            hash.update([0]);
        }
    }
    let digest = hash.finalize();
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    Ok(EventBody {
        event: format!("alert.{receiver}.{status}"),
        id: Some(format!("am-{hex}")),
        task_name: (!task_name.is_empty()).then_some(task_name),
        message: (!lines.is_empty()).then(|| lines.join("\n")),
        link: (!payload.external_url.is_empty()).then_some(payload.external_url),
        ..EventBody::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn payload(alerts: usize) -> Value {
        let alerts: Vec<Value> = (0..alerts)
            .map(|i| {
                json!({
                    "status": "firing",
                    "labels": {"alertname": format!("Disk{i}"), "instance": "db1"},
                    "annotations": {"summary": format!("disk {i} full"), "description": "long"},
                    "startsAt": "2026-12-07T03:00:00Z",
                    "endsAt": "0001-01-01T00:00:00Z",
                    "generatorURL": "http://prom/graph",
                    "fingerprint": format!("f{i}"),
                })
            })
            .collect();
        json!({
            "version": "4",
            "groupKey": "{}:{alertname=\"Disk\"}",
            "truncatedAlerts": 0,
            "status": "firing",
            "receiver": "Ops Team",
            "groupLabels": {"alertname": "Disk", "env": "prod"},
            "commonLabels": {"alertname": "Disk"},
            "commonAnnotations": {},
            "externalURL": "http://am.example:9093",
            "alerts": alerts,
        })
    }

    fn map(value: &Value) -> EventBody {
        event(value.to_string().as_bytes()).unwrap()
    }

    #[test]
    fn a_notification_is_one_event_named_by_receiver_and_status() {
        let body = map(&payload(2));
        assert_eq!(body.event, "alert.ops-team.firing");
        assert_eq!(body.task_name.as_deref(), Some("alertname=Disk, env=prod"));
        assert_eq!(body.link.as_deref(), Some("http://am.example:9093"));
        assert_eq!(
            body.message.as_deref(),
            Some("[FIRING] Disk0: disk 0 full\n[FIRING] Disk1: disk 1 full")
        );
        assert_eq!(body.submitter, None);
        let id = body.id.unwrap();
        assert!(id.starts_with("am-") && id.len() == 35, "{id}");
        assert!(id.parse::<crate::log::DeliveryId>().is_ok());
    }

    #[test]
    fn the_description_stands_in_for_a_missing_summary() {
        let mut p = payload(1);
        p["alerts"][0]["annotations"] = json!({"description": "the disk is full"});
        p["alerts"][0]["status"] = json!("resolved");
        p["status"] = json!("resolved");
        let body = map(&p);
        assert_eq!(body.event, "alert.ops-team.resolved");
        assert_eq!(
            body.message.as_deref(),
            Some("[RESOLVED] Disk0: the disk is full")
        );
    }

    #[test]
    fn more_than_twenty_alerts_are_cut_with_a_count() {
        let body = map(&payload(25));
        let message = body.message.unwrap();
        let lines: Vec<&str> = message.lines().collect();
        assert_eq!(lines.len(), 21);
        assert_eq!(lines[19], "[FIRING] Disk19: disk 19 full");
        assert_eq!(lines[20], "... and 5 more");
    }

    #[test]
    fn a_retry_keeps_the_id_and_a_later_notification_gets_a_new_one() {
        let first = map(&payload(2)).id;
        assert_eq!(map(&payload(2)).id, first, "the same body again");
        let mut later = payload(2);
        later["alerts"][1]["startsAt"] = json!("2026-12-07T03:05:00Z");
        assert_ne!(map(&later).id, first);
        let mut resolved = payload(2);
        resolved["status"] = json!("resolved");
        assert_ne!(map(&resolved).id, first);
    }

    #[test]
    fn another_version_or_a_body_without_receiver_is_refused() {
        let mut p = payload(1);
        p["version"] = json!("3");
        let e = event(p.to_string().as_bytes()).unwrap_err();
        assert_eq!(e.field, "version");
        let e = event(br#"{"version":"4","status":"firing"}"#).unwrap_err();
        assert_eq!(e.field, "body");
        assert!(e.reason.contains("receiver"), "{}", e.reason);
    }

    #[test]
    fn kebab_case_of_receiver_names() {
        assert_eq!(kebab("Ops Team_1"), "ops-team-1");
        assert_eq!(kebab("--x--"), "x");
        assert_eq!(kebab("!!"), "");
        assert_eq!(kebab("DataChange"), "data-change");
        assert_eq!(kebab("HTTP"), "http");
    }
}
