"""Hostile input, end to end: every bad input gets a clear error or a correct answer.

Never a traceback, a hang or a surprise. The library-level cases (the splitter on a 2 MB line,
``decode`` on odd bytes, each facts-file mistake) are tested beside their modules; here the same
inputs go through the real command line — ``cli.main(argv)`` or ``CliRunner`` on ``cli.command``,
and the installed ``percycheck`` in a subprocess where a real pipe, a signal or a memory limit
is the point — and what the user sees is checked: the exit status, exactly one line on standard
error, and a standard output that no claim or source can use to drive the terminal.

The last section times every regular expression in the package against long adversarial
strings, relative to a linear scan of the same string, so a pattern that backtracks is caught
before a document finds it.
"""

from __future__ import annotations

import codecs
import contextlib
import importlib
import json
import os
import pkgutil
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import percycheck
from percycheck import cli

ROOT = Path(__file__).resolve().parents[1]
SUPPORTED = "Perseverance landed in Jezero Crater on Feb. 18, 2021."
CONTRADICTED = "Perseverance weighs 2,623 pounds."
UNKNOWN = "Percy is painted a cheerful bright green."

# What must never reach standard output raw: C0 controls but tab and line feed (ESC, BEL, CR,
# backspace, ...), DEL and the C1 controls (U+009B is a CSI on some terminals).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORMATS = ["text", "json", "jsonl", "github", "sarif"]


pytestmark = pytest.mark.usefixtures("isolated_cli")


class Outcome:
    """What a user sees: the exit status, standard output and standard error."""

    def __init__(self, status: int, stdout: str, stderr: str) -> None:
        self.status, self.stdout, self.stderr = status, stdout, stderr

    def rows(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines()]

    def __repr__(self) -> str:
        return f"Outcome({self.status}, stdout={self.stdout[:300]!r}, stderr={self.stderr[:300]!r})"


def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Outcome:
    """The click command in-process, standard output and error kept apart."""
    result = CliRunner().invoke(cli.command, list(args), input=input, env=env, catch_exceptions=False)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> Outcome:
    """``cli.main(argv)``, the installed entry point, in-process."""
    capsys.readouterr()
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return Outcome(status, out, err)


def assert_one_line_error(outcome: Outcome, *words: str) -> str:
    """Exit status 2, nothing on standard output, exactly one line on standard error."""
    assert outcome.status == cli.EXIT_ERROR, outcome
    assert outcome.stdout == "", outcome
    assert "Traceback" not in outcome.stderr
    lines = outcome.stderr.splitlines()
    assert len(lines) == 1 and outcome.stderr.endswith("\n"), outcome
    (line,) = lines
    assert line.startswith("percycheck: "), line
    assert not RAW_CONTROL.search(line), line
    for word in words:
        assert word in line, (word, line)
    return line


def entry_point() -> str:
    beside = Path(sys.executable).with_name("percycheck")
    found = str(beside) if beside.exists() else shutil.which("percycheck")
    if found is None:
        pytest.skip("percycheck is not installed")
    return found


def clean_env() -> dict[str, str]:
    drop = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM", "CI")
    return {k: v for k, v in os.environ.items() if k not in drop}


# ------------------------------------------------------------------------ claims and text


@pytest.mark.parametrize("claim", ["", " ", "\t\n ", "\u00a0\u2003\u3000"], ids=repr)
def test_an_empty_or_blank_claim_is_unknown_not_an_error(claim: str) -> None:
    outcome = run("--format", "jsonl", claim)
    assert outcome.status == 0 and outcome.stderr == ""
    [row] = outcome.rows()
    assert (row["claim"], row["verdict"], row["fact"]) == (claim, "unknown", None)
    assert "empty claim" in row["reason"]


def test_blank_standard_input_checks_nothing() -> None:
    outcome = run("--format", "json", input=" \n\t\r\n\n   \u00a0\n")
    assert (outcome.status, outcome.stderr) == (0, "")
    assert json.loads(outcome.stdout)["summary"]["checked"] == 0


def test_two_megabyte_claim_is_unknown_in_every_format() -> None:
    claim = "Perseverance landed on Feb. 18, 2021 and weighs 1,025 kg, " * 35_000  # 2 MB, no end
    for fmt in FORMATS:
        outcome = run("--format", fmt, "--fail-on", "never", claim)
        assert (outcome.status, outcome.stderr) == (0, ""), (fmt, outcome)
    outcome = run("--format", "jsonl", claim)
    [row] = outcome.rows()
    assert row["claim"] == claim and row["verdict"] == "unknown"
    assert "too long" in row["reason"]


def test_two_megabyte_single_line_file(tmp_path: Path) -> None:
    """One line of many sentences: the trivial ones are skipped and the real ones checked."""
    filler = "Wow. Nice one! Really? " * 43_500  # 2 MB in all, of sentences that state nothing
    (tmp_path / "line.txt").write_text(f"{filler}{CONTRADICTED} {filler}{SUPPORTED}", encoding="utf-8")
    outcome = run("-f", "line.txt", "--format", "json")
    assert (outcome.status, outcome.stderr) == (1, "")
    document = json.loads(outcome.stdout)
    assert [(r["claim"], r["verdict"]) for r in document["results"]] == [
        (CONTRADICTED, "contradicted"),
        (SUPPORTED, "supported"),
    ]
    assert document["summary"]["skipped"] == 2 * 3 * 43_500
    assert document["results"][1]["location"]["column"] == 2 * len(filler) + len(CONTRADICTED) + 2


