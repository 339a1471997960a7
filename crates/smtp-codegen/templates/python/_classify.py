# {{ marker }}
# catalogue version {{ version }}
"""Parsing and classifying replies, as docs/parsing.md specifies (the same answers as the Rust and C bindings).

Python pays for every operation it runs, so the work that touches each byte or word is left to code written in C:
`bytes` methods split, join, lowercase and unfold the words, a few small regular expressions find the codes, and
one scanner regular expression (`_matcher.SCANNER`, compiled on first use) reports every pattern occurrence. The
Python code below runs once per reply and once per pattern the scanner reports, never once per byte or per word.
What decides an answer (section 7) is worked out once per distinct set of codes and pattern occurrences, which
replies share far more often than their text.
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass
from typing import Callable, Optional, Union

from . import _matcher as m


@dataclass(frozen=True)
class Reply:
    """What parsing found: the codes, the command the text names, and the unfolded text."""

    basic: Optional[int]
    enhanced: Optional[str]
    command: Optional[str]
    text: str


@dataclass(frozen=True)
class Classification:
    """The answer for one reply: may it be retried, should the address be suppressed, why, and who said so."""

    basic: Optional[int]
    enhanced: Optional[str]
    command: Optional[str]
    retry: Optional[str]
    bounce: Optional[str]
    reason: Optional[str]
    vendor: Optional[str]
    entry: Optional[str]
    action: Optional[str]


# Section 2 as regular expressions over the words joined by single spaces, each word after its space. `(?![^ ])` ends
# a word. An enhanced code: group 1 is `class.subject.detail` without the characters trimming sets aside.
_LEADING = rb"[(\[<#'\"]*"
_TRAILING = rb"[)\]>,;:.'\"]"
_NUMBER = rb"(?:0|[1-9][0-9]{0,2})"
_ENHANCED = _LEADING + rb"([245]\." + _NUMBER + rb"\." + _NUMBER + rb")"
_ENHANCED_WORD = re.compile(rb" " + _ENHANCED + _TRAILING + rb"*(?![^ ])")
# The first basic code: its word (1) and digits (2): `DDD` with only trimmed characters after it, or `DDD-rest` whose
# last character is not trimmed, the rest being an enhanced code (3) or not (4); then the next word (5) when it is an
# enhanced code (6).
_BASIC_WORD = re.compile(
    rb" (" + _LEADING + rb"([2-5][0-5][0-9])(?:" + _TRAILING + rb"*|-(?:" + _ENHANCED + rb"|([^ ]*)(?<!"
    + _TRAILING + rb"))))(?![^ ])(?: (" + _ENHANCED + _TRAILING + rb"*)(?![^ ]))?"
)
# The start most replies have, a basic code (1) standing alone or followed by an enhanced code (3) of its class as
# the next word or after a dash, nothing trimmed from either: `550 5.1.1`, `550-5.7.26`, `421`.
_COMMON_START = re.compile(
    rb" (([2-5])[0-5][0-9])(?:[ -](\2\." + _NUMBER + rb"\." + _NUMBER + rb"))?(?![^ ])"
)
_TYPOGRAPHIC_QUOTES = (
    (b"\xe2\x80\x98", b"'"),
    (b"\xe2\x80\x99", b"'"),
    (b"\xe2\x80\x9c", b'"'),
    (b"\xe2\x80\x9d", b'"'),
)
# what a range token's number must look like: 1 to 9 digits, then no letter or digit
_TOKEN_NUMBER = re.compile(rb"[0-9]{1,9}(?![a-z0-9])")


# Every white space byte of section 1 as a space, for `_line`; `_LOWERED` also lowercases ASCII letters, which
# changes no code (section 2) and no unfolding (section 3), so that classifying lowercases the words only once.
_SPACED = bytes.maketrans(b"\t\n\x0b\x0c\r\x00", b"      ")
_LOWERED = bytes.maketrans(
    b"\t\n\x0b\x0c\r\x00ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"      abcdefghijklmnopqrstuvwxyz"
)


def _line(data: Union[bytes, str], table: bytes = _SPACED) -> bytes:
    """The words (section 1) joined by single spaces, each after a space: `b" 550 5.1.1 User unknown"`, each byte
    translated by `table`."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    # `strip` and `split` only see spaces once the table has made every white space byte one. (`in` would first try
    # its operand as an integer, and raising and clearing that error costs more than the search.)
    spaced = data.translate(table).strip()
    if spaced.find(b"  ") >= 0:
        spaced = b" ".join(spaced.split())
    return b" " + spaced


