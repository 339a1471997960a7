//! `smtp-codes`: look up SMTP codes and classify replies.
//!
//! ```text
//! smtp-codes lookup 550            smtp-codes lookup 5.7.26
//! smtp-codes classify "550 5.1.1 ..."
//! smtp-codes classify < mail.log   (one reply per line)
//! ```
//! Add `--json` for machine-readable output. Exit codes: 0 ok, 1 unknown code, 2 usage error.

mod output;

use output::{classification_json, enhanced_json, print_basic, print_classification, print_enhanced, reply_json};
use smtp_codes::{Classifier, EnhancedCode, ReplyCode};
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  smtp-codes lookup <code> [--json]        a basic code (550) or an enhanced code (5.7.26)
  smtp-codes classify <reply> [--json]     classify one reply, log line or Diagnostic-Code
  smtp-codes classify [--json] < file      classify every line of standard input";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let json = take_flag(&mut args, "--json");
    let result = match args.first().map(String::as_str) {
        Some("lookup") if args.len() == 2 => lookup(&args[1], json),
        Some("classify") if args.len() == 2 => classify_one(&args[1], json),
        Some("classify") if args.len() == 1 => classify_stream(json),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            eprintln!("{USAGE}");
            Ok(ExitCode::from(2))
        }
    };
    result.unwrap_or_else(|error| {
        // a closed pipe (`| head`) is not worth a message
        if error.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("smtp-codes: {error}");
        }
        ExitCode::from(1)
    })
}

fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

fn lookup(code: &str, json: bool) -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    if let Ok(reply) = code.parse::<ReplyCode>() {
        let Some(info) = reply.info() else {
            eprintln!("smtp-codes: {code} is a valid reply code, but the catalogue does not list it");
            return Ok(ExitCode::from(1));
        };
        if json {
            writeln!(out, "{}", reply_json(info))?;
        } else {
            print_basic(&mut out, reply, info)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Ok(enhanced) = code.parse::<EnhancedCode>() {
        let Some(info) = enhanced.info() else {
            eprintln!("smtp-codes: {code} is well formed, but the IANA registry does not list it");
            return Ok(ExitCode::from(1));
        };
        if json {
            writeln!(out, "{}", enhanced_json(enhanced, info))?;
        } else {
            print_enhanced(&mut out, enhanced, info)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("smtp-codes: `{code}` is neither a reply code (like 550) nor an enhanced code (like 5.7.26)");
    Ok(ExitCode::from(2))
}

fn classify_one(reply: &str, json: bool) -> io::Result<ExitCode> {
    // a pasted multi-line reply may arrive with literal "\n" escapes from a shell; real newlines work as they are
    let text = reply.replace("\\r\\n", "\n").replace("\\n", "\n");
    let c = smtp_codes::classify(text.as_bytes());
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", classification_json(&c))?;
    } else {
        print_classification(&mut out, &c)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn classify_stream(json: bool) -> io::Result<ExitCode> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        eprintln!("smtp-codes: reading replies from the terminal, one per line (Ctrl-D ends)");
    }
    let mut classifier = Classifier::new();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().split(b'\n') {
        let line = line?;
        let c = classifier.classify(&line);
        if json {
            writeln!(out, "{}", classification_json(&c))?;
        } else {
            output::print_row(&mut out, &String::from_utf8_lossy(&line), &c)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
