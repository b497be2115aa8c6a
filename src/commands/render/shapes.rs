//! The JSON shapes of `channel`, `user`, `provider` and `notice` list/show (stable for scripts), field order as printed.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::channels::Kind;
use crate::providers::ProviderName;
use crate::store::{Fields, Schema, Store, User};

use super::{FieldMap, Scalar};

/// A row of `channel list --json`.
#[derive(Debug, Serialize)]
pub struct ChannelRow {
    pub kind: &'static str,
    pub configured: bool,
    pub verified: bool,
    pub enabled: bool,
    pub available: bool,
    pub destination: String,
}

/// The user's channels in kind order, configured or not.
pub fn channel_rows(store: &Store, user: Option<&User>) -> Vec<ChannelRow> {
    Kind::ALL
        .iter()
        .map(|kind| {
            let channel = user.and_then(|u| u.channels.0.get(kind));
            ChannelRow {
                kind: kind.as_str(),
                configured: channel.is_some(),
                verified: channel.is_some_and(|c| c.is_verified(*kind)),
                enabled: channel.is_some_and(|c| c.enabled),
                available: store.notice.allows(*kind),
                destination: channel
                    .map(|c| kind.shown_destination(&c.fields))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// `channel show --json`.
#[derive(Debug, Serialize)]
pub struct ChannelDetail<'a> {
    pub user: &'a str,
    pub kind: &'static str,
    pub fields: FieldMap,
    pub enabled: bool,
    pub verified: bool,
    pub available: bool,
    pub code_pending: bool,
    /// Where the code waiting went (masked as destinations are everywhere), when one is waiting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_sent_to: Option<String>,
}

/// One channel inside `user list --json` / `user show --json`: its fields, then its state.
#[derive(Debug, Serialize)]
pub struct ChannelState {
    #[serde(flatten)]
    pub fields: FieldMap,
    pub enabled: bool,
    pub verified: bool,
}

/// An element of `user list --json`, and `user show --json`.
#[derive(Debug, Serialize)]
pub struct UserDetail<'a> {
    pub name: &'a str,
    pub display_name: Option<&'a str>,
    pub roles: &'a [String],
    /// By kind, in kind order.
    pub channels: BTreeMap<Kind, ChannelState>,
}

impl<'a> UserDetail<'a> {
    pub fn new(name: &'a str, user: &'a User, reveal: bool) -> Self {
        let channels = user
            .channels
            .0
            .iter()
            .map(|(kind, channel)| {
                let state = ChannelState {
                    fields: FieldMap::new(kind.fields(), &channel.fields, reveal),
                    enabled: channel.enabled,
                    verified: channel.is_verified(*kind),
                };
                (*kind, state)
            })
            .collect();
        UserDetail {
            name,
            display_name: user.display_name.as_deref(),
            roles: &user.roles,
            channels,
        }
    }
}

/// A row of `provider list --json`.
#[derive(Debug, Serialize)]
pub struct ProviderRow {
    pub name: &'static str,
    pub description: &'static str,
    pub configured: bool,
    pub fields: FieldMap,
}

impl ProviderRow {
    pub fn new(name: ProviderName, fields: Option<&Fields>) -> Self {
        ProviderRow {
            name: name.as_str(),
            description: name.title(),
            configured: fields.is_some_and(|f| name.validate(f).is_ok()),
            fields: fields.map_or_else(FieldMap::default, |f| {
                FieldMap::new(name.fields(), f, false)
            }),
        }
    }
}

/// `provider show --json`: the stored fields, and the defaults of those not stored.
#[derive(Debug, Serialize)]
pub struct ProviderDetail {
    pub name: &'static str,
    pub fields: FieldMap,
}

impl ProviderDetail {
    pub fn new(name: ProviderName, fields: &Fields, reveal: bool) -> Self {
        let mut map = FieldMap::new(name.fields(), fields, reveal);
        for (spec, default) in name.defaults(fields) {
            // Typed like a stored value: a default port is a number, not text.
            let value = spec
                .parse(&default)
                .map_or(Scalar::Text(default), |v| Scalar::of(&v, reveal));
            map.0.push((spec.name, value));
        }
        ProviderDetail {
            name: name.as_str(),
            fields: map,
        }
    }
}

/// A row of `notice list --json`.
#[derive(Debug, Serialize)]
pub struct NoticeRow {
    pub kind: &'static str,
    pub name: &'static str,
    pub enabled: bool,
}

pub fn notice_rows(store: &Store) -> Vec<NoticeRow> {
    Kind::ALL
        .iter()
        .map(|kind| NoticeRow {
            kind: kind.as_str(),
            name: kind.title(),
            enabled: store.notice.allows(*kind),
        })
        .collect()
}
