//! A fast path for reading a large store: each user's sections are parsed on their own (on every core
//! when there are many users) and the rest of the file (version, Notice Management, providers, rules) as
//! one small document. `toml` builds a token list and a tree of the whole text before deserialising it,
//! about 30 times the file's size; parsed user by user, that working memory is one user's per thread.
//! Lines inside multi-line strings are never taken for headers (see `strings`). Whatever this path does
//! not recognise (a quoted user name, a user defined in two places) or any error gives the text back, and the caller parses it whole as before, which yields the
//! same store or the error with its line and column.
//! Writing is split the same way: head, each user, tail, byte for byte what `toml::to_string` writes,
//! except that a user the command did not change is copied from the text it was read from (see `kept`),
//! and a changed user and the rest are written over the text they were read from (see `edit`), keeping
//! what a person wrote there. Rules and custom events a person put before the users move after them.

use std::collections::BTreeMap;
use std::ops::Range;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::edit;
use super::kept::{Found, Kept, Rest, Section, fingerprint};
use super::mute::Mute;
use super::rules::{CustomEvent, EventId, Rule};
use super::schema::{CURRENT_VERSION, Notice, Providers, Store, User};
use super::strings::{Open, has_multiline_string, scan};

/// Users' sections are parsed on several threads only above this many users: below it, starting a
/// thread costs about as much as it saves.
const PARALLEL_FROM: usize = 1000;
/// At most this many threads parse.
const MAX_THREADS: usize = 8;

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
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    mute: &'a BTreeMap<String, Mute>,
}

/// Writes `store` as `toml::to_string` does, byte for byte, but a user at a time, so that the whole
/// text is never in memory at once; `out` takes each piece in order. A user still as `kept` read it is
/// written as the text it was read from, which is the same bytes when notify wrote that text.
pub fn write(store: &Store, kept: &Kept, out: &mut dyn FnMut(&str) -> Result<()>) -> Result<()> {
    if let Some(old) = kept.whole_text() {
        return out(&edited(old, &text(store)?));
    }
    if store.users.is_empty() {
        // An empty `[users]` table is written too; a store without users is small.
        let new = text(store)?;
        let Some((old, trailer)) = kept.rest() else {
            return out(&new);
        };
        out(&lines(&edited(old, &new)))?;
        if !trailer.is_empty() {
            out("\n")?;
            out(trailer)?;
        }
        return Ok(());
    }
    let head = text(&Head {
        version: store.version,
        default_user: store.default_user.as_deref(),
        notice: &store.notice,
        providers: &store.providers,
    })?;
    let tail = text(&Tail {
        rules: &store.rules,
        events: &store.events,
        mute: &store.mute,
    })?;
    let (head, tail, trailer) = match kept.rest() {
        Some((old, trailer)) => {
            let (head, tail) = halves(old, head, tail);
            (head, tail, trailer)
        }
        None => (head, tail, ""),
    };
    // Pieces are separated by a blank line, unless one ends in a blank line or a comment already: a
    // comment a person wrote just above a header stays just above it.
    let mut open = true;
    let mut put = |piece: &str| -> Result<()> {
        if !open {
            out("\n")?;
        }
        out(piece)?;
        // The last line of a file may have no line break.
        if !piece.ends_with('\n') {
            out("\n")?;
        }
        open = ends_open(piece);
        Ok(())
    };
    put(&head)?;
    // Comments that ended the head stay just before the first user.
    if !trailer.is_empty() {
        put(trailer)?;
    }
    let mut kept = kept.walk();
    for (name, user) in &store.users {
        let one = || {
            text(&OneUser {
                users: BTreeMap::from([(name.as_str(), user)]),
            })
        };
        match kept.find(name, user) {
            Found::Unchanged(section) => put(section)?,
            Found::Changed(section) => put(&lines(&edited(section, &one()?)))?,
            Found::New => put(&one()?)?,
        }
    }
    if !tail.is_empty() {
        put(&tail)?;
    }
    Ok(())
}

/// Whether `piece` ends in a blank line or a comment line.
fn ends_open(piece: &str) -> bool {
    let body = piece.strip_suffix('\n').unwrap_or(piece);
    let last = body.rsplit('\n').next().unwrap_or_default().trim();
    last.is_empty() || last.starts_with('#')
}

/// `new` written over `old` (see `edit`), or `new` itself should `old` not be valid TOML.
fn edited(old: &str, new: &str) -> String {
    edit::updated(old, new).map_or_else(|| new.to_owned(), |doc| doc.to_string())
}

