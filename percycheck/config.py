"""Find settings in the nearest ``.percycheck.toml`` or ``pyproject.toml`` ([tool.percycheck]).

A project states its choices once (``fail-on = "unknown"``, ``facts = "our-facts.yaml"``) and
every run, editor hook and CI job picks them up. Keys are the long option names (``fail-on``,
``format``, ``facts``, ``color``, ``markdown``, ``explain``, ``lines`` and ``jobs``, the number of
processes for a long draft, 0 for one per CPU); a path in ``facts`` is relative to the file that
sets it; options on the command line win over the file.
Every value is checked here, so a typo is one clear ``FILE: message`` line, not a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

from percycheck.output import FORMATTER_PATHS

__all__ = [
    "COLOR_CHOICES",
    "CONFIG_FILES",
    "FAIL_ON_CHOICES",
    "FORMAT_CHOICES",
    "KNOWN_KEYS",
    "ConfigError",
    "Setting",
    "find_config",
    "load_config",
]

FAIL_ON_CHOICES = ("contradicted", "unknown", "never")
FORMAT_CHOICES = tuple(FORMATTER_PATHS)
COLOR_CHOICES = ("auto", "always", "never")
CONFIG_FILES = (".percycheck.toml", "pyproject.toml")
"""Looked for in this order in each folder from the current one up to the repository's root."""


@dataclass(frozen=True)
class Setting:
    """What one key accepts: a TOML type and, for strings, the allowed values."""

    kind: type
    choices: tuple[str, ...] = ()


SETTINGS: dict[str, Setting] = {
    "fail-on": Setting(str, FAIL_ON_CHOICES),
    "format": Setting(str, FORMAT_CHOICES),
    "facts": Setting(str),
    "color": Setting(str, COLOR_CHOICES),
    "markdown": Setting(bool),
    "explain": Setting(bool),
    "lines": Setting(bool),
    "jobs": Setting(int),
}
KNOWN_KEYS = frozenset(SETTINGS)


class ConfigError(Exception):
    """A configuration file that cannot be used; the message is one line naming the file."""


def _read(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        return data
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _mentions_percycheck(path: Path) -> bool:
    try:
        return "percycheck" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


REPOSITORY_MARKERS = (".git", ".hg")
"""A folder holding one of these is a repository's root: the search goes no higher."""


def _owned_by_another_user(path: Path) -> bool:
    """A file someone else owns may be planted (a shared parent folder, /tmp): git refuses such
    repositories since CVE-2022-24765, and percycheck ignores such settings."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows has no simple owner check
        return False
    try:
        return os.stat(path).st_uid != os.getuid()
    except OSError:
        return False


def find_config(start: Path, skipped: Callable[[Path, str], None] | None = None) -> Path | None:
    """The nearest configuration file at or above ``start``, up to the repository's root.

    A ``pyproject.toml`` counts only when it has a ``[tool.percycheck]`` table; one that is not
    valid TOML counts when it mentions percycheck, so the error is reported, not ignored. The
    search stops at the folder holding ``.git`` (or ``.hg``): settings above a repository are not
    the repository's. A file owned by another user is passed over, and told to ``skipped``.
    """
    for folder in (start, *start.parents):
        found = _config_in(folder, skipped)
        if found is not None:
            return found
        if any((folder / marker).exists() for marker in REPOSITORY_MARKERS):
            return None
    return None


def _config_in(folder: Path, skipped: Callable[[Path, str], None] | None) -> Path | None:
    for name in CONFIG_FILES:
        path = folder / name
        if not path.is_file():
            continue
        if _owned_by_another_user(path):
            if skipped is not None:
                skipped(path, "owned by another user")
            continue
        if name == ".percycheck.toml":
            return path
        if _mentions_percycheck(path):
            try:
                data = _read(path)
            except ConfigError:
                return path
            tool = data.get("tool")
            if isinstance(tool, dict) and "percycheck" in tool:
                return path
    return None


def _check(path: Path, key: str, value: Any) -> None:
    setting = SETTINGS.get(key)
    if setting is None:
        known = ", ".join(sorted(KNOWN_KEYS))
        hint = f"; did you mean {key.replace('_', '-')!r}?" if key.replace("_", "-") in SETTINGS else ""
        raise ConfigError(f"{path}: unknown setting {key!r}{hint} (known: {known})")
    if type(value) is not setting.kind:
        wanted = {bool: "true or false", int: "a whole number"}.get(setting.kind, "a string")
        raise ConfigError(f"{path}: {key} must be {wanted}, not {value!r}")
    if setting.choices and value not in setting.choices:
        raise ConfigError(f"{path}: {key} must be one of {', '.join(setting.choices)}, not {value!r}")
    if key == "facts" and isinstance(value, str) and not value.strip():
        raise ConfigError(f"{path}: facts must name a file")


def load_config(path: Path) -> dict[str, Any]:
    """Validated settings from one file, keyed by option name with dashes turned to underscores.

    Raises ConfigError for a file that is not TOML, an unknown key or a value of the wrong type.
    """
    data = _read(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("percycheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.percycheck] must be a table")
    else:
        table = data
    for key, value in table.items():
        _check(path, key, value)
    settings = {key.replace("-", "_"): value for key, value in table.items()}
    if "facts" in settings:
        settings["facts"] = str((path.parent / settings["facts"]).resolve())
    return settings
