//! Grouping in the relay: an event of a grouping rule joins its group instead of being sent; the
//! group's own event sends one message for all of them, with `count`, `events` and a built-in
//! grouped text when the rule has no template.

use crate::channels::message::Message;
use crate::rules::RuleView;
use crate::store::{GroupField, Store};
use crate::templates::Vars;

use super::event::EventBody;

/// How many grouped events the built-in text lists before `and N more`.
const LISTED: usize = 10;

/// The group key of an event: its values of the rule's fields, in the rule's order.
pub fn key(view: &RuleView, body: &EventBody) -> String {
    let value = |f: &GroupField| match f {
        GroupField::TaskId => body.task_id.clone().unwrap_or_default(),
        GroupField::TaskName => body.task_name.clone().unwrap_or_default(),
        GroupField::Submitter => body.submitter.clone().unwrap_or_default(),
        GroupField::Event => body.event.clone(),
        GroupField::Module => view.event.module().to_owned(),
    };
    let values: Vec<String> = view.rule.group_by.iter().map(value).collect();
    values.join("\u{1f}")
}

/// One grouped event's variables, as a template sees them in `events`.
fn vars_of(store: &Store, view: &RuleView, body: &EventBody) -> Vars {
    let submitter = body.submitter.clone().unwrap_or_default();
    Vars {
        task_id: body.task_id.clone().unwrap_or_default(),
        task_name: body.task_name.clone().unwrap_or_default(),
        submitter_name: store.display_name(&submitter),
        submitter,
        message: body.message.clone().unwrap_or_default(),
        link: body.link.clone().unwrap_or_default(),
        ..view.vars()
    }
}

/// Makes `msg` (composed from the group's first event) stand for every event of the group: `count`
/// and `events` for a template; without one, the built-in grouped text (Markdown: a bold count and
/// the description, then one line per event, which each channel renders in its own format).
pub fn shape(msg: &mut Message, store: &Store, view: &RuleView, bodies: &[EventBody]) {
    let events: Vec<Vars> = bodies.iter().map(|b| vars_of(store, view, b)).collect();
    let count = events.len();
    msg.vars.count = count as u64;
    if msg.template.is_none() && count > 1 {
        let description = &view.event.description;
        let mut text = format!("**{count} events**: {description}\n");
        for e in events.iter().take(LISTED) {
            let mut line = match (e.task_name.as_str(), e.task_id.as_str()) {
                ("", "") => "an event".to_owned(),
                (name, "") => name.to_owned(),
                ("", id) => format!("task {id}"),
                (name, id) => format!("{name} (task {id})"),
            };
            if !e.submitter_name.is_empty() {
                line.push_str(&format!(", submitted by {}", e.submitter_name));
            }
            if !e.message.is_empty() {
                line.push_str(&format!(
                    ": {}",
                    e.message.lines().next().unwrap_or_default()
                ));
            }
            text.push_str(&format!("\n- {line}"));
        }
        if count > LISTED {
            text.push_str(&format!("\n- … and {} more", count - LISTED));
        }
        msg.text = text;
        msg.markdown_text = true;
        msg.subject = format!("[DMS] {count} events: {description}");
        if msg.headline.is_some() {
            msg.headline = Some(format!("{count} events: {description}"));
        }
    }
    msg.vars.events = events;
}

#[cfg(test)]
mod tests {
    use crate::channels::Kind;
    use crate::log::groups::{Groups, Join};
    use crate::store::{Mute, Rule, Store};
    use crate::time::{self, Verdict, Windows};

    fn ms(text: &str) -> i64 {
        text.parse::<jiff::Timestamp>().unwrap().as_millisecond()
    }

    #[test]
    fn a_group_whose_wait_ends_in_a_mute_window_is_deferred_to_the_windows_end() {
        let mut store = Store::default();
        let night = Mute {
            times: vec!["22:00-08:00".parse().unwrap()],
            weekdays: Vec::new(),
            timezone: Some("UTC".into()),
        };
        store.mute.insert("night".into(), night);
        let rule = Rule {
            mute: vec!["night".into()],
            ..Rule::default()
        };
        // The first event comes at 21:59:50 with a 30 s wait: the group is due inside the window.
        let dir = tempfile::tempdir().unwrap();
        let groups = Groups::open(&dir.path().join("log.db")).unwrap();
        let opened = ms("2027-01-15T21:59:50Z");
        let joined = groups.join(Join::of("42", "e-1", opened, 0)).unwrap();
        assert_eq!(joined.due_ms, ms("2027-01-15T22:00:20Z"));
        // The worker plans the group's event at its due time, as any other: the window holds it.
        let mut windows = Windows::new(&store);
        let who = vec!["bob".to_owned()];
        let verdict = time::verdict(
            &mut windows,
            &rule,
            &who,
            Some(Kind::Webhook),
            joined.due_ms,
            &time::Silenced::default(),
        );
        assert_eq!(
            verdict,
            Verdict::Defer {
                until_ms: ms("2027-01-16T08:00:00Z"),
                why: "muted (night)".into()
            }
        );
    }
}
