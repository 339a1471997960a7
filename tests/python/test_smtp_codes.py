"""The generated Python package: lookups, types and facts, checked against generated/json/smtp-codes.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "generated" / "python"))

import smtp_codes  # noqa: E402
from smtp_codes import EnhancedCode, ReplyCode  # noqa: E402

CATALOGUE: dict[str, Any] = json.loads((ROOT / "generated" / "json" / "smtp-codes.json").read_text(encoding="utf-8"))


def test_every_basic_code_is_a_member_with_the_json_facts() -> None:
    for fact in CATALOGUE["basic"]:
        member = ReplyCode(fact["code"])
        assert member.name == fact["name"]
        assert (member.status, member.text, member.retry, member.reason) == (
            fact["status"], fact["text"], fact["retry"], fact["reason"])
        assert (member.meaning, member.action, list(member.sources)) == (fact["meaning"], fact["action"], fact["sources"])


def test_codes_the_catalogue_lacks_are_plain_ints_with_no_info() -> None:
    assert smtp_codes.basic_info(599) is None
    with pytest.raises(ValueError):
        ReplyCode(599)
    assert smtp_codes.severity(599) == "permanent_negative"
    assert smtp_codes.category(599) == "other"
    assert smtp_codes.category(559) == "mail_system"


def test_well_known_codes() -> None:
    assert ReplyCode(550).status == "standard" and ReplyCode(550).retry == "permanent"
    assert ReplyCode(421).is_transient and not ReplyCode(421).is_permanent
    assert ReplyCode(250).retry is None and ReplyCode(250).severity == "positive_completion"
    assert smtp_codes.category(500) == "syntax" and smtp_codes.severity(101) == "other"


def test_enhanced_parse_is_strict() -> None:
    assert EnhancedCode.parse("5.7.26") == EnhancedCode(5, 7, 26)
    assert str(EnhancedCode.parse("4.2.2")) == "4.2.2"
    assert EnhancedCode.parse("5.999.999").detail == 999
    for bad in ["", "5", "5.1", "5.1.1.1", "3.1.1", "X.1.1", "5.01.1", "5.1.1000", " 5.1.1", "5.1.1 ", "5..1", "٥.1.1"]:
        with pytest.raises(ValueError):
            EnhancedCode.parse(bad)


def test_every_registry_entry_and_constant() -> None:
    for fact in CATALOGUE["enhanced"]:
        _, subject, detail = fact["code"].split(".")
        for class_ in fact["classes"]:
            code = EnhancedCode(class_, int(subject), int(detail))
            info = code.info
            assert info is not None and info.name == fact["name"] and info.reason == fact["reason"]
            prefix = {2: "SUCCESS", 4: "TRANSIENT", 5: "PERMANENT"}[class_]
            assert getattr(EnhancedCode, f"{prefix}_{fact['name']}") == code
            assert smtp_codes.enhanced_info(str(code)) == info
    assert EnhancedCode(5, 9, 99).info is None


def test_reasons_and_vendors() -> None:
    for fact in CATALOGUE["reasons"]:
        info = smtp_codes.reason_info(fact["id"])
        assert info is not None and (info.bounce, info.retry) == (fact["bounce"], fact["retry"])
    assert smtp_codes.reason_info("nope") is None
    assert [v.id for v in smtp_codes.VENDORS] == [v["id"] for v in CATALOGUE["vendors"]]
    for vendor in CATALOGUE["vendors"]:
        info = smtp_codes.vendor_info(vendor["id"])
        assert info is not None and info.kind == vendor["kind"]
        for entry in vendor["entries"]:
            found = smtp_codes.vendor_entry(vendor["id"], entry["id"])
            assert found is not None
            assert (found.retry, found.bounce, found.reason, found.fragment) == (
                entry["retry"], entry["bounce"], entry["reason"], entry["fragment"])
    assert smtp_codes.vendor_entry("nope", "nope") is None


def test_parse_unfolds_multiline_replies() -> None:
    reply = smtp_codes.parse("550-5.7.1 first line\r\n550-5.7.1 second\r\n550 5.7.1 third (in reply to RCPT TO command)")
    assert (reply.basic, reply.enhanced, reply.command) == (550, "5.7.1", "RCPT")
    assert reply.text == "first line second third (in reply to RCPT TO command)"
    assert smtp_codes.parse(b"\xff\xfe\x00").basic is None


def test_classify_keeps_retry_and_bounce_apart() -> None:
    unknown = smtp_codes.classify("550 5.1.1 <a@example.org>: Recipient address rejected: User unknown")
    assert (unknown.retry, unknown.bounce, unknown.reason) == ("permanent", "hard", "userunknown")
    later = smtp_codes.classify("452 4.2.2 Mailbox full, try again later")
    assert later.retry == "transient" and later.bounce == "soft"
    positive = smtp_codes.classify("250 2.0.0 Ok: queued")
    assert (positive.retry, positive.bounce, positive.reason, positive.entry) == (None, None, None, None)


def test_module_metadata() -> None:
    assert smtp_codes.__version__ == CATALOGUE["version"] == smtp_codes.CATALOGUE_VERSION
    assert set(smtp_codes.__all__) <= set(dir(smtp_codes))
