"""Tests for the command line (percycheck.cli) and the library calls it is a thin layer over.

Most tests drive the click command in-process with ``CliRunner`` (which keeps standard output
and standard error apart); a few run the installed ``percycheck`` entry point as a subprocess.
Every test runs in its own empty folder, so no configuration file leaks in, and with the colour
and width variables cleared.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from percycheck import __version__, api, cli
from percycheck.models import Citation
from percycheck.output import verdict_to_dict

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
DRAFT = DATA / "draft.md"
CLI_FACTS = DATA / "cli-facts.yaml"
SOURCES = sorted((ROOT / "sources").glob("*.txt"))

# The one false claim in the prose of tests/data/draft.md, and where it starts.
DRAFT_CLAIM = "Perseverance weighs 2,623 pounds."
DRAFT_LINE, DRAFT_COLUMN = 23, 76

SUPPORTED = "Perseverance landed in Jezero Crater on Feb. 18, 2021."
CONTRADICTED = "Perseverance weighs 2,623 pounds."
README_EXAMPLE = "Perseverance landed on Feb. 19, 2021."  # the README's first example
UNKNOWN = "Percy is painted a cheerful bright green."

CONTRACT_KEYS = [
    "claim",
    "verdict",
    "confidence",
    "fact",
    "citations",
    "reason",
    "suggestion",
    "location",
    "part",
]
CITATION_KEYS = ["source", "title", "publisher", "date", "url", "quote"]
ANSI = "\x1b["


pytestmark = pytest.mark.usefixtures("isolated_cli")


def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli.command, list(args), input=input, env=env, catch_exceptions=False)


def jsonl(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def verdicts(result: Result) -> list[str]:
    return [row["verdict"] for row in jsonl(result)]


def draft_copy(tmp_path: Path) -> str:
    """tests/data/draft.md copied into the working folder, so reports name it ``draft.md``."""
    shutil.copyfile(DRAFT, tmp_path / "draft.md")
    return "draft.md"


def entry_point(name: str = "percycheck") -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def clean_env() -> dict[str, str]:
    return {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM", "CI")
    }


# --------------------------------------------------------------------------- claims as args


def test_each_argument_is_one_claim() -> None:
    result = run(SUPPORTED, CONTRADICTED, UNKNOWN, "--format", "jsonl")
    assert result.exit_code == 1
    assert [(row["claim"], row["verdict"], row["location"]) for row in jsonl(result)] == [
        (SUPPORTED, "supported", None),
        (CONTRADICTED, "contradicted", None),
        (UNKNOWN, "unknown", None),
    ]
    assert result.stderr == ""


def test_an_argument_is_checked_even_when_a_draft_would_skip_it() -> None:
    result = run("SUBSCRIBE", "", "--format", "jsonl")
    assert verdicts(result) == ["unknown", "unknown"]
    assert result.exit_code == 0


def test_text_report_for_a_contradicted_claim() -> None:
    result = run(CONTRADICTED)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"contradicted: {CONTRADICTED}"
    assert "    suggestion: Perseverance weighs 2,263 pounds." in lines
    assert lines[-1] == "checked 1: 0 supported, 1 contradicted, 0 unknown, 0 skipped"


def test_the_readme_example() -> None:
    result = run(README_EXAMPLE)
    assert result.stdout.splitlines()[:2] == [
        f"contradicted: {README_EXAMPLE}",
        "    reason: landing date differs: the claim says Feb. 19, 2021, the sources say February 18, 2021 (Fox News, 2022-02-18)",  # noqa: E501
    ]
    assert "    suggestion: Perseverance landed on February 18, 2021." in result.stdout.splitlines()
    assert result.exit_code == 1


# ------------------------------------------------------------------------------ files, stdin


def test_file(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(
        f"Intro words.\n\nIt was sunny. {CONTRADICTED}\n", encoding="utf-8"
    )
    result = run("-f", "notes.txt", "--format", "jsonl")
    assert result.exit_code == 1
    rows = [row for row in jsonl(result) if row["verdict"] == "contradicted"]
    assert [row["location"] for row in rows] == [{"path": "notes.txt", "line": 3, "column": 15}]


def test_several_files_are_reported_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SUPPORTED + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(CONTRADICTED + "\n", encoding="utf-8")
    result = run("-f", "a.txt", "--file", "b.txt", "--format", "jsonl")
    assert [(r["location"]["path"], r["verdict"]) for r in jsonl(result)] == [
        ("a.txt", "supported"),
        ("b.txt", "contradicted"),
    ]


def test_file_dash_is_standard_input() -> None:
    result = run("-f", "-", "--format", "jsonl", input=f"Hello there.\n{CONTRADICTED}\n")
    assert result.exit_code == 1
    assert [r["location"] for r in jsonl(result)] == [{"path": None, "line": 2, "column": 1}]


def test_piped_standard_input() -> None:
    result = run(input=f"{CONTRADICTED}\n")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"<stdin>:1:1: contradicted: {CONTRADICTED}\n")


def test_arguments_and_files_together(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CONTRADICTED + "\n", encoding="utf-8")
    result = run(SUPPORTED, "-f", "a.md", "--format", "jsonl", input="ignored: not read\n")
    assert [(r["verdict"], r["location"] and r["location"]["path"]) for r in jsonl(result)] == [
        ("supported", None),
        ("contradicted", "a.md"),
    ]


def test_paths_treats_arguments_as_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(SUPPORTED + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(CONTRADICTED + "\n", encoding="utf-8")
    result = run("--paths", "a.md", "b.txt", "--format", "jsonl")
    assert result.exit_code == 1
    assert [r["location"]["path"] for r in jsonl(result)] == ["a.md", "b.txt"]


def test_paths_without_files_checks_nothing() -> None:
    result = run("--paths", input=f"{CONTRADICTED}\n")
    assert result.exit_code == 0
    assert result.stdout == "checked 0: 0 supported, 0 contradicted, 0 unknown, 0 skipped\n"


def test_nothing_to_check_on_a_terminal_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_is_terminal", lambda stream: True)
    result = run()
    assert result.exit_code == 2
    assert result.stderr == (
        "percycheck: error: nothing to check: give a file, a folder, a claim, or pipe text in (see 'percycheck --help')\n"
    )
    assert result.stdout == ""


def test_empty_standard_input_checks_nothing() -> None:
    result = run(input="")
    assert result.exit_code == 0
    assert result.stdout == "checked 0: 0 supported, 0 contradicted, 0 unknown, 0 skipped\n"


def test_skipped_sentences_are_counted_not_reported() -> None:
    text = f"SUBSCRIBE\n\nCreate a free account to continue reading\n\nWhat is Jezero?\n\n{SUPPORTED}\n"  # noqa: E501
    result = run("--format", "json", input=text)
    document = json.loads(result.stdout)
    assert [r["claim"] for r in document["results"]] == [SUPPORTED]
    assert document["summary"] == {
        "checked": 1,
        "supported": 1,
        "contradicted": 0,
        "unknown": 0,
        "skipped": 3,
    }


# --------------------------------------------------------------------------------- --lines


def test_lines_makes_every_non_empty_line_one_claim() -> None:
    text = f"SUBSCRIBE\nIt is big. It is red.\n\n\t{CONTRADICTED}\n"
    result = run("--lines", "--format", "jsonl", input=text)
    rows = jsonl(result)
    assert [(r["claim"], r["location"]["line"], r["location"]["column"]) for r in rows] == [
        ("SUBSCRIBE", 1, 1),
        ("It is big. It is red.", 2, 1),
        (CONTRADICTED, 4, 2),
    ]
    assert result.exit_code == 1


def test_lines_still_honours_suppression() -> None:
    text = f"{CONTRADICTED} # percycheck: ignore\n{SUPPORTED}\n"
    result = run("--lines", "--format", "json", input=text)
    document = json.loads(result.stdout)
    assert [r["claim"] for r in document["results"]] == [SUPPORTED]
    assert document["summary"]["skipped"] == 1
    assert result.exit_code == 0


# ----------------------------------------------------------------------- Markdown or plain

FENCED = f"Some notes.\n\n```\n{CONTRADICTED}\n```\n"


def test_txt_is_plain_so_a_fence_is_checked(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(FENCED, encoding="utf-8")
    assert run("-f", "notes.txt").exit_code == 1
    assert run("-f", "notes.txt", "--markdown").exit_code == 0


def test_md_is_markdown_unless_plain_is_asked_for(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(FENCED, encoding="utf-8")
    assert run("-f", "notes.md").exit_code == 0
    result = run("-f", "notes.md", "--plain", "--format", "jsonl")
    assert result.exit_code == 1
    assert [r["location"]["line"] for r in jsonl(result) if r["verdict"] == "contradicted"] == [4]


def test_standard_input_is_markdown_by_its_look() -> None:
    assert run(input=FENCED).exit_code == 0  # a fence: Markdown, the code is not checked
    assert run("--plain", input=FENCED).exit_code == 1


def test_markdown_front_matter_comments_code_and_urls_are_not_checked() -> None:
    text = (
        f"---\ntitle: {CONTRADICTED}\n---\n\n"
        f"<!-- {CONTRADICTED} -->\n\n"
        f"Try `{CONTRADICTED}` in a terminal.\n\n"
        f"    {CONTRADICTED}\n\n"
        "Read [the story](https://example.com/Perseverance-landed-on-Feb-19-2021).\n"
    )
    result = run("--markdown", "--format", "jsonl", input=text)
    assert "contradicted" not in verdicts(result)
    assert result.exit_code == 0


# ---------------------------------------------------------------- locations and suppression


@pytest.mark.parametrize("suffix", ["txt", "md"])
def test_locations_survive_crlf_and_tabs(tmp_path: Path, suffix: str) -> None:
    line = f"Perseverance\tis a rover. {CONTRADICTED}"
    (tmp_path / f"cli-crlf.{suffix}").write_bytes(f"Intro words here.\r\n\r\n{line}\r\n".encode())
    result = run("-f", f"cli-crlf.{suffix}", "--format", "jsonl")
    rows = [r for r in jsonl(result) if r["verdict"] == "contradicted"]
    column = line.index(CONTRADICTED) + 1  # a tab is one character
    assert [r["location"] for r in rows] == [
        {"path": f"cli-crlf.{suffix}", "line": 3, "column": column}
    ]


def test_a_leading_tab_counts_as_one_column(tmp_path: Path) -> None:
    (tmp_path / "tab.txt").write_bytes(f"\t{CONTRADICTED}\r\n".encode())
    result = run("-f", "tab.txt", "--format", "jsonl")
    assert [r["location"] for r in jsonl(result)] == [{"path": "tab.txt", "line": 1, "column": 2}]


def test_a_bom_does_not_shift_columns(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + CONTRADICTED.encode() + b"\n")
    result = run("-f", "bom.txt", "--format", "jsonl")
    assert [r["location"]["column"] for r in jsonl(result)] == [1]


@pytest.mark.parametrize(("mode", "skipped"), [("--markdown", 2), ("--plain", 4)])
def test_ignore_and_ignore_next_line(mode: str, skipped: int) -> None:
    text = (
        f"{CONTRADICTED} <!-- percycheck: ignore -->\n\n"
        "<!-- percycheck: ignore-next-line -->\n"
        f"{CONTRADICTED}\n\n"
        f"{SUPPORTED}\n"
    )
    result = run(mode, "--format", "json", input=text)
    document = json.loads(result.stdout)
    assert [r["claim"] for r in document["results"]] == [SUPPORTED]
    # In plain text the comments are sentences too (skipped); in Markdown they are not prose.
    assert document["summary"]["skipped"] == skipped
    assert result.exit_code == 0


# --------------------------------------------------------------------------------- formats


def test_jsonl_lines_carry_the_contract_keys() -> None:
    result = run(SUPPORTED, UNKNOWN, "--format", "jsonl")
    rows = jsonl(result)
    assert len(rows) == 2
    for row in rows:
        assert list(row) == CONTRACT_KEYS
        assert row["verdict"] in ("supported", "contradicted", "unknown")
        assert 0.0 <= row["confidence"] <= 1.0
        assert isinstance(row["reason"], str) and row["reason"]
        for citation in row["citations"]:
            assert list(citation) == CITATION_KEYS
    supported = rows[0]
    assert list(supported["fact"]) == ["id", "statement"]
    assert supported["citations"]
    assert rows[1]["fact"] is None and rows[1]["citations"] == []


def test_jsonl_location_keys() -> None:
    row = jsonl(run("--format", "jsonl", input=CONTRADICTED))[0]
    assert row["location"] == {"path": None, "line": 1, "column": 1}
    assert row["suggestion"] == "Perseverance weighs 2,263 pounds."


def test_json_is_one_document_with_a_summary() -> None:
    result = run(SUPPORTED, CONTRADICTED, "--format", "json")
    document = json.loads(result.stdout)
    assert list(document) == ["results", "summary"]
    assert [list(r) for r in document["results"]] == [CONTRACT_KEYS, CONTRACT_KEYS]
    assert document["summary"] == {
        "checked": 2,
        "supported": 1,
        "contradicted": 1,
        "unknown": 0,
        "skipped": 0,
    }


def test_github_annotates_findings_only(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        f"{SUPPORTED}\n\n{UNKNOWN}\n\n{CONTRADICTED}\n", encoding="utf-8"
    )
    result = run("-f", "a.md", "--format", "github")
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::warning file=a.md,line=3,col=1,title=percycheck%3A unknown::")
    assert lines[1].startswith("::error file=a.md,line=5,col=1,title=percycheck%3A contradicted::")
    assert result.exit_code == 1


def test_sarif_is_a_sarif_log(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"{SUPPORTED}\n\n{CONTRADICTED}\n", encoding="utf-8")
    result = run("-f", "a.md", "--format", "sarif")
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    [found] = log["runs"][0]["results"]
    assert found["ruleId"] == "percycheck/contradicted"
    assert found["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 1}
    assert log["runs"][0]["properties"]["summary"]["checked"] == 2


def test_unknown_format_is_a_usage_error() -> None:
    result = run("--format", "xml", SUPPORTED)
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


# ---------------------------------------------------------------------------------- --fail-on


@pytest.mark.parametrize(
    ("fail_on", "claim", "status"),
    [
        (None, SUPPORTED, 0),
        (None, UNKNOWN, 0),
        (None, CONTRADICTED, 1),
        ("contradicted", SUPPORTED, 0),
        ("contradicted", UNKNOWN, 0),
        ("contradicted", CONTRADICTED, 1),
        ("unknown", SUPPORTED, 0),
        ("unknown", UNKNOWN, 1),
        ("unknown", CONTRADICTED, 1),
        ("never", SUPPORTED, 0),
        ("never", UNKNOWN, 0),
        ("never", CONTRADICTED, 0),
    ],
)
def test_fail_on(fail_on: str | None, claim: str, status: int) -> None:
    args = [claim] + (["--fail-on", fail_on] if fail_on else [])
    assert run(*args).exit_code == status


def test_fail_on_counts_every_input() -> None:
    assert run(SUPPORTED, UNKNOWN, SUPPORTED, "--fail-on", "unknown").exit_code == 1


# ------------------------------------------------------------------------------ facts files


def test_facts_uses_another_file() -> None:
    result = run(
        "--facts",
        str(CLI_FACTS),
        "Perseverance rolls on six wheels.",
        SUPPORTED,
        "--format",
        "jsonl",
    )
    rows = jsonl(result)
    assert [r["verdict"] for r in rows] == ["supported", "unknown"]
    assert rows[0]["fact"]["id"] == "wheel-count"
    assert rows[0]["citations"][0]["publisher"] == "Test Gazette"


def test_missing_facts_file_is_one_line() -> None:
    result = run("--facts", "nowhere.yaml", SUPPORTED)
    assert result.exit_code == 2
    assert result.stderr == "percycheck: error: nowhere.yaml: no such facts file\n"
    assert result.stdout == ""


def test_invalid_facts_file_is_one_line() -> None:
    result = run("--facts", str(DATA / "cli-bad-facts.yaml"), SUPPORTED)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert re.match(
        r"percycheck: error: .*cli-bad-facts\.yaml:\d+: .*\(and 1 more problems?\)$", result.stderr
    )


def test_validate_facts_valid() -> None:
    result = run("--validate-facts", str(CLI_FACTS))
    assert result.exit_code == 0
    assert result.stdout == f"{CLI_FACTS}: valid: 1 facts, 1 citations, 2 entities, 1 sources\n"


def test_validate_facts_builtin() -> None:
    result = run("--validate-facts", str(ROOT / "facts.yaml"))
    assert result.exit_code == 0
    assert ": valid: " in result.stdout


def test_validate_facts_lists_every_problem() -> None:
    bad = DATA / "cli-bad-facts.yaml"
    result = run("--validate-facts", str(bad))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"percycheck: {bad}:16: fact wheel-count: unknown source 'nowhere'",
        f"percycheck: {bad}:18: duplicate fact id 'wheel-count'",
    ]


# ------------------------------------------------------------------------------------ colour


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # not a terminal
        (("--color", "never"), {}, False),
        (("--color", "always"), {}, True),
        (("--color", "always"), {"NO_COLOR": "1"}, True),  # the explicit option wins
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "auto"), {"NO_COLOR": "1"}, False),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        ((), {"NO_COLOR": ""}, False),  # an empty NO_COLOR is unset
    ],
)
def test_color(args: Sequence[str], env: dict[str, str], coloured: bool) -> None:
    result = run(CONTRADICTED, *args, env=env)
    assert (ANSI in result.stdout) is coloured
    assert result.exit_code == 1


def test_color_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_is_terminal", lambda stream: True)
    assert ANSI in run(CONTRADICTED).stdout
    assert ANSI not in run(CONTRADICTED, env={"NO_COLOR": "1"}).stdout
    assert ANSI not in run(CONTRADICTED, env={"TERM": "dumb"}).stdout


def test_machine_formats_are_never_coloured() -> None:
    for fmt in ("json", "jsonl", "github", "sarif"):
        assert ANSI not in run(CONTRADICTED, "--format", fmt, "--color", "always").stdout


# ------------------------------------------------------------------------------- --explain


def test_explain_shows_the_quote_in_its_source() -> None:
    result = run(
        "--facts",
        str(CLI_FACTS),
        "--explain",
        "Perseverance rolls on six wheels.",
        env={"COLUMNS": "200"},
    )
    assert (
        "    Test Gazette, 2024-01-02 — Engineers checked it twice. »Perseverance rolls on six wheels.« Each wheel is made of aluminium.\n"  # noqa: E501
        in result.stdout
    )
    assert result.stdout.count("Perseverance rolls on six wheels.") == 2  # the claim, and once in its context
    assert "»" not in run("--facts", str(CLI_FACTS), "Perseverance rolls on six wheels.").stdout


def test_explain_with_the_builtin_facts() -> None:
    result = run("--explain", CONTRADICTED, env={"COLUMNS": "400"})
    assert "including new distance records. »" in result.stdout  # the sentence before, clipped
    assert (
        "»The 2,263-pound robotic geologist collected the first rock core samples" in result.stdout
    )
    assert result.exit_code == 1


def _gazette_citation(quote: str, source: str = "cli-gazette") -> Citation:
    return Citation(source, "A tiny source", "Test Gazette", "2024-01-02", None, quote)


def test_citation_context_marks_the_quote_between_its_neighbours() -> None:
    base = api.load_facts(CLI_FACTS)
    context = api.citation_context(base, _gazette_citation("Perseverance rolls on six wheels."))
    assert (
        context
        == "Engineers checked it twice. »Perseverance rolls on six wheels.« Each wheel is made of aluminium."  # noqa: E501
    )


def test_citation_context_at_the_edges_of_the_source() -> None:
    base = api.load_facts(CLI_FACTS)
    assert api.citation_context(base, _gazette_citation("The rover is big.")) == (
        "»The rover is big.« Engineers checked it twice."
    )
    assert api.citation_context(base, _gazette_citation("That is all.")) == (
        "Each wheel is made of aluminium. »That is all.«"
    )


def test_citation_context_of_part_of_a_sentence() -> None:
    base = api.load_facts(CLI_FACTS)
    assert api.citation_context(base, _gazette_citation("six wheels")) == (
        "Engineers checked it twice. Perseverance rolls on »six wheels«. Each wheel is made of aluminium."  # noqa: E501
    )


def test_citation_context_none_when_it_cannot_help() -> None:
    base = api.load_facts(CLI_FACTS)
    assert api.citation_context(base, _gazette_citation("Not in the text at all.")) is None
    assert (
        api.citation_context(base, _gazette_citation("The rover is big.", source="elsewhere"))
        is None
    )


def test_citation_context_finds_a_quote_with_tidied_spacing() -> None:
    base = api.load_facts(CLI_FACTS)
    context = api.citation_context(base, _gazette_citation("Engineers   checked\nit twice."))
    assert context is not None and "»Engineers checked it twice.«" in context


def test_citation_context_is_short_for_every_builtin_citation() -> None:
    base = api.load_facts()
    seen = 0
    for fact in base.facts:
        for citation in fact.citations:
            context = api.citation_context(base, citation)
            if context is None:
                continue
            seen += 1
            quote = " ".join(citation.quote.split())
            assert f"»{quote}«" in context
            assert len(context) <= max(api.CONTEXT_CHARS, len(quote) + 2)
            assert "  " not in context and "\n" not in context
    assert seen > 100


# ------------------------------------------------------------------- --list-facts, --search


def test_list_facts() -> None:
    result = run("--list-facts")
    base = api.load_facts()
    lines = result.stdout.splitlines()
    assert len(lines) == len(base.facts)
    assert any(
        line.startswith("landing-date: Perseverance landed on Mars on February 18, 2021. [")
        for line in lines
    )
    assert result.exit_code == 0


def test_list_facts_as_json_and_jsonl() -> None:
    document = json.loads(run("--list-facts", "--format", "json", "--facts", str(CLI_FACTS)).stdout)
    assert document == [
        {
            "id": "wheel-count",
            "statement": "Perseverance rolls on six wheels.",
            "sources": ["cli-gazette"],
        }
    ]
    rows = jsonl(run("--list-facts", "--format", "jsonl"))
    assert len(rows) == len(api.load_facts().facts)
    assert all(list(row) == ["id", "statement", "sources"] for row in rows)


def test_search() -> None:
    result = run("--search", "landing date")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("landing-date: ")
    assert len(result.stdout.splitlines()) <= api.SEARCH_LIMIT


def test_search_json() -> None:
    rows = json.loads(run("--search", "weight", "--format", "json").stdout)
    assert "mass" in [row["id"] for row in rows]


def test_search_without_a_match() -> None:
    result = run("--search", "zzzqqqxxy")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "percycheck: no fact matches 'zzzqqqxxy'\n"


def test_search_facts_puts_the_fact_with_that_id_first() -> None:
    assert api.search_facts("landing-date")[0].id == "landing-date"
    assert [f.id for f in api.search_facts("mass")][:1] == ["mass"]
    assert api.search_facts("   ") == []


def test_search_facts_falls_back_to_a_substring(monkeypatch: pytest.MonkeyPatch) -> None:
    base = api.load_facts(CLI_FACTS)
    monkeypatch.setattr(type(api.engine(base).index.retriever), "candidates", lambda self, *a, **k: [])
    assert [f.id for f in api.search_facts("ROLLS ON six", base)] == ["wheel-count"]
    assert [f.id for f in api.search_facts("wheel-c", base)] == ["wheel-count"]
    assert api.search_facts("tyres", base) == []


# ------------------------------------------------------------------------ --version, --help


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"percycheck, version {__version__}\n"
    assert run("-V").stdout == result.stdout


def test_help_lists_every_option() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: percycheck [OPTIONS] [PATH | CLAIM]...")
    for param in cli.command.params:
        for opt in param.opts:
            if opt.startswith("-"):
                assert opt in result.stdout, opt
    assert run("-h").stdout == result.stdout


def test_readme_documents_every_option() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("<!-- cli-start -->") : readme.index("<!-- cli-end -->")]
    for param in cli.command.params:
        for opt in (*param.opts, *param.secondary_opts):
            if opt.startswith("-"):
                assert f"`{opt}" in section or f" {opt}" in section, opt
    for needed in ("--format github", "upload-sarif", ".pre-commit-config.yaml", "id: percycheck"):
        assert needed in section


def test_pre_commit_hook_definition() -> None:
    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "percycheck"
    assert hook["entry"] == "percycheck --paths"
    assert hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert all(pattern.search(name) for name in ("a.md", "docs/b.markdown", "c.txt"))
    assert not any(pattern.search(name) for name in ("a.py", "md", "notes.mdx.bak"))


# ---------------------------------------------------------------------------- configuration


def test_config_from_dotfile(tmp_path: Path) -> None:
    (tmp_path / ".percycheck.toml").write_text(
        'format = "jsonl"\nfail-on = "never"\n', encoding="utf-8"
    )
    result = run(CONTRADICTED)
    assert result.exit_code == 0
    assert verdicts(result) == ["contradicted"]


def test_config_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.percycheck]\nfail-on = "unknown"\n', encoding="utf-8"
    )
    assert run(UNKNOWN).exit_code == 1


def test_config_is_found_from_a_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".percycheck.toml").write_text('format = "json"\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    assert "summary" in json.loads(run(SUPPORTED).stdout)


def test_command_line_wins_over_config(tmp_path: Path) -> None:
    (tmp_path / ".percycheck.toml").write_text(
        'format = "jsonl"\nfail-on = "never"\ncolor = "always"\nexplain = true\n', encoding="utf-8"
    )
    result = run(
        CONTRADICTED,
        "--format",
        "text",
        "--fail-on",
        "contradicted",
        "--color",
        "never",
        "--no-explain",
    )
    assert result.exit_code == 1
    assert result.stdout.startswith(f"contradicted: {CONTRADICTED}\n")
    assert ANSI not in result.stdout and "»" not in result.stdout


def test_config_booleans(tmp_path: Path) -> None:
    (tmp_path / ".percycheck.toml").write_text(
        "lines = true\nexplain = true\nmarkdown = false\n", encoding="utf-8"
    )
    text = f"```\n{CONTRADICTED}\n```\n"
    result = run("--show", "all", input=text)
    assert result.stdout.splitlines()[0] == "<stdin>:1:1: unknown: ```"  # lines: every line a claim
    assert "»" in result.stdout  # explain
    assert run("--no-lines", input=text).exit_code == 1  # plain, so the fence is prose


def test_config_facts_relative_to_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(CLI_FACTS, tmp_path / "facts.yaml")
    shutil.copyfile(DATA / "cli-source.txt", tmp_path / "cli-source.txt")
    (tmp_path / ".percycheck.toml").write_text('facts = "facts.yaml"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert run("--list-facts").stdout.startswith("wheel-count: ")
    assert run("--list-facts", "--facts", str(ROOT / "facts.yaml")).stdout.count("\n") > 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fromat = "json"\n', "unknown setting 'fromat'"),
        ('format = "xml"\n', "format must be one of text, json, jsonl, github, sarif, not 'xml'"),
        ("format = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_exit_2_and_one_line(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / ".percycheck.toml").write_text(text, encoding="utf-8")
    result = run(SUPPORTED)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"percycheck: error: {tmp_path / '.percycheck.toml'}: ")
    assert message in result.stderr


def test_bad_config_does_not_stop_help_or_version(tmp_path: Path) -> None:
    (tmp_path / ".percycheck.toml").write_text("oops = 1\n", encoding="utf-8")
    assert run("--version").exit_code == 0
    assert run("--help").exit_code == 0


# --------------------------------------------------------------------------- input errors


def test_missing_file_is_one_line() -> None:
    result = run("-f", "missing.md")
    assert result.exit_code == 2
    assert result.stderr == "percycheck: error: missing.md: no such file\n"
    assert result.stdout == ""


def test_a_folder_given_with_f_is_walked_too(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(f"{CONTRADICTED}\n", encoding="utf-8")
    result = run("-f", "docs")
    assert result.exit_code == 1
    assert result.stdout.startswith("docs/a.md:1:1: contradicted:")


def test_binary_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
    result = run("-f", "image.md")
    assert result.exit_code == 2
    assert result.stderr == "percycheck: error: image.md: binary file (NUL bytes), not checked\n"


def test_invalid_utf8_is_a_warning_and_the_rest_is_checked(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(
        b"Caf\xe9 notes here.\n\n" + CONTRADICTED.encode() + b"\n"
    )
    result = run("-f", "latin1.txt")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "percycheck: warning: latin1.txt:1: invalid UTF-8; undecodable bytes replaced with U+FFFD\n"  # noqa: E501
    )
    assert "latin1.txt:3:1: contradicted:" in result.stdout


def test_interrupt_is_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> Iterator[object]:
        raise KeyboardInterrupt
        yield  # pragma: no cover

    monkeypatch.setattr(api, "iter_check", interrupted)
    result = run(SUPPORTED)
    assert result.exit_code == 130
    assert result.stderr == "percycheck: interrupted\n"


# ------------------------------------------------------------------------------ main(argv)


def test_main_returns_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([SUPPORTED]) == 0
    assert cli.main([CONTRADICTED]) == 1
    assert cli.main(["--version"]) == 0
    capsys.readouterr()
    assert cli.main(["-f", "missing.md"]) == 2
    assert capsys.readouterr().err == "percycheck: error: missing.md: no such file\n"
    assert cli.main(["--no-such-option"]) == 2
    assert "No such option" in capsys.readouterr().err


def test_main_interrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_with_config", interrupted)
    assert cli.main([SUPPORTED]) == 130
    assert capsys.readouterr().err == "percycheck: interrupted\n"


# ---------------------------------------------------------------------------- progress bar


def test_progress_bar_only_for_long_runs_reported_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ttys: set[str] = set()
    monkeypatch.setattr(
        cli,
        "_is_terminal",
        lambda stream: {sys.stdout: "stdout", sys.stderr: "stderr"}.get(stream) in ttys,
    )
    many = cli.PROGRESS_THRESHOLD + 1
    assert type(cli._progress(many)) is cli._NoProgress  # no terminal at all
    ttys.update({"stderr", "stdout"})
    assert type(cli._progress(many)) is cli._NoProgress  # the report streams to the terminal
    ttys.discard("stdout")
    assert type(cli._progress(cli.PROGRESS_THRESHOLD)) is cli._NoProgress  # short run
    monkeypatch.setenv("CI", "true")
    assert type(cli._progress(many)) is cli._NoProgress
    monkeypatch.delenv("CI")
    bar = cli._progress(many)
    assert isinstance(bar, cli._Progress)
    bar()
    bar.close()


# ------------------------------------------------------------------------------ golden text

GOLDEN = """\
unknown: Percy is painted a cheerful bright green.
    reason: no fact in the sources covers this topic