/// The rest brought up to date, cut in two: what goes before the users, and the rules and custom events
/// that go after them (without blank lines at either end).
fn halves(old: &str, head: String, tail: String) -> (String, String) {
    let Some(doc) = edit::updated(old, &format!("{head}\n{tail}")) else {
        return (head, tail);
    };
    let after = |key: &str| matches!(key, "rules" | "events" | "mute");
    let mut before = doc.clone();
    before.retain(|key, _| !after(key));
    let mut rest = doc;
    rest.retain(|key, _| after(key));
    if rest.is_empty() {
        return (lines(&before.to_string()), String::new());
    }
    // Comments at the very end belong to the tail; the head's own comments are not repeated.
    before.set_trailing("");
    rest.decor_mut().clear();
    let rest = rest.to_string();
    let blank = rest.len() - rest.trim_start_matches(['\n', '\r']).len();
    let start = rest[..blank].rfind('\n').map_or(0, |at| at + 1);
    (lines(&before.to_string()), lines(&rest[start..]))
}

/// `text` without the blank lines at its end, and ending in a line break.
fn lines(text: &str) -> String {
    let mut text = text.trim_end_matches([' ', '\t', '\r', '\n']).to_owned();
    text.push('\n');
    text
}

fn text<T: Serialize>(value: &T) -> Result<String> {
    toml::to_string(value).context("cannot serialise the store")
}

/// The store, when `text` is a store in today's layout that splits cleanly into users and the rest;
/// otherwise the text back. With `keep`, the text is kept too, for `write` (see `kept`).
pub fn parse(text: String, keep: bool) -> Result<(Store, Kept), String> {
    match read(&text, keep, threads_for) {
        Some(read) if keep => Ok((
            read.store,
            Kept::new(text, read.sections, read.prints, read.rest),
        )),
        Some(read) => Ok((read.store, Kept::default())),
        None => Err(text),
    }
}

/// How many threads parse the sections of `users` users.
fn threads_for(users: usize) -> usize {
    if users <= PARALLEL_FROM {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
}

/// A store read user by user and, when asked to keep them, its users' sections and fingerprints.
struct Read {
    store: Store,
    sections: Vec<Section>,
    prints: Vec<u8>,
    rest: Rest,
}

fn read(text: &str, keep: bool, threads: impl FnOnce(usize) -> usize) -> Option<Read> {
    let (parts, rest) = split(text)?;
    // The rest first: it is small, and an older version is left to the whole parse at once.
    let mut store: Store = toml::from_str(&rest.text).ok()?;
    if store.version != CURRENT_VERSION {
        return None;
    }
    let mut parsed = parse_users(text, &parts, keep, threads(parts.len()))?;
    // File order is name order in a store notify wrote: then sorting costs a comparison a user, and the
    // map is built in one pass instead of searched for each insertion.
    parsed.users.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    if parsed.users.windows(2).any(|w| w[0].0 == w[1].0) {
        return None;
    }
    if store.users.is_empty() {
        store.users = parsed.users.into_iter().collect();
    } else {
        for (name, user) in parsed.users {
            if store.users.insert(name, user).is_some() {
                return None;
            }
        }
    }
    Some(Read {
        store,
        sections: parsed.sections,
        prints: parsed.prints,
        rest,
    })
}

/// A user's sections in the text: the name in its headers, where that name starts, and the range.
struct Part<'t> {
    name: &'t str,
    name_at: usize,
    range: Range<usize>,
}

