//! `notify rule list`

use anyhow::Result;

use super::view;
use crate::context::Context;
use crate::error::Error;
use crate::rules::{self, RuleView, catalogue, matching};

/// List every event's rule, grouped by category
///
/// Shows whether each rule is on, its default role, optional roles, additional users and the channel
/// kinds it goes through ("all", or "only ..." when narrowed). Custom events are marked `*`.
/// --matrix shows events against channel kinds instead: ✓ the rule delivers through the kind,
/// · narrowed out, off: switched off in Notice Management.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only events of this category (ticket, task-flow, data-warehouse, or a custom one)
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,
    /// Only rules that are on
    #[arg(long, conflicts_with = "disabled")]
    pub enabled: bool,
    /// Only rules that are off
    #[arg(long)]
    pub disabled: bool,
    /// Events against channel kinds: which kinds each rule delivers through
    #[arg(long)]
    pub matrix: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    for id in rules::orphans(&store) {
        ctx.out.warn(&format!("the store has a rule for `{id}`, which is no event: it is ignored (delete its table, or `notify rule add {id}`)"));
    }
    let mut views = rules::views(&store);
    if let Some(c) = &args.category {
        let known: Vec<String> = views
            .iter()
            .map(|v| v.event.category().to_owned())
            .collect();
        if !known.contains(c) {
            let mut cats = known.clone();
            cats.dedup();
            let near = matching::nearest(c, cats.iter().map(String::as_str), 1);
            let hint = match near.first() {
                Some(n) => format!("did you mean `{n}`? The categories are {}", cats.join(", ")),
                None => format!("the categories are {}", cats.join(", ")),
            };
            return Err(Error::usage(format!("no category `{c}`")).hint(hint).into());
        }
        views.retain(|v| v.event.category() == c);
    }
    views.retain(|v| !(args.enabled && !v.rule.enabled || args.disabled && v.rule.enabled));
    if args.matrix {
        return super::matrix::show(ctx, &store, &views);
    }
    if ctx.out.json {
        return ctx.out.json(&view::list_json(&views));
    }
    let mut first = true;
    for (title, group) in groups(&views) {
        if !first {
            ctx.out.print("\n")?;
        }
        first = false;
        let on = group.iter().filter(|v| v.rule.enabled).count();
        ctx.out
            .print(&format!("{title} ({} events, {on} on)\n", group.len()))?;
        let rows = group
            .iter()
            .map(|v| {
                let mark = if v.event.custom { " *" } else { "" };
                vec![
                    format!("{}{mark}", v.event.id),
                    view::on_off(v.rule.enabled),
                    v.event.default_role.as_str().to_owned(),
                    view::words(&v.rule.roles),
                    view::words(&v.rule.users),
                    view::channels_text(&v.rule.channels),
                ]
            })
            .collect();
        ctx.out.table(
            &[
                "event",
                "rule",
                "default role",
                "roles",
                "users",
                "channels",
            ],
            rows,
        )?;
    }
    if views.iter().any(|v| v.event.custom) {
        ctx.out.print("* custom event\n")?;
    }
    if views.is_empty() {
        ctx.out.note("no rules match");
    }
    Ok(())
}

/// The views by category heading, in catalogue order.
fn groups(views: &[RuleView]) -> Vec<(String, Vec<&RuleView>)> {
    let mut out: Vec<(String, Vec<&RuleView>)> = Vec::new();
    for v in views {
        let title = catalogue::category_title(v.event.category()).to_owned();
        match out.iter_mut().find(|(t, _)| *t == title) {
            Some((_, group)) => group.push(v),
            None => out.push((title, vec![v])),
        }
    }
    out
}
