//! The content of a notification ([`Message`]), one destination's rendered copy of it ([`Rendered`]),
//! and how that copy reads in a chat, an email or a text message.

use std::collections::HashMap;

use crate::templates::{CardColour, Unit, Vars, markdown};

/// How rich a message may be: `auto` (each channel's native format: Markdown, a card, an HTML email),
/// `text` (plain text everywhere) or `markdown` (the same as auto).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Each channel's rich format; plain text where a channel only takes text
    #[default]
    Auto,
    /// Plain text everywhere
    Text,
    /// The same as auto
    Markdown,
}

impl Format {
    /// Whether channels use their rich formats (Markdown, cards, HTML).
    pub fn rich(self) -> bool {
        self != Format::Text
    }

    /// The format's name as the delivery log keeps it: notify's own spelling, fixed, whatever the
    /// command line later calls it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Markdown => "markdown",
        }
    }

    /// Reads a name [`Format::as_str`] wrote.
    pub fn parse(name: &str) -> Option<Self> {
        [Format::Auto, Format::Text, Format::Markdown]
            .into_iter()
            .find(|f| f.as_str() == name)
    }
}

/// The DMS event fields a notification may carry.
#[derive(Debug, Clone, Default)]
pub struct Event {
    pub name: String,
    /// The event's description in the catalogue (`emit`; empty for `send`): the default subject.
    pub description: String,
    pub category: String,
    pub module: String,
    pub task_id: String,
    pub task_name: String,
    pub submitter_uid: String,
    pub submitter_name: String,
}

/// A notification before it is rendered for each destination.
#[derive(Debug, Clone, Default)]
pub struct Message {
    /// The email subject: `--title`, else `[DMS] ` and the event's description (else its name) or the
    /// message's first line.
    pub subject: String,
    /// A heading for chats, when the user gave a title or an event.
    pub headline: Option<String>,
    /// The message: Markdown when `markdown_text` is set, else plain text sent as it is.
    pub text: String,
    pub markdown_text: bool,
    pub format: Format,
    pub event: Event,
    /// A MiniJinja template rendered per destination; when set, its output is the whole body.
    pub template: Option<String>,
    /// `--link`: a button or a link wherever the channel has one (empty: none).
    pub link: String,
    /// The template variables every destination shares (the recipient's fields are filled per copy).
    pub vars: Vars,
    /// The roles that reached each stored recipient (emit), by user name.
    pub roles: HashMap<String, Vec<String>>,
    /// A card header's colour.
    pub colour: CardColour,
}

impl Message {
    /// A message of `text`; the text is Markdown unless `format` is `text`.
    pub fn new(title: Option<String>, text: String, format: Format, event: Event) -> Self {
        let first_line = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .trim();
        let subject = title.clone().unwrap_or_else(|| {
            let topic = if !event.description.is_empty() {
                event.description.clone()
            } else if !event.name.is_empty() {
                event.name.clone()
            } else if format.rich() {
                markdown::to_text(first_line)
            } else {
                first_line.to_owned()
            };
            format!("[DMS] {topic}")
        });
        let headline = title.or_else(|| (!event.name.is_empty()).then(|| subject.clone()));
        let colour = CardColour::for_event_name(&event.name);
        Message {
            subject,
            headline,
            markdown_text: format.rich(),
            text,
            format,
            event,
            colour,
            ..Message::default()
        }
    }
}

