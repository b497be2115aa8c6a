//! The only code that writes to stdout and stderr: tables on a terminal, stable JSON with `--json`.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::error::BrokenPipe;

#[derive(Debug, Clone)]
pub struct Output {
    pub json: bool,
    quiet: bool,
    verbose: u8,
    color: bool,
}

impl Output {
    pub fn new(json: bool, quiet: bool, verbose: u8, color: bool) -> Self {
        Output {
            json,
            quiet,
            verbose,
            color,
        }
    }

    /// Writes text to stdout; a closed pipe ends the program quietly.
    pub fn print(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        let res = out.write_all(text.as_bytes()).and_then(|()| out.flush());
        match res {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(BrokenPipe.into()),
            other => Ok(other?),
        }
    }

    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let mut text = serde_json::to_string_pretty(value)?;
        text.push('\n');
        self.print(&text)
    }

    /// One JSON document on one line (for streams such as `listen --json`).
    pub fn json_line<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let mut text = serde_json::to_string(value)?;
        text.push('\n');
        self.print(&text)
    }

    pub fn table(&self, header: &[&str], rows: Vec<Vec<String>>) -> Result<()> {
        let mut table = Table::new();
        if std::io::stdout().is_terminal() {
            table
                .load_preset(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            table.load_preset(presets::NOTHING);
        }
        table.set_header(header.iter().map(|h| h.to_uppercase()));
        for row in rows {
            // A cell never carries a control character raw: a hand-edited store could otherwise
            // clear the screen or forge rows.
            table.add_row(row.iter().map(|cell| visible(cell, false)));
        }
        let mut text = table.to_string();
        text.push('\n');
        self.print(&text)
    }

    /// A status line on stderr (suppressed by `-q`).
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{}", visible(text, true));
        }
    }

    /// A line on stderr that a caller needs even with `-q` (the address a server listens on).
    pub fn status(&self, text: &str) {
        eprintln!("{text}");
    }

    /// A warning on stderr, shown even with `-q`.
    pub fn warn(&self, text: &str) {
        let label = if self.color {
            "\x1b[33mwarning:\x1b[0m"
        } else {
            "warning:"
        };
        eprintln!("{label} {}", visible(text, true));
    }

    /// Detail for `-v`.
    pub fn detail(&self, text: &str) {
        if self.verbose > 0 {
            eprintln!("{text}");
        }
    }

    pub fn error(&self, rendered: &str) {
        let text = if self.color {
            rendered.replacen("error:", "\x1b[31merror:\x1b[0m", 1)
        } else {
            rendered.to_owned()
        };
        eprint!("{text}");
    }
}

/// `text` with every control character shown as an escape (`\u{1b}`) instead of sent to the terminal;
/// with `lines`, newlines and tabs stay as they are.
pub fn visible(text: &str, lines: bool) -> std::borrow::Cow<'_, str> {
    let raw = |c: char| c.is_control() && !(lines && matches!(c, '\n' | '\t'));
    if !text.chars().any(raw) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if raw(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(
            visible("Ali\u{1b}[2Jce\u{7}\u{0}", false),
            "Ali\\u{1b}[2Jce\\u{7}\\u{0}"
        );
        assert_eq!(visible("a\nb", false), "a\\nb");
        assert_eq!(visible("a\nb\tc", true), "a\nb\tc");
        assert_eq!(visible("plain 文字", false), "plain 文字");
    }
}
