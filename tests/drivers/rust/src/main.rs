//! Driver over the generated `smtp-codes` crate, used by `cargo xtask test` and `cargo xtask drive`.
//!
//! `dump` prints every fact the crate knows as JSON Lines, in catalogue order (see docs/bindings.md).

use serde_json::{json, Value};
use std::io::{self, BufWriter, Write};

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let result = match mode.as_str() {
        "dump" => dump(&mut BufWriter::new(io::stdout().lock())),
        _ => {
            eprintln!("usage: smtp-codes-driver dump");
            std::process::exit(2);
        }
    };
    if let Err(error) = result {
        eprintln!("smtp-codes-driver: {error}");
        std::process::exit(1);
    }
}

fn dump(out: &mut impl Write) -> io::Result<()> {
    for b in smtp_codes::basic_codes() {
        let line = json!({"kind": "basic", "code": b.code, "name": b.name, "status": b.status.as_str(),
            "retry": b.retry.map(|r| r.as_str()), "reason": b.reason, "meaning": b.meaning});
        writeln!(out, "{line}")?;
    }
    for e in smtp_codes::enhanced_codes() {
        let line = json!({"kind": "enhanced", "code": format!("X.{}.{}", e.subject, e.detail), "name": e.name,
            "classes": e.classes, "reason": e.reason, "meaning": e.meaning});
        writeln!(out, "{line}")?;
    }
    for vendor in smtp_codes::vendors() {
        for e in vendor.entries {
            let line: Value = json!({"kind": "entry", "vendor": e.vendor, "id": e.id, "retry": e.retry.as_str(),
                "bounce": e.bounce.as_str(), "reason": e.reason, "meaning": e.meaning});
            writeln!(out, "{line}")?;
        }
    }
    out.flush()
}
