//! A small ordered map kept as one sorted vector, for the few fields and channels of each user: a
//! `BTreeMap` allocates a whole node (room for eleven entries) for even one entry, which at tens of
//! thousands of users was most of a store's memory. It iterates, compares, hashes, prints and serialises
//! exactly as the `BTreeMap` it replaces.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ops::Index;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A map over a vector sorted by key, with no two equal keys; it grows by one entry at a time.
#[derive(Clone, PartialEq, Eq)]
pub struct VecMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> VecMap<K, V> {
    pub const fn new() -> Self {
        VecMap {
            entries: Vec::new(),
        }
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn clear(&mut self) {
        self.entries.clear();
    }
    /// In key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.entries.iter())
    }
    /// In key order.
    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut(self.entries.iter_mut())
    }
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, _)| k)
    }
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(_, v)| v)
    }
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Ord, V> VecMap<K, V> {
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }
    /// Sets `key` to `value`, returning the value it replaces (the key itself is kept, as `BTreeMap` does).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.make_room();
                self.entries.insert(i, (key, value));
                None
            }
        }
    }
    /// The value under `key`, inserting `V::default()` first if there is none (`entry(key).or_default()`).
    pub fn get_or_insert_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.make_room();
                self.entries.insert(i, (key, V::default()));
                i
            }
        };
        &mut self.entries[i].1
    }
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }
    /// Room for exactly one more entry: `Vec::push` would reserve four at first, then double.
    fn make_room(&mut self) {
        if self.entries.len() == self.entries.capacity() {
            self.entries.reserve_exact(1);
        }
    }
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap::new()
    }
}

/// As `BTreeMap`'s: the length, then each key and value. The length prefix keeps two maps' sequences
/// from being prefixes of each other, which `store::kept` relies on.
impl<K: Hash, V: Hash> Hash for VecMap<K, V> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.entries.len());
        for (k, v) in &self.entries {
            k.hash(state);
            v.hash(state);
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> Index<&Q> for VecMap<K, V> {
    type Output = V;
    /// Panics when `key` is absent, as `BTreeMap` does.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

/// Later pairs replace earlier ones with the same key, as in `BTreeMap::from_iter`.
impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = VecMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

/// The pairs of a map by reference, in key order.
#[derive(Clone)]
pub struct Iter<'a, K, V>(std::slice::Iter<'a, (K, V)>);

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

/// The pairs of a map with its values mutable, in key order.
pub struct IterMut<'a, K, V>(std::slice::IterMut<'a, (K, V)>);

impl<'a, K, V> Iterator for IterMut<'a, K, V> {
    type Item = (&'a K, &'a mut V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (&*k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for IterMut<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (&*k, v))
    }
}

impl<K, V> ExactSizeIterator for IterMut<'_, K, V> {}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

