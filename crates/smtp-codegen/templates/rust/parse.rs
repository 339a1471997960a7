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
    let found = scratch.read_codes(input);
    let text = scratch.text(&found);
    scratch.finish_matching();
    let command = crate::classify::command(&scratch.matching);
    Reply { basic: found.basic, enhanced: found.enhanced, command, text }
}

/// Buffers reused across calls, so a hot loop allocates nothing per line.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The matching form (section 5), except that ASCII capitals are left as they are: the automaton's byte classes
    /// fold them, and the boundary checks do not care. Until [`Scratch::finish_matching`], all words single-spaced.
    pub matching: Vec<u8>,
    /// Where the candidates start in `matching`: the words that start, once trimmed, with 2 to 5 (as every code
    /// does), or with the punctuation trimming sets aside. Every other word is neither a code nor dropped by
    /// unfolding, so only these are looked at.
    candidates: Vec<usize>,
    /// Where the words unfolding drops start in `matching`, in order.
    dropped: Vec<usize>,
}

/// The codes and where the reply text starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub basic: Option<ReplyCode>,
    pub enhanced: Option<EnhancedCode>,
    /// Where the reply text starts in the single-spaced words: after the last code word.
    text_from: usize,
}

/// What the first pass needs to know of a byte: [`SPACE`] (white space of section 1: NUL, tab, LF, VT, FF, CR and
/// space) and [`CODE_START`] (a word starting with it is a [`Candidate`]). A table, so that pass has no branches.
static BYTE_KIND: [u8; 256] = byte_kinds();

const SPACE: u8 = 1;
const CODE_START: u8 = 2;

const fn byte_kinds() -> [u8; 256] {
    let mut kinds = [0u8; 256];
    let spaces = [0, b'\t', b'\n', 0x0b, 0x0c, b'\r', b' '];
    let mut i = 0;
    while i < spaces.len() {
        kinds[spaces[i] as usize] = SPACE;
        i += 1;
    }
    let starts = *b"2345([<#'\"";
    let mut i = 0;
    while i < starts.len() {
        kinds[starts[i] as usize] = CODE_START;
        i += 1;
    }
    kinds
}

/// Whether the words of `input` are already joined by single spaces: no bytes below 0x20 (a white space test that
/// is sometimes too strict, which only costs time), no two spaces in a row, none at either end. Most replies are;
/// the test is a branch-free pass the compiler vectorizes.
fn is_single_spaced(input: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (input.first(), input.last()) else { return true };
    let controls = input.iter().fold(false, |any, &b| any | (b < b' '));
    let pairs = input[..input.len() - 1].iter().zip(&input[1..]);
    let doubled = pairs.fold(false, |any, (&a, &b)| any | ((a == b' ') & (b == b' ')));
    !controls && !doubled && first != b' ' && last != b' '
}

/// The high bit of byte `i` of the result is set where `chunk[i]` is a space (up to 8 bytes, little-endian), exactly:
/// a byte is a space when it XORs to zero, and adding 0x7f to its low 7 bits sets the high bit of every other byte.
fn space_bits(chunk: &[u8]) -> u64 {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let word = match <[u8; 8]>::try_from(chunk) {
        Ok(bytes) => u64::from_le_bytes(bytes),
        Err(_) => chunk.iter().rev().fold(0u64, |word, &b| word << 8 | u64::from(b)),
    } ^ 0x2020_2020_2020_2020;
    // bytes past a short chunk's end read as zero, which XORs to 0x20: never a space
    !(((word & LOW) + LOW) | word) & !LOW
}

/// The word of the single-spaced `text` that starts at `at`.
fn word_at(text: &[u8], at: usize) -> &[u8] {
    let rest = &text[at..];
    &rest[..rest.iter().position(|&b| b == b' ').unwrap_or(rest.len())]
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
    let trimmed = trim(word).0;
    if !trimmed.first().is_some_and(|b| (b'2'..=b'5').contains(b)) {
        return None;
    }
    EnhancedCode::parse_bytes(trimmed).ok()
}

impl Scratch {
    /// Finds the codes, unfolds, and builds the matching form.
    pub(crate) fn read(&mut self, input: &[u8]) -> Found {
        let found = self.read_codes(input);
        self.finish_matching();
        found
    }

