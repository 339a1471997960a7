// {{ marker }}
// catalogue version {{ version }}
//! Classifying a reply: which vendor entry, reason, retry and bounce (docs/parsing.md, sections 6 and 7).

use crate::automaton as ac;
use crate::info::{Bounce, EntryInfo, Retry, VendorInfo};
use crate::parse::Scratch;
use crate::{tables, EnhancedCode, ReplyCode};
use alloc::vec::Vec;

/// The answer for one reply.
///
/// ```
/// use smtp_codes::{classify, Bounce, Retry};
///
/// let c = classify(b"550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n550 5.1.1 double-checking the recipient's email address - gsmtp");
/// assert_eq!(c.retry, Some(Retry::Permanent));
/// assert_eq!(c.bounce, Some(Bounce::Hard));
/// assert_eq!(c.reason, Some("userunknown"));
/// assert_eq!(c.vendor.map(|v| v.id), Some("google"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification {
    /// The basic reply code.
    pub basic: Option<ReplyCode>,
    /// The enhanced status code.
    pub enhanced: Option<EnhancedCode>,
    /// The SMTP command the text names.
    pub command: Option<&'static str>,
    /// May the message be tried again later?
    pub retry: Option<Retry>,
    /// Should the address be suppressed?
    pub bounce: Option<Bounce>,
    /// The reason id (Sisimai vocabulary).
    pub reason: Option<&'static str>,
    /// The vendor that sent the reply, when known.
    pub vendor: Option<&'static VendorInfo>,
    /// The vendor entry that matched.
    pub entry: Option<&'static EntryInfo>,
    /// What a sender should do.
    pub action: Option<&'static str>,
}

/// Classifies one reply. For many lines, reuse a [`Classifier`] instead: it keeps its buffers.
pub fn classify(input: &[u8]) -> Classification {
    Classifier::new().classify(input)
}

/// A classifier with reusable buffers.
#[derive(Debug, Default)]
pub struct Classifier {
    scratch: Scratch,
    candidates: Vec<Candidate>,
    marked: Vec<bool>,
}

/// An entry whose pattern matched and whose codes allow the reply.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    vendor: u32,
    entry: u32,
    token: bool,
    length: u32,
    /// Generic wording: only a candidate when the vendor's marker is in the text too.
    needs_marker: bool,
}

impl Candidate {
    /// Smaller is better: marked vendor, token, longer pattern, catalogue order.
    fn rank(&self, marked: &[bool]) -> (bool, bool, core::cmp::Reverse<u32>, u32, u32) {
        (!marked[self.vendor as usize], !self.token, core::cmp::Reverse(self.length), self.vendor, self.entry)
    }
}

/// The best phrase so far: (length, index).
type PhraseHit = Option<(u32, u32)>;

/// What one automaton pass saw besides vendor entries.
#[derive(Debug, Default, Clone, Copy)]
struct Seen {
    phrase: PhraseHit,
    /// The command phrase with the lowest index (highest priority).
    command: Option<u32>,
}

/// The SMTP command the matching text names (docs/parsing.md, section 4).
pub(crate) fn command(matching: &[u8]) -> Option<&'static str> {
    let mut best: Option<u32> = None;
    for_each_match(matching, |p, _| {
        let (kind, _, _, owner, _) = ac::PATTERNS[p];
        if kind == ac::COMMAND && best.is_none_or(|b| owner < b) {
            best = Some(owner);
        }
    });
    best.map(|c| ac::COMMANDS[c as usize].1)
}

/// Calls `found(pattern, end)` for every pattern occurrence in `text`, in one automaton pass. A pattern that starts
/// with a letter or digit only counts where the byte before it is not one (section 6).
fn for_each_match(text: &[u8], mut found: impl FnMut(usize, usize)) {
    let mut state = 0usize;
    for (position, &byte) in text.iter().enumerate() {
        state = step(state, ac::CLASS[byte as usize]);
        if ac::HAS_OUTPUT[state / 8] >> (state % 8) & 1 != 0 {
            report(text, state, position, &mut found);
        }
    }
}

