//! Message templates: MiniJinja (Jinja2 syntax) over a fixed set of event variables, rendering
//! Markdown; the built-in text of an event; and the helpers each channel's format needs (Markdown to
//! text and HTML, cutting to a limit, a card's colour).
//!
//! Every variable is always defined (empty when unknown) and any other name is an error
//! (`UndefinedBehavior::Strict`). Values are escaped for Markdown as they are printed, so a task name
//! such as `<script>` or `*x*` shows literally on every channel; `|safe` prints a value as Markdown.
//! `link` is a URL: it is printed percent-encoded where Markdown would misread it, never backslashed.

pub mod filters;
pub mod limits;
pub mod markdown;
pub mod style;

use std::fmt;
use std::sync::OnceLock;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, ErrorKind, State, UndefinedBehavior};

pub use limits::{Fitted, Unit, fit_with, truncate_keeping, truncate_to};
pub use style::CardColour;

/// How much work one rendering may do (MiniJinja fuel: about one unit per instruction). Ample for a
/// message, and it stops a runaway loop from stalling a delivery.
const FUEL: u64 = 200_000;

/// The variable names a template may use, in the order `--help` lists them.
pub const VARIABLES: [&str; 18] = [
    "event",
    "category",
    "module",
    "state",
    "description",
    "task_id",
    "task_name",
    "submitter",
    "submitter_name",
    "recipient",
    "recipient_name",
    "roles",
    "message",
    "link",
    "time",
    "ack_link",
    "count",
    "events",
];

/// The text of an event when no template is given: its description, then the task, then
/// who submitted it, e.g. `A data change ticket is waiting for approval: Add index (#42), submitted by Carol.`
pub const BUILTIN: &str = "{{ description }}\
{%- if task_name %}: {{ task_name }}{% if task_id %} (#{{ task_id }}){% endif %}\
{%- elif task_id %}: #{{ task_id }}{% endif %}\
{%- if submitter_name or submitter %}, submitted by {{ submitter_name or submitter }}{% endif %}.";

/// The values a template sees for one destination. Unknown values stay empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vars {
    /// The event id (`ticket.data-change.approved`) or the name given to `send --event`.
    pub event: String,
    pub category: String,
    pub module: String,
    pub state: String,
    pub description: String,
    pub task_id: String,
    pub task_name: String,
    /// The submitter's user name.
    pub submitter: String,
    /// The submitter's display name, when the store knows it.
    pub submitter_name: String,
    /// The user this copy goes to (empty for ad-hoc destinations).
    pub recipient: String,
    pub recipient_name: String,
    /// The roles that reached the recipient (`approver`, `dba`, ...).
    pub roles: Vec<String>,
    /// `--message` / `--message-file`.
    pub message: String,
    /// `--link`: the ticket's page (printed as a URL, see [`markdown::escape_url`]).
    pub link: String,
    /// When the event happened, RFC 3339 (see [`filters::rfc3339_utc`]).
    pub time: String,
    /// `notify serve`, for a rule that escalates: the signed link that acknowledges the event (empty
    /// elsewhere).
    pub ack_link: String,
    /// `notify serve`, for a rule that groups: how many events the message stands for (0 here, shown
    /// as 1, elsewhere).
    pub count: u64,
    /// The grouped events' own variables, in arrival order (empty unless grouped).
    pub events: Vec<Vars>,
}

impl Vars {
    /// The sample event a template is checked against: every variable holds a placeholder.
    pub fn sample() -> Vars {
        Vars {
            event: "ticket.data-change.approved".into(),
            category: "ticket".into(),
            module: "data-change".into(),
            state: "approved".into(),
            description: "A data change ticket was approved".into(),
            task_id: "42".into(),
            task_name: "Sample task".into(),
            submitter: "submitter".into(),
            submitter_name: "Submitter Name".into(),
            recipient: "recipient".into(),
            recipient_name: "Recipient Name".into(),
            roles: vec!["approver".into(), "dba".into()],
            message: "Sample message".into(),
            link: "https://dms.example.com/ticket/42".into(),
            time: "2026-01-02T03:04:05Z".into(),
            ack_link: "http://127.0.0.1:8788/v1/ack/t-42?sig=0f1e".into(),
            count: 0,
            events: Vec::new(),
        }
    }

    fn context(&self) -> Value {
        let text = |s: &String| Value::from(s.as_str());
        let values = [
            text(&self.event),
            text(&self.category),
            text(&self.module),
            text(&self.state),
            text(&self.description),
            text(&self.task_id),
            text(&self.task_name),
            text(&self.submitter),
            text(&self.submitter_name),
            text(&self.recipient),
            text(&self.recipient_name),
            self.roles.iter().map(String::as_str).collect(),
            text(&self.message),
            Value::from_safe_string(markdown::escape_url(&self.link)),
            text(&self.time),
            Value::from_safe_string(markdown::escape_url(&self.ack_link)),
            Value::from(self.count.max(1)),
            self.events.iter().map(Vars::context).collect(),
        ];
        Value::from_pairs(VARIABLES.into_iter().zip(values))
    }
}

