// {{ marker }}
// catalogue version {{ version }}
//! Reading a reply: the codes, the command and the unfolded text (docs/parsing.md, sections 1 to 5).

use crate::{EnhancedCode, ReplyCode};
use alloc::string::String;
use alloc::vec::Vec;

/// What parsing found in a reply, a log line or a DSN field.
///
/// ```
/// let reply = smtp_codes::parse(b"550-5.7.26 This mail is unauthenticated\r\n550-5.7.26 so it was\r\n550 5.7.26 blocked - gsmtp");
/// assert_eq!(reply.basic.map(u16::from), Some(550));
/// assert_eq!(reply.enhanced.map(|e| (e.subject(), e.detail())), Some((7, 26)));
/// assert_eq!(reply.text, "This mail is unauthenticated so it was blocked - gsmtp");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The basic reply code, when the text has one.
    pub basic: Option<ReplyCode>,
    /// The enhanced status code, when present and of the same class as the basic code.
    pub enhanced: Option<EnhancedCode>,
    /// The SMTP command the text names (`RCPT`, `MAIL`, `DATA`, `EHLO`, `STARTTLS`, `AUTH`, `QUIT`, `CONNECT`).
    pub command: Option<&'static str>,
    /// The reply text after the codes, continuation prefixes removed, single-spaced (invalid UTF-8 replaced).
    pub text: String,
}

/// Parses any text; never fails, and takes time linear in its length.
pub fn parse(input: &[u8]) -> Reply {
    let mut scratch = Scratch::default();
    let found = scratch.read(input);
    let command = crate::classify::command(&scratch.matching);
    Reply { basic: found.basic, enhanced: found.enhanced, command, text: found.text(input, &scratch) }
}

/// Buffers reused across calls, so a hot loop allocates nothing per line.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Word boundaries as (start, end) byte offsets into the input.
    pub words: Vec<(usize, usize)>,
    /// Whether each word is kept after unfolding.
    pub kept: Vec<bool>,
    /// The matching form (section 5).
    pub matching: Vec<u8>,
}

/// The codes and where the reply text starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub basic: Option<ReplyCode>,
    pub enhanced: Option<EnhancedCode>,
    /// Index of the first word of the reply text.
    text_start: usize,
}

impl Found {
    fn text(&self, input: &[u8], scratch: &Scratch) -> String {
        let mut text = String::new();
        for (i, &(start, end)) in scratch.words.iter().enumerate().skip(self.text_start) {
            if scratch.kept[i] {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&String::from_utf8_lossy(&input[start..end]));
            }
        }
        text
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | 0x0b | 0x0c | 0)
}

/// The word with the leading and trailing punctuation of section 2 set aside, and whether any trailing was.
fn trim(word: &[u8]) -> (&[u8], bool) {
    let leading = word.iter().take_while(|b| matches!(b, b'(' | b'[' | b'<' | b'#' | b'\'' | b'"')).count();
    let rest = &word[leading..];
    let kept = rest.len()
        - rest
            .iter()
            .rev()
            .take_while(|b| matches!(b, b')' | b']' | b'>' | b',' | b';' | b':' | b'.' | b'\'' | b'"'))
            .count();
    (&rest[..kept], kept < rest.len())
}

/// `DDD` forming an RFC 5321 reply code.
fn reply_digits(bytes: &[u8]) -> Option<u16> {
    match bytes {
        [a @ b'2'..=b'5', b @ b'0'..=b'5', c @ b'0'..=b'9'] => {
            Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
        }
        _ => None,
    }
}

/// A basic-code word: `DDD`, or `DDD-rest` with nothing trimmed at its end. Returns the code and the rest after `-`.
fn basic_word(word: &[u8]) -> Option<(u16, Option<&[u8]>)> {
    let (trimmed, trailing) = trim(word);
    if let Some(code) = reply_digits(trimmed) {
        return Some((code, None));
    }
    if trimmed.len() >= 4 && trimmed[3] == b'-' && !trailing {
        return reply_digits(&trimmed[..3]).map(|code| (code, Some(&trimmed[4..])));
    }
    None
}

/// A trimmed word that is exactly `C.S.D`.
fn enhanced_word(word: &[u8]) -> Option<EnhancedCode> {
    EnhancedCode::parse_bytes(trim(word).0).ok()
}

impl Scratch {
    /// Splits, finds the codes, unfolds, and builds the matching form.
    pub(crate) fn read(&mut self, input: &[u8]) -> Found {
        self.split(input);
        let found = self.codes(input);
        self.unfold(input, &found);
        self.build_matching(input);
        found
    }

