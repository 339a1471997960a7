//! The `smtp-codes` binary, run as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-codes"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("the binary ends")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(stdout(output).trim()).expect("JSON output")
}

const GMAIL_BOUNCE: &str =
    "550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires\r
550-5.7.26 all senders to authenticate with either SPF or DKIM.\r
550-5.7.26\r
550-5.7.26  Authentication results:\r
550-5.7.26  DKIM = did not pass\r
550-5.7.26  SPF [example.com] with ip: [192.0.2.1] = did not pass\r
550-5.7.26\r
550-5.7.26  For instructions on setting up authentication, go to\r
550 5.7.26  https://support.google.com/mail/answer/81126#authentication d2-20020a05 - gsmtp";

#[test]
fn classifies_a_pasted_gmail_multiline_bounce() {
    let output = run(&["classify", "--json", GMAIL_BOUNCE], "");
    assert!(output.status.success());
    let answer = json(&output);
    assert_eq!(answer["basic"], 550);
    assert_eq!(answer["enhanced"], "5.7.26");
    assert_eq!(answer["retry"], "permanent");
    assert_eq!(answer["bounce"], "soft");
    assert_eq!(answer["reason"], "authfailure");
    assert_eq!(answer["vendor"], "google");
    assert!(answer["entry"].is_string(), "{answer}");
    let table = stdout(&run(&["classify", GMAIL_BOUNCE], ""));
    assert!(table.contains("authfailure") && table.contains("Google"), "{table}");
}

#[test]
fn classifies_a_stream_line_by_line() {
    let input = "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown\n421 4.7.0 try again later\n\n";
    let output = run(&["classify", "--json"], input);
    let lines: Vec<serde_json::Value> =
        stdout(&output).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!((lines[0]["bounce"].as_str(), lines[0]["reason"].as_str()), (Some("hard"), Some("userunknown")));
    assert_eq!(lines[1]["retry"], "transient");
    assert_eq!(lines[2]["basic"], serde_json::Value::Null);
    let table = stdout(&run(&["classify"], input));
    assert_eq!(table.lines().count(), 3);
}

#[test]
fn looks_up_basic_and_enhanced_codes() {
    let basic = json(&run(&["lookup", "550", "--json"], ""));
    assert_eq!((basic["code"].as_u64(), basic["status"].as_str()), (Some(550), Some("standard")));
    let enhanced = json(&run(&["lookup", "5.7.26", "--json"], ""));
    assert_eq!(enhanced["code"], "5.7.26");
    assert!(stdout(&run(&["lookup", "421"], "")).contains("transient"));
}

#[test]
fn errors_have_clear_exit_codes() {
    assert_eq!(run(&["lookup", "599"], "").status.code(), Some(1), "valid but unlisted");
    assert_eq!(run(&["lookup", "5.9.99"], "").status.code(), Some(1), "well formed but unregistered");
    assert_eq!(run(&["lookup", "hello"], "").status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(run(&[], "").status.code(), Some(2));
}