def _read(line: bytes) -> tuple[Optional[bytes], Optional[bytes], bytes, int]:
    """Parses (sections 2 and 3) the words `_line` joined: the basic code and the enhanced code as written, the words
    unfolding keeps (joined the same way), and where the text after the codes starts in `line`."""
    common = _COMMON_START.match(line)
    if common is not None and line.count(common[1]) == 1:
        return _read_common(line, common)
    basic = _BASIC_WORD.search(line)
    if basic is None:
        enhanced = _ENHANCED_WORD.search(line)
        return (None, None, line, 0) if enhanced is None else (None, enhanced[1], line, enhanced.end())
    _, code, enhanced_rest, other_rest, _, enhanced_next = basic.groups()
    enhanced_code = enhanced_rest or enhanced_next
    if enhanced_code is None:
        later = _ENHANCED_WORD.search(line, basic.end())
        enhanced_code = None if later is None else later[1]
    if enhanced_code is not None and enhanced_code[0] != code[0]:
        enhanced_code = None
    # the next word is part of the codes only after a code standing alone (`550 5.1.1`, `550- 5.1.1`)
    start = basic.end(1) if enhanced_rest is not None or other_rest else basic.end()
    return code, enhanced_code, _unfolded(line, basic, enhanced_code), start


def _read_common(line: bytes, common: re.Match[bytes]) -> tuple[bytes, Optional[bytes], bytes, int]:
    """`_read` for a line that `_COMMON_START` matched, and whose basic code's digits are nowhere else: only the words
    it matched can be continuation prefixes, so unfolding drops them and nothing else."""
    code, _, enhanced_code = common.groups()
    end = common.end()
    if enhanced_code is not None:
        return code, enhanced_code, line[end:], end
    # The basic code stood alone: the enhanced code is the next word or a later one. The next word only goes with
    # the code's when it is the enhanced code untrimmed, which `_COMMON_START` would have matched.
    later = _ENHANCED_WORD.search(line, end)
    if later is None:
        return code, None, line[end:], end
    enhanced_code = later[1] if later[1][0] == code[0] else None
    return code, enhanced_code, line[end:], later.end() if later.start() == end else end


def _unfolded(line: bytes, basic: re.Match[bytes], enhanced: Optional[bytes]) -> bytes:
    """The words of `line` that unfolding keeps (section 3), where `basic` found the basic code."""
    code = basic[2]
    if line.count(code) > 1:
        return _unfold(line, code, enhanced)
    # The code's digits are nowhere else, so no other word is a continuation prefix: only the code's own word can go,
    # with the enhanced code right after it when it stands alone.
    word = basic[1]
    alone = word == code or word == code + b"-"
    if not alone and (enhanced is None or word != code + b"-" + enhanced):
        return line
    end = basic.end(5) if alone and enhanced is not None and basic[5] == enhanced else basic.end(1)
    return line[: basic.start()] + line[end:]


