//! How a rich message looks beyond its text: the colour of a card's header, from the event's state.

/// A card header's colour: red for failed/rejected, green for succeeded/approved, else blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CardColour {
    Red,
    Green,
    #[default]
    Blue,
}

impl CardColour {
    /// The colour for an event's state word (`failed`, `approved`, `pending-approval`, ...).
    pub fn for_state(state: &str) -> CardColour {
        match state.trim().to_ascii_lowercase().as_str() {
            "failed" | "rejected" => CardColour::Red,
            "succeeded" | "approved" => CardColour::Green,
            _ => CardColour::Blue,
        }
    }

    /// The colour for a free event name (`send --event NAME`): its last word when that is a state.
    /// Words are split at anything that is not a letter or digit and at lower-to-upper case changes,
    /// so `ticket.data-change.failed`, `task_failed` and `TaskFailed` are all red.
    pub fn for_event_name(name: &str) -> CardColour {
        CardColour::for_state(last_word(name))
    }

    /// The name Feishu/Lark cards use for the header `template`.
    pub fn as_str(self) -> &'static str {
        match self {
            CardColour::Red => "red",
            CardColour::Green => "green",
            CardColour::Blue => "blue",
        }
    }
}

fn last_word(name: &str) -> &str {
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in name.char_indices() {
        if !c.is_alphanumeric() {
            start = i + c.len_utf8();
        } else if c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) {
            start = i;
        }
        prev = Some(c);
    }
    &name[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_choose_the_colour() {
        assert_eq!(CardColour::for_state("failed"), CardColour::Red);
        assert_eq!(CardColour::for_state("rejected"), CardColour::Red);
        assert_eq!(CardColour::for_state("succeeded"), CardColour::Green);
        assert_eq!(CardColour::for_state("approved"), CardColour::Green);
        assert_eq!(CardColour::for_state("pending-approval"), CardColour::Blue);
        assert_eq!(CardColour::for_state("sla-timeout"), CardColour::Blue);
        assert_eq!(CardColour::for_state(""), CardColour::Blue);
    }

    #[test]
    fn an_event_name_is_judged_by_its_last_word() {
        for (name, colour) in [
            ("ticket.data-change.failed", CardColour::Red),
            ("task_failed", CardColour::Red),
            ("TaskFailed", CardColour::Red),
            ("TicketApproved", CardColour::Green),
            ("backup succeeded!", CardColour::Green),
            ("TicketApproval", CardColour::Blue),
            ("failed-retry", CardColour::Blue),
            ("", CardColour::Blue),
        ] {
            assert_eq!(CardColour::for_event_name(name), colour, "{name}");
        }
        assert_eq!(CardColour::Red.as_str(), "red");
    }
}
