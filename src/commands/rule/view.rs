//! How a rule reads: the stable JSON object of `rule list --json` and the words of the tables.

use serde::Serialize;

use crate::channels::Kind;
use crate::rules::RuleView;

/// One rule as `rule list --json` shows it (`channels` is empty when the rule goes through every kind; `template`
/// is left out when the rule uses the built-in message).
#[derive(Debug, Serialize)]
pub struct RuleJson<'a> {
    pub event: &'a str,
    pub category: &'a str,
    pub module: &'a str,
    pub state: &'a str,
    pub description: &'a str,
    pub enabled: bool,
    pub default_role: &'static str,
    pub roles: &'a [String],
    pub users: &'a [String],
    pub channels: Vec<&'static str>,
    pub custom: bool,
    /// The rule's message template, present only when one is stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<&'a str>,
    /// Mute windows by name, present only when the rule has some.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub mute: &'a [String],
    /// `defer` or `drop`, present only with mute windows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_mute: Option<&'static str>,
    /// Escalation steps (`[{"after": "30m", "roles": ["dba"]}]`), present only when the rule has some.
    #[serde(skip_serializing_if = "<[crate::store::Step]>::is_empty")]
    pub escalate: &'a [crate::store::Step],
}

impl<'a> RuleJson<'a> {
    pub fn new(view: &'a RuleView) -> Self {
        RuleJson {
            event: view.event.id.as_str(),
            category: view.event.category(),
            module: view.event.module(),
            state: view.event.state(),
            description: &view.event.description,
            enabled: view.rule.enabled,
            default_role: view.event.default_role.as_str(),
            roles: &view.rule.roles,
            users: &view.rule.users,
            channels: view.rule.channels.iter().map(|k| k.as_str()).collect(),
            custom: view.event.custom,
            template: view.rule.template.as_deref(),
            mute: &view.rule.mute,
            on_mute: (!view.rule.mute.is_empty()).then(|| view.rule.on_mute.as_str()),
            escalate: &view.rule.escalate,
        }
    }
}

pub fn list_json(views: &[RuleView]) -> Vec<RuleJson<'_>> {
    views.iter().map(RuleJson::new).collect()
}

/// `all` for a rule that is not narrowed, else `only email, webhook`.
pub fn channels_text(channels: &[Kind]) -> String {
    if channels.is_empty() {
        "all".to_owned()
    } else {
        let names: Vec<_> = channels.iter().map(|k| k.as_str()).collect();
        format!("only {}", names.join(", "))
    }
}

/// `night, weekend (defer)`, or `-` for a rule without mute windows.
pub fn mute_text(rule: &crate::store::Rule) -> String {
    if rule.mute.is_empty() {
        return "-".to_owned();
    }
    format!("{} ({})", rule.mute.join(", "), rule.on_mute.as_str())
}

/// What time does besides mute windows: `escalates after 30m (dba), 2h (admin)`, or `-`.
pub fn time_text(rule: &crate::store::Rule) -> String {
    let mut parts = Vec::new();
    if let Some(steps) = crate::store::steps_text(&rule.escalate) {
        parts.push(format!("escalates after {steps}"));
    }
    let grouping = crate::store::grouping_text(
        &rule.group_by,
        rule.group_wait.as_ref(),
        rule.repeat_interval.as_ref(),
    );
    parts.extend(grouping);
    if parts.is_empty() {
        return "-".to_owned();
    }
    parts.join("; ")
}

pub fn words(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_owned()
    } else {
        items.join(", ")
    }
}

pub fn on_off(enabled: bool) -> String {
    if enabled { "on" } else { "off" }.to_owned()
}

/// The names of the rules an edit touched, for a status line.
pub fn ids(views: &[RuleView]) -> String {
    views
        .iter()
        .map(|v| v.event.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
