//! `notify rule show`

use anyhow::Result;
use serde::Serialize;

use super::view::{self, RuleJson};
use crate::context::Context;
use crate::output::visible;
use crate::rules::{self, edit};

/// Show one event's rule, with its description, its message template and the parts the store cannot serve
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The event id, e.g. ticket.data-change.pending-approval
    #[arg(value_name = "EVENT")]
    pub event: String,
}

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    rule: RuleJson<'a>,
    /// Parts of the rule that cannot be served (a role nobody holds, an unknown user, a kind switched off).
    warnings: Vec<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let v = rules::find(&store, &args.event)?;
    let warnings = edit::problems(&store, &v);
    if ctx.out.json {
        return ctx.out.json(&ShowJson {
            rule: RuleJson::new(&v),
            warnings,
        });
    }
    let kind = if v.event.custom { "custom" } else { "built-in" };
    let rows = vec![
        vec!["event".to_owned(), v.event.id.to_string()],
        vec!["description".to_owned(), v.event.description.clone()],
        vec![
            "category".to_owned(),
            format!("{} ({})", v.event.category(), edit::category_title(&v)),
        ],
        vec!["source".to_owned(), kind.to_owned()],
        vec!["rule".to_owned(), view::on_off(v.rule.enabled)],
        vec![
            "default role".to_owned(),
            v.event.default_role.as_str().to_owned(),
        ],
        vec!["roles".to_owned(), view::words(&v.rule.roles)],
        vec!["users".to_owned(), view::words(&v.rule.users)],
        vec!["channels".to_owned(), view::channels_text(&v.rule.channels)],
        vec!["mute".to_owned(), view::mute_text(&v.rule)],
        vec!["time".to_owned(), view::time_text(&v.rule)],
        vec![
            "template".to_owned(),
            if v.rule.template.is_some() {
                "custom (below)"
            } else {
                "built-in (description, task, submitter)"
            }
            .to_owned(),
        ],
    ];
    ctx.out.table(&["field", "value"], rows)?;
    if let Some(template) = &v.rule.template {
        ctx.out.print(&text_block("template", template))?;
    }
    for w in &warnings {
        ctx.out.warn(w);
    }
    Ok(())
}

/// A multi-line text under a heading, each line indented four spaces (a table cell would show its line
/// breaks as `\n`); control characters other than tabs are shown escaped.
fn text_block(heading: &str, text: &str) -> String {
    let mut out = format!("{heading}:\n");
    for line in text.trim_end().lines() {
        let line = visible(line, true);
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str("    ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text_block;

    #[test]
    fn a_template_shows_as_indented_lines() {
        assert_eq!(
            text_block(
                "template",
                "**{{ event }}**\n\n- {{ task_name }}\u{1b}[2J\n"
            ),
            "template:\n    **{{ event }}**\n\n    - {{ task_name }}\\u{1b}[2J\n"
        );
    }
}
