# {{ marker }}
# catalogue version {{ version }}
# ruff: noqa: E501
"""ReplyCode: one member per catalogue basic code, carrying the catalogue's facts."""

from __future__ import annotations

from enum import IntEnum
from typing import Optional

from ._model import BasicInfo, basic_info, category, severity


class ReplyCode(IntEnum):
    """A basic reply code the catalogue lists, like http.HTTPStatus; codes it does not list are plain ints.

    >>> ReplyCode(550).status
    'standard'
    """
{% for c in members %}
    {{ c.name }} = {{ c.code }}
    """{{ c.doc }}"""
{%- endfor %}

    @property
    def info(self) -> BasicInfo:
        """The catalogue's facts about this code."""
        found = basic_info(self.value)
        assert found is not None, "every member is a catalogue code"
        return found

    @property
    def status(self) -> str:
        """standard, experimental, registry_only or nonstandard."""
        return self.info.status

    @property
    def text(self) -> Optional[str]:
        """The RFC reply text, when an RFC gives one."""
        return self.info.text

    @property
    def meaning(self) -> str:
        """What the code means."""
        return self.info.meaning

    @property
    def action(self) -> str:
        """What a sender should do."""
        return self.info.action

    @property
    def retry(self) -> Optional[str]:
        """transient or permanent; None for 2yz and 3yz."""
        return self.info.retry

    @property
    def reason(self) -> Optional[str]:
        """The reason to report when only this code is known."""
        return self.info.reason

    @property
    def sources(self) -> tuple[str, ...]:
        """Source ids."""
        return self.info.sources

    @property
    def severity(self) -> str:
        """What the first digit says (RFC 5321 section 4.2.1)."""
        return severity(self.value)

    @property
    def category(self) -> str:
        """What the second digit says (RFC 5321 section 4.2.1)."""
        return category(self.value)

    @property
    def is_transient(self) -> bool:
        """4yz: the same request may succeed later."""
        return self.value // 100 == 4

    @property
    def is_permanent(self) -> bool:
        """5yz: the same request will fail again."""
        return self.value // 100 == 5