def _unfold(text: bytes, code: bytes, enhanced: Optional[bytes]) -> bytes:
    """The words of `text` (each after a space) that unfolding keeps (section 3), each after a space."""
    # With every space doubled, each word has a space of its own on both sides, so that `replace` finds adjacent
    # words too. A bare `DDD` or `DDD-` and the enhanced code right after it go first, together, so that the
    # enhanced code only goes where it follows one.
    spaced = text.replace(b" ", b"  ") + b"  "
    bare, dashed = b" " + code + b" ", b" " + code + b"- "
    if enhanced is not None:
        spaced = spaced.replace(bare + b" " + enhanced + b" ", b" ").replace(dashed + b" " + enhanced + b" ", b" ")
        spaced = spaced.replace(dashed[:-1] + enhanced + b" ", b" ")
    return b" " + b" ".join(spaced.replace(bare, b" ").replace(dashed, b" ").split())


def _folded(words: bytes) -> bytes:
    """Lowercased words with the typographic quotes folded: their matching form (section 5)."""
    if words.find(b"\xe2\x80") >= 0:
        for typographic, ascii_quote in _TYPOGRAPHIC_QUOTES:
            words = words.replace(typographic, ascii_quote)
    return words


# A vendor entry a pattern selects, as classification needs it: (rank, vendor, needs the vendor's marker, allowed basic
# codes, allowed enhanced codes). The rank orders candidates as section 7 does once the markers have been looked at:
# (not a token, -length, vendor, entry).
_Candidate = tuple[tuple[bool, int, int, int], int, bool, Optional[frozenset[int]], Optional[frozenset[bytes]]]
# What an occurrence of a string means, counting every pattern that is a prefix of it: the vendors whose marker it is,
# the best phrase as (-length, index), the best command, the entries its fragments select, and the entries its
# tokens select, each after the token's pattern index (whether a token selects depends on what follows it).
_Meaning = tuple[
    frozenset[int], Optional[tuple[int, int]], Optional[int], tuple[_Candidate, ...], tuple[tuple[int, _Candidate], ...]
]
# What decides which of the tokens that are prefixes of a reported string select an entry (section 6), by pattern
# index: those that do whatever follows the string, those that do unless a letter or digit follows it, and per
# token length, the range tokens of that length, which need a number in their range (low, high) right after them.
_TokenChecks = tuple[tuple[int, ...], tuple[int, ...], tuple[tuple[int, tuple[tuple[int, int, int], ...]], ...]]

_BY_TEXT: dict[bytes, list[int]] = {}
for _index, _pattern in enumerate(m.PATTERNS):
    _BY_TEXT.setdefault(_pattern[0], []).append(_index)
_LENGTHS = sorted({len(text) for text in _BY_TEXT})


def _prefixes(text: bytes) -> list[int]:
    """The indexes of the patterns that are prefixes of `text`, shortest first."""
    return [index for length in _LENGTHS if length <= len(text) for index in _BY_TEXT.get(text[:length], ())]


def _meaning_of(text: bytes) -> _Meaning:
    markers: set[int] = set()
    phrases: list[tuple[int, int]] = []
    commands: list[int] = []
    fragments: list[_Candidate] = []
    tokens: list[tuple[int, _Candidate]] = []
    for index in _prefixes(text):
        pattern, kind, flags, owner, entry = m.PATTERNS[index]
        if kind == m.MARKER:
            markers.add(owner)
        elif kind == m.PHRASE:
            phrases.append((-len(pattern), owner))
        elif kind == m.COMMAND:
            commands.append(owner)
        else:
            facts = m.ENTRIES[owner][entry]
            allowed_basic = frozenset(facts[1]) if facts[1] else None
            allowed_enhanced = frozenset(code.encode("ascii") for code in facts[2]) if facts[2] else None
            candidate = ((kind != m.TOKEN, -len(pattern), owner, entry), owner, bool(flags & 4), allowed_basic,
                         allowed_enhanced)
            if kind == m.TOKEN:
                tokens.append((index, candidate))
            else:
                fragments.append(candidate)
    best_phrase = min(phrases) if phrases else None
    best_command = min(commands) if commands else None
    return frozenset(markers), best_phrase, best_command, tuple(fragments), tuple(tokens)


