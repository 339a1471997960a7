//! The Aho-Corasick automaton over every fragment, token, marker and phrase of the catalogue, built once at codegen
//! time and emitted as plain integer tables, so every binding matches all patterns in one pass without building
//! anything at run time (see docs/parsing.md, section 6).

use smtp_catalogue::pattern::{generic_wording, generic_wordings, normalize_pattern};
use smtp_catalogue::Catalogue;
use std::collections::BTreeMap;

/// What a pattern selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Fragment = 0,
    Token = 1,
    Marker = 2,
    Phrase = 3,
    Command = 4,
}

/// Phrases that name the SMTP command a reply answers (docs/parsing.md, section 4), in priority order.
pub const COMMANDS: [(&str, &str); 21] = [
    ("in reply to rcpt to", "RCPT"),
    ("after rcpt to", "RCPT"),
    ("in reply to mail from", "MAIL"),
    ("after mail from", "MAIL"),
    ("in reply to end of data", "DATA"),
    ("after end of data", "DATA"),
    ("in reply to data", "DATA"),
    ("after data", "DATA"),
    ("in reply to ehlo", "EHLO"),
    ("in reply to helo", "EHLO"),
    ("after ehlo", "EHLO"),
    ("after helo", "EHLO"),
    ("in reply to starttls", "STARTTLS"),
    ("in reply to auth", "AUTH"),
    ("in reply to quit", "QUIT"),
    ("in reply to initial greeting", "CONNECT"),
    ("after initial connection", "CONNECT"),
    ("while connected", "CONNECT"),
    ("in reply to rset", "RSET"),
    ("in reply to xforward", "XFORWARD"),
    ("in reply to bdat", "DATA"),
];

/// One pattern in matching form, with what it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub text: Vec<u8>,
    pub kind: Kind,
    /// Vendor index (fragments, tokens, markers), phrase index (phrases) or command index (commands).
    pub owner: u32,
    /// Entry index within the vendor (fragments and tokens), else 0.
    pub entry: u32,
    /// A fragment that is also a generic phrase: it only selects its entry when the vendor's marker matched.
    pub needs_marker: bool,
}

impl Pattern {
    /// Flags the run-time checks use: bit 0 = starts with a letter or digit, bit 1 = ends with one, bit 2 = needs
    /// its vendor's marker (a generic phrase used as a vendor fragment).
    pub fn boundary_flags(&self) -> u8 {
        let alnum = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
        u8::from(alnum(self.text.first()))
            | (u8::from(alnum(self.text.last())) << 1)
            | (u8::from(self.needs_marker) << 2)
    }
}

/// The automaton as flat tables. State 0 is the root.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Automaton {
    pub patterns: Vec<Pattern>,
    /// Transitions out of the root for every byte (0 = stay at the root).
    pub root: Vec<u32>,
    /// Edges of state `s` are `edge_start[s]..edge_start[s + 1]`, sorted by byte.
    pub edge_start: Vec<u32>,
    pub edge_byte: Vec<u8>,
    pub edge_next: Vec<u32>,
    /// Failure link of every state.
    pub fail: Vec<u32>,
    /// Patterns ending at state `s` are `out_pattern[out_start[s]..out_start[s + 1]]`.
    pub out_start: Vec<u32>,
    pub out_pattern: Vec<u32>,
    /// Nearest state on the failure chain that has patterns of its own (0 = none).
    pub dict: Vec<u32>,
    /// The byte classes the run-time loops step on: bytes that lead to the same states share a class, and an ASCII
    /// capital shares the class of its small letter (patterns are lowercase), so the loops need not lowercase.
    /// Class 0 holds every byte no pattern contains.
    pub classes: Vec<u8>,
    pub class_count: u32,
    /// Complete transitions by class (failure links already followed) of states `0..row_states`, the states at most
    /// [`ROW_DEPTH`] bytes below the root (numbered first, breadth-first): `rows[state * class_count + class]`.
    pub row_states: u32,
    pub rows: Vec<u32>,
    /// The class of every edge byte, parallel to `edge_byte`.
    pub edge_class: Vec<u8>,
    /// For states from `row_states` on: the class of the edge to the next state (their first child), else
    /// [`NO_CLASS`], so
    /// following a pattern byte by byte reads one byte per step.
    pub next_class: Vec<u8>,
    /// Bit `s % 8` of byte `s / 8` is set when state `s` ends a pattern, itself or along its dictionary links, so
    /// the run-time loops test one bit per byte before looking for matches.
    pub has_output: Vec<u8>,
}

