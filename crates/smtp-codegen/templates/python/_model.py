# {{ marker }}
# catalogue version {{ version }}
"""The facts the catalogue records, as frozen dataclasses, and the lookups over them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Optional, Union


@dataclass(frozen=True)
class Command:
    """A command a basic code answers, with the code's meaning there when it differs."""

    command: str
    meaning: Optional[str]


@dataclass(frozen=True)
class BasicInfo:
    """The facts about a basic reply code."""

    code: int
    name: str
    status: str
    text: Optional[str]
    meaning: str
    action: str
    retry: Optional[str]
    reason: Optional[str]
    commands: tuple[Command, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class EnhancedInfo:
    """The facts about a registry enhanced status code (any class it applies to)."""

    subject: int
    detail: int
    classes: tuple[int, ...]
    name: str
    title: str
    meaning: str
    action: str
    reason: str
    basic: tuple[int, ...]
    deprecated: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ReasonInfo:
    """A reason of the vocabulary, whether it makes a bounce hard, and the retry it implies for a reply without codes
    (None when it happens both ways)."""

    id: str
    meaning: str
    bounce: str
    retry: Optional[str]


@dataclass(frozen=True)
class VendorEntry:
    """One vendor-specific reply: what selects it on the wire and what it means."""

    vendor: str
    id: str
    fragment: Optional[str]
    variants: tuple[str, ...]
    token: Optional[str]
    token_variants: tuple[str, ...]
    range: Optional[tuple[int, int]]
    basic: tuple[int, ...]
    enhanced: tuple[str, ...]
    meaning: str
    action: str
    retry: str
    bounce: str
    reason: str
    confidence: str
    sources: tuple[str, ...]
    overrides: Optional[str]
    legacy: bool
    first_seen: Optional[str]
    retired: Optional[str]


@dataclass(frozen=True)
class VendorInfo:
    """A mailbox provider, MTA, gateway, ESP or blocklist and its replies, in priority order."""

    id: str
    name: str
    kind: str
    markers: tuple[str, ...]
    sources: tuple[str, ...]
    entries: tuple[VendorEntry, ...]


def _number(text: str) -> bool:
    return 1 <= len(text) <= 3 and text.isascii() and text.isdigit() and not (len(text) > 1 and text[0] == "0")


@dataclass(frozen=True, order=True)
class EnhancedCode:
    """An enhanced status code `class.subject.detail` (RFC 3463), registered or not.

    >>> EnhancedCode.parse("5.1.1") == EnhancedCode.PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS
    True
    """

    class_: int
    subject: int
    detail: int
{% for c in constants %}
    {{ c.name }}: ClassVar[EnhancedCode]
{%- endfor %}

    @classmethod
    def parse(cls, text: str) -> EnhancedCode:
        """Parses `5.7.26`: class 2, 4 or 5, subject and detail of 1 to 3 digits without leading zeros.

        Raises ValueError for anything else.
        """
        parts = text.split(".")
        if len(parts) != 3 or parts[0] not in ("2", "4", "5") or not (_number(parts[1]) and _number(parts[2])):
            raise ValueError(f"invalid enhanced status code {text!r}: expected class.subject.detail like 5.7.26")
        return cls(int(parts[0]), int(parts[1]), int(parts[2]))

    def __str__(self) -> str:
        return f"{self.class_}.{self.subject}.{self.detail}"

    @property
    def info(self) -> Optional[EnhancedInfo]:
        """The registry's facts for X.subject.detail, or None when it is not registered."""
        return enhanced_info(self)


{% for c in constants -%}
EnhancedCode.{{ c.name }} = EnhancedCode({{ c.class }}, {{ c.subject }}, {{ c.detail }})
{% endfor %}

def basic_codes() -> tuple[BasicInfo, ...]:
    """Every basic code of the catalogue, sorted by code."""
    from ._tables import BASIC

    return BASIC


def enhanced_codes() -> tuple[EnhancedInfo, ...]:
    """Every registry code, sorted by subject then detail."""
    from ._tables import ENHANCED

    return ENHANCED


def basic_info(code: int) -> Optional[BasicInfo]:
    """The catalogue's facts for a basic code, or None for a code it does not list."""
    from ._tables import BASIC_BY_CODE

    return BASIC_BY_CODE.get(int(code))


def enhanced_info(code: Union[EnhancedCode, str]) -> Optional[EnhancedInfo]:
    """The registry's facts for an enhanced code (an EnhancedCode or text like "5.7.26")."""
    if isinstance(code, str):
        code = EnhancedCode.parse(code)
    from ._tables import ENHANCED_BY_KEY

    return ENHANCED_BY_KEY.get((code.subject, code.detail))


def reason_info(reason: str) -> Optional[ReasonInfo]:
    """The reason with this id (userunknown, mailboxfull, ...)."""
    from ._tables import REASONS_BY_ID

    return REASONS_BY_ID.get(reason)


def vendor_info(vendor: str) -> Optional[VendorInfo]:
    """The vendor with this id."""
    from ._tables import VENDORS_BY_ID

    return VENDORS_BY_ID.get(vendor)


def vendor_entry(vendor: str, entry: str) -> Optional[VendorEntry]:
    """The entry `entry` of vendor `vendor`."""
    found = vendor_info(vendor)
    return next((e for e in found.entries if e.id == entry), None) if found else None


def severity(code: int) -> str:
    """RFC 5321 section 4.2.1, first digit: positive_completion, positive_intermediate, transient_negative,
    permanent_negative, or other."""
    names = {2: "positive_completion", 3: "positive_intermediate", 4: "transient_negative", 5: "permanent_negative"}
    return names.get(int(code) // 100, "other")


def category(code: int) -> str:
    """RFC 5321 section 4.2.1, second digit: syntax, information, connections, unspecified, mail_system, or other."""
    names = {0: "syntax", 1: "information", 2: "connections", 3: "unspecified", 4: "unspecified", 5: "mail_system"}
    return names.get(int(code) // 10 % 10, "other")
