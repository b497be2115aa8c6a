//! Tables: laid out by hand for a terminal so that no identifier or header word is ever cut in two, and
//! padded plain for scripts.

use std::io::Write;

use comfy_table::{ContentArrangement, Table, presets};
use unicode_width::UnicodeWidthStr;

use super::visible;

/// The width assumed when the terminal reports none (a pseudo-terminal sized 0x0).
pub const FALLBACK_WIDTH: usize = 80;

/// What a bordered table adds to its columns: a border, then a space, the cell, a space and a border.
fn boxed_chrome(columns: usize) -> usize {
    1 + 3 * columns
}

/// What a borderless table adds: two spaces between columns.
fn compact_chrome(columns: usize) -> usize {
    2 * columns.saturating_sub(1)
}

/// The terminal's width in columns, or [`FALLBACK_WIDTH`] when it reports none.
pub fn terminal_width() -> usize {
    match Table::new().width() {
        Some(w) if w > 0 => usize::from(w),
        _ => FALLBACK_WIDTH,
    }
}

/// The table for a terminal `width` columns wide. Columns empty in every row are left out. Cells wrap
/// at spaces, and URLs after a `/`, `?` or `&`; a word (a kind, a name, an event id, a header word) is
/// never split. The table has borders where its words fit with them, else it drops them (two spaces
/// between columns), and where even that is too narrow it is drawn wider than the terminal rather than
/// cut mid-word.
pub fn render(header: &[&str], rows: &[Vec<String>], width: usize) -> String {
    let header: Vec<String> = header.iter().map(|h| h.to_uppercase()).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            (0..header.len())
                .map(|c| {
                    row.get(c)
                        .map_or_else(String::new, |v| visible(v, false).into())
                })
                .collect()
        })
        .collect();
    let kept: Vec<usize> = (0..header.len())
        .filter(|&c| rows.is_empty() || rows.iter().any(|row| !row[c].is_empty()))
        .collect();
    let lines = std::iter::once(&header).chain(&rows);
    let natural: Vec<usize> = kept
        .iter()
        .map(|&c| lines.clone().map(|l| l[c].width()).max().unwrap_or(0))
        .collect();
    let least: Vec<usize> = kept
        .iter()
        .map(|&c| {
            lines
                .clone()
                .flat_map(|l| pieces(&l[c]))
                .map(|(piece, _)| piece.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let boxed = least.iter().sum::<usize>() + boxed_chrome(kept.len()) <= width;
    let chrome = if boxed {
        boxed_chrome(kept.len())
    } else {
        compact_chrome(kept.len())
    };
    let widths = fit(&natural, &least, width.saturating_sub(chrome));
    let cells = |line: &Vec<String>| -> Vec<String> {
        kept.iter()
            .zip(&widths)
            .map(|(&c, &w)| wrap(&line[c], w))
            .collect()
    };
    if !boxed {
        let mut text = String::new();
        for line in lines {
            compact_row(&mut text, &cells(line), &widths);
        }
        return text;
    }
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(cells(&header));
    for row in &rows {
        table.add_row(cells(row));
    }
    let mut text = table.to_string();
    text.push('\n');
    text
}

/// One row of a borderless table: its cells' lines side by side, padded to the column widths.
fn compact_row(out: &mut String, cells: &[String], widths: &[usize]) {
    let cell_lines: Vec<Vec<&str>> = cells.iter().map(|c| c.split('\n').collect()).collect();
    let height = cell_lines.iter().map(Vec::len).max().unwrap_or(1);
    for at in 0..height {
        let mut line = String::new();
        for (column, (lines, width)) in cell_lines.iter().zip(widths).enumerate() {
            if column > 0 {
                line.push_str("  ");
            }
            let cell = lines.get(at).copied().unwrap_or("");
            line.push_str(cell);
            line.extend(std::iter::repeat_n(' ', width.saturating_sub(cell.width())));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// Column widths within `room`: every column as wide as its content when that fits; else each at least
/// its longest word, the space left shared so that narrow columns keep their whole content and wide
/// ones are cut down to the same width; else every column at its longest word (wider than `room`).
fn fit(natural: &[usize], least: &[usize], room: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= room {
        return natural.to_vec();
    }
    if least.iter().sum::<usize>() >= room {
        return least.to_vec();
    }
    let at = |level: usize| -> Vec<usize> {
        natural
            .iter()
            .zip(least)
            .map(|(&n, &l)| level.clamp(l, n.max(l)))
            .collect()
    };
    // The widest level that fits (at level 0 every column is at its least, which fits).
    let (mut low, mut high) = (0, natural.iter().copied().max().unwrap_or(0));
    while low < high {
        let mid = (low + high).div_ceil(2);
        if at(mid).iter().sum::<usize>() <= room {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let mut widths = at(low);
    // The few columns left over go one each to the columns still short of their content.
    let mut spare = room - widths.iter().sum::<usize>();
    for (w, &n) in widths.iter_mut().zip(natural) {
        if spare > 0 && *w < n {
            *w += 1;
            spare -= 1;
        }
    }
    widths
}

/// The pieces a cell may be broken into, each with whether a space stood before it: words, and a URL's
/// parts after each `/` (a run of them kept whole), `?` and `&` (`https://`, `host/`, `send?`, `a=1`).
fn pieces(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut start = 0;
        let bytes = word.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let after = bytes.get(i + 1);
            let breaks = match b {
                b'/' => after.is_some_and(|&next| next != b'/'),
                b'?' | b'&' => after.is_some(),
                _ => false,
            };
            if breaks {
                out.push((&word[start..=i], start == 0));
                start = i + 1;
            }
        }
        out.push((&word[start..], start == 0));
    }
    out
}

/// `text` in lines of at most `width` columns, broken only between pieces; a piece wider than `width`
/// (none, when `width` comes from [`fit`]) stands on a line of its own.
fn wrap(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut line = 0;
    for (piece, spaced) in pieces(text) {
        let gap = usize::from(spaced && line > 0);
        if line > 0 && line + gap + piece.width() > width {
            out.push('\n');
            line = 0;
        } else if gap == 1 {
            out.push(' ');
            line += 1;
        }
        out.push_str(piece);
        line += piece.width();
    }
    out
}

/// A table for scripts (stdout is not a terminal): columns padded to their widest cell plus a space
/// each side, no borders, the header in capitals. Written line by line as it is laid out, without
/// building the table in memory (a store of 50,000 users lists as 250,000 cells).
pub fn plain(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let header: Vec<String> = header.iter().map(|h| h.to_uppercase()).collect();
    let columns = rows.iter().map(Vec::len).fold(header.len(), usize::max);
    let mut widths = vec![0; columns];
    let lines = std::iter::once(&header[..]).chain(rows.iter().map(Vec::as_slice));
    for line in lines.clone() {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(visible(cell, false).width());
        }
    }
    for (at, line) in lines.enumerate() {
        if at > 0 {
            out.write_all(b"\n")?;
        }
        for (column, width) in widths.iter().enumerate() {
            let cell = line
                .get(column)
                .map(|c| visible(c, false))
                .unwrap_or_default();
            let pad = width - cell.width();
            write!(out, " {cell}{:pad$} ", "")?;
        }
    }
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    /// What comfy-table printed for scripts before `plain` replaced it there.
    fn comfy(header: &[&str], rows: &[Vec<String>]) -> String {
        let mut table = comfy_table::Table::new();
        table.load_preset(comfy_table::presets::NOTHING);
        table.set_header(header.iter().map(|h| h.to_uppercase()));
        for row in rows {
            table.add_row(row.iter().map(|cell| visible(cell, false)));
        }
        format!("{table}\n")
    }

    #[test]
    fn the_plain_table_is_the_one_comfy_table_printed() {
        let tables: Vec<(Vec<&str>, Vec<Vec<String>>)> = vec![
            (vec!["name", "display name"], vec![]),
            (
                vec!["name", "display name", "roles"],
                vec![
                    row(&["alice", "Ålice 数据", "dba"]),
                    row(&["bob", "", ""]),
                    row(&["c\u{1b}[2Jarol", "🚀 rocket", "admin, dba"]),
                ],
            ),
            (
                vec!["a", "b", "c"],
                vec![row(&["1"]), row(&["", "22", "333"])],
            ),
        ];
        for (header, rows) in tables {
            let mut ours = Vec::new();
            plain(&mut ours, &header, &rows).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), comfy(&header, &rows));
        }
    }

    /// Every word of the table's cells, as the screen shows them.
    fn words(text: &str) -> Vec<String> {
        text.split(|c: char| c.is_whitespace() || "│┆─┌┐└┘├┤┬┴┼╞╡╪═".contains(c))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn channels() -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec!["kind", "configured", "verified", "destination", "error"];
        let rows = vec![
            row(&["dingtalk-exclusive", "no", "no", "", ""]),
            row(&[
                "dingtalk-bot",
                "yes",
                "yes",
                "https://oapi.dingtalk.com/robot/send?access_token=****abcd",
                "",
            ]),
            row(&["email", "yes", "no", "alice@example.com", ""]),
        ];
        (header, rows)
    }

    #[test]
    fn no_word_is_cut_at_any_width_and_empty_columns_go() {
        let (header, rows) = channels();
        for width in [0, 20, 40, 60, 80, 200] {
            let text = render(&header, &rows, width);
            let shown = words(&text);
            for word in [
                "KIND",
                "CONFIGURED",
                "VERIFIED",
                "DESTINATION",
                "dingtalk-exclusive",
                "dingtalk-bot",
                "alice@example.com",
            ] {
                assert!(
                    shown.iter().any(|w| w == word),
                    "{word} cut at {width}:\n{text}"
                );
            }
            assert!(
                !text.contains("ERROR"),
                "an empty column at {width}:\n{text}"
            );
        }
    }

    #[test]
    fn a_table_that_can_fit_fits_and_breaks_only_between_words() {
        let header = ["name", "description", "configured"];
        let rows = vec![
            row(&["dingtalk", "DingTalk internal app (work notices)", "no"]),
            row(&["sms", "SMS vendor (aliyun or twilio)", "no"]),
        ];
        for width in [40, 50, 60, 80] {
            let text = render(&header, &rows, width);
            for line in text.lines() {
                assert!(line.width() <= width, "wider than {width}:\n{text}");
            }
            for word in [
                "CONFIGURED",
                "DESCRIPTION",
                "notices)",
                "(aliyun",
                "twilio)",
                "internal",
            ] {
                assert!(
                    words(&text).iter().any(|w| w == word),
                    "{word} at {width}:\n{text}"
                );
            }
        }
        // Wide enough, nothing wraps.
        assert_eq!(render(&header, &rows, 200).lines().count(), 6);
    }

    #[test]
    fn urls_break_after_a_slash_when_they_must() {
        assert_eq!(
            wrap("https://hooks.example.com/x/y", 20),
            "https://\nhooks.example.com/x/\ny"
        );
        assert_eq!(
            wrap("/robot/send?access_token=****&x=1", 14),
            "/robot/send?\naccess_token=****&\nx=1"
        );
        assert_eq!(wrap("a b  c", 3), "a b\nc");
        assert_eq!(wrap("dingtalk-exclusive", 5), "dingtalk-exclusive");
    }

    #[test]
    fn a_table_too_narrow_for_borders_drops_them_before_it_cuts_a_word() {
        let header = [
            "kind",
            "configured",
            "verified",
            "enabled",
            "available",
            "destination",
        ];
        let rows = vec![
            row(&["dingtalk-exclusive", "no", "no", "no", "yes", ""]),
            row(&[
                "webhook",
                "yes",
                "yes",
                "no",
                "yes",
                "https://hooks.example.com/x/y/z",
            ]),
        ];
        let text = render(&header, &rows, 80);
        assert!(!text.contains('│'), "{text}");
        assert_eq!(
            text,
            "KIND                CONFIGURED  VERIFIED  ENABLED  AVAILABLE  DESTINATION\n\
             dingtalk-exclusive  no          no        no       yes\n\
             webhook             yes         yes       no       yes        https://\n\
             \x20                                                             hooks.example.com/\n\
             \x20                                                             x/y/z\n"
        );
        // Wide enough for borders, it has them.
        assert!(render(&header, &rows, 120).contains('│'));
    }

    #[test]
    fn widths_share_the_room_fairly() {
        // Room for everything.
        assert_eq!(fit(&[5, 30], &[5, 10], 40), [5, 30]);
        // Not enough room for the words: each column at its longest word.
        assert_eq!(fit(&[18, 30], &[18, 12], 20), [18, 12]);
        // In between: the narrow column whole, the wide one gets the rest.
        assert_eq!(fit(&[5, 30, 40], &[5, 10, 10], 45), [5, 20, 20]);
        assert_eq!(fit(&[5, 30, 40], &[5, 10, 10], 46), [5, 21, 20]);
    }
}
