//! Hosts and URLs: which hosts are this machine, and the URLs a field accepts.

use std::net::IpAddr;

/// Whether a host name is this machine (`localhost`, 127.0.0.0/8, `::1`).
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

pub(super) fn check_url(raw: &str) -> Result<(), String> {
    let url = url::Url::parse(raw).map_err(|e| format!("not a URL ({e})"))?;
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "https" if !host.is_empty() => Ok(()),
        "http" if is_loopback_host(host) => Ok(()),
        "http" => Err("plain http is allowed only towards a loopback host; use https".to_owned()),
        _ => Err("expected an https URL".to_owned()),
    }
}

/// A robot's URL: a URL as [`check_url`] takes it that carries its credential in the query parameter
/// `param` (`access_token` for DingTalk, `key` for WeCom), whatever the host (tests and relays use
/// others). Without it the robot cannot know which group the message is for.
pub(super) fn check_robot_url(raw: &str, param: &str) -> Result<(), String> {
    check_url(raw)?;
    let url = url::Url::parse(raw).map_err(|e| format!("not a URL ({e})"))?;
    let has = url
        .query_pairs()
        .any(|(k, v)| k == param && !v.trim().is_empty());
    if has {
        Ok(())
    } else {
        Err(format!(
            "the URL has no {param}: copy the robot's whole URL, its {param}=... included"
        ))
    }
}
