//! The secret flags `--X`, `--X-stdin`, `--X-env VAR`, `--X-file PATH` (and, for a secret the store keeps,
//! `--X-keyring`), declared once for every secret a command takes.

/// Declares a flattened clap argument struct for one secret: `--FLAG <VALUE_NAME>`, `--FLAG-stdin` (one
/// line of stdin), `--FLAG-env VAR` and `--FLAG-file PATH`, mutually exclusive; with `keyring = "PLACE"`
/// (the secret's place in the store, for the help) also `--FLAG-keyring`, which takes the value from
/// `--FLAG`, `--FLAG-stdin` or a prompt and keeps it in the OS keyring. `noun` completes the siblings'
/// help ("Read {noun} from one line of stdin"; "Store a reference to an environment variable holding
/// {noun}", or `env_help` where the variable is read at once, and then the file is read at once too).
/// `requires` names an argument every form needs (a secret used at once: it has no keyring form). Its `Debug` never shows the value.
macro_rules! secret_flags {
    ($(#[$doc:meta])* $name:ident, $flag:literal, value_name = $value_name:literal,
     help = $help:literal, noun = $noun:literal $(, requires = $requires:literal)?
     $(, keyring = $keyring:literal)?) => {
        secret_flags!(
            $(#[$doc])* $name, $flag, value_name = $value_name, help = $help, noun = $noun,
            env_help = concat!("Store a reference to an environment variable holding ", $noun),
            file_help = concat!(
                "Read ", $noun, " from this file each time it is used (mode 0600 or stricter; a trailing \
                 newline is dropped); the store keeps the path"
            )
            $(, requires = $requires)? $(, keyring = $keyring)?
        );
    };
    ($(#[$doc:meta])* $name:ident, $flag:literal, value_name = $value_name:literal,
     help = $help:literal, noun = $noun:literal, env_help = $env_help:expr
     $(, requires = $requires:literal)?) => {
        secret_flags!(
            $(#[$doc])* $name, $flag, value_name = $value_name, help = $help, noun = $noun,
            env_help = $env_help,
            file_help = concat!(
                "Read ", $noun, " from this file (mode 0600 or stricter; a trailing newline is dropped)"
            )
            $(, requires = $requires)?
        );
    };
    ($(#[$doc:meta])* $name:ident, $flag:literal, value_name = $value_name:literal,
     help = $help:literal, noun = $noun:literal, env_help = $env_help:expr,
     file_help = $file_help:expr $(, requires = $requires:literal)? $(, keyring = $keyring:literal)?) => {
        $(#[$doc])*
        #[derive(Clone, Default, clap::Args)]
        pub struct $name {
            #[arg(
                id = $flag,
                long = $flag,
                value_name = $value_name,
                help = $help,
                conflicts_with_all = [concat!($flag, "-stdin"), concat!($flag, "-env"), concat!($flag, "-file")]
                $(, requires = $requires)?
            )]
            pub value: Option<String>,
            #[arg(
                id = concat!($flag, "-stdin"),
                long = concat!($flag, "-stdin"),
                help = concat!("Read ", $noun, " from one line of stdin"),
                conflicts_with_all = [concat!($flag, "-env"), concat!($flag, "-file")]
                $(, requires = $requires)?
            )]
            pub stdin: bool,
            #[arg(
                id = concat!($flag, "-env"),
                long = concat!($flag, "-env"),
                value_name = "VAR",
                help = $env_help,
                conflicts_with = concat!($flag, "-file")
                $(, requires = $requires)?
            )]
            pub env: Option<String>,
            #[arg(
                id = concat!($flag, "-file"),
                long = concat!($flag, "-file"),
                value_name = "PATH",
                help = $file_help
                $(, requires = $requires)?
            )]
            pub file: Option<std::path::PathBuf>,
            $(
                #[arg(
                    id = concat!($flag, "-keyring"),
                    long = concat!($flag, "-keyring"),
                    help = concat!(
                        "Keep ", $noun, " in the OS keyring (Secret Service on Linux, Keychain on \
                         macOS), given with --", $flag, " or --", $flag, "-stdin or asked for; the store \
                         keeps only the entry's name, `notify/", $keyring, "@<store path>`"
                    ),
                    conflicts_with_all = [concat!($flag, "-env"), concat!($flag, "-file")]
                )]
                pub keyring: bool,
            )?
        }

        impl $name {
            /// The form the secret was given in, if any (`--X-keyring` adds where it goes, not a form).
            pub fn input(&self) -> Option<$crate::profiles::Input> {
                $crate::profiles::Input::secret(
                    self.value.as_ref(),
                    self.stdin,
                    self.env.as_ref(),
                    self.file.as_ref(),
                )
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("value", &self.value.as_ref().map(|_| "****"))
                    .field("stdin", &self.stdin)
                    .field("env", &self.env)
                    .field("file", &self.file)
                    $(.field("keyring", &(self.keyring, $keyring).0))?
                    .finish()
            }
        }
    };
}

pub(crate) use secret_flags;

#[cfg(test)]
mod tests {
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
}