def test_hundred_thousand_digits() -> None:
    digits = "1" * 100_000
    outcome = run("--format", "jsonl", digits)
    assert outcome.status == 0 and outcome.rows()[0]["verdict"] == "unknown"
    outcome = run("--format", "json", input=digits)  # as a draft it is no sentence at all
    assert (outcome.status, outcome.stderr) == (0, "")
    assert json.loads(outcome.stdout)["summary"] == {
        "checked": 0, "supported": 0, "contradicted": 0, "unknown": 0, "skipped": 1,
    }  # fmt: skip
    outcome = run("--format", "jsonl", f"Perseverance weighs {digits} pounds.")
    assert outcome.status in (0, 1) and outcome.rows()[0]["verdict"] in ("unknown", "contradicted")


def test_thousands_of_abbreviations() -> None:
    feb = "Feb. " * 20_000
    outcome = run("--format", "jsonl", "--fail-on", "never", feb)
    assert outcome.status == 0 and outcome.rows()[0]["verdict"] == "unknown"
    outcome = run("--format", "json", input=f"{feb}\n\n{CONTRADICTED}\n\n{'U.S. Dr. e.g. ' * 10_000}\n")
    assert (outcome.status, outcome.stderr) == (1, "")
    results = json.loads(outcome.stdout)["results"]
    assert [(r["claim"], r["location"]["line"]) for r in results] == [(CONTRADICTED, 3)]


def test_a_binary_file_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 40)
    assert_one_line_error(run_main(capsys, "--paths", "photo.jpg"), "photo.jpg: binary file")
    assert_one_line_error(run("-f", "-", input=b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 500), "<stdin>: binary file")


def test_a_stray_nul_deep_in_a_long_file_is_removed_and_reported(tmp_path: Path) -> None:
    """Past the first 8 KiB a rare NUL is dropped, as an undecodable byte is replaced: said once."""
    text = f"{SUPPORTED}\n" * 300 + f"{CONTRADICTED}\x00\n" + f"{SUPPORTED}\n" * 300
    (tmp_path / "log.txt").write_bytes(text.encode())
    outcome = run("-f", "log.txt", "--format", "jsonl")
    assert outcome.status == 1
    assert outcome.stderr == "percycheck: warning: log.txt: 1 NUL byte removed\n"
    assert [(r["claim"], r["location"]["line"]) for r in outcome.rows() if r["verdict"] == "contradicted"] == [
        (CONTRADICTED, 301)
    ]


def test_invalid_utf8_on_standard_input_is_one_warning() -> None:
    """However many bad bytes, one warning naming the first bad line; the rest is checked."""
    data = b"Caf\xe9 au lait \xff\xfe\xfd.\n" + CONTRADICTED.encode() + b"\n" + b"\x80\xc3\x28 \xed\xa0\x80.\n" * 50
    outcome = run("--format", "jsonl", input=data)
    assert outcome.status == 1
    assert outcome.stderr == "percycheck: warning: <stdin>:1: invalid UTF-8; undecodable bytes replaced with U+FFFD\n"
    assert [r["location"]["line"] for r in outcome.rows() if r["claim"] == CONTRADICTED] == [2]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_and_crlf(tmp_path: Path, encoding: str) -> None:
    text = f"Notes.\r\n\r\n\t{CONTRADICTED}\r\nIt landed in Jezero Crater on Feb. 18, 2021.\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (tmp_path / "notes.txt").write_bytes(data)
    outcome = run("-f", "notes.txt", "--format", "jsonl")
    assert (outcome.status, outcome.stderr) == (1, "")
    [row] = [r for r in outcome.rows() if r["verdict"] == "contradicted"]
    assert row["claim"] == CONTRADICTED
    assert row["location"] == {"path": "notes.txt", "line": 3, "column": 2}
    assert all("\r" not in r["claim"] and "\ufeff" not in r["claim"] for r in outcome.rows())


def _unreadable(tmp_path: Path) -> str:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "secret.md"
    path.write_text(SUPPORTED, encoding="utf-8")
    path.chmod(0)
    return "secret.md"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(lambda tmp: "missing.md", ("missing.md: no such file",), id="missing"),
        pytest.param(_unreadable, ("secret.md: permission denied",), id="unreadable"),
        pytest.param(lambda tmp: "x" * 5000 + ".md", ("cannot read",), id="name-too-long"),
        pytest.param(lambda tmp: "no\x1b[2Jfile\n.md", ("no\\x1b[2Jfile\\n.md: no such file",), id="escape-in-name"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], str], words: tuple[str, ...]
) -> None:
    name = make(tmp_path)
    assert_one_line_error(run_main(capsys, "-f", name), *words)
    assert_one_line_error(run_main(capsys, "--paths", name), *words)


# ------------------------------------------------------------------------------ facts files

VALID_FACTS = """\
version: 1
sources:
  - {id: gazette, title: A tiny source, publisher: Test Gazette, date: 2024-01-02, file: src.txt}
entities:
  - {id: perseverance, kind: craft, type: rover, name: Perseverance, aliases: [Percy]}
facts:
  - id: wheel-count
    statement: Perseverance rolls on six wheels.
    subject: perseverance
    values:
      - {slot: wheels, count: 6, noun: wheel}
    keywords: [wheels, rolls]
    citations:
      - {source: gazette, quote: "Perseverance rolls on six wheels."}
"""
SOURCE = "The rover is big. Perseverance rolls on six wheels. That is all.\n"
BILLION_LAUGHS = "\n".join(
    ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 9) + "]" for i in range(1, 10)]
    + ["sources: *lol9", "entities: *lol9", "facts: *lol9", ""]
)


