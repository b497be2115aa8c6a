//! What a write needs to copy each unchanged user instead of serialising it again, and to keep what a
//! person wrote in the rest: the text the store was read from, where each user's section is in it, and a
//! fingerprint of the user it parsed to.
//!
//! The fingerprint is the byte sequence that the user's derived `Hash` feeds a hasher. `Hash` must write
//! sequences that differ, and are not prefixes of each other, for unequal values (`std::hash::Hash`,
//! "Prefix collisions"), and `User` derives `Hash` and `Eq` down to its strings and numbers: equal
//! fingerprints mean equal users. The test is exact, at about a tenth of the memory of a parsed copy.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use super::schema::User;

/// Empty unless the store was read for a write. Never printed: the text holds secrets.
#[derive(Clone, Default)]
pub struct Kept(Option<Arc<Sources>>);

struct Sources {
    text: String,
    /// By name.
    users: Vec<Section>,
    prints: Vec<u8>,
    /// None when the store was read whole: then `text` is all there is.
    rest: Option<Rest>,
}

/// The text that is not a user's section, and the comments that ended the head before the first user.
pub struct Rest {
    /// The head without those comments, then every other part that is not a user's.
    pub text: String,
    /// Where those comments are in the store's text.
    pub trailer: Range<usize>,
}

/// What a user's text is to a write.
pub enum Found<'a> {
    /// Still what the text parsed to: copy it.
    Unchanged(&'a str),
    /// Changed since: bring this text up to date.
    Changed(&'a str),
    /// Not read from the text.
    New,
}

/// Where one user is in the text, and where its fingerprint is in the fingerprints.
#[derive(Debug, Clone)]
pub struct Section {
    pub name: Range<usize>,
    /// The user's section up to the end of its last line that is not blank.
    pub text: Range<usize>,
    pub print: Range<usize>,
}

impl Kept {
    /// Keeps `text` with its users' `sections`, whose fingerprints are in `prints`.
    pub fn new(text: String, mut sections: Vec<Section>, prints: Vec<u8>, rest: Rest) -> Kept {
        sections.sort_unstable_by(|a, b| text[a.name.clone()].cmp(&text[b.name.clone()]));
        Kept(Some(Arc::new(Sources {
            text,
            users: sections,
            prints,
            rest: Some(rest),
        })))
    }

    /// Keeps the text of a store that was read as a whole.
    pub fn whole(text: String) -> Kept {
        Kept(Some(Arc::new(Sources {
            text,
            users: Vec::new(),
            prints: Vec::new(),
            rest: None,
        })))
    }

    /// The text, when the store was read as a whole.
    pub fn whole_text(&self) -> Option<&str> {
        let kept = self.0.as_deref()?;
        kept.rest.is_none().then_some(kept.text.as_str())
    }

    /// The rest and its head's trailing comments, when the store was read user by user.
    pub fn rest(&self) -> Option<(&str, &str)> {
        let kept = self.0.as_deref()?;
        let rest = kept.rest.as_ref()?;
        Some((&rest.text, &kept.text[rest.trailer.clone()]))
    }

    /// Looks users up as `write` goes through them, in name order.
    pub fn walk(&self) -> Walk<'_> {
        Walk {
            kept: self.0.as_deref(),
            at: 0,
            scratch: Vec::new(),
        }
    }
}

/// A cursor over the kept users, for names asked in ascending order.
pub struct Walk<'a> {
    kept: Option<&'a Sources>,
    at: usize,
    scratch: Vec<u8>,
}

