//! Tests of reading a store user by user and writing it back.

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

/// The store read for a write, and its kept text.
fn parsed(text: &str) -> Option<(Store, Kept)> {
    parse(text.to_owned(), true).ok()
}

fn written(store: &Store, kept: &Kept) -> String {
    let mut text = String::new();
    write(store, kept, &mut |piece| {
        text.push_str(piece);
        Ok(())
    })
    .unwrap();
    text
}

#[test]
fn a_store_read_user_by_user_is_the_store_read_whole() {
    let whole: Store = toml::from_str(STORE).unwrap();
    let (split, _) = parsed(STORE).expect("the fast path takes it");
    assert!(same(&split, &whole));
    assert_eq!(split.users, whole.users);
    assert_eq!(split.users.len(), 3);
    assert_eq!(split.default_user.as_deref(), Some("alice"));
    assert_eq!(split.rules.len(), 1);
    let written = toml::to_string(&whole).unwrap();
    assert!(same(&parsed(&written).unwrap().0, &whole));
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
        let expected = toml::to_string(store).unwrap();
        assert_eq!(written(store, &Kept::default()), expected);
        // Read back for a write and written again unchanged, or with every user changed.
        let (mut again, kept) = parsed(&expected).unwrap();
        assert_eq!(written(&again, &kept), expected);
        for user in again.users.values_mut() {
            user.roles.push("new".into());
        }
        assert_eq!(written(&again, &kept), toml::to_string(&again).unwrap());
    }
}

/// A store as notify writes it, with `n` more users (some with channels).
fn canonical(n: usize) -> String {
    let mut store: Store = toml::from_str(STORE).unwrap();
    let template = store.users["alice"].clone();
    for i in 0..n {
        let mut user = template.clone();
        user.display_name = Some(format!("User {i}"));
        if i % 3 == 0 {
            user.channels.0.clear();
        }
        store.users.insert(format!("u{i:05}"), user);
    }
    toml::to_string(&store).unwrap()
}

#[test]
fn a_store_notify_wrote_is_written_back_byte_for_byte_as_today() {
    for text in [canonical(0), canonical(40)] {
        let (mut store, kept) = parsed(&text).unwrap();
        assert_eq!(written(&store, &kept), text, "nothing changed");
        // A changed, an added and a removed user; the others are copied.
        store.users.get_mut("alice").unwrap().display_name = Some("Alice Liddell".into());
        store.users.insert("zed".into(), User::default());
        store.users.remove("bob-2");
        let out = written(&store, &kept);
        assert_eq!(out, toml::to_string(&store).unwrap());
        assert!(out.contains("display_name = \"Alice Liddell\""), "{out}");
        // Without the rules after the users, the last user ends the file.
        store.rules.clear();
        assert_eq!(written(&store, &kept), toml::to_string(&store).unwrap());
    }
}

#[test]
fn a_hand_edited_user_is_kept_as_written_and_reads_the_same() {
    let (store, kept) = parsed(STORE).unwrap();
    let out = written(&store, &kept);
    // bob's inline table and carol's roles over three lines are kept as they were.
    assert!(
        out.contains("\n[users.bob-2]\nroles = []\nchannels.webhook = { url = \"https://hooks.example.com/bob\", signature_method = \"NONE\" }\n\n"),
        "{out}"
    );
    assert!(
        out.contains("\n[users.carol_3]\ndisplay_name = \"Carol [ops]\"\nroles = [\n  \"admin\",\n]\n\n[rules."),
        "{out}"
    );
    assert_ne!(out, toml::to_string(&store).unwrap());
    let whole: Store = toml::from_str(&out).unwrap();
    assert_eq!(whole.users, store.users);
    assert!(same(&whole, &store));
    assert_eq!(parsed(&out).unwrap().0.users, store.users);
}

#[test]
fn a_changed_hand_edited_user_keeps_its_layout() {
    let (mut store, kept) = parsed(STORE).unwrap();
    store.users.get_mut("bob-2").unwrap().roles = vec!["ops".into()];
    let out = written(&store, &kept);
    // The inline table stays inline; what notify writes for a channel (`enabled`) joins it.
    assert!(
        out.contains("[users.bob-2]\nroles = [\"ops\"]\nchannels.webhook = { url = \"https://hooks.example.com/bob\", signature_method = \"NONE\", enabled = false }\n\n"),
        "{out}"
    );
    // The others are still as they were.
    assert!(out.contains("roles = [\n  \"admin\",\n]\n"), "{out}");
    let again: Store = toml::from_str(&out).unwrap();
    assert_eq!(again.users, store.users);
}

