"""Tests for percycheck.output: every format, built from hand-made results (no engine needed)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from percycheck.models import Citation, FactRef, Location, Result, Summary, Verdict
from percycheck.output import (
    FORMATTERS,
    Formatter,
    get_formatter,
    sanitize,
    verdict_to_dict,
)
from percycheck.output.base import Explain, dumps_json

ROOT = Path(__file__).resolve().parents[1]

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

JPL = Citation(
    source="jpl-2021-02-19",
    title="NASA's Perseverance Mars Rover Lands",
    publisher="NASA JPL",
    date="2021-02-19",
    url="https://www.jpl.nasa.gov/news/touchdown",
    quote="NASA's Mars 2020 Perseverance rover touched down on Mars on Feb. 18, 2021.",
)
NATGEO = Citation(
    source="natgeo-undated",
    title="Perseverance",
    publisher="National Geographic",
    date=None,
    url=None,
    quote="The rover landed in Jezero Crater.",
)
FOX = Citation(
    source="foxnews-2022-02-18",
    title="A year on Mars",
    publisher="Fox News",
    date="2022-02-18",
    url=None,
    quote="A third quote that the text report leaves out.",
)

CONTRADICTED = Result(
    Verdict(
        claim="Perseverance landed on Mars in 2020.",
        verdict="contradicted",
        confidence=0.91234,
        reason="the sources date the landing to 2021-02-18, not 2020",
        fact=FactRef("landing-date", "Perseverance landed on Mars on 18 February 2021."),
        citations=(JPL, NATGEO, FOX),
        suggestion="Perseverance landed on Mars on 18 February 2021.",
    ),
    Location("docs/notes.md", 3, 5),
)
UNKNOWN = Result(
    Verdict(
        claim="The rover carries a pet cat.",
        verdict="unknown",
        confidence=0.2,
        reason="no curated fact mentions a cat",
    ),
    Location("docs/notes.md", 7, 1),
)
SUPPORTED = Result(
    Verdict(
        claim="Perseverance landed in Jezero Crater.",
        verdict="supported",
        confidence=0.97,
        reason="matches the landing-site fact",
        fact=FactRef("landing-site", "Perseverance landed in Jezero Crater."),
        citations=(NATGEO,),
    ),
    Location("docs/notes.md", 9, 1),
)
UNLOCATED = Result(
    Verdict(
        claim="Ingenuity flew 72 times.",
        verdict="unknown",
        confidence=0.5,
        reason="no curated fact counts Ingenuity's flights",
    ),
    None,
)
RESULTS = [CONTRADICTED, UNKNOWN, SUPPORTED, UNLOCATED]
SUMMARY = Summary(checked=5, supported=1, contradicted=1, unknown=2, skipped=1)

# ESC ] 0 ; title BEL (OSC set-title), CR, backspace, a C1 CSI and rich markup in one claim.
HOSTILE_CLAIM = "Rover [bold]x[/bold] \x1b]0;pwned\x07 \x1b[31mred\r\x08 \x9b2J end"
HOSTILE = Result(
    Verdict(
        claim=HOSTILE_CLAIM,
        verdict="contradicted",
        confidence=0.8,
        reason="reason with \x1b[2J inside",
        citations=(
            Citation("s", "t", "Pub\x1b[1m", "2021-02-19", None, "quote \x07[italic]q[/italic]"),
        ),
        suggestion="fix \x1b]8;;http://evil\x1b\\link",
    ),
    Location("docs/a\x1b.md", 1, 1),
)


def render(
    name: str,
    results: list[Result] | None = None,
    summary: Summary = SUMMARY,
    *,
    color: bool = False,
    width: int | None = 80,
    explain: Explain | None = None,
) -> str:
    """Drive one formatter through its whole life cycle and return what it wrote."""
    stream = io.StringIO()
    formatter = get_formatter(name)(stream, color=color, width=width, explain=explain)
    formatter.start()
    for result in RESULTS if results is None else results:
        formatter.handle(result)
    formatter.stop(summary)
    return stream.getvalue()


@pytest.fixture
def plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Clear the variables rich reads, so output depends only on the formatter's options."""
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


# --- the table -------------------------------------------------------------------------------


def test_table_has_every_format() -> None:
    assert list(FORMATTERS) == ["text", "json", "jsonl", "github", "sarif"]
    for name in FORMATTERS:
        cls = get_formatter(name)
        assert issubclass(cls, Formatter)
        assert FORMATTERS[name] is cls


def test_unknown_format_names_the_choices() -> None:
    assert "xml" not in FORMATTERS
    with pytest.raises(ValueError, match="choose from text, json, jsonl, github, sarif"):
        get_formatter("xml")
    with pytest.raises(KeyError):
        FORMATTERS["xml"]


