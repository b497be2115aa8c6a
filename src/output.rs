//! The only code that writes to stdout and stderr: tables on a terminal, stable JSON with `--json`.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::error::BrokenPipe;

mod table;

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
        self.print_with(|out| out.write_all(text.as_bytes()))
    }

    /// Lets `write` write to stdout (buffered, flushed at the end): large output is written as it is
    /// produced, never collected first. A closed pipe ends the program quietly.
    pub fn print_with(
        &self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
        let res = write(&mut out).and_then(|()| out.flush());
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

    /// A table: bordered and fitted to the terminal's width on a terminal (see `table::render`),
    /// padded columns for scripts.
    pub fn table(&self, header: &[&str], rows: Vec<Vec<String>>) -> Result<()> {
        if !std::io::stdout().is_terminal() {
            return self.print_with(|out| table::plain(out, header, &rows));
        }
        self.print(&table::render(header, &rows, table::terminal_width()))
    }

    /// A status line on stderr (suppressed by `-q`).
    pub fn note(&self, text: &str) {
        if !self.quiet {
            line(&visible(text, true));
        }
    }

    /// A progress bar on stderr for `total` steps, only where someone watches it: stderr is a terminal
    /// and neither `-q` nor `--json` was given. Its message starts as `0 failed`.
    pub fn progress_bar(&self, total: u64) -> Option<ProgressBar> {
        if self.quiet || self.json || !std::io::stderr().is_terminal() {
            return None;
        }
        let style =
            ProgressStyle::with_template("{bar:30} {pos}/{len} done, {msg}, {rate} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0}/s", state.per_sec());
                    },
                )
                .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
            .with_style(style)
            .with_message("0 failed");
        bar.tick();
        Some(bar)
    }

    /// A line on stderr that a caller needs even with `-q` (the address a server listens on).
    pub fn status(&self, text: &str) {
        line(text);
    }

    /// One JSON object on one line on stderr (`serve --json-logs`); a `droppable` one obeys `-q`.
    pub fn json_log<T: Serialize + ?Sized>(&self, value: &T, droppable: bool) {
        if droppable && self.quiet {
            return;
        }
        if let Ok(text) = serde_json::to_string(value) {
            line(&text);
        }
    }

    /// A warning on stderr, shown even with `-q`.
    pub fn warn(&self, text: &str) {
        let label = if self.color {
            "\x1b[33mwarning:\x1b[0m"
        } else {
            "warning:"
        };
        line(&format!("{label} {}", visible(text, true)));
    }

    /// Detail for `-v`.
    pub fn detail(&self, text: &str) {
        if self.verbose > 0 {
            line(text);
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

/// One line on stderr in one write (`eprintln!` writes the text and its newline apart: two system
/// calls per line, which the relay pays twice per event). A stderr that is gone is not an error.
fn line(text: &str) {
    let _ = line_to(&mut std::io::stderr().lock(), text);
}

fn line_to(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    let mut line = String::with_capacity(text.len() + 1);
    line.push_str(text);
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// A JSON document `{head..., "<field>": [items...]}` written piece by piece, byte for byte as
/// [`Output::json`] writes the whole document (`to_string_pretty`, a final newline), so a long array
/// can be printed as its items are made. Each method returns the text to print next.
#[derive(Debug)]
pub struct JsonArray {
    /// What goes before the next item: the document's opening, then the separator.
    before: String,
    empty: bool,
}

impl JsonArray {
    /// `head` must serialise as a JSON object; `field` becomes its last field.
    pub fn open<H: Serialize + ?Sized>(head: &H, field: &str) -> Result<JsonArray> {
        let mut text = serde_json::to_string_pretty(head)?;
        let Some(fields) = text.strip_suffix('}') else {
            anyhow::bail!("a JSON report's head is not an object");
        };
        let had_fields = fields.trim_end() != "{";
        text.truncate(fields.trim_end().len());
        if had_fields {
            text.push(',');
        }
        text.push_str("\n  ");
        text.push_str(&serde_json::to_string(field)?);
        text.push_str(": [");
        Ok(JsonArray {
            before: text,
            empty: true,
        })
    }

    /// One element, indented two levels deeper than `to_string_pretty` writes it alone. A JSON string
    /// never holds a raw newline, so every newline of the pretty text starts a line of the document.
    pub fn item<T: Serialize + ?Sized>(&mut self, item: &T) -> Result<String> {
        let pretty = serde_json::to_string_pretty(item)?;
        let mut text = std::mem::replace(&mut self.before, ",".to_owned());
        text.push_str("\n    ");
        text.push_str(&pretty.replace('\n', "\n    "));
        self.empty = false;
        Ok(text)
    }

    /// The end of the document.
    pub fn close(self) -> String {
        if self.empty {
            format!("{}]\n}}\n", self.before)
        } else {
            "\n  ]\n}\n".to_owned()
        }
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
    use super::{JsonArray, line_to, visible};
    use serde_json::json;

    /// Counts the writes it is given.
    #[derive(Default)]
    struct Writes(Vec<Vec<u8>>);

    impl std::io::Write for Writes {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.push(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_stderr_line_is_one_write_with_its_newline() {
        // Lines of a serve that shares its stderr with others stay whole.
        let mut out = Writes::default();
        line_to(&mut out, "POST /v1/events 202 e-1").unwrap();
        assert_eq!(out.0, [b"POST /v1/events 202 e-1\n".to_vec()]);
    }

    fn streamed(head: &serde_json::Value, items: &[serde_json::Value]) -> String {
        let mut array = JsonArray::open(head, "destinations").unwrap();
        let mut text = String::new();
        for item in items {
            text.push_str(&array.item(item).unwrap());
        }
        text + &array.close()
    }

    #[test]
    fn a_streamed_array_is_the_pretty_document_byte_for_byte() {
        let items = [
            json!({"recipient": "bob", "requests": ["POST /\n\n{\"a\": [1]}"], "roles": []}),
            json!({"recipient": "carol", "nested": {"list": [1, 2, {"x": null}], "empty": {}}}),
        ];
        for head in [
            json!({}),
            json!({"dry_run": true}),
            json!({"a": {"b": [1]}, "c": "}"}),
        ] {
            for n in 0..=items.len() {
                let mut whole = head.clone();
                whole["destinations"] = json!(items[..n]);
                let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
                assert_eq!(
                    streamed(&head, &items[..n]),
                    expected,
                    "{head} with {n} items"
                );
            }
        }
    }

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
