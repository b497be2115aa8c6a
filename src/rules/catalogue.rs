//! The built-in event catalogue as data: every category, module and state, the words that describe
//! them, and the default role each event reaches.

use crate::store::schema::DefaultRole;

/// One category of the catalogue and the modules and states it combines.
#[derive(Debug)]
pub struct Category {
    pub word: &'static str,
    /// The DMS name of the category (a heading in `rule list`).
    pub title: &'static str,
    /// Each module word with the words a description uses for it.
    pub modules: &'static [(&'static str, &'static str)],
    /// What the thing that changes state is called (`ticket`, `run`).
    pub noun: &'static str,
    pub states: &'static [&'static str],
}

const TICKET_STATES: &[&str] = &[
    "pending-approval",
    "approved",
    "rejected",
    "succeeded",
    "failed",
    "closed",
];
const RUN_STATES: &[&str] = &["succeeded", "failed", "sla-timeout"];

pub const CATEGORIES: &[Category] = &[
    Category {
        word: "ticket",
        title: "Tickets",
        modules: &[
            ("permission", "permission"),
            ("data-change", "data change"),
            ("schema-design", "schema design"),
            ("schema-sync", "schema sync"),
            ("data-export", "data export"),
            ("sql-review", "SQL review"),
            ("database-clone", "database clone"),
            ("data-archive", "data archive"),
            ("test-data", "test data"),
            ("data-tracking", "data tracking"),
        ],
        noun: "ticket",
        states: TICKET_STATES,
    },
    Category {
        word: "task-flow",
        title: "Task Orchestration",
        modules: &[("run", "task flow")],
        noun: "run",
        states: RUN_STATES,
    },
    Category {
        word: "data-warehouse",
        title: "Data Warehouse Development",
        modules: &[("run", "data warehouse")],
        noun: "run",
        states: RUN_STATES,
    },
];

/// What happened, in words that follow the subject ("A data change ticket" + this).
fn state_phrase(state: &str) -> Option<&'static str> {
    Some(match state {
        "pending-approval" => "is waiting for approval",
        "approved" => "was approved",
        "rejected" => "was rejected",
        "succeeded" => "succeeded",
        "failed" => "failed",
        "closed" => "was closed",
        "sla-timeout" => "missed its SLA",
        _ => return None,
    })
}

/// Every built-in event id with its description, in catalogue order (category, module, state).
/// Whether `id` is a built-in event id, without formatting the catalogue (intake asks per request).
pub fn is_builtin(id: &str) -> bool {
    let mut parts = id.split('.');
    let (Some(word), Some(module), Some(state), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    CATEGORIES.iter().any(|c| {
        c.word == word && c.modules.iter().any(|(m, _)| *m == module) && c.states.contains(&state)
    })
}

pub fn builtin() -> impl Iterator<Item = (String, String)> {
    CATEGORIES.iter().flat_map(|c| {
        c.modules.iter().flat_map(move |(module, words)| {
            c.states.iter().map(move |state| {
                let subject = format!("{words} {}", c.noun);
                let article = if starts_with_vowel_sound(&subject) {
                    "An"
                } else {
                    "A"
                };
                let what = state_phrase(state).unwrap_or(state);
                (
                    format!("{}.{module}.{state}", c.word),
                    format!("{article} {subject} {what}"),
                )
            })
        })
    })
}

fn starts_with_vowel_sound(words: &str) -> bool {
    words.starts_with("SQL") || words.starts_with(['a', 'e', 'i', 'o', 'u'])
}

/// The built-in description of `id`, if it is a built-in event.
pub fn builtin_description(id: &str) -> Option<String> {
    builtin().find(|(i, _)| i == id).map(|(_, d)| d)
}

/// The role a built-in event always reaches: the approver while approval is pending, else the submitter.
pub fn builtin_default_role(state: &str) -> DefaultRole {
    if state == "pending-approval" {
        DefaultRole::Approver
    } else {
        DefaultRole::Submitter
    }
}

/// The category's DMS name, or the word itself for a category only custom events use.
pub fn category_title(word: &str) -> &str {
    CATEGORIES
        .iter()
        .find(|c| c.word == word)
        .map_or(word, |c| c.title)
}

/// A description for a custom event that was given none: its words as a sentence.
pub fn generic_description(words: [&str; 3]) -> String {
    let text = words.join(" ").replace('-', " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_has_66_distinct_events() {
        let ids: Vec<String> = builtin().map(|(id, _)| id).collect();
        assert_eq!(ids.len(), 66);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 66);
        assert_eq!(
            ids.first().map(String::as_str),
            Some("ticket.permission.pending-approval")
        );
        assert_eq!(
            ids.last().map(String::as_str),
            Some("data-warehouse.run.sla-timeout")
        );
        for id in &ids {
            assert!(id.parse::<crate::store::schema::EventId>().is_ok(), "{id}");
        }
    }

    #[test]
    fn descriptions_are_derived_from_the_words() {
        let d = |id: &str| builtin_description(id).unwrap_or_default();
        assert_eq!(
            d("ticket.data-change.pending-approval"),
            "A data change ticket is waiting for approval"
        );
        assert_eq!(
            d("ticket.sql-review.rejected"),
            "An SQL review ticket was rejected"
        );
        assert_eq!(
            d("ticket.test-data.closed"),
            "A test data ticket was closed"
        );
        assert_eq!(
            d("task-flow.run.sla-timeout"),
            "A task flow run missed its SLA"
        );
        assert_eq!(
            d("data-warehouse.run.succeeded"),
            "A data warehouse run succeeded"
        );
        assert_eq!(builtin_description("ticket.data-change.merged"), None);
        assert_eq!(
            generic_description(["backup", "nightly", "sla-timeout"]),
            "Backup nightly sla timeout"
        );
    }

    #[test]
    fn approval_waits_on_the_approver_and_everything_else_tells_the_submitter() {
        let approver = builtin()
            .filter(|(id, _)| {
                builtin_default_role(id.rsplit('.').next().unwrap_or_default())
                    == DefaultRole::Approver
            })
            .count();
        assert_eq!(approver, 10);
        assert_eq!(builtin_default_role("failed"), DefaultRole::Submitter);
        assert_eq!(category_title("task-flow"), "Task Orchestration");
        assert_eq!(category_title("backup"), "backup");
    }
}
