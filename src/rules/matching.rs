//! Matching words typed by a person: globs over event ids, and the nearest candidates for a typo.

/// Whether `pattern` uses glob syntax (`*` any run of characters, `?` one character).
pub fn is_glob(pattern: &str) -> bool {
    pattern.contains(['*', '?'])
}

/// Whether `text` matches `pattern` as a whole; `*` may span dots (`ticket.*` is every ticket event).
pub fn glob_matches(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Classic two-pointer match with backtracking to the last `*`.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// Edit distance (insertions, deletions, substitutions) between two strings.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

/// Up to `max` candidates close to `typed`, nearest first: a candidate that starts with what was typed,
/// or one a few edits away (a quarter of the length at most), and none much farther than the nearest.
pub fn nearest<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let limit = (typed.chars().count() / 4).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let d = distance(typed, c);
            if typed.len() >= 3 && c.starts_with(typed) {
                Some((d.min(1), c))
            } else if d <= limit {
                Some((d, c))
            } else {
                None
            }
        })
        .collect();
    scored.sort();
    // A much nearer candidate makes the farther ones noise.
    let best = scored.first().map_or(0, |(d, _)| *d);
    scored
        .into_iter()
        .take_while(|(d, _)| *d <= best + 1)
        .take(max)
        .map(|(_, c)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_ids() {
        assert!(glob_matches("ticket.*.closed", "ticket.data-change.closed"));
        assert!(glob_matches(
            "ticket.*",
            "ticket.permission.pending-approval"
        ));
        assert!(glob_matches("*.run.fail?d", "task-flow.run.failed"));
        assert!(glob_matches("*", "a.b.c"));
        assert!(!glob_matches(
            "ticket.*.closed",
            "ticket.data-change.closed-x"
        ));
        assert!(!glob_matches("task-flow.*", "ticket.run.failed"));
        assert!(!glob_matches("?", ""));
        assert!(is_glob("ticket.*") && !is_glob("ticket.data-change.closed"));
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("submiter", "submitter"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("same", "same"), 0);
    }

    #[test]
    fn nearest_prefers_small_edits_then_prefixes() {
        let ids = [
            "ticket.data-change.approved",
            "ticket.data-change.pending-approval",
            "ticket.data-export.approved",
            "task-flow.run.failed",
        ];
        assert_eq!(
            nearest("ticket.data-change.aproved", ids, 3),
            vec!["ticket.data-change.approved"]
        );
        assert_eq!(
            nearest("ticket.data-change.pending", ids, 3),
            vec!["ticket.data-change.pending-approval"]
        );
        assert!(nearest("backup.nightly.failed", ids, 3).is_empty());
        assert_eq!(
            nearest("submiter", ["submitter", "approver", "related"], 1),
            vec!["submitter"]
        );
    }
}
