"""The human report: findings first, one block per claim, then a one-line summary.

Two layouts share one description of each line (a list of ``(text, style)`` pieces):

- **plain**, when the report goes to a pipe or a file without colour: each line is written as
  it is, never wrapped (so ``grep`` finds a whole claim), and rich is not even imported;
- **rich**, on a terminal or with ``--color always``: styled, and wrapped to the width when the
  command line gives one (a terminal's).

Everything printed is built from :func:`~percycheck.output.base.sanitize`-d strings, never rich
markup, so a claim such as ``[bold]x[/bold]`` or one carrying terminal escapes prints exactly as
a reader would type it.

What is shown: a claim given on its own (no location) always gets its full block. Claims found in
a draft are shown in full with ``show_all``; otherwise only the findings are, in three lines
(where, reason, suggestion), since the reason already names the deciding source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from percycheck.models import Citation, Result, Summary
from percycheck.output.base import CommandGuard, Explain, Formatter, neutralize_commands, sanitize

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

__all__ = ["DEFAULT_WIDTH", "MAX_CITATIONS", "TextFormatter", "summary_line"]

DEFAULT_WIDTH = 100
"""What ``rich`` would wrap at if asked to wrap without a width (kept for callers)."""
MAX_CITATIONS = 2
INDENT = 4  # detail lines under a claim
HANG = 2  # extra indent for the continuation of a wrapped line
MIN_BODY = 20  # never wrap narrower than this, however deep the indent

VERDICT_STYLES = {"supported": "bold green", "contradicted": "bold red", "unknown": "bold yellow"}
LABEL_STYLE = "dim"

Piece = tuple[str, str | None]
"""Some text and its rich style (None: unstyled)."""


def summary_line(summary: Summary) -> str:
    """``checked N: S supported, C contradicted, U unknown, K skipped`` (shared by tests/docs)."""
    return (
        f"checked {summary.checked}: {summary.supported} supported, "
        f"{summary.contradicted} contradicted, {summary.unknown} unknown, "
        f"{summary.skipped} skipped"
    )


def _citation_pieces(citation: Citation, context: str | None) -> list[Piece]:
    """``Publisher, date — “quote”``; with ``--explain`` the quote in its context instead.

    The context already holds the quote (marked »…«), so the quote is not printed twice.
    """
    label = (sanitize(f"{citation.publisher}, {citation.date or 'undated'}"), LABEL_STYLE)
    if context:
        return [label, (" — ", None), (sanitize(context), "italic")]
    return [label, (" — ", None), (sanitize(f"“{citation.quote}”"), "italic")]


def _make_console(stream: TextIO | CommandGuard, color: bool, width: int | None) -> Console:
    from rich.console import Console

    class _Console(Console):
        """A ``Console`` that reports a closed pipe like every other format does.

        rich's own handler points standard output at ``/dev/null`` and raises ``SystemExit(1)``;
        this one raises ``BrokenPipeError`` so the command line ends with its documented status.
        """

        def on_broken_pipe(self) -> None:
            self.quiet = True  # nothing more is written, not even from a ``finally``
            raise BrokenPipeError

    return _Console(
        file=stream,  # type: ignore[arg-type]  # a CommandGuard is a TextIO in all rich uses
        force_terminal=color,
        no_color=not color,
        # None (not "auto") when colour is off: no environment variable can turn it on.
        color_system="auto" if color else None,
        force_jupyter=False,
        width=width or DEFAULT_WIDTH,
        highlight=False,
        emoji=False,
        markup=False,
    )


class TextFormatter(Formatter):
    """Readable report for a terminal or a log; colour only when the caller asks for it."""

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
        super().__init__(stream, color=color, width=width, explain=explain, findings=findings, show_all=show_all, quiet=quiet)
        # rich is needed only for colour or wrapping; a piped report is plain lines. rich decides
        # where lines break, so the guard sees its lines as printed (workflow commands).
        self._guard = CommandGuard(stream)
        self.console = _make_console(self._guard, color, width) if color or width else None
        self._full_blocks = 0

    # ------------------------------------------------------------------------ one line

    def _emit(self, pieces: Sequence[Piece], indent: int = 0) -> None:
        if not pieces:
            self.write("\n") if self.console is None else self.console.print()
            return
        if self.console is None:
            self.write(neutralize_commands(" " * indent + "".join(text for text, _ in pieces) + "\n"))
            return
        from rich.text import Text

        text = Text.assemble(*((piece, style or "") for piece, style in pieces))
        if self.width is None:
            self.console.print(Text(" " * indent) + text, soft_wrap=True)
        else:
            self._wrapped(text, indent)

    def _wrapped(self, text: Text, indent: int) -> None:
        """Print ``text`` wrapped to the width, continuation lines indented a little further."""
        from rich.text import Text

        assert self.console is not None
        text = text.copy()
        text.expand_tabs()  # so the offsets below are the ones wrap() sees
        first_width = max(self.console.width - indent, MIN_BODY)
        first = text.wrap(self.console, first_width)[0]
        rest = text[len(first) :]
        if rest.plain.startswith("\n"):
            rest = rest[1:]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
        first.rstrip()
        self.console.print(Text(" " * indent) + first, soft_wrap=True)
        if not rest.plain:
            return
        lead = Text(" " * (indent + HANG))
        for line in rest.wrap(self.console, max(first_width - HANG, MIN_BODY)):
            line.rstrip()
            self.console.print(lead + line if line.plain else line, soft_wrap=True)

    # ---------------------------------------------------------------------- life cycle

    def handle(self, result: Result) -> None:
        verdict = result.verdict
        location = result.location
        full = location is None or self.show_all
        if not full and verdict.verdict not in self.findings:
            return
        header: list[Piece] = []
        if location is not None:
            path = "<stdin>" if location.path is None else sanitize(location.path)
            header.append((f"{path}:{location.line}:{location.column}: ", "bold"))
        header.append((verdict.verdict, VERDICT_STYLES.get(verdict.verdict, "bold")))
        header.append((": " + sanitize(verdict.claim), None))
        self._emit(header)

        self._emit([("reason: ", LABEL_STYLE), (sanitize(verdict.reason), None)], INDENT)
        if verdict.verdict == "contradicted" and verdict.suggestion:
            self._emit([("suggestion: ", LABEL_STYLE), (sanitize(verdict.suggestion), None)], INDENT)
        if not full and self.explain is None:
            return  # a finding in a draft: the reason names the source; --explain adds quotes
        self._full_blocks += 1
        for citation in verdict.citations[:MAX_CITATIONS]:
            context = self.explain(citation) if self.explain is not None else None
            self._emit(_citation_pieces(citation, context), INDENT)
        hidden = len(verdict.citations) - MAX_CITATIONS
        if hidden > 0:
            self._emit([(f"(+{hidden} more citation{'s' if hidden > 1 else ''})", LABEL_STYLE)], INDENT)

    def stop(self, summary: Summary) -> None:
        if not self.quiet:
            if self._full_blocks:
                self._emit([])
            self._emit([(summary_line(summary), "bold")])
        self._guard.flush()