/// Label and value of each event field that is set (`Task: Add index (#42)`).
fn details(e: &Event) -> Vec<(&'static str, String)> {
    let task = match (e.task_name.is_empty(), e.task_id.is_empty()) {
        (false, false) => format!("{} (#{})", e.task_name, e.task_id),
        (false, true) => e.task_name.clone(),
        (true, false) => format!("#{}", e.task_id),
        (true, true) => String::new(),
    };
    let submitter = if e.submitter_name.is_empty() {
        e.submitter_uid.clone()
    } else {
        e.submitter_name.clone()
    };
    [
        ("Event", e.name.clone()),
        ("Category", e.category.clone()),
        ("Module", e.module.clone()),
        ("Task", task),
        ("Submitter", submitter),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect()
}

/// A channel's form of one copy: its format's name (`markdown`, `interactive`, ...), what it sends,
/// and, when the text had to be cut to the vendor's limit, the report row's note saying so.
#[derive(Debug, Clone, PartialEq)]
pub struct Part<T> {
    pub format: &'static str,
    pub value: T,
    pub cut: Option<String>,
}

impl<T> Part<T> {
    /// `value` in `format`; `cut` says whether it was cut to `limit` (`unit`s) for `channel`.
    pub fn new(
        format: &'static str,
        value: T,
        cut: bool,
        channel: &str,
        limit: usize,
        unit: Unit,
    ) -> Self {
        let unit_name = match unit {
            Unit::Bytes => "bytes",
            Unit::Chars => "characters",
        };
        Part {
            format,
            value,
            cut: cut.then(|| {
                format!("message cut to {limit} {unit_name} ({channel} limit for {format})")
            }),
        }
    }
}

/// The label of a link where a channel has no button for it.
pub const LINK_LABEL: &str = "Open";

/// One destination's copy of a message: the body rendered (a template's output, or the message with
/// its event details), and what every channel format is made from.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub subject: String,
    /// The title of a card or a Markdown message (the headline, else the subject).
    pub title: String,
    /// A heading above the body in chats (none when a template gives the whole body).
    pub heading: Option<String>,
    body: String,
    body_is_markdown: bool,
    details: Vec<(&'static str, String)>,
    pub link: String,
    pub rich: bool,
    pub colour: CardColour,
    pub event: Event,
}

impl Rendered {
    /// The copy of `msg` whose body is `template_output` (Markdown) when a template was rendered.
    pub fn new(msg: &Message, template_output: Option<String>) -> Self {
        let templated = template_output.is_some();
        let (body, body_is_markdown) = match template_output {
            Some(out) => (out, true),
            None => (msg.text.clone(), msg.markdown_text),
        };
        // Without a title, an event or a message, the subject is the template's first line.
        let subject = if templated && msg.headline.is_none() && msg.text.trim().is_empty() {
            let text = markdown::to_text(&body);
            format!("[DMS] {}", text.lines().next().unwrap_or_default().trim())
        } else {
            msg.subject.clone()
        };
        Rendered {
            title: msg.headline.clone().unwrap_or_else(|| subject.clone()),
            subject,
            heading: if templated {
                None
            } else {
                msg.headline.clone()
            },
            body,
            body_is_markdown,
            details: if templated {
                Vec::new()
            } else {
                details(&msg.event)
            },
            link: msg.link.clone(),
            rich: msg.format.rich(),
            colour: msg.colour,
            event: msg.event.clone(),
        }
    }

    /// Whether `text` needs no link line: there is no link, or the text shows it already.
    fn has_link_line(&self, text: &str) -> bool {
        self.link.is_empty()
            || text.contains(&self.link)
            || text.contains(&markdown::escape_url(&self.link))
    }

    /// The message alone as plain text (the webhook's `message`), the link on a last line unless the
    /// text already shows it.
    pub fn plain(&self) -> String {
        let mut out = if self.body_is_markdown {
            markdown::to_text(&self.body)
        } else {
            self.body.trim_end().to_owned()
        };
        if !self.has_link_line(&out) {
            out.push_str(&format!("\n\n{LINK_LABEL}: {}", self.link));
        }
        out
    }

    /// The message with its event details, as plain text (email, SMS).
    pub fn body_text(&self) -> String {
        let mut out = self.plain();
        if !self.details.is_empty() {
            let lines: Vec<String> = self
                .details
                .iter()
                .map(|(label, value)| format!("{label}: {value}"))
                .collect();
            out.push_str("\n\n");
            out.push_str(&lines.join("\n"));
        }
        out
    }

    /// Heading plus body, for chats and IM apps in plain text.
    pub fn chat_text(&self) -> String {
        match &self.heading {
            Some(h) => format!("{h}\n{}", self.body_text()),
            None => self.body_text(),
        }
    }

    /// The body and its event details as Markdown, without a heading; `link_line` adds the link as a
    /// last line for channels without a button.
    pub fn markdown(&self, link_line: bool) -> String {
        let mut out = if self.body_is_markdown {
            self.body.trim_end().to_owned()
        } else {
            markdown::escape(self.body.trim_end())
        };
        if !self.details.is_empty() {
            let lines: Vec<String> = self
                .details
                .iter()
                .map(|(label, value)| format!("- {label}: {}", markdown::escape(value)))
                .collect();
            out.push_str("\n\n");
            out.push_str(&lines.join("\n"));
        }
        if link_line && !self.has_link_line(&out) {
            let url = markdown::escape_url(&self.link);
            out.push_str(&format!("\n\n[{LINK_LABEL}]({url})"));
        }
        out
    }

    /// The Markdown with its heading (`### ...`) for chats that show no separate title.
    pub fn markdown_with_heading(&self, link_line: bool) -> String {
        match &self.heading {
            // The title as the user gave it: `[DMS] ...` reads the same in any renderer.
            Some(h) => format!("### {h}\n\n{}", self.markdown(link_line)),
            None => self.markdown(link_line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_is_stored_in_its_own_spelling_and_read_back() {
        for format in [Format::Auto, Format::Text, Format::Markdown] {
            assert_eq!(Format::parse(format.as_str()), Some(format));
            let clap_name =
                clap::ValueEnum::to_possible_value(&format).map(|v| v.get_name().to_owned());
            // Logs written before, with clap's spelling, stay readable.
            assert_eq!(clap_name.as_deref(), Some(format.as_str()));
        }
        assert_eq!(Format::parse("html"), None);
    }

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
            Rendered::new(&m, None).chat_text(),
            "[DMS] TicketApproval\nplease approve\n\nEvent: TicketApproval\nTask: #42"
        );
    }

    #[test]
    fn markdown_escapes_the_details_and_adds_the_link_once() {
        let e = Event {
            name: "task_failed".into(),
            task_name: "*x* <b>".into(),
            ..Event::default()
        };
        let mut m = Message::new(None, "**Load** failed".into(), Format::Auto, e);
        m.link = "https://dms.example/t (1)".into();
        let r = Rendered::new(&m, None);
        assert_eq!(r.colour, CardColour::Red);
        assert_eq!(
            r.markdown_with_heading(true),
            "### [DMS] task_failed\n\n**Load** failed\n\n- Event: task\\_failed\n\
             - Task: \\*x\\* \\<b>\n\n[Open](https://dms.example/t%20%281%29)"
        );
        assert_eq!(
            r.body_text(),
            "Load failed\n\nOpen: https://dms.example/t (1)\n\nEvent: task_failed\nTask: *x* <b>"
        );
        let templated = Rendered::new(&m, Some("See https://dms.example/t (1)".into()));
        assert_eq!(templated.heading, None);
        assert_eq!(templated.body_text(), "See https://dms.example/t (1)");
    }

    #[test]
    fn plain_text_is_sent_as_it_is() {
        let m = Message::new(None, "a *b* _c_".into(), Format::Text, Event::default());
        let r = Rendered::new(&m, None);
        assert_eq!(r.body_text(), "a *b* _c_");
        assert_eq!(r.markdown(false), "a \\*b\\* \\_c\\_");
    }
}
