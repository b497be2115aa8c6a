//! `notify user import` on generated CSV and TOML files, through the binary: no input makes it panic. Each
//! case spawns a process, so the case counts are small.
//!
//! Whatever the input, the import either succeeds (exit 0, and the store it wrote reads back) or refuses
//! (exit 2, and the store is untouched: all or nothing); it never exits 101 or prints "panicked".

use notify::channels::Kind;
use notify::store::{Schema, StoreFile};
use proptest::prelude::*;

use crate::support::{Env, Run};

/// Column names the contract accepts: its own, and every `<kind>.<field>` (`_env` for secrets).
fn good_columns() -> Vec<String> {
    let mut out: Vec<String> = ["name", "display_name", "roles", "enable"]
        .map(str::to_owned)
        .to_vec();
    for kind in Kind::ALL {
        for spec in kind.fields() {
            out.push(format!("{kind}.{}", spec.name));
            if spec.is_secret() {
                out.push(format!("{kind}.{}_env", spec.name));
            }
        }
    }
    out
}

/// Near misses: wrong case, empty, unknown kinds and fields, `_env` on a field that is not a secret.
fn odd_columns() -> Vec<String> {
    [
        "Name",
        "",
        " name",
        "pager.number",
        "email.nope",
        "email.address_env",
        "sms",
        "name.name",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// A cell that is valid for `column`, quoted as CSV.
fn good_cell(column: &str) -> BoxedStrategy<Vec<u8>> {
    let quoted = |s: String| format!("\"{}\"", s.replace('"', "\"\"")).into_bytes();
    let example = |e: &str| Just(e.as_bytes().to_vec()).boxed();
    match column {
        "name" => "[a-z][a-z0-9._@-]{0,8}"
            .prop_map(String::into_bytes)
            .boxed(),
        "display_name" => "\\PC{0,12}".prop_map(quoted).boxed(),
        "roles" => "[a-z]{1,5}(;[a-z]{1,5}){0,2}"
            .prop_map(String::into_bytes)
            .boxed(),
        "enable" => proptest::sample::subsequence(Kind::ALL.to_vec(), 0..3)
            .prop_map(|kinds| {
                let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
                names.join(";").into_bytes()
            })
            .boxed(),
        c if c.ends_with("_env") => example("SOME_SECRET"),
        c => {
            let spec = c
                .split_once('.')
                .and_then(|(kind, field)| kind.parse::<Kind>().ok()?.spec_named(field));
            match spec {
                Some(spec) => Just(quoted(spec.example.to_owned())).boxed(),
                None => example("x"),
            }
        }
    }
}

/// Cell text that is probably wrong: near misses, quotes, separators, line breaks, control characters and
/// (rarely) bytes that are not UTF-8.
fn odd_cell() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        8 => proptest::sample::select(vec![
            "", "bad name", "-x", "dba;;", "pager", "sms;email", "not-an-address", "12", "SECabc",
            "http://example.com/x", "HMAC_SHA256", "1x", "0", " \t ",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        4 => "\\PC{0,12}".prop_map(String::into_bytes),
        2 => "\"[^\"]{0,10}(\"\"[a-z,]{0,3})?\"".prop_map(String::into_bytes),
        2 => proptest::sample::select(vec!["\"", "\"\"", ",", "\n", "\r\n", "\u{1b}[2J", "\u{0}", "\u{feff}"])
            .prop_map(|s| s.as_bytes().to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..8),
    ]
    .boxed()
}

/// A header of known (and sometimes odd) columns, then rows of cells that are mostly valid for their
/// column; rows may be ragged.
fn near_valid_csv() -> impl Strategy<Value = Vec<u8>> {
    let header = prop_oneof![
        3 => proptest::collection::vec(proptest::sample::select(good_columns()), 0..6),
        1 => proptest::collection::vec(
            proptest::sample::select([good_columns(), odd_columns()].concat()),
            0..6
        ),
    ];
    (
        proptest::bool::weighted(0.9),
        header,
        proptest::sample::select(vec![&b"\n"[..], b"\r\n"]),
    )
        .prop_flat_map(|(with_name, mut header, eol)| {
            if with_name {
                header.insert(0, "name".to_owned());
            }
            let row: Vec<BoxedStrategy<Vec<u8>>> = header
                .iter()
                .map(|c| prop_oneof![9 => good_cell(c), 1 => odd_cell()].boxed())
                .collect();
            let ragged = prop_oneof![
                5 => Just(Vec::new()),
                1 => proptest::collection::vec(odd_cell(), 1..3),
            ];
            let rows = proptest::collection::vec((row, ragged), 0..5);
            (Just(header), Just(eol), rows)
        })
        .prop_map(|(header, eol, rows)| {
            let mut out = header.join(",").into_bytes();
            for (mut row, extra) in rows {
                row.extend(extra);
                out.extend_from_slice(eol);
                out.extend(row.join(&b","[..]));
            }
            out
        })
}

/// A TOML value of any type, nested up to two levels, with strings that are often valid field values.
fn toml_value() -> impl Strategy<Value = toml::Value> {
    let mut strings: Vec<String> = Kind::ALL
        .iter()
        .flat_map(|k| k.fields().iter().map(|f| f.example.to_owned()))
        .collect();
    strings.extend(["SOME_SECRET", "dba", "", "\u{1b}[2J", "x\u{0}y"].map(str::to_owned));
    let leaf = prop_oneof![
        3 => proptest::sample::select(strings).prop_map(toml::Value::String),
        1 => "\\PC{0,10}".prop_map(toml::Value::String),
        1 => any::<i64>().prop_map(toml::Value::Integer),
        2 => any::<bool>().prop_map(toml::Value::Boolean),
        1 => any::<f64>().prop_map(toml::Value::Float),
    ];
    leaf.prop_recursive(2, 12, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(toml::Value::Array),
            proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..3)
                .prop_map(|m| toml::Value::Table(m.into_iter().collect())),
        ]
    })
}