impl<'a, K, V> IntoIterator for &'a mut VecMap<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;
    fn into_iter(self) -> IterMut<'a, K, V> {
        self.iter_mut()
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<K: Serialize, V: Serialize> Serialize for VecMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Reads a map as `BTreeMap` does: a later value for a key replaces the earlier one. Formats that
/// refuse duplicate keys (TOML) refuse them before this sees them.
impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for VecMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for MapVisitor<K, V> {
            type Value = VecMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = VecMap::new();
                // A format's size hint is the exact count when it knows one; never trust it for more.
                map.entries
                    .reserve_exact(access.size_hint().unwrap_or(0).min(64));
                while let Some((k, v)) = access.next_entry()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }
        d.deserialize_map(MapVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A `Hasher` that keeps what it is fed, as `store::kept` fingerprints users.
    #[derive(Default)]
    struct Recorder(Vec<u8>);

    impl Hasher for Recorder {
        fn write(&mut self, bytes: &[u8]) {
            self.0.extend_from_slice(bytes);
        }
        fn finish(&self) -> u64 {
            0
        }
    }

    fn fed<T: Hash>(value: &T) -> Vec<u8> {
        let mut r = Recorder::default();
        value.hash(&mut r);
        r.0
    }

    fn both(pairs: &[(&str, i64)]) -> (VecMap<String, i64>, BTreeMap<String, i64>) {
        let owned = || pairs.iter().map(|(k, v)| ((*k).to_owned(), *v));
        (owned().collect(), owned().collect())
    }

    #[test]
    fn iterates_in_key_order_like_a_btreemap() {
        let (map, tree) = both(&[("m", 1), ("b", 2), ("z", 3), ("a", 4), ("b", 5)]);
        assert!(map.iter().eq(tree.iter()));
        assert!(map.keys().eq(tree.keys()));
        assert!(map.values().eq(tree.values()));
        assert!(map.iter().rev().eq(tree.iter().rev()));
        assert_eq!(map.len(), 4);
        assert_eq!(map["b"], 5);
        assert_eq!(format!("{map:?}"), format!("{tree:?}"));
        assert!(map.clone().into_iter().eq(tree.into_iter()));
    }

    #[test]
    fn insert_replace_remove() {
        let mut map = VecMap::new();
        assert!(map.is_empty());
        assert_eq!(map.insert("b", 1), None);
        assert_eq!(map.insert("a", 2), None);
        assert_eq!(map.insert("b", 3), Some(1));
        assert_eq!(map.get("b"), Some(&3));
        assert!(map.contains_key("a") && !map.contains_key("c"));
        *map.get_mut("a").expect("present") += 10;
        *map.get_or_insert_default("c") += 7;
        *map.get_or_insert_default("a") += 1;
        assert_eq!(
            map.iter().collect::<Vec<_>>(),
            [(&"a", &13), (&"b", &3), (&"c", &7)]
        );
        for (_, v) in &mut map {
            *v *= 2;
        }
        assert_eq!(map.remove("b"), Some(6));
        assert_eq!(map.remove("b"), None);
        assert_eq!(map.keys().copied().collect::<Vec<_>>(), ["a", "c"]);
        map.clear();
        assert!(map.is_empty() && map.get("a").is_none());
    }

    #[test]
    fn grows_by_exactly_one_entry() {
        let mut map = VecMap::new();
        for i in 0..10 {
            map.insert(10 - i, i);
            assert_eq!(map.entries.capacity(), i + 1);
        }
        assert_eq!(map.clone().entries.capacity(), 10);
    }

    #[test]
    fn hashes_the_bytes_a_btreemap_hashes() {
        for pairs in [&[][..], &[("a", 1)], &[("b", 2), ("a", 1), ("ab", 3)]] {
            let (map, tree) = both(pairs);
            assert_eq!(fed(&map), fed(&tree));
        }
        // The length prefix: [a] then [b] is not fed the same as [a, b].
        let (one, _) = both(&[("a", 1)]);
        let (two, _) = both(&[("a", 1), ("b", 2)]);
        let (rest, _) = both(&[("b", 2)]);
        let mut split = fed(&one);
        split.extend(fed(&rest));
        let mut whole = fed(&two);
        whole.extend(fed(&VecMap::<String, i64>::new()));
        assert_ne!(split, whole);
    }

    #[test]
    fn round_trips_through_toml_and_json_as_a_map() {
        let (map, tree) = both(&[("port", 465), ("attempts", 3)]);
        let toml_text = toml::to_string(&map).expect("serialises");
        assert_eq!(toml_text, toml::to_string(&tree).expect("serialises"));
        assert_eq!(toml_text, "attempts = 3\nport = 465\n");
        assert_eq!(
            toml::from_str::<VecMap<String, i64>>(&toml_text).ok(),
            Some(map.clone())
        );
        let json = serde_json::to_string(&map).expect("serialises");
        assert_eq!(json, r#"{"attempts":3,"port":465}"#);
        assert_eq!(
            serde_json::from_str::<VecMap<String, i64>>(&json).ok(),
            Some(map)
        );
        // Out of order in, in order out; a repeated key keeps its last value, as BTreeMap does.
        let read: VecMap<String, i64> =
            serde_json::from_str(r#"{"z":1,"a":2,"z":3}"#).expect("a map");
        assert_eq!(
            serde_json::to_string(&read).expect("serialises"),
            r#"{"a":2,"z":3}"#
        );
        assert!(toml::from_str::<VecMap<String, i64>>("a = 1\na = 2\n").is_err());
        assert!(serde_json::from_str::<VecMap<String, i64>>("[1]").is_err());
    }
}
