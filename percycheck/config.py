"""Find settings in the nearest ``.percycheck.toml`` or ``pyproject.toml`` ([tool.percycheck]).

Keys are the long option names (``fail-on``, ``format``, ``facts``, ``color``, ``markdown``,
``explain``); a path in ``facts`` is relative to the file that sets it. Options on the command
line win over the file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KNOWN_KEYS = frozenset({"fail-on", "format", "facts", "color", "markdown", "explain", "lines"})


class ConfigError(Exception):
    """A configuration file that cannot be used."""


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    for folder in (start, *start.parents):
        dotfile = folder / ".percycheck.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.percycheck]" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def load_config(path: Path) -> dict[str, Any]:
    """Settings from one file, keyed by option name with dashes turned to underscores."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    table = data.get("tool", {}).get("percycheck", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.percycheck] must be a table")
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
    settings = {key.replace("-", "_"): value for key, value in table.items()}
    if isinstance(settings.get("facts"), str):
        settings["facts"] = str((path.parent / settings["facts"]).resolve())
    return settings