<stdin>:1:1: supported: Perseverance rolls on six wheels.
    reason: matches wheel-count: Perseverance, 6 wheels (Test Gazette,
      2024-01-02)
    Test Gazette, 2024-01-02 — Engineers checked it twice. »Perseverance rolls
      on six wheels.« Each wheel is made of aluminium.

checked 2: 1 supported, 0 contradicted, 1 unknown, 0 skipped
"""


def test_golden_text_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_is_terminal", lambda stream: stream is not sys.stdin)
    result = run(
        "--facts", str(CLI_FACTS), "--explain", "--show", "all", "-f", "-", UNKNOWN,
        input="Perseverance rolls on six wheels.\n",
        env={"COLUMNS": "80", "NO_COLOR": "1"},
    )  # fmt: skip
    assert result.stdout == GOLDEN
    assert result.exit_code == 0
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def test_narrow_terminal_wraps_within_its_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_is_terminal", lambda stream: True)
    result = run(CONTRADICTED, env={"COLUMNS": "50", "NO_COLOR": "1"})
    assert all(len(line) <= 50 for line in result.stdout.splitlines())
    assert len(result.stdout.splitlines()) > 6


def test_a_pipe_is_never_wrapped_whatever_columns_says() -> None:
    result = run(CONTRADICTED, env={"COLUMNS": "50"})
    lines = result.stdout.splitlines()
    assert lines[1] == (
        "    reason: mass differs: the claim says 2,623 pounds, the sources say 2,263 lb (Fox News, 2022-02-18)"
    )
    assert max(map(len, lines)) > 150  # the quote is on one line
    assert ANSI not in result.stdout


# ------------------------------------------------------------------- the acceptance draft


def test_draft_fixture_is_what_the_tests_expect() -> None:
    lines = DRAFT.read_text(encoding="utf-8").splitlines()
    assert lines[DRAFT_LINE - 1][DRAFT_COLUMN - 1 :] == DRAFT_CLAIM
    text = DRAFT.read_text(encoding="utf-8")
    # the false claims that must not be reported: front matter, fence, inline code, ignored line
    assert text.count("Feb. 19, 2021") >= 4 and text.count("2,623 pounds") == 3
    assert "<!-- percycheck: ignore -->" in text and "```" in text and "`percycheck " in text


def contradicted_rows(result: Result) -> list[dict[str, Any]]:
    return [row for row in jsonl(result) if row["verdict"] == "contradicted"]


def test_draft_text(tmp_path: Path) -> None:
    result = run("-f", draft_copy(tmp_path))
    assert result.exit_code == 1
    flagged = [line for line in result.stdout.splitlines() if ": contradicted: " in line]
    assert flagged == [f"draft.md:{DRAFT_LINE}:{DRAFT_COLUMN}: contradicted: {DRAFT_CLAIM}"]
    assert result.stdout.endswith(", 1 contradicted, 0 unknown, 4 skipped\n")


def test_draft_jsonl(tmp_path: Path) -> None:
    result = run("-f", draft_copy(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    rows = jsonl(result)
    assert [r["verdict"] for r in rows if r["verdict"] != "supported"] == ["contradicted"]
    [row] = contradicted_rows(result)
    assert row["claim"] == DRAFT_CLAIM
    assert row["location"] == {"path": "draft.md", "line": DRAFT_LINE, "column": DRAFT_COLUMN}
    assert row["fact"]["id"] == "mass"


def test_draft_json(tmp_path: Path) -> None:
    result = run("-f", draft_copy(tmp_path), "--format", "json")
    document = json.loads(result.stdout)
    found = [r for r in document["results"] if r["verdict"] != "supported"]
    assert [(r["claim"], r["location"]) for r in found] == [
        (DRAFT_CLAIM, {"path": "draft.md", "line": DRAFT_LINE, "column": DRAFT_COLUMN})
    ]
    assert document["summary"]["contradicted"] == 1
    assert result.exit_code == 1


def test_draft_github(tmp_path: Path) -> None:
    result = run("-f", draft_copy(tmp_path), "--format", "github")
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith(
        f"::error file=draft.md,line={DRAFT_LINE},col={DRAFT_COLUMN},title=percycheck%3A contradicted::{DRAFT_CLAIM}%0A"  # noqa: E501
    )


def test_draft_sarif_is_valid_sarif_2_1_0(tmp_path: Path, sarif_problems: Callable[[object], list[str]]) -> None:
    result = run(draft_copy(tmp_path), "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    [found] = log["runs"][0]["results"]
    assert found["properties"]["claim"] == DRAFT_CLAIM
    assert found["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "draft.md"},
        "region": {"startLine": DRAFT_LINE, "startColumn": DRAFT_COLUMN},
    }
    assert sarif_problems(log) == []


def test_check_text_finds_what_the_command_line_reports(tmp_path: Path) -> None:
    name = draft_copy(tmp_path)
    from_cli = jsonl(run("-f", name, "--format", "jsonl"))
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert [verdict_to_dict(r) for r in api.check_text(text, name)] == from_cli
    draft = api.find_claims(text, name)
    assert draft.skipped == 4 and len(draft.claims) == len(from_cli)


def test_installed_entry_point_with_the_draft_on_stdin(tmp_path: Path) -> None:
    done = subprocess.run(
        [entry_point()],
        input=DRAFT.read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        env=clean_env(),
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr == b""
    stdout = done.stdout.decode()
    assert f"<stdin>:{DRAFT_LINE}:{DRAFT_COLUMN}: contradicted: {DRAFT_CLAIM}\n" in stdout
    assert stdout.count(": contradicted: ") == 1


@pytest.mark.parametrize("fmt", ["jsonl", "text"])
def test_broken_pipe_ends_quietly(tmp_path: Path, fmt: str) -> None:
    big = tmp_path / "big.txt"
    big.write_text(
        (ROOT / "sources" / "jpl-2021-02-19.txt").read_text(encoding="utf-8") * 30, encoding="utf-8"
    )
    process = subprocess.Popen(
        [entry_point(), "-f", str(big), "--format", fmt],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=clean_env(),
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    status = process.wait(timeout=120)
    process.stderr.close()
    assert stderr == b""
    if fmt == "jsonl":
        assert status == cli.EXIT_BROKEN_PIPE
    # The text format exits through rich's own broken-pipe handler (status 1), also quietly.


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_is_130_without_a_traceback(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(
        (ROOT / "sources" / "jpl-2021-02-19.txt").read_text(encoding="utf-8") * 30, encoding="utf-8"
    )
    process = subprocess.Popen(
        [entry_point(), "-f", str(big), "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=clean_env(),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()  # checking has begun
    process.send_signal(signal.SIGINT)
    process.stdout.read()
    stderr = process.stderr.read()
    status = process.wait(timeout=120)
    process.stdout.close()
    process.stderr.close()
    assert (status, stderr) == (cli.EXIT_INTERRUPTED, b"percycheck: interrupted\n")


# ------------------------------------------------------------------------- the five sources

# Sentences of the sources that the engine contradicts although the source states them: file
# name -> sentences, each source listed here is marked xfail with its sentences as the reason.
# Empty now; earlier engines contradicted the Fox News "2,263-pound robotic geologist" sentence and
# the JPL "While NASA's Mars Curiosity rover ..." and "HiRISE ... did the same for Curiosity" ones.
KNOWN_CONTRADICTED: dict[str, list[str]] = {}


def _source_param(path: Path) -> Any:
    known = KNOWN_CONTRADICTED.get(path.name)
    marks = (
        [pytest.mark.xfail(reason="engine contradicts its own source: " + " | ".join(known))]
        if known
        else []
    )
    return pytest.param(path, marks=marks, id=path.stem)


@pytest.mark.parametrize("source", [_source_param(path) for path in SOURCES])
def test_piping_a_source_contradicts_nothing(source: Path) -> None:
    result = run("--format", "jsonl", input=source.read_bytes())
    assert result.exit_code == 0, [row["claim"] for row in contradicted_rows(result)]
    assert jsonl(result), "a source states something checkable"


def test_five_sources_are_there() -> None:
    assert len(SOURCES) == 5


def test_navigation_and_subscription_lines_are_skipped() -> None:
    for name in ("natgeo-undated.txt", "jpl-2021-02-19.txt"):
        text = (ROOT / "sources" / name).read_text(encoding="utf-8")
        furniture = {
            number
            for number, line in enumerate(text.splitlines(), 1)
            if re.search(r"SUBSCRIBE|Subscribe|free account to continue|Subscriber", line)
        }
        assert furniture
        result = run("--format", "json", input=text)
        document = json.loads(result.stdout)
        reported = {r["location"]["line"] for r in document["results"]}
        assert not furniture & reported, sorted(furniture & reported)
        assert document["summary"]["skipped"] >= len(furniture)


def test_jobs_give_the_same_results_in_the_same_order(tmp_path: Path) -> None:
    from percycheck.api import PARALLEL_MIN_CLAIMS

    sentences = [
        "Perseverance landed on Feb. 19, 2021.",
        "The rover weighs about 1,030 kg.",
        "Perseverance carries 43 sample tubes.",
        "Ingenuity was the first robotic helicopter to take off on another planet.",
    ]
    lines = [f"{sentences[i % len(sentences)]}" for i in range(PARALLEL_MIN_CLAIMS + 10)]
    draft = tmp_path / "claims.txt"
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = run("--lines", "--format", "jsonl", "-f", str(draft))
    two = run("--lines", "--format", "jsonl", "--jobs", "2", "-f", str(draft))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert len(two.stdout.splitlines()) == len(lines)


def test_jobs_must_not_be_negative() -> None:
    result = run("--jobs", "-1", "Perseverance has six wheels.")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------- paths or claims (issue 11)

DRAFT_40 = ROOT / "examples" / "draft.md"


def test_an_argument_naming_a_file_is_a_path(tmp_path: Path) -> None:
    result = run(draft_copy(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"draft.md:{DRAFT_LINE}:{DRAFT_COLUMN}: contradicted: {DRAFT_CLAIM}\n")


def test_an_argument_naming_nothing_is_a_claim(tmp_path: Path) -> None:
    result = run("missing.md", "--format", "jsonl")
    assert [row["claim"] for row in jsonl(result)] == ["missing.md"]
    assert jsonl(result)[0]["location"] is None


def test_claims_forces_the_claim_reading(tmp_path: Path) -> None:
    draft_copy(tmp_path)
    result = run("--claims", "draft.md", "--format", "jsonl")
    assert [row["claim"] for row in jsonl(result)] == ["draft.md"]
    assert result.exit_code == 0


def test_paths_forces_the_path_reading() -> None:
    result = run("--paths", "missing.md")
    assert result.exit_code == 2
    assert result.stderr == "percycheck: error: missing.md: no such file\n"


def test_paths_and_claims_together_is_a_usage_error() -> None:
    result = run("--paths", "--claims", "x")
    assert result.exit_code == 2
    assert result.stderr.startswith("percycheck: error: --paths and --claims cannot be used together")


def test_a_folder_is_walked_for_drafts(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / ".hidden").mkdir()
    (docs / "build").mkdir()
    for name in ("a.md", "sub/b.markdown", "c.mdx", "d.txt", "e.rst", ".hidden/f.md", "build/g.md", "h.md"):
        (docs / name).write_text(f"{CONTRADICTED}\n", encoding="utf-8")
    (docs / ".gitignore").write_text("build/\nh.md\n", encoding="utf-8")
    result = run("docs", "--format", "jsonl")
    paths = [row["location"]["path"] for row in jsonl(result)]
    assert paths == ["docs/a.md", "docs/c.mdx", "docs/d.txt", "docs/sub/b.markdown"]
    assert result.exit_code == 1


def test_a_folder_without_drafts_warns_and_passes(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for args in (["empty"], ["--paths", "empty"], ["-f", "empty"]):
        result = run(*args, input=f"{CONTRADICTED}\n")  # standard input is not read instead
        assert (result.exit_code, result.stdout) == (0, "checked 0: 0 supported, 0 contradicted, 0 unknown, 0 skipped\n")
        assert result.stderr == "percycheck: warning: empty: no .md, .markdown, .mdx or .txt files\n"


def test_a_glob_of_drafts_fails_like_a_linter(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text(f"{SUPPORTED}\n", encoding="utf-8")
    draft_copy(tmp_path)
    result = run("draft.md", "ok.md")  # what the shell makes of `percycheck *.md`
    assert result.exit_code == 1
    assert "draft.md:23:76: contradicted" in result.stdout


def test_dash_argument_is_standard_input() -> None:
    result = run("-", "--format", "jsonl", input=f"{CONTRADICTED}\n")
    assert jsonl(result)[0]["location"] == {"path": None, "line": 1, "column": 1}


# ---------------------------------------------------------------- standard input's name


def test_stdin_filename_names_standard_input_in_annotations() -> None:
    text = DRAFT.read_text(encoding="utf-8")
    result = run("--format", "github", "--stdin-filename", "docs/draft.md", input=text)
    assert result.stdout.startswith(
        f"::error file=docs/draft.md,line={DRAFT_LINE},col={DRAFT_COLUMN},title=percycheck%3A contradicted::"
    )


def test_stdin_filename_tells_markdown_by_its_extension() -> None:
    fenced = f"```\n{CONTRADICTED}\n```\n"
    assert run("--stdin-filename", "a.txt", input=fenced).exit_code == 1  # plain: the fence is prose
    assert run("--stdin-filename", "a.md", input=fenced).exit_code == 0


def test_stdin_filename_with_f_dash() -> None:
    result = run("-f", "-", "--stdin-filename", "x.md", input=f"{CONTRADICTED}\n")
    assert result.stdout.startswith("x.md:1:1: contradicted:")


# ---------------------------------------------------------------------- findings first


def test_a_draft_report_shows_the_findings_and_one_summary_line() -> None:
    result = run(str(DRAFT_40))
    lines = result.stdout.splitlines()
    assert len(DRAFT_40.read_text(encoding="utf-8").splitlines()) == 40
    assert len(lines) <= 10
    assert [line.split(": ")[1] for line in lines if not line.startswith(" ")][:3] == ["contradicted"] * 3
    assert lines[-1] == "checked 33: 30 supported, 3 contradicted, 0 unknown, 2 skipped"
    assert "supported:" not in result.stdout
    assert result.exit_code == 1


def test_show_all_lists_every_verdict_with_its_quotes() -> None:
    result = run("--show", "all", str(DRAFT_40))
    assert result.stdout.count(": supported: ") == 30
    assert "“The 2,263-pound robotic geologist" in result.stdout
    assert len(result.stdout.splitlines()) > 100


def test_fail_on_unknown_also_shows_the_unknowns(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"{UNKNOWN}\n\n{SUPPORTED}\n", encoding="utf-8")
    assert UNKNOWN not in run("a.md").stdout
    result = run("a.md", "--fail-on", "unknown")
    assert result.stdout.splitlines()[0] == f"a.md:1:1: unknown: {UNKNOWN}"
    assert SUPPORTED not in result.stdout


def test_quiet_leaves_out_the_summary(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"{SUPPORTED}\n", encoding="utf-8")
    result = run("-q", "a.md")
    assert result.stdout == ""
    assert result.exit_code == 0


def test_claims_given_as_arguments_still_show_every_verdict(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"{SUPPORTED}\n", encoding="utf-8")
    result = run(SUPPORTED, "a.md")
    assert result.stdout.splitlines()[0] == f"supported: {SUPPORTED}"
    assert "a.md:1:1" not in result.stdout


def test_machine_formats_keep_every_result_whatever_show_says() -> None:
    assert len(jsonl(run(str(DRAFT_40), "--format", "jsonl"))) == 33


# ---------------------------------------------------------------- Markdown, end to end


def test_inline_code_is_part_of_the_claim_not_a_hole_in_it() -> None:
    result = run("--stdin-filename", "a.md", "--format", "jsonl", input="The mission is managed by `Boeing` for NASA.\n")
    [row] = jsonl(result)
    assert row["claim"] == "The mission is managed by Boeing for NASA."
    assert row["verdict"] != "supported"


def test_deleted_text_and_footnotes_are_not_claims() -> None:
    text = "Perseverance weighs ~~2,623~~ 2,263 pounds.[^1]\n\n[^1]: Perseverance landed on Feb. 19, 2021.\n"
    result = run("--stdin-filename", "a.md", "--format", "jsonl", input=text)
    rows = jsonl(result)
    assert [(r["claim"], r["verdict"]) for r in rows] == [
        ("Perseverance weighs 2,263 pounds.", "supported"),
        ("Perseverance landed on Feb. 19, 2021.", "contradicted"),  # a footnote is prose too
    ]
    assert rows[1]["location"] == {"path": "a.md", "line": 3, "column": 7}


def test_reasons_write_counts_and_durations_as_a_person_would() -> None:
    wheels = run("Perseverance has 7 wheels.").stdout
    assert "the sources say 6 wheels (" in wheels
    trip = run("The trip to Mars lasted almost 8 months.").stdout
    assert "the sources say almost 7 months (" in trip
    assert "6 wheel " not in wheels and "7 month " not in trip