/// The users' sections in file order, and the rest of the text.
fn split(text: &str) -> Option<(Vec<Part<'_>>, Rest)> {
    // Only a text with a multi-line string (a rule's template, say) is read string by string, so that a
    // line inside one is never taken for a header.
    let careful = has_multiline_string(text);
    let mut open = Open::No;
    let mut rest = String::new();
    let mut parts = Vec::new();
    // The section being read: the user it belongs to (None: the rest) and where it starts.
    let mut current: (Option<(&str, usize)>, usize) = (None, 0);
    let mut close = |(user, start), end: usize| match user {
        None => rest.push_str(&text[start..end]),
        Some((name, name_at)) => parts.push(Part {
            name,
            name_at,
            range: start..end,
        }),
    };
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if careful {
            let inside = open != Open::No;
            open = scan(line.as_bytes(), open);
            if inside {
                continue;
            }
        }
        let trimmed = line.trim_start();
        if !trimmed.starts_with('[') {
            continue;
        }
        let user = match trimmed.strip_prefix("[users.") {
            Some(path) => Some((user_of(path)?, offset - path.len())),
            None => None,
        };
        if user.is_some() && user.map(|u| u.0) == current.0.map(|u| u.0) {
            continue;
        }
        close(current, start);
        current = (user, start);
    }
    if open != Open::No {
        return None;
    }
    close(current, text.len());
    // The comments that end the head introduce what follows it: they are kept before the first user.
    let head = parts.first().map_or(0, |p| p.range.start);
    let mut trailer = trailing_comments(&text[..head]);
    if careful && has_multiline_string(&text[trailer.clone()]) {
        // It may end a string rather than be comments: leave it where it is.
        trailer = head..head;
    }
    rest.replace_range(trailer.clone(), "");
    Some((
        parts,
        Rest {
            text: rest,
            trailer,
        },
    ))
}

/// Where the comment lines (and blank lines among them) that end `text` start and end.
fn trailing_comments(text: &str) -> Range<usize> {
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('#') {
            start.get_or_insert(offset);
        } else if !trimmed.is_empty() {
            start = None;
        }
        offset += line.len();
    }
    start.unwrap_or(text.len())..text.len()
}

/// The user a header's path (after `[users.`) belongs to, when it is a bare key.
fn user_of(path: &str) -> Option<&str> {
    let inside = &path[..path.find(']')?];
    let name = inside.split('.').next()?;
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    (!name.is_empty() && inside.chars().all(|c| bare(c) || c == '.')).then_some(name)
}

/// Users parsed from their sections, in file order; with `keep`, the sections and fingerprints too.
#[derive(Default)]
struct Parsed {
    users: Vec<(String, User)>,
    sections: Vec<Section>,
    prints: Vec<u8>,
}

/// Parses `parts` on `threads` threads (this one among them), each taking a run of consecutive parts;
/// the runs are joined in file order, so the outcome is the same as on one thread.
fn parse_users(text: &str, parts: &[Part<'_>], keep: bool, threads: usize) -> Option<Parsed> {
    let per_thread = parts.len().div_ceil(threads.max(1)).max(1);
    let mut runs = parts.chunks(per_thread);
    let first = runs.next().unwrap_or_default();
    let results: Vec<Option<Parsed>> = std::thread::scope(|scope| {
        let others: Vec<_> = runs
            .map(|run| scope.spawn(move || parse_run(text, run, keep)))
            .collect();
        let mut results = vec![parse_run(text, first, keep)];
        for other in others {
            results.push(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        results
    });
    let mut results = results.into_iter();
    let mut all = results.next()??;
    all.users.reserve(parts.len() - all.users.len());
    for run in results {
        let run = run?;
        let shift = all.prints.len();
        all.users.extend(run.users);
        all.sections
            .extend(run.sections.into_iter().map(|s| Section {
                print: s.print.start + shift..s.print.end + shift,
                ..s
            }));
        all.prints.extend_from_slice(&run.prints);
    }
    Some(all)
}

/// Parses consecutive parts, one document each.
fn parse_run(text: &str, parts: &[Part<'_>], keep: bool) -> Option<Parsed> {
    let mut out = Parsed {
        users: Vec::with_capacity(parts.len()),
        ..Parsed::default()
    };
    for part in parts {
        let mut users = toml::from_str::<Users>(&text[part.range.clone()])
            .ok()?
            .users;
        let (name, user) = users.remove_entry(part.name)?;
        if !users.is_empty() {
            return None;
        }
        if keep {
            let start = out.prints.len();
            fingerprint(&user, &mut out.prints);
            out.sections.push(Section {
                name: part.name_at..part.name_at + part.name.len(),
                text: part.range.start..content_end(text, &part.range),
                print: start..out.prints.len(),
            });
        }
        out.users.push((name, user));
    }
    Some(out)
}

/// The end of the last line in `range` that is not blank, after its line break if it has one; the end
/// of `range` when that line is a comment (it introduces what follows, blank lines and all).
fn content_end(text: &str, range: &Range<usize>) -> usize {
    let body = text[range.clone()].trim_end_matches([' ', '\t', '\r', '\n']);
    if ends_open(body) {
        return range.end;
    }
    let end = range.start + body.len();
    text[end..range.end]
        .find('\n')
        .map_or(range.end, |at| end + at + 1)
}

#[cfg(test)]
mod tests;
