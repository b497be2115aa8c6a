//! `notify rule show`

use anyhow::Result;
use serde::Serialize;

use super::view::{self, RuleJson};
use crate::context::Context;
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
        vec![
            "template".to_owned(),
            v.rule.template.as_deref().map_or_else(
                || "built-in (description, task, submitter)".to_owned(),
                |t| t.trim_end().to_owned(),
            ),
        ],
    ];
    ctx.out.table(&["field", "value"], rows)?;
    for w in &warnings {
        ctx.out.warn(w);
    }
    Ok(())
}