def facts_file(folder: Path, text: str | bytes, name: str = "facts.yaml") -> str:
    (folder / "src.txt").write_text(SOURCE, encoding="utf-8")
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return name


def test_the_valid_facts_file_of_these_tests_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = facts_file(tmp_path, VALID_FACTS)
    outcome = run_main(capsys, "--facts", name, "--format", "jsonl", "Perseverance rolls on six wheels.")
    assert (outcome.status, outcome.rows()[0]["verdict"]) == (0, "supported")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param(
            VALID_FACTS.replace("aliases: [Percy]}", "aliases: [Percy}"),
            ("facts.yaml:5: malformed YAML", "expected ',' or ']'"),
            id="malformed",
        ),
        pytest.param("", ("facts.yaml:1: the facts file is empty",), id="empty"),
        pytest.param("# nothing\n\n", ("facts.yaml:1:", "empty"), id="comments-only"),
        pytest.param("- a\n- b\n", ("facts.yaml:1: the top level must be a mapping", "list"), id="top-level-list"),
        pytest.param("just a string\n", ("facts.yaml:1: the top level must be a mapping", "str"), id="top-level-scalar"),
        pytest.param(
            VALID_FACTS.replace("count: 6", "count: six").replace("keywords: [wheels, rolls]", "keywords: wheels"),
            ("facts.yaml:", "(and 1 more problem)"),
            id="wrong-types",
        ),
        pytest.param(
            VALID_FACTS + VALID_FACTS[VALID_FACTS.index("  - id: wheel-count") :],
            ("facts.yaml:15: duplicate fact id 'wheel-count'",),
            id="duplicate-ids",
        ),
        pytest.param(VALID_FACTS + "version: 2\n", ("facts.yaml:", "duplicate key 'version'"), id="duplicate-key"),
        pytest.param(BILLION_LAUGHS, ("facts.yaml:", "aliases", "refused"), id="alias-bomb"),
        pytest.param("a: &a [*a, *a]\nsources: *a\nfacts: *a\n", ("facts.yaml:",), id="alias-cycle"),
        pytest.param("x: " + "[" * 50_000 + "\n", ("facts.yaml:1: malformed YAML",), id="deep-nesting"),
        pytest.param(
            VALID_FACTS.replace("A tiny source", '"A \x1b[2J source"'),
            ("facts.yaml:3: malformed YAML", "'\\x1b'"),
            id="raw-escape",
        ),
        pytest.param(
            VALID_FACTS.replace("kind: craft", 'kind: "cr\\naft\\e[2J"'),
            ("facts.yaml:5: entity perseverance: unknown kind 'cr\\naft\\x1b[2J'",),
            id="escapes-quoted-back",
        ),
        pytest.param(b"sources: [\xff]\n", ("facts.yaml:1: not valid UTF-8",), id="not-utf8"),
        pytest.param(b"\x00\x01binary", ("facts.yaml:1: NUL byte",), id="binary"),
    ],
)
def test_a_bad_facts_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes, words: tuple[str, ...]
) -> None:
    name = facts_file(tmp_path, text)
    assert_one_line_error(run_main(capsys, "--facts", name, SUPPORTED), "percycheck: error: ", *words)


def test_validate_facts_gives_each_problem_its_own_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = VALID_FACTS.replace("count: 6", "count: six").replace("kind: craft", 'kind: "cr\\naft"')
    outcome = run_main(capsys, "--validate-facts", facts_file(tmp_path, text))
    assert (outcome.status, outcome.stdout) == (2, "")
    lines = outcome.stderr.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == ["facts.yaml:5", "facts.yaml:11"], lines
    assert "Traceback" not in outcome.stderr and not RAW_CONTROL.search(outcome.stderr)


def test_a_python_tag_is_refused_and_nothing_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "RAN"
    for tag in ("!!python/object/apply:os.system", "!!python/object/new:os.system", "!!python/name:os.system"):
        text = VALID_FACTS.replace("title: A tiny source", f'title: {tag} ["touch {marker}"]')
        name = facts_file(tmp_path, text)
        line = assert_one_line_error(run_main(capsys, "--facts", name, SUPPORTED), "facts.yaml:3: malformed YAML")
        assert "tag not allowed" in line
        assert_one_line_error(run_main(capsys, "--validate-facts", name), "tag not allowed")
    assert not marker.exists()


@pytest.mark.parametrize(
    ("path", "words"),
    [
        pytest.param("missing.yaml", ("missing.yaml: no such facts file",), id="missing"),
        pytest.param(".", (".: is a directory",), id="directory"),
        pytest.param("/dev/zero", ("/dev/zero: facts file is larger than",), id="endless-device"),
        pytest.param("a\x00b.yaml", ("'a\\x00b.yaml': not a valid file name",), id="nul-in-name"),
        pytest.param("x" * 5000, ("cannot read",), id="name-too-long"),
    ],
)
def test_a_facts_file_that_cannot_be_read_is_one_line(path: str, words: tuple[str, ...]) -> None:
    if path.startswith("/dev/") and not Path(path).exists():
        pytest.skip(f"no {path} here")
    assert_one_line_error(run("--facts", path, SUPPORTED), "percycheck: error: ", *words)
    assert_one_line_error(run("--validate-facts", path), *words)


