//! The flags `secret_flags!` makes, parsed as a command line gives them.

use clap::Parser;

use crate::profiles::Input;

secret_flags!(
    Key,
    "key",
    value_name = "KEY",
    help = "The key",
    noun = "the key",
    keyring = "providers.x.key"
);

secret_flags!(
    BotSecret,
    "secret",
    value_name = "SECRET",
    help = "Robot secret",
    noun = "the robot secret",
    env_help = "Read the robot secret from this environment variable",
    requires = "bot"
);

#[derive(Debug, Parser)]
struct Cli {
    #[command(flatten)]
    key: Key,
    #[arg(long)]
    bot: Option<String>,
    #[command(flatten)]
    secret: BotSecret,
}

#[test]
fn the_forms_are_exclusive_and_debug_hides_the_value() {
    let parse = |args: &[&str]| Cli::try_parse_from([&["t"], args].concat());
    let cli = parse(&["--key", "s3cret"]).unwrap();
    assert_eq!(cli.key.input(), Some(Input::Text("s3cret".into())));
    assert!(!format!("{cli:?}").contains("s3cret"));
    assert_eq!(
        parse(&["--key-stdin"]).unwrap().key.input(),
        Some(Input::Stdin)
    );
    assert_eq!(
        parse(&["--key-env", "K"]).unwrap().key.input(),
        Some(Input::Env("K".into()))
    );
    assert_eq!(
        parse(&["--key-file", "/run/k"]).unwrap().key.input(),
        Some(Input::File("/run/k".into()))
    );
    assert_eq!(parse(&[]).unwrap().key.input(), None);
    // The keyring is where the value goes: it takes the value from --key or --key-stdin.
    for args in [
        &["--key-keyring"][..],
        &["--key", "x", "--key-keyring"],
        &["--key-stdin", "--key-keyring"],
    ] {
        assert!(parse(args).unwrap().key.keyring, "{args:?}");
    }
    for args in [
        &["--key", "x", "--key-stdin"][..],
        &["--key-stdin", "--key-env", "V"],
        &["--key", "x", "--key-env", "V"],
        &["--key", "x", "--key-file", "/k"],
        &["--key-stdin", "--key-file", "/k"],
        &["--key-env", "V", "--key-file", "/k"],
        &["--key-env", "V", "--key-keyring"],
        &["--key-file", "/k", "--key-keyring"],
    ] {
        let err = parse(args).unwrap_err();
        assert_eq!(
            err.kind(),
            clap::error::ErrorKind::ArgumentConflict,
            "{args:?}"
        );
    }
}

#[test]
fn requires_applies_to_every_form() {
    let parse = |args: &[&str]| Cli::try_parse_from([&["t"], args].concat());
    for args in [
        &["--secret", "s"][..],
        &["--secret-stdin"],
        &["--secret-env", "V"],
        &["--secret-file", "/s"],
    ] {
        let err = parse(args).unwrap_err();
        assert_eq!(
            err.kind(),
            clap::error::ErrorKind::MissingRequiredArgument,
            "{args:?}"
        );
    }
    let cli = parse(&["--bot", "b", "--secret-env", "V"]).unwrap();
    assert_eq!(cli.secret.input(), Some(Input::Env("V".into())));
    // A secret used at once has no keyring form.
    assert_eq!(
        parse(&["--bot", "b", "--secret-keyring"])
            .unwrap_err()
            .kind(),
        clap::error::ErrorKind::UnknownArgument
    );
}
