//! Notification rules: the event catalogue (built-in and custom), each event's rule, the edits the
//! `rule` commands make, and who an emitted event reaches.
//!
//! The store keeps only what differs from a rule's default (`[rules."<id>"]`) and the custom events
//! (`[events."<id>"]`); everything else is derived here from the catalogue.

pub mod catalogue;
mod content;
pub mod edit;
pub mod fallback;
pub mod matching;
mod plan;
pub mod recipients;

use std::sync::LazyLock;

use crate::error::Error;
use crate::store::Store;
use crate::store::schema::{CustomEvent, DefaultRole, EventId, Rule};
use crate::templates::Vars;

pub use content::{EventText, content};
pub use plan::{plan, roles_by_row};
pub use recipients::{EVENT_ROLES, EventRoles, Recipient, by_roles, resolve};

/// One event of the catalogue, as a person sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDef {
    pub id: EventId,
    pub description: String,
    pub default_role: DefaultRole,
    pub custom: bool,
}

impl EventDef {
    pub fn category(&self) -> &str {
        self.id.words()[0]
    }
    pub fn module(&self) -> &str {
        self.id.words()[1]
    }
    pub fn state(&self) -> &str {
        self.id.words()[2]
    }
}

/// An event together with its rule as it is in effect.
#[derive(Debug, Clone)]
pub struct RuleView {
    pub event: EventDef,
    pub rule: Rule,
}

impl RuleView {
    /// The template variables the event fills by itself (`event`, `category`, `module`, `state`,
    /// `description`); the emit's flags and each destination fill the rest.
    pub fn vars(&self) -> Vars {
        Vars {
            event: self.event.id.to_string(),
            category: self.event.category().to_owned(),
            module: self.event.module().to_owned(),
            state: self.event.state().to_owned(),
            description: self.event.description.clone(),
            ..Vars::default()
        }
    }
}

/// The built-in events, made once: every planned event looks its own up.
fn builtin_defs() -> &'static [EventDef] {
    static BUILTIN: LazyLock<Vec<EventDef>> = LazyLock::new(|| make_builtin_defs().collect());
    &BUILTIN
}

fn make_builtin_defs() -> impl Iterator<Item = EventDef> {
    catalogue::builtin().filter_map(|(id, description)| {
        let id: EventId = id.parse().ok()?;
        let default_role = catalogue::builtin_default_role(id.words()[2]);
        Some(EventDef {
            id,
            description,
            default_role,
            custom: false,
        })
    })
}

pub fn is_builtin(id: &str) -> bool {
    catalogue::builtin().any(|(i, _)| i == id)
}

/// Every event: the built-ins in catalogue order, then the custom ones by id.
pub fn events(store: &Store) -> Vec<EventDef> {
    let mut out: Vec<EventDef> = builtin_defs().to_vec();
    out.extend(store.events.iter().map(|(id, e)| custom_def(id, e)));
    out
}

fn custom_def(id: &EventId, e: &CustomEvent) -> EventDef {
    EventDef {
        id: id.clone(),
        description: e
            .description
            .clone()
            .unwrap_or_else(|| catalogue::generic_description(id.words())),
        default_role: e.default_role,
        custom: true,
    }
}

/// Every event with its rule in effect.
pub fn views(store: &Store) -> Vec<RuleView> {
    events(store)
        .into_iter()
        .map(|event| RuleView {
            rule: store.rules.get(&event.id).cloned().unwrap_or_default(),
            event,
        })
        .collect()
}

/// Rules in the store whose event is neither built in nor custom (a hand edit, or a removed event).
pub fn orphans(store: &Store) -> Vec<&EventId> {
    let known = events(store);
    store
        .rules
        .keys()
        .filter(|id| !known.iter().any(|e| &e.id == *id))
        .collect()
}

/// Looks an event up by its exact id; an unknown id is a usage error naming the nearest ids.
pub fn find(store: &Store, id: &str) -> Result<RuleView, Error> {
    // As `views` orders them: a built-in event first, then a custom one.
    let builtin = builtin_defs().iter().find(|e| e.id.as_str() == id).cloned();
    let event = match builtin {
        Some(event) => event,
        None => id
            .parse::<EventId>()
            .ok()
            .and_then(|id| Some(custom_def(&id, store.events.get(&id)?)))
            .ok_or_else(|| unknown_event(store, id))?,
    };
    Ok(RuleView {
        rule: store.rules.get(&event.id).cloned().unwrap_or_default(),
        event,
    })
}

/// Whether `id` names an event, built in or custom: `find` without building every rule view.
pub fn exists(store: &Store, id: &str) -> bool {
    catalogue::is_builtin(id)
        || id
            .parse::<EventId>()
            .is_ok_and(|id| store.events.contains_key(&id))
}

/// The error for an id that names no event, with the nearest ids as the hint.
pub fn unknown_event(store: &Store, id: &str) -> Error {
    let all = events(store);
    let near = matching::nearest(id, all.iter().map(|e| e.id.as_str()), 3);
    let err = Error::usage(format!("no event `{id}`"));
    if near.is_empty() {
        err.hint("`notify rule list` shows every event id")
    } else {
        err.hint(format!(
            "did you mean {}? (`notify rule list` shows every event id)",
            near.iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ))
    }
}

/// The events an argument names: a glob over ids (which must match at least one), or one exact id.
pub fn select(store: &Store, pattern: &str) -> Result<Vec<EventId>, Error> {
    if !matching::is_glob(pattern) {
        return Ok(vec![find(store, pattern)?.event.id]);
    }
    let ids: Vec<EventId> = events(store)
        .into_iter()
        .filter(|e| matching::glob_matches(pattern, e.id.as_str()))
        .map(|e| e.id)
        .collect();
    if ids.is_empty() {
        return Err(Error::usage(format!("`{pattern}` matches no event")).hint(
            "`*` stands for any characters, `?` for one; `notify rule list` shows every event id",
        ));
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_fills_its_own_template_variables() {
        let view = find(&Store::default(), "ticket.sql-review.rejected").unwrap();
        let vars = view.vars();
        assert_eq!(
            (
                vars.event.as_str(),
                vars.category.as_str(),
                vars.module.as_str(),
                vars.state.as_str(),
                vars.description.as_str()
            ),
            (
                "ticket.sql-review.rejected",
                "ticket",
                "sql-review",
                "rejected",
                "An SQL review ticket was rejected"
            )
        );
        assert!(vars.task_id.is_empty() && vars.recipient.is_empty() && vars.roles.is_empty());
    }

    #[test]
    fn exists_answers_as_find_does() {
        let mut store = Store::default();
        store.events.insert(
            "deploy.web.failed".parse().unwrap(),
            crate::store::schema::CustomEvent {
                default_role: DefaultRole::None,
                description: None,
            },
        );
        let mut ids: Vec<String> = events(&store)
            .into_iter()
            .map(|e| e.id.to_string())
            .collect();
        assert!(ids.len() > 10);
        let unknown = [
            "",
            "ticket",
            "ticket.sql-review",
            "ticket.sql-review.rejected.again",
            "ticket.sql-review.nonsense",
            "deploy.web.passed",
            "Ticket.sql-review.rejected",
        ];
        ids.extend(unknown.iter().map(|s| s.to_string()));
        for id in &ids {
            assert_eq!(exists(&store, id), find(&store, id).is_ok(), "{id}");
        }
        assert!(unknown.iter().all(|id| !exists(&store, id)));
    }
}
