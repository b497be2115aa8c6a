use super::*;
use crate::store::{Mute, User};

fn ms(text: &str) -> i64 {
    text.parse::<Timestamp>().unwrap().as_millisecond()
}

/// A store with a `night` window (22:00-08:00 UTC) and alice, whose quiet hours are `late`.
fn store() -> Store {
    let mut store = Store::default();
    let mute = |times: &[&str]| Mute {
        times: times.iter().map(|t| t.parse().unwrap()).collect(),
        weekdays: Vec::new(),
        timezone: Some("UTC".into()),
    };
    store.mute.insert("night".into(), mute(&["22:00-08:00"]));
    store.mute.insert("late".into(), mute(&["07:00-09:00"]));
    store.users.insert(
        "alice".into(),
        User {
            quiet_hours: Some("late".into()),
            ..User::default()
        },
    );
    store
}

fn rule(on_mute: OnMute) -> Rule {
    Rule {
        mute: vec!["night".into()],
        on_mute,
        ..Rule::default()
    }
}

fn silence(ends: &str) -> Silence {
    Silence {
        id: "s7".into(),
        matchers: Matchers {
            event: vec!["ticket.*".into()],
            ..Matchers::default()
        },
        starts_ms: 0,
        ends_ms: ms(ends),
        comment: "upgrade".into(),
        created_by: None,
    }
}

const EVENT: &str = "ticket.data-change.pending-approval";

fn judge(store: &Store, rule: &Rule, who: &str, at: &str, silences: &[Silence]) -> Verdict {
    let mut windows = Windows::new(store);
    let who = vec![who.to_owned()];
    let silences = narrow(silences, EVENT, ms(at));
    verdict(
        &mut windows,
        rule,
        &who,
        Some(Kind::Email),
        ms(at),
        &silences,
    )
}

#[test]
fn a_muted_rule_drops_or_defers_to_the_end_of_its_window() {
    let store = store();
    assert_eq!(
        judge(
            &store,
            &rule(OnMute::Drop),
            "bob",
            "2026-12-07T23:00:00Z",
            &[]
        ),
        Verdict::Skip("muted (night)".into())
    );
    assert_eq!(
        judge(
            &store,
            &rule(OnMute::Defer),
            "bob",
            "2026-12-07T23:00:00Z",
            &[]
        ),
        Verdict::Defer {
            until_ms: ms("2026-12-08T08:00:00Z"),
            why: "muted (night)".into()
        }
    );
    assert_eq!(
        judge(
            &store,
            &rule(OnMute::Drop),
            "bob",
            "2026-12-07T12:00:00Z",
            &[]
        ),
        Verdict::Send
    );
}

#[test]
fn quiet_hours_defer_and_chain_with_the_rules_window() {
    let store = store();
    // At 07:30 both mute alice: the night ends at 08:00, her quiet hours at 09:00.
    assert_eq!(
        judge(
            &store,
            &rule(OnMute::Defer),
            "alice",
            "2026-12-08T07:30:00Z",
            &[]
        ),
        Verdict::Defer {
            until_ms: ms("2026-12-08T09:00:00Z"),
            why: "muted (night), quiet hours of alice (late)".into()
        }
    );
    // At 23:00 only the night mutes; her quiet hours (07:00-09:00) take over before it ends.
    assert_eq!(
        judge(
            &store,
            &rule(OnMute::Defer),
            "alice",
            "2026-12-07T23:00:00Z",
            &[]
        ),
        Verdict::Defer {
            until_ms: ms("2026-12-08T09:00:00Z"),
            why: "muted (night)".into()
        }
    );
    // Quiet hours always defer, even under a rule without windows.
    assert_eq!(
        judge(
            &store,
            &Rule::default(),
            "alice",
            "2026-12-08T08:30:00Z",
            &[]
        ),
        Verdict::Defer {
            until_ms: ms("2026-12-08T09:00:00Z"),
            why: "quiet hours of alice (late)".into()
        }
    );
}

