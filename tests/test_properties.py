"""Properties that hold for any input, checked with hypothesis through the command line and API.

- whatever text is piped in, ``--format jsonl`` exits 0 or 1 and every line it prints is JSON
  (a NUL near the start makes it a binary file: exit 2, one line on standard error);
- a sentence's verdict does not depend on the unrelated sentences around it in a draft;
- the same input gives the same results every time: in one process, with a freshly built
  engine, and across processes with different hash seeds and with or without the engine cache.

Example counts are modest (60) so the default run stays fast; ``fuzz/run.py`` is for hunting.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from percycheck import api, cli
from percycheck.engine import Engine
from percycheck.facts import builtin_facts_path, load_facts
from percycheck.models import VERDICTS
from percycheck.output import verdict_to_dict

ROOT = Path(__file__).resolve().parents[1]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Any characters but surrogates (which no UTF-8 input can carry): controls, marks, emoji, ...
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)
# Text made of the pieces drafts are made of, so the engine has something to judge.
DRAFT_PIECES = [
    "Perseverance", "landed", "on", "Feb.", "18,", "2021", "in", "Jezero Crater", "weighs",
    "2,263", "2,623", "pounds", "about", "1,025 kg", "not", "The rover", "Ingenuity", "flew",
    "six wheels", "seven", ".", ",", "!", "?", "\n", "\n\n", "- ", "# ", "> ", "**", "`", "[a](b)",
    "\t", "\r\n", "\x1b[31m", "\x00", "\u202e", "é", "—", "“", "”",
]  # fmt: skip
DRAFT_TEXT = st.lists(st.sampled_from(DRAFT_PIECES), max_size=60).map(" ".join)

# Claims whose verdicts are known, and sentences about anything but the rover.
CLAIMS = [
    "Perseverance landed in Jezero Crater on Feb. 18, 2021.",
    "Perseverance landed on Feb. 19, 2021.",
    "Perseverance weighs 2,623 pounds.",
    "Perseverance weighs about 1,030 kg.",
    "The rover rolls on six wheels.",
    "Percy is painted a cheerful bright green.",
    "Ingenuity was the first helicopter to fly on another planet.",
]
OFF_TOPIC = [
    "The bakery on Main Street sells fresh bread every morning.",
    "My cousin plays the violin in a small orchestra.",
    "The library closes at eight on weekdays.",
    "Our team won the regional chess tournament last spring.",
    "The recipe calls for two cups of flour and a pinch of salt.",
    "A heavy storm knocked out power across the valley.",
    "She painted the fence a pale shade of blue.",
    "The museum added a new wing for modern sculpture.",
    "Tickets for the concert sold out within an hour.",
    "The river flooded the lower fields after the rain.",
]


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)  # no configuration file from the checkout
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM", "CI"):
        monkeypatch.delenv(name, raising=False)
    yield


def jsonl_of(text: str) -> tuple[int, list[dict[str, Any]], str]:
    result = CliRunner().invoke(cli.command, ["--format", "jsonl"], input=text.encode("utf-8"), catch_exceptions=False)
    rows = [json.loads(line) for line in result.stdout.splitlines()]  # every line, or this fails
    return result.exit_code, rows, result.stderr


# ------------------------------------------------------------------------ any text -> JSON


@FAST
@given(ANY_TEXT)
def test_any_text_gives_json_lines_and_a_clean_status(text: str) -> None:
    status, rows, stderr = jsonl_of(text)
    assert "Traceback" not in stderr
    if "\x00" in text:  # a NUL near the start means a binary file: refused in one line
        assert (status, rows, stderr) == (
            cli.EXIT_ERROR,
            [],
            "percycheck: error: <stdin>: binary file (NUL bytes), not checked\n",
        )
        return
    assert status in (cli.EXIT_CLEAN, cli.EXIT_FINDINGS)
    for row in rows:
        assert row["verdict"] in VERDICTS
        assert isinstance(row["claim"], str) and row["claim"]
        assert row["location"] is not None and row["location"]["line"] >= 1


@FAST
@given(DRAFT_TEXT)
def test_draft_like_text_gives_json_lines_and_the_status_its_verdicts_earn(text: str) -> None:
    status, rows, stderr = jsonl_of(text)
    contradicted = any(row["verdict"] == "contradicted" for row in rows)
    expected = cli.EXIT_ERROR if "\x00" in text else cli.EXIT_FINDINGS if contradicted else cli.EXIT_CLEAN
    assert status == expected, rows
    assert "Traceback" not in stderr


# ------------------------------------------------------- context does not change a verdict


def _verdict_alone(claim: str) -> tuple[str, str | None]:
    [result] = api.check_text(claim, markdown=False)
    verdict = result.verdict
    return verdict.verdict, verdict.fact.id if verdict.fact else None


@FAST
@given(
    claim=st.sampled_from(CLAIMS),
    before=st.lists(st.sampled_from(OFF_TOPIC), max_size=4),
    after=st.lists(st.sampled_from(OFF_TOPIC), max_size=4),
    separator=st.sampled_from([" ", "\n", "\n\n", "  ", "\r\n\r\n"]),
)
def test_unrelated_sentences_do_not_change_a_verdict(claim: str, before: list[str], after: list[str], separator: str) -> None:
    draft = separator.join([*before, claim, *after])
    results = api.check_text(draft, markdown=False)
    found = [r for r in results if r.verdict.claim == claim]
    assert len(found) == 1, [r.verdict.claim for r in results]
    verdict = found[0].verdict
    assert (verdict.verdict, verdict.fact.id if verdict.fact else None) == _verdict_alone(claim)
    line_breaks = re.findall(r"\r\n|\r|\n", draft[: draft.index(claim)])
    assert found[0].location is not None and found[0].location.line == 1 + len(line_breaks)


def test_the_claims_cover_every_verdict() -> None:
    """The property above is only worth something if the claims are judged differently."""
    assert {_verdict_alone(claim)[0] for claim in CLAIMS} == set(VERDICTS)


# ---------------------------------------------------------------------------- determinism


@pytest.fixture(scope="module")
def fresh_engine() -> Engine:
    """A second engine over the built-in facts, parsed and built here, not taken from a cache."""
    return Engine(load_facts(builtin_facts_path()))


@FAST
@given(DRAFT_TEXT)
def test_the_same_text_gives_the_same_results_every_time(fresh_engine: Engine, text: str) -> None:
    first = [verdict_to_dict(r) for r in api.check_text(text)]
    assert [verdict_to_dict(r) for r in api.check_text(text)] == first
    claims = api.find_claims(text).claims
    assert [fresh_engine.check(c.text) for c in claims] == [r.verdict for r in api.check_claims(claims)]


def _entry_point() -> str:
    beside = Path(sys.executable).with_name("percycheck")
    found = str(beside) if beside.exists() else shutil.which("percycheck")
    if found is None:
        pytest.skip("percycheck is not installed")
    return found


def test_results_are_the_same_across_processes_hash_seeds_and_the_cache(tmp_path: Path) -> None:
    """Set and dict order must never leak into a verdict, and a cached engine must equal a built one."""
    draft = "\n\n".join(
        [(ROOT / "tests" / "data" / "draft.md").read_text(encoding="utf-8")]
        + [path.read_text(encoding="utf-8") for path in sorted((ROOT / "sources").glob("*.txt"))[:2]]
        + CLAIMS
    )
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM", "CI")}
    runs = []
    for seed, cache in (("1", "build"), ("2", "load"), ("3", "off"), ("random", "load")):
        env = dict(base, PYTHONHASHSEED=seed, PERCYCHECK_CACHE_DIR=str(tmp_path / "cache"))
        if cache == "off":
            env["PERCYCHECK_NO_CACHE"] = "1"
        done = subprocess.run(
            [_entry_point(), "-f", "draft.md", "--format", "jsonl", "--fail-on", "never"],
            capture_output=True, cwd=tmp_path, env=env, timeout=300,
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (0, b""), done.stderr[-2000:]
        runs.append(done.stdout)
    assert len(runs[0].splitlines()) > 20
    assert all(run == runs[0] for run in runs[1:])