/// Why a template cannot be used, with where in its text (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for TemplateError {}

impl TemplateError {
    fn new(source: &str, err: &minijinja::Error) -> TemplateError {
        let range = err.range().filter(|r| r.start <= source.len());
        let line = err.line().unwrap_or(1);
        let column = match &range {
            Some(r) => {
                let before = source.get(..r.start).unwrap_or_default();
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                before[line_start..].chars().count() + 1
            }
            None => 1,
        };
        let snippet = range
            .and_then(|r| source.get(r))
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let detail = err.detail().unwrap_or_default();
        let message = match err.kind() {
            ErrorKind::UndefinedError => format!(
                "{} is undefined (the template variables are {})",
                snippet.map_or_else(|| "a name".to_owned(), |s| format!("`{s}`")),
                VARIABLES.join(", ")
            ),
            ErrorKind::OutOfFuel => {
                format!(
                    "the template does too much work (more than {FUEL} steps): simplify its loops"
                )
            }
            ErrorKind::UnknownFilter => format!(
                "{detail}: the filters are MiniJinja's built-in ones plus date and truncate"
            ),
            kind => {
                let what = match snippet {
                    Some(s) if kind != ErrorKind::SyntaxError => format!(" in `{s}`"),
                    _ => String::new(),
                };
                if detail.is_empty() {
                    format!("{kind}{what}")
                } else {
                    format!("{kind}{what}: {detail}")
                }
            }
        };
        TemplateError {
            line,
            column,
            message,
        }
    }
}

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(FUEL));
        env.set_auto_escape_callback(|_| AutoEscape::Custom("markdown".into()));
        env.set_formatter(format_value);
        env.add_filter("date", filters::date);
        env.add_filter("truncate", filters::truncate);
        env.add_filter("escape", escape_filter);
        env.add_filter("e", escape_filter);
        env
    })
}

/// A value as text: a list reads `a, b`, none reads as nothing.
fn plain(value: &Value) -> String {
    if value.is_none() || value.is_undefined() {
        return String::new();
    }
    if value.as_str().is_none()
        && let Ok(items) = value.try_iter()
    {
        return items.map(|v| plain(&v)).collect::<Vec<_>>().join(", ");
    }
    value.to_string()
}

/// Prints a value into the Markdown output: escaped unless it is marked safe or escaping is off.
fn format_value(
    out: &mut minijinja::Output<'_>,
    state: &mut State<'_, '_>,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if value.is_undefined() {
        return Err(minijinja::Error::from(ErrorKind::UndefinedError));
    }
    let escape = !value.is_safe() && !matches!(state.auto_escape(), AutoEscape::None);
    let text = if escape && value.as_str().is_none() && value.try_iter().is_ok() {
        value
            .try_iter()?
            .map(|v| markdown::escape(&plain(&v)))
            .collect::<Vec<_>>()
            .join(", ")
    } else if escape {
        markdown::escape(&plain(value))
    } else {
        plain(value)
    };
    out.write_str(&text)
        .map_err(|_| minijinja::Error::from(ErrorKind::WriteFailure))
}

fn escape_filter(value: &Value) -> Value {
    if value.is_safe() {
        value.clone()
    } else {
        Value::from_safe_string(markdown::escape(&plain(value)))
    }
}

/// Renders `source` for one destination; the result is Markdown (see [`markdown::to_text`] and
/// [`markdown::to_html`] for channels that take text or HTML).
pub fn render(source: &str, vars: &Vars) -> Result<String, TemplateError> {
    environment()
        .render_str(source, vars.context())
        .map_err(|e| TemplateError::new(source, &e))
}

/// Checks a template before it is saved: it must parse and render against [`Vars::sample`].
pub fn check(source: &str) -> Result<(), TemplateError> {
    render(source, &Vars::sample()).map(drop)
}

/// The built-in message of an event, as Markdown.
pub fn builtin(vars: &Vars) -> String {
    render(BUILTIN, vars).unwrap_or_else(|_| markdown::escape(&vars.description))
}

