"""The README's instructions work: its shown commands give the output it shows, every example in
its options table runs, and its snippets name things that exist (as sqlite-utils does with cog).

Each ```console block is a series of ``$ percycheck ...`` commands, each followed by the exact
standard output it prints; they run from the checkout, as a reader would run them.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from percycheck import cli
from percycheck.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
COLOUR_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM", "CI")


def blocks(language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(README) if lang == language]


def console_examples() -> Iterator[tuple[str, str]]:
    """``(command, expected output)`` for every ``$ percycheck`` line of the console blocks."""
    for body in blocks("console"):
        for chunk in re.split(r"^\$ ", body, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            yield command, output


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in COLOUR_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def run(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch, input: str | None = None) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(cli.command, args, input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_the_readme_shows_console_examples() -> None:
    assert len(list(console_examples())) >= 2


@pytest.mark.parametrize(("command", "expected"), list(console_examples()), ids=[c for c, _ in console_examples()])
def test_a_console_example_prints_what_the_readme_shows(
    command: str, expected: str, clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    program, *args = shlex.split(command)
    assert program == "percycheck"
    status, stdout, stderr = run(args, ROOT, monkeypatch)
    assert stdout == expected
    assert stderr == ""
    assert status in (0, 1)


def option_examples() -> list[str]:
    """The Example column of the options table."""
    section = README[README.index("### Options") : README.index("### Exit status")]
    return [match.group(1).replace("\\|", "|") for match in re.finditer(r"^\| `[^`]+` \| `([^`]+)` \|", section, re.MULTILINE)]


def test_the_options_table_has_examples() -> None:
    assert len(option_examples()) >= 15


@pytest.mark.parametrize("example", option_examples())
def test_every_options_table_example_runs(
    example: str, tmp_path: Path, clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each example, run in a folder holding the files it names: no usage or input error."""
    draft = (ROOT / "examples" / "draft.md").read_text(encoding="utf-8")
    for name in ("draft.md", "long-draft.md", "README.md", "docs/rover.md", "notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(draft, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Perseverance weighs 2,263 pounds.\n", encoding="utf-8")
    (tmp_path / "claims.txt").write_text("Perseverance weighs 2,263 pounds.\nIngenuity is a helicopter.\n", encoding="utf-8")
    for name in ("facts.yaml", "our-facts.yaml"):
        shutil.copyfile(ROOT / "tests" / "data" / "cli-facts.yaml", tmp_path / name)
    shutil.copyfile(ROOT / "tests" / "data" / "cli-source.txt", tmp_path / "cli-source.txt")
    stdin = None
    command = example.split(" | less")[0]
    if command.startswith("cat "):
        source, _, command = command.partition(" | ")
        stdin = (tmp_path / source.split()[1]).read_text(encoding="utf-8")
    command, _, redirect = command.partition(" < ")
    if redirect:
        stdin = (tmp_path / redirect).read_text(encoding="utf-8")
    program, *args = shlex.split(command)
    assert program == "percycheck"
    status, stdout, stderr = run(args, tmp_path, monkeypatch, input=stdin)
    assert status in (0, 1), stderr
    assert "error" not in stderr and "Traceback" not in stderr
    assert stdout


def test_every_configuration_key_is_documented() -> None:
    section = README[README.index("### Configuration") : README.index("### pre-commit")]
    listed = re.search(r"option names: (.*?)\. Options", section, re.DOTALL)
    assert listed is not None
    assert set(re.findall(r"`([a-z-]+)`", listed.group(1))) == set(SETTINGS)


def test_the_pre_commit_snippet_names_a_hook_and_a_rev_that_exist() -> None:
    [snippet] = [body for body in blocks("yaml") if ".pre-commit-config.yaml" in body]
    repo = yaml.safe_load(snippet)["repos"][0]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in repo["hooks"]} <= {hook["id"] for hook in hooks}
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    refs = subprocess.run(
        [git, "-C", str(ROOT), "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes", "refs/tags"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    names = {ref.split("/", 1)[-1] for ref in refs} | set(refs)
    assert repo["rev"] in names  # "v0.1.0" was shown once, and no such tag exists


def test_the_workflow_snippet_uses_the_action_with_its_inputs() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    [workflow] = [body for body in blocks("yaml") if "uses: OWNER/percycheck@" in body]
    steps = yaml.safe_load(workflow)["jobs"]["annotate"]["steps"]
    [step] = [s for s in steps if s.get("uses", "").startswith("OWNER/percycheck@")]
    assert set(step["with"]) <= set(action["inputs"])


def test_the_install_command_names_extras_that_exist() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for body in blocks("sh"):
        for extra in re.findall(r'"\.\[(\w+)\]"', body):
            assert re.search(rf"^{extra} = \[", pyproject, re.MULTILINE), extra
    assert "pip install percycheck\n" not in README  # not on PyPI: install from the repository
