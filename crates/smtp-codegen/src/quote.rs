//! Quoting for each target language. askama's Text escaper escapes nothing, so every string that lands in generated
//! code goes through one of these.

use std::fmt::Write;

/// A Rust string literal, quotes included.
pub fn rust_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A C string literal, quotes included. Non-ASCII bytes and controls become octal escapes (three digits, so a
/// following digit is never swallowed); `?` is escaped so no trigraph can form.
pub fn c_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for byte in text.bytes() {
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'?' => out.push_str("\\?"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\{byte:03o}");
            }
        }
    }
    out.push('"');
    out
}

/// A Python string literal, double-quoted, ASCII only (non-ASCII as `\u` escapes keeps files plain ASCII).
pub fn py_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            c if (c as u32) <= 0xffff => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Text safe inside a C block comment or a Rust/Python line comment: one line, no `*/`.
pub fn comment(text: &str) -> String {
    one_line(text).replace("*/", "* /")
}

/// Text safe inside a Python docstring: one line, no backslash or triple quote surprises.
pub fn docstring(text: &str) -> String {
    one_line(text).replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"")
}

/// A Markdown table cell: one line, `|` and `\` escaped, HTML-significant `<` escaped so wire text like
/// `<domain>` shows up instead of vanishing as a tag.
pub fn md_cell(text: &str) -> String {
    one_line(text).replace('\\', "\\\\").replace('|', "\\|").replace('<', "&lt;").replace('>', "&gt;")
}

/// Markdown inline code for wire text: backticks chosen so the text cannot close the span early.
pub fn md_code(text: &str) -> String {
    let text = one_line(text).replace('|', "\\|");
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Collapses all white space (newlines included) to single spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a \"quote\" \\ back|pipe */ end?? \n\tnew é \u{7}";

    #[test]
    fn rust_strings_escape_quotes_controls() {
        assert_eq!(rust_str(HOSTILE), "\"a \\\"quote\\\" \\\\ back|pipe */ end?? \\n\\tnew é \\u{7}\"");
    }

    #[test]
    fn c_strings_escape_trigraphs_and_non_ascii() {
        assert_eq!(c_str(HOSTILE), "\"a \\\"quote\\\" \\\\ back|pipe */ end\\?\\? \\n\\tnew \\303\\251 \\007\"");
        assert_eq!(c_str("\u{1}2"), "\"\\0012\"");
    }

    #[test]
    fn python_strings_are_ascii() {
        assert_eq!(py_str(HOSTILE), "\"a \\\"quote\\\" \\\\ back|pipe */ end?? \\n\\tnew \\u00e9 \\u0007\"");
        assert_eq!(py_str("\u{1F600}"), "\"\\U0001f600\"");
    }

    #[test]
    fn comments_cannot_close_early() {
        assert_eq!(comment("x */ y\nz"), "x * / y z");
        assert_eq!(docstring("a \"\"\" b \\ c"), "a \\\"\\\"\\\" b \\\\ c");
    }

    #[test]
    fn markdown_cells_stay_in_their_cell() {
        assert_eq!(md_cell("a|b\nc <domain> \\"), "a\\|b c &lt;domain&gt; \\\\");
        assert_eq!(md_code("say `hi`"), "`` say `hi` ``");
        assert_eq!(md_code("plain"), "`plain`");
    }
}
