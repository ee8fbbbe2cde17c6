"""Shared test set-up: the engine cache and its key go to a temporary folder, never the user's."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from percycheck.facts import builtin_facts_path


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir() -> Iterator[None]:
    with tempfile.TemporaryDirectory(prefix="percycheck-cache-") as folder:
        names = {"PERCYCHECK_CACHE_DIR": folder, "XDG_STATE_HOME": os.path.join(folder, "state")}
        old = {name: os.environ.get(name) for name in names}
        os.environ.update(names)
        yield
        for name, value in old.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
SarifCheck = Callable[[object], list[str]]


@pytest.fixture(scope="session")
def sarif_problems() -> SarifCheck:
    """A check that lists every way a document breaks the OASIS SARIF 2.1.0 schema (in tests/data)."""
    import jsonschema

    validator = jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))

    def problems(document: object) -> list[str]:
        return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)]

    return problems


@pytest.fixture
def isolated_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An empty working folder (no configuration file) and no colour or width settings."""
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM", "CI"):
        monkeypatch.delenv(name, raising=False)
    yield


@pytest.fixture()
def facts_copy(tmp_path: Path) -> Path:
    """A private copy of the built-in facts and sources, free to edit."""
    source = builtin_facts_path()
    shutil.copy(source, tmp_path / "facts.yaml")
    shutil.copytree(source.parent / "sources", tmp_path / "sources")
    return tmp_path / "facts.yaml"
