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


# Finds every pattern occurrence (docs/parsing.md, section 6) in a matching text that starts with a space, through
# `findall`. The scanner stops at every byte that is not a letter or digit, which the engine skips to in C, and
# reports that byte, the longest string starting right after it that is either a pattern starting with a letter or
# digit, or the rest of a pattern starting with any other byte, and the bytes after that string ({{ tail }} at most: what
# the token checks look at). Every pattern that is a prefix of the reported string matched right after the byte, and
# every pattern that is a prefix of the byte and the string matched at the byte; none is missed, as a pattern
# starting with a letter or digit may only start right after a byte that is neither.
SCANNER: bytes = {{ scanner }}
