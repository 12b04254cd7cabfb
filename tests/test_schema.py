"""Every analysis document validates against the shipped JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from importlib import resources

import jsonschema

import rasid

from conftest import SEED


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(
        resources.files("rasid").joinpath("schemas/analysis.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate(document: dict) -> None:
    _validator().validate(document)


def test_python_api_document_validates():
    validate(rasid.analyze(SEED, published="2022-02-28").to_dict())


def test_cli_json_validates_and_keeps_arabic():
    result = subprocess.run(
        [sys.executable, "-m", "rasid.cli", "analyze", str(SEED), "--json"],
        capture_output=True,
        timeout=120,
        check=True,
    )
    out = result.stdout.decode("utf-8")
    assert "رغد الحاج" in out  # non-ASCII kept as is, not \\u escapes
    document = json.loads(out)
    validate(document)
    assert document["entities"] == [] or isinstance(document["entities"], list)
    assert [p["kind"] for p in document["article"]["paragraphs"]].count("heading") == 2


def test_schema_rejects_a_broken_document():
    document = rasid.analyze(SEED).to_dict()
    del document["article"]["paragraphs"]
    try:
        validate(document)
    except jsonschema.ValidationError:
        return
    raise AssertionError("a document without paragraphs must not validate")


def test_reasons_in_schema_match_the_cleaner():
    schema = _validator().schema
    enum = schema["$defs"]["article"]["properties"]["removed"]["items"]["properties"]["reason"][
        "enum"
    ]
    from rasid.reader.boilerplate import REASONS

    assert set(enum) == set(REASONS)
