//! The flags that shape a message on every channel (`send`, `emit`, `template render`): a template,
//! a link and the format; and reading a template file.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::channels::message::Format;
use crate::context::Context;
use crate::error::Error;

/// How the message looks on each channel.
#[derive(Debug, Clone, clap::Args)]
pub struct RichArgs {
    /// A MiniJinja (Jinja2) template whose output is the message in Markdown (- for stdin); it
    /// overrides the rule's template and the message text
    #[arg(long, value_name = "FILE", help_heading = "Content")]
    pub template: Option<PathBuf>,
    /// The ticket's page: a button or a link wherever the channel has one
    #[arg(long, value_name = "URL", help_heading = "Content")]
    pub link: Option<String>,
    /// auto: each channel's rich format (Markdown, cards, HTML email); text: plain text everywhere
    #[arg(long, value_enum, default_value_t = Format::Auto, help_heading = "Content")]
    pub format: Format,
}

impl RichArgs {
    /// The template's text, when --template was given.
    pub fn template(&self, ctx: &Context) -> Result<Option<String>> {
        self.template
            .as_deref()
            .map(|path| read_template(ctx, path))
            .transpose()
    }

    pub fn link(&self) -> String {
        self.link.clone().unwrap_or_default()
    }
}

/// A template's text from a file, or from stdin for `-`.
pub fn read_template(ctx: &Context, path: &Path) -> Result<String> {
    if path.as_os_str() == "-" {
        return ctx.stdin_text("--template -");
    }
    std::fs::read_to_string(path).map_err(|e| {
        Error::failure(format!("cannot read the template {}", path.display()))
            .caused_by(e)
            .hint("check the path, or give - to read the template from stdin")
            .into()
    })
}
