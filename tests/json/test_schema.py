"""The published JSON validates against the published JSON Schema, with a real validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

GENERATED = Path(__file__).resolve().parents[2] / "generated" / "json"


def load(name: str) -> dict:
    return json.loads((GENERATED / name).read_text(encoding="utf-8"))


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(load("smtp-codes.schema.json"))


def test_catalogue_json_validates_against_its_schema() -> None:
    validator = jsonschema.Draft202012Validator(load("smtp-codes.schema.json"))
    errors = sorted(validator.iter_errors(load("smtp-codes.json")), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20])


def test_schema_rejects_what_the_catalogue_forbids() -> None:
    validator = jsonschema.Draft202012Validator(load("smtp-codes.schema.json"))
    document = load("smtp-codes.json")
    document["basic"][0]["colour"] = "blue"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(document)
    document = load("smtp-codes.json")
    document["basic"][0]["retry"] = "sometimes"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(document)


def test_every_schema_property_has_a_description() -> None:
    missing: list[str] = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub and "$ref" not in sub:
                    missing.append(f"{path}/{name}")
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{path}/{index}")

    walk(load("smtp-codes.schema.json"), "")
    assert not missing, missing
