"""Resources (issue #12, items 10 and 11) and the cache location (issue #11, item 12).

- Source files are read once each and bounded together: a facts file naming a huge source, or
  one source many times, is refused with one line (exit 2) or loads as cheaply as one naming it once.
- Retrieval picks its candidates with a heap: the same facts in the same order as a full sort.
- The cache lives where the platform keeps caches; ``PERCYCHECK_CACHE_DIR`` moves it and
  ``PERCYCHECK_NO_CACHE`` turns it off, both tested through the command line.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from percycheck import cache, facts
from percycheck.cli import main
from percycheck.engine import Engine
from percycheck.facts import load_facts
from percycheck.matcher import Document, Retriever

CLAIM = "Perseverance landed on Feb. 19, 2021."
QUOTE = "The rover touched down in Jezero Crater."


def _facts_file(folder: Path, files: list[str]) -> Path:
    """A facts file with one source entry per name in ``files`` and one fact citing each entry."""
    sources = "".join(f"  - {{id: s{i}, title: T, publisher: P, file: {name}}}\n" for i, name in enumerate(files))
    cited = "".join(f"      - {{source: s{i}, quote: {QUOTE!r}}}\n" for i in range(len(files)))
    text = textwrap.dedent(
        """\
        sources:
        {sources}entities:
          - {{id: rover, kind: craft, name: Perseverance}}
        facts:
          - id: landing
            statement: Perseverance landed in Jezero Crater.
            subject: rover
            citations:
        {cited}"""
    ).format(sources=sources, cited=cited)
    path = folder / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(["--validate-facts", str(path)])
    out, err = capsys.readouterr()
    return status, out, err


# ------------------------------------------------------------------------------ sources read once, bounded


def test_sources_larger_than_the_limit_together_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the file was cut at 64 MiB without a word (and every entry read it again)."""
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write(QUOTE.encode())
        handle.truncate(facts.MAX_SOURCES_BYTES + 1)  # sparse: costs no disk
    status, out, err = _validate(_facts_file(tmp_path, ["big.txt"]), capsys)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"the source files together exceed the {facts.MAX_SOURCES_BYTES:,}-byte limit" in err
    assert err.startswith(f"percycheck: {tmp_path / 'facts.yaml'}:2: ")


def test_the_limit_counts_the_sources_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facts, "MAX_SOURCES_BYTES", 1000)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(QUOTE + " " * 600, encoding="utf-8")
    status, _, err = _validate(_facts_file(tmp_path, ["a.txt", "b.txt"]), capsys)
    assert status == 2 and "exceed the 1,000-byte limit" in err
    assert ":3: " in err, "the entry that passed the limit is named"


def test_a_source_named_by_many_entries_is_counted_and_read_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: 22 KB of facts naming one large source 300 times read it 300 times (3 GB)."""
    monkeypatch.setattr(facts, "MAX_SOURCES_BYTES", 1000)
    (tmp_path / "one.txt").write_text(QUOTE + " " * 600, encoding="utf-8")
    path = _facts_file(tmp_path, ["one.txt", "./one.txt", *["one.txt"] * 298])
    status, out, err = _validate(path, capsys)
    assert (status, err) == (0, ""), err
    assert "1 facts, 300 citations" in out and "300 sources" in out
    base = load_facts(path)
    texts = {id(source.text) for source in base.sources.values()}
    assert len(texts) == 1, "every entry shares one copy of the file's text"


def test_a_quote_missing_from_a_shared_source_is_reported_for_every_citation(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Nothing about landing here.", encoding="utf-8")
    with pytest.raises(facts.FactsError) as raised:
        load_facts(_facts_file(tmp_path, ["one.txt"] * 3))
    assert len(raised.value.problems) == 3
    assert all("quote not found verbatim in one.txt" in p for p in raised.value.problems)


def test_quote_offsets_are_where_each_quote_first_occurs() -> None:
    """The index reuses the offsets validation found; they must be the sources' own."""
    base = load_facts()
    citations = [c for fact in base.facts for c in fact.citations]
    assert citations
    for c in citations:
        assert base.quote_offsets[(c.source, c.quote)] == base.sources[c.source].text.find(c.quote) >= 0


# ------------------------------------------------------------------------------ retrieval order


def _reference(retriever: Retriever, concepts: set[str], text: str, limit: int) -> list[int]:
    """The candidates as a full sort selected them before the heap (ties by index)."""
    from collections import defaultdict

    from rapidfuzz import fuzz, process, utils

    scores: dict[int, float] = defaultdict(float)
    for word in set(concepts):
        for i in retriever._postings.get(word, []):
            scores[i] += retriever.weight(word)
    if not scores:
        return []
    pool = sorted(scores, key=lambda i: (-scores[i], i))[: limit * 3]
    fuzzy = process.extract(
        text,
        {i: retriever.documents[i].text for i in pool},
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        limit=None,
    )
    fuzz_score = {key: score for _, score, key in fuzzy}
    top = max(scores[i] for i in pool) or 1.0
    return sorted(pool, key=lambda i: (-(scores[i] / top + fuzz_score.get(i, 0.0) / 200.0), i))[:limit]