# meanings of the strings met so far: they are only looked at when an answer is not known yet
_MEANINGS: dict[bytes, _Meaning] = {}


def _meaning(text: bytes) -> _Meaning:
    meaning = _MEANINGS.get(text)
    if meaning is None:
        meaning = _MEANINGS[text] = _meaning_of(text)
    return meaning


def _reportable() -> tuple[set[bytes], dict[bytes, _TokenChecks]]:
    """What the scanner's reports need at once: the stop bytes and strings that together start with a pattern of
    their own (the byte is a pattern's first byte and the rest of that pattern is a prefix of the string), and, for
    each string the scanner reports and each of those, the checks of the tokens that are prefixes of it."""
    reported = sorted({text if text[:1].isalnum() else text[1:] for text in _BY_TEXT})

    def starting_with(prefix: bytes) -> list[bytes]:
        first = bisect.bisect_left(reported, prefix)
        last = first
        while last < len(reported) and reported[last].startswith(prefix):
            last += 1
        return reported[first:last]

    started = {text[:1] + string for text in _BY_TEXT if not text[:1].isalnum() for string in starting_with(text[1:])}
    always: dict[bytes, list[int]] = {}
    unless_followed: dict[bytes, list[int]] = {}
    ranged: dict[bytes, dict[int, list[tuple[int, int, int]]]] = {}
    for index, (text, kind, flags, owner, entry) in enumerate(m.PATTERNS):
        if kind != m.TOKEN:
            continue
        bounds = m.ENTRIES[owner][entry][6]
        if text[:1].isalnum():
            keys = starting_with(text)
        else:
            keys = [text[:1] + string for string in starting_with(text[1:])]
        for key in keys:
            if bounds is not None:
                ranged.setdefault(key, {}).setdefault(len(text), []).append((index, *bounds))
            elif not flags & 2 or len(key) > len(text) and not key[len(text) : len(text) + 1].isalnum():
                always.setdefault(key, []).append(index)
            elif len(key) == len(text):
                unless_followed.setdefault(key, []).append(index)
    checks = {
        key: (
            tuple(always.get(key, ())),
            tuple(unless_followed.get(key, ())),
            tuple((length, tuple(ranges)) for length, ranges in sorted(ranged.get(key, {}).items())),
        )
        for key in sorted(always.keys() | unless_followed.keys() | ranged.keys())
    }
    return started, checks


# The stop byte and string pairs that start with a pattern, and for the strings and pairs that a token is a prefix
# of, what decides whether it selects anything; the strings that are part of either need a closer look.
_STARTED, _TOKEN_CHECKS = _reportable()
_SPECIAL = frozenset(_TOKEN_CHECKS).union(started[1:] for started in _STARTED)
_Scan = Callable[[bytes], list[tuple[bytes, bytes, bytes]]]
_STRING = operator.itemgetter(1)
_scanner: Optional[_Scan] = None


def _compile_scanner() -> _Scan:
    """The scanner's `findall`, compiled on first use so that importing the package stays quick."""
    global _scanner
    if _scanner is None:
        _scanner = re.compile(m.SCANNER).findall
    return _scanner


# A pattern occurrence as far as classification cares: the string starting at it (patterns that are prefixes of it
# matched), or for a string some token is a prefix of, the string and the tokens that select an entry there.
_Found = Union[bytes, tuple[bytes, tuple[int, ...]]]


def _selecting(text: bytes, after: bytes, checks: _TokenChecks) -> tuple[bytes, tuple[int, ...]]:
    """A reported string with the tokens that are prefixes of it and select an entry, given the bytes after it."""
    always, unless_followed, ranged = checks
    selecting = always if after[:1].isalnum() else always + unless_followed
    for length, ranges in ranged:
        number = _TOKEN_NUMBER.match(text[length:] + after)
        if number is not None:
            value = int(number[0])
            selecting += tuple(index for index, low, high in ranges if low <= value <= high)
    return text, selecting