const COMMENTED: &str = r#"# The team's store: edited by hand, kept by notify.
version = 1

[notice]
disabled = ["sms"]  # off for now

[providers.smtp]
host = "smtp.example.com"
port = 2525  # local relay
security = "starttls"
from = "dms@example.com"

# People, by name.

[users.alice]
display_name = "Alice" # she/her
roles = ["dba"]

[users.alice.channels.email]
# her work address
address = "alice@example.com"
enabled = true  # on
verified = true

[users.bob]
roles = []  # none yet

# Who hears of what.
[rules."ticket.permission.approved"]
roles = ["related"] # the requester
# The end.
"#;

#[test]
fn comments_survive_a_write_that_changes_what_is_around_them() {
    let (mut store, kept) = parsed(COMMENTED).unwrap();
    assert_eq!(written(&store, &kept), COMMENTED, "nothing changed");
    let email = crate::channels::Kind::Email;
    let alice = store.users.get_mut("alice").unwrap();
    let channel = alice.channels.0.get_mut(&email).unwrap();
    channel.fields.insert(
        crate::values::Field::Address,
        crate::values::Value::Text("alice@example.org".into()),
    );
    channel.verified = false;
    store.notice.disabled.push(email);
    store.users.get_mut("bob").unwrap().roles = vec!["ops".into()];
    let out = written(&store, &kept);
    let expected = COMMENTED
        .replace("\"sms\"]  # off", "\"sms\", \"email\"]  # off")
        .replace("alice@example.com\"\n", "alice@example.org\"\n")
        .replace("verified = true", "verified = false")
        .replace("roles = []  # none yet", "roles = [\"ops\"]  # none yet");
    assert_eq!(out, expected);
    assert!(same(&toml::from_str(&out).unwrap(), &store));
    // Channels added before and after the hand-written one take their places in kind order.
    let alice = store.users.get_mut("alice").unwrap();
    for kind in [crate::channels::Kind::Sms, crate::channels::Kind::Dingtalk] {
        let mut channel = crate::store::Channel::default();
        channel.fields.insert(
            crate::values::Field::Mobile,
            crate::values::Value::Text("+8613100000000".into()),
        );
        alice.channels.0.insert(kind, channel);
    }
    let out = written(&store, &kept);
    let again: Store = toml::from_str(&out).unwrap();
    assert_eq!(again.users, store.users);
    let at = |header: &str| {
        out.find(header)
            .unwrap_or_else(|| panic!("{header}: {out}"))
    };
    assert!(at("[users.alice.channels.dingtalk]") < at("[users.alice.channels.email]\n# her work"));
    assert!(at("# her work") < at("[users.alice.channels.sms]"));
    assert!(at("[users.alice.channels.sms]") < at("[users.bob]"));
    // Read whole (a quoted name sends it past the fast path), the comments stay as well.
    let multi = COMMENTED.replace("[users.bob]", "[users.\"bob\"]");
    let (mut store, kept) = parse(multi.clone(), true).map_or_else(
        |text| {
            let store: Store = toml::from_str(&text).unwrap();
            (store, Kept::whole(text))
        },
        |_| panic!("the fast path took a quoted name"),
    );
    assert_eq!(written(&store, &kept), multi);
    store.users.get_mut("bob").unwrap().roles = vec!["ops".into()];
    assert_eq!(
        written(&store, &kept),
        multi.replace("roles = []  # none yet", "roles = [\"ops\"]  # none yet")
    );
}

#[test]
fn a_last_user_without_a_line_break_is_kept_with_one() {
    let text = "version = 1\n\n[users.a]\nroles = []  \n\n[users.b]\nroles = [] # the end";
    let (store, kept) = parsed(text).unwrap();
    let out = written(&store, &kept);
    assert!(
        out.ends_with("[users.a]\nroles = []  \n\n[users.b]\nroles = [] # the end\n"),
        "{out}"
    );
    assert_eq!(toml::from_str::<Store>(&out).unwrap().users, store.users);
}

#[test]
fn a_store_read_without_keep_keeps_nothing() {
    let (store, kept) = parse(STORE.to_owned(), false).unwrap();
    assert_eq!(format!("{kept:?}"), "Kept { users: 0 }");
    assert_eq!(written(&store, &kept), toml::to_string(&store).unwrap());
    assert_eq!(
        format!("{:?}", parsed(STORE).unwrap().1),
        "Kept { users: 3 }"
    );
}

