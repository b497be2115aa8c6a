//! Serve's auth flags read into credentials at start: bearer tokens and signed intake, each from an
//! environment variable so that no secret is in the process list.

use anyhow::Result;

use crate::commands::args::method_parser;
use crate::error::Error;
use crate::listen::Auth;
use crate::signing::SignatureMethod;
use crate::values::Revealed;

/// Signed intake: the method and the variables holding its keys.
#[derive(Debug, clap::Args)]
pub struct SignatureArgs {
    /// Accept requests signed as a notify webhook delivery is: X-Notify-Signature over the raw body
    /// (HMAC_SHA1, HMAC_SHA256) or Standard Webhooks headers (STANDARD, timestamp within 5 minutes)
    #[arg(long, value_name = "METHOD", value_parser = method_parser(), ignore_case = true, requires = "signature_key_env")]
    pub signature_method: Option<SignatureMethod>,
    /// The signing key is in this environment variable (repeatable: during a key rotation any key
    /// may sign; STANDARD takes a whsec_ key or a raw one)
    #[arg(long, value_name = "VAR", requires = "signature_method")]
    pub signature_key_env: Vec<String>,
}

/// A variable's value, trimmed; an unset or empty one is a usage error that names it.
fn read(flag: &str, var: &str, what: &str) -> Result<Revealed> {
    match std::env::var(var) {
        Ok(value) if !value.trim().is_empty() => Ok(Revealed::new(value.trim())),
        _ => Err(
            Error::usage(format!("{flag} {var}: the variable is not set or empty"))
                .hint(format!("export {var} with {what}"))
                .into(),
        ),
    }
}

/// The bearer tokens, each read from its variable.
pub fn tokens(vars: &[String]) -> Result<Vec<Revealed>> {
    vars.iter()
        .map(|var| read("--auth-token-env", var, "the token clients will send"))
        .collect()
}

impl SignatureArgs {
    /// The signature check, if signed intake was asked for.
    pub fn signature(&self) -> Result<Option<Auth>> {
        let method = match self.signature_method {
            None => return Ok(None),
            Some(SignatureMethod::None) => {
                return Err(Error::usage(
                    "--signature-key-env does not go with --signature-method NONE",
                )
                .hint("drop both flags for unsigned intake, or pass HMAC_SHA256, HMAC_SHA1 or STANDARD")
                .into());
            }
            Some(method) => method,
        };
        let keys = self
            .signature_key_env
            .iter()
            .map(|var| read("--signature-key-env", var, "the key senders sign with"))
            .collect::<Result<Vec<_>>>()?;
        let keys: Vec<&str> = keys.iter().map(Revealed::expose).collect();
        let auth = Auth::from_keys(method, &keys).map_err(|e| {
            Error::usage(format!("invalid --signature-key-env: {e}"))
                .hint("copy the key again from where the sender shows it")
        })?;
        Ok(Some(auth))
    }
}
