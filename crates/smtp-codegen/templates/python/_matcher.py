# {{ marker }}
# catalogue version {{ version }}
# ruff: noqa: E501
"""Tables the classifier runs on: every pattern in matching form (docs/parsing.md, section 6) and the facts a
classification returns."""

from __future__ import annotations

from typing import Optional, TypeVar

_Key = TypeVar("_Key", bytes, int)

FRAGMENT, TOKEN, MARKER, PHRASE, COMMAND = 0, 1, 2, 3, 4

# (pattern, kind, boundary flags, vendor/phrase/command index, entry index), in the order of the other bindings
PATTERNS: tuple[tuple[bytes, int, int, int, int], ...] = (
{%- for line in patterns %}
    {{ line }}
{%- endfor %}
)

VENDOR_IDS: tuple[str, ...] = (
{%- for line in vendor_ids %}
    {{ line }}
{%- endfor %}
)

# per vendor, per entry: (id, basic codes, enhanced codes, retry, bounce, reason, token range, action)
ENTRIES: tuple[tuple[tuple[str, tuple[int, ...], tuple[str, ...], str, str, str, Optional[tuple[int, int]], str], ...], ...] = (
{%- for vendor in entries %}
    (
{%- for line in vendor %}
        {{ line }}
{%- endfor %}
    ),
{%- endfor %}
)

# basic code: (reason or None, action)
BASIC: dict[int, tuple[Optional[str], str]] = {
{%- for line in basic %}
    {{ line }}
{%- endfor %}
}

# (subject, detail): (reason, action)
ENHANCED: dict[tuple[int, int], tuple[str, str]] = {
{%- for line in enhanced %}
    {{ line }}
{%- endfor %}
}

HARD_REASONS: frozenset[str] = frozenset({ {{- hard_reasons -}} })

PHRASES: tuple[tuple[str, str], ...] = (
{%- for line in phrases %}
    {{ line }}
{%- endfor %}
)

COMMANDS: tuple[tuple[str, str], ...] = (
{%- for line in commands %}
    {{ line }}
{%- endfor %}
)


def _runs(pattern: bytes) -> list[tuple[int, int]]:
    """(start, end) of every run of ASCII letters and digits."""
    runs = []
    start = None
    for position, byte in enumerate(pattern + b" "):
        alnum = byte < 128 and chr(byte).isalnum()
        if alnum and start is None:
            start = position
        elif not alnum and start is not None:
            runs.append((start, position))
            start = None
    return runs


def _index() -> tuple[dict[bytes, tuple[int, ...]], dict[bytes, tuple[int, ...]], dict[bytes, tuple[int, ...]], dict[int, tuple[int, ...]]]:
    """Lookups that narrow the search to patterns that may occur (every candidate is then verified by exact search).

    A pattern starting with a letter or digit begins at the start of a run of letters and digits in the text, so it
    is found by its first two runs (the second cut to four bytes), by its first four bytes when it is a single run,
    or by its whole first run; any other pattern is found by its first byte.
    """
    pairs: dict[bytes, list[int]] = {}
    prefixes: dict[bytes, list[int]] = {}
    heads: dict[bytes, list[int]] = {}
    by_byte: dict[int, list[int]] = {}
    for index, (pattern, _, flags, _, _) in enumerate(PATTERNS):
        runs = _runs(pattern)
        if not flags & 1:
            by_byte.setdefault(pattern[0], []).append(index)
            continue
        first = pattern[runs[0][0] : runs[0][1]]
        if len(runs) >= 2:
            second = pattern[runs[1][0] : runs[1][1]]
            complete = runs[1][1] < len(pattern)
            if len(second) >= 4 or complete:
                pairs.setdefault(first + b" " + second[:4], []).append(index)
                continue
        if len(runs) == 1 and runs[0][1] == len(pattern) and len(first) >= 4:
            prefixes.setdefault(first[:4], []).append(index)
            continue
        if len(runs) == 1 and runs[0][1] == len(pattern):
            by_byte.setdefault(pattern[0], []).append(index)
            continue
        heads.setdefault(first, []).append(index)
    return _freeze(pairs), _freeze(prefixes), _freeze(heads), _freeze(by_byte)


def _freeze(table: dict[_Key, list[int]]) -> dict[_Key, tuple[int, ...]]:
    return {key: tuple(value) for key, value in table.items()}


PAIRS, PREFIXES, HEADS, BY_FIRST_BYTE = _index()
PAIR_KEYS = frozenset(PAIRS)
PREFIX_KEYS = frozenset(PREFIXES)
HEAD_KEYS = frozenset(HEADS)
FIRST_BYTES: tuple[tuple[bytes, tuple[int, ...]], ...] = tuple((bytes([b]), v) for b, v in sorted(BY_FIRST_BYTE.items()))
PATTERN_TEXTS: tuple[bytes, ...] = tuple(p[0] for p in PATTERNS)
