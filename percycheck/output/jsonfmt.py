"""Machine-readable output: ``jsonl`` streams one object per result, ``json`` writes one document.

Both use :func:`~percycheck.output.base.verdict_to_dict`, so a consumer that reads one can read
the other. Non-ASCII stays readable; control characters are always ``\\uXXXX`` escaped.
"""

from __future__ import annotations

from typing import Any, TextIO

from percycheck.models import Result, Summary
from percycheck.output.base import (
    Formatter,
    dumps_json,
    summary_to_dict,
    verdict_to_dict,
)

__all__ = ["JSONFormatter", "JSONLinesFormatter"]


class JSONLinesFormatter(Formatter):
    """One JSON object per line, flushed at once so a pipe sees each verdict as it is reached."""

    def handle(self, result: Result) -> None:
        self.write(dumps_json(verdict_to_dict(result)) + "\n")
        self.stream.flush()

    def stop(self, summary: Summary) -> None:
        """Print nothing: every line is a result, so ``jq``/``wc -l`` need no special case."""


class JSONFormatter(Formatter):
    """``{"results": [...], "summary": {...}}``, written at the end so it is always complete."""

    def __init__(self, stream: TextIO, **options: Any) -> None:
        super().__init__(stream, **options)
        self._results: list[dict[str, object]] = []

    def handle(self, result: Result) -> None:
        self._results.append(verdict_to_dict(result))

    def stop(self, summary: Summary) -> None:
        document = {"results": self._results, "summary": summary_to_dict(summary)}
        self.write(dumps_json(document, indent=2) + "\n")
        self.stream.flush()