/// `[users.<name>]` tables like the store's: display names, roles and channels by kind, with keys and
/// values that are right, of the wrong type, or unknown.
fn near_valid_toml() -> impl Strategy<Value = Vec<u8>> {
    let mut channel_keys: Vec<String> = ["enabled", "verified", "verification", "x"]
        .map(str::to_owned)
        .to_vec();
    for kind in Kind::ALL {
        for spec in kind.fields() {
            channel_keys.push(spec.name.as_str().to_owned());
            channel_keys.push(format!("{}_env", spec.name));
        }
    }
    let mut kinds: Vec<String> = Kind::ALL.iter().map(|k| k.as_str().to_owned()).collect();
    kinds.push("pager".to_owned());
    let channel =
        proptest::collection::btree_map(proptest::sample::select(channel_keys), toml_value(), 0..4)
            .prop_map(|m| toml::Value::Table(m.into_iter().collect()));
    let channels = proptest::collection::btree_map(proptest::sample::select(kinds), channel, 0..3)
        .prop_map(|m| toml::Value::Table(m.into_iter().collect()));
    let roles = prop_oneof![
        3 => proptest::collection::vec("[a-z]{1,5}", 0..3)
            .prop_map(|r| toml::Value::Array(r.into_iter().map(toml::Value::String).collect())),
        1 => toml_value(),
    ];
    let display_name = prop_oneof![
        3 => "\\PC{0,12}".prop_map(toml::Value::String),
        1 => toml_value(),
    ];
    let user = (
        proptest::option::of(display_name),
        proptest::option::of(roles),
        proptest::option::of(channels),
        proptest::option::weighted(0.15, toml_value()),
    )
        .prop_map(|(display_name, roles, channels, odd)| {
            let mut table = toml::Table::new();
            let parts = [
                ("display_name", display_name),
                ("roles", roles),
                ("channels", channels),
                ("nope", odd),
            ];
            for (key, value) in parts {
                if let Some(value) = value {
                    table.insert(key.to_owned(), value);
                }
            }
            toml::Value::Table(table)
        });
    let name = prop_oneof![4 => "[a-z][a-z0-9._@-]{0,8}", 1 => "\\PC{0,8}"];
    (
        proptest::collection::btree_map(name, prop_oneof![9 => user, 1 => toml_value()], 1..4),
        proptest::option::of(toml_value()),
    )
        .prop_map(|(users, other)| {
            let mut doc = toml::Table::new();
            doc.insert(
                "users".to_owned(),
                toml::Value::Table(users.into_iter().collect()),
            );
            if let Some(other) = other {
                doc.insert("people".to_owned(), other);
            }
            toml::to_string(&doc).unwrap_or_default().into_bytes()
        })
}