    fn split(&mut self, input: &[u8]) {
        self.words.clear();
        let mut start = None;
        for (i, &byte) in input.iter().enumerate() {
            match (is_space(byte), start) {
                (true, Some(s)) => {
                    self.words.push((s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            self.words.push((s, input.len()));
        }
    }

    fn word<'i>(&self, input: &'i [u8], index: usize) -> &'i [u8] {
        let (start, end) = self.words[index];
        &input[start..end]
    }

    fn codes(&self, input: &[u8]) -> Found {
        let first_basic =
            (0..self.words.len()).find_map(|i| basic_word(self.word(input, i)).map(|(code, rest)| (i, code, rest)));
        let Some((index, code, rest)) = first_basic else {
            let first_enhanced = (0..self.words.len()).find_map(|i| enhanced_word(self.word(input, i)).map(|e| (i, e)));
            return match first_enhanced {
                Some((i, enhanced)) => Found { basic: None, enhanced: Some(enhanced), text_start: i + 1 },
                None => Found { basic: None, enhanced: None, text_start: 0 },
            };
        };
        let basic = ReplyCode::from_u16(code);
        let attached = rest.filter(|r| !r.is_empty());
        let (candidate, text_start) = match attached.map(enhanced_word) {
            Some(Some(enhanced)) => (Some(enhanced), index + 1),
            Some(None) => (self.enhanced_after(input, index + 1), index + 1),
            None => {
                match (index + 1 < self.words.len()).then(|| enhanced_word(self.word(input, index + 1))).flatten() {
                    Some(enhanced) => (Some(enhanced), index + 2),
                    None => (self.enhanced_after(input, index + 1), index + 1),
                }
            }
        };
        let enhanced = candidate.filter(|e| u16::from(e.class_digit()) == code / 100);
        Found { basic, enhanced, text_start: text_start.max(index + 1) }
    }

    fn enhanced_after(&self, input: &[u8], from: usize) -> Option<EnhancedCode> {
        (from..self.words.len()).find_map(|i| enhanced_word(self.word(input, i)))
    }

    /// Drops continuation prefixes (section 3): `DDD`, `DDD-`, `DDD-E`, and `E` right after a dropped `DDD`/`DDD-`.
    fn unfold(&mut self, input: &[u8], found: &Found) {
        self.kept.clear();
        self.kept.resize(self.words.len(), true);
        let Some(basic) = found.basic else { return };
        let mut digits = [0u8; 3];
        let code = basic.as_u16();
        for (slot, value) in digits.iter_mut().zip([code / 100, code / 10 % 10, code % 10]) {
            *slot = b'0' + value as u8;
        }
        let mut enhanced_text = [0u8; 11];
        let enhanced_len = found.enhanced.map_or(0, |e| write_enhanced(e, &mut enhanced_text));
        let enhanced = &enhanced_text[..enhanced_len];
        let mut previous_dropped_bare = false;
        for i in 0..self.words.len() {
            let word = self.word(input, i);
            let bare = word == digits || (word.len() == 4 && word[..3] == digits && word[3] == b'-');
            let joined = enhanced_len > 0
                && word.len() == 4 + enhanced_len
                && word[..3] == digits
                && word[3] == b'-'
                && &word[4..] == enhanced;
            let follower = previous_dropped_bare && enhanced_len > 0 && word == enhanced;
            if bare || joined || follower {
                self.kept[i] = false;
            }
            previous_dropped_bare = bare;
        }
    }

    fn build_matching(&mut self, input: &[u8]) {
        self.matching.clear();
        for (i, &(start, end)) in self.words.iter().enumerate() {
            if !self.kept[i] {
                continue;
            }
            if !self.matching.is_empty() {
                self.matching.push(b' ');
            }
            push_folded(&mut self.matching, &input[start..end]);
        }
    }
}

/// Writes `C.S.D` into `out` and returns its length.
fn write_enhanced(code: EnhancedCode, out: &mut [u8; 11]) -> usize {
    let mut len = 0;
    for (i, n) in [u16::from(code.class_digit()), code.subject(), code.detail()].into_iter().enumerate() {
        if i > 0 {
            out[len] = b'.';
            len += 1;
        }
        let digits = [n / 100, n / 10 % 10, n % 10];
        let skip = if n >= 100 {
            0
        } else if n >= 10 {
            1
        } else {
            2
        };
        for d in &digits[skip..] {
            out[len] = b'0' + *d as u8;
            len += 1;
        }
    }
    len
}

/// Lowercases ASCII and folds the typographic quotes of section 5.
fn push_folded(out: &mut Vec<u8>, word: &[u8]) {
    let mut i = 0;
    while i < word.len() {
        if word[i] == 0xe2 && i + 2 < word.len() && word[i + 1] == 0x80 {
            let folded = match word[i + 2] {
                0x98 | 0x99 => Some(b'\''),
                0x9c | 0x9d => Some(b'"'),
                _ => None,
            };
            if let Some(byte) = folded {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(word[i].to_ascii_lowercase());
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn codes_text_and_command() {
        let reply = parse(
            b"host mx.example.com said: 550 5.1.1 <a@b>: Recipient address rejected (in reply to RCPT TO command)",
        );
        assert_eq!(reply.basic.map(u16::from), Some(550));
        assert_eq!(reply.enhanced.map(|e| e.detail()), Some(1));
        assert_eq!(reply.command, Some("RCPT"));
        assert_eq!(reply.text, "<a@b>: Recipient address rejected (in reply to RCPT TO command)");
    }

    #[test]
    fn enhanced_of_another_class_is_dropped() {
        let reply = parse(b"550 4.4.7 QUEUE.Expired; message expired");
        assert_eq!((reply.basic.map(u16::from), reply.enhanced), (Some(550), None));
    }

    #[test]
    fn flattened_continuations_are_removed() {
        let reply = parse(b"550-5.7.26 Unauthenticated email 550-5.7.26 is not accepted 550 5.7.26 here");
        assert_eq!(reply.text, "Unauthenticated email is not accepted here");
    }

    #[test]
    fn prose_and_junk_give_no_codes() {
        assert_eq!(parse(b"the mailbox is full").basic, None);
        assert_eq!(parse(b"\xff\x00\xfe 5.01.1 999").enhanced, None);
        assert_eq!(parse(b"").text, "");
    }
}
