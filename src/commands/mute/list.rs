//! `notify mute list`

use anyhow::Result;
use serde::Serialize;

use crate::context::Context;

/// List the mute windows, and the rules and users that use each
///
/// With --json: [{"name", "times", "weekdays", "timezone", "rules", "users"}].
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Debug, Serialize)]
struct Row {
    name: String,
    times: Vec<String>,
    weekdays: Vec<String>,
    timezone: String,
    rules: Vec<String>,
    users: Vec<String>,
}

pub fn run(ctx: &Context, _args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let rows: Vec<Row> = store
        .mute
        .iter()
        .map(|(name, m)| {
            let (rules, users) = super::remove::users_of(&store, name);
            Row {
                name: name.clone(),
                times: m.times.iter().map(ToString::to_string).collect(),
                weekdays: m.weekdays.iter().map(ToString::to_string).collect(),
                timezone: m
                    .timezone
                    .clone()
                    .unwrap_or_else(|| crate::time::window::DEFAULT_ZONE.to_owned()),
                rules,
                users,
            }
        })
        .collect();
    if ctx.out.json {
        return ctx.out.json(&rows);
    }
    if rows.is_empty() {
        ctx.out
            .note("no mute windows: add one with `notify mute set night --times 22:00-08:00`");
        return Ok(());
    }
    let dash = |v: &[String], none: &str| match v.is_empty() {
        true => none.to_owned(),
        false => v.join(", "),
    };
    let cells = rows
        .iter()
        .map(|r| {
            let used: Vec<String> = r.rules.iter().chain(&r.users).cloned().collect();
            vec![
                r.name.clone(),
                r.times.join(", "),
                dash(&r.weekdays, "every day"),
                r.timezone.clone(),
                dash(&used, "-"),
            ]
        })
        .collect();
    ctx.out
        .table(&["NAME", "TIMES", "WEEKDAYS", "TIMEZONE", "USED BY"], cells)
}