    /// Single-spaces the words, finds the codes and notes what unfolding drops.
    fn read_codes(&mut self, input: &[u8]) -> Found {
        self.single_space(input);
        let found = self.codes();
        self.unfold(&found);
        found
    }

    /// Drops the unfolded words and folds the quotes: `matching` is then the matching form.
    fn finish_matching(&mut self) {
        self.drop_unfolded();
        fold_quotes(&mut self.matching);
    }

    /// Section 1: the words joined by single spaces into `matching`, and the candidates.
    fn single_space(&mut self, input: &[u8]) {
        if is_single_spaced(input) {
            self.matching.clear();
            self.matching.extend_from_slice(input);
            self.find_candidates();
        } else {
            self.collapse_spaces(input);
        }
    }

    /// The candidates of text that is already single-spaced. Words start right after a space, and spaces are found 8
    /// bytes at a time, so only the byte after each space is looked at.
    fn find_candidates(&mut self) {
        let text = &self.matching[..];
        self.candidates.clear();
        // the text starts as if after a space
        if text.first().is_some_and(|&b| BYTE_KIND[b as usize] == CODE_START) {
            self.candidates.push(0);
        }
        for (index, chunk) in text.chunks(8).enumerate() {
            let mut spaces = space_bits(chunk);
            while spaces != 0 {
                let after = index * 8 + (spaces.trailing_zeros() / 8) as usize + 1;
                spaces &= spaces - 1;
                if text.get(after).is_some_and(|&b| BYTE_KIND[b as usize] == CODE_START) {
                    self.candidates.push(after);
                }
            }
        }
    }

    /// Joins the words by single spaces into `matching`, noting the candidates on the way. One pass without
    /// branches on the bytes, since word lengths are unpredictable.
    fn collapse_spaces(&mut self, input: &[u8]) {
        self.matching.clear();
        self.matching.resize(input.len(), 0);
        self.candidates.clear();
        // a word takes at least one byte and one space before the next: never more than this many start
        self.candidates.resize(input.len() / 2 + 1, 0);
        // local slices keep the buffers' addresses in registers: the byte stores could otherwise alias them
        let (matching, candidates) = (&mut self.matching[..], &mut self.candidates[..]);
        let (mut len, mut count) = (0, 0);
        // the kind of the byte before; the text starts as if after a space
        let mut before = SPACE;
        for &byte in input {
            let kind = BYTE_KIND[byte as usize];
            candidates[count] = len;
            count += usize::from(before & kind >> 1 & 1);
            matching[len] = if kind & SPACE != 0 { b' ' } else { byte };
            // a space is kept only right after a word
            len += usize::from(kind & before & SPACE ^ 1);
            before = kind;
        }
        if len > 0 && matching[len - 1] == b' ' {
            len -= 1;
        }
        self.matching.truncate(len);
        self.candidates.truncate(count);
    }

    fn word(&self, at: usize) -> &[u8] {
        word_at(&self.matching, at)
    }

    /// The offset of the word after the one at `at`.
    fn after(&self, at: usize) -> usize {
        at + self.word(at).len() + 1
    }

    /// Section 2: the first basic-code word, then the enhanced code attached to it, right after it or anywhere later
    /// (of the same class); without a basic code, the first enhanced code anywhere.
    fn codes(&self) -> Found {
        let mut first_enhanced = None;
        for (index, &at) in self.candidates.iter().enumerate() {
            let word = self.word(at);
            if let Some((code, rest)) = basic_word(word) {
                return self.codes_after_basic(index, code, rest);
            }
            if first_enhanced.is_none() {
                first_enhanced = enhanced_word(word).map(|enhanced| (enhanced, self.after(at)));
            }
        }
        match first_enhanced {
            Some((enhanced, text_from)) => Found { basic: None, enhanced: Some(enhanced), text_from },
            None => Found { basic: None, enhanced: None, text_from: 0 },
        }
    }

