//! The store: any store the schema accepts survives a write and a read through `store::StoreFile`
//! unchanged, and writing what was read gives the same file.
//!
//! Field values are generated as text and kept only when `FieldSpec::parse` (the command line's own
//! validation) accepts them, so the generated stores are exactly those notify could have written.

use notify::channels::{Kind, Verification};
use notify::providers::ProviderName;
use notify::store::schema::{Channels, CustomEvent, DefaultRole, EventId, Notice, Providers, Rule};
use notify::store::{
    Channel, Fields, GroupField, Mute, OnMute, PendingCode, Schema, Store, StoreFile, User,
};
use notify::values::{FieldSpec, FieldType, Secret, Value};
use proptest::prelude::*;

/// Raw text for a field of type `ty`: mostly well-formed, with stray spaces that parsing trims.
fn raw_for(ty: FieldType) -> BoxedStrategy<String> {
    let email = "[a-z0-9][a-z0-9._+-]{0,10}@[a-zA-Z0-9][a-zA-Z0-9-]{0,8}\\.[a-zA-Z]{2,5}";
    match ty {
        FieldType::Mobile => prop_oneof![
            "13[0-9]{9}",
            "[+]86 ?13[0-9 -]{9}",
            "[+]44 ?7400 ?[0-9]{6}",
            "[+][1-9][0-9 -]{6,16}"
        ]
        .boxed(),
        FieldType::Email => proptest::string::string_regex(email)
            .expect("regex")
            .boxed(),
        FieldType::Mailbox => (
            proptest::string::string_regex(email).expect("regex"),
            prop_oneof![
                Just(String::new()),
                "[A-Za-z][A-Za-z .]{0,12}",
                "\"[A-Za-z ,.]{1,12}\"",
                "\\PC{1,8}",
            ],
        )
            .prop_map(|(addr, name)| {
                if name.is_empty() {
                    addr
                } else {
                    format!("{name} <{addr}>")
                }
            })
            .boxed(),
        FieldType::Url | FieldType::RobotUrl(_) => (
            prop_oneof![
                Just("https://".to_owned()),
                Just("http://127.0.0.1".to_owned()),
                Just("http://localhost".to_owned())
            ],
            "[a-z0-9.-]{0,20}",
            "(:[1-9][0-9]{0,3})?",
            "(/[A-Za-z0-9._~%-]{0,10}){0,4}",
            "([?](access_token|key|x)=[A-Za-z0-9_-]{0,24}){0,1}",
        )
            .prop_map(|(scheme, host, port, path, query)| {
                let host = if scheme == "https://" {
                    format!("h{host}.example.com")
                } else {
                    String::new()
                };
                format!("{scheme}{host}{port}{path}{query}")
            })
            .boxed(),
        FieldType::RobotSecret => "SEC[A-Za-z0-9+/=]{1,40}".boxed(),
        FieldType::Secret | FieldType::Text => prop_oneof!["\\PC{1,30}", " [a-z]{1,8} "].boxed(),
        FieldType::Number => (1i64..).prop_map(|n| n.to_string()).boxed(),
        FieldType::Port => (1u16..).prop_map(|n| n.to_string()).boxed(),
        FieldType::Host => {
            prop_oneof!["[a-z0-9][a-z0-9.-]{0,20}", Just("127.0.0.1".to_owned())].boxed()
        }
        // One real CA file: the field is checked by reading it.
        FieldType::CaFile => Just(crate::support::tls::props_ca_file()).boxed(),
        FieldType::Choice(set) => (proptest::sample::select(set.names()), any::<bool>())
            .prop_map(|(w, upper)| {
                if upper {
                    w.to_ascii_uppercase().replace('_', "-")
                } else {
                    w.to_owned()
                }
            })
            .boxed(),
    }
}

/// A value `spec` accepts; secrets are either literal or a reference to an environment variable.
fn value_for(spec: &'static FieldSpec) -> BoxedStrategy<Value> {
    let parsed = raw_for(spec.ty)
        .prop_filter_map("rejected by the field's own parser", move |raw| {
            spec.parse(&raw).ok()
        });
    if spec.is_secret() {
        prop_oneof![
            parsed,
            "[A-Z_][A-Z0-9_]{0,15}".prop_map(|var| Value::Secret(Secret::Env(var))),
        ]
        .boxed()
    } else {
        parsed.boxed()
    }
}

