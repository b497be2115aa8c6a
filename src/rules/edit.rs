//! The changes the `rule` commands make to the store, and the warnings about parts of a rule that
//! cannot be served (a role nobody holds, an unknown user, a channel kind switched off, a stored
//! template that no longer renders, e.g. after a hand edit).
//!
//! Every function checks all of its input before it changes anything, so a refused edit leaves the
//! store as it was.

use super::{EVENT_ROLES, RuleView, catalogue, find, is_builtin, matching, select};
use crate::channels::Kind;
use crate::error::Error;
use crate::store::schema::{CustomEvent, DefaultRole, EventId, Rule};
use crate::store::{GroupField, OnMute, Span, Step, Store};
use crate::templates;

/// A partial update of a rule: `None` keeps that part as it is.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub roles: Option<Vec<String>>,
    pub users: Option<Vec<String>>,
    pub channels: Option<Vec<Kind>>,
    /// `Some(None)` removes the template; `Some(Some(text))` stores one after checking it.
    pub template: Option<Option<String>>,
    /// Mute windows by name (each must be in the store); `Some(vec![])` removes them.
    pub mute: Option<Vec<String>>,
    pub on_mute: Option<OnMute>,
    /// Escalation steps; `Some(vec![])` removes them.
    pub escalate: Option<Vec<Step>>,
    /// Grouping: (fields, wait, repeat interval); empty fields remove it.
    pub grouping: Option<(Vec<GroupField>, Option<Span>, Option<Span>)>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.roles.is_none()
            && self.users.is_none()
            && self.channels.is_none()
            && self.template.is_none()
            && self.mute.is_none()
            && self.on_mute.is_none()
            && self.escalate.is_none()
            && self.grouping.is_none()
    }
}

/// Writes `rule` for `id`, leaving the store's table out when it is the default.
fn put(store: &mut Store, id: &EventId, rule: Rule) {
    if rule.is_default() {
        store.rules.remove(id);
    } else {
        store.rules.insert(id.clone(), rule);
    }
}

fn dedup<T: PartialEq + Clone>(items: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for i in items {
        if !out.contains(i) {
            out.push(i.clone());
        }
    }
    out
}

fn check_word(what: &str, word: &str) -> Result<(), Error> {
    if word.is_empty() || word.chars().any(|c| c.is_whitespace() || c == ',') {
        return Err(Error::usage(format!(
            "invalid {what} `{word}`: give one word without spaces or commas"
        )));
    }
    Ok(())
}

/// A template must render against the sample event before it is stored.
fn check_template(source: &str) -> Result<(), Error> {
    if source.trim().is_empty() {
        return Err(Error::usage("the template is empty").hint(
            "give a file with the message template, or --no-template for the built-in text",
        ));
    }
    templates::check(source).map_err(|e| {
        Error::usage(format!("the template is refused at {e}"))
            .hint("fix the template and save it again (`notify rule set --help` lists the variables and filters); nothing was changed")
    })
}

/// Applies a partial update to one rule and returns it.
pub fn set(store: &mut Store, id: &str, change: &Change) -> Result<RuleView, Error> {
    let mut view = find(store, id)?;
    for role in change.roles.iter().flatten() {
        check_word("role", role)?;
    }
    for user in change.users.iter().flatten() {
        check_word("user name", user)?;
    }
    if let Some(Some(source)) = &change.template {
        check_template(source)?;
    }
    for name in change.mute.iter().flatten() {
        crate::time::check_window(store, name)?;
    }
    if let Some(mute) = &change.mute {
        view.rule.mute = dedup(mute);
    }
    for role in change.escalate.iter().flatten().flat_map(|s| &s.roles) {
        check_word("role", role)?;
    }
    if let Some(steps) = &change.escalate {
        let mut steps = dedup(steps);
        steps.sort_by_key(|s| s.after.ms());
        view.rule.escalate = steps;
    }
    if let Some((by, wait, repeat)) = &change.grouping {
        view.rule.group_by = dedup(by);
        let keep = !by.is_empty();
        view.rule.group_wait = wait.clone().filter(|_| keep);
        view.rule.repeat_interval = repeat.clone().filter(|_| keep);
    }
    if let Some(on_mute) = change.on_mute {
        view.rule.on_mute = on_mute;
    }
    if let Some(roles) = &change.roles {
        view.rule.roles = dedup(roles);
    }
    if let Some(users) = &change.users {
        view.rule.users = dedup(users);
    }
    if let Some(channels) = &change.channels {
        view.rule.channels = dedup(channels);
        view.rule.channels.sort();
    }
    if let Some(template) = &change.template {
        view.rule.template = template.clone();
    }
    put(store, &view.event.id, view.rule.clone());
    Ok(view)
}