def test_machine_formats_and_plain_text_do_not_import_rich() -> None:
    code = (
        "import io, sys\n"
        "from percycheck.output import get_formatter, FORMATTERS\n"
        "from percycheck.models import Summary\n"
        "assert 'text' in FORMATTERS\n"
        "for name in ('json', 'jsonl', 'github', 'sarif', 'text'):\n"
        "    get_formatter(name)(io.StringIO()).stop(Summary())\n"
        "assert 'rich' not in sys.modules, 'rich imported'\n"
        "get_formatter('text')(io.StringIO(), color=True).stop(Summary())\n"
        "assert 'rich' in sys.modules\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_base_handle_must_be_overridden() -> None:
    with pytest.raises(NotImplementedError):
        Formatter(io.StringIO()).handle(SUPPORTED)


# --- sanitize and JSON escaping ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31m", "\\x1b[31m"),
        ("\x07", "\\x07"),
        ("a\rb", "a\\x0db"),
        ("\x08", "\\x08"),
        ("\x00\x7f", "\\x00\\x7f"),
        ("\x9b", "\\x9b"),
        ("\u2028\u202e", "\\u2028\\u202e"),
        ("keep\ttab\nnewline", "keep\ttab\nnewline"),
        ("café — “Jezero”", "café — “Jezero”"),
    ],
)
def test_sanitize(raw: str, shown: str) -> None:
    assert sanitize(raw) == shown


def test_dumps_json_escapes_controls_but_keeps_unicode() -> None:
    value = "é\x1b\x7f\x85\x9f\u2028\u2029\t\n“q”"
    dumped = dumps_json({"v": value})
    assert "é" in dumped and "“q”" in dumped
    assert "\\u001b" in dumped and "\\u007f" in dumped and "\\u0085" in dumped
    assert "\\u2028" in dumped and "\\u2029" in dumped
    assert not any(0x7F <= ord(ch) <= 0x9F or ord(ch) < 0x20 for ch in dumped)
    assert json.loads(dumped) == {"v": value}


# --- json and jsonl ----------------------------------------------------------------------------


def test_verdict_to_dict_is_the_contract() -> None:
    data = verdict_to_dict(CONTRADICTED)
    assert list(data) == CONTRACT_KEYS
    assert data["confidence"] == 0.912
    assert data["fact"] == {
        "id": "landing-date",
        "statement": "Perseverance landed on Mars on 18 February 2021.",
    }
    assert data["location"] == {"path": "docs/notes.md", "line": 3, "column": 5}
    citations = data["citations"]
    assert isinstance(citations, list) and len(citations) == 3
    assert list(citations[0]) == CITATION_KEYS
    assert citations[1]["date"] is None
    unlocated = verdict_to_dict(UNLOCATED)
    assert unlocated["location"] is None
    assert unlocated["fact"] is None
    assert unlocated["suggestion"] is None
    assert unlocated["citations"] == []


def test_jsonl_one_object_per_result() -> None:
    lines = render("jsonl").splitlines()
    assert len(lines) == len(RESULTS)
    parsed = [json.loads(line) for line in lines]
    for obj, result in zip(parsed, RESULTS, strict=True):
        assert list(obj) == CONTRACT_KEYS
        assert obj == json.loads(json.dumps(verdict_to_dict(result)))
    assert [obj["verdict"] for obj in parsed] == [
        "contradicted",
        "unknown",
        "supported",
        "unknown",
    ]


def test_jsonl_streams_and_stop_prints_nothing() -> None:
    class CountingStream(io.StringIO):
        flushes = 0

        def flush(self) -> None:
            self.flushes += 1
            super().flush()

    stream = CountingStream()
    formatter = get_formatter("jsonl")(stream)
    formatter.start()
    formatter.handle(CONTRADICTED)
    assert stream.getvalue().count("\n") == 1
    assert stream.flushes == 1
    formatter.handle(UNKNOWN)
    assert stream.flushes == 2
    before = stream.getvalue()
    formatter.stop(SUMMARY)
    assert stream.getvalue() == before


def test_jsonl_escapes_control_characters() -> None:
    output = render("jsonl", [HOSTILE])
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    assert json.loads(output)["claim"] == HOSTILE_CLAIM


def test_json_document() -> None:
    output = render("json")
    document = json.loads(output)
    assert list(document) == ["results", "summary"]
    assert [list(item) for item in document["results"]] == [CONTRACT_KEYS] * len(RESULTS)
    assert document["summary"] == {
        "checked": 5,
        "supported": 1,
        "contradicted": 1,
        "unknown": 2,
        "skipped": 1,
    }
    assert "\x1b" not in render("json", [HOSTILE])


