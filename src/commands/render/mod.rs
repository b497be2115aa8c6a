//! What `list` and `show` print: a typed struct for every JSON shape (stable for scripts; field order is the order
//! printed) and the helpers their tables share.

use serde::Serialize;
use serde::Serializer;

use crate::store::Fields;
use crate::values::{Field, FieldSpec, Value};

mod shapes;

pub use shapes::*;

pub fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// Rows of `FIELD  VALUE` for a record, secrets masked unless `reveal`.
pub fn field_rows(specs: &[FieldSpec], fields: &Fields, reveal: bool) -> Vec<Vec<String>> {
    specs
        .iter()
        .filter_map(|spec| {
            fields
                .get(&spec.name)
                .map(|v| vec![spec.name.as_str().to_owned(), v.display(reveal)])
        })
        .collect()
}

/// One field's value in JSON: numbers stay numbers, everything else is its (masked) text.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Scalar {
    Number(i64),
    Text(String),
}

impl Scalar {
    fn of(value: &Value, reveal: bool) -> Self {
        match value {
            Value::Number(n) => Scalar::Number(*n),
            other => Scalar::Text(other.display(reveal)),
        }
    }
}

/// `{"<field>": value, ...}` in table order, secrets masked unless `reveal`.
#[derive(Debug, Default)]
pub struct FieldMap(Vec<(Field, Scalar)>);

impl FieldMap {
    pub fn new(specs: &'static [FieldSpec], fields: &Fields, reveal: bool) -> Self {
        FieldMap(
            specs
                .iter()
                .filter_map(|spec| {
                    fields
                        .get(&spec.name)
                        .map(|v| (spec.name, Scalar::of(v, reveal)))
                })
                .collect(),
        )
    }
}

impl Serialize for FieldMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(field, value)| (field.as_str(), value)))
    }
}
