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
    "CommandGuard",
    "Explain",
    "Formatter",
    "citation_to_dict",
    "dumps_json",
    "neutralize_commands",
    "sanitize",
    "summary_to_dict",
    "verdict_to_dict",
    "write_all",
]

Explain: TypeAlias = "Callable[[Citation], str | None]"
"""Given a citation, the surrounding source text to show with it (``--explain``), or None."""

# C0 controls except \t and \n, DEL, C1 controls (U+0080-U+009F: a lone U+009B is a CSI on
# some terminals), line/paragraph separators, bidi marks, embeddings, overrides and isolates
# (they reorder what a reader sees: U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069),
# invisible characters that hide or split words (U+180E, U+200B, U+2060-U+2064, U+FEFF) and lone
# surrogates (they cannot be encoded and would crash the write). Joiners (U+200C, U+200D) stay:
# Persian, the Indic scripts and emoji need them.
_HIDDEN = "\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_HIDDEN}]")

# json.dumps already escapes U+0000-U+001F; with ensure_ascii=False the rest still pass through raw.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_HIDDEN}]")

WORKFLOW_COMMAND_ANYWHERE = "##["
"""The GitHub Actions runner executes ``##[command]`` wherever it occurs in a printed line."""
_LINE_START_COMMAND = re.compile(r"^((?:[^\S\n]|\x1b\[[0-9;?]*[A-Za-z])*)::", re.MULTILINE)
"""...and ``::command::`` at the start of a line (after blanks, which the runner trims, or
colour codes, to be safe)."""


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def neutralize_commands(text: str) -> str:
    """``text`` with no GitHub Actions workflow command left in it: ``##[`` becomes ``##\\[``
    and a ``::`` that starts a line becomes ``\\::``.

    Every step's output is scanned by the runner, whatever ``--format`` says: a draft holding
    ``##[add-mask]...`` or a claim that wraps so that ``::error`` starts a line would otherwise
    run the command. Only the github format writes commands, and only its own.
    """
    return _LINE_START_COMMAND.sub(r"\1\\::", text.replace(WORKFLOW_COMMAND_ANYWHERE, "##\\["))


def sanitize(text: str) -> str:
    """Replace control, bidi and invisible characters with a visible escape (ESC -> ``\\x1b``),
    keeping \\n and \\t, and neutralise workflow commands (:func:`neutralize_commands`).

    A claim quoted from a hostile document must not be able to move the cursor, set the window
    title (OSC), ring the bell, hide or reorder text in the report that is printed back to the
    user, or drive the CI runner that prints it.
    """
    return neutralize_commands(_UNSAFE.sub(_visible, text))


def dumps_json(obj: object, *, indent: int | None = None) -> str:
    """``json.dumps`` that keeps non-ASCII readable yet lets no control, bidi or invisible
    character through raw, and no workflow command either.

    The escaped characters can only occur inside JSON strings, so replacing them with ``\\uXXXX``
    after dumping keeps the document valid and round-trips to the same value: ``##[`` is written
    ``##\\u005b``. A JSON line never starts with ``::`` (strings are quoted, line breaks escaped).
    """
    dumped = json.dumps(obj, ensure_ascii=False, indent=indent)
    dumped = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
    return dumped.replace(WORKFLOW_COMMAND_ANYWHERE, "##\\u005b")


class CommandGuard:
    """A text stream wrapper that applies :func:`neutralize_commands` to whole lines.

    The text report is wrapped by rich, so where a line starts is known only once it is
    rendered: this sits between rich and the real stream. A partial line waits for its end
    (or ``flush``), so a ``::`` is judged where the line really starts.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        data = self._pending + text
        cut = data.rfind("\n") + 1
        self._pending = data[cut:]
        if cut:
            write_all(self._stream, neutralize_commands(data[:cut]))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, ""
            write_all(self._stream, neutralize_commands(pending))
        self._stream.flush()

    def __getattr__(self, name: str) -> object:  # encoding, isatty, fileno, ... of the real stream
        return getattr(self._stream, name)


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
        "part": verdict.part,
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