def test_json_empty_run() -> None:
    document = json.loads(render("json", [], Summary()))
    assert document["results"] == []
    assert document["summary"]["checked"] == 0


# --- github ------------------------------------------------------------------------------------


def test_github_commands() -> None:
    lines = render("github").splitlines()
    assert len(lines) == 3  # supported is not reported, stop adds nothing
    error, warning, unlocated = lines
    assert error.startswith(
        "::error file=docs/notes.md,line=3,col=5,title=percycheck%3A contradicted::"
    )
    message = error.split("::", 2)[2]
    assert message == (
        "Perseverance landed on Mars in 2020."
        "%0Areason: the sources date the landing to 2021-02-18, not 2020"
        "%0Asuggestion: Perseverance landed on Mars on 18 February 2021."
        "%0Asource: NASA JPL, 2021-02-19"
    )
    assert warning.startswith(
        "::warning file=docs/notes.md,line=7,col=1,title=percycheck%3A unknown::"
    )
    assert "suggestion" not in warning
    assert unlocated == (
        "::warning title=percycheck%3A unknown::Ingenuity flew 72 times."
        "%0Areason: no curated fact counts Ingenuity's flights"
    )
    assert "Jezero" not in render("github")


def test_github_escaping() -> None:
    result = Result(
        Verdict(
            claim="100% sure:\nline two\r",
            verdict="contradicted",
            confidence=1.0,
            reason="a, b: c",
            citations=(NATGEO,),
        ),
        Location("dir,1/a:b%.md", 2, 4),
    )
    (line,) = render("github", [result]).splitlines()
    assert line.startswith("::error file=dir%2C1/a%3Ab%25.md,line=2,col=4,")
    message = line.split("::", 2)[2]
    assert message.startswith("100%25 sure:%0Aline two%0D%0Areason: a, b: c")
    assert message.endswith("source: National Geographic, undated")
    assert "\n" not in line and "\r" not in line


def test_github_no_path_omits_file_line_col() -> None:
    result = Result(UNKNOWN.verdict, Location(None, 4, 2))
    (line,) = render("github", [result]).splitlines()
    assert line.startswith("::warning title=percycheck%3A unknown::")


def test_github_sanitizes_control_characters() -> None:
    output = render("github", [HOSTILE])
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    assert "\\x1b]0;pwned\\x07" in output


# --- sarif -------------------------------------------------------------------------------------


def test_sarif_structure() -> None:
    document = json.loads(render("sarif"))
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "percycheck"
    assert driver["informationUri"].startswith("https://")
    assert isinstance(driver["version"], str) and driver["version"]
    rules = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert rules == {"percycheck/contradicted": "error", "percycheck/unknown": "warning"}

    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("percycheck/contradicted", "error"),
        ("percycheck/unknown", "warning"),
        ("percycheck/unknown", "warning"),
    ]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    first = results[0]
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "docs/notes.md"
    assert physical["region"] == {"startLine": 3, "startColumn": 5}
    assert "Perseverance landed on Mars in 2020." in first["message"]["text"]
    assert JPL.quote in first["message"]["text"]
    assert NATGEO.quote in first["message"]["text"]
    assert first["properties"]["citations"][0]["quote"] == JPL.quote
    assert first["properties"]["confidence"] == 0.912
    assert "locations" not in results[2]  # UNLOCATED


