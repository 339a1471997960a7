//! Building and running the bindings' drivers and C tests, and comparing what each binding says.

use crate::test::{python_venv, status};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A binding that can be driven.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    Rust,
    C,
    Python,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Rust, Lang::C, Lang::Python];

    pub fn parse(name: &str) -> Option<Lang> {
        match name {
            "rust" => Some(Lang::Rust),
            "c" => Some(Lang::C),
            "python" => Some(Lang::Python),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::Rust => "rust",
            Lang::C => "c",
            Lang::Python => "python",
        }
    }
}

const C_WARNINGS: [&str; 5] = ["-Wall", "-Wextra", "-Wpedantic", "-Werror", "-Wshadow"];

/// Compiles the C test program as C99 and as C++11, warning-free, and runs it, plain and under ASan/UBSan.
pub fn c_checks(root: &Path) -> Result<(), String> {
    let out = root.join("target/c");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let sources = c_test_sources(root)?;
    let builds: [(&str, &str, &[&str]); 3] = [
        ("test-c99", "cc", &["-std=c99", "-O1"]),
        ("test-cxx11", "c++", &["-std=c++11", "-O1", "-x", "c++"]),
        ("test-sanitized", "cc", &["-std=c99", "-g", "-fsanitize=address,undefined", "-fno-sanitize-recover=all"]),
    ];
    for (name, compiler, flags) in builds {
        let binary = out.join(name);
        let mut command = Command::new(compiler);
        command.args(flags).args(C_WARNINGS).arg("-I").arg(root.join("generated/c"));
        command.args(&sources).arg("-o").arg(&binary);
        status(&mut command).map_err(|e| format!("{name}: {e}"))?;
        status(&mut Command::new(&binary)).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

fn c_test_sources(root: &Path) -> Result<Vec<PathBuf>, String> {
    let dir = root.join("tests/c");
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .collect();
    sources.sort();
    if sources.is_empty() {
        return Err(format!("no C test sources in {}", dir.display()));
    }
    Ok(sources)
}

/// Builds the driver of `lang` and returns the command that runs it.
pub fn driver(root: &Path, lang: Lang) -> Result<Command, String> {
    match lang {
        Lang::Rust => {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
            let build = ["build", "--quiet", "--release", "-p", "smtp-codes-driver"];
            status(Command::new(&cargo).args(build).current_dir(root))?;
            Ok(Command::new(root.join("target/release/smtp-codes-driver")))
        }
        Lang::C => {
            let out = root.join("target/c");
            std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
            let binary = out.join("driver");
            let mut command = Command::new("cc");
            // -O3 matches the opt-level of the Rust driver's release build, so `bench` compares like with like
            command.args(["-std=c99", "-O3"]).args(C_WARNINGS).arg("-I").arg(root.join("generated/c"));
            command.arg(root.join("tests/drivers/c/driver.c")).arg("-o").arg(&binary);
            status(&mut command)?;
            Ok(Command::new(binary))
        }
        Lang::Python => {
            let mut command = Command::new(python_venv(root)?);
            command.arg(root.join("tests/drivers/python/driver.py"));
            Ok(command)
        }
    }
}

/// `cargo xtask drive`: builds the driver, then lets it read stdin and write stdout directly.
pub fn drive(root: &Path, lang: Lang) -> Result<(), crate::Failure> {
    let mut command = driver(root, lang).map_err(crate::Failure::Error)?;
    status(command.arg("classify")).map_err(crate::Failure::Error)
}

/// Runs a driver with `args`, feeding `input`, and returns its standard output.
pub fn run_driver(root: &Path, lang: Lang, args: &[&str], input: &[u8]) -> Result<String, String> {
    use std::io::Write;
    let mut command = driver(root, lang)?;
    command.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit());
    let mut child = command.spawn().map_err(|e| format!("{}: cannot start driver: {e}", lang.name()))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(format!("{} driver exited with {}", lang.name(), output.status));
    }
    String::from_utf8(output.stdout).map_err(|_| format!("{} driver wrote invalid UTF-8", lang.name()))
}