/// The bits of the smallest unsigned integer type (8, 16 or 32) that holds every value, so tables stay in cache.
pub fn bits(values: &[u32]) -> u32 {
    match values.iter().max().copied().unwrap_or(0) {
        0..=0xff => 8,
        0x100..=0xffff => 16,
        _ => 32,
    }
}

/// A class no byte has (there are at most 231: patterns hold no capitals).
pub const NO_CLASS: u8 = u8::MAX;

/// How deep complete rows reach. Deeper states mostly have one edge; a mismatch there follows failure links,
/// which mostly land at depth 4 or less, where one row lookup finishes the step.
pub const ROW_DEPTH: usize = 4;

/// Every pattern of the catalogue, in a fixed order: per vendor its entries' fragments and tokens, then its
/// markers; then the phrases; then the command phrases.
pub fn patterns(catalogue: &Catalogue) -> Vec<Pattern> {
    let generic = generic_wordings(catalogue);
    let mut out = Vec::new();
    for (v, vendor) in catalogue.vendors.iter().enumerate() {
        for (e, entry) in vendor.entries.iter().enumerate() {
            for fragment in entry.fragments() {
                let mut p = pattern(fragment, Kind::Fragment, v, e);
                p.needs_marker = generic.contains(&generic_wording(fragment));
                out.push(p);
            }
            for token in entry.tokens() {
                out.push(pattern(token, Kind::Token, v, e));
            }
        }
        for marker in &vendor.markers {
            out.push(pattern(marker, Kind::Marker, v, 0));
        }
    }
    for (p, phrase) in catalogue.phrases.iter().enumerate() {
        out.push(pattern(&phrase.phrase, Kind::Phrase, p, 0));
    }
    for (c, (phrase, _)) in COMMANDS.iter().enumerate() {
        out.push(pattern(phrase, Kind::Command, c, 0));
    }
    out.retain(|p| !p.text.is_empty());
    out
}

fn pattern(text: &str, kind: Kind, owner: usize, entry: usize) -> Pattern {
    let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Pattern {
        text: normalize_pattern(text).into_bytes(),
        kind,
        owner: index(owner),
        entry: index(entry),
        needs_marker: false,
    }
}

/// Builds the automaton: a trie with failure and dictionary links. States at most [`ROW_DEPTH`] bytes deep come
/// first, in breadth-first order; each deeper subtree follows in depth-first order, so a deep state's first child is
/// the next state. The numbering only depends on the patterns, so output is deterministic.
pub fn build(catalogue: &Catalogue) -> Automaton {
    let patterns = patterns(catalogue);
    let trie = Trie::new(&patterns);
    let order = trie.breadth_first();
    let depths = trie.depths(&order);
    let numbering = trie.numbering(&order, &depths);
    let renumber: BTreeMap<usize, u32> = numbering.iter().enumerate().map(|(new, &old)| (old, new as u32)).collect();
    let fail = trie.failure_links(&order);
    let mut automaton = Automaton { patterns, root: vec![0; 256], ..Automaton::default() };
    for (&byte, &child) in &trie.children[0] {
        automaton.root[byte as usize] = renumber[&child];
    }
    for &old in &numbering {
        automaton.edge_start.push(automaton.edge_byte.len() as u32);
        for (&byte, &child) in &trie.children[old] {
            automaton.edge_byte.push(byte);
            automaton.edge_next.push(renumber[&child]);
        }
        automaton.fail.push(renumber[&fail[old]]);
        automaton.out_start.push(automaton.out_pattern.len() as u32);
        automaton.out_pattern.extend(trie.outputs[old].iter().map(|&p| p as u32));
    }
    automaton.edge_start.push(automaton.edge_byte.len() as u32);
    automaton.out_start.push(automaton.out_pattern.len() as u32);
    let breadth_first: Vec<usize> = order.iter().map(|old| renumber[old] as usize).collect();
    automaton.dict = dictionary_links(&automaton, &breadth_first);
    automaton.row_states = depths.iter().filter(|&&d| d <= ROW_DEPTH).count() as u32;
    add_class_tables(&mut automaton);
    automaton
}

