//! `notify user import` on generated CSV files, through the binary: no input makes it panic. Each case
//! spawns a process, so the case counts are small.
//!
//! Whatever the input, the import either succeeds (exit 0, and the store it wrote reads back) or refuses
//! (exit 2, and the store is untouched: all or nothing); it never exits 101 or prints "panicked".

use notify::channels::Kind;
use notify::store::StoreFile;
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
                .and_then(|(kind, field)| kind.parse::<Kind>().ok()?.field(field));
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

fn import(env: &Env, csv: &[u8]) -> Run {
    let file = env.path("users.csv");
    std::fs::write(&file, csv).expect("write the CSV");
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
    // Known defect (issue 11, item 3): invalid UTF-8 is still a read error (exit 1) rather than a bad row.
    // Drop this allowance when that is fixed.
    let utf8_read_error = run.code == 1 && run.stderr.contains("valid UTF-8");
    prop_assert!(
        matches!(run.code, 0 | 2) || utf8_read_error,
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
        check(&env, &import(&env, &csv))?;
    }

    /// Any bytes, any text, printable ASCII, and text made mostly of CSV's separators.
    #[test]
    fn arbitrary_bytes_and_text_never_panic(csv in prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        any::<String>().prop_map(String::into_bytes),
        "[ -~\r\n\t]{0,200}".prop_map(String::into_bytes),
        "([a-z.@\" ;\r]{0,8}(,|\n)){0,30}".prop_map(String::into_bytes),
    ]) {
        let env = env();
        check(&env, &import(&env, &csv))?;
    }
}