/// A record of `schema`: every required and needed field, some optional ones, accepted by `validate`.
fn fields_for<S: Schema + std::fmt::Debug + 'static>(schema: S) -> BoxedStrategy<Fields> {
    let specs = schema.specs();
    let values: Vec<_> = specs
        .iter()
        .map(|s| (value_for(s), any::<bool>()))
        .collect();
    values
        .prop_map(move |chosen| {
            let all: Fields = specs
                .iter()
                .zip(&chosen)
                .map(|(s, (v, _))| (s.name, v.clone()))
                .collect();
            let needed = schema.needed(&all);
            let some: Fields = specs
                .iter()
                .zip(chosen)
                .filter(|(s, (_, keep))| *keep || s.required || needed.contains(&s.name))
                .map(|(s, (v, _))| (s.name, v))
                .collect();
            // A kind that needs one of several optional fields (lark: email or mobile) gets them all.
            if schema.validate(&some).is_ok() {
                some
            } else {
                all
            }
        })
        .prop_filter("valid record", move |fields| {
            schema.validate(fields).is_ok()
        })
        .boxed()
}

fn pending() -> impl Strategy<Value = PendingCode> {
    (
        "[0-9a-f]{32}",
        "[0-9a-f]{64}",
        any::<i64>(),
        any::<i64>(),
        any::<u32>(),
        "([a-z0-9.+]{1,12}(@[a-z.]{1,8})?)?",
    )
        .prop_map(
            |(salt, digest, sent_at, expires_at, attempts, to)| PendingCode {
                salt,
                digest,
                sent_at,
                expires_at,
                attempts,
                to,
            },
        )
}

fn channel(kind: Kind) -> impl Strategy<Value = Channel> {
    (
        fields_for(kind),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(pending()),
        proptest::option::of(any::<i64>()),
    )
        .prop_map(
            move |(fields, enabled, verified, pending, code_sent_at)| Channel {
                fields,
                enabled,
                // Kinds without verification are always verified: the store has no `verified` key for them.
                verified: verified || kind.verification() == Verification::None,
                pending: pending.map(Box::new),
                code_sent_at,
            },
        )
}

fn channels() -> impl Strategy<Value = Channels> {
    let each: Vec<_> = Kind::ALL
        .iter()
        .map(|k| proptest::option::of(channel(*k)))
        .collect();
    each.prop_map(|chosen| {
        Channels(
            Kind::ALL
                .iter()
                .zip(chosen)
                .filter_map(|(k, c)| Some((*k, c?)))
                .collect(),
        )
    })
}

fn user() -> impl Strategy<Value = User> {
    (
        proptest::option::of("\\PC{0,30}"),
        proptest::collection::vec("[a-z][a-z0-9_-]{0,10}", 0..4),
        channels(),
        proptest::option::of("[a-z]{1,6}"),
        proptest::sample::subsequence(Kind::ALL.to_vec(), 0..3),
    )
        .prop_map(
            |(display_name, roles, channels, quiet_hours, fallback)| User {
                display_name,
                roles,
                channels,
                quiet_hours,
                fallback,
            },
        )
}

fn providers() -> impl Strategy<Value = Providers> {
    let each: Vec<_> = ProviderName::ALL
        .iter()
        .map(|p| proptest::option::of(fields_for(*p)))
        .collect();
    each.prop_map(|chosen| {
        Providers(
            ProviderName::ALL
                .iter()
                .zip(chosen)
                .filter_map(|(p, f)| Some((*p, f?)))
                .collect(),
        )
    })
}

fn kinds() -> impl Strategy<Value = Vec<Kind>> {
    proptest::collection::vec(proptest::sample::select(&Kind::ALL[..]), 0..4)
}

fn event_id() -> impl Strategy<Value = EventId> {
    "[a-z0-9]{1,6}(-[a-z0-9]{1,4})?\\.[a-z0-9]{1,8}\\.[a-z]{1,4}(-[a-z0-9]{1,3})?"
        .prop_map(|s| s.parse().expect("generated as an event id"))
}