#[test]
fn a_silence_skips_and_one_that_expired_during_a_deferral_lets_it_through() {
    let store = store();
    let rule = rule(OnMute::Defer);
    // The silence holds until 03:00; the night defers the delivery at 23:00 until 08:00.
    let silences = [silence("2026-12-08T03:00:00Z")];
    let Verdict::Defer { until_ms, .. } =
        judge(&store, &rule, "bob", "2026-12-07T23:00:00Z", &silences)
    else {
        panic!("deferred")
    };
    // Re-planned at the window's end, after the silence ended: delivered.
    let at = crate::log::time::format_rfc3339(until_ms);
    assert_eq!(judge(&store, &rule, "bob", &at, &silences), Verdict::Send);
    // Had the silence still held then, the delivery would be skipped with its reason.
    let longer = [silence("2026-12-08T10:00:00Z")];
    assert_eq!(
        judge(&store, &rule, "bob", &at, &longer),
        Verdict::Skip("silenced (s7: upgrade)".into())
    );
}

#[test]
fn unknown_windows_mute_nothing() {
    let store = store();
    let rule = Rule {
        mute: vec!["gone".into()],
        on_mute: OnMute::Drop,
        ..Rule::default()
    };
    assert_eq!(
        judge(&store, &rule, "bob", "2026-12-07T23:00:00Z", &[]),
        Verdict::Send
    );
}

fn hook(who: &str) -> Destination {
    Destination {
        recipients: vec![who.to_owned()],
        kind: Some(Kind::Webhook),
        shown: format!("https://h.example/{who}"),
        target: Ok(crate::delivery::Target::Webhook {
            url: format!("https://h.example/{who}").as_str().into(),
            method: crate::signing::SignatureMethod::None,
            key: crate::values::Revealed::new(""),
            ca_file: None,
        }),
    }
}

#[test]
fn a_plan_keeps_what_is_sent_skips_with_reasons_and_hands_back_what_waits() {
    let store = store();
    let rule = Rule::default();
    let mut plan = Plan {
        destinations: vec![hook("alice"), hook("bob"), hook("carol")],
        ..Plan::default()
    };
    let hush = Silence {
        matchers: Matchers {
            recipient: vec!["carol".into()],
            ..Matchers::default()
        },
        ..silence("2026-12-09T00:00:00Z")
    };
    // 08:30: alice's quiet hours (07:00-09:00) hold her delivery; carol is silenced; bob goes out.
    let held = apply(
        &mut plan,
        &store,
        &rule,
        EVENT,
        ms("2026-12-08T08:30:00Z"),
        &[hush],
    );
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].destination.recipients, ["alice"]);
    assert_eq!(held[0].until_ms, ms("2026-12-08T09:00:00Z"));
    let left: Vec<_> = plan
        .destinations
        .iter()
        .map(|d| {
            let reason = d.target.as_ref().err().map(|(_, r)| r.clone());
            (d.recipients[0].clone(), reason)
        })
        .collect();
    assert_eq!(
        left,
        [
            ("bob".to_owned(), None),
            (
                "carol".to_owned(),
                Some("silenced (s7: upgrade)".to_owned())
            )
        ]
    );
}

/// A planning of many deliveries asks each window once for its instant, however many deliveries share
/// it: the rule's windows and every recipient's quiet hours alike.
#[test]
fn each_window_is_worked_out_once_per_planning() {
    let mut store = store();
    for i in 0..100 {
        let quiet = ["late", "night"][i % 2];
        let user = User {
            quiet_hours: Some(quiet.into()),
            ..User::default()
        };
        store.users.insert(format!("u{i}"), user);
    }
    let rule = rule(OnMute::Defer);
    let mut windows = Windows::new(&store);
    let none = Silenced::default();
    let at = ms("2026-12-07T12:00:00Z");
    for i in 0..100 {
        let who = vec![format!("u{i}")];
        let said = verdict(&mut windows, &rule, &who, Some(Kind::Email), at, &none);
        assert_eq!(said, Verdict::Send);
    }
    assert_eq!(windows.asked(), 2, "`night` and `late`, once each");
}
