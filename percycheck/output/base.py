"""What every output format shares: the formatter life cycle and the escaping rules.

Formatters see only the records in ``percycheck.models``, never the engine, so any format can be
tested with hand-built results. Claim text comes from untrusted documents, so everything that can
reach a terminal goes through :func:`sanitize` (text, github) or :func:`dumps_json` (json, sarif).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import TextIO, TypeAlias

from percycheck.models import Citation, Result, Summary

__all__ = [
    "Explain",
    "Formatter",
    "citation_to_dict",
    "dumps_json",
    "sanitize",
    "summary_to_dict",
    "verdict_to_dict",
    "write_all",
]

Explain: TypeAlias = "Callable[[Citation], str | None]"
"""Given a citation, the surrounding source text to show with it (``--explain``), or None."""

# C0 controls except \t and \n, DEL, C1 controls (U+0080-U+009F: a lone U+009B is a CSI on
# some terminals), line/paragraph separators, bidi embeddings/overrides/isolates (they reorder
# what a reader sees) and lone surrogates (they cannot be encoded and would crash the write).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

# json.dumps already escapes U+0000-U+001F; with ensure_ascii=False these still pass through raw.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def sanitize(text: str) -> str:
    """Replace control characters with a visible escape (ESC -> ``\\x1b``), keeping \\n and \\t.

    A claim quoted from a hostile document must not be able to move the cursor, set the window
    title (OSC), ring the bell or hide text in the report that is printed back to the user.
    """
    return _UNSAFE.sub(_visible, text)


def dumps_json(obj: object, *, indent: int | None = None) -> str:
    """``json.dumps`` that keeps non-ASCII readable yet lets no control character through raw.

    The escaped characters can only occur inside JSON strings, so replacing them with ``\\uXXXX``
    after dumping keeps the document valid and round-trips to the same value.
    """
    dumped = json.dumps(obj, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def citation_to_dict(citation: Citation) -> dict[str, object]:
    """A citation as JSON: every field, so a reader can find the quote without the facts file."""
    return {
        "source": citation.source,
        "title": citation.title,
        "publisher": citation.publisher,
        "date": citation.date,
        "url": citation.url,
        "quote": citation.quote,
    }


def verdict_to_dict(result: Result) -> dict[str, object]:
    """One result as the JSON-lines contract (the keys are public API: json, jsonl, sarif)."""
    verdict = result.verdict
    location = result.location
    return {
        "claim": verdict.claim,
        "verdict": verdict.verdict,
        "confidence": round(verdict.confidence, 3),
        "fact": (None if verdict.fact is None else {"id": verdict.fact.id, "statement": verdict.fact.statement}),
        "citations": [citation_to_dict(citation) for citation in verdict.citations],
        "reason": verdict.reason,
        "suggestion": verdict.suggestion,
        "location": (None if location is None else {"path": location.path, "line": location.line, "column": location.column}),
    }


def summary_to_dict(summary: Summary) -> dict[str, int]:
    """The run's counts as JSON, in the same order as the text summary line."""
    return {
        "checked": summary.checked,
        "supported": summary.supported,
        "contradicted": summary.contradicted,
        "unknown": summary.unknown,
        "skipped": summary.skipped,
    }


WRITE_CHUNK = 512
"""Characters per ``write``: at most 8 KiB however they are encoded, so each fits io's buffer."""


def write_all(stream: TextIO, text: str) -> None:
    """``stream.write(text)`` in pieces, so a reader that closes the pipe is always noticed.

    Handed more than its buffer holds in one call, a buffered pipe whose reader goes away
    part-way returns a short count that ``TextIOWrapper`` ignores: the rest is dropped without
    an error and ``percycheck --format json | head -1`` would exit as if all was written.
    Pieces go through the buffer, whose flush raises ``BrokenPipeError`` instead.
    """
    for start in range(0, len(text), WRITE_CHUNK):
        stream.write(text[start : start + WRITE_CHUNK])


class Formatter:
    """Life cycle: start() once, handle(result) per result, stop(summary) once.

    As in flake8, the command line drives every format the same way, so adding a format never
    touches the command line. Streaming formats write in ``handle``; document formats collect
    there and write in ``stop``.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        color: bool = False,
        width: int | None = None,
        explain: Explain | None = None,
        findings: Sequence[str] = ("contradicted", "unknown"),
        show_all: bool = True,
        quiet: bool = False,
    ) -> None:
        """``width`` None means never wrap; ``findings`` are the verdicts a reader must act on.

        ``show_all`` False asks a human report to show only the findings of a draft, and
        ``quiet`` to leave out its summary; machine formats keep every result they define.
        """
        self.stream = stream
        self.color = color
        self.width = width
        self.explain = explain
        self.findings = tuple(findings)
        self.show_all = show_all
        self.quiet = quiet

    def write(self, text: str) -> None:
        """Write to the report stream (see :func:`write_all`)."""
        write_all(self.stream, text)

    def start(self) -> None:
        """Called once before the first result; most formats need nothing here."""

    def handle(self, result: Result) -> None:
        """Called once per checked claim, in input order."""
        raise NotImplementedError(f"{type(self).__name__} must implement handle()")

    def stop(self, summary: Summary) -> None:
        """Called once after the last result, with the run's counts."""