WORDS = ["land", "rover", "crater", "drill", "rock", "sample", "mars", "launch"]


@settings(max_examples=60, deadline=None)
@given(
    docs=st.lists(st.sets(st.sampled_from(WORDS), min_size=1, max_size=4), min_size=1, max_size=60),
    query=st.sets(st.sampled_from(WORDS), min_size=1, max_size=4),
    limit=st.integers(min_value=1, max_value=8),
)
def test_candidates_keep_the_order_of_a_full_sort(docs: list[set[str]], query: set[str], limit: int) -> None:
    """Many facts tie on the same words: the heap must break ties by index, as the sort did."""
    retriever = Retriever([Document(i, frozenset(d), frozenset(), " ".join(sorted(d))) for i, d in enumerate(docs)])
    text = " ".join(sorted(query))
    assert retriever.candidates(query, text, limit) == _reference(retriever, query, text, limit)


# ------------------------------------------------------------------------------ a loaded engine


def test_a_cached_engine_loads_with_the_collector_back_on(
    facts_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PERCYCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("PERCYCHECK_NO_CACHE", raising=False)
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    try:
        engine = cache.load(facts_copy)
        assert engine is not None and gc.isenabled()
        assert gc.get_freeze_count() > 0, "the loaded engine is frozen out of later collections"
        assert engine.check(CLAIM).verdict == "contradicted"
    finally:
        gc.unfreeze()


# ------------------------------------------------------------------------------ where the cache is


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "percycheck", *args], env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture()
def clean_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a user whose home is ``tmp_path/home``, with no cache variables set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PERCYCHECK_", "XDG_"))}
    env["HOME"] = str(tmp_path / "home")
    return env


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("engine-*.bin")) if folder.is_dir() else []


def test_the_cache_goes_where_the_platform_keeps_caches(facts_copy: Path, tmp_path: Path, clean_env: dict[str, str]) -> None:
    run = _run(["--facts", str(facts_copy), CLAIM], clean_env)
    assert run.returncode == 1 and run.stdout.startswith("contradicted"), run.stderr
    code = "import platformdirs; print(platformdirs.user_cache_dir('percycheck', appauthor=False))"
    expected = subprocess.run([sys.executable, "-c", code], env=clean_env, capture_output=True, text=True, check=True)
    folder = Path(expected.stdout.strip())
    assert folder.is_relative_to(tmp_path / "home")
    assert len(_entries(folder)) == 1


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="XDG_CACHE_HOME is a Linux and BSD convention")
def test_an_absolute_xdg_cache_home_is_used(facts_copy: Path, tmp_path: Path, clean_env: dict[str, str]) -> None:
    env = dict(clean_env, XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert _run(["--facts", str(facts_copy), CLAIM], env).returncode == 1
    assert len(_entries(tmp_path / "xdg" / "percycheck")) == 1
    assert platformdirs.user_cache_dir("percycheck", appauthor=False)  # the default is untouched


def test_percycheck_cache_dir_moves_the_cache(facts_copy: Path, tmp_path: Path, clean_env: dict[str, str]) -> None:
    env = dict(clean_env, PERCYCHECK_CACHE_DIR=str(tmp_path / "mine"))
    first = _run(["--facts", str(facts_copy), CLAIM], env)
    assert len(_entries(tmp_path / "mine")) == 1
    second = _run(["--facts", str(facts_copy), CLAIM], env)  # served from the cache
    assert (first.returncode, first.stdout) == (second.returncode, second.stdout) and second.stderr == ""
    assert not (tmp_path / "home" / ".cache").exists()


def test_percycheck_no_cache_writes_nothing(facts_copy: Path, tmp_path: Path, clean_env: dict[str, str]) -> None:
    env = dict(clean_env, PERCYCHECK_CACHE_DIR=str(tmp_path / "mine"), PERCYCHECK_NO_CACHE="1")
    run = _run(["--facts", str(facts_copy), CLAIM], env)
    assert run.returncode == 1 and run.stdout.startswith("contradicted")
    assert not (tmp_path / "mine").exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners are a POSIX notion")
def test_a_group_writable_cache_dir_is_refused_through_the_command_line(
    facts_copy: Path, tmp_path: Path, clean_env: dict[str, str]
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o770)
    run = _run(["--facts", str(facts_copy), CLAIM], dict(clean_env, PERCYCHECK_CACHE_DIR=str(shared)))
    assert run.returncode == 1 and run.stdout.startswith("contradicted") and run.stderr == ""
    assert list(shared.iterdir()) == []


def test_a_relative_xdg_cache_home_is_ignored_through_the_command_line(
    facts_copy: Path, tmp_path: Path, clean_env: dict[str, str]
) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    env = dict(clean_env, XDG_CACHE_HOME="cachedir")
    run = subprocess.run(
        [sys.executable, "-m", "percycheck", "--facts", str(facts_copy), CLAIM],
        env=env,
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert list(checkout.iterdir()) == []
    assert _entries(tmp_path / "home" / ".cache" / "percycheck") or sys.platform in ("darwin", "win32")
