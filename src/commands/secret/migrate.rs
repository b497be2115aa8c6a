//! `notify secret migrate`

use anyhow::Result;
use serde::Serialize;

use crate::context::Context;
use crate::error::Error;
use crate::store::secrets::{self, Destination};
use crate::values::keyring;

/// Move every secret the store holds as given into the OS keyring or into files
///
/// Each app secret, password, AccessKey secret, auth token, robot secret and signing key that the
/// store holds as given moves out; the store then keeps only where it went, exactly as if it had been
/// set with --X-keyring or --X-file:
///   keyring     one entry each, service `notify`, account `<place>@<store path>`, where the place
///               is its key in the store (providers.smtp.password, users.alice.channels.webhook.signature_key);
///               the store says `password_keyring = "notify/providers.smtp.password@/home/alice/..."`
///   file:DIR    one file each in DIR (created with mode 0700), named after its place, mode 0600;
///               the store says `password_file = "DIR/providers.smtp.password"`
///
/// Without --to, the secrets go to the keyring where there is one (a desktop session); on a machine
/// without one (a server) the command stops and asks for --to file:DIR.
///
/// It is all or nothing: the entries or files are written first, under the store's lock, then the
/// store is rewritten at once (its comments kept); when any step fails, what was written is removed
/// and the store is left as it was. Secrets given with -env, -file or -keyring stay as they are;
/// webhook URLs that carry a token are not secret fields and stay too (they are listed).
///
///   notify secret migrate --to file:/etc/notify/secrets
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Where the secrets go: `keyring`, or `file:DIR` [default: keyring where there is one]
    #[arg(long, value_name = "keyring|file:DIR", value_parser = clap::value_parser!(Destination))]
    pub to: Option<Destination>,
}

/// One secret moved, as `--json` prints it.
#[derive(Serialize)]
struct MovedRow {
    secret: String,
    to: String,
}

#[derive(Serialize)]
struct Report {
    moved: Vec<MovedRow>,
    url_tokens_kept: Vec<String>,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let to = match &args.to {
        Some(to) => to.clone(),
        None => {
            keyring::available().map_err(|e| {
                Error::usage(format!("no --to given, and {e}")).hint(
                    "say where the secrets go: --to file:DIR (one file per secret, mode 0600), \
                     e.g. --to file:/etc/notify/secrets",
                )
            })?;
            Destination::Keyring
        }
    };
    if to == Destination::Keyring {
        keyring::available().map_err(|e| {
            Error::failure(format!("cannot move the secrets to the keyring: {e}"))
                .hint("move them to files instead: --to file:DIR")
        })?;
    }
    let migration = secrets::migrate(&ctx.store, &to)?;
    let rows: Vec<MovedRow> = migration
        .moved
        .iter()
        .map(|m| MovedRow {
            secret: m.place.clone(),
            to: m.to.display(false),
        })
        .collect();
    if ctx.out.json {
        return ctx.out.json(&Report {
            moved: rows,
            url_tokens_kept: migration.url_tokens,
        });
    }
    if rows.is_empty() {
        ctx.out
            .note("the store holds no secret as given: nothing to move");
    } else {
        let table = rows
            .into_iter()
            .map(|r| vec![r.secret, "****".to_owned(), r.to])
            .collect();
        ctx.out.table(&["secret", "value", "now in"], table)?;
        ctx.out.note(&format!(
            "moved {} secret(s); the store now names where each is",
            migration.moved.len()
        ));
    }
    for place in &migration.url_tokens {
        ctx.out.note(&format!(
            "{place} is a URL that carries a token: it stays in the store (masked when shown)"
        ));
    }
    Ok(())
}
