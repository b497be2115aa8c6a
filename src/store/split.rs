//! A fast path for reading a large store: each user's sections are parsed on their own and the rest of the
//! file (version, Notice Management, providers, rules) as one small document. `toml` builds a token list
//! and a tree of the whole text before deserialising it, about 30 times the file's size; parsed user by
//! user, that working memory is one user's. Whatever this path does not recognise (a quoted user name,
//! a multi-line string, a user defined in two places) or any error gives `None`, and the caller parses
//! the whole text as before, which yields the same store or the error with its line and column.
//! Writing is split the same way: head, each user, tail, byte for byte what `toml::to_string` writes.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::rules::{CustomEvent, EventId, Rule};
use super::schema::{CURRENT_VERSION, Notice, Providers, Store, User};

/// One user's sections (`[users.<name>]`, `[users.<name>.channels.<kind>]`) as a document of their own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Users {
    users: BTreeMap<String, User>,
}

/// What `Store` writes before its users.
#[derive(Serialize)]
struct Head<'a> {
    version: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_user: Option<&'a str>,
    notice: &'a Notice,
    #[serde(skip_serializing_if = "no_providers")]
    providers: &'a Providers,
}

fn no_providers(p: &&Providers) -> bool {
    p.is_empty()
}

/// One user, as `Store` writes each.
#[derive(Serialize)]
struct OneUser<'a> {
    users: BTreeMap<&'a str, &'a User>,
}

/// What `Store` writes after its users.
#[derive(Serialize)]
struct Tail<'a> {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    rules: &'a BTreeMap<EventId, Rule>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    events: &'a BTreeMap<EventId, CustomEvent>,
}

/// Writes `store` as `toml::to_string` does, byte for byte, but a user at a time, so that the whole
/// text is never in memory at once; `out` takes each piece in order.
pub fn write(store: &Store, out: &mut dyn FnMut(&str) -> Result<()>) -> Result<()> {
    if store.users.is_empty() {
        // An empty `[users]` table is written too; a store without users is small.
        return out(&text(store)?);
    }
    out(&text(&Head {
        version: store.version,
        default_user: store.default_user.as_deref(),
        notice: &store.notice,
        providers: &store.providers,
    })?)?;
    for (name, user) in &store.users {
        out("\n")?;
        out(&text(&OneUser {
            users: BTreeMap::from([(name.as_str(), user)]),
        })?)?;
    }
    let tail = text(&Tail {
        rules: &store.rules,
        events: &store.events,
    })?;
    if !tail.is_empty() {
        out("\n")?;
        out(&tail)?;
    }
    Ok(())
}

fn text<T: Serialize>(value: &T) -> Result<String> {
    toml::to_string(value).context("cannot serialise the store")
}

/// The store, when `text` is a store in today's layout that splits cleanly into users and the rest.
pub fn parse(text: &str) -> Option<Store> {
    // A line inside a multi-line string could look like a table header.
    if text.contains("\"\"\"") || text.contains("'''") {
        return None;
    }
    let mut rest = String::new();
    let mut users = BTreeMap::new();
    // The section being read: the user it belongs to (None: the rest) and where it starts.
    let mut current: (Option<&str>, usize) = (None, 0);
    let mut flush = |(user, start): (Option<&str>, usize), end: usize| -> Option<()> {
        let part = &text[start..end];
        match user {
            None => rest.push_str(part),
            Some(_) => {
                for (name, user) in toml::from_str::<Users>(part).ok()?.users {
                    if users.insert(name, user).is_some() {
                        return None;
                    }
                }
            }
        }
        Some(())
    };
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let line = line.trim_start();
        if !line.starts_with('[') {
            continue;
        }
        let user = match line.strip_prefix("[users.") {
            Some(path) => Some(user_of(path)?),
            None => None,
        };
        if user.is_some() && user == current.0 {
            continue;
        }
        flush(current, start)?;
        current = (user, start);
    }
    flush(current, text.len())?;
    let mut store: Store = toml::from_str(&rest).ok()?;
    if store.version != CURRENT_VERSION {
        return None;
    }
    for (name, user) in users {
        if store.users.insert(name, user).is_some() {
            return None;
        }
    }
    Some(store)
}

