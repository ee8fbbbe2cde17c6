"""Issue #12, items 2-6: one reproduction per threat, checked the way a user would notice it.

- configuration planted outside the repository, or by another user, must not turn the gate off;
- a facts file must not make percycheck print ``.git/config`` or a dot-file, and an error about
  any YAML file must quote it only briefly;
- no output (any ``--format``, standard error) may carry a GitHub workflow command the runner
  would execute, except the github format's own annotations;
- bidi and invisible characters never reach any output raw; ids are matched whole;
- a claim nested deeper than markdown-it nests is still checked.

(The cache threats of item 1 are in ``tests/test_cache_security.py``.)
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_hostile import run

from percycheck.api import find_claims
from percycheck.facts import FactsError, load_facts

DATA = Path(__file__).resolve().parent / "data"
CONTRADICTED = "Perseverance weighs 2,623 pounds."
FORMATS = ["text", "json", "jsonl", "github", "sarif"]
POSIX_OWNERS = pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners are a POSIX notion")
AS_ROOT = pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="only root can give a file away")


pytestmark = pytest.mark.usefixtures("isolated_cli")


# ------------------------------------------------------------------------------ 2. configuration


def _repository(tmp_path: Path) -> Path:
    """A shared parent folder holding a repository: ``shared/repo`` with ``.git``."""
    repo = tmp_path / "shared" / "repo"
    (repo / ".git").mkdir(parents=True)
    return repo


def test_settings_above_the_repository_root_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``fail-on = "never"`` planted in a shared parent folder must not turn the CI gate off."""
    repo = _repository(tmp_path)
    (tmp_path / "shared" / ".percycheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    (tmp_path / "shared" / "pyproject.toml").write_text('[tool.percycheck]\nfail-on = "never"\n', encoding="utf-8")
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")
    outcome = run(CONTRADICTED)
    assert outcome.status == 1, outcome


def test_settings_at_the_repository_root_still_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repository(tmp_path)
    (repo / ".percycheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")
    assert run(CONTRADICTED).status == 0


def test_a_worktree_or_submodule_root_holding_a_git_file_stops_the_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "outer" / "worktree"
    repo.mkdir(parents=True)
    (repo / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")
    (tmp_path / "outer" / ".percycheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(repo)
    assert run(CONTRADICTED).status == 1


@POSIX_OWNERS
@AS_ROOT
@pytest.mark.parametrize("name", [".percycheck.toml", "pyproject.toml"])
def test_settings_owned_by_another_user_are_ignored_with_a_warning(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = tmp_path / name
    planted.write_text(('[tool.percycheck]\n' if name == "pyproject.toml" else "") + 'fail-on = "never"\n', encoding="utf-8")
    os.chown(planted, 12345, 12345)
    outcome = run(CONTRADICTED)
    assert outcome.status == 1, outcome
    assert outcome.stderr.count("\n") == 1 and "warning: ignoring" in outcome.stderr and "another user" in outcome.stderr


# ------------------------------------------------------------------------------ 3. secrets from the checkout


def _facts_naming(tmp_path: Path, source_file: str) -> Path:
    """tests/data/cli-facts.yaml, copied beside a checkout, with its one source file renamed."""
    text = (DATA / "cli-facts.yaml").read_text(encoding="utf-8").replace("file: cli-source.txt", f"file: {source_file}")
    facts = tmp_path / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    return facts


SECRET = "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46c2VjcmV0"


@pytest.mark.parametrize("where", [".git/config", ".env", "sources/.secret.txt", "sources/../.git/config"])
def test_a_source_inside_git_or_a_dot_file_is_refused(tmp_path: Path, where: str) -> None:
    """With --explain, the quote's context would print the token actions/checkout keeps in .git/config."""
    target = tmp_path / where
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        f"[http]\n\textraheader = {SECRET}\nPerseverance rolls on six wheels.\n", encoding="utf-8"
    )
    facts = _facts_naming(tmp_path, where)
    outcome = run("--facts", str(facts), "--explain", "Perseverance rolls on six wheels.")
    assert outcome.status == 2, outcome
    assert "hidden file or inside a VCS folder" in outcome.stderr
    assert "eC1hY2Nlc3" not in outcome.stdout + outcome.stderr


@POSIX_OWNERS
def test_a_link_into_git_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(f"{SECRET}\nPerseverance rolls on six wheels.\n", encoding="utf-8")
    (tmp_path / "innocent.txt").symlink_to(tmp_path / ".git" / "config")
    with pytest.raises(FactsError, match="hidden file or inside a VCS folder"):
        load_facts(_facts_naming(tmp_path, "innocent.txt"))


def test_a_source_of_an_ordinary_name_still_loads(tmp_path: Path) -> None:
    shutil.copy(DATA / "cli-source.txt", tmp_path / "cli-source.txt")
    assert len(load_facts(_facts_naming(tmp_path, "cli-source.txt")).facts) == 1


TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"


@pytest.mark.parametrize(
    "yaml_text",
    [
        f"!{TOKEN} value\n",  # an unknown tag
        f"{TOKEN}: 1\n{TOKEN}: 2\n",  # a duplicate key
        f"sources:\n  - {TOKEN}\nfacts: []\n",  # a list item that is no mapping
        f"a: *{TOKEN}\n",  # an undefined alias
        f"sources: []\nfacts:\n  - id: x\n    statement: s\n    subject: s\n    citations: []\n    as_of: {TOKEN}\n",
    ],
)
def test_errors_quote_a_yaml_file_only_briefly(tmp_path: Path, yaml_text: str) -> None:
    """``--facts ~/.config/gh/hosts.yml`` must not print the token back in the error."""
    secret = tmp_path / "hosts.yml"
    secret.write_text(yaml_text, encoding="utf-8")
    for args in (["--validate-facts", str(secret)], ["--facts", str(secret), CONTRADICTED]):
        outcome = run(*args)
        assert outcome.status == 2, outcome
        assert outcome.stderr.startswith("percycheck: ")
        assert TOKEN[:16] not in outcome.stderr, outcome


def test_a_python_tag_is_still_named_in_full(tmp_path: Path) -> None:
    bad = tmp_path / "facts.yaml"
    bad.write_text("sources: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    outcome = run("--validate-facts", str(bad))
    assert outcome.status == 2 and "!!python/object/apply:os.system" in outcome.stderr, outcome


# ------------------------------------------------------------------------------ 4. workflow commands

# What the Actions runner executes: "##[" anywhere in a line, "::" at its start (after blanks).
RUNNER_ANYWHERE = "##["
RUNNER_LINE_START = re.compile(r"^\s*::", re.MULTILINE)


def _injected_commands(output: str, fmt: str) -> list[str]:
    """Every line the runner would run as a workflow command, but the github format's own."""
    found = [line for line in output.splitlines() if RUNNER_ANYWHERE in line]
    for line in output.splitlines():
        if RUNNER_LINE_START.match(line):
            own = fmt == "github" and re.match(r"::(error|warning) file=[^:]*,title=percycheck%3A [a-z]+::", line)
            if not own:
                found.append(line)
    return found


HOSTILE_DRAFT = (
    "# Notes\n\n"
    "Perseverance weighs 2,623 pounds ##[add-mask]secret-one.\n\n"
    "Perseverance landed on Feb. 19, 2021. ::error file=x.md::pwned ##[error]fake failure\n\n"
    "::warning::Perseverance carries seven instruments.\n"
)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_draft_cannot_inject_workflow_commands(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "draft.md").write_text(HOSTILE_DRAFT, encoding="utf-8")
    outcome = run("-f", "draft.md", "--format", fmt, "--fail-on", "never", "--show", "all")
    assert outcome.status == 0, outcome
    assert "add-mask" in outcome.stdout, "the claim is reported, not dropped"
    assert _injected_commands(outcome.stdout + outcome.stderr, fmt) == []


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif"])
def test_json_formats_escape_workflow_commands_losslessly(tmp_path: Path, fmt: str) -> None:
    """``##[`` is written ``##\\u005b``: the raw report is inert, the decoded claim exact."""
    (tmp_path / "draft.md").write_text(HOSTILE_DRAFT, encoding="utf-8")
    outcome = run("-f", "draft.md", "--format", fmt, "--fail-on", "never")
    assert RUNNER_ANYWHERE not in outcome.stdout
    assert "##[add-mask]secret-one" in _claims(outcome.stdout, fmt)


def _claims(stdout: str, fmt: str) -> str:
    """Every claim string of a JSON report, decoded: what a consumer of the JSON reads."""
    if fmt == "jsonl":
        return " ".join(row["claim"] for row in map(json.loads, stdout.splitlines()))
    document: Any = json.loads(stdout)
    if fmt == "json":
        return " ".join(row["claim"] for row in document["results"])
    return " ".join(r["properties"]["claim"] for r in document["runs"][0]["results"])


def test_a_claim_that_wraps_cannot_start_a_line_with_a_command() -> None:
    """On a terminal the text report wraps long claims (piped, it never wraps): find the padding
    that makes ``::error`` begin a wrapped line, and check the guard neutralised it."""
    from percycheck.models import Location, Result, Summary, Verdict
    from percycheck.output.text import TextFormatter

    for pad in range(0, 80):
        claim = f"Perseverance weighs 2,623 pounds {'x' * pad} ::error file=x.md::pwned."
        stream = io.StringIO()
        report = TextFormatter(stream, width=60)
        report.start()
        report.handle(Result(Verdict(claim, "unknown", 0.1, "no fact covers this"), Location("d.txt", 1, 1)))
        report.stop(Summary(checked=1, unknown=1))
        printed = stream.getvalue()
        if any(line.lstrip().lstrip("\\").startswith("::error") for line in printed.splitlines()):
            break
    else:
        pytest.fail("no padding wrapped ::error to the start of a line; the test proves nothing")
    assert _injected_commands(printed, "text") == [], printed


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_cannot_inject_workflow_commands(tmp_path: Path, fmt: str) -> None:
    """File names reach reports and warnings: ``##[error]x.md`` with a bad byte, and ``::error x.md``."""
    for name in ("##[error]bad.md", "::error x.md"):
        (tmp_path / name).write_bytes(b"Perseverance weighs 2,623 pounds. \xff\n")
        outcome = run("-f", name, "--format", fmt, "--fail-on", "never")
        assert "warning" in outcome.stderr, outcome
        assert _injected_commands(outcome.stdout + outcome.stderr, fmt) == [], outcome
    outcome = run("-f", "##[error]missing.md")
    assert outcome.status == 2 and _injected_commands(outcome.stderr, "text") == [], outcome


def test_validate_facts_and_search_cannot_inject_workflow_commands(tmp_path: Path) -> None:
    facts = tmp_path / "::error x ##[add-mask]y.yaml"
    shutil.copy(DATA / "cli-facts.yaml", facts)
    shutil.copy(DATA / "cli-source.txt", tmp_path / "cli-source.txt")
    outcome = run("--validate-facts", str(facts.name))
    assert outcome.status == 0, outcome
    assert _injected_commands(outcome.stdout + outcome.stderr, "text") == []
    outcome = run("--search", "##[add-mask]zzzz qqqq")
    assert _injected_commands(outcome.stdout + outcome.stderr, "text") == []


# ------------------------------------------------------------------------------ 5. bidi and invisible characters

HIDDEN = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
          "\u200b", "\u200e", "\u200f", "\u061c"]  # fmt: skip


@pytest.mark.parametrize("fmt", FORMATS)
def test_bidi_and_invisible_characters_never_reach_any_output_raw(tmp_path: Path, fmt: str) -> None:
    claim = "Perseverance weighs 2,623 " + "".join(HIDDEN) + "pounds."
    name = "dr\u202eaft\u200b.md"
    (tmp_path / name).write_text(claim + "\n", encoding="utf-8")
    outcome = run("-f", name, "--format", fmt, "--fail-on", "never")
    shown = outcome.stdout + outcome.stderr
    assert outcome.stdout, outcome
    assert [c for c in HIDDEN if c in shown] == []
    if fmt in ("json", "jsonl", "sarif"):  # escaped, so a JSON reader still gets the exact claim
        assert "".join(HIDDEN) in _claims(outcome.stdout, fmt)


def test_validate_facts_escapes_the_file_name(tmp_path: Path) -> None:
    name = "facts\u202e\x1b[31m.yaml"
    shutil.copy(DATA / "cli-facts.yaml", tmp_path / name)
    shutil.copy(DATA / "cli-source.txt", tmp_path / "cli-source.txt")
    outcome = run("--validate-facts", name)
    assert outcome.status == 0, outcome
    assert "\u202e" not in outcome.stdout and "\x1b" not in outcome.stdout
    assert "\\u202e" in outcome.stdout and "\\x1b" in outcome.stdout


@pytest.mark.parametrize("bad_id", ["wheel-count\\n", "wheel-count\\nsecond-line", "Wheel-count"])
def test_a_fact_id_must_match_whole(tmp_path: Path, bad_id: str) -> None:
    """The id pattern ended in ``$``, which lets a trailing line break through."""
    text = (DATA / "cli-facts.yaml").read_text(encoding="utf-8").replace("- id: wheel-count", f'- id: "{bad_id}"')
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    shutil.copy(DATA / "cli-source.txt", tmp_path / "cli-source.txt")
    outcome = run("--validate-facts", "facts.yaml")
    assert outcome.status == 2 and "must be lower-case letters" in outcome.stderr, outcome


def test_a_date_must_match_whole(tmp_path: Path) -> None:
    text = (DATA / "cli-facts.yaml").read_text(encoding="utf-8").replace("date: 2024-01-02", 'date: "2024-01-02\\n"')
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    shutil.copy(DATA / "cli-source.txt", tmp_path / "cli-source.txt")
    outcome = run("--validate-facts", "facts.yaml")
    assert outcome.status == 2 and "invalid date" in outcome.stderr, outcome


# ------------------------------------------------------------------------------ 6. deep nesting

FALSE_CLAIM = "Perseverance landed on Feb. 19, 2021."


@pytest.mark.parametrize(
    "draft, line, column",
    [
        ("> " * 20 + FALSE_CLAIM + "\n", 3, 41),  # 20 block quotes
        ("".join("  " * i + "- item\n" for i in range(10)) + "  " * 10 + "- " + FALSE_CLAIM + "\n", 13, 23),  # 10 lists
        ("> " * 300 + FALSE_CLAIM + "\n", 3, 601),  # past the parser's own limit
        ("".join("  " * i + "- item\n" for i in range(120)) + "  " * 120 + "- " + FALSE_CLAIM + "\n", 123, 243),
    ],
    ids=["20-quotes", "10-lists", "300-quotes", "120-lists"],
)
def test_a_deeply_nested_claim_is_checked(tmp_path: Path, draft: str, line: int, column: int) -> None:
    """Before: ``checked 0``, exit 0: a false claim hidden from the gate by nesting it."""
    (tmp_path / "draft.md").write_text("Intro.\n\n" + draft, encoding="utf-8")
    outcome = run("-f", "draft.md", "--format", "jsonl")
    assert outcome.status == 1, outcome
    rows = [json.loads(x) for x in outcome.stdout.splitlines()]
    assert [(r["claim"], r["verdict"]) for r in rows] == [(FALSE_CLAIM, "contradicted")]
    assert (rows[0]["location"]["line"], rows[0]["location"]["column"]) == (line, column)


def test_deep_nesting_does_not_check_a_sentence_twice() -> None:
    draft = "> " * 99 + "Perseverance landed on Feb. 19, 2021.\n\n" + "> " * 100 + "Perseverance weighs 2,623 pounds.\n"
    texts = [c.text for c in find_claims(draft, "d.md", markdown=True).claims]
    assert texts == ["Perseverance landed on Feb. 19, 2021.", "Perseverance weighs 2,623 pounds."]