/// Turns every rule that `patterns` name on or off; all patterns are checked before any change.
pub fn set_enabled(
    store: &mut Store,
    patterns: &[String],
    on: bool,
) -> Result<Vec<Switched>, Error> {
    let mut ids: Vec<EventId> = Vec::new();
    for pattern in patterns {
        for id in select(store, pattern)? {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    let mut out = Vec::new();
    for id in ids {
        let mut view = find(store, id.as_str())?;
        let changed = view.rule.enabled != on;
        view.rule.enabled = on;
        put(store, &id, view.rule.clone());
        out.push(Switched { view, changed });
    }
    Ok(out)
}

/// A rule that `set_enabled` matched, and whether it was the other way before.
#[derive(Debug)]
pub struct Switched {
    pub view: RuleView,
    pub changed: bool,
}

/// Puts a rule back to its default.
pub fn reset(store: &mut Store, id: &str) -> Result<RuleView, Error> {
    let mut view = find(store, id)?;
    store.rules.remove(&view.event.id);
    view.rule = Rule::default();
    Ok(view)
}

/// Adds a custom event (its rule starts at the default).
pub fn add(
    store: &mut Store,
    id: &str,
    default_role: DefaultRole,
    description: Option<&str>,
) -> Result<RuleView, Error> {
    let parsed: EventId = id.parse().map_err(Error::usage)?;
    if is_builtin(id) {
        return Err(Error::usage(format!("`{id}` is a built-in event"))
            .hint(format!("change its rule with `notify rule set {id} ...`; a custom event needs an id of its own")));
    }
    if store.events.contains_key(&parsed) {
        return Err(Error::failure(format!("the custom event `{id}` already exists"))
            .hint(format!("remove it first with `notify rule remove {id}`, or change its rule with `notify rule set`")));
    }
    let description = match description.map(str::trim) {
        Some("") => {
            return Err(Error::usage("the description is empty").hint(
                "give --description with a sentence, or leave it out for one made from the id",
            ));
        }
        Some(text) => {
            crate::profiles::check_text("the description", text).map_err(Error::usage)?;
            Some(text.to_owned())
        }
        None => None,
    };
    store.events.insert(
        parsed.clone(),
        CustomEvent {
            default_role,
            description,
        },
    );
    find(store, id)
}

/// Removes a custom event and its rule.
pub fn remove(store: &mut Store, id: &str) -> Result<RuleView, Error> {
    let view = find(store, id)?;
    if !view.event.custom {
        return Err(Error::usage(format!("`{id}` is a built-in event and cannot be removed"))
            .hint(format!("turn it off with `notify rule disable {id}`, or undo changes with `notify rule reset {id}`")));
    }
    store.events.remove(&view.event.id);
    store.rules.remove(&view.event.id);
    Ok(view)
}

/// What in a rule cannot be served by the store as it is: one sentence each.
pub fn problems(store: &Store, view: &RuleView) -> Vec<String> {
    let mut out = Vec::new();
    let held: Vec<&str> = store
        .users
        .values()
        .flat_map(|u| u.roles.iter().map(String::as_str))
        .collect();
    for (role, step) in view.rule.roles_reached() {
        if EVENT_ROLES.contains(&role) || held.contains(&role) {
            continue;
        }
        let mut line = format!("no user holds the role `{role}`{step}");
        let near = matching::nearest(
            role,
            EVENT_ROLES.iter().copied().chain(held.iter().copied()),
            1,
        );
        if let Some(n) = near.first() {
            line.push_str(&format!(": did you mean `{n}`?"));
        } else {
            line.push_str(&format!(
                " (give it with `notify user modify NAME --role {role}`; event roles are {})",
                EVENT_ROLES.join(", ")
            ));
        }
        out.push(line);
    }
    for user in &view.rule.users {
        if !store.users.contains_key(user) {
            out.push(format!(
                "`{user}` is not a stored user: emit reports it skipped (add it with `notify user add {user}`)"
            ));
        }
    }
    for kind in &view.rule.channels {
        if !store.notice.allows(*kind) {
            out.push(format!(
                "{kind} is switched off in Notice Management: nothing goes through it (`notify notice enable {kind}`)"
            ));
        }
    }
    if let Some(Err(e)) = view.rule.template.as_deref().map(templates::check) {
        let id = &view.event.id;
        out.push(format!(
            "the stored template does not render ({e}): fix it with `notify rule set {id} --template FILE`, or `--no-template`"
        ));
    }
    out
}

/// The category's heading for listings.
pub fn category_title(view: &RuleView) -> &str {
    catalogue::category_title(view.event.category())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_back_at_its_default_leaves_the_store() {
        let mut store = Store::default();
        let id = "ticket.data-change.approved";
        let change = Change {
            channels: Some(vec![Kind::Webhook, Kind::Email, Kind::Webhook]),
            ..Change::default()
        };
        let view = set(&mut store, id, &change).unwrap();
        assert_eq!(view.rule.channels, vec![Kind::Email, Kind::Webhook]);
        assert_eq!(store.rules.len(), 1);
        set(
            &mut store,
            id,
            &Change {
                channels: Some(vec![]),
                ..Change::default()
            },
        )
        .unwrap();
        assert!(store.rules.is_empty());
    }

    #[test]
    fn a_template_is_checked_before_it_is_stored() {
        let mut store = Store::default();
        let id = "task-flow.run.failed";
        let with = |t: Option<&str>| Change {
            template: Some(t.map(str::to_owned)),
            ..Change::default()
        };
        let err = set(&mut store, id, &with(Some("{{ task }}"))).unwrap_err();
        assert!(err.to_string().contains("line 1, column 4"), "{err}");
        assert!(store.rules.is_empty());
        let view = set(&mut store, id, &with(Some("{{ task_name }}"))).unwrap();
        assert_eq!(view.rule.template.as_deref(), Some("{{ task_name }}"));
        assert_eq!(store.rules.len(), 1);
        set(&mut store, id, &with(None)).unwrap();
        assert!(store.rules.is_empty());
    }

    #[test]
    fn a_glob_that_matches_nothing_changes_nothing() {
        let mut store = Store::default();
        let patterns = vec!["ticket.*.closed".to_owned(), "nothing.*".to_owned()];
        assert!(set_enabled(&mut store, &patterns, false).is_err());
        assert!(store.rules.is_empty());
        let done = set_enabled(&mut store, &patterns[..1], false).unwrap();
        assert_eq!(done.len(), 10);
        assert!(done.iter().all(|s| s.changed));
        assert_eq!(store.rules.len(), 10);
        let again = set_enabled(&mut store, &patterns[..1], false).unwrap();
        assert!(again.iter().all(|s| !s.changed));
    }

    #[test]
    fn custom_ids_are_checked() {
        let mut store = Store::default();
        assert!(add(&mut store, "Backup.nightly.failed", DefaultRole::None, None).is_err());
        assert!(add(&mut store, "backup.failed", DefaultRole::None, None).is_err());
        assert!(
            add(
                &mut store,
                "ticket.data-change.failed",
                DefaultRole::None,
                None
            )
            .is_err()
        );
        let v = add(&mut store, "backup.nightly.failed", DefaultRole::None, None).unwrap();
        assert_eq!(v.event.description, "Backup nightly failed");
        assert!(remove(&mut store, "ticket.data-change.failed").is_err());
        assert!(remove(&mut store, "backup.nightly.failed").is_ok());
        assert!(store.events.is_empty());
    }

    #[test]
    fn a_near_miss_of_an_event_role_is_suggested() {
        let mut store = Store::default();
        let change = Change {
            roles: Some(vec!["submiter".into(), "related".into()]),
            ..Change::default()
        };
        let view = set(&mut store, "ticket.data-change.approved", &change).unwrap();
        assert_eq!(
            problems(&store, &view),
            vec!["no user holds the role `submiter`: did you mean `submitter`?".to_owned()]
        );
    }
}
