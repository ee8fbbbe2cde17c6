"""Tests for percycheck.config: which file is found, what it may say, and every error message."""

from __future__ import annotations

from pathlib import Path

import pytest

from percycheck.cli import CONFIG_OPTIONS, FAIL_ON, command
from percycheck.config import (
    COLOR_CHOICES,
    FAIL_ON_CHOICES,
    FORMAT_CHOICES,
    KNOWN_KEYS,
    ConfigError,
    find_config,
    load_config,
)
from percycheck.output import FORMATTER_PATHS


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- finding


def test_no_file_anywhere(tmp_path: Path) -> None:
    assert find_config(tmp_path) is None


def test_dotfile_in_the_start_folder(tmp_path: Path) -> None:
    dotfile = write(tmp_path / ".percycheck.toml", 'format = "json"\n')
    assert find_config(tmp_path) == dotfile


def test_nearest_folder_wins(tmp_path: Path) -> None:
    write(tmp_path / ".percycheck.toml", 'format = "json"\n')
    inner = write(tmp_path / "docs" / "pyproject.toml", '[tool.percycheck]\nformat = "jsonl"\n')
    drafts = tmp_path / "docs" / "drafts"
    drafts.mkdir()
    assert find_config(drafts) == inner


def test_dotfile_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.percycheck]\nformat = "jsonl"\n')
    dotfile = write(tmp_path / ".percycheck.toml", 'format = "json"\n')
    assert find_config(tmp_path) == dotfile


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", '[tool.percycheck]\nformat = "json"\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "percycheck-notes"\n')
    assert find_config(tmp_path / "pkg") == outer


def test_pyproject_with_a_dotted_table_counts(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", '[tool]\npercycheck = { format = "json" }\n')
    assert find_config(tmp_path) == pyproject
    assert load_config(pyproject) == {"format": "json"}


def test_broken_pyproject_that_mentions_percycheck_is_reported(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", "[tool.percycheck\nformat = 'json'\n")
    assert find_config(tmp_path) == pyproject
    with pytest.raises(ConfigError, match=r"pyproject\.toml: invalid TOML: "):
        load_config(pyproject)


def test_broken_pyproject_of_another_tool_is_ignored(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.black\n")
    assert find_config(tmp_path) is None


# ----------------------------------------------------------------------------- loading


def test_every_setting(tmp_path: Path) -> None:
    write(tmp_path / "facts" / "ours.yaml", "")
    dotfile = write(
        tmp_path / ".percycheck.toml",
        'fail-on = "unknown"\nformat = "github"\nfacts = "facts/ours.yaml"\ncolor = "never"\n'
        "markdown = false\nexplain = true\nlines = true\n",
    )
    assert load_config(dotfile) == {
        "fail_on": "unknown",
        "format": "github",
        "facts": str((tmp_path / "facts" / "ours.yaml").resolve()),
        "color": "never",
        "markdown": False,
        "explain": True,
        "lines": True,
    }


def test_facts_is_relative_to_the_file_that_sets_it(tmp_path: Path) -> None:
    pyproject = write(
        tmp_path / "repo" / "pyproject.toml", '[tool.percycheck]\nfacts = "../shared/facts.yaml"\n'
    )
    assert load_config(pyproject)["facts"] == str((tmp_path / "shared" / "facts.yaml").resolve())


def test_an_empty_table_is_no_settings(tmp_path: Path) -> None:
    assert load_config(write(tmp_path / "pyproject.toml", "[tool.percycheck]\n")) == {}
    assert load_config(write(tmp_path / ".percycheck.toml", "")) == {}


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    dotfile = tmp_path / ".percycheck.toml"
    dotfile.write_bytes(b'\xef\xbb\xbfformat = "json"\n')
    assert load_config(dotfile) == {"format": "json"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'fromat = "json"\n',
            r"unknown setting 'fromat' \(known: color, explain, facts, fail-on, format, jobs, lines, markdown\)",  # noqa: E501
        ),
        ('fail_on = "unknown"\n', r"unknown setting 'fail_on'; did you mean 'fail-on'\?"),
        ('format = "xml"\n', r"format must be one of text, json, jsonl, github, sarif, not 'xml'"),
        (
            'fail-on = "sometimes"\n',
            r"fail-on must be one of contradicted, unknown, never, not 'sometimes'",
        ),
        ('color = "yes"\n', r"color must be one of auto, always, never, not 'yes'"),
        ("color = true\n", r"color must be a string, not True"),
        ('markdown = "yes"\n', r"markdown must be true or false, not 'yes'"),
        ("explain = 1\n", r"explain must be true or false, not 1"),
        ("facts = 3\n", r"facts must be a string, not 3"),
        ('facts = " "\n', r"facts must name a file"),
        ("format = \n", r"invalid TOML: "),
    ],
)
def test_bad_settings_are_one_line_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    dotfile = write(tmp_path / ".percycheck.toml", text)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(dotfile)
    assert str(info.value).startswith(f"{dotfile}: ")
    assert "\n" not in str(info.value)


def test_tool_percycheck_must_be_a_table(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", '[tool]\npercycheck = "json"\n')
    with pytest.raises(ConfigError, match=r"\[tool\.percycheck\] must be a table"):
        load_config(pyproject)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read configuration"):
        load_config(tmp_path / ".percycheck.toml")


# ------------------------------------------------------------------- agreement with the CLI


def test_every_key_is_a_long_option_of_the_command() -> None:
    options = {name: param for param in command.params for name in param.opts}
    for key in KNOWN_KEYS:
        param = options[f"--{key}"]
        assert param.name == CONFIG_OPTIONS.get(key.replace("-", "_"), key.replace("-", "_"))


def test_choices_match_the_command_line() -> None:
    assert tuple(FAIL_ON) == FAIL_ON_CHOICES
    assert tuple(FORMATTER_PATHS) == FORMAT_CHOICES
    assert COLOR_CHOICES == ("auto", "always", "never")
