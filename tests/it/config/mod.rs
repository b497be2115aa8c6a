//! Configuration commands end to end.

use serde_json::{Value, json};

use crate::support::Env;

mod channel;
mod completions;
mod json_shapes;
mod notice;
mod provider;
mod user;
mod validation;

const BOT_URL: &str = "https://oapi.dingtalk.com/robot/send?access_token=abc123";
const BOT_URL_MASKED: &str = "https://oapi.dingtalk.com/robot/send?access_token=****";
const WECOM_URL: &str = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k123";
const WECOM_URL_MASKED: &str = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****";

/// One row of `channel list --json`.
fn channel_row(env: &Env, kind: &str) -> Value {
    let rows = env.run(&["channel", "list", "--json"]).ok().json();
    rows.as_array()
        .expect("array")
        .iter()
        .find(|r| r["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} row in {rows}"))
        .clone()
}

/// `channel show KIND --json`'s fields.
fn shown_fields(env: &Env, kind: &str, reveal: bool) -> Value {
    let mut args = vec!["channel", "show", kind, "--json"];
    if reveal {
        args.push("--reveal");
    }
    env.run(&args).ok().json()["fields"].clone()
}

fn write_file(env: &Env, name: &str, text: &str) -> String {
    let path = env.path(name);
    std::fs::write(&path, text).expect("write file");
    path.to_str().expect("utf-8 path").to_owned()
}
