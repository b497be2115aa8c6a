//! `notify rule list --matrix`: events against channel kinds, with each rule's time settings.

use anyhow::Result;
use serde::Serialize;

use super::view;
use crate::channels::Kind;
use crate::context::Context;
use crate::rules::RuleView;
use crate::store::Store;

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

pub(super) fn show(ctx: &Context, store: &Store, views: &[RuleView]) -> Result<()> {
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
