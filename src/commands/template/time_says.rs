//! `notify template render`'s lines on what time would do to the event's message: mute windows,
//! quiet hours and silences now, and the rule's escalation and grouping under the relay.

use anyhow::Result;

use crate::context::Context;
use crate::rules;

/// What time would do now to the event's message through each kind (to `to`, when given): one line
/// for each kind that would not be sent at once.
pub(super) fn lines(
    ctx: &Context,
    store: &crate::store::Store,
    view: &rules::RuleView,
    to: Option<&str>,
    kinds: &[crate::channels::Kind],
) -> Result<Vec<String>> {
    use crate::time::{self, Verdict};
    let now = i64::try_from(ctx.clock.now_ms()).unwrap_or(i64::MAX);
    let silences = match ctx.log_path() {
        Ok(path) => crate::log::silences::Silences::active_in(path, now)?,
        Err(_) => Vec::new(),
    };
    let silences = time::narrow(&silences, view.event.id.as_str(), now);
    let recipients: Vec<String> = to.map(str::to_owned).into_iter().collect();
    let mut windows = time::Windows::new(store);
    let escalates = crate::store::steps_text(&view.rule.escalate).map(|steps| {
        format!(
            "escalates after {steps} while unacknowledged (`notify serve` only; ack_link is then its signed ack link)"
        )
    });
    let grouping = crate::store::grouping_text(
        &view.rule.group_by,
        view.rule.group_wait.as_ref(),
        view.rule.repeat_interval.as_ref(),
    )
    .map(|g| format!("{g} under `notify serve`: one message per group, with `count` and `events`"));
    Ok(kinds
        .iter()
        .filter_map(|&kind| {
            let v = time::verdict(
                &mut windows,
                &view.rule,
                &recipients,
                Some(kind),
                now,
                &silences,
            );
            match v {
                Verdict::Send => None,
                Verdict::Skip(reason) if reason.starts_with("silenced") => {
                    Some(format!("{kind}: {reason}: not sent"))
                }
                Verdict::Skip(reason) => Some(format!("{kind}: dropped: {reason}")),
                Verdict::Defer { until_ms, why } => Some(format!(
                    "{kind}: deferred until {} ({why})",
                    time::shown(until_ms)
                )),
            }
        })
        .chain(escalates)
        .chain(grouping)
        .collect())
}
