"""The human report: one block per claim, then a summary line, rendered with rich.

This is the only module that imports rich, and it builds its ``Console`` per formatter, after
the command line has decided colour and width. Everything printed is a ``rich.text.Text`` built
from :func:`~percycheck.output.base.sanitize`-d strings, never markup, so a claim such as
``[bold]x[/bold]`` or one carrying terminal escapes prints exactly as a reader would type it.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from percycheck.models import Citation, Result, Summary
from percycheck.output.base import CommandGuard, Explain, Formatter, sanitize

__all__ = ["DEFAULT_WIDTH", "MAX_CITATIONS", "TextFormatter", "summary_line"]

DEFAULT_WIDTH = 100
MAX_CITATIONS = 2
INDENT = 4  # detail lines under a claim
HANG = 2  # extra indent for the continuation of a wrapped line
MIN_BODY = 20  # never wrap narrower than this, however deep the indent

VERDICT_STYLES = {"supported": "bold green", "contradicted": "bold red", "unknown": "bold yellow"}
LABEL_STYLE = "dim"


def summary_line(summary: Summary) -> str:
    """``checked N: S supported, C contradicted, U unknown, K skipped`` (shared by tests/docs)."""
    return (
        f"checked {summary.checked}: {summary.supported} supported, "
        f"{summary.contradicted} contradicted, {summary.unknown} unknown, "
        f"{summary.skipped} skipped"
    )


def _citation_text(citation: Citation) -> Text:
    return Text.assemble(
        (sanitize(f"{citation.publisher}, {citation.date or 'undated'}"), LABEL_STYLE),
        " — ",
        (sanitize(f"“{citation.quote}”"), "italic"),
    )


class _Console(Console):
    """A ``Console`` that reports a closed pipe like every other format does.

    rich's own handler points standard output at ``/dev/null`` and raises ``SystemExit(1)``;
    this one raises ``BrokenPipeError`` so the command line ends with its documented status.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more is written, not even from a ``finally``
        raise BrokenPipeError


class TextFormatter(Formatter):
    """Readable report for a terminal or a log; colour only when the caller asks for it."""

    def __init__(
        self,
        stream: TextIO,
        *,
        color: bool = False,
        width: int | None = None,
        explain: Explain | None = None,
    ) -> None:
        super().__init__(stream, color=color, width=width, explain=explain)
        # rich decides where lines break; the guard sees the lines as printed (workflow commands)
        self._guard = CommandGuard(stream)
        self.console = _Console(
            file=self._guard,  # type: ignore[arg-type]  # a TextIO in all rich uses
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
        self._shown = 0

    def _emit(self, text: Text, indent: int = 0) -> None:
        """Print ``text`` wrapped to the width, continuation lines indented a little further."""
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

    def handle(self, result: Result) -> None:
        verdict = result.verdict
        header = Text()
        location = result.location
        if location is not None:
            path = "<stdin>" if location.path is None else sanitize(location.path)
            header.append(f"{path}:{location.line}:{location.column}: ", style="bold")
        header.append(verdict.verdict, style=VERDICT_STYLES.get(verdict.verdict, "bold"))
        header.append(": ")
        header.append(sanitize(verdict.claim))
        self._emit(header)

        self._emit(Text.assemble(("reason: ", LABEL_STYLE), sanitize(verdict.reason)), INDENT)
        if verdict.verdict == "contradicted" and verdict.suggestion:
            self._emit(
                Text.assemble(("suggestion: ", LABEL_STYLE), sanitize(verdict.suggestion)),
                INDENT,
            )
        for citation in verdict.citations[:MAX_CITATIONS]:
            self._emit(_citation_text(citation), INDENT)
            context = self.explain(citation) if self.explain is not None else None
            if context:
                self._emit(Text(sanitize(context), style=LABEL_STYLE), 2 * INDENT)
        hidden = len(verdict.citations) - MAX_CITATIONS
        if hidden > 0:
            more = f"(+{hidden} more citation{'s' if hidden > 1 else ''})"
            self._emit(Text(more, style=LABEL_STYLE), INDENT)
        self._shown += 1

    def stop(self, summary: Summary) -> None:
        if self._shown:
            self.console.print()
        self._emit(Text(summary_line(summary), style="bold"))
        self._guard.flush()
