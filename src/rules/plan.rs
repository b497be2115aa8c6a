//! Who and which channels an event reaches: `send`'s planning for the rule's recipients, narrowed to the
//! rule's channel kinds (`emit` today, the relay next).

use std::collections::HashMap;

use crate::channels::Kind;
use crate::delivery::{self, Destination, Outcome, Plan};
use crate::rules::{Recipient, RuleView};
use crate::store::Store;

/// Plans as `send` does for the stored recipients, then narrows to the rule's channel kinds; a name
/// the store does not know is a skipped row, and `receivers` counts only channels the rule keeps.
pub fn plan(store: &Store, view: &RuleView, recipients: &[Recipient], filter: &[Kind]) -> Plan {
    let stored: Vec<String> = recipients
        .iter()
        .filter(|r| r.stored)
        .map(|r| r.name.clone())
        .collect();
    let unknown = recipients
        .iter()
        .filter(|r| !r.stored)
        .map(|r| Destination {
            recipients: vec![r.name.clone()],
            kind: None,
            shown: String::new(),
            target: Err((Outcome::Skipped, "not a stored user".into())),
        });
    let mut plan = delivery::plan_users(store, &stored, filter, unknown.collect());
    let narrowed = &view.rule.channels;
    if !narrowed.is_empty() {
        let names: Vec<_> = narrowed.iter().map(|k| k.as_str()).collect();
        for d in &mut plan.destinations {
            if d.kind.is_some_and(|k| !narrowed.contains(&k)) {
                let reason = format!("not among the rule's channels ({})", names.join(", "));
                d.target = Err((Outcome::Skipped, reason));
            }
        }
    }
    let usable = |uid: &String| {
        plan.destinations
            .iter()
            .any(|d| d.target.is_ok() && d.recipients.contains(uid))
    };
    let receivers = plan
        .audience
        .target_users
        .iter()
        .filter(|p| usable(&p.uid))
        .cloned()
        .collect();
    plan.audience.receivers = receivers;
    plan
}

/// The roles that reached each row's recipients, keyed by the row's `recipient` text.
pub fn roles_by_row(plan: &Plan, recipients: &[Recipient]) -> HashMap<String, Vec<String>> {
    let mut out = HashMap::new();
    for d in &plan.destinations {
        let mut roles: Vec<String> = Vec::new();
        let reached = recipients.iter().filter(|r| d.recipients.contains(&r.name));
        for role in reached.flat_map(|r| &r.roles) {
            if !roles.contains(role) {
                roles.push(role.clone());
            }
        }
        out.insert(d.recipients.join(", "), roles);
    }
    out
}
