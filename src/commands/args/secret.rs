//! The secret-flag trio `--X`, `--X-stdin`, `--X-env VAR`, declared once for every secret a command takes.

/// Declares a flattened clap argument struct for one secret: `--FLAG <VALUE_NAME>`, `--FLAG-stdin` (one
/// line of stdin) and `--FLAG-env VAR`, mutually exclusive. `noun` completes the siblings' help ("Read
/// {noun} from one line of stdin"; "Store a reference to an environment variable holding {noun}", or
/// `env_help` where the variable is read at once). `requires` names an argument all three need. Its
/// `Debug` never shows the value.
macro_rules! secret_flags {
    ($(#[$doc:meta])* $name:ident, $flag:literal, value_name = $value_name:literal,
     help = $help:literal, noun = $noun:literal $(, requires = $requires:literal)?) => {
        secret_flags!(
            $(#[$doc])* $name, $flag, value_name = $value_name, help = $help, noun = $noun,
            env_help = concat!("Store a reference to an environment variable holding ", $noun)
            $(, requires = $requires)?
        );
    };
    ($(#[$doc:meta])* $name:ident, $flag:literal, value_name = $value_name:literal,
     help = $help:literal, noun = $noun:literal, env_help = $env_help:expr
     $(, requires = $requires:literal)?) => {
        $(#[$doc])*
        #[derive(Clone, Default, clap::Args)]
        #[group(multiple = false)]
        pub struct $name {
            #[arg(
                id = $flag,
                long = $flag,
                value_name = $value_name,
                help = $help
                $(, requires = $requires)?
            )]
            pub value: Option<String>,
            #[arg(
                id = concat!($flag, "-stdin"),
                long = concat!($flag, "-stdin"),
                help = concat!("Read ", $noun, " from one line of stdin")
                $(, requires = $requires)?
            )]
            pub stdin: bool,
            #[arg(
                id = concat!($flag, "-env"),
                long = concat!($flag, "-env"),
                value_name = "VAR",
                help = $env_help
                $(, requires = $requires)?
            )]
            pub env: Option<String>,
        }

        impl $name {
            /// The form the secret was given in, if any.
            pub fn input(&self) -> Option<$crate::profiles::Input> {
                $crate::profiles::Input::secret(self.value.as_ref(), self.stdin, self.env.as_ref())
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("value", &self.value.as_ref().map(|_| "****"))
                    .field("stdin", &self.stdin)
                    .field("env", &self.env)
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
        noun = "the key"
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
    fn the_three_forms_are_exclusive_and_debug_hides_the_value() {
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
        assert_eq!(parse(&[]).unwrap().key.input(), None);
        for args in [
            &["--key", "x", "--key-stdin"][..],
            &["--key-stdin", "--key-env", "V"],
            &["--key", "x", "--key-env", "V"],
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
    }
}
