//! Each user's channels without the network: complete, their provider configured, their secrets set,
//! and, when enabled, verified where the kind needs it (as `channel enable` and delivery decide) and
//! allowed by Notice Management.

use super::providers::{ca_file, secrets};
use super::{Area, Finding};
use crate::channels::Verification;
use crate::store::{Schema, Store};

const AREA: Area = Area::Channels;

pub fn check(store: &Store, out: &mut Vec<Finding>) {
    let mut any = false;
    for (user, profile) in &store.users {
        for (kind, channel) in profile.channels.0.iter() {
            any = true;
            let kind = *kind;
            let subject = format!("{user}'s {kind}");
            let fix = format!("notify channel set {kind} --user {user}");
            let before = out.len();
            if let Err(e) = kind.validate(&channel.fields) {
                out.push(Finding::problem(AREA, &subject, e).hint(&fix));
            }
            secrets(AREA, &subject, &fix, &channel.fields, out);
            ca_file(AREA, &subject, &fix, &channel.fields, out);
            if let Some(provider) = kind.provider()
                && !store.providers.0.contains_key(&provider)
            {
                out.push(
                    Finding::problem(
                        AREA,
                        &subject,
                        format!("delivers through provider {provider}, which is not configured"),
                    )
                    .hint(format!("notify provider set {provider}")),
                );
            }
            if channel.enabled {
                if !channel.is_verified(kind) {
                    out.push(
                        Finding::problem(
                            AREA,
                            &subject,
                            "enabled but not verified: nothing is delivered through it",
                        )
                        .hint(format!("notify channel verify {kind} --user {user}")),
                    );
                }
                if !store.notice.allows(kind) {
                    out.push(
                        Finding::warning(
                            AREA,
                            &subject,
                            format!("enabled, but {kind} is switched off in Notice Management"),
                        )
                        .hint(format!("notify notice enable {kind}")),
                    );
                }
            }
            if out.len() == before {
                let needs_none = kind.verification() == Verification::None;
                let state = match (channel.enabled, needs_none) {
                    (false, _) => "configured, not enabled",
                    (true, true) => "enabled (needs no verification)",
                    (true, false) => "enabled and verified",
                };
                out.push(Finding::ok(AREA, subject, state));
            }
        }
    }
    if !any {
        out.push(Finding::ok(AREA, "channels", "none configured"));
    }
}
