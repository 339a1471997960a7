# {{ marker }}
# catalogue version {{ version }}
# ruff: noqa: E501
"""The catalogue as tuples of frozen dataclasses, sorted, with lookup dictionaries."""

from __future__ import annotations

from ._model import BasicInfo, EnhancedInfo, ReasonInfo, VendorEntry, VendorInfo
from ._model import Command as Command

REASONS: tuple[ReasonInfo, ...] = (
{%- for line in reasons %}
    {{ line }}
{%- endfor %}
)

BASIC: tuple[BasicInfo, ...] = (
{%- for line in basic %}
    {{ line }}
{%- endfor %}
)

ENHANCED: tuple[EnhancedInfo, ...] = (
{%- for line in enhanced %}
    {{ line }}
{%- endfor %}
)

VENDORS: tuple[VendorInfo, ...] = (
{%- for vendor in vendors %}
    {{ vendor.head }}
{%- for line in vendor.entries %}
        {{ line }}
{%- endfor %}
    {{ vendor.tail }}
{%- endfor %}
)

BASIC_BY_CODE: dict[int, BasicInfo] = {b.code: b for b in BASIC}
ENHANCED_BY_KEY: dict[tuple[int, int], EnhancedInfo] = {(e.subject, e.detail): e for e in ENHANCED}
REASONS_BY_ID: dict[str, ReasonInfo] = {r.id: r for r in REASONS}
VENDORS_BY_ID: dict[str, VendorInfo] = {v.id: v for v in VENDORS}