/// The user a header's path (after `[users.`) belongs to, when it is a bare key.
fn user_of(path: &str) -> Option<&str> {
    let inside = &path[..path.find(']')?];
    let name = inside.split('.').next()?;
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    (!name.is_empty() && inside.chars().all(|c| bare(c) || c == '.')).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORE: &str = r#"version = 1
default_user = "alice"

[notice]
disabled = ["sms"]

[providers.smtp]
host = "smtp.example.com"
port = 587
security = "starttls"
from = "dms@example.com"

[users.alice]
display_name = "Alice"
roles = ["dba"]

[users.alice.channels.email]
address = "alice@example.com"
enabled = true
verified = true

[users.bob-2]
roles = []
channels.webhook = { url = "https://hooks.example.com/bob", signature_method = "NONE" }

[rules."ticket.permission.approved"]
roles = ["related"]

[users.carol_3]
display_name = "Carol [ops]"
roles = [
  "admin",
]
"#;

    fn same(a: &Store, b: &Store) -> bool {
        toml::to_string(a).unwrap() == toml::to_string(b).unwrap()
    }

    #[test]
    fn a_store_read_user_by_user_is_the_store_read_whole() {
        let whole: Store = toml::from_str(STORE).unwrap();
        let split = parse(STORE).expect("the fast path takes it");
        assert!(same(&split, &whole));
        assert_eq!(split.users.len(), 3);
        assert_eq!(split.default_user.as_deref(), Some("alice"));
        assert_eq!(split.rules.len(), 1);
        let written = toml::to_string(&whole).unwrap();
        assert!(same(&parse(&written).unwrap(), &whole));
    }

    fn written(store: &Store) -> String {
        let mut text = String::new();
        write(store, &mut |piece| {
            text.push_str(piece);
            Ok(())
        })
        .unwrap();
        text
    }

    #[test]
    fn a_store_written_user_by_user_is_the_store_written_whole() {
        let full: Store = toml::from_str(STORE).unwrap();
        let mut stores = vec![Store::default(), full.clone()];
        let mut bare = full.clone();
        bare.rules.clear();
        bare.providers.0.clear();
        bare.default_user = None;
        stores.push(bare);
        let mut no_users = full;
        no_users.users.clear();
        stores.push(no_users);
        for store in &stores {
            assert_eq!(written(store), toml::to_string(store).unwrap());
        }
    }

    #[test]
    fn anything_unusual_is_left_to_the_whole_parse() {
        let cases = [
            // A user defined in two places, and twice.
            format!("{STORE}[users.alice.channels.sms]\nmobile = \"+8613100000000\"\n"),
            format!("{STORE}[users.alice]\n"),
            // A user in the rest of the file as well.
            format!("{STORE}[users]\nalice = {{ roles = [] }}\n"),
            // A quoted name, a multi-line string, an older version, a mistake.
            STORE.replace("[users.bob-2]", "[users.\"bob 2\"]"),
            format!("{STORE}[users.dave]\ndisplay_name = \"\"\"D\"\"\"\n"),
            STORE.replace("version = 1", "version = 0"),
            STORE.replace("roles = [\"dba\"]", "roles = \"dba\""),
            STORE.replace("[users.bob-2]", "[users.bob-2"),
        ];
        for text in &cases {
            assert!(parse(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_split_inside_a_value_is_an_error_not_another_meaning() {
        let text = STORE.replace("  \"admin\",\n", "  \"admin\",\n[users.eve]\n");
        assert!(toml::from_str::<Store>(&text).is_err());
        assert!(parse(&text).is_none());
    }
}
