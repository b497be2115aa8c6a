//! The committed completions/ and man/ must match what the clap definitions generate today.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;
use notify::Cli;

const REGENERATE: &str = "NOTIFY_REGENERATE";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn completion_files() -> Vec<(String, Vec<u8>)> {
    [
        (Shell::Bash, "notify.bash"),
        (Shell::Zsh, "_notify"),
        (Shell::Fish, "notify.fish"),
        (Shell::PowerShell, "_notify.ps1"),
        (Shell::Elvish, "notify.elv"),
    ]
    .into_iter()
    .map(|(shell, file)| {
        (
            format!("completions/{file}"),
            notify::commands::completions::script(shell),
        )
    })
    .collect()
}

/// Where the README installs the pages: a folder of their own, so that `notify-send(1)` never hides
/// libnotify's page of the same name.
const MAN_DIR: &str = "~/.local/share/notify/man";

fn man_pages(cmd: &clap::Command, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let name = if prefix.is_empty() {
        cmd.get_name().to_owned()
    } else {
        format!("{prefix}-{}", cmd.get_name())
    };
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone().name(name.clone()))
        .render(&mut page)
        .expect("render man page");
    let page = String::from_utf8(page).expect("a man page is UTF-8");
    let mut page = with_synopsis(&page, &synopsis(cmd));
    if prefix.is_empty() || name == "notify-send" {
        page.push_str(&install_notes());
    }
    out.push((format!("man/{name}.1"), page.into_bytes()));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        man_pages(sub, &name, out);
    }
}

/// Text for roff: a backslash and a hyphen would otherwise be read as requests.
fn roff(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

/// The SYNOPSIS line as `--help` writes usage, flag by flag: `[--timeout <DURATION>]`, `[--to <USER>]...`,
/// `<EVENT>`. A subcommand's page leaves the global options (listed under OPTIONS) to `[global options]`.
fn synopsis(cmd: &clap::Command) -> String {
    let root = cmd.get_bin_name().is_none_or(|b| b == cmd.get_name());
    let name = cmd.get_bin_name().unwrap_or_else(|| cmd.get_name());
    let mut line = format!("\\fB{}\\fR", roff(name));
    let shown = |a: &&clap::Arg| !a.is_hide_set() && (root || !a.is_global_set());
    for arg in cmd.get_arguments().filter(shown) {
        let value = arg
            .get_value_names()
            .filter(|_| arg.get_num_args().is_some_and(|n| n.takes_values()))
            .map(|names| {
                let names: Vec<String> = names
                    .iter()
                    .map(|n| format!("<\\fI{}\\fR>", roff(n)))
                    .collect();
                names.join(" ")
            });
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) => {
                format!("\\fB\\-{short}\\fR|\\fB\\-\\-{}\\fR", roff(long))
            }
            (Some(short), None) => format!("\\fB\\-{short}\\fR"),
            (None, Some(long)) => format!("\\fB\\-\\-{}\\fR", roff(long)),
            (None, None) => value.clone().unwrap_or_default(),
        };
        let text = match (&value, arg.is_positional()) {
            (Some(value), false) => format!("{flag} {value}"),
            _ => flag,
        };
        let repeats = matches!(
            arg.get_action(),
            clap::ArgAction::Append | clap::ArgAction::Count
        );
        let text = if arg.is_required_set() {
            text
        } else {
            format!("[{text}]")
        };
        line.push(' ');
        line.push_str(&text);
        if repeats {
            line.push_str("...");
        }
    }
    if !root {
        line.push_str(" [\\fIglobal options\\fR]");
    }
    if cmd.has_subcommands() {
        line.push_str(" <\\fICOMMAND\\fR>");
    }
    line
}

/// `page` with its SYNOPSIS section's text replaced by `line`.
fn with_synopsis(page: &str, line: &str) -> String {
    let start = page.find(".SH SYNOPSIS\n").expect("a SYNOPSIS section") + ".SH SYNOPSIS\n".len();
    let end = start
        + page[start..]
            .find("\n.SH ")
            .expect("a section after SYNOPSIS")
        + 1;
    format!("{}{line}\n{}", &page[..start], &page[end..])
}

