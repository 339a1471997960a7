//! `cargo xtask bench`: parse+classify throughput of every binding, and codegen time for the catalogue and for
//! synthetic catalogues 10 and 100 times its size. Prints figures; asserts nothing (targets live in the README).

use crate::lang::{run_driver, Lang};
use crate::{workspace_root, Failure};
use smtp_catalogue::Catalogue;
use std::path::Path;
use std::time::Instant;

/// Replies each binding classifies: the shared vectors replayed to this many lines.
const LINES: u64 = 1_000_000;

pub fn run() -> Result<(), Failure> {
    let root = workspace_root();
    if cfg!(debug_assertions) {
        // `cargo xtask` builds without optimisations; codegen is timed as a release build would run it.
        return rerun_optimised(&root);
    }
    println!("machine: {}", machine());
    let input = bench_input(&root).map_err(Failure::Error)?;
    for lang in Lang::ALL {
        let lines = LINES.to_string();
        let output = run_driver(&root, lang, &["bench", &lines], input.as_bytes()).map_err(Failure::Error)?;
        let figures: serde_json::Value =
            serde_json::from_str(output.trim()).map_err(|e| Failure::Error(e.to_string()))?;
        let seconds = figures["seconds"].as_f64().unwrap_or(f64::NAN);
        println!("{:<7} {:>12.0} lines/s  ({LINES} lines in {seconds:.2} s)", lang.name(), LINES as f64 / seconds);
    }
    let catalogue = crate::codegen::load(&root.join("catalogue.yaml"), "catalogue.yaml")?;
    for factor in [1, 10, 100] {
        let scaled = scale(&catalogue, factor);
        let entries: usize = scaled.vendors.iter().map(|v| v.entries.len()).sum();
        let started = Instant::now();
        let files = smtp_codegen::emit_all(&scaled).map_err(|e| Failure::Error(e.to_string()))?;
        let elapsed = started.elapsed().as_secs_f64();
        let bytes: usize = files.iter().map(|f| f.contents.len()).sum();
        println!(
            "codegen x{factor:<3} {entries:>6} vendor entries: {elapsed:.3} s, {} files, {:.1} MB",
            files.len(),
            bytes as f64 / 1e6
        );
    }
    Ok(())
}

/// Runs `xtask bench` again from an optimised build and passes its exit status on.
fn rerun_optimised(root: &Path) -> Result<(), Failure> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = std::process::Command::new(cargo);
    command.args(["run", "--quiet", "--release", "--package", "xtask", "--", "bench"]).current_dir(root);
    crate::test::status(&mut command).map_err(Failure::Error)
}

/// The vector texts as driver input lines.
fn bench_input(root: &Path) -> Result<String, String> {
    let dir = root.join("tests/vectors");
    let mut input = String::new();
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).map_err(|e| e.to_string())?.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for file in files.iter().filter(|p| p.extension().is_some_and(|x| x == "jsonl")) {
        let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
        for line in text.lines() {
            let value: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
            // the hostile megabyte cases measure robustness, not throughput
            if value["text"].as_str().is_some_and(|t| t.len() < 4096) {
                input.push_str(line);
                input.push('\n');
            }
        }
    }
    Ok(input)
}

/// The catalogue with its vendors repeated `factor` times under new ids and with distinct patterns.
fn scale(catalogue: &Catalogue, factor: usize) -> Catalogue {
    let mut scaled = catalogue.clone();
    for copy in 1..factor {
        for vendor in &catalogue.vendors {
            let mut clone = vendor.clone();
            clone.id = format!("{}_{copy}", vendor.id);
            clone.markers = clone.markers.iter().map(|m| format!("{m} {copy}")).collect();
            for entry in &mut clone.entries {
                entry.fragment = entry.fragment.as_ref().map(|f| format!("{f} {copy}"));
                entry.variants = entry.variants.iter().map(|f| format!("{f} {copy}")).collect();
                entry.token = entry.token.as_ref().map(|t| format!("{t}{copy}"));
                entry.token_variants = entry.token_variants.iter().map(|t| format!("{t}{copy}")).collect();
            }
            scaled.vendors.push(clone);
        }
    }
    scaled
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    format!("{cpu}, {cores} cores available (each binding runs on one)")
}
