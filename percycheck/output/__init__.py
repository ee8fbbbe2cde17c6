"""Report formats, chosen by ``--format`` from one table.

The table holds ``"module:Class"`` paths and imports a format only when it is asked for, so a
``--format jsonl`` run never pays for importing rich. ``FORMATTERS`` still reads as a mapping of
names to classes (``list(FORMATTERS)`` for the ``--format`` choices, ``FORMATTERS["json"]``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from percycheck.output.base import Formatter, sanitize, summary_to_dict, verdict_to_dict

__all__ = [
    "FORMATTERS",
    "FORMATTER_PATHS",
    "Formatter",
    "get_formatter",
    "sanitize",
    "summary_to_dict",
    "verdict_to_dict",
]

FORMATTER_PATHS: dict[str, str] = {
    "text": "percycheck.output.text:TextFormatter",
    "json": "percycheck.output.jsonfmt:JSONFormatter",
    "jsonl": "percycheck.output.jsonfmt:JSONLinesFormatter",
    "github": "percycheck.output.github:GitHubFormatter",
    "sarif": "percycheck.output.sarif:SarifFormatter",
}


def _load(path: str) -> type[Formatter]:
    module_name, _, class_name = path.partition(":")
    found = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(found, type) and issubclass(found, Formatter)):
        raise TypeError(f"{path} is not a Formatter subclass")
    return found


class _FormatterTable(Mapping[str, "type[Formatter]"]):
    """A read-only name -> class mapping that imports each format on first lookup."""

    def __init__(self, paths: Mapping[str, str]) -> None:
        self._paths = paths

    def __getitem__(self, name: str) -> type[Formatter]:
        return _load(self._paths[name])

    def __contains__(self, name: object) -> bool:
        # Mapping's default would import the module just to answer "is this a format?".
        return name in self._paths

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


FORMATTERS: Mapping[str, type[Formatter]] = _FormatterTable(FORMATTER_PATHS)


def get_formatter(name: str) -> type[Formatter]:
    """The formatter class for a ``--format`` name; ValueError names the valid choices."""
    if name not in FORMATTER_PATHS:
        choices = ", ".join(FORMATTER_PATHS)
        raise ValueError(f"unknown output format {name!r} (choose from {choices})")
    return _load(FORMATTER_PATHS[name])
