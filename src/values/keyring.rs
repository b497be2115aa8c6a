//! Secrets kept in the OS keyring (Secret Service on Linux, Keychain on macOS): the store holds only the
//! entry's service and account, so the secret never touches the store's file.

use std::fmt;
use std::sync::Arc;

use keyring_core::{CredentialStore, Entry, Error};

use super::secret::Revealed;

/// The service of the entries notify creates.
pub const SERVICE: &str = "notify";

/// Marks the error of a machine without a keyring, so that hints can offer the alternatives.
pub(crate) const NO_KEYRING: &str = "no keyring is available here";

/// What a missing keyring usually means on this platform.
#[cfg(target_os = "macos")]
const WHY_NONE: &str = "the login Keychain cannot be opened";
#[cfg(not(target_os = "macos"))]
const WHY_NONE: &str = "no Secret Service answers on the D-Bus session bus (a headless server or a \
                        container has none)";

/// Names one keyring entry: written `SERVICE/ACCOUNT` in the store (the service has no `/`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct KeyringRef {
    pub service: String,
    pub account: String,
}

impl KeyringRef {
    /// The entry notify uses for the secret at `place` (e.g. `providers.smtp.password`) of the store at
    /// `store`: the store's path keeps two stores of one login (a test one, say) from sharing entries.
    pub fn for_place(place: &str, store: &std::path::Path) -> Self {
        let store = std::path::absolute(store).unwrap_or_else(|_| store.to_owned());
        KeyringRef {
            service: SERVICE.to_owned(),
            account: format!("{place}@{}", store.display()),
        }
    }

    /// Reads `SERVICE/ACCOUNT` as the store writes it.
    pub fn parse(text: &str) -> Result<Self, String> {
        match text.split_once('/') {
            Some((service, account))
                if !service.trim().is_empty()
                    && !account.trim().is_empty()
                    && !text.contains(char::is_control) =>
            {
                Ok(KeyringRef {
                    service: service.to_owned(),
                    account: account.to_owned(),
                })
            }
            _ => Err(format!(
                "`{text}` is not SERVICE/ACCOUNT, e.g. {SERVICE}/providers.smtp.password"
            )),
        }
    }
}

impl fmt::Display for KeyringRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.service, self.account)
    }
}

/// The platform's credential store, opened once per process; an error when this machine has none (no
/// Secret Service on the session bus: a headless server, a container).
fn platform() -> Result<Arc<CredentialStore>, String> {
    match keyring::Entry::store_status() {
        Ok(()) => keyring_core::get_default_store().ok_or_else(|| NO_KEYRING.to_owned()),
        Err(e) => Err(format!("{NO_KEYRING}: {WHY_NONE} ({})", describe(e))),
    }
}

/// Checks that a keyring can be reached, without reading or writing an entry.
pub fn available() -> Result<(), String> {
    platform().map(|_| ())
}

/// The secret in the entry `r` names.
pub fn get(r: &KeyringRef) -> Result<Revealed, String> {
    get_in(&platform()?, r)
}

/// Puts `secret` into the entry `r` names (replacing what it held).
pub fn set(r: &KeyringRef, secret: &Revealed) -> Result<(), String> {
    set_in(&platform()?, r, secret)
}

/// Removes the entry `r` names; an entry that is not there is no error.
pub fn delete(r: &KeyringRef) -> Result<(), String> {
    delete_in(&platform()?, r)
}

pub(crate) fn get_in(store: &Arc<CredentialStore>, r: &KeyringRef) -> Result<Revealed, String> {
    let value = entry(store, r)?.get_password().map_err(|e| match e {
        Error::NoEntry => format!("the keyring has no entry {r}"),
        other => format!("cannot read the keyring entry {r}: {}", describe(&other)),
    })?;
    if value.is_empty() {
        return Err(format!("the keyring entry {r} is empty"));
    }
    Ok(Revealed::new(value))
}

