//! A URL that carries a credential (a robot's token, a hook's key, a password): shown masked by
//! `Debug` and `Display`, revealed only where the request is built.

use std::fmt;

use super::mask_url_tokens;

/// A URL whose query or path holds a token. `Debug` and `Display` mask it as everywhere else
/// (`access_token=****a1b2`); only [`SecretUrl::expose`] gives the text the transport sends.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct SecretUrl(String);

impl SecretUrl {
    pub fn new(url: impl Into<String>) -> Self {
        SecretUrl(url.into())
    }
    /// The URL as sent: for the request builders and the transport only.
    pub fn expose(&self) -> &str {
        &self.0
    }
    /// The URL as a person may see it.
    pub fn masked(&self) -> String {
        mask_url_tokens(&self.0)
    }
}

impl From<String> for SecretUrl {
    fn from(url: String) -> Self {
        SecretUrl(url)
    }
}

impl From<&str> for SecretUrl {
    fn from(url: &str) -> Self {
        SecretUrl(url.to_owned())
    }
}

impl fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.masked(), f)
    }
}

impl fmt::Display for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_expose_reveals_the_token() {
        let url = SecretUrl::from("https://oapi.dingtalk.com/robot/send?access_token=tok");
        let masked = "https://oapi.dingtalk.com/robot/send?access_token=****";
        assert_eq!(url.to_string(), masked);
        assert_eq!(format!("{url:?}"), format!("{masked:?}"));
        assert!(url.expose().ends_with("=tok"));
    }
}
