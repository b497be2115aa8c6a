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
#[path = "secret_tests.rs"]
mod tests;