/// Each kept section as (name, text, fingerprint).
fn sections<'a>(text: &'a str, read: &'a Read) -> Vec<(&'a str, &'a str, &'a [u8])> {
    read.sections
        .iter()
        .map(|s| {
            let print = &read.prints[s.print.clone()];
            (&text[s.name.clone()], &text[s.text.clone()], print)
        })
        .collect()
}

#[test]
fn many_threads_read_the_same_store_as_one() {
    let text = canonical(100);
    let one = read(&text, true, |_| 1).unwrap();
    for threads in [2, 3, 7, 500] {
        let many = read(&text, true, |_| threads).unwrap();
        assert_eq!(many.store.users, one.store.users, "{threads}");
        assert!(same(&many.store, &one.store));
        assert_eq!(sections(&text, &many), sections(&text, &one), "{threads}");
    }
    assert_eq!(threads_for(PARALLEL_FROM), 1);
}

#[test]
fn a_duplicate_far_apart_is_found_on_many_threads_and_left_to_the_whole_parse() {
    let text = canonical(100);
    let copy = "[users.u00007]\nroles = []\n";
    let duplicated = format!("{text}\n{copy}");
    for threads in [1, 2, 4] {
        assert!(read(&duplicated, true, |_| threads).is_none(), "{threads}");
        assert!(read(&text, true, |_| threads).is_some(), "{threads}");
    }
    assert_eq!(parse(duplicated.clone(), true).unwrap_err(), duplicated);
    // A mistake in the last run as well.
    let bad = text.replace("display_name = \"User 99\"", "display_name = 99");
    assert!(read(&bad, true, |_| 4).is_none());
}

#[test]
fn anything_unusual_is_left_to_the_whole_parse() {
    let cases = [
        // A user defined in two places, and twice.
        format!("{STORE}[users.alice.channels.sms]\nmobile = \"+8613100000000\"\n"),
        format!("{STORE}[users.alice]\n"),
        // A user in the rest of the file as well.
        format!("{STORE}[users]\nalice = {{ roles = [] }}\n"),
        // A quoted name, an unterminated multi-line string, an older version, a mistake.
        STORE.replace("[users.bob-2]", "[users.\"bob 2\"]"),
        format!("{STORE}[users.dave]\ndisplay_name = \"\"\"D\n"),
        STORE.replace("version = 1", "version = 0"),
        STORE.replace("roles = [\"dba\"]", "roles = \"dba\""),
        STORE.replace("[users.bob-2]", "[users.bob-2"),
    ];
    for text in &cases {
        assert_eq!(parse(text.clone(), true).unwrap_err(), *text);
    }
}

#[test]
fn a_header_inside_a_multi_line_string_is_not_a_user() {
    let templates = [
        "template = \"\"\"\nHello\n[users.eve]\nroles = []\n\"\"\"\n",
        "template = '''\n[users.eve]\n'''\n",
        // Quotes and escapes inside, and the closing quotes with two more of the string's own.
        "template = \"\"\"a \\\"\"\" # not a comment\n[users.eve]\nb\"\"\"\"\"\nusers = [\"x'''\"]\n",
        "template = \"\"\"\\\n  [users.eve]\"\"\"\n",
    ];
    for template in templates {
        let text = STORE.replace(
            "roles = [\"related\"]\n",
            &format!("roles = [\"related\"]\n{template}"),
        );
        let whole: Store = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let (split, kept) = parsed(&text).unwrap_or_else(|| panic!("fast path: {text}"));
        assert!(!split.users.contains_key("eve"), "{text}");
        assert_eq!(split.users, whole.users);
        assert!(same(&split, &whole), "{text}");
        let out = written(&split, &kept);
        assert!(out.contains(template), "{out}");
        assert!(same(&toml::from_str(&out).unwrap(), &whole), "{out}");
    }
    // A multi-line string written on one line.
    let text = format!("{STORE}[users.dave]\ndisplay_name = \"\"\"D\"\"\"\n");
    let (split, _) = parsed(&text).unwrap();
    assert_eq!(split.users["dave"].display_name.as_deref(), Some("D"));
}

#[test]
fn a_split_inside_a_value_is_an_error_not_another_meaning() {
    let text = STORE.replace("  \"admin\",\n", "  \"admin\",\n[users.eve]\n");
    assert!(toml::from_str::<Store>(&text).is_err());
    assert!(parsed(&text).is_none());
}
