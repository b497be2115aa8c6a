//! `notify rule list`

use anyhow::Result;
use serde::Serialize;

use super::view;
use crate::channels::Kind;
use crate::context::Context;
use crate::error::Error;
use crate::rules::{self, RuleView, catalogue, matching};
use crate::store::Store;

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
        return matrix(ctx, &store, &views);
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

/// Short column names for the matrix, in kind order.
fn short(kind: Kind) -> &'static str {
    match kind {
        Kind::Dingtalk => "dt",
        Kind::DingtalkExclusive => "dtx",
        Kind::Feishu => "fs",
        Kind::Lark => "lk",
        Kind::LarkMobile => "lkm",
        Kind::DingtalkBot => "dtb",
        Kind::WecomBot => "wcb",
        Kind::Email => "mail",
        Kind::Sms => "sms",
        Kind::Webhook => "hook",
    }
}

#[derive(Serialize)]
struct MatrixRow<'a> {
    event: &'a str,
    enabled: bool,
    /// Kind -> whether the rule delivers through it.
    channels: serde_json::Map<String, serde_json::Value>,
    /// Mute windows by name, present only when the rule has some.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    mute: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    on_mute: Option<&'static str>,
    #[serde(skip_serializing_if = "<[crate::store::Step]>::is_empty")]
    escalate: &'a [crate::store::Step],
}

fn matrix(ctx: &Context, store: &Store, views: &[RuleView]) -> Result<()> {
    let through = |v: &RuleView, k: Kind| {
        v.rule.enabled
            && store.notice.allows(k)
            && (v.rule.channels.is_empty() || v.rule.channels.contains(&k))
    };
    if ctx.out.json {
        let rows: Vec<MatrixRow> = views
            .iter()
            .map(|v| MatrixRow {
                event: v.event.id.as_str(),
                enabled: v.rule.enabled,
                channels: Kind::ALL
                    .iter()
                    .map(|k| (k.as_str().to_owned(), through(v, *k).into()))
                    .collect(),
                mute: &v.rule.mute,
                on_mute: (!v.rule.mute.is_empty()).then(|| v.rule.on_mute.as_str()),
                escalate: &v.rule.escalate,
            })
            .collect();
        return ctx.out.json(&rows);
    }
    let mut header = vec!["event"];
    header.extend(Kind::ALL.iter().map(|k| short(*k)));
    header.push("mute");
    header.push("time");
    let rows = views
        .iter()
        .map(|v| {
            let mut row = vec![if v.rule.enabled {
                v.event.id.to_string()
            } else {
                format!("{} (off)", v.event.id)
            }];
            row.extend(Kind::ALL.iter().map(|k| {
                let cell = if !store.notice.allows(*k) {
                    "off"
                } else if through(v, *k) {
                    "✓"
                } else {
                    "·"
                };
                cell.to_owned()
            }));
            row.push(view::mute_text(&v.rule));
            row.push(view::time_text(&v.rule));
            row
        })
        .collect();
    ctx.out.table(&header, rows)?;
    let legend: Vec<String> = Kind::ALL
        .iter()
        .map(|k| format!("{}={k}", short(*k)))
        .collect();
    ctx.out.print(&format!(
        "✓ delivers through the kind · not for this rule  off: switched off in Notice Management\n{}\n",
        legend.join(" ")
    ))
}
