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
    out.push((format!("man/{name}.1"), page));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        man_pages(sub, &name, out);
    }
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
