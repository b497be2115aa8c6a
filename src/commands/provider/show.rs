//! `notify provider show`

use anyhow::Result;

use crate::commands::render::ProviderDetail;
use crate::context::Context;
use crate::error::Error;
use crate::providers::ProviderName;

/// Show a provider's settings (secrets masked unless --reveal; defaults marked)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The provider
    pub name: ProviderName,
    /// Print secrets in full
    #[arg(long)]
    pub reveal: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let name = args.name;
    let fields = store.providers.0.get(&name).ok_or_else(|| {
        Error::failure(format!("provider {name} is not configured"))
            .hint(format!("configure it with `notify provider set {name}`"))
    })?;
    if ctx.out.json {
        return ctx
            .out
            .json(&ProviderDetail::new(name, fields, args.reveal));
    }
    // Each field in table order: its stored value, else its default.
    let defaults = name.defaults(fields);
    let rows = name
        .fields()
        .iter()
        .filter_map(|spec| match fields.get(&spec.name) {
            Some(v) => Some(vec![spec.name.as_str().to_owned(), v.display(args.reveal)]),
            None => defaults
                .iter()
                .find(|(d, _)| d.name == spec.name)
                .map(|(_, d)| vec![spec.name.as_str().to_owned(), format!("{d} (default)")]),
        })
        .collect();
    ctx.out.table(&["field", "value"], rows)
}
