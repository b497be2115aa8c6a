//! `notify channel show`

use anyhow::Result;

use crate::channels::Kind;
use crate::commands::render::{self, ChannelDetail, FieldMap};
use crate::context::Context;
use crate::profiles;

/// Show one channel of the user; secrets and tokens in webhook URLs are masked unless --reveal
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The channel kind
    pub kind: Kind,
    /// Print secrets and webhook tokens in full
    #[arg(long)]
    pub reveal: bool,
}

pub fn run(ctx: &Context, args: &Args) -> Result<()> {
    let store = ctx.store.load()?;
    let name = ctx.user_name(&store)?;
    let kind = args.kind;
    let channel = profiles::channel_of(&store, &name, kind)?;
    let verified = channel.is_verified(kind);
    let available = store.notice.allows(kind);
    if ctx.out.json {
        return ctx.out.json(&ChannelDetail {
            user: &name,
            kind: kind.as_str(),
            fields: FieldMap::new(kind.fields(), &channel.fields, args.reveal),
            enabled: channel.enabled,
            verified,
            available,
            code_pending: channel.waiting_code(kind).is_some(),
            code_sent_to: channel.code_sent_to(kind),
        });
    }
    let mut rows = vec![
        vec!["kind".to_owned(), format!("{kind} ({})", kind.title())],
        vec!["user".to_owned(), name],
    ];
    rows.extend(render::field_rows(
        kind.fields(),
        &channel.fields,
        args.reveal,
    ));
    rows.push(vec!["enabled".into(), render::yes_no(channel.enabled)]);
    rows.push(vec!["verified".into(), render::yes_no(verified)]);
    rows.push(vec!["available".into(), render::yes_no(available)]);
    if let Some(to) = channel.code_sent_to(kind) {
        rows.push(vec!["code waiting".into(), format!("sent to {to}")]);
    }
    ctx.out.table(&["field", "value"], rows)
}
