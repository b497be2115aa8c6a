//! `GET /metrics`: what the relay counted, in Prometheus' text exposition format (version 0.0.4).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::log::queue::Counts;

/// Upper bounds of the delivery duration histogram, in seconds.
const BUCKETS: [f64; 9] = [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

#[derive(Debug, Default)]
struct Counted {
    events: BTreeMap<(String, u16), u64>,
    deliveries: BTreeMap<(String, String), u64>,
    reloads: BTreeMap<&'static str, u64>,
    /// Per bucket of [`BUCKETS`] (not cumulative), then the sum and count of every duration.
    durations: [u64; BUCKETS.len()],
    duration_sum: f64,
    duration_count: u64,
}

/// The relay's counters, shared by intake and workers.
#[derive(Debug, Default)]
pub struct Metrics(Mutex<Counted>);

impl Metrics {
    fn counted(&self) -> std::sync::MutexGuard<'_, Counted> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// An intake request on `endpoint` answered `status`.
    pub fn event(&self, endpoint: &str, status: u16) {
        *self
            .counted()
            .events
            .entry((endpoint.to_owned(), status))
            .or_default() += 1;
    }

    /// A destination's attempt: its channel, what became of it, how long it took.
    pub fn delivery(&self, channel: &str, outcome: &str, took: Duration) {
        let mut c = self.counted();
        *c.deliveries
            .entry((channel.to_owned(), outcome.to_owned()))
            .or_default() += 1;
        let secs = took.as_secs_f64();
        if let Some(i) = BUCKETS.iter().position(|b| secs <= *b) {
            c.durations[i] += 1;
        }
        c.duration_sum += secs;
        c.duration_count += 1;
    }

    /// A store reload that succeeded (`true`) or failed.
    pub fn reload(&self, ok: bool) {
        *self
            .counted()
            .reloads
            .entry(if ok { "ok" } else { "error" })
            .or_default() += 1;
    }

    /// The exposition, with the queue's depth as it is now.
    pub fn render(&self, queue: &Counts) -> String {
        let c = self.counted();
        let mut out = String::new();
        head(
            &mut out,
            "notify_events_received_total",
            "counter",
            "Events received over HTTP, by endpoint and answer status.",
        );
        for ((endpoint, status), n) in &c.events {
            let labels = [
                ("endpoint", endpoint.as_str()),
                ("status", &status.to_string()),
            ];
            sample(&mut out, "notify_events_received_total", &labels, *n as f64);
        }
        head(
            &mut out,
            "notify_deliveries_total",
            "counter",
            "Delivery attempts, by channel and outcome.",
        );
        for ((channel, outcome), n) in &c.deliveries {
            let labels = [("channel", channel.as_str()), ("outcome", outcome.as_str())];
            sample(&mut out, "notify_deliveries_total", &labels, *n as f64);
        }
        head(
            &mut out,
            "notify_queue_depth",
            "gauge",
            "Events waiting (due, scheduled, in_flight) and destinations given up (dead).",
        );
        for (state, n) in [
            ("due", queue.due),
            ("scheduled", queue.scheduled),
            ("in_flight", queue.in_flight),
            ("dead", queue.dead),
        ] {
            sample(
                &mut out,
                "notify_queue_depth",
                &[("state", state)],
                n as f64,
            );
        }
        let name = "notify_delivery_duration_seconds";
        head(
            &mut out,
            name,
            "histogram",
            "How long each delivery attempt took.",
        );
        let mut cumulative = 0;
        for (bound, n) in BUCKETS.iter().zip(c.durations) {
            cumulative += n;
            let le = bound.to_string();
            sample(
                &mut out,
                &format!("{name}_bucket"),
                &[("le", &le)],
                cumulative as f64,
            );
        }
        let count = c.duration_count as f64;
        sample(
            &mut out,
            &format!("{name}_bucket"),
            &[("le", "+Inf")],
            count,
        );
        sample(&mut out, &format!("{name}_sum"), &[], c.duration_sum);
        sample(&mut out, &format!("{name}_count"), &[], count);
        head(
            &mut out,
            "notify_store_reloads_total",
            "counter",
            "Store reloads after a change or SIGHUP, by result.",
        );
        for (result, n) in &c.reloads {
            sample(
                &mut out,
                "notify_store_reloads_total",
                &[("result", result)],
                *n as f64,
            );
        }
        out
    }
}

fn head(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

fn sample(out: &mut String, name: &str, labels: &[(&str, &str)], value: f64) {
    let _ = write!(out, "{name}");
    if !labels.is_empty() {
        let pairs: Vec<String> = labels
            .iter()
            .map(|(k, v)| format!("{k}=\"{}\"", escape(v)))
            .collect();
        let _ = write!(out, "{{{}}}", pairs.join(","));
    }
    let _ = writeln!(out, " {value}");
}

/// A label value as the format quotes it: backslash, double quote and newline escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_histogram_and_depth_render_in_the_text_format() {
        let m = Metrics::default();
        m.event("/v1/events", 202);
        m.event("/v1/events", 202);
        m.delivery("webhook", "delivered", Duration::from_millis(70));
        m.delivery("webhook", "retrying", Duration::from_secs(40));
        m.reload(true);
        let text = m.render(&Counts {
            due: 1,
            ..Counts::default()
        });
        for line in [
            "# TYPE notify_events_received_total counter",
            "notify_events_received_total{endpoint=\"/v1/events\",status=\"202\"} 2",
            "notify_deliveries_total{channel=\"webhook\",outcome=\"delivered\"} 1",
            "notify_queue_depth{state=\"due\"} 1",
            "notify_delivery_duration_seconds_bucket{le=\"0.05\"} 0",
            "notify_delivery_duration_seconds_bucket{le=\"0.1\"} 1",
            "notify_delivery_duration_seconds_bucket{le=\"30\"} 1",
            "notify_delivery_duration_seconds_bucket{le=\"+Inf\"} 2",
            "notify_delivery_duration_seconds_count 2",
            "notify_store_reloads_total{result=\"ok\"} 1",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} missing:\n{text}");
        }
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
