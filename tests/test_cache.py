"""The on-disk engine cache: same answers, never stale, never in the way."""

from __future__ import annotations

from pathlib import Path

import pytest

from percycheck import cache
from percycheck.engine import Engine
from percycheck.facts import load_facts

CLAIMS = ("Perseverance landed on Feb. 19, 2021.", "The rover weighs about 1,030 kg.", "Mars has two moons.")


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PERCYCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("PERCYCHECK_NO_CACHE", raising=False)
    return folder


def test_a_cached_engine_gives_the_same_verdicts(facts_copy: Path, cache_dir: Path) -> None:
    built = Engine(load_facts(facts_copy))
    cache.store(facts_copy, built)
    loaded = cache.load(facts_copy)
    assert loaded is not None and loaded is not built
    assert [loaded.check(c) for c in CLAIMS] == [built.check(c) for c in CLAIMS]
    assert not list(cache_dir.glob("*.tmp")), "a temporary file was left behind"


def test_editing_the_facts_file_makes_the_cache_stale(facts_copy: Path, cache_dir: Path) -> None:
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    facts_copy.write_text(facts_copy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert cache.load(facts_copy) is None


def test_editing_a_source_makes_the_cache_stale(facts_copy: Path, cache_dir: Path) -> None:
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    source = next((facts_copy.parent / "sources").glob("*.txt"))
    source.write_text(source.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert cache.load(facts_copy) is None


def test_a_corrupt_cache_entry_is_ignored(facts_copy: Path, cache_dir: Path) -> None:
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    (entry,) = cache_dir.glob("engine-*.bin")
    entry.write_bytes(b"not an entry")
    assert cache.load(facts_copy) is None


def test_the_cache_can_be_turned_off(facts_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERCYCHECK_NO_CACHE", "1")
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    assert not cache_dir.exists() or not list(cache_dir.iterdir())
    assert cache.load(facts_copy) is None


def test_an_unwritable_cache_folder_is_no_error(facts_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("PERCYCHECK_CACHE_DIR", str(blocker / "cache"))
    cache.store(facts_copy, Engine(load_facts(facts_copy)))  # must not raise
    assert cache.load(facts_copy) is None


def test_old_entries_are_pruned(facts_copy: Path, cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    for i in range(cache.MAX_ENTRIES + 5):
        (cache_dir / f"engine-old{i}.bin").write_bytes(b"x")
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    assert len(list(cache_dir.glob("engine-*.bin"))) <= cache.MAX_ENTRIES
