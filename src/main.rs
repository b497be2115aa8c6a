//! Parse, run, and turn the outcome into an exit code; nothing else.

use std::process::ExitCode;

use clap::Parser;
use notify::error::{self, Exit};
use notify::output::Output;
use notify::{Cli, context::Context};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { Exit::Usage as u8 } else { 0 });
        }
    };
    let ctx = match Context::new(&cli.global) {
        Ok(ctx) => ctx,
        Err(e) => return report(&e, None),
    };
    match notify::run(&cli, &ctx) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => report(&e, Some(&ctx.out)),
    }
}

/// Prints the error (unless it is a closed pipe) and picks the exit code.
fn report(err: &anyhow::Error, out: Option<&Output>) -> ExitCode {
    let code = error::exit_code(err);
    // Ctrl-C needs no message; everything else says what went wrong.
    if code != Exit::Success && code != Exit::Interrupted {
        let text = error::render(err);
        match out {
            Some(out) => out.error(&text),
            None => eprint!("{text}"),
        }
    }
    ExitCode::from(code as u8)
}
