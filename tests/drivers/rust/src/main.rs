//! Driver over the generated `smtp-codes` crate, used by `cargo xtask test` and `cargo xtask drive`.
//!
//! `dump` prints every fact the crate knows as JSON Lines, in catalogue order (see docs/bindings.md).
//! `classify` reads `{"id": ..., "text": "..."}` lines on stdin and writes one answer line per input line.

use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Write};

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let result = match mode.as_str() {
        "dump" => dump(&mut BufWriter::new(io::stdout().lock())),
        "classify" => classify(io::stdin().lock(), &mut BufWriter::new(io::stdout().lock())),
        "bench" => bench(io::stdin().lock(), std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1_000_000)),
        _ => {
            eprintln!("usage: smtp-codes-driver dump|classify|bench [LINES]");
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

fn classify(input: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let mut classifier = smtp_codes::Classifier::new();
    for line in input.split(b'\n') {
        let line = line?;
        let answer = match serde_json::from_slice::<Value>(&line) {
            Err(_) => json!({"id": null, "error": "invalid JSON"}),
            Ok(request) => answer(&mut classifier, &request),
        };
        writeln!(out, "{answer}")?;
    }
    out.flush()
}

fn answer(classifier: &mut smtp_codes::Classifier, request: &Value) -> Value {
    let id = request.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = request.get("text").and_then(Value::as_str) else {
        return json!({"id": id, "error": "missing \"text\" string"});
    };
    let c = classifier.classify(text.as_bytes());
    json!({
        "id": id,
        "basic": c.basic.map(u16::from),
        "enhanced": c.enhanced.map(|e| e.to_string()),
        "retry": c.retry.map(|r| r.as_str()),
        "bounce": c.bounce.map(|b| b.as_str()),
        "reason": c.reason,
        "vendor": c.vendor.map(|v| v.id),
        "entry": c.entry.map(|e| e.id),
    })
}

/// Classifies the texts of the JSON Lines on stdin over and over until `lines` replies were classified, then prints
/// `{"lines": N, "seconds": S}`.
fn bench(input: impl BufRead, lines: u64) -> io::Result<()> {
    let texts: Vec<Vec<u8>> = input
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<Value>(&l).ok())
        .filter_map(|v| v.get("text").and_then(Value::as_str).map(|t| t.as_bytes().to_vec()))
        .collect();
    if texts.is_empty() {
        return Err(io::Error::other("bench needs JSON Lines with a \"text\" on stdin"));
    }
    let mut classifier = smtp_codes::Classifier::new();
    let mut checksum = 0usize;
    let started = std::time::Instant::now();
    for i in 0..lines {
        let c = classifier.classify(&texts[(i % texts.len() as u64) as usize]);
        checksum = checksum.wrapping_add(c.reason.map_or(0, str::len));
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("{}", json!({"lines": lines, "seconds": seconds, "checksum": checksum}));
    Ok(())
}