/// The NOTES of `notify(1)` and `notify-send(1)`: where to install the pages and how to read them.
fn install_notes() -> String {
    let text = format!(
        ".SH NOTES\n\
         These pages are named after the commands: notify\\-send(1) is \\fBnotify send\\fR, not \
         libnotify's notify\\-send(1). Install them in a folder of their own so that neither hides \
         the other:\n\
         .PP\n\
         .nf\n\
         mkdir \\-p {dir}/man1\n\
         cp man/*.1 {dir}/man1/\n\
         export MANPATH=\"$MANPATH:{dir_env}\"\n\
         .fi\n\
         .PP\n\
         Added after the system's folders (an unset MANPATH becomes one that starts with a colon, which \
         man reads as the system's folders first), \\fBman notify\\-send\\fR still shows libnotify's \
         page where it is installed; \\fBman \\-M {dir} notify\\-send\\fR shows this one, and \
         \\fBman notify\\fR, \\fBman notify\\-user\\-add\\fR and the others are found either way.\n",
        dir = MAN_DIR.replace('-', "\\-"),
        dir_env = MAN_DIR.replacen('~', "$HOME", 1).replace('-', "\\-"),
    );
    text
}

fn expected() -> Vec<(String, Vec<u8>)> {
    let mut files = completion_files();
    let mut cmd = Cli::command();
    cmd.build();
    man_pages(&cmd, "", &mut files);
    files
}

fn listed(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let files = expected();
    if std::env::var_os(REGENERATE).is_some() {
        for dir in ["completions", "man"] {
            let _ = std::fs::remove_dir_all(root().join(dir));
            std::fs::create_dir_all(root().join(dir)).expect("mkdir");
        }
        for (path, bytes) in &files {
            std::fs::write(root().join(path), bytes).expect("write generated file");
        }
        return;
    }
    let how = format!(
        "regenerate them with `{REGENERATE}=1 cargo test --test it generated` and commit the result"
    );
    for (path, bytes) in &files {
        let current = std::fs::read(root().join(path)).unwrap_or_default();
        assert!(current == *bytes, "{path} is stale or missing; {how}");
    }
    for dir in ["completions", "man"] {
        let wanted: Vec<String> = files
            .iter()
            .filter_map(|(p, _)| p.strip_prefix(&format!("{dir}/")).map(str::to_owned))
            .collect();
        for name in listed(&root().join(dir)) {
            assert!(
                wanted.contains(&name),
                "{dir}/{name} is no longer generated; {how}"
            );
        }
    }
}

#[test]
fn man_page_synopses_show_each_flag_with_its_value() {
    let files = expected();
    let page = |name: &str| -> String {
        let (_, bytes) = files
            .iter()
            .find(|(path, _)| path == &format!("man/{name}.1"))
            .unwrap_or_else(|| panic!("no page {name}"));
        String::from_utf8(bytes.clone()).expect("utf-8")
    };
    let synopsis = |name: &str| -> String {
        let text = page(name);
        let at = text.find(".SH SYNOPSIS\n").expect("synopsis") + 13;
        text[at..].lines().next().expect("a line").to_owned()
    };
    let send = synopsis("notify-send");
    for part in [
        "\\fBnotify send\\fR ",
        "[\\fB\\-\\-to\\fR <\\fIUSER\\fR>]...",
        "[\\fB\\-\\-timeout\\fR <\\fIDURATION\\fR>]",
        "[\\fB\\-m\\fR|\\fB\\-\\-message\\fR <\\fITEXT\\fR>]",
        "[\\fB\\-\\-dry\\-run\\fR]",
        "[\\fIglobal options\\fR]",
    ] {
        assert!(send.contains(part), "{part} missing from {send}");
    }
    assert!(!send.contains("\\-\\-store"), "a global option: {send}");
    let root = synopsis("notify");
    assert!(
        root.contains("[\\fB\\-\\-store\\fR <\\fIPATH\\fR>]"),
        "{root}"
    );
    assert!(root.ends_with(" <\\fICOMMAND\\fR>"), "{root}");
    assert!(synopsis("notify-rule-set").contains(" <\\fIEVENT\\fR>"));
    // The page that shares libnotify's name says how to keep both.
    for name in ["notify", "notify-send"] {
        assert!(page(name).contains("\\fBman \\-M ~/.local/share/notify/man notify\\-send\\fR"));
    }
}