def test_sarif_stdin_and_hostile_text() -> None:
    document = json.loads(render("sarif", [Result(HOSTILE.verdict, Location(None, 2, 3))]))
    (result,) = document["runs"][0]["results"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "stdin"
    assert physical["region"] == {"startLine": 2, "startColumn": 3}
    assert "\x1b" not in result["message"]["text"]  # viewers print it raw
    assert result["properties"]["claim"] == HOSTILE_CLAIM  # the exact value is kept


def test_sarif_empty_run_is_valid() -> None:
    document = json.loads(render("sarif", [SUPPORTED], Summary(checked=1, supported=1)))
    assert document["runs"][0]["results"] == []


def test_sarif_output_is_valid_against_the_oasis_schema(sarif_problems: Callable[[object], list[str]]) -> None:
    for results in (RESULTS + [HOSTILE], [SUPPORTED], []):
        document = json.loads(render("sarif", results))
        assert sarif_problems(document) == []


def test_the_schema_check_catches_a_broken_log(sarif_problems: Callable[[object], list[str]]) -> None:
    document = json.loads(render("sarif", RESULTS))
    document["runs"][0]["results"][0]["level"] = "fatal"
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    del document["runs"][0]["tool"]["driver"]["name"]
    problems = sarif_problems(document)
    assert len(problems) == 3, problems
    assert any("'fatal' is not one of" in p for p in problems)


# --- text --------------------------------------------------------------------------------------


def test_text_plain_has_no_escapes_and_all_parts(plain_env: None) -> None:
    output = render("text", RESULTS + [HOSTILE])
    assert "\x1b" not in output
    assert "docs/notes.md:3:5: contradicted: Perseverance landed on Mars in 2020." in output
    assert "    reason: the sources date the landing to 2021-02-18, not 2020" in output
    assert "    suggestion: Perseverance landed on Mars on 18 February 2021." in output
    assert "    National Geographic, undated — “The rover landed in Jezero Crater.”" in output
    assert "unknown: Ingenuity flew 72 times." in output
    assert output.endswith("\n\nchecked 5: 1 supported, 1 contradicted, 2 unknown, 1 skipped\n")


def test_text_prints_markup_and_controls_literally(plain_env: None) -> None:
    output = render("text", [HOSTILE], width=200)
    for raw in ("\x1b", "\x07", "\x08", "\r", "\x9b"):
        assert raw not in output
    assert "[bold]x[/bold]" in output
    assert "[italic]q[/italic]" in output
    assert "\\x1b]0;pwned\\x07 \\x1b[31mred\\x0d\\x08 \\x9b2J end" in output
    assert "docs/a\\x1b.md:1:1:" in output
    assert "suggestion: fix \\x1b]8;;http://evil\\x1b\\link" in output


def test_text_suggestion_only_when_contradicted(plain_env: None) -> None:
    result = Result(Verdict("claim", "unknown", 0.3, "no fact", suggestion="do not show"), None)
    assert "do not show" not in render("text", [result])


def test_text_at_most_two_citations(plain_env: None) -> None:
    output = render("text", [CONTRADICTED], width=200)
    assert JPL.quote in output and NATGEO.quote in output
    assert FOX.quote not in output
    assert "(+1 more citation)" in output


def test_text_explain_context(plain_env: None) -> None:
    def explain(citation: Citation) -> str | None:
        if citation.source == "jpl-2021-02-19":
            return "…after a seven-month journey, \x1b[5mthe rover touched down…"
        return None

    output = render("text", [CONTRADICTED], width=200, explain=explain)
    lines = output.splitlines()
    # The context replaces the bare quote (it holds the quote already): nothing is said twice.
    assert JPL.quote not in output
    assert lines[3] == "    NASA JPL, 2021-02-19 — …after a seven-month journey, \\x1b[5mthe rover touched down…"
    assert NATGEO.quote in lines[4]


def test_text_wraps_to_width(plain_env: None) -> None:
    odd = [
        Result(Verdict(claim, "unknown", 0.1, "r"), None)
        for claim in ("", "two\n\nparagraphs", "x" * 130, "tab\tand  spaces " * 8, "word " * 40)
    ]
    for width in (40, 80):
        output = render("text", RESULTS + odd, width=width)
        for line in output.splitlines():
            assert len(line) <= width
            assert line == line.rstrip()
        assert "x" * 30 in output  # a word too long for a line is folded, not lost
        assert output.count("word") == 40


def test_text_colour_on_emits_ansi(plain_env: None) -> None:
    output = render("text", color=True)
    assert "\x1b[" in output
    assert "\x1b[1;31mcontradicted" in output
    assert "\x1b[1;32msupported" in output
    assert "\x1b[1;33munknown" in output
    hostile = render("text", [HOSTILE], color=True, width=200)
    assert "\x1b]0;pwned" not in hostile
    assert "[bold]x[/bold]" in hostile


def test_text_empty_run(plain_env: None) -> None:
    assert render("text", [], Summary()) == (
        "checked 0: 0 supported, 0 contradicted, 0 unknown, 0 skipped\n"
    )


GOLDEN_TEXT = """\
docs/notes.md:3:5: contradicted: Perseverance landed on Mars in 2020.
    reason: the sources date the landing to 2021-02-18, not 2020
    suggestion: Perseverance landed on Mars on 18 February 2021.
    NASA JPL, 2021-02-19 — “NASA's Mars 2020 Perseverance rover touched down on
      Mars on Feb. 18, 2021.”
    National Geographic, undated — “The rover landed in Jezero Crater.”
    (+1 more citation)
docs/notes.md:7:1: unknown: The rover carries a pet cat.
    reason: no curated fact mentions a cat
docs/notes.md:9:1: supported: Perseverance landed in Jezero Crater.
    reason: matches the landing-site fact
    National Geographic, undated — “The rover landed in Jezero Crater.”
unknown: Ingenuity flew 72 times.
    reason: no curated fact counts Ingenuity's flights

checked 5: 1 supported, 1 contradicted, 2 unknown, 1 skipped
"""


def test_text_golden(plain_env: None) -> None:
    assert render("text", width=80) == GOLDEN_TEXT