/// Fills `classes`, `rows`, `edge_class`, `next_class` and `has_output` from the byte-level tables.
fn add_class_tables(automaton: &mut Automaton) {
    let (classes, class_count) = byte_classes(automaton);
    // capitals share their class with small letters, which are the bytes patterns hold
    let representative =
        |class: u8| (0..=255u8).find(|&b| !b.is_ascii_uppercase() && classes[b as usize] == class).unwrap_or(0);
    for state in 0..automaton.row_states as usize {
        for class in 0..class_count {
            automaton.rows.push(next_state(automaton, state, representative(class as u8)) as u32);
        }
    }
    automaton.edge_class = automaton.edge_byte.iter().map(|&b| classes[b as usize]).collect();
    let states = automaton.fail.len();
    automaton.next_class = (0..states)
        .map(|s| {
            let first = automaton.edge_start[s] as usize;
            let to_next = first < automaton.edge_start[s + 1] as usize && automaton.edge_next[first] as usize == s + 1;
            if s >= automaton.row_states as usize && to_next {
                automaton.edge_class[first]
            } else {
                NO_CLASS
            }
        })
        .collect();
    automaton.classes = classes;
    automaton.class_count = class_count;
    automaton.has_output = vec![0; states.div_ceil(8)];
    for s in 0..states {
        if automaton.out_start[s] < automaton.out_start[s + 1] || automaton.dict[s] != 0 {
            automaton.has_output[s / 8] |= 1 << (s % 8);
        }
    }
}

/// One class per distinct edge byte, numbered from 1 in byte order, capitals folded onto small letters; 0 for the
/// rest. Returns the 256 classes and how many there are.
fn byte_classes(automaton: &Automaton) -> (Vec<u8>, u32) {
    let mut used = [false; 256];
    for &b in &automaton.edge_byte {
        used[b as usize] = true;
    }
    let mut classes = vec![0u8; 256];
    let mut count = 1u32;
    for b in 0..=255u8 {
        if used[b as usize] {
            classes[b as usize] =
                u8::try_from(count).expect("patterns hold no capitals, so there are at most 231 classes");
            count += 1;
        }
    }
    for b in b'A'..=b'Z' {
        classes[b as usize] = classes[b.to_ascii_lowercase() as usize];
    }
    (classes, count)
}

/// For every state, the nearest proper suffix state (along failure links) that ends a pattern.
fn dictionary_links(automaton: &Automaton, breadth_first: &[usize]) -> Vec<u32> {
    let states = automaton.fail.len();
    let has_output = |s: usize| automaton.out_start[s] < automaton.out_start[s + 1];
    let mut dict = vec![0u32; states];
    // in breadth-first order a failure target (always shallower) is computed before the state itself
    for &s in breadth_first.iter().skip(1) {
        let f = automaton.fail[s] as usize;
        dict[s] = if f != 0 && has_output(f) { f as u32 } else { dict[f] };
    }
    dict
}

struct Trie {
    children: Vec<BTreeMap<u8, usize>>,
    outputs: Vec<Vec<usize>>,
}

impl Trie {
    fn new(patterns: &[Pattern]) -> Trie {
        let mut trie = Trie { children: vec![BTreeMap::new()], outputs: vec![Vec::new()] };
        for (index, pattern) in patterns.iter().enumerate() {
            let mut state = 0;
            for &byte in &pattern.text {
                state = match trie.children[state].get(&byte) {
                    Some(&next) => next,
                    None => {
                        trie.children.push(BTreeMap::new());
                        trie.outputs.push(Vec::new());
                        let next = trie.children.len() - 1;
                        trie.children[state].insert(byte, next);
                        next
                    }
                };
            }
            trie.outputs[state].push(index);
        }
        trie
    }

    fn breadth_first(&self) -> Vec<usize> {
        let mut order = vec![0];
        let mut next = 0;
        while next < order.len() {
            order.extend(self.children[order[next]].values());
            next += 1;
        }
        order
    }

    /// The depth of every state.
    fn depths(&self, order: &[usize]) -> Vec<usize> {
        let mut depth = vec![0; self.children.len()];
        for &state in order {
            for &child in self.children[state].values() {
                depth[child] = depth[state] + 1;
            }
        }
        depth
    }

    /// The states in their emitted order: breadth-first down to [`ROW_DEPTH`], then every deeper subtree
    /// depth-first, first child (smallest byte) first.
    fn numbering(&self, order: &[usize], depths: &[usize]) -> Vec<usize> {
        let mut numbering: Vec<usize> = order.iter().copied().filter(|&s| depths[s] <= ROW_DEPTH).collect();
        for &top in order.iter().filter(|&&s| depths[s] == ROW_DEPTH + 1) {
            let mut stack = vec![top];
            while let Some(state) = stack.pop() {
                numbering.push(state);
                stack.extend(self.children[state].values().rev());
            }
        }
        numbering
    }

