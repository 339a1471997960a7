# {{ marker }}
# catalogue version {{ version }}
"""Parsing and classifying replies, as docs/parsing.md specifies (the same answers as the Rust and C bindings).

Patterns are found by one regular expression, a trie of every pattern that the engine walks in C, compiled on first
use; the matches are those of the automaton the other bindings run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterator, Optional, Union

from . import _matcher as m

_SPACE = b" \t\r\n\x0b\x0c"
_LEADING = b"([<#'\""
_TRAILING = b")]>,;:.'\""
_ALNUM = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_DIGITS = frozenset(b"0123456789")
_CODE_START = frozenset(b"2345([<#'\"")
_QUOTES = ((b"\xe2\x80\x98", b"'"), (b"\xe2\x80\x99", b"'"), (b"\xe2\x80\x9c", b'"'), (b"\xe2\x80\x9d", b'"'))


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


@cache
def _finder() -> Callable[[bytes], Iterator[re.Match[bytes]]]:
    """The compiled finder, built on first use so that importing the package stays quick."""
    return re.compile(m.FINDER).finditer


def _trim(word: bytes) -> tuple[bytes, bool]:
    rest = word.lstrip(_LEADING)
    kept = rest.rstrip(_TRAILING)
    return kept, len(kept) < len(rest)


def _reply_digits(b: bytes) -> Optional[int]:
    if len(b) == 3 and 50 <= b[0] <= 53 and 48 <= b[1] <= 53 and 48 <= b[2] <= 57:
        return (b[0] - 48) * 100 + (b[1] - 48) * 10 + (b[2] - 48)
    return None


def _number(b: bytes) -> bool:
    return 1 <= len(b) <= 3 and b.isdigit() and not (len(b) > 1 and b[0] == 48)


def _enhanced(word: bytes) -> Optional[str]:
    """The trimmed word when it is exactly class.subject.detail."""
    if word.count(b".") < 2:
        return None
    trimmed = _trim(word)[0]
    parts = trimmed.split(b".")
    if len(parts) == 3 and parts[0] in (b"2", b"4", b"5") and _number(parts[1]) and _number(parts[2]):
        return trimmed.decode("ascii")
    return None


def _basic(word: bytes) -> Optional[tuple[int, Optional[bytes]]]:
    if word[0] not in _CODE_START:
        return None
    trimmed, trailing = _trim(word)
    code = _reply_digits(trimmed)
    if code is not None:
        return code, None
    if len(trimmed) >= 4 and trimmed[3] == 45 and not trailing:
        code = _reply_digits(trimmed[:3])
        if code is not None:
            return code, trimmed[4:]
    return None


def _codes(words: list[bytes]) -> tuple[Optional[int], Optional[str], int]:
    """Basic code, enhanced code and the index of the first text word (section 2)."""
    for index, word in enumerate(words):
        found = _basic(word)
        if found is None:
            continue
        code, rest = found
        candidate: Optional[str]
        if rest:
            candidate = _enhanced(rest)
            start = index + 1
            if candidate is None:
                candidate = _first_enhanced(words, index + 1)
        elif index + 1 < len(words) and _enhanced(words[index + 1]) is not None:
            candidate, start = _enhanced(words[index + 1]), index + 2
        else:
            candidate, start = _first_enhanced(words, index + 1), index + 1
        if candidate is not None and int(candidate[0]) != code // 100:
            candidate = None
        return code, candidate, start
    for index, word in enumerate(words):
        enhanced = _enhanced(word)
        if enhanced is not None:
            return None, enhanced, index + 1
    return None, None, 0


def _first_enhanced(words: list[bytes], start: int) -> Optional[str]:
    for word in words[start:]:
        enhanced = _enhanced(word)
        if enhanced is not None:
            return enhanced
    return None


def _kept(words: list[bytes], basic: Optional[int], enhanced: Optional[str]) -> list[bool]:
    """Unfolding (section 3): which words survive."""
    kept = [True] * len(words)
    if basic is None:
        return kept
    digits = b"%d" % basic
    dashed = digits + b"-"
    joined = dashed + enhanced.encode("ascii") if enhanced else None
    follower = enhanced.encode("ascii") if enhanced else None
    previous_bare = False
    for index, word in enumerate(words):
        bare = word == digits or word == dashed
        if bare or word == joined or (previous_bare and word == follower):
            kept[index] = False
        previous_bare = bare
    return kept


def _read(data: Union[bytes, str]) -> tuple[Optional[int], Optional[str], int, list[bytes], list[bool], bytes]:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    words = data.replace(b"\x00", b" ").split()
    basic, enhanced, start = _codes(words)
    kept = _kept(words, basic, enhanced)
    matching = b" ".join(w for w, k in zip(words, kept) if k).lower()
    if b"\xe2\x80" in matching:
        for typographic, ascii_quote in _QUOTES:
            matching = matching.replace(typographic, ascii_quote)
    return basic, enhanced, start, words, kept, matching


def parse(data: Union[bytes, str]) -> Reply:
    """Reads a reply, a log line or a DSN field; never fails, linear in the input.

    >>> r = parse("550-5.7.26 Unauthenticated email\\r\\n550 5.7.26 is not accepted")
    >>> (r.basic, r.enhanced, r.text)
    (550, '5.7.26', 'Unauthenticated email is not accepted')
    """
    basic, enhanced, start, words, kept, matching = _read(data)
    text = b" ".join(w for w, k in zip(words[start:], kept[start:]) if k).decode("utf-8", "replace")
    command = _Matches(matching).command
    return Reply(basic, enhanced, None if command is None else m.COMMANDS[command][1], text)


class _Matches:
    """Every pattern occurrence in the matching text (section 6), reduced to what classification needs."""

    def __init__(self, text: bytes, accept: Optional[Callable[[int, int], bool]] = None) -> None:
        self.text = text
        self.marked: set[int] = set()
        self.phrase: Optional[tuple[int, int]] = None
        self.command: Optional[int] = None
        # (needs the vendor's marker, not a token, -length, vendor, entry)
        self.candidates: list[tuple[bool, bool, int, int, int]] = []
        self._accept = accept
        self._walk()

    def _walk(self) -> None:
        """Every pattern occurrence: the longest pattern at each start, then the patterns that are its prefixes."""
        patterns, prefixed = m.PATTERNS, m.PREFIXED
        for found in _finder()(self.text):
            start = found.start()
            for index in prefixed[found.group(1)]:
                pattern, kind, flags, owner, entry = patterns[index]
                self._hit(kind, flags, owner, entry, start + len(pattern), len(pattern))

    def _hit(self, kind: int, flags: int, owner: int, entry: int, end: int, length: int) -> None:
        if kind == m.MARKER:
            self.marked.add(owner)
        elif kind == m.PHRASE:
            if self.phrase is None or length > self.phrase[0] or (length == self.phrase[0] and owner < self.phrase[1]):
                self.phrase = (length, owner)
        elif kind == m.COMMAND:
            if self.command is None or owner < self.command:
                self.command = owner
        elif kind == m.FRAGMENT or self._token_ok(end, flags, m.ENTRIES[owner][entry][6]):
            if self._accept is None or self._accept(owner, entry):
                self.candidates.append((bool(flags & 4), kind != m.TOKEN, -length, owner, entry))

    def _token_ok(self, end: int, flags: int, bounds: Optional[tuple[int, int]]) -> bool:
        text = self.text
        if bounds is None:
            return not (flags & 2 and end < len(text) and text[end] in _ALNUM)
        digits = end
        while digits < len(text) and text[digits] in _DIGITS:
            digits += 1
        count = digits - end
        if count == 0 or count > 9 or (digits < len(text) and text[digits] in _ALNUM):
            return False
        return bounds[0] <= int(text[end:digits]) <= bounds[1]

    def best(self) -> Optional[tuple[int, int]]:
        if not self.candidates:
            return None
        marked = self.marked
        eligible = [c for c in self.candidates if not c[0] or c[3] in marked]
        if not eligible:
            return None
        ranked = min(eligible, key=lambda c: (c[3] not in marked, c[1], c[2], c[3], c[4]))
        return ranked[3], ranked[4]


def _failure_class(basic: Optional[int], enhanced: Optional[str]) -> Optional[str]:
    digit = int(enhanced[0]) if enhanced else (basic // 100 if basic is not None else None)
    return "transient" if digit == 4 else "permanent" if digit == 5 else None


def _registry(enhanced: Optional[str]) -> Optional[tuple[str, str]]:
    if enhanced is None:
        return None
    _, subject, detail = enhanced.split(".")
    return m.ENHANCED.get((int(subject), int(detail)))


def _fallback_reason(
    basic: Optional[int], enhanced: Optional[str], phrase: Optional[tuple[int, int]], failure: bool
) -> Optional[str]:
    if phrase is not None:
        return m.PHRASES[phrase[1]][1]
    registry = _registry(enhanced)
    if registry is not None and registry[0] != "undefined":
        return registry[0]
    listed = m.BASIC.get(basic) if basic is not None else None
    if listed is not None and listed[0] is not None:
        return listed[0]
    return "undefined" if failure else None


def _bounce(reason: str, retry: Optional[str]) -> str:
    return "hard" if reason in m.HARD_REASONS and retry != "transient" else "soft"


def _code_action(basic: Optional[int], enhanced: Optional[str]) -> Optional[str]:
    registry = _registry(enhanced)
    if registry is not None:
        return registry[1]
    listed = m.BASIC.get(basic) if basic is not None else None
    return listed[1] if listed is not None else None


def classify(data: Union[bytes, str]) -> Classification:
    """Classifies one reply, log line or DSN field (docs/parsing.md, section 7).

    >>> c = classify("550 5.1.1 <a@example.org>: Recipient address rejected: User unknown")
    >>> (c.retry, c.bounce, c.reason)
    ('permanent', 'hard', 'userunknown')
    """
    basic, enhanced, _, _, _, matching = _read(data)
    failure = _failure_class(basic, enhanced)
    positive = failure is None and (basic is not None or enhanced is not None)

    def accept(vendor: int, entry: int) -> bool:
        allowed_basic, allowed_enhanced = m.ENTRIES[vendor][entry][1], m.ENTRIES[vendor][entry][2]
        basic_ok = not allowed_basic or basic is None or basic in allowed_basic
        enhanced_ok = not allowed_enhanced or enhanced is None or enhanced in allowed_enhanced
        return not positive and basic_ok and enhanced_ok

    matches = _Matches(matching, accept)
    chosen = matches.best()
    command = None if matches.command is None else m.COMMANDS[matches.command][1]
    if chosen is not None:
        vendor, index = chosen
        entry = m.ENTRIES[vendor][index]
        chosen_vendor = m.VENDOR_IDS[vendor]
        return Classification(basic, enhanced, command, entry[3], entry[4], entry[5], chosen_vendor, entry[0], entry[7])
    vendor_id = m.VENDOR_IDS[min(matches.marked)] if matches.marked else None
    reason = None if positive else _fallback_reason(basic, enhanced, matches.phrase, failure is not None)
    # without an entry or a failure code, only the reason can say ("User unknown" alone is permanent)
    retry = failure if failure is not None or reason is None else m.REASON_RETRY.get(reason)
    bounce = None if reason is None else _bounce(reason, retry)
    action = _code_action(basic, enhanced)
    return Classification(basic, enhanced, command, retry, bounce, reason, vendor_id, None, action)
