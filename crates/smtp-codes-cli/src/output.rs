//! How answers are shown: readable tables by default, JSON with `--json`.

use serde_json::{json, Value};
use smtp_codes::{BasicInfo, Classification, EnhancedCode, EnhancedInfo, ReplyCode};
use std::io::{self, Write};

fn field(out: &mut impl Write, name: &str, value: &str) -> io::Result<()> {
    writeln!(out, "{name:<10} {value}")
}

pub fn print_basic(out: &mut impl Write, code: ReplyCode, info: &BasicInfo) -> io::Result<()> {
    field(out, "code", &format!("{code} {}", info.name))?;
    field(out, "status", info.status.as_str())?;
    if let Some(text) = info.text {
        field(out, "text", text)?;
    }
    field(out, "meaning", info.meaning)?;
    field(out, "action", info.action)?;
    field(out, "retry", info.retry.map_or("-", |r| r.as_str()))?;
    for command in info.commands.iter().filter(|c| c.meaning.is_some()) {
        field(out, "command", &format!("{}: {}", command.command, command.meaning.unwrap_or_default()))?;
    }
    field(out, "sources", &info.sources.join(", "))
}

pub fn print_enhanced(out: &mut impl Write, code: EnhancedCode, info: &EnhancedInfo) -> io::Result<()> {
    field(out, "code", &format!("{code} {}", info.name))?;
    field(out, "title", info.title)?;
    field(out, "meaning", info.meaning)?;
    field(out, "action", info.action)?;
    field(out, "reason", info.reason)?;
    if info.deprecated {
        field(out, "status", "deprecated")?;
    }
    field(out, "sources", &info.sources.join(", "))
}

pub fn print_classification(out: &mut impl Write, c: &Classification) -> io::Result<()> {
    field(out, "basic", &c.basic.map_or("-".to_string(), |b| b.to_string()))?;
    field(out, "enhanced", &c.enhanced.map_or("-".to_string(), |e| e.to_string()))?;
    field(out, "retry", c.retry.map_or("-", |r| r.as_str()))?;
    field(out, "bounce", c.bounce.map_or("-", |b| b.as_str()))?;
    field(out, "reason", c.reason.unwrap_or("-"))?;
    field(out, "vendor", c.vendor.map_or("-", |v| v.name))?;
    field(out, "entry", c.entry.map_or("-", |e| e.id))?;
    if let Some(entry) = c.entry {
        field(out, "meaning", entry.meaning)?;
    }
    field(out, "action", c.action.unwrap_or("-"))
}

/// One line per reply in a stream: the answer columns, then the start of the reply.
pub fn print_row(out: &mut impl Write, line: &str, c: &Classification) -> io::Result<()> {
    let preview: String = line.trim().chars().take(60).collect();
    writeln!(
        out,
        "{:<5} {:<8} {:<9} {:<4} {:<15} {:<14} {}",
        c.basic.map_or("-".to_string(), |b| b.to_string()),
        c.enhanced.map_or("-".to_string(), |e| e.to_string()),
        c.retry.map_or("-", |r| r.as_str()),
        c.bounce.map_or("-", |b| b.as_str()),
        c.reason.unwrap_or("-"),
        c.vendor.map_or("-", |v| v.id),
        preview
    )
}

pub fn reply_json(info: &BasicInfo) -> Value {
    json!({"code": info.code, "name": info.name, "status": info.status.as_str(), "text": info.text,
        "meaning": info.meaning, "action": info.action, "retry": info.retry.map(|r| r.as_str()),
        "reason": info.reason, "sources": info.sources})
}

pub fn enhanced_json(code: EnhancedCode, info: &EnhancedInfo) -> Value {
    json!({"code": code.to_string(), "name": info.name, "title": info.title, "meaning": info.meaning,
        "action": info.action, "reason": info.reason, "deprecated": info.deprecated, "sources": info.sources})
}

pub fn classification_json(c: &Classification) -> Value {
    json!({
        "basic": c.basic.map(u16::from),
        "enhanced": c.enhanced.map(|e| e.to_string()),
        "command": c.command,
        "retry": c.retry.map(|r| r.as_str()),
        "bounce": c.bounce.map(|b| b.as_str()),
        "reason": c.reason,
        "vendor": c.vendor.map(|v| v.id),
        "entry": c.entry.map(|e| e.id),
        "action": c.action,
    })
}