pub(crate) fn set_in(
    store: &Arc<CredentialStore>,
    r: &KeyringRef,
    secret: &Revealed,
) -> Result<(), String> {
    entry(store, r)?
        .set_password(secret.expose())
        .map_err(|e| format!("cannot write the keyring entry {r}: {}", describe(&e)))
}

pub(crate) fn delete_in(store: &Arc<CredentialStore>, r: &KeyringRef) -> Result<(), String> {
    match entry(store, r)?.delete_credential() {
        Ok(()) | Err(Error::NoEntry) => Ok(()),
        Err(e) => Err(format!(
            "cannot remove the keyring entry {r}: {}",
            describe(&e)
        )),
    }
}

fn entry(store: &Arc<CredentialStore>, r: &KeyringRef) -> Result<Entry, String> {
    Entry::new_in_store(store, &r.service, &r.account)
        .map_err(|e| format!("cannot open the keyring entry {r}: {}", describe(&e)))
}

/// The error in words. Never the `Debug` form: some variants carry the secret's bytes.
fn describe(e: &Error) -> String {
    match e {
        Error::PlatformFailure(inner) | Error::NoStorageAccess(inner) => {
            let locked = matches!(e, Error::NoStorageAccess(_));
            format!(
                "{}{inner}",
                if locked {
                    "the keyring is locked or refused access: "
                } else {
                    ""
                }
            )
        }
        Error::BadEncoding(_) | Error::BadDataFormat(..) => "the entry is not UTF-8 text".into(),
        Error::Ambiguous(items) => format!("{} entries match", items.len()),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyring_core::mock;

    fn mock_store() -> Arc<CredentialStore> {
        mock::Store::new().expect("a mock store")
    }

    #[test]
    fn a_secret_set_is_read_back_and_removed() {
        let store = mock_store();
        let r = KeyringRef::for_place("providers.smtp.password", "/srv/dms/store.toml".as_ref());
        assert_eq!(
            r.to_string(),
            "notify/providers.smtp.password@/srv/dms/store.toml"
        );
        assert_eq!(
            get_in(&store, &r).unwrap_err(),
            "the keyring has no entry notify/providers.smtp.password@/srv/dms/store.toml"
        );
        set_in(&store, &r, &Revealed::new("hunter2")).unwrap();
        assert_eq!(get_in(&store, &r).unwrap().expose(), "hunter2");
        set_in(&store, &r, &Revealed::new("hunter3")).unwrap();
        assert_eq!(get_in(&store, &r).unwrap().expose(), "hunter3");
        delete_in(&store, &r).unwrap();
        delete_in(&store, &r).unwrap();
        assert!(get_in(&store, &r).is_err());
    }

    #[test]
    fn a_failing_keyring_says_so_without_the_secret() {
        let store = mock_store();
        let r = KeyringRef::parse("other-tool/alice").unwrap();
        set_in(&store, &r, &Revealed::new("hunter2")).unwrap();
        let entry = entry(&store, &r).unwrap();
        let cred: &mock::Cred = entry.as_any().downcast_ref().unwrap();
        cred.set_error(Error::BadEncoding(b"hunter2".to_vec()));
        let err = get_in(&store, &r).unwrap_err();
        assert_eq!(
            err,
            "cannot read the keyring entry other-tool/alice: the entry is not UTF-8 text"
        );
        cred.set_error(Error::NoStorageAccess("locked".into()));
        let err = set_in(&store, &r, &Revealed::new("x")).unwrap_err();
        assert!(err.contains("locked or refused access"), "{err}");
        assert!(!err.contains("hunter2"));
    }

    #[test]
    fn references_are_service_slash_account() {
        let r = KeyringRef::parse("gh:github.com/alice/work").unwrap();
        assert_eq!(r.service, "gh:github.com");
        assert_eq!(r.account, "alice/work");
        for bad in ["", "notify", "/acct", "svc/", "svc/a\nb"] {
            assert!(KeyringRef::parse(bad).is_err(), "{bad:?}");
        }
    }
}