    /// The enhanced code that goes with the basic code `code` of candidate `index`, whose word may carry `rest`.
    fn codes_after_basic(&self, index: usize, code: u16, rest: Option<&[u8]>) -> Found {
        let next_word = self.after(self.candidates[index]);
        let later = &self.candidates[index + 1..];
        let first_later = || later.iter().find_map(|&at| enhanced_word(self.word(at)));
        let mut text_from = next_word;
        let candidate = match rest.filter(|r| !r.is_empty()) {
            Some(rest) => enhanced_word(rest).or_else(first_later),
            None => {
                let next = later.first().filter(|&&at| at == next_word).and_then(|&at| enhanced_word(self.word(at)));
                if next.is_some() {
                    text_from = self.after(next_word);
                }
                next.or_else(first_later)
            }
        };
        let enhanced = candidate.filter(|e| u16::from(e.class_digit()) == code / 100);
        Found { basic: ReplyCode::from_u16(code), enhanced, text_from }
    }

    /// Section 3: notes the words unfolding drops, `DDD`, `DDD-`, `DDD-E`, and `E` right after a dropped `DDD` or
    /// `DDD-`. Each starts with a digit, so each is a candidate.
    fn unfold(&mut self, found: &Found) {
        self.dropped.clear();
        let Some(basic) = found.basic else { return };
        let mut digits = [0u8; 3];
        let code = basic.as_u16();
        for (slot, value) in digits.iter_mut().zip([code / 100, code / 10 % 10, code % 10]) {
            *slot = b'0' + value as u8;
        }
        let mut enhanced_text = [0u8; 11];
        let enhanced_len = found.enhanced.map_or(0, |e| write_enhanced(e, &mut enhanced_text));
        let enhanced = &enhanced_text[..enhanced_len];
        // where the word after the last dropped `DDD` or `DDD-` starts
        let mut after_bare = None;
        for &at in &self.candidates {
            let word = self.word(at);
            if word[0] != digits[0] {
                continue;
            }
            let prefix = word.len() >= 3 && word[..3] == digits;
            let bare = prefix && (word.len() == 3 || (word.len() == 4 && word[3] == b'-'));
            let joined = enhanced_len > 0
                && prefix
                && word.len() == 4 + enhanced_len
                && word[3] == b'-'
                && &word[4..] == enhanced;
            let follower = enhanced_len > 0 && after_bare == Some(at) && word == enhanced;
            if bare {
                after_bare = Some(at + word.len() + 1);
            }
            if bare || joined || follower {
                self.dropped.push(at);
            }
        }
    }

    /// Removes the dropped words from `matching`, in place: the runs of kept words between them, single-spaced.
    fn drop_unfolded(&mut self) {
        if self.dropped.is_empty() {
            return;
        }
        let text = &mut self.matching;
        let (mut out, mut from) = (0, 0);
        let mut keep = |text: &mut Vec<u8>, run: core::ops::Range<usize>| {
            if out > 0 {
                text[out] = b' ';
                out += 1;
            }
            text.copy_within(run.clone(), out);
            out += run.len();
        };
        for &at in &self.dropped {
            if at > from {
                keep(text, from..at - 1);
            }
            from = at + word_at(text, at).len() + 1;
        }
        if from < text.len() {
            keep(text, from..text.len());
        }
        text.truncate(out);
    }

    /// The reply text: the kept words from `text_from` on, in their original bytes (invalid UTF-8 replaced). Call it
    /// before [`Scratch::finish_matching`].
    fn text(&self, found: &Found) -> String {
        let mut text = String::new();
        let mut dropped = self.dropped.iter().copied().peekable();
        let mut at = 0;
        for word in self.matching.split(|&b| b == b' ') {
            if dropped.next_if_eq(&at).is_none() && at >= found.text_from && !word.is_empty() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&String::from_utf8_lossy(word));
            }
            at += word.len() + 1;
        }
        text
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

/// Folds the typographic quotes of section 5 in place. They start with 0xe2, which most texts lack; the three bytes
/// of one never span a space.
fn fold_quotes(text: &mut Vec<u8>) {
    if !text.contains(&0xe2) {
        return;
    }
    let (mut read, mut write) = (0, 0);
    while read < text.len() {
        let folded = match text[read..] {
            [0xe2, 0x80, 0x98 | 0x99, ..] => Some(b'\''),
            [0xe2, 0x80, 0x9c | 0x9d, ..] => Some(b'"'),
            _ => None,
        };
        text[write] = folded.unwrap_or(text[read]);
        read += if folded.is_some() { 3 } else { 1 };
        write += 1;
    }
    text.truncate(write);
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
