# {{ marker }}
# catalogue version {{ version }}
# ruff: noqa: E501
"""Tables the classifier runs on: every pattern in matching form (docs/parsing.md, section 6) and the facts a
classification returns."""

from __future__ import annotations

from typing import Optional

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

# the retry a reason implies for a reply without codes, for the reasons that imply one
REASON_RETRY: dict[str, str] = {
{%- for line in reason_retry %}
    {{ line }}
{%- endfor %}
}

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


# Finds every pattern occurrence (docs/parsing.md, section 6): at each position where a pattern may start, group 1
# captures the longest pattern starting there, as a trie of nested groups the regular expression engine walks in C.
FINDER: bytes = {{ finder }}


def _prefixed() -> dict[bytes, tuple[int, ...]]:
    """Per pattern text, every pattern (by index) whose text is a prefix of it: all that match where it does."""
    by_text: dict[bytes, list[int]] = {}
    for index, pattern in enumerate(PATTERNS):
        by_text.setdefault(pattern[0], []).append(index)
    return {
        text: tuple(index for end in range(1, len(text) + 1) for index in by_text.get(text[:end], ()))
        for text in by_text
    }


PREFIXED = _prefixed()
