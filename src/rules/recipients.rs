//! Who an emitted event reaches: the default role, the rule's optional roles and its additional users,
//! each user once with every role that reached them; and the default message text of an event.

use super::RuleView;
use crate::store::Store;
use crate::store::schema::DefaultRole;

/// Roles named when an event is emitted; every other role word is a store role.
pub const EVENT_ROLES: [&str; 5] = [
    "submitter",
    "approver",
    "related",
    "data-owner",
    "instance-dba",
];

/// The label of a recipient reached as one of the rule's additional users.
pub const ADDITIONAL: &str = "recipient";

/// The users the emitter named for each event role.
#[derive(Debug, Clone, Default)]
pub struct EventRoles {
    pub submitter: Option<String>,
    pub approver: Vec<String>,
    pub related: Vec<String>,
    pub data_owner: Vec<String>,
    pub instance_dba: Vec<String>,
    /// Users the event itself names besides the rule's (a relayed DMS hook's target users).
    pub additional: Vec<String>,
}

impl EventRoles {
    /// The users of an event role, or None when `role` is a store role.
    fn users(&self, role: &str) -> Option<Vec<String>> {
        Some(match role {
            "submitter" => self.submitter.iter().cloned().collect(),
            "approver" => self.approver.clone(),
            "related" => self.related.clone(),
            "data-owner" => self.data_owner.clone(),
            "instance-dba" => self.instance_dba.clone(),
            _ => return None,
        })
    }
}

/// One person an event reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub name: String,
    /// Every role that reached them, in the rule's order (`recipient` for an additional user).
    pub roles: Vec<String>,
    /// Whether the store knows them (others are reported `skipped`).
    pub stored: bool,
}

/// The recipients of `view`'s rule, in the order they were first reached.
pub fn resolve(store: &Store, view: &RuleView, named: &EventRoles) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    let mut reach = |name: &str, role: &str| match out.iter_mut().find(|r| r.name == name) {
        Some(r) if !r.roles.iter().any(|x| x == role) => r.roles.push(role.to_owned()),
        Some(_) => {}
        None => out.push(Recipient {
            name: name.to_owned(),
            roles: vec![role.to_owned()],
            stored: store.users.contains_key(name),
        }),
    };
    let default = match view.event.default_role {
        DefaultRole::None => None,
        role => Some(role.as_str().to_owned()),
    };
    for role in default.iter().chain(&view.rule.roles) {
        let users = named.users(role).unwrap_or_else(|| {
            store
                .users
                .iter()
                .filter(|(_, u)| u.roles.iter().any(|r| r == role))
                .map(|(n, _)| n.clone())
                .collect()
        });
        for user in users {
            reach(&user, role);
        }
    }
    for user in view.rule.users.iter().chain(&named.additional) {
        reach(user, ADDITIONAL);
    }
    out
}

/// The recipients of an escalation step: the users of its roles (event roles from the event, store
/// roles from the store), each once.
pub fn by_roles(store: &Store, roles: &[String], named: &EventRoles) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    for role in roles {
        let users = named.users(role).unwrap_or_else(|| {
            let holds = |u: &crate::store::User| u.roles.iter().any(|r| r == role);
            store
                .users
                .iter()
                .filter(|(_, u)| holds(u))
                .map(|(n, _)| n.clone())
                .collect()
        });
        for user in users {
            match out.iter_mut().find(|r| r.name == user) {
                Some(r) if !r.roles.contains(role) => r.roles.push(role.clone()),
                Some(_) => {}
                None => out.push(Recipient {
                    stored: store.users.contains_key(&user),
                    name: user,
                    roles: vec![role.clone()],
                }),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::User;
    use crate::store::schema::Rule;

    fn store() -> Store {
        let mut store = Store::default();
        for (name, roles) in [
            ("alice", vec!["dba"]),
            ("bob", vec!["dba", "admin"]),
            ("carol", vec![]),
        ] {
            store.users.insert(
                name.into(),
                User {
                    roles: roles.into_iter().map(String::from).collect(),
                    ..User::default()
                },
            );
        }
        store
    }

    #[test]
    fn each_user_is_reached_once_with_every_role() {
        let store = store();
        let mut view = super::super::find(&store, "ticket.data-change.pending-approval").unwrap();
        view.rule = Rule {
            roles: vec!["dba".into(), "related".into()],
            users: vec!["alice".into(), "zed".into()],
            ..Rule::default()
        };
        let named = EventRoles {
            submitter: Some("carol".into()),
            approver: vec!["alice".into()],
            related: vec!["carol".into()],
            ..EventRoles::default()
        };
        let got: Vec<(String, Vec<String>, bool)> = resolve(&store, &view, &named)
            .into_iter()
            .map(|r| (r.name, r.roles, r.stored))
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            vec![
                ("alice".into(), s(&["approver", "dba", "recipient"]), true),
                ("bob".into(), s(&["dba"]), true),
                ("carol".into(), s(&["related"]), true),
                ("zed".into(), s(&["recipient"]), false),
            ]
        );
    }

    #[test]
    fn an_empty_default_role_still_reaches_the_others() {
        let store = store();
        let mut view = super::super::find(&store, "ticket.permission.pending-approval").unwrap();
        view.rule.roles = vec!["admin".into()];
        let got = resolve(&store, &view, &EventRoles::default());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].name, "bob");
    }

    #[test]
    fn users_the_event_names_are_reached_as_additional_recipients() {
        let store = store();
        let view = super::super::find(&store, "ticket.data-change.pending-approval").unwrap();
        let named = EventRoles {
            approver: vec!["carol".into()],
            additional: vec!["alice".into(), "carol".into()],
            ..EventRoles::default()
        };
        let got: Vec<(String, Vec<String>)> = resolve(&store, &view, &named)
            .into_iter()
            .map(|r| (r.name, r.roles))
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            vec![
                ("carol".into(), s(&["approver", "recipient"])),
                ("alice".into(), s(&["recipient"])),
            ]
        );
    }
}
