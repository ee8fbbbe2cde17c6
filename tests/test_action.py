"""The GitHub Action (action.yml): its inputs, and its check step run for real with bash."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
CONTRADICTED = "Perseverance weighs 2,623 pounds."
SUPPORTED = "Perseverance landed in Jezero Crater on Feb. 18, 2021."


def entry_point() -> str:
    beside = Path(sys.executable).with_name("percycheck")
    found = str(beside) if beside.exists() else shutil.which("percycheck")
    if found is None:
        pytest.skip("the percycheck entry point is not installed")
    return found


def test_action_is_composite_with_the_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    assert {name: inputs[name]["default"] for name in ("paths", "fail-on", "format")} == {
        "paths": ".",
        "fail-on": "contradicted",
        "format": "github",  # annotations by default
    }
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step["run"], "inputs must reach the script through env, never pasted in"


def run_check_step(tmp_path: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    """The action's check step, with the inputs' defaults, as GitHub would run it."""
    step = ACTION["runs"]["steps"][-1]
    values = {name: spec["default"] for name, spec in ACTION["inputs"].items()} | inputs
    env: dict[str, Any] = {key: os.environ[key] for key in ("PATH", "HOME", "PERCYCHECK_CACHE_DIR") if key in os.environ}
    for key, template in step["env"].items():
        name = template.removeprefix("${{ inputs.").removesuffix(" }}")
        env[key] = values[name]
    env["PERCYCHECK_BIN"] = entry_point()
    return subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )


def test_check_step_annotates_and_fails_on_a_contradiction(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "rover.md").write_text(f"# Rover\n\n{SUPPORTED} {CONTRADICTED}\n", encoding="utf-8")
    (tmp_path / "ok.md").write_text(f"{SUPPORTED}\n", encoding="utf-8")
    done = run_check_step(tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=docs/rover.md,line=3,col=56,title=percycheck%3A contradicted::")
    assert done.stdout.count("::error") == 1


def test_check_step_takes_paths_and_args_as_written(tmp_path: Path) -> None:
    (tmp_path / "my notes.md").write_text(f"{SUPPORTED}\n", encoding="utf-8")
    (tmp_path / "other.md").write_text(f"{CONTRADICTED}\n", encoding="utf-8")
    done = run_check_step(tmp_path, paths="my notes.md", format="jsonl", args="--fail-on never")
    assert done.returncode == 2  # "my notes.md" split on the space: two missing files
    assert "my: no such file" in done.stderr
    done = run_check_step(tmp_path, paths="'$(touch pwned)'\nother.md", **{"fail-on": "never"})
    assert not (tmp_path / "pwned").exists()
    assert done.returncode == 2 and "no such file" in done.stderr
    done = run_check_step(tmp_path, paths="other.md", **{"fail-on": "never"})
    assert (done.returncode, done.stdout.count("::error")) == (0, 1)
