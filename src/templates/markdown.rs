//! Markdown as every channel needs it: values escaped so they show literally, the plain text a text
//! channel gets (links as `text (url)`), and the HTML part of an email with raw HTML in the input
//! shown as text rather than interpreted.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// The extensions every reading of a template's output uses (the same for text and HTML).
fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Escapes `value` so that Markdown shows it as it is: inline markers (`*`, `_`, `` ` ``, `[`, `]`,
/// `<`, `~`, `\`), an entity-like `&`, and block markers at the start of a line (`#`, `>`, `-`, `+`,
/// `=`, `1.`) get a backslash. Other text is left alone, so the source stays readable in robots that
/// show Markdown loosely.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for (i, line) in value.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start_matches([' ', '\t']);
        out.push_str(&line[..line.len() - body.len()]);
        let rest = escape_line_start(body, &mut out);
        escape_inline(rest, &mut out);
    }
    out
}

/// Writes the escaped block marker that `line` starts with, if any, and returns the rest of it.
fn escape_line_start<'a>(line: &'a str, out: &mut String) -> &'a str {
    if let Some(c @ ('#' | '>' | '-' | '+' | '=')) = line.chars().next() {
        out.push('\\');
        out.push(c);
        return &line[1..];
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        out.push_str(&line[..digits]);
        out.push('\\');
        return &line[digits..];
    }
    line
}

fn escape_inline(text: &str, out: &mut String) {
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => out.push('\\'),
            '&' if looks_like_entity(&text[i + 1..]) => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
}

/// A URL made safe to print into Markdown, as a link's destination or as text: the characters that
/// could end a destination or start markup (space, `()<>[]`, `` ` ``, `*`, `\`, `"`, `'`, `|`) are
/// percent-encoded, which leaves the address the same; everything else stays as it is, so a vendor
/// renderer that ignores backslash escapes in URLs still opens the right page.
pub fn escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '[' | ']' | '`' | '*' | '\\' | '"' | '\'' | '|' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after an `&` would read as an entity (`amp;`, `#38;`, `#x26;`).
fn looks_like_entity(after: &str) -> bool {
    let name: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && after[name.len()..].starts_with(';')
}

/// Markdown reduced to plain text: emphasis markers dropped, links as `text (url)`, headings and
/// paragraphs separated by a blank line, list items on their own lines with `-` or their number.
pub fn to_text(markdown: &str) -> String {
    let mut w = TextWriter::default();
    for event in Parser::new_ext(markdown, options()) {
        w.event(event);
    }
    w.out.trim_end().to_owned()
}

#[derive(Default)]
struct TextWriter {
    out: String,
    /// One entry per open list: the next number of an ordered list, None for bullets.
    lists: Vec<Option<u64>>,
    /// Destinations of the open links and images, with where their text starts in `out`.
    links: Vec<(String, usize)>,
    /// Set when an item just started, so its first paragraph stays on the marker's line.
    item_open: bool,
}

impl TextWriter {
    fn indent(&self) -> String {
        "  ".repeat(self.lists.len().saturating_sub(1))
    }