    fn failure_links(&self, order: &[usize]) -> Vec<usize> {
        let mut fail = vec![0; self.children.len()];
        for &state in order {
            for (&byte, &child) in &self.children[state] {
                fail[child] = if state == 0 { 0 } else { self.step(&fail, fail[state], byte) };
            }
        }
        fail
    }

    /// The state reached from `state` on `byte`, following failure links.
    fn step(&self, fail: &[usize], mut state: usize, byte: u8) -> usize {
        loop {
            if let Some(&next) = self.children[state].get(&byte) {
                return next;
            }
            if state == 0 {
                return 0;
            }
            state = fail[state];
        }
    }
}

/// Runs the automaton over `text` and returns `(pattern, end)` for every occurrence: the reference the bindings'
/// run-time loops are tested against.
pub fn find_all(automaton: &Automaton, text: &[u8]) -> Vec<(u32, usize)> {
    let mut found = Vec::new();
    let mut state = 0usize;
    for (position, &byte) in text.iter().enumerate() {
        state = next_state(automaton, state, byte);
        let mut s = if automaton.out_start[state] < automaton.out_start[state + 1] {
            state
        } else {
            automaton.dict[state] as usize
        };
        while s != 0 {
            for &p in &automaton.out_pattern[automaton.out_start[s] as usize..automaton.out_start[s + 1] as usize] {
                found.push((p, position + 1));
            }
            s = automaton.dict[s] as usize;
        }
    }
    found
}

fn next_state(automaton: &Automaton, mut state: usize, byte: u8) -> usize {
    loop {
        if state == 0 {
            return automaton.root[byte as usize] as usize;
        }
        let edges = automaton.edge_start[state] as usize..automaton.edge_start[state + 1] as usize;
        if let Some(i) = automaton.edge_byte[edges.clone()].iter().position(|&b| b == byte) {
            return automaton.edge_next[edges.start + i] as usize;
        }
        state = automaton.fail[state] as usize;
    }
}

/// The step the bindings run: a row lookup for shallow states, edges and failure links for deeper ones.
pub fn next_state_by_class(automaton: &Automaton, mut state: usize, byte: u8) -> usize {
    let class = automaton.classes[byte as usize];
    while state >= automaton.row_states as usize {
        if automaton.next_class[state] == class {
            return state + 1;
        }
        let edges = automaton.edge_start[state] as usize..automaton.edge_start[state + 1] as usize;
        if let Some(i) = automaton.edge_class[edges.clone()].iter().position(|&c| c == class) {
            return automaton.edge_next[edges.start + i] as usize;
        }
        state = automaton.fail[state] as usize;
    }
    automaton.rows[state * automaton.class_count as usize + class as usize] as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(patterns: &[Pattern], text: &[u8]) -> Vec<(u32, usize)> {
        let mut found = Vec::new();
        for end in 1..=text.len() {
            for (i, p) in patterns.iter().enumerate() {
                if end >= p.text.len() && text[end - p.text.len()..end] == p.text[..] {
                    found.push((i as u32, end));
                }
            }
        }
        found.sort();
        found
    }

    #[test]
    fn class_steps_equal_byte_steps_on_the_lowercased_byte() {
        let yaml = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.yaml")).expect("fixture");
        let automaton = build(&smtp_catalogue::parse_and_validate(&yaml).expect("valid fixture"));
        assert!(automaton.row_states > 1);
        for state in 0..automaton.fail.len() {
            for byte in 0..=255u8 {
                let expected = next_state(&automaton, state, byte.to_ascii_lowercase());
                assert_eq!(next_state_by_class(&automaton, state, byte), expected, "state {state}, byte {byte}");
                let bit = automaton.has_output[expected / 8] >> (expected % 8) & 1 == 1;
                let own = automaton.out_start[expected] < automaton.out_start[expected + 1];
                assert_eq!(bit, own || automaton.dict[expected] != 0);
            }
        }
    }

    #[test]
    fn finds_exactly_what_a_naive_search_finds() {
        let yaml = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.yaml")).expect("fixture");
        let mut catalogue = smtp_catalogue::parse_and_validate(&yaml).expect("valid fixture");
        catalogue.phrases = ["user unknown", "unknown", "user", "er unk", "n", "nn"]
            .iter()
            .map(|p| smtp_catalogue::Phrase { phrase: p.to_string(), reason: "userunknown".into() })
            .collect();
        let automaton = build(&catalogue);
        for text in ["user unknown", "annnn user unknown user", "the account you wrote to does not exist rl-150", ""] {
            let mut found = find_all(&automaton, text.as_bytes());
            found.sort();
            assert_eq!(found, naive(&automaton.patterns, text.as_bytes()), "{text}");
        }
    }
}
