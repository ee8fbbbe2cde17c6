"""GitHub Actions workflow commands, so verdicts show up as annotations on the changed lines.

``contradicted`` is an ``::error``, ``unknown`` a ``::warning``; supported claims need no
attention and print nothing. ``stop`` prints nothing either: annotations are the findings, the
exit status says whether there were any, and a summary ``::notice`` would add an annotation to
every run. Escaping follows ``@actions/core`` (``escapeData`` / ``escapeProperty``).
"""

from __future__ import annotations

from percycheck.models import Result, Summary
from percycheck.output.base import Formatter, sanitize

__all__ = ["GitHubFormatter", "escape_data", "escape_property"]

COMMANDS = {"contradicted": "error", "unknown": "warning"}


def escape_data(text: str) -> str:
    """Escape a command's message: a raw newline would end the command early."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return sanitize(escaped)


def escape_property(text: str) -> str:
    """Escape a property value: ``,`` separates properties and ``:`` could end the list."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")
    return sanitize(escaped)


def _message(result: Result) -> str:
    verdict = result.verdict
    lines = [verdict.claim, f"reason: {verdict.reason}"]
    if verdict.suggestion:
        lines.append(f"suggestion: {verdict.suggestion}")
    if verdict.citations:
        first = verdict.citations[0]
        lines.append(f"source: {first.publisher}, {first.date or 'undated'}")
    return "\n".join(lines)


class GitHubFormatter(Formatter):
    """One ``::error``/``::warning`` line per contradicted/unknown claim, written as it comes."""

    def handle(self, result: Result) -> None:
        command = COMMANDS.get(result.verdict.verdict)
        if command is None:
            return
        properties: list[tuple[str, str]] = []
        location = result.location
        if location is not None and location.path is not None:
            properties += [
                ("file", location.path),
                ("line", str(location.line)),
                ("col", str(location.column)),
            ]
        properties.append(("title", f"percycheck: {result.verdict.verdict}"))
        props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
        self.write(f"::{command} {props}::{escape_data(_message(result))}\n")
        self.stream.flush()

    def stop(self, summary: Summary) -> None:
        """Print nothing (see the module docstring)."""
