//! Turning store data into what `list` and `show` print: table rows and the stable JSON shapes.

use serde_json::{Map, Value as Json, json};

use crate::channels::Kind;
use crate::store::{Channel, Fields, Store, User};
use crate::values::FieldSpec;

/// The field that says where a channel delivers (shown in the DESTINATION column).
pub fn destination(kind: Kind, channel: &Channel) -> String {
    let name = match kind {
        Kind::Lark if channel.fields.contains_key("email") => "email",
        Kind::Lark => "mobile",
        Kind::DingtalkBot | Kind::WecomBot => "webhook",
        Kind::Webhook => "url",
        _ => kind.fields().first().map_or("", |f| f.name),
    };
    channel
        .fields
        .get(name)
        .map(|v| v.display(false))
        .unwrap_or_default()
}

pub fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// `{"<field>": value, ...}` in table order, secrets masked unless `reveal`.
pub fn fields_json(specs: &[FieldSpec], fields: &Fields, reveal: bool) -> Map<String, Json> {
    let mut out = Map::new();
    for spec in specs {
        if let Some(value) = fields.get(spec.name) {
            out.insert(spec.name.to_owned(), value.to_json(reveal));
        }
    }
    out
}

pub fn channel_json(kind: Kind, channel: &Channel, reveal: bool) -> Json {
    let mut map = fields_json(kind.fields(), &channel.fields, reveal);
    map.insert("enabled".into(), channel.enabled.into());
    map.insert("verified".into(), channel.is_verified(kind).into());
    Json::Object(map)
}

pub fn user_json(name: &str, user: &User, reveal: bool) -> Json {
    let channels: Map<String, Json> = user
        .channels
        .0
        .iter()
        .map(|(kind, ch)| (kind.to_string(), channel_json(*kind, ch, reveal)))
        .collect();
    json!({
        "name": name,
        "display_name": user.display_name,
        "roles": user.roles,
        "channels": channels,
    })
}

/// Rows of `FIELD  VALUE` for a record, secrets masked unless `reveal`.
pub fn field_rows(specs: &[FieldSpec], fields: &Fields, reveal: bool) -> Vec<Vec<String>> {
    specs
        .iter()
        .filter_map(|spec| {
            fields
                .get(spec.name)
                .map(|v| vec![spec.name.to_owned(), v.display(reveal)])
        })
        .collect()
}

/// The user's channels in kind order, configured or not.
pub fn channel_list(store: &Store, user: Option<&User>) -> Vec<Json> {
    Kind::ALL
        .iter()
        .map(|kind| {
            let channel = user.and_then(|u| u.channels.0.get(kind));
            json!({
                "kind": kind.as_str(),
                "configured": channel.is_some(),
                "verified": channel.is_some_and(|c| c.is_verified(*kind)),
                "enabled": channel.is_some_and(|c| c.enabled),
                "available": store.notice.allows(*kind),
                "destination": channel.map(|c| destination(*kind, c)).unwrap_or_default(),
            })
        })
        .collect()
}