/// Any bytes, any text, printable ASCII, and text made mostly of separators.
fn arbitrary_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        any::<String>().prop_map(String::into_bytes),
        "[ -~\r\n\t]{0,200}".prop_map(String::into_bytes),
        "([a-z.@\" ;\r]{0,8}(,|\n)){0,30}".prop_map(String::into_bytes),
        "([\\[\\]a-z.=\" ]{0,8}\n){0,20}".prop_map(String::into_bytes),
        toml_lines(),
    ]
}

/// Lines of TOML (headers, keys, values, broken pieces) in any order.
fn toml_lines() -> BoxedStrategy<Vec<u8>> {
    let lines = vec![
        "[users.alice]",
        "[users.bob.channels.email]",
        "[users.c.channels.sms]",
        "[users]",
        "[a]",
        "[[users.d]]",
        "display_name = \"D\"",
        "display_name = 4",
        "roles = [\"dba\", 1]",
        "roles = \"dba\"",
        "address = \"d@example.com\"",
        "mobile = \"12\"",
        "enabled = true",
        "channels = { email = { address = 1 } }",
        "a = 1",
        "x = [1, \"a\"]",
        "alice = {}",
        "\"\" = 1",
        "]]",
        "{",
        "\"",
        "users = 1",
        "e = 1979-05-27T07:32:00Z",
    ];
    proptest::collection::vec(proptest::sample::select(lines), 0..12)
        .prop_map(|l| l.join("\n").into_bytes())
        .boxed()
}

/// Runs `notify user import` on `bytes` saved as `name` (its extension picks the format).
fn import(env: &Env, name: &str, bytes: &[u8]) -> Run {
    let file = env.path(name);
    std::fs::write(&file, bytes).expect("write the import file");
    env.run(&["user", "import", file.to_str().expect("utf-8 path")])
}

/// A store with one user, which every case starts from.
const BEFORE: &str = "version = 1\n\n[users.alice]\ndisplay_name = \"Alice\"\nroles = [\"dba\"]\n";

/// A fresh folder whose store holds [`BEFORE`].
fn env() -> Env {
    let env = Env::new();
    env.write_store(BEFORE);
    env
}

/// The outcome a user may see: 0 with a store that reads back, or 2 with the store untouched.
fn check(env: &Env, run: &Run) -> Result<(), TestCaseError> {
    prop_assert!(!run.stderr.contains("panicked"), "a panic:\n{}", run.stderr);
    prop_assert!(
        matches!(run.code, 0 | 2),
        "exit {}\nstdout:\n{}\nstderr:\n{}",
        run.code,
        run.stdout,
        run.stderr
    );
    if run.code == 0 {
        let load = StoreFile::new(env.store.clone()).load();
        prop_assert!(
            load.is_ok(),
            "the imported store does not read back: {:?}",
            load.err()
        );
    } else {
        prop_assert_eq!(
            env.store_text(),
            BEFORE,
            "a refused import changed the store"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(super::config(64))]

    /// CSV close to what the contract describes, with near misses in the header and the cells.
    #[test]
    fn near_valid_csv_never_panics(csv in near_valid_csv()) {
        let env = env();
        check(&env, &import(&env, "users.csv", &csv))?;
    }

    /// Arbitrary input read as CSV.
    #[test]
    fn arbitrary_bytes_and_text_never_panic(input in arbitrary_input()) {
        let env = env();
        check(&env, &import(&env, "users.csv", &input))?;
    }

    /// Tables like the store's, with keys and values right, of the wrong type or unknown.
    #[test]
    fn near_valid_toml_never_panics(toml in near_valid_toml()) {
        let env = env();
        check(&env, &import(&env, "users.toml", &toml))?;
    }

    /// Arbitrary input read as TOML.
    #[test]
    fn arbitrary_input_as_toml_never_panics(input in arbitrary_input()) {
        let env = env();
        check(&env, &import(&env, "users.toml", &input))?;
    }
}
