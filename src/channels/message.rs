//! The content of a notification, and how it reads in a chat, an email or a text message.

/// Plain text or Markdown (DingTalk and WeCom robots render Markdown; other channels get the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Markdown,
}

/// The DMS event fields a notification may carry.
#[derive(Debug, Clone, Default)]
pub struct Event {
    pub name: String,
    pub category: String,
    pub module: String,
    pub task_id: String,
    pub task_name: String,
    pub submitter_uid: String,
    pub submitter_name: String,
}

#[derive(Debug, Clone, Default)]
pub struct Message {
    /// The email subject: `--title`, else `[DMS] ` and the event name or the message's first line.
    pub subject: String,
    /// A heading for chats, when the user gave a title or an event.
    pub headline: Option<String>,
    pub text: String,
    pub format: Format,
    pub event: Event,
}

impl Message {
    pub fn new(title: Option<String>, text: String, format: Format, event: Event) -> Self {
        let first_line = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .trim();
        let subject = title.clone().unwrap_or_else(|| {
            let topic = if event.name.is_empty() {
                first_line
            } else {
                event.name.as_str()
            };
            format!("[DMS] {topic}")
        });
        let headline = title.or_else(|| (!event.name.is_empty()).then(|| subject.clone()));
        Message {
            subject,
            headline,
            text,
            format,
            event,
        }
    }

    /// `Task: ...` lines for the event fields that are set.
    fn details(&self) -> Vec<String> {
        let e = &self.event;
        let mut lines = Vec::new();
        let mut push = |label: &str, value: &str| {
            if !value.is_empty() {
                lines.push(format!("{label}: {value}"));
            }
        };
        push("Event", &e.name);
        push("Category", &e.category);
        push("Module", &e.module);
        let task = match (e.task_name.is_empty(), e.task_id.is_empty()) {
            (false, false) => format!("{} (#{})", e.task_name, e.task_id),
            (false, true) => e.task_name.clone(),
            (true, false) => format!("#{}", e.task_id),
            (true, true) => String::new(),
        };
        push("Task", &task);
        let submitter = if e.submitter_name.is_empty() {
            e.submitter_uid.clone()
        } else {
            e.submitter_name.clone()
        };
        push("Submitter", &submitter);
        lines
    }

    /// The message with its event details, as plain text (email bodies, SMS, IM apps).
    pub fn body(&self) -> String {
        let mut out = self.text.trim_end().to_owned();
        let details = self.details();
        if !details.is_empty() {
            out.push_str("\n\n");
            out.push_str(&details.join("\n"));
        }
        out
    }

    /// Heading plus body, for chats and IM apps.
    pub fn chat_text(&self) -> String {
        match &self.headline {
            Some(h) => format!("{h}\n{}", self.body()),
            None => self.body(),
        }
    }

    /// The Markdown form for robots.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        if let Some(h) = &self.headline {
            out.push_str(&format!("### {h}\n\n"));
        }
        out.push_str(self.text.trim_end());
        let details = self.details();
        if !details.is_empty() {
            out.push_str("\n\n");
            out.push_str(
                &details
                    .iter()
                    .map(|d| format!("- {d}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_defaults_to_dms_and_the_event_or_first_line() {
        let m = Message::new(
            None,
            "\nDisk almost full\nmore".into(),
            Format::Text,
            Event::default(),
        );
        assert_eq!(m.subject, "[DMS] Disk almost full");
        assert_eq!(m.headline, None);
        let e = Event {
            name: "TicketApproval".into(),
            task_id: "42".into(),
            ..Event::default()
        };
        let m = Message::new(None, "please approve".into(), Format::Text, e);
        assert_eq!(m.subject, "[DMS] TicketApproval");
        assert_eq!(
            m.chat_text(),
            "[DMS] TicketApproval\nplease approve\n\nEvent: TicketApproval\nTask: #42"
        );
    }
}
