//! The rules an operator changed: people and roles they name, kinds they go through, and whether their
//! templates still render (against the sample event, as `notify template render` and `rule set` do).

use super::{Area, Finding};
use crate::rules::{EVENT_ROLES, orphans};
use crate::store::Store;
use crate::templates;

const AREA: Area = Area::Rules;

pub fn check(store: &Store, out: &mut Vec<Finding>) {
    let held: Vec<&str> = store
        .users
        .values()
        .flat_map(|u| u.roles.iter().map(String::as_str))
        .collect();
    let before = out.len();
    for id in orphans(store) {
        out.push(
            Finding::warning(
                AREA,
                format!("rule {id}"),
                "names an event that is neither built in nor added: it never fires",
            )
            .hint(format!("notify rule add {id}")),
        );
    }
    for (id, rule) in &store.rules {
        let subject = format!("rule {id}");
        for user in &rule.users {
            if !store.users.contains_key(user) {
                out.push(
                    Finding::problem(
                        AREA,
                        &subject,
                        format!("names `{user}`, who is not a stored user: emit skips them"),
                    )
                    .hint(format!("notify user add {user}")),
                );
            }
        }
        for (role, step) in rule.roles_reached() {
            if !EVENT_ROLES.contains(&role) && !held.contains(&role) {
                out.push(
                    Finding::warning(
                        AREA,
                        &subject,
                        format!("reaches the role `{role}`{step}, which no user holds"),
                    )
                    .hint(format!("notify user modify NAME --role {role}")),
                );
            }
        }
        for kind in &rule.channels {
            if !store.notice.allows(*kind) {
                out.push(
                    Finding::warning(
                        AREA,
                        &subject,
                        format!("goes through {kind}, which is switched off in Notice Management"),
                    )
                    .hint(format!("notify notice enable {kind}")),
                );
            }
        }
        if let Some(Err(e)) = rule.template.as_deref().map(templates::check) {
            out.push(
                Finding::problem(
                    AREA,
                    &subject,
                    format!("its template no longer renders: {e}"),
                )
                .hint(format!(
                    "notify rule set {id} --template FILE (or --no-template)"
                )),
            );
        }
    }
    if out.len() == before {
        let message = match store.rules.len() {
            0 => "every rule is at its default".to_owned(),
            n => format!("{n} changed: the users they name exist and their templates render"),
        };
        out.push(Finding::ok(AREA, "rules", message));
    }
}
