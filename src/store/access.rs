//! Who may read and write the store, as ssh decides for a private key.
//!
//! The rule, checked on every read and before every write:
//! - the store file and its folder must not be writable by group or others (someone else could rewrite the
//!   providers and channels, or swap the file); a store whose path is a symlink is checked at its target,
//!   and the folders of both the link and the target must be private;
//! - the store file must not be readable by group or others while it holds a literal secret: a secret field
//!   stored as given (not as a `<field>_env` reference to an environment variable) or a URL carrying a
//!   token (a robot's `access_token`, a `/hook/<token>`, a password in the authority). A store that only
//!   references secrets in the environment may stay readable (e.g. 0644 shared with a team), but a change
//!   that would write a literal secret into it is refused before anything is written.
//!
//! Both refusals exit 1 with the `chmod` to run.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use anyhow::{Context, Result};

use super::schema::{Fields, Store};
use crate::error::Error;
use crate::values::{Secret, Value, mask_url_tokens};

/// The mode of `path`, or an error with the `chmod` to run when group or others may write to it.
pub fn refuse_writable(path: &Path, what: &str, fix: &str) -> Result<u32> {
    let mode = fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .permissions()
        .mode();
    if mode & 0o022 != 0 {
        let who = if mode & 0o002 != 0 {
            "others"
        } else {
            "its group"
        };
        return Err(Error::failure(format!(
            "{what} {} is writable by {who} (mode {:o}); refusing to use it",
            path.display(),
            mode & 0o777
        ))
        .hint(format!("chmod {fix} {}", path.display()))
        .into());
    }
    Ok(mode)
}

/// Refuses `store` kept in a file of `mode` that group or others can read, when it holds a literal secret.
pub fn refuse_exposed(path: &Path, mode: u32, store: &Store) -> Result<()> {
    if mode & 0o044 == 0 {
        return Ok(());
    }
    let Some(place) = first_literal_secret(store) else {
        return Ok(());
    };
    let who = if mode & 0o004 != 0 {
        "others"
    } else {
        "its group"
    };
    Err(Error::failure(format!(
        "the store {} is readable by {who} (mode {:o}) and holds a literal secret ({place}); refusing to use it",
        path.display(),
        mode & 0o777
    ))
    .hint(format!(
        "chmod 600 {} (a store others can read may only name secrets kept in environment variables, with --<field>-env)",
        path.display()
    ))
    .into())
}

/// Where the first literal secret of `store` sits, e.g. "provider smtp `password`", or None.
pub fn first_literal_secret(store: &Store) -> Option<String> {
    let providers = store.providers.0.iter().filter_map(|(name, fields)| {
        literal_field(fields).map(|f| format!("provider {name} `{f}`"))
    });
    let channels = store.users.iter().flat_map(|(user, profile)| {
        profile
            .channels
            .0
            .iter()
            .filter_map(move |(kind, channel)| {
                literal_field(&channel.fields).map(|f| format!("{user}'s {kind} `{f}`"))
            })
    });
    providers.chain(channels).next()
}

/// The name of the first field of `fields` that holds a secret as given.
fn literal_field(fields: &Fields) -> Option<&'static str> {
    fields.iter().find_map(|(name, value)| {
        let literal = match value {
            Value::Secret(Secret::Literal(_)) => true,
            Value::Text(text) => mask_url_tokens(text) != *text,
            Value::Secret(Secret::Env(_) | Secret::File(_) | Secret::Keyring(_))
            | Value::Number(_)
            | Value::Choice(_) => false,
        };
        literal.then_some(name.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(text: &str) -> Store {
        toml::from_str(text).expect("valid store")
    }

    #[test]
    fn literal_secrets_and_url_tokens_count_references_do_not() {
        let smtp = "[providers.smtp]\nhost = \"smtp.example.com\"\nfrom = \"dms@example.com\"\n";
        let env_only = format!(
            "version = 1\n{smtp}password_env = \"SMTP_PASSWORD\"\n\
             [users.a.channels.webhook]\nurl = \"https://hooks.example.com/dms\"\nsignature_method = \"NONE\"\n"
        );
        assert_eq!(first_literal_secret(&store(&env_only)), None);
        let literal = format!("version = 1\n{smtp}password = \"hunter2\"\n");
        assert_eq!(
            first_literal_secret(&store(&literal)).as_deref(),
            Some("provider smtp `password`")
        );
        let token_url = "version = 1\n[users.a.channels.wecom-bot]\n\
            webhook = \"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1\"\nenabled = true\n";
        assert_eq!(
            first_literal_secret(&store(token_url)).as_deref(),
            Some("a's wecom-bot `webhook`")
        );
    }
}