/// What every binding must report, read from `generated/json/smtp-codes.json`.
fn expected_facts(root: &Path) -> Result<Vec<Value>, String> {
    let path = root.join("generated/json/smtp-codes.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let list = |key: &str| json[key].as_array().cloned().unwrap_or_default();
    let mut facts = Vec::new();
    for b in list("basic") {
        facts.push(serde_json::json!({"kind": "basic", "code": b["code"], "name": b["name"], "status": b["status"],
            "retry": b["retry"], "reason": b["reason"], "meaning": b["meaning"]}));
    }
    for e in list("enhanced") {
        facts.push(serde_json::json!({"kind": "enhanced", "code": e["code"], "name": e["name"],
            "classes": e["classes"], "reason": e["reason"], "meaning": e["meaning"]}));
    }
    for v in list("vendors") {
        for e in v["entries"].as_array().cloned().unwrap_or_default() {
            facts.push(serde_json::json!({"kind": "entry", "vendor": v["id"], "id": e["id"], "retry": e["retry"],
                "bounce": e["bounce"], "reason": e["reason"], "meaning": e["meaning"]}));
        }
    }
    Ok(facts)
}

fn describe(fact: &Value) -> String {
    match fact["kind"].as_str() {
        Some("entry") => format!("vendor {} entry {}", fact["vendor"], fact["id"]),
        Some(kind) => format!("{kind} {}", fact["code"]),
        None => fact.to_string(),
    }
}

/// Asks every binding for every fact it knows and compares with the JSON; any difference fails.
pub fn compare_dumps(root: &Path) -> Result<(), String> {
    let expected = expected_facts(root)?;
    let mut differences = Vec::new();
    for lang in Lang::ALL {
        let output = run_driver(root, lang, &["dump"], b"")?;
        let actual: Vec<Value> = output.lines().map(|l| serde_json::from_str(l).unwrap_or(Value::Null)).collect();
        if actual.len() != expected.len() {
            differences.push(format!("{}: {} facts, the JSON has {}", lang.name(), actual.len(), expected.len()));
        }
        for (want, got) in expected.iter().zip(&actual) {
            if want != got {
                differences.push(format!("{}: {}: expected {want}, got {got}", lang.name(), describe(want)));
            }
        }
    }
    if differences.is_empty() {
        println!("{} facts, identical in rust, c and python", expected.len());
        return Ok(());
    }
    for line in differences.iter().take(20) {
        eprintln!("{line}");
    }
    Err(format!("{} differences", differences.len()))
}

/// One shared vector: an input and the fields of the answer it must get (absent fields are not checked).
struct Vector {
    id: String,
    text: String,
    expect: serde_json::Map<String, Value>,
}

fn read_vectors(root: &Path) -> Result<Vec<Vector>, String> {
    let dir = root.join("tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut vectors = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let at = || format!("{}:{}", file.display(), number + 1);
            let value: Value = serde_json::from_str(line).map_err(|e| format!("{}: {e}", at()))?;
            let id = value["id"].as_str().ok_or_else(|| format!("{}: missing id", at()))?.to_string();
            let text = value["text"].as_str().ok_or_else(|| format!("{}: missing text", at()))?.to_string();
            let expect = value["expect"].as_object().cloned().ok_or_else(|| format!("{}: missing expect", at()))?;
            vectors.push(Vector { id, text, expect });
        }
    }
    Ok(vectors)
}

/// Inputs no vector file should hold: very long lines, many continuations, invalid JSON lines, random bytes.
fn hostile_inputs() -> Vec<String> {
    let mut lines = vec![
        serde_json::json!({"id": "megabyte", "text": format!("550 5.1.1 {}", "user unknown ".repeat(80_000))})
            .to_string(),
        serde_json::json!({"id": "continuations", "text": "550-5.7.26 x\r\n".repeat(20_000)}).to_string(),
        serde_json::json!({"id": "nested-codes", "text": "550 550- 550-5.1.1 5.1.1 ".repeat(10_000)}).to_string(),
        "{not json".to_string(),
        "[1, 2".to_string(),
        serde_json::json!({"id": {"nested": [1, "two"]}, "text": "421 4.7.0 [TSS04] deferred"}).to_string(),
        serde_json::json!({"id": 7}).to_string(),
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for n in 0..200 {
        let text: String = (0..(n * 7 % 300))
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                char::from_u32((seed % 0x3000) as u32).unwrap_or('?')
            })
            .collect();
        lines.push(serde_json::json!({"id": format!("random-{n}"), "text": text}).to_string());
    }
    lines
}

/// Every vector through every binding: each answer must match the vector, and all bindings must agree.
pub fn check_vectors(root: &Path) -> Result<(), String> {
    let vectors = read_vectors(root)?;
    let mut input = String::new();
    for v in &vectors {
        input.push_str(&serde_json::json!({"id": v.id, "text": v.text}).to_string());
        input.push('\n');
    }
    for line in hostile_inputs() {
        input.push_str(&line);
        input.push('\n');
    }
    let total_lines = input.lines().count();
    let mut answers: Vec<(Lang, Vec<String>)> = Vec::new();
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        let output = run_driver(root, lang, &["classify"], input.as_bytes())?;
        let lines: Vec<String> = output.lines().map(str::to_string).collect();
        if lines.len() != total_lines {
            failures.push(format!("{}: {} answers for {total_lines} input lines", lang.name(), lines.len()));
        }
        for (vector, line) in vectors.iter().zip(&lines) {
            let answer: Value = serde_json::from_str(line).unwrap_or(Value::Null);
            for (field, want) in &vector.expect {
                if answer.get(field) != Some(want) {
                    let got = answer.get(field).cloned().unwrap_or(Value::Null);
                    failures.push(format!(
                        "{}: vector {}: {field}: expected {want}, got {got}",
                        lang.name(),
                        vector.id
                    ));
                }
            }
        }
        answers.push((lang, lines));
    }
    let (first_lang, first) = &answers[0];
    for (lang, lines) in &answers[1..] {
        for (i, (a, b)) in first.iter().zip(lines).enumerate() {
            if a != b {
                failures.push(format!("line {}: {} says {a}, {} says {b}", i + 1, first_lang.name(), lang.name()));
            }
        }
    }
    if failures.is_empty() {
        println!(
            "{} vectors and {} hostile inputs: identical answers in rust, c and python",
            vectors.len(),
            total_lines - vectors.len()
        );
        println!("vectors: {} passed, 0 failed", vectors.len() * Lang::ALL.len());
        return Ok(());
    }
    for line in failures.iter().take(40) {
        eprintln!("{line}");
    }
    Err(format!("{} vector failures or differences", failures.len()))
}