def test_a_nul_in_the_configured_facts_path_is_one_line(tmp_path: Path) -> None:
    """TOML can spell a NUL (``\\u0000``), which no command-line argument can."""
    (tmp_path / ".percycheck.toml").write_text('facts = "a\\u0000b.yaml"\n', encoding="utf-8")
    assert_one_line_error(run(SUPPORTED), "not a valid file name")


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource limits")
def test_an_alias_bomb_is_refused_quickly_in_little_memory(tmp_path: Path) -> None:
    """The installed command under a 1 GiB address-space cap: refused in one line, in seconds."""
    import resource

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    facts_file(tmp_path, BILLION_LAUGHS)
    began = time.monotonic()
    done = subprocess.run(
        [entry_point(), "--facts", "facts.yaml", SUPPORTED],
        capture_output=True, text=True, cwd=tmp_path, env=clean_env(), preexec_fn=cap, timeout=300,
    )  # fmt: skip
    elapsed = time.monotonic() - began
    assert_one_line_error(Outcome(done.returncode, done.stdout, done.stderr), "aliases", "refused")
    assert elapsed < 60, f"took {elapsed:.1f} s"


# ----------------------------------------------------------------------------- output safety

MARKUP_CLAIM = "[bold]Perseverance[/bold] weighs [link=https://evil.example]2,623 pounds[/link] :rocket: [/]."
ESCAPES = "\x1b[2J\x1b[31m red \x07 \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \r over \x08\x08 \x9b2J \x1b]0;title\x07"
ESCAPE_CLAIM = f"Perseverance {ESCAPES} rolls on seven wheels."

# The same escapes in everything a facts file feeds to a report: title, publisher, URL, the
# statement, the quote (and so the source text and --explain's context around it).
EVIL_FACTS = r"""
version: 1
sources:
  - id: gazette
    title: "Evil \e[2J title \a"
    publisher: "Evil\e]8;;https://evil.example\a Gazette\r\b\x9b2J"
    date: 2024-01-02
    url: "https://evil.example/\e[31m"
    file: src.txt
entities:
  - {id: perseverance, kind: craft, type: rover, name: Perseverance, aliases: [Percy]}
facts:
  - id: wheel-count
    statement: "Perseverance rolls on six wheels.\e[5m"
    subject: perseverance
    values:
      - {slot: wheels, count: 6, noun: wheel}
    keywords: [wheels, rolls]
    citations:
      - {source: gazette, quote: "Perseverance rolls on six wheels.\e]0;pwned\a"}
"""
EVIL_SOURCE = "Before \x1b[8m hidden.\r\nPerseverance rolls on six wheels.\x1b]0;pwned\x07 After \x9b2J it.\n"


def test_rich_markup_in_a_claim_is_printed_literally() -> None:
    outcome = run(MARKUP_CLAIM, "--format", "jsonl")
    [row] = outcome.rows()
    verdict = row["verdict"]
    outcome = run(MARKUP_CLAIM, env={"COLUMNS": "300"})
    assert outcome.stdout.splitlines()[0] == f"{verdict}: {MARKUP_CLAIM}"
    assert "🚀" not in outcome.stdout and "\x1b" not in outcome.stdout
    outcome = run(MARKUP_CLAIM, "--color", "always", env={"COLUMNS": "300"})
    assert outcome.stdout.splitlines()[0].endswith(f"\x1b[0m: {MARKUP_CLAIM}")  # only the verdict is styled


@pytest.mark.parametrize("fmt", FORMATS)
def test_escapes_in_a_claim_never_reach_the_terminal(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "dr\x1b[2Jaft\x07.md").write_text(f"# {ESCAPES}\n\n{ESCAPE_CLAIM}\n", encoding="utf-8")
    outcome = run("--format", fmt, "--fail-on", "never", ESCAPE_CLAIM, "-f", "dr\x1b[2Jaft\x07.md")
    assert outcome.status == 0, outcome
    assert not RAW_CONTROL.search(outcome.stdout), RAW_CONTROL.findall(outcome.stdout)
    if fmt in ("json", "jsonl"):
        claims = [r["claim"] for r in (outcome.rows() if fmt == "jsonl" else json.loads(outcome.stdout)["results"])]
        assert ESCAPE_CLAIM in claims  # escaped in the JSON text, exact once parsed


