//! One destination's copy of a message: the template (when there is one) rendered with the event's
//! variables and the recipient's own (`recipient`, `recipient_name`, `roles`). A destination shared by
//! several users (a merged robot or webhook) and an ad-hoc one have no single recipient: those
//! variables are empty there.

use crate::channels::message::{Message, Rendered};
use crate::channels::webhook::Audience;
use crate::channels::wire::Failure;
use crate::templates::{self, Vars};

/// The variables of the copy for `recipients` (the destination's users).
pub fn vars_for(msg: &Message, recipients: &[String], audience: &Audience) -> Vars {
    let mut vars = msg.vars.clone();
    if let [name] = recipients {
        vars.recipient = name.clone();
        vars.recipient_name = audience.name_of(name).unwrap_or_default().to_owned();
        vars.roles = msg.roles.get(name).cloned().unwrap_or_default();
    }
    vars
}

/// The copy for `recipients`; a template that fails here fails this destination only.
pub fn copy_for(
    msg: &Message,
    recipients: &[String],
    audience: &Audience,
) -> Result<Rendered, Failure> {
    let Some(source) = &msg.template else {
        return Ok(Rendered::new(msg, None));
    };
    let vars = vars_for(msg, recipients, audience);
    match templates::render(source, &vars) {
        Ok(out) => Ok(Rendered::new(msg, Some(out))),
        Err(e) => Err(Failure {
            code: "template".into(),
            message: format!("template: {e}"),
            retry_after: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::message::{Event, Format};
    use crate::channels::webhook::Person;

    #[test]
    fn each_copy_sees_its_recipient_and_a_bad_one_fails_alone() {
        let mut msg = Message::new(None, "x".into(), Format::Auto, Event::default());
        msg.template = Some("Hi {{ recipient_name or recipient }} ({{ roles }})".into());
        msg.roles
            .insert("alice".into(), vec!["approver".into(), "dba".into()]);
        let audience = Audience::new(
            vec![Person {
                uid: "alice".into(),
                name: "Alice *A*".into(),
            }],
            vec![],
        );
        let copy = copy_for(&msg, &["alice".into()], &audience).unwrap();
        assert_eq!(copy.plain(), "Hi Alice *A* (approver, dba)");
        let shared = copy_for(&msg, &["alice".into(), "bob".into()], &audience).unwrap();
        assert_eq!(shared.plain(), "Hi  ()");
        msg.template = Some("{{ recipient.nope }}".into());
        let f = copy_for(&msg, &[], &audience).unwrap_err();
        assert_eq!(f.code, "template");
        assert!(
            f.message.starts_with("template: line 1, column 4: "),
            "{}",
            f.message
        );
    }
}