    /// Starts a block: a blank line after earlier blocks, or a new line inside a list item.
    fn block(&mut self) {
        if self.item_open {
            self.item_open = false;
            return;
        }
        if self.out.is_empty() {
            return;
        }
        if self.lists.is_empty() {
            while !self.out.ends_with("\n\n") {
                self.out.push('\n');
            }
        } else {
            if !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            let indent = format!("{}  ", self.indent());
            self.out.push_str(&indent);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.item_open = false;
                self.out.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                self.out.push('\n');
                if !self.lists.is_empty() {
                    let indent = format!("{}  ", self.indent());
                    self.out.push_str(&indent);
                }
            }
            Event::Rule => {
                self.block();
                self.out.push_str("---");
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::BlockQuote(_) => {
                self.block()
            }
            Tag::List(first) => {
                if self.lists.is_empty() {
                    self.block();
                }
                self.lists.push(first);
            }
            Tag::Item => {
                if !self.out.is_empty() && !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_owned(),
                };
                let line = format!("{}{marker}", self.indent());
                self.out.push_str(&line);
                self.item_open = true;
            }
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.links.push((dest_url.to_string(), self.out.len()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::List(_) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.out.push_str("\n\n");
                }
            }
            TagEnd::Item => self.item_open = false,
            TagEnd::CodeBlock => {
                let trimmed = self.out.trim_end_matches('\n').len();
                self.out.truncate(trimmed);
            }
            TagEnd::Link | TagEnd::Image => {
                if let Some((url, from)) = self.links.pop() {
                    let text = self.out.get(from..).unwrap_or_default();
                    if url.is_empty() || text == url {
                        return;
                    }
                    if text.is_empty() {
                        self.out.push_str(&url);
                    } else {
                        self.out.push_str(&format!(" ({url})"));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Markdown rendered to HTML for an email's HTML part. Raw HTML in the input is shown as text (never
/// interpreted), and a link or image whose address is not http, https or mailto loses its address.
pub fn to_html(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        // A heading level 1 is larger than a mail client's subject line: start at level 2.
        Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
            Event::End(TagEnd::Heading(HeadingLevel::H2))
        }
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.to_ascii_lowercase();
    if ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        url
    } else {
        CowStr::Borrowed("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NASTY: &str =
        "<script>alert(\"x\")</script> *bold* ] [a](b) _u_ `c` 'q' ~s~ \\ &amp; 🚀 数据变更";

    #[test]
    fn escaped_values_read_back_as_themselves() {
        for v in [
            NASTY,
            "# not a heading",
            "- not a list",
            "1. not a list",
            "12) not a list",
            "> not a quote",
            "+ x",
            "===",
            "R&D & co",
            "a\nb",
            "Add index (#42)",
            "emoji 👩‍💻 and 数据",
        ] {
            assert_eq!(to_text(&escape(v)), v, "{v:?} -> {:?}", escape(v));
        }
    }

    #[test]
    fn escaping_leaves_ordinary_text_alone() {
        assert_eq!(
            escape("Add index (#42), R&D 5.1 - done!"),
            "Add index (#42), R&D 5.1 - done!"
        );
        assert_eq!(escape("a*b"), "a\\*b");
        assert_eq!(escape("x\n# y"), "x\n\\# y");
    }

    #[test]
    fn urls_stay_whole_in_a_link_and_as_text() {
        let url = "https://dms.example.com/ticket_view?id=42&tab=a b(1)*";
        let safe = escape_url(url);
        assert_eq!(
            safe,
            "https://dms.example.com/ticket_view?id=42&tab=a%20b%281%29%2A"
        );
        let md = format!("[Open]({safe}) or {safe}");
        assert_eq!(to_text(&md), format!("Open ({safe}) or {safe}"));
        assert_eq!(
            to_html(&md),
            format!(
                "<p><a href=\"{}\">Open</a> or {}</p>\n",
                safe.replace('&', "&amp;"),
                safe.replace('&', "&amp;")
            )
        );
        assert_eq!(
            escape_url("https://x.example/\n<script>"),
            "https://x.example/%0A%3Cscript%3E"
        );
    }

    #[test]
    fn plain_text_drops_markers_and_keeps_links() {
        let md = "### Ticket **approved**\n\nSee [the ticket](https://dms.example/t/42) and <https://x.example>.\n\n_Thanks_";
        assert_eq!(
            to_text(md),
            "Ticket approved\n\nSee the ticket (https://dms.example/t/42) and https://x.example.\n\nThanks"
        );
    }

    #[test]
    fn plain_text_keeps_lists_readable() {
        let md = "Steps:\n\n- one\n- two\n  - nested\n\n1. first\n2. second\n\nEnd";
        assert_eq!(
            to_text(md),
            "Steps:\n\n- one\n- two\n  - nested\n\n1. first\n2. second\n\nEnd"
        );
        assert_eq!(to_text("3. x\n4. y"), "3. x\n4. y");
        assert_eq!(
            to_text("- loose\n\n- list\n\n  second para\n\nend"),
            "- loose\n- list\n  second para\n\nend"
        );
        assert_eq!(
            to_text("> quoted\n\n```\ncode  here\n  indented\n```\n\n![logo](https://x/y.png)"),
            "quoted\n\ncode  here\n  indented\n\nlogo (https://x/y.png)"
        );
    }

    #[test]
    fn html_escapes_raw_html_and_markup_in_values() {
        let md = format!("**Task:** {}\n\n<b>raw</b>", escape(NASTY));
        let html = to_html(&md);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("&lt;b&gt;raw&lt;/b&gt;"), "{html}");
        assert!(html.contains("<strong>Task:</strong>"), "{html}");
        assert!(html.contains("*bold* ] [a](b) _u_ `c`"), "{html}");
        assert!(html.contains("🚀 数据变更"), "{html}");
        assert!(
            html.contains("&quot;x&quot;") || html.contains("\"x\""),
            "{html}"
        );
    }

    #[test]
    fn html_renders_markdown_and_refuses_script_links() {
        assert_eq!(
            to_html("# T\n\n[ok](https://a.example/?q=1&r=2) [bad](javascript:alert(1))"),
            "<h2>T</h2>\n<p><a href=\"https://a.example/?q=1&amp;r=2\">ok</a> <a href=\"\">bad</a></p>\n"
        );
    }
}