/// The patterns that end at `state`, itself and along its dictionary links, at `text[position]`.
#[inline(never)]
fn report(text: &[u8], state: usize, position: usize, found: &mut impl FnMut(usize, usize)) {
    let own = ac::OUT_START[state] < ac::OUT_START[state + 1];
    let mut s = if own { state } else { ac::DICT[state] as usize };
    while s != 0 {
        for &p in &ac::OUT_PATTERN[ac::OUT_START[s] as usize..ac::OUT_START[s + 1] as usize] {
            let (_, flags, length, _, _) = ac::PATTERNS[p as usize];
            let start = position + 1 - length as usize;
            if flags & 1 == 0 || start == 0 || !text[start - 1].is_ascii_alphanumeric() {
                found(p as usize, position + 1);
            }
        }
        s = ac::DICT[s] as usize;
    }
}

impl Classifier {
    /// A classifier with empty buffers.
    pub fn new() -> Classifier {
        Classifier::default()
    }

    /// Classifies one reply; linear in its length.
    pub fn classify(&mut self, input: &[u8]) -> Classification {
        let found = self.scratch.read(input);
        let failure_class = failure_class(found.basic, found.enhanced);
        let positive = failure_class.is_none() && (found.basic.is_some() || found.enhanced.is_some());
        self.candidates.clear();
        self.marked.clear();
        self.marked.resize(tables::VENDORS.len(), false);
        let seen = self.run_automaton(found.basic, found.enhanced);
        let chosen = if positive { None } else { self.best_candidate() };
        let entry = chosen.map(|c| &tables::VENDORS[c.vendor as usize].entries[c.entry as usize]);
        let vendor = chosen
            .map(|c| &tables::VENDORS[c.vendor as usize])
            .or_else(|| self.marked.iter().position(|&m| m).map(|v| &tables::VENDORS[v]));
        let reason = match entry {
            Some(entry) => Some(entry.reason),
            None if positive => None,
            None => fallback_reason(found.basic, found.enhanced, seen.phrase, failure_class.is_some()),
        };
        // without an entry or a failure code, only the reason can say (`User unknown` alone is permanent)
        let retry = entry.map(|e| e.retry).or(failure_class).or_else(|| reason.and_then(crate::reason)?.retry);
        let bounce = match entry {
            Some(entry) => Some(entry.bounce),
            None => reason.map(|r| bounce_of(r, retry)),
        };
        let action = entry.map(|e| e.action).or_else(|| code_action(found.basic, found.enhanced));
        Classification {
            basic: found.basic,
            enhanced: found.enhanced,
            command: seen.command.map(|c| ac::COMMANDS[c as usize].1),
            retry,
            bounce,
            reason,
            vendor,
            entry,
            action,
        }
    }

    /// Feeds the matching form through the automaton, recording candidates, markers, the best phrase and command.
    fn run_automaton(&mut self, basic: Option<ReplyCode>, enhanced: Option<EnhancedCode>) -> Seen {
        let text = &self.scratch.matching;
        let (candidates, marked) = (&mut self.candidates, &mut self.marked);
        let mut seen = Seen::default();
        for_each_match(text, |p, end| {
            let (kind, flags, length, owner, entry) = ac::PATTERNS[p];
            match kind {
                ac::MARKER => marked[owner as usize] = true,
                ac::PHRASE => {
                    if seen.phrase.is_none_or(|(l, i)| length > l || (length == l && owner < i)) {
                        seen.phrase = Some((length, owner));
                    }
                }
                ac::COMMAND => {
                    if seen.command.is_none_or(|c| owner < c) {
                        seen.command = Some(owner);
                    }
                }
                _ => {
                    let info = &tables::VENDORS[owner as usize].entries[entry as usize];
                    let token = kind == ac::TOKEN;
                    let pattern_ok = !token || token_boundaries_hold(text, end, flags, info.range);
                    if pattern_ok && codes_allow(info, basic, enhanced) {
                        let needs_marker = flags & 4 != 0;
                        candidates.push(Candidate { vendor: owner, entry, token, length, needs_marker });
                    }
                }
            }
        });
        seen
    }

