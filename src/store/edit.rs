//! Brings text a person may have edited up to date with the text notify would write, so that a write
//! keeps their comments, blank lines, key order and formatting wherever the value under them is unchanged.
//!
//! Both texts are parsed with `toml_edit`; the old document is changed in place: a key the new text lacks
//! is removed, a value that differs is replaced (keeping the comment after it on its line), and a key only
//! the new text has is inserted after the key that precedes it there, so that a store notify wrote stays
//! byte for byte what `toml` writes.

use std::collections::HashMap;

use toml_edit::{Array, DocumentMut, InlineTable, Item, Key, Table, Value};

/// `old` changed to hold what `new` holds; `None` when either is not valid TOML.
pub fn updated(old: &str, new: &str) -> Option<DocumentMut> {
    let mut doc: DocumentMut = old.parse().ok()?;
    let new: DocumentMut = new.parse().ok()?;
    table(doc.as_table_mut(), new.into_table());
    Some(doc)
}

fn table(old: &mut Table, new: Table) {
    let old_entries = drain(old, |t, k| t.remove_entry(k));
    let mut new = new;
    let new_entries = drain(&mut new, |t, k| t.remove_entry(k));
    for (key, item) in merge(old_entries, new_entries, &mut self::item, &mut unplace) {
        old.insert_formatted(&key, item);
    }
}

fn inline(old: &mut InlineTable, mut new: InlineTable) {
    let old_entries = drain(old, |t, k| t.remove_entry(k));
    // The space before the closing brace stays before it, whichever entry ends up last.
    let closing = old_entries.last().map(|(_, v)| v.decor().suffix().cloned());
    let new_entries = drain(&mut new, |t, k| t.remove_entry(k));
    let mut entries = merge(old_entries, new_entries, &mut value, &mut |_| {});
    if let Some(closing) = closing {
        for (_, v) in &mut entries {
            if let Some(suffix) = &closing
                && v.decor().suffix() == Some(suffix)
            {
                v.decor_mut().set_suffix("");
            }
        }
        if let (Some((_, v)), Some(suffix)) = (entries.last_mut(), closing) {
            v.decor_mut().set_suffix(suffix);
        }
    }
    for (key, v) in entries {
        old.insert_formatted(&key, v);
    }
}

/// Takes every entry out of a table, in order (from the back: each removal is then cheap).
fn drain<T: KeyNames, V>(
    table: &mut T,
    mut remove: impl FnMut(&mut T, &str) -> Option<(Key, V)>,
) -> Vec<(Key, V)> {
    let names = table.names();
    let mut entries: Vec<_> = names
        .iter()
        .rev()
        .filter_map(|name| remove(table, name))
        .collect();
    entries.reverse();
    entries
}

trait KeyNames {
    fn names(&self) -> Vec<String>;
}

impl KeyNames for Table {
    fn names(&self) -> Vec<String> {
        self.iter().map(|(k, _)| k.to_owned()).collect()
    }
}

impl KeyNames for InlineTable {
    fn names(&self) -> Vec<String> {
        self.iter().map(|(k, _)| k.to_owned()).collect()
    }
}

/// `old`'s entries in their order, each brought up to date by `update`, without those `new` lacks; each
/// entry only `new` has (passed through `fresh`) follows the entry that precedes it in `new`.
fn merge<V>(
    old: Vec<(Key, V)>,
    new: Vec<(Key, V)>,
    update: &mut dyn FnMut(&mut V, V),
    fresh: &mut dyn FnMut(&mut V),
) -> Vec<(Key, V)> {
    let at: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.get(), i))
        .collect();
    let mut matched: Vec<Option<V>> = old.iter().map(|_| None).collect();
    let mut following: Vec<Vec<(Key, V)>> = old.iter().map(|_| Vec::new()).collect();
    let mut first = Vec::new();
    let mut last = None;
    for (key, mut v) in new {
        match at.get(key.get()) {
            Some(&i) => {
                matched[i] = Some(v);
                last = Some(i);
            }
            None => {
                fresh(&mut v);
                match last {
                    Some(i) => following[i].push((key, v)),
                    None => first.push((key, v)),
                }
            }
        }
    }
    drop(at);
    let mut out = first;
    for (((key, mut v), new), after) in old.into_iter().zip(matched).zip(following) {
        if let Some(new) = new {
            update(&mut v, new);
            out.push((key, v));
        }
        out.extend(after);
    }
    out
}

fn item(old: &mut Item, new: Item) {
    match (old, new) {
        (Item::Table(o), Item::Table(n)) => table(o, n),
        (Item::Value(o), Item::Value(n)) => value(o, n),
        // A table a person wrote inline (`webhook = { url = "..." }`) stays inline.
        (Item::Value(Value::InlineTable(o)), Item::Table(n)) => inline(o, n.into_inline_table()),
        (old, mut new) => {
            unplace(&mut new);
            *old = new;
        }
    }
}

fn value(old: &mut Value, new: Value) {
    if same(old, &new) {
        return;
    }
    match (old, new) {
        (Value::InlineTable(o), Value::InlineTable(n)) => inline(o, n),
        (Value::Array(o), Value::Array(n)) => array(o, n),
        (old, new) => {
            // The spaces around the value and a comment after it on its line stay.
            let decor = old.decor().clone();
            *old = new;
            *old.decor_mut() = decor;
        }
    }
}

/// Element by element, so that an array written over several lines keeps its layout; an element added
/// at the end is laid out as the last one before it.
fn array(old: &mut Array, new: Array) {
    let (kept, len) = (old.len().min(new.len()), new.len());
    // One element on its own line, or two or more, show how the person lays out the next.
    let own_line = |v: &Value| {
        v.decor()
            .prefix()
            .and_then(|p| p.as_str())
            .is_some_and(|p| p.contains('\n'))
    };
    let layout = old
        .iter()
        .last()
        .filter(|v| old.len() > 1 || own_line(v))
        .map(|v| v.decor().clone());
    for (i, n) in new.into_iter().enumerate() {
        if i < kept {
            if let Some(o) = old.get_mut(i) {
                value(o, n);
            }
        } else {
            let mut n = n;
            if let Some(decor) = &layout {
                *n.decor_mut() = decor.clone();
            }
            old.push_formatted(n);
        }
    }
    while old.len() > len {
        old.remove(old.len() - 1);
    }
}

/// The same value, however it is written.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Float(x), Value::Float(y)) => x.value().to_bits() == y.value().to_bits(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(x, y)| same(x, y))
        }
        (Value::InlineTable(x), Value::InlineTable(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

/// Lets a table taken from the new document be placed after the one before it in the old document,
/// rather than where it stood in the new one.
fn unplace(item: &mut Item) {
    match item {
        Item::Table(t) => {
            t.set_position(None);
            for (_, child) in t.iter_mut() {
                unplace(child);
            }
        }
        Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                t.set_position(None);
                for (_, child) in t.iter_mut() {
                    unplace(child);
                }
            }
        }
        Item::None | Item::Value(_) => {}
    }
}
