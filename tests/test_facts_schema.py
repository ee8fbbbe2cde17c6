"""The JSON Schema for facts files (percycheck/facts.schema.json), which editors use for completion
and validation: it accepts every facts file the loader accepts, and catches what curators get wrong."""

from __future__ import annotations

import datetime
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from percycheck.facts import load_facts

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads(resources.files("percycheck").joinpath("facts.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def as_editor_sees(data: Any) -> Any:
    """YAML as an editor's language server validates it: an unquoted date is a string."""
    if isinstance(data, dict):
        return {key: as_editor_sees(value) for key, value in data.items()}
    if isinstance(data, list):
        return [as_editor_sees(value) for value in data]
    if isinstance(data, datetime.date):
        return data.isoformat()
    return data


def problems(data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(as_editor_sees(data))]


def test_the_schema_is_a_valid_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def facts_files() -> list[Path]:
    """The built-in facts and every facts file under tests/data that the loader accepts."""
    found = [ROOT / "facts.yaml"]
    for path in sorted((ROOT / "tests" / "data").glob("*.yaml")):
        try:
            load_facts(path)
        except Exception:  # an invalid one, kept on purpose for the loader's tests
            continue
        found.append(path)
    return found


@pytest.mark.parametrize("path", facts_files(), ids=lambda p: p.name)
def test_every_facts_file_the_loader_accepts_is_valid(path: Path) -> None:
    assert problems(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


FACT = {
    "id": "wheel-count",
    "statement": "Perseverance rolls on six wheels.",
    "subject": "perseverance",
    "values": [{"slot": "wheels", "count": 6, "noun": "wheel"}],
    "citations": [{"source": "gazette", "quote": "Perseverance rolls on six wheels."}],
}


def facts_with(**changes: Any) -> dict[str, Any]:
    return {
        "version": 1,
        "sources": [{"id": "gazette", "title": "T", "publisher": "P", "date": "2024-01-02", "url": None, "file": "s.txt"}],
        "entities": [{"id": "perseverance", "kind": "craft", "type": "rover", "name": "Perseverance"}],
        "facts": [{**FACT, **changes}],
    }


def test_a_small_facts_file_is_valid() -> None:
    assert problems(facts_with()) == []


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"quotes": []}, "Additional properties are not allowed ('quotes'"),
        ({"id": "Wheel Count"}, "does not match"),
        ({"citations": []}, "should be non-empty"),
        ({"values": [{"slot": "wheels", "count": 6, "date": "2021"}]}, "is not valid under any of the given schemas"),
        ({"values": [{"slot": "mass", "quantity": 2263, "unit": "pounds"}]}, "'pounds' is not one of"),
        ({"values": [{"slot": "mass", "quantity": 2263, "unit": "lb", "approx": "roughly"}]}, "'roughly' is not one of"),
        ({"as_of": "Feb 2022"}, "is not valid under any of the given schemas"),
    ],
)
def test_what_curators_get_wrong_is_caught(changes: dict[str, Any], words: str) -> None:
    found = problems(facts_with(**changes))
    assert found and any(words in problem for problem in found), found


def test_the_package_is_typed_and_ships_the_schema() -> None:
    assert resources.files("percycheck").joinpath("py.typed").is_file()
    assert SCHEMA["title"] == "percycheck facts file"


def test_the_schema_names_the_kinds_units_and_precisions_the_loader_knows() -> None:
    from percycheck.facts import APPROX_KINDS, ENTITY_KINDS
    from percycheck.values import UNITS

    definitions = SCHEMA["definitions"]
    assert set(definitions["entity"]["properties"]["kind"]["enum"]) == set(ENTITY_KINDS)
    assert definitions["value"]["properties"]["unit"]["enum"] == list(UNITS)
    assert set(definitions["approx"]["enum"]) == set(APPROX_KINDS)