    fn best_candidate(&self) -> Option<Candidate> {
        let eligible = self.candidates.iter().filter(|c| !c.needs_marker || self.marked[c.vendor as usize]);
        eligible.copied().min_by_key(|c| c.rank(&self.marked))
    }
}

/// One automaton step from `state` on a byte of class `class`: deep states try the next state, then their other
/// edges, and fall back along failure links until a state with a complete row answers.
#[inline(always)]
fn step(mut state: usize, class: u8) -> usize {
    while state >= ac::ROW_STATES {
        if ac::NEXT_CLASS[state] == class {
            return state + 1;
        }
        let (start, end) = (ac::EDGE_START[state] as usize, ac::EDGE_START[state + 1] as usize);
        if let Some(i) = ac::EDGE_CLASS[start..end].iter().position(|&c| c == class) {
            return ac::EDGE_NEXT[start + i] as usize;
        }
        state = ac::FAIL[state] as usize;
    }
    ac::ROWS[state * ac::CLASSES + class as usize] as usize
}

/// The right-hand word boundary and the numeric range of a token match ending at `end` (section 6); the left
/// boundary is checked for every pattern.
fn token_boundaries_hold(text: &[u8], end: usize, flags: u8, range: Option<(u32, u32)>) -> bool {
    let alnum = |i: usize| text.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    let Some((low, high)) = range else {
        return !(flags & 2 != 0 && alnum(end));
    };
    let digits = text[end..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 9 || alnum(end + digits) {
        return false;
    }
    let value = text[end..end + digits].iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    (low..=high).contains(&value)
}

/// An entry's code lists allow the reply when empty, when the reply lacks that code, or when they list it.
fn codes_allow(entry: &EntryInfo, basic: Option<ReplyCode>, enhanced: Option<EnhancedCode>) -> bool {
    let basic_ok = entry.basic.is_empty() || basic.is_none_or(|b| entry.basic.contains(&b.as_u16()));
    let enhanced_ok = entry.enhanced.is_empty() || enhanced.is_none_or(|e| entry.enhanced.contains(&e));
    basic_ok && enhanced_ok
}

/// Retry from the codes: the enhanced class, else the basic code's first digit; `None` for positive replies.
fn failure_class(basic: Option<ReplyCode>, enhanced: Option<EnhancedCode>) -> Option<Retry> {
    let digit = enhanced.map(|e| u16::from(e.class_digit())).or(basic.map(|b| b.as_u16() / 100));
    match digit {
        Some(4) => Some(Retry::Transient),
        Some(5) => Some(Retry::Permanent),
        _ => None,
    }
}

/// Section 7: phrase, then registry reason, then the basic code's reason, then `undefined` for failures.
fn fallback_reason(
    basic: Option<ReplyCode>,
    enhanced: Option<EnhancedCode>,
    phrase: PhraseHit,
    failure: bool,
) -> Option<&'static str> {
    if let Some((_, index)) = phrase {
        return Some(ac::PHRASES[index as usize].1);
    }
    let registry = enhanced.and_then(EnhancedCode::info).map(|i| i.reason).filter(|r| *r != "undefined");
    let from_basic = || basic.and_then(ReplyCode::info).and_then(|i| i.reason);
    registry.or_else(from_basic).or(failure.then_some("undefined"))
}

/// Hard only for a reason about the address itself, and never on a transient failure.
fn bounce_of(reason: &str, retry: Option<Retry>) -> Bounce {
    let hard = crate::reason(reason).is_some_and(|r| r.bounce == Bounce::Hard);
    if hard && retry != Some(Retry::Transient) {
        Bounce::Hard
    } else {
        Bounce::Soft
    }
}

fn code_action(basic: Option<ReplyCode>, enhanced: Option<EnhancedCode>) -> Option<&'static str> {
    enhanced
        .and_then(EnhancedCode::info)
        .map(|i| i.action)
        .or_else(|| basic.and_then(ReplyCode::info).map(|i| i.action))
}
