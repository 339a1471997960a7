# {{ marker }}
# catalogue version {{ version }}
"""SMTP status codes: basic reply codes, IANA enhanced status codes and vendor-specific replies.

>>> ReplyCode(550).retry
'permanent'
>>> str(EnhancedCode.parse("5.7.26"))
'5.7.26'
>>> basic_info(599) is None
True
>>> classify("421 4.7.0 Try again later, closing connection").retry
'transient'
"""

from __future__ import annotations

from ._classify import Classification, Reply, classify, parse
from ._codes import ReplyCode
from ._model import (
    BasicInfo,
    Command,
    EnhancedCode,
    EnhancedInfo,
    ReasonInfo,
    VendorEntry,
    VendorInfo,
    basic_codes,
    basic_info,
    category,
    enhanced_codes,
    enhanced_info,
    reason_info,
    severity,
    vendor_entry,
    vendor_info,
)
from ._tables import VENDORS

__version__ = "{{ version }}"
CATALOGUE_VERSION = "{{ version }}"

__all__ = [
    "CATALOGUE_VERSION",
    "VENDORS",
    "BasicInfo",
    "Classification",
    "Command",
    "EnhancedCode",
    "EnhancedInfo",
    "ReasonInfo",
    "Reply",
    "ReplyCode",
    "VendorEntry",
    "VendorInfo",
    "__version__",
    "basic_codes",
    "basic_info",
    "category",
    "classify",
    "enhanced_codes",
    "enhanced_info",
    "parse",
    "reason_info",
    "severity",
    "vendor_entry",
    "vendor_info",
]
