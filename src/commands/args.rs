//! Flag groups shared by several commands, written once: the secret trio `--X`, `--X-stdin`, `--X-env VAR`.

/// Declares a flattened clap argument struct for one secret: `--FLAG <VALUE_NAME>`, `--FLAG-stdin` (one
/// line of stdin) and `--FLAG-env VAR` (only a reference to the variable is stored), mutually exclusive.
/// `noun` completes the help of the two siblings ("Read {noun} from one line of stdin"). Its `Debug`
/// never shows the value.
macro_rules! secret_flags {
    ($(#[$doc:meta])* $name:ident, $flag:literal, value_name = $value_name:literal,
     help = $help:literal, noun = $noun:literal) => {
        $(#[$doc])*
        #[derive(Clone, Default, clap::Args)]
        #[group(multiple = false)]
        pub struct $name {
            #[arg(id = $flag, long = $flag, value_name = $value_name, help = $help)]
            pub value: Option<String>,
            #[arg(
                id = concat!($flag, "-stdin"),
                long = concat!($flag, "-stdin"),
                help = concat!("Read ", $noun, " from one line of stdin")
            )]
            pub stdin: bool,
            #[arg(
                id = concat!($flag, "-env"),
                long = concat!($flag, "-env"),
                value_name = "VAR",
                help = concat!("Store a reference to an environment variable holding ", $noun)
            )]
            pub env: Option<String>,
        }

        impl $name {
            /// The form the secret was given in, if any.
            pub fn input(&self) -> Option<$crate::profiles::Input> {
                use $crate::profiles::Input;
                match (&self.value, self.stdin, &self.env) {
                    (Some(value), _, _) => Some(Input::Text(value.clone())),
                    (_, true, _) => Some(Input::Stdin),
                    (_, _, Some(var)) => Some(Input::Env(var.clone())),
                    _ => None,
                }
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

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        key: Key,
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
}