def _found(matching: bytes) -> frozenset[_Found]:
    """The pattern occurrences in a matching text (section 6), each once: equal ones mean the same."""
    reported = (_scanner or _compile_scanner())(matching)
    # Mostly each reported string is all that matters: the patterns that are prefixes of it matched.
    found = frozenset(map(_STRING, reported))
    return found if found.isdisjoint(_SPECIAL) else _found_closer(reported)


def _found_closer(reported: list[tuple[bytes, bytes, bytes]]) -> frozenset[_Found]:
    """`_found` for reports where what follows a token or the byte the scanner stopped at matters."""
    found: set[_Found] = set()
    for stop, text, after in reported:
        checks = _TOKEN_CHECKS.get(text)
        found.add(text if checks is None else _selecting(text, after, checks))
        started = stop + text
        if started in _STARTED:
            checks = _TOKEN_CHECKS.get(started)
            found.add(started if checks is None else _selecting(started, after, checks))
    return frozenset(found)


def _matches(found: frozenset[_Found]) -> tuple[set[int], Optional[tuple[int, int]], Optional[int], list[_Candidate]]:
    """What pattern occurrences tell: the vendors whose marker matched, the best phrase, the best command, and the
    entries selected by a fragment, or by a token followed by what it needs."""
    marked: set[int] = set()
    phrase: Optional[tuple[int, int]] = None
    command: Optional[int] = None
    candidates: list[_Candidate] = []
    for occurrence in found:
        text, selecting = (occurrence, ()) if isinstance(occurrence, bytes) else occurrence
        markers, text_phrase, text_command, fragments, tokens = _meaning(text)
        marked |= markers
        if text_phrase is not None and (phrase is None or text_phrase < phrase):
            phrase = text_phrase
        if text_command is not None and (command is None or text_command < command):
            command = text_command
        candidates += fragments
        candidates += [candidate for index, candidate in tokens if index in selecting]
    return marked, phrase, command, candidates


def _chosen(
    candidates: list[_Candidate], marked: set[int], basic: Optional[int], enhanced: Optional[bytes]
) -> Optional[tuple[int, int]]:
    """The chosen entry (section 7), as (vendor, entry), among the candidates the codes and markers allow."""
    best: Optional[tuple[bool, tuple[bool, int, int, int]]] = None
    for rank, vendor, needs_marker, allowed_basic, allowed_enhanced in candidates:
        if needs_marker and vendor not in marked:
            continue
        if allowed_basic is not None and basic is not None and basic not in allowed_basic:
            continue
        if allowed_enhanced is not None and enhanced is not None and enhanced not in allowed_enhanced:
            continue
        ranked = (vendor not in marked, rank)
        if best is None or ranked < best:
            best = ranked
    return None if best is None else (best[1][2], best[1][3])


def parse(data: Union[bytes, str]) -> Reply:
    """Reads a reply, a log line or a DSN field; never fails, linear in the input.

    >>> r = parse("550-5.7.26 Unauthenticated email\\r\\n550 5.7.26 is not accepted")
    >>> (r.basic, r.enhanced, r.text)
    (550, '5.7.26', 'Unauthenticated email is not accepted')
    """
    line = _line(data)
    code, enhanced, kept, start = _read(line)
    text = line[start:] if code is None else _unfold(line[start:], code, enhanced)
    command = _matches(_found(_folded(kept.lower())))[2]
    return Reply(
        None if code is None else int(code),
        None if enhanced is None else enhanced.decode("ascii"),
        None if command is None else m.COMMANDS[command][1],
        text[1:].decode("utf-8", "replace"),
    )