/// The built-in message of an event, as plain text.
pub fn builtin_text(vars: &Vars) -> String {
    markdown::to_text(&builtin(vars))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(source: &str) -> TemplateError {
        check(source).expect_err(source)
    }

    #[test]
    fn every_variable_is_defined_even_when_empty() {
        let source: String = VARIABLES
            .iter()
            .map(|v| format!("[{{{{ {v} }}}}]"))
            .collect();
        let out = render(&source, &Vars::default()).unwrap();
        // `count` is 1 for a message that stands for one event.
        let empty: String = VARIABLES
            .iter()
            .map(|v| if *v == "count" { "[1]" } else { "[]" })
            .collect();
        assert_eq!(out, empty);
        let sample = render("{{ roles }} {{ time|date }} {{ link }}", &Vars::sample()).unwrap();
        assert_eq!(
            sample,
            "approver, dba 2026-01-02 03:04 https://dms.example.com/ticket/42"
        );
    }

    #[test]
    fn any_other_name_is_an_error_with_its_place() {
        let e = err("Hello\n  {{ ticket_name }}!");
        assert_eq!((e.line, e.column), (2, 6), "{e}");
        assert!(e.message.contains("`ticket_name` is undefined"), "{e}");
        assert!(e.message.contains("task_name"), "{e}");
        let e = err("{% if approver %}x{% endif %}");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("`approver`"), "{e}");
        let e = err("{{ task_name.upper_case }}");
        assert!(
            e.message.contains("`task_name.upper_case` is undefined"),
            "{e}"
        );
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = err("line one\n{{ task_name }\nline three");
        assert_eq!(e.line, 2, "{e}");
        assert!(e.column >= 1, "{e}");
        assert!(e.message.starts_with("syntax error"), "{e}");
        let e = err("{% if task_id %}open");
        assert!(e.message.starts_with("syntax error"), "{e}");
        let e =
            err("{% for i in range(1000) %}{% for j in range(1000) %}.{% endfor %}{% endfor %}");
        assert!(e.message.contains("too much work"), "{e}");
        let e = err("{{ time|nope }}");
        assert!(e.message.contains("date and truncate"), "{e}");
        let e = err("ok\n{{ time|date(\"%Q\") }}");
        assert_eq!((e.line, e.column), (2, 9), "{e}");
        assert!(e.message.contains("`%Q`"), "{e}");
        assert_eq!(e.to_string(), format!("line 2, column 9: {}", e.message));
    }

    #[test]
    fn values_are_escaped_for_markdown_unless_safe() {
        let vars = Vars {
            task_name: "<script>*x*</script> [a](b) 数据 🚀".into(),
            message: "**bold**".into(),
            ..Vars::default()
        };
        let md = render(
            "**{{ task_name }}** {{ message }} {{ message|safe }}",
            &vars,
        )
        .unwrap();
        assert_eq!(
            md,
            "**\\<script>\\*x\\*\\</script> \\[a\\](b) 数据 🚀** \\*\\*bold\\*\\* **bold**"
        );
        assert_eq!(
            markdown::to_text(&md),
            "<script>*x*</script> [a](b) 数据 🚀 **bold** bold"
        );
        let link = Vars {
            link: "https://dms.example.com/t_1?x=*".into(),
            ..Vars::default()
        };
        assert_eq!(
            render("[Open]({{ link }})", &link).unwrap(),
            "[Open](https://dms.example.com/t_1?x=%2A)"
        );
        let md = render(
            "{% autoescape false %}{{ message }}{% endautoescape %}",
            &vars,
        )
        .unwrap();
        assert_eq!(md, "**bold**");
    }

    #[test]
    fn filters_date_and_truncate() {
        let vars = Vars {
            time: "2026-03-01T09:05:00Z".into(),
            task_name: "数据变更完成了".into(),
            ..Vars::default()
        };
        assert_eq!(
            render(
                "{{ time|date(\"%d %b %H:%M\", \"+08:00\") }} {{ task_name|truncate(5) }}",
                &vars
            )
            .unwrap(),
            "01 Mar 17:05 数据变更…"
        );
        assert_eq!(render("{{ time|date }}", &Vars::default()).unwrap(), "");
    }

    #[test]
    fn the_builtin_text_is_description_task_and_submitter() {
        let vars = |task_id: &str, task_name: &str, submitter: &str, name: &str| Vars {
            description: "A data change ticket is waiting for approval".into(),
            task_id: task_id.into(),
            task_name: task_name.into(),
            submitter: submitter.into(),
            submitter_name: name.into(),
            ..Vars::default()
        };
        let d = "A data change ticket is waiting for approval";
        for (v, want) in [
            (
                vars("42", "Add index", "carol", "Carol"),
                format!("{d}: Add index (#42), submitted by Carol."),
            ),
            (
                vars("42", "", "carol", ""),
                format!("{d}: #42, submitted by carol."),
            ),
            (vars("", "Add index", "", ""), format!("{d}: Add index.")),
            (vars("", "", "", ""), format!("{d}.")),
            (
                vars("7", "<script>*x* ] \"q\" 数据 🚀", "", "# Bob_1"),
                format!("{d}: <script>*x* ] \"q\" 数据 🚀 (#7), submitted by # Bob_1."),
            ),
        ] {
            assert_eq!(builtin_text(&v), want);
        }
    }
}