fn store() -> impl Strategy<Value = Store> {
    let user_name = "[A-Za-z0-9._@][A-Za-z0-9._@-]{0,15}";
    (
        proptest::option::of(user_name),
        kinds(),
        providers(),
        proptest::collection::btree_map(user_name, user(), 0..4),
        proptest::collection::btree_map(
            event_id(),
            (
                any::<bool>(),
                proptest::collection::vec("[a-z]{1,6}", 0..2),
                proptest::collection::vec(user_name, 0..2),
                kinds(),
                proptest::collection::vec("[a-z]{1,6}", 0..2),
                any::<bool>(),
                proptest::collection::vec(("[1-9][0-9]{0,2}[smhd]", "[a-z]{1,6}"), 0..2),
                proptest::option::of("[1-9][0-9]{0,2}[smh]"),
            )
                .prop_map(
                    |(enabled, roles, users, channels, mute, drop, steps, wait)| {
                        Rule {
                            enabled,
                            roles,
                            users,
                            channels,
                            template: None,
                            mute,
                            on_mute: if drop { OnMute::Drop } else { OnMute::Defer },
                            escalate: steps
                                .into_iter()
                                .map(|(after, role)| {
                                    format!("{after}:{role}").parse().expect("a step")
                                })
                                .collect(),
                            // Grouping only with a wait, so that the fields' presence goes together.
                            group_by: wait.iter().map(|_| GroupField::TaskId).collect(),
                            group_wait: wait.as_deref().map(|w| w.parse().expect("a span")),
                            repeat_interval: None,
                        }
                    },
                ),
            0..3,
        ),
        proptest::collection::btree_map(
            event_id(),
            (
                proptest::sample::select(vec![
                    DefaultRole::Submitter,
                    DefaultRole::Approver,
                    DefaultRole::None,
                ]),
                proptest::option::of("\\PC{0,30}"),
            )
                .prop_map(|(default_role, description)| CustomEvent {
                    default_role,
                    description,
                }),
            0..3,
        ),
        proptest::collection::btree_map("[a-z][a-z0-9_-]{0,8}", mute(), 0..3),
    )
        .prop_map(
            |(default_user, disabled, providers, users, rules, events, mute)| Store {
                version: 1,
                default_user,
                notice: Notice { disabled },
                providers,
                users,
                rules,
                events,
                mute,
            },
        )
}

fn mute() -> impl Strategy<Value = Mute> {
    let span = (0u8..24, 0u8..60, 0u8..24, 0u8..60)
        .prop_filter("not empty", |(a, b, c, d)| (a, b) != (c, d))
        .prop_map(|(a, b, c, d)| {
            format!("{a:02}:{b:02}-{c:02}:{d:02}")
                .parse()
                .expect("a span")
        });
    let days = proptest::sample::select(vec!["mon-fri", "sat", "sun", "fri-mon"])
        .prop_map(|d| d.parse().expect("days"));
    (
        proptest::collection::vec(span, 1..3),
        proptest::collection::vec(days, 0..2),
        proptest::option::of(proptest::sample::select(vec!["UTC", "Asia/Shanghai"])),
    )
        .prop_map(|(times, weekdays, zone)| Mute {
            times,
            weekdays,
            timezone: zone.map(str::to_owned),
        })
}

/// Two stores are equal in every part (`Store` has no `PartialEq`: its parts are compared one by one).
fn assert_same(a: &Store, b: &Store) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.version, b.version);
    prop_assert_eq!(&a.default_user, &b.default_user);
    prop_assert_eq!(&a.notice.disabled, &b.notice.disabled);
    prop_assert_eq!(&a.providers.0, &b.providers.0);
    prop_assert_eq!(&a.rules, &b.rules);
    prop_assert_eq!(&a.events, &b.events);
    prop_assert_eq!(&a.mute, &b.mute);
    prop_assert_eq!(
        a.users.keys().collect::<Vec<_>>(),
        b.users.keys().collect::<Vec<_>>()
    );
    for (name, x) in &a.users {
        let y = &b.users[name];
        prop_assert_eq!(&x.display_name, &y.display_name, "user {}", name);
        prop_assert_eq!(&x.roles, &y.roles, "user {}", name);
        prop_assert_eq!(&x.quiet_hours, &y.quiet_hours, "user {}", name);
        prop_assert_eq!(
            x.channels.0.keys().collect::<Vec<_>>(),
            y.channels.0.keys().collect::<Vec<_>>()
        );
        for (kind, c) in &x.channels.0 {
            let d = &y.channels.0[kind];
            prop_assert_eq!(&c.fields, &d.fields, "{}'s {}", name, kind);
            prop_assert_eq!(
                (c.enabled, c.verified, &c.pending, c.code_sent_at),
                (d.enabled, d.verified, &d.pending, d.code_sent_at),
                "{}'s {}",
                name,
                kind
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(super::config(128))]

    /// Write, read: the same store. Write what was read: the same file, byte for byte.
    #[test]
    fn any_valid_store_survives_write_and_read(store in store()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("store.toml");
        let file = StoreFile::new(path.clone());
        let written = store.clone();
        file.update(move |s| {
            *s = written;
            Ok(())
        })
        .map_err(|e| TestCaseError::fail(format!("write failed: {e:#}")))?;
        let text = std::fs::read_to_string(&path).expect("the store was written");
        let back = file
            .load()
            .map_err(|e| TestCaseError::fail(format!("read failed: {e:#}\n{text}")))?;
        assert_same(&store, &back)?;

        file.update(|_| Ok(())).map_err(|e| TestCaseError::fail(format!("rewrite failed: {e:#}")))?;
        prop_assert_eq!(std::fs::read_to_string(&path).expect("the store is still there"), text);
    }
}