@pytest.mark.parametrize("fmt", FORMATS)
def test_escapes_in_a_source_never_reach_the_terminal(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "src.txt").write_text(EVIL_SOURCE, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(EVIL_FACTS, encoding="utf-8")
    claims = ["Perseverance rolls on six wheels.", "Perseverance rolls on seven wheels.", ESCAPE_CLAIM]
    outcome = run("--facts", "facts.yaml", "--format", fmt, "--explain", "--fail-on", "never", *claims)
    assert outcome.status == 0, outcome
    assert "Gazette" in outcome.stdout, "the hostile source was not cited"
    assert not RAW_CONTROL.search(outcome.stdout), RAW_CONTROL.findall(outcome.stdout)


@pytest.mark.parametrize("args", [["--list-facts"], ["--search", "wheels"]], ids=["list", "search"])
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_escapes_in_facts_never_reach_the_terminal_when_listed(tmp_path: Path, args: list[str], fmt: str) -> None:
    (tmp_path / "src.txt").write_text(EVIL_SOURCE, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(EVIL_FACTS, encoding="utf-8")
    outcome = run("--facts", "facts.yaml", "--format", fmt, *args)
    assert outcome.status == 0 and "wheel-count" in outcome.stdout, outcome
    assert not RAW_CONTROL.search(outcome.stdout), RAW_CONTROL.findall(outcome.stdout)


def test_an_escape_in_a_warning_or_a_search_never_reaches_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "l\x1b[2Jatin\x07.txt").write_bytes(b"Caf\xe9 " + CONTRADICTED.encode())
    outcome = run("-f", "l\x1b[2Jatin\x07.txt")
    assert (
        outcome.stderr == "percycheck: warning: l\\x1b[2Jatin\\x07.txt:1: invalid UTF-8; undecodable bytes replaced with U+FFFD\n"
    )
    outcome = run("--search", "\x1b[2J\x07 nothing like it")
    assert outcome.status == 0 and not RAW_CONTROL.search(outcome.stdout + outcome.stderr), outcome


def test_a_page_long_search_query_is_answered_quickly_and_quoted_short() -> None:
    """Only a claim's worth of the query is analysed (analysis grows faster than the text), and
    the 'no fact matches' message quotes the start of it, not 100 KB."""
    began = time.monotonic()
    outcome = run("--search", "5 kg " * 20_000)
    assert outcome.status == 0 and time.monotonic() - began < 30
    assert outcome.stderr == "" or (outcome.stderr.count("\n") == 1 and len(outcome.stderr) < 120), outcome


# ------------------------------------------------------------------------ process behaviour


@pytest.fixture(scope="module")
def big_md(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 5,000 check-worthy sentences, a few per line, in a Markdown draft."""
    sentences = [SUPPORTED, CONTRADICTED, "The rover has six wheels.", "Ingenuity flew on Mars in April 2021."]
    path = tmp_path_factory.mktemp("big") / "big.md"
    path.write_text("\n".join(" ".join(sentences) for _ in range(1_250)) + "\n", encoding="utf-8")
    return path


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("head") is None, reason="POSIX pipes and head")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_closed_pipe_ends_quietly_with_status_141(big_md: Path, fmt: str) -> None:
    """``percycheck -f big.md | head -1``: every format ends the same way, 141 and no message."""
    producer = subprocess.Popen(
        [entry_point(), "-f", str(big_md), "--format", fmt],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env(), cwd=big_md.parent,
    )  # fmt: skip
    assert producer.stdout is not None and producer.stderr is not None
    head = subprocess.run(["head", "-1"], stdin=producer.stdout, capture_output=True, timeout=300)
    producer.stdout.close()
    stderr = producer.stderr.read()
    producer.stderr.close()
    status = producer.wait(timeout=300)
    assert head.stdout.count(b"\n") == 1
    assert (status, stderr) == (cli.EXIT_BROKEN_PIPE, b"")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("fmt", ["text", "github"])
def test_ctrl_c_mid_run_is_130_without_a_traceback(big_md: Path, fmt: str) -> None:
    process = subprocess.Popen(
        [entry_point(), "-f", str(big_md), "--format", fmt],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env(), cwd=big_md.parent,
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


@pytest.mark.parametrize(
    ("args", "words"),
    [
        pytest.param(["--no-such-option"], ("No such option",), id="unknown-option"),
        pytest.param(["--format", "xml", SUPPORTED], ("Invalid value for '--format'",), id="bad-choice"),
        pytest.param(["--fail-on", "sometimes", SUPPORTED], ("Invalid value for '--fail-on'",), id="bad-fail-on"),
        pytest.param(["--facts"], ("requires an argument",), id="missing-argument"),
        pytest.param(["--format", "\x1b[2J"], ("'\\x1b[2J'",), id="escape-in-value"),
        pytest.param(["--\x1b[2J\n"], ("No such option",), id="escape-in-option"),
    ],
)
def test_every_usage_error_is_one_line(capsys: pytest.CaptureFixture[str], args: list[str], words: tuple[str, ...]) -> None:
    line = assert_one_line_error(run_main(capsys, *args), "percycheck: error: ", *words)
    assert line.endswith("(see 'percycheck --help')")
    assert_one_line_error(run(*args), *words)


def test_nothing_to_check_on_a_terminal_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_is_terminal", lambda stream: True)
    assert_one_line_error(run(), "percycheck: error: nothing to check")


def test_the_installed_command_reports_an_error_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    for args in (["--facts", "empty.yaml", SUPPORTED], ["--format", "xml", SUPPORTED], ["-f", "nowhere.md"]):
        done = subprocess.run([entry_point(), *args], capture_output=True, text=True, cwd=tmp_path, env=clean_env(), timeout=120)
        assert_one_line_error(Outcome(done.returncode, done.stdout, done.stderr))


# ------------------------------------------------------- closed and full streams, internal errors

LAUNCHERS = {"installed": None, "python-m": [sys.executable, "-m", "percycheck"]}


def launcher(name: str) -> list[str]:
    """The installed ``percycheck`` script, or ``python -m percycheck``: both go through ``main``."""
    command = LAUNCHERS[name]
    return [entry_point()] if command is None else list(command)


def run_with_redirect(redirect: str, *argv: str, cwd: Path, stdout: Any = subprocess.PIPE) -> Outcome:
    """``argv`` started by bash with one of its standard streams redirected (``<&-``, ``>&-``)."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("needs bash to start a command with a closed stream")
    done = subprocess.run(
        [bash, "-c", f'exec "$@" {redirect}', "bash", *argv],
        stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=cwd, env=clean_env(), timeout=300,
    )  # fmt: skip
    return Outcome(done.returncode, done.stdout or "", done.stderr)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
@pytest.mark.parametrize("how", list(LAUNCHERS))
def test_a_closed_standard_input_is_one_line_when_it_is_needed(tmp_path: Path, how: str) -> None:
    """``percycheck <&-`` was a traceback and status 1, as if a claim had failed."""
    outcome = run_with_redirect("<&-", *launcher(how), cwd=tmp_path)
    assert_one_line_error(outcome, "standard input is closed")
    # a claim given as an argument needs no standard input: it is checked as usual
    outcome = run_with_redirect("<&-", *launcher(how), "--format", "jsonl", CONTRADICTED, cwd=tmp_path)
    assert (outcome.status, outcome.stderr) == (cli.EXIT_FINDINGS, "")
    assert [row["verdict"] for row in outcome.rows()] == ["contradicted"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
@pytest.mark.parametrize("how", list(LAUNCHERS))
@pytest.mark.parametrize("args", [[CONTRADICTED], ["--list-facts"]], ids=["check", "list"])
def test_a_closed_standard_output_is_one_line(tmp_path: Path, how: str, args: list[str]) -> None:
    """``percycheck ... >&-`` was a traceback and status 1 (``'NoneType' object has no attribute 'write'``)."""
    outcome = run_with_redirect(">&-", *launcher(how), *args, cwd=tmp_path, stdout=None)
    assert_one_line_error(outcome, "standard output is closed")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        *([CONTRADICTED, "--format", fmt] for fmt in FORMATS),
        ["--list-facts"],
        ["--search", "wheels", "--format", "json"],
        ["--validate-facts", str(ROOT / "facts.yaml")],
    ],
    ids=[*FORMATS, "list", "search", "validate"],
)
def test_a_full_standard_output_is_one_line(tmp_path: Path, args: list[str]) -> None:
    """``percycheck ... > /dev/full`` was an ``OSError`` traceback and status 1, in every format."""
    with open("/dev/full", "w") as full:  # noqa: PTH123  # a device, not a path to build
        done = subprocess.run(
            [*launcher("installed"), *args],
            stdout=full, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=clean_env(), timeout=300,
        )  # fmt: skip
    assert_one_line_error(Outcome(done.returncode, "", done.stderr), "cannot write the report", "No space left on device")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_with_workers_is_one_line(big_md: Path) -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123
        done = subprocess.run(
            [entry_point(), "-j", "2", "-f", str(big_md)],
            stdout=full, stderr=subprocess.PIPE, text=True, cwd=big_md.parent, env=clean_env(), timeout=300,
        )  # fmt: skip
    assert_one_line_error(Outcome(done.returncode, "", done.stderr), "No space left on device")


def _crash(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("division by zero")


def test_an_internal_error_is_one_line_and_status_3_never_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug must not look like a finding (status 1) to CI: one line, a hint, status 3."""
    from percycheck import api

    monkeypatch.setattr(api, "iter_check", _crash)
    monkeypatch.delenv(cli.DEBUG_VARIABLE, raising=False)
    outcome = run_main(capsys, CONTRADICTED)
    assert outcome.status == cli.EXIT_INTERNAL == 3
    assert outcome.stderr.count("\n") == 1 and "Traceback" not in outcome.stderr, outcome
    assert outcome.stderr.startswith("percycheck: internal error: ZeroDivisionError: division by zero ")
    assert f"{cli.DEBUG_VARIABLE}=1" in outcome.stderr
    # asked for, the traceback comes first; the status stays 3
    monkeypatch.setenv(cli.DEBUG_VARIABLE, "1")
    outcome = run_main(capsys, CONTRADICTED)
    assert outcome.status == cli.EXIT_INTERNAL
    assert outcome.stderr.startswith("Traceback") and "_crash" in outcome.stderr
    assert outcome.stderr.splitlines()[-1].startswith("percycheck: internal error: ZeroDivisionError")


# ------------------------------------------------------------------------ worker processes


@pytest.fixture(scope="module")
def huge_md(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 16,000 check-worthy sentences: seconds of work even in two processes."""
    sentences = [SUPPORTED, CONTRADICTED, "The rover has six wheels.", "Ingenuity flew on Mars in April 2021."]
    path = tmp_path_factory.mktemp("huge") / "huge.md"
    path.write_text("\n".join(" ".join(sentences) for _ in range(4_000)) + "\n", encoding="utf-8")
    return path


def _state(pid: int) -> str | None:
    """The process state letter from ``/proc`` (None: no such process)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return stat.rpartition(")")[2].split()[0]


def _alive(pid: int) -> bool:
    return _state(pid) not in (None, "Z", "X")  # a zombie has ended; only its entry is left


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = (entry / "stat").read_text(encoding="ascii", errors="replace").rpartition(")")[2].split()
                if int(fields[1]) == parent:
                    found.append(int(entry.name))
    return found


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _kill_all(pids: list[int]) -> None:
    """Clean up after a failed test: end the workers this test started."""
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def _parallel_check(draft: Path, **popen: Any) -> Iterator[tuple[subprocess.Popen[bytes], list[int]]]:
    """``percycheck -j 2 -f DRAFT`` in a subprocess, with a list for the worker pids the test
    finds; on the way out the command and every worker still alive are ended."""
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    process = subprocess.Popen([entry_point(), "-j", "2", "-f", str(draft)], env=clean_env(), cwd=draft.parent, **popen)
    workers: list[int] = []
    try:
        yield process, workers
    finally:
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        process.kill()
        process.wait()
        _kill_all([pid for pid in workers if _alive(pid)])


def _all_gone(workers: list[int]) -> bool:
    return _wait_for(lambda: not any(map(_alive, workers)), 5)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_with_their_parent(huge_md: Path, sig: signal.Signals) -> None:
    """``-j 2``: the workers waited on a queue forever once the parent was killed."""
    with _parallel_check(huge_md, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as (parent, workers):
        started = _wait_for(lambda: parent.poll() is not None or len(_children(parent.pid)) >= 2, 120)
        workers[:] = _children(parent.pid)
        assert started and parent.poll() is None and len(workers) >= 2, "the workers never started"
        parent.send_signal(sig)
        parent.wait(timeout=30)
        assert _all_gone(workers), [(p, _state(p)) for p in workers]


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("head") is None, reason="POSIX pipes and head")
def test_a_closed_pipe_cancels_the_work_of_the_workers(huge_md: Path) -> None:
    """``percycheck -j 2 -f huge.md | head -1`` went on checking every claim after ``head`` left.

    Seconds of work remain when ``head`` has its line; the command must end at once.
    """
    with _parallel_check(huge_md) as (producer, workers):
        assert producer.stdout is not None and producer.stderr is not None
        head = subprocess.run(["head", "-1"], stdin=producer.stdout, capture_output=True, timeout=300)
        left = time.monotonic()
        if sys.platform.startswith("linux"):
            workers[:] = _children(producer.pid)
        producer.stdout.close()
        status = producer.wait(timeout=300)
        waited = time.monotonic() - left
        stderr = producer.stderr.read()
        assert head.stdout.count(b"\n") == 1
        assert (status, stderr) == (cli.EXIT_BROKEN_PIPE, b"")
        assert waited < 3, f"the command went on for {waited:.1f} s after the reader left"
        assert _all_gone(workers), [(p, _state(p)) for p in workers]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_with_workers_is_130_and_stops_them(huge_md: Path) -> None:
    """Ctrl-C reaches the whole process group: only the parent speaks, and no worker is left."""
    default_sigint = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731
    with _parallel_check(huge_md, start_new_session=True, preexec_fn=default_sigint) as (process, workers):
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()  # checking has begun
        workers[:] = _children(process.pid)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does
        process.stdout.read()
        stderr = process.stderr.read()
        status = process.wait(timeout=60)
        assert (status, stderr) == (cli.EXIT_INTERRUPTED, b"percycheck: interrupted\n")
        assert workers and _all_gone(workers), [(p, _state(p)) for p in workers]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_worker_is_one_line_and_status_3(huge_md: Path) -> None:
    """A worker killed under the command (the OOM killer, say) was a traceback and status 1."""
    with _parallel_check(huge_md) as (process, workers):
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()  # checking has begun
        workers[:] = _children(process.pid)
        os.kill(workers[0], signal.SIGKILL)
        process.stdout.read()
        stderr = process.stderr.read().decode()
        status = process.wait(timeout=60)
        outcome = Outcome(status, "", stderr)
        assert status == cli.EXIT_INTERNAL and stderr.count("\n") == 1 and "Traceback" not in stderr, outcome
        assert stderr.startswith("percycheck: error: a worker process ended abruptly") and "-j 1" in stderr
        assert _all_gone(workers), [(p, _state(p)) for p in workers]


# ------------------------------------------------------------------------------ file names


def _undecodable_name(folder: Path) -> str:
    """A draft whose name is not valid UTF-8 (``caf\\xe9.md``), as Python holds it."""
    raw = os.path.join(os.fsencode(folder), b"caf\xe9.md")
    try:
        with open(raw, "wb") as draft:  # noqa: PTH123  # pathlib takes no bytes
            draft.write(f"{CONTRADICTED}\n".encode())
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses a name that is not UTF-8")
    return os.fsdecode(os.path.basename(raw))


def test_sarif_reports_a_file_name_that_is_not_utf8(tmp_path: Path, sarif_problems: Callable[[object], list[str]]) -> None:
    """SARIF crashed with ``UnicodeEncodeError`` and wrote nothing; now the name's bytes are
    percent-encoded in the URI, which names that very file."""
    name = _undecodable_name(tmp_path)
    for path, uri in ((name, "caf%E9.md"), (str(tmp_path / name), (tmp_path / "caf").as_uri() + "%E9.md")):
        outcome = run("--format", "sarif", path)
        assert (outcome.status, outcome.stderr) == (cli.EXIT_FINDINGS, ""), outcome
        log = json.loads(outcome.stdout)
        assert sarif_problems(log) == []
        [result] = log["runs"][0]["results"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


# ------------------------------------------------------------------ no super-linear pattern

ADVERSARIAL_LENGTH = 100_000
ADVERSARIAL = {
    "a": "a",
    "1,": "1,",
    "Feb.": "Feb. ",
    "dash": "- ",
    "link": "[a](b)",
    "spaces-then-x": None,  # " " * n + "x"
    "newlines": "\n",
    "digits-space": "1 ",
    "capital": "A",
    "about": "about ",
    "hyphen-word": "one-",
}
SLOWDOWN = 200
"""A pattern fails when it is this many times slower than a linear scan of the same string ..."""
FLOOR_SECONDS = 1.0
"""... and slower than this, so a busy machine does not fail the test."""

# Super-linear on long runs of white space or letters when searched at every position, as
# found by the test below; each entry is a bug report for the engine's maintainer (the test
# turns green, and strict xfail red, once the pattern is fixed).
KNOWN_SLOW: dict[str, str] = {}


def _patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern in a module global of the package (also inside tuples and dicts)."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()

    def visit(value: object, name: str, depth: int) -> None:
        if isinstance(value, re.Pattern):
            if id(value) not in seen and isinstance(value.pattern, str):
                seen.add(id(value))
                found[name] = value
        elif depth < 2 and isinstance(value, (tuple, list)):
            for index, item in enumerate(value):
                visit(item, f"{name}[{index}]", depth + 1)
        elif depth < 2 and isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{name}[{key!r}]", depth + 1)

    for module_info in pkgutil.walk_packages(percycheck.__path__, "percycheck."):
        if module_info.name.endswith("__main__"):  # importing it runs the command
            continue
        module = importlib.import_module(module_info.name)
        for attribute, value in sorted(vars(module).items()):
            visit(value, f"{module_info.name}.{attribute}", 0)
    return found


PATTERNS = _patterns()


def _adversarial(key: str) -> str:
    unit = ADVERSARIAL[key]
    if unit is None:
        return " " * ADVERSARIAL_LENGTH + "x"
    return (unit * (ADVERSARIAL_LENGTH // len(unit) + 1))[:ADVERSARIAL_LENGTH]


class _TooSlow(Exception):
    pass


def _raise_too_slow(signum: int, frame: object) -> None:
    raise _TooSlow


def _baseline(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        len(re.findall("a", text))
        best = min(best, time.perf_counter() - began)
    return best


def test_the_package_has_patterns_to_time() -> None:
    assert len(PATTERNS) > 30
    assert set(KNOWN_SLOW) <= set(PATTERNS), "a known-slow pattern was renamed: update KNOWN_SLOW"


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM to stop a runaway pattern")
@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_SLOW[name])] if name in KNOWN_SLOW else [])
        for name in PATTERNS
    ],
)
def test_no_pattern_is_super_linear(name: str) -> None:
    """``finditer`` (what search, sub and split do) over each adversarial string, against a budget.

    The budget is ``SLOWDOWN`` times a linear scan of the same string, and at least
    ``FLOOR_SECONDS``; an alarm stops a pattern that overruns it, so a catastrophic one costs
    the budget, not the rest of the day.
    """
    pattern = PATTERNS[name]
    previous = signal.signal(signal.SIGALRM, _raise_too_slow)
    try:
        for key in ADVERSARIAL:
            text = _adversarial(key)
            budget = max(FLOOR_SECONDS, SLOWDOWN * _baseline(text))
            began = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, budget * 1.05)
            try:
                for _ in pattern.finditer(text):
                    pass
            except _TooSlow:
                pytest.fail(f"{name} overran {budget:.2f} s on {key!r} * {ADVERSARIAL_LENGTH:,}: {pattern.pattern[:120]!r}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - began
            assert elapsed <= budget, f"{name} took {elapsed:.2f} s on {key!r} (budget {budget:.2f} s)"
    finally:
        signal.signal(signal.SIGALRM, previous)


# -------------------------------------------------------------- what the fuzzer found (fixed)


def test_markdown_sentences_are_found_across_wrapped_lines_and_double_spaces() -> None:
    """fuzz/run.py, split_markdown: a sentence was matched by its first words joined with single
    spaces, so 'The\\nrover ...' was located at a later 'The rover', and a sentence that could not
    be found at all was put one column past the end of the input."""
    outcome = run("--format", "jsonl", "--markdown", input="The\nrover landed on Mars. The rover weighs 2,623 pounds.\n")
    assert [(r["location"]["line"], r["location"]["column"]) for r in outcome.rows()] == [(1, 1), (2, 23)]
    from percycheck.text import split_markdown

    claims = split_markdown("3  p 3 p. O")
    assert [(c.text, c.location.column if c.location else 0) for c in claims] == [("3 p 3 p.", 1), ("O", 11)]


def test_a_source_file_name_too_long_for_the_system_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """fuzz/run.py, facts: ``Path.resolve`` raised OSError (ENAMETOOLONG) out of the loader."""
    name = facts_file(tmp_path, VALID_FACTS.replace("file: src.txt", "file: " + "s" * 300 + ".txt"))
    assert_one_line_error(run("--facts", name, SUPPORTED), "facts.yaml:3: source gazette: cannot read")


@pytest.mark.parametrize(
    ("draft", "place"),
    [
        pytest.param(f"1. \n{CONTRADICTED}\n", (2, 1), id="marker-then-line-break"),
        pytest.param(f"- \x0c{CONTRADICTED}\n", (1, 4), id="marker-then-form-feed"),
    ],
)
def test_a_sentence_after_a_list_marker_is_located_at_its_first_word(draft: str, place: tuple[int, int]) -> None:
    """fuzz/run.py, split_text: the location pointed at the white space after a list marker,
    one column past the end of the line when the sentence went on on the next one."""
    outcome = run("--format", "jsonl", "--plain", input=draft)
    [row] = outcome.rows()
    assert (row["claim"], row["location"]["line"], row["location"]["column"]) == (CONTRADICTED, *place)


@pytest.mark.parametrize("tagged", ["!!float", "!!int", "!!bool maybe", "!!timestamp", "!!float ''"])
def test_an_explicit_tag_on_an_empty_or_bogus_value_is_one_line(tmp_path: Path, tagged: str) -> None:
    """fuzz/run.py, facts: ``x: !!float`` (no value) raised IndexError from inside PyYAML, and
    ``!!bool maybe`` KeyError; both now name the line like ``!!int many`` already did."""
    name = facts_file(tmp_path, VALID_FACTS + f"extra: {tagged}\n")
    kind = tagged.split()[0].lstrip("!")
    assert_one_line_error(run("--validate-facts", name), f"facts.yaml:15: malformed YAML: invalid {kind} value")


@pytest.mark.parametrize("unit", ["{a: 1}", "[lb, kg]"])
def test_a_unit_that_is_a_mapping_or_a_list_is_one_line(tmp_path: Path, unit: str) -> None:
    """fuzz/run.py, facts (structure mutations): ``unit: {a: 1}`` raised TypeError (unhashable)."""
    text = VALID_FACTS.replace("{slot: wheels, count: 6, noun: wheel}", f"{{slot: mass, quantity: 5, unit: {unit}}}")
    assert_one_line_error(run("--validate-facts", facts_file(tmp_path, text)), "facts.yaml:11: fact wheel-count: unknown unit")