impl<'a> Walk<'a> {
    /// The text `name` was read from, and whether `user` is still the user that text parsed to. Each
    /// name asked must come after the one before.
    pub fn find(&mut self, name: &str, user: &User) -> Found<'a> {
        let Some(kept) = self.kept else {
            return Found::New;
        };
        let name_of = |s: &Section| &kept.text[s.name.clone()];
        while kept.users.get(self.at).is_some_and(|s| name_of(s) < name) {
            self.at += 1;
        }
        let Some(section) = kept.users.get(self.at).filter(|s| name_of(s) == name) else {
            return Found::New;
        };
        self.scratch.clear();
        fingerprint(user, &mut self.scratch);
        let text = &kept.text[section.text.clone()];
        if kept.prints[section.print.clone()] == self.scratch[..] {
            Found::Unchanged(text)
        } else {
            Found::Changed(text)
        }
    }
}

impl fmt::Debug for Kept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let users = self.0.as_ref().map_or(0, |k| k.users.len());
        f.debug_struct("Kept").field("users", &users).finish()
    }
}

/// Appends `user`'s fingerprint to `out`.
pub fn fingerprint(user: &User, out: &mut Vec<u8>) {
    user.hash(&mut Recorder(out));
}

/// A `Hasher` that keeps everything it is fed.
struct Recorder<'a>(&'a mut Vec<u8>);

impl Hasher for Recorder<'_> {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
    /// Not a hash: the recorded bytes are what counts.
    fn finish(&self) -> u64 {
        self.0.len() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::Kind;
    use crate::store::Channel;
    use crate::values::{Field, Secret, Value};

    fn print(user: &User) -> Vec<u8> {
        let mut out = Vec::new();
        fingerprint(user, &mut out);
        out
    }

    #[test]
    fn every_change_to_a_user_changes_its_fingerprint() {
        let mut channel = Channel::default();
        channel
            .fields
            .insert(Field::Url, Value::Text("https://h.example.com/a".into()));
        let mut user = User {
            display_name: Some("Al".into()),
            roles: vec!["dba".into()],
            ..User::default()
        };
        user.channels.0.insert(Kind::Webhook, channel);
        let base = print(&user);
        assert_eq!(print(&user.clone()), base);
        type Change = Box<dyn Fn(&mut User)>;
        let mut changes: Vec<Change> = vec![
            Box::new(|u| u.display_name = None),
            Box::new(|u| u.display_name = Some("Al ".into())),
            // The same letters, cut differently.
            Box::new(|u| {
                u.display_name = Some("Aldba".into());
                u.roles.clear();
            }),
            Box::new(|u| u.roles.push(String::new())),
            Box::new(|u| u.channels.0.clear()),
        ];
        let channel = |f: fn(&mut Channel)| -> Change {
            Box::new(move |u| f(u.channels.0.get_mut(&Kind::Webhook).unwrap()))
        };
        changes.extend([
            channel(|c| c.enabled = true),
            channel(|c| c.verified = true),
            channel(|c| c.code_sent_at = Some(0)),
            channel(|c| {
                c.fields
                    .insert(Field::Url, Value::Text("https://h.example.com/b".into()));
            }),
            // The same text as a secret, or as an environment reference.
            channel(|c| {
                c.fields.insert(
                    Field::Url,
                    Value::Secret(Secret::Literal("https://h.example.com/a".into())),
                );
            }),
            channel(|c| {
                c.fields.insert(
                    Field::Url,
                    Value::Secret(Secret::Env("https://h.example.com/a".into())),
                );
            }),
        ]);
        for (i, change) in changes.iter().enumerate() {
            let mut changed = user.clone();
            change(&mut changed);
            assert_ne!(changed, user, "change {i}");
            assert_ne!(print(&changed), base, "change {i}");
        }
    }

    #[test]
    fn debug_output_shows_no_text() {
        let text = "[users.a.channels.smtp]\npassword = \"hunter2\"\n".to_owned();
        let len = text.len();
        let kept = Kept::new(
            text,
            vec![Section {
                name: 7..8,
                text: 0..len,
                print: 0..0,
            }],
            Vec::new(),
            Rest {
                text: String::new(),
                trailer: 0..0,
            },
        );
        assert_eq!(format!("{kept:?}"), "Kept { users: 1 }");
    }
}