# Per first digit of the code that decides it (the enhanced code's class, else the basic code's), the failure class.
_FAILURE = {ord("4"): "transient", ord("5"): "permanent"}
# The registry's (reason, action) per `subject.detail` as written after the class of an enhanced code.
_REGISTRY = {b"%d.%d" % code: facts for code, facts in m.ENHANCED.items()}
_NUMBERS = {b"%d" % number: number for number in range(200, 600)}


def _fallback_reason(
    phrase: Optional[tuple[int, int]],
    registry: Optional[tuple[str, str]],
    listed: Optional[tuple[Optional[str], str]],
    failure: Optional[str],
) -> Optional[str]:
    """The reason without a chosen entry (section 7): the phrase's, the registry's, the basic code's, or undefined."""
    if phrase is not None:
        return m.PHRASES[phrase[1]][1]
    if registry is not None and registry[0] != "undefined":
        return registry[0]
    if listed is not None and listed[0] is not None:
        return listed[0]
    return "undefined" if failure is not None else None


def _decided(code: Optional[bytes], enhanced_code: Optional[bytes], found: frozenset[_Found]) -> Classification:
    """The answer (section 7) for the codes and the pattern occurrences of a reply."""
    marked, phrase, command_index, candidates = _matches(found)
    deciding = enhanced_code or code
    failure = None if deciding is None else _FAILURE.get(deciding[0])
    # a positive reply has no candidates: vendor entries describe failures
    positive = failure is None and deciding is not None
    basic = None if code is None else _NUMBERS[code]
    enhanced = None if enhanced_code is None else enhanced_code.decode("ascii")
    command = None if command_index is None else m.COMMANDS[command_index][1]
    chosen = _chosen(candidates, marked, basic, enhanced_code) if candidates and not positive else None
    if chosen is not None:
        vendor, index = chosen
        entry = m.ENTRIES[vendor][index]
        vendor_id = m.VENDOR_IDS[vendor]
        return Classification(basic, enhanced, command, entry[3], entry[4], entry[5], vendor_id, entry[0], entry[7])
    marker_vendor = m.VENDOR_IDS[min(marked)] if marked else None
    registry = None if enhanced_code is None else _REGISTRY.get(enhanced_code[2:])
    listed = None if basic is None else m.BASIC.get(basic)
    reason = None if positive else _fallback_reason(phrase, registry, listed, failure)
    # without an entry or a failure code, only the reason can say ("User unknown" alone is permanent)
    retry = failure if failure is not None or reason is None else m.REASON_RETRY.get(reason)
    bounce = None if reason is None else "hard" if reason in m.HARD_REASONS and retry != "transient" else "soft"
    action = registry[1] if registry is not None else listed[1] if listed is not None else None
    return Classification(basic, enhanced, command, retry, bounce, reason, marker_vendor, None, action)


# Answers by what decides them: the codes as written and the pattern occurrences (never by the text itself, which
# is almost always new). Replies that differ only in addresses, hosts and numbers share an entry, so deciding, and
# building the frozen answer (slow: each field goes through `object.__setattr__`), happen only on a miss.
_DECIDED: dict[tuple[Optional[bytes], Optional[bytes], frozenset[_Found]], Classification] = {}
_DECIDED_KEPT = 8192


def classify(data: Union[bytes, str]) -> Classification:
    """Classifies one reply, log line or DSN field (docs/parsing.md, section 7).

    >>> c = classify("550 5.1.1 <a@example.org>: Recipient address rejected: User unknown")
    >>> (c.retry, c.bounce, c.reason)
    ('permanent', 'hard', 'userunknown')
    """
    code, enhanced_code, kept, _ = _read(_line(data, _LOWERED))
    key = (code, enhanced_code, _found(kept if kept.isascii() else _folded(kept)))
    answer = _DECIDED.get(key)
    if answer is None:
        if len(_DECIDED) >= _DECIDED_KEPT:
            _DECIDED.clear()
        answer = _DECIDED[key] = _decided(*key)
    return answer
