//! `notify listen`'s signing keys: the flags (each repeatable: several keys are a rotation) and how
//! they are read, prompted for or refused.

use anyhow::Result;

use crate::channels::Kind;
use crate::commands::args::reveal;
use crate::context::Context;
use crate::error::Error;
use crate::profiles::Input;
use crate::signing::SignatureMethod;
use crate::values::{Field, Value};

use super::Args;

/// The keys deliveries are checked with, each flag repeatable: several keys are a rotation (any one
/// may sign). Its `Debug` never shows a key.
#[derive(Clone, Default, clap::Args)]
pub struct SignatureKeys {
    /// A signing key; repeat it during a key rotation (other local users can see it in the process
    /// list: prefer -env or -stdin). STANDARD takes a whsec_ key as the sender shows it, or a raw one
    #[arg(long = "signature-key", value_name = "KEY")]
    pub value: Vec<String>,
    /// Read a signing key from one line of stdin
    #[arg(long = "signature-key-stdin")]
    pub stdin: bool,
    /// Read a signing key from this environment variable (repeatable)
    #[arg(long = "signature-key-env", value_name = "VAR")]
    pub env: Vec<String>,
    /// Read a signing key from this file, which only you may read (mode 0600; repeatable)
    #[arg(long = "signature-key-file", value_name = "PATH")]
    pub file: Vec<std::path::PathBuf>,
}

impl SignatureKeys {
    /// Each key as given, in the order stdin, literal, environment; the flag named for errors.
    fn inputs(&self) -> Vec<(Input, &'static str)> {
        let stdin = self
            .stdin
            .then_some((Input::Stdin, "--signature-key-stdin"));
        let text = self
            .value
            .iter()
            .map(|v| (Input::Text(v.clone()), "--signature-key"));
        let env = self
            .env
            .iter()
            .map(|v| (Input::Env(v.clone()), "--signature-key-env"));
        let file = self
            .file
            .iter()
            .map(|p| (Input::File(p.clone()), "--signature-key-file"));
        stdin
            .into_iter()
            .chain(text)
            .chain(env)
            .chain(file)
            .collect()
    }
}

impl std::fmt::Debug for SignatureKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignatureKeys")
            .field("value", &vec!["****"; self.value.len()])
            .field("stdin", &self.stdin)
            .field("env", &self.env)
            .field("file", &self.file)
            .finish()
    }
}

/// The keys deliveries are checked with: none for NONE, else from the flags or a prompt.
pub(super) fn signing_keys(
    ctx: &Context,
    args: &Args,
    method: SignatureMethod,
) -> Result<Vec<String>> {
    let inputs = args.signature_key.inputs();
    let flag = inputs.first().map_or("--signature-key", |(_, flag)| *flag);
    match (method, inputs.is_empty()) {
        (SignatureMethod::None, true) => Ok(Vec::new()),
        (SignatureMethod::None, false) => {
            let err = if args.signature_method.is_some() {
                Error::usage(format!("{flag} does not go with --signature-method NONE")).hint(
                    "drop the key to accept unsigned deliveries, or pass --signature-method \
                     HMAC_SHA256 (or HMAC_SHA1, STANDARD) to check signatures",
                )
            } else {
                Error::usage(format!("{flag} needs --signature-method")).hint(
                    "pass --signature-method HMAC_SHA256, HMAC_SHA1 or STANDARD, the method the sender signs with",
                )
            };
            Err(err.into())
        }
        (method, true) => {
            let value = match Kind::Webhook.field(Field::SignatureKey) {
                Some(spec) => Some(
                    ctx.prompt
                        .field(&format!("--signature-method {method}"), spec)?,
                ),
                None => None,
            };
            let key = match value {
                Some(Value::Secret(secret)) => secret
                    .resolve()
                    .map_err(|e| {
                        let hint = crate::values::secret::hint_for(&e, || {
                            "export the variable first, or pass the key with --signature-key-stdin"
                                .into()
                        });
                        Error::usage(format!("invalid {flag}: {e}")).hint(hint)
                    })?
                    .expose()
                    .to_owned(),
                Some(Value::Text(text)) => text,
                _ => return Err(Error::usage(format!("{flag} needs a key")).into()),
            };
            Ok(vec![key])
        }
        (_, false) => inputs
            .into_iter()
            .map(|(input, flag)| {
                let flag = flag
                    .trim_end_matches("-stdin")
                    .trim_end_matches("-env")
                    .trim_end_matches("-file");
                Ok(reveal(ctx, Some(input), flag)?
                    .map(|k| k.expose().to_owned())
                    .unwrap_or_default())
            })
            .collect(),
    }
}
