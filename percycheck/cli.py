"""The command line: parse options, call the library, render a report, set the exit status.

Everything that decides what is checked lives in :mod:`percycheck.api` (``find_claims``,
``iter_check``, ``search_facts``, ``citation_context``); this module only reads inputs, picks a
formatter from the table in :mod:`percycheck.output` and maps outcomes to exit statuses:

- 0 (``EXIT_CLEAN``): nothing reached ``--fail-on``;
- 1 (``EXIT_FINDINGS``): something did;
- 2 (``EXIT_ERROR``): a usage, input, output, configuration or facts-file error, told in one
  line on standard error (a closed standard input or output, or a full disk, is one);
- 3 (``EXIT_INTERNAL``): an unexpected error, that is a bug in percycheck, or a worker process
  that was killed, told in one line (``PERCYCHECK_DEBUG=1`` adds a bug's traceback); never 1,
  which CI reads as a finding;
- 130 (``EXIT_INTERRUPTED``): Ctrl-C;
- 141 (``EXIT_BROKEN_PIPE``): the reader closed the output pipe (``| head``); nothing is printed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO, cast

import click
from click.core import ParameterSource

from percycheck import __version__
from percycheck.config import COLOR_CHOICES, FAIL_ON_CHOICES, FORMAT_CHOICES

if TYPE_CHECKING:  # the library is imported only when a command needs it
    from percycheck.api import Draft
    from percycheck.facts import FactBase
    from percycheck.models import Citation

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
DEBUG_VARIABLE = "PERCYCHECK_DEBUG"
"""Set (to anything but empty or 0), an internal error also prints its traceback."""
FAIL_ON: dict[str, tuple[str, ...]] = {
    "contradicted": ("contradicted",),
    "unknown": ("contradicted", "unknown"),
    "never": (),
}
"""``--fail-on`` value -> the verdicts that make the exit status 1."""
PROGRESS_THRESHOLD = 200
"""Show a progress bar when more claims than this are checked (see ``_progress``)."""
SHOW_CHOICES = ("findings", "all")
"""``--show``: what the text report lists for claims found in files and standard input."""
CONFIG_OPTIONS = {"facts": "facts_path", "format": "fmt"}
"""Configuration keys whose option is stored under another parameter name."""


def one_line(message: str) -> str:
    """``message`` fit for standard error: one line, every control character escaped.

    Messages quote file names, option values and facts-file text, any of which may hold a line
    break or a terminal escape (a file named ``\x1b[2J.md``).
    """
    from percycheck.output.base import sanitize

    return sanitize(message.replace("\n", "\\n").replace("\t", " "))


class InputProblem(click.ClickException):
    """An input, configuration or facts-file error: exit status 2, one line on standard error."""

    exit_code = EXIT_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"percycheck: error: {one_line(self.format_message())}", err=True, file=file)


class OutputProblem(InputProblem):
    """Standard output is closed or cannot be written (``>&-``, ``> /dev/full``): exit status 2."""


class WorkerProblem(InputProblem):
    """A worker process (``-j N``) ended abruptly: killed, or out of memory. Exit status 3."""

    exit_code = EXIT_INTERNAL


class UsageProblem(click.UsageError):
    """A usage error told in one line (click's own shows the usage and a blank line first)."""

    def show(self, file: IO[Any] | None = None) -> None:
        message = one_line(self.format_message())
        click.echo(f"percycheck: error: {message} (see 'percycheck --help')", err=True, file=file)


class _Command(click.Command):
    """The command, with click's usage errors (unknown option, bad value) told in one line."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except UsageProblem:
            raise
        except click.UsageError as exc:
            raise UsageProblem(exc.format_message(), exc.ctx) from None


@dataclass(frozen=True)
class Options:
    """The command line after the configuration file has filled in what it did not say."""

    claims: tuple[str, ...]
    files: tuple[str, ...]
    paths: bool
    claims_only: bool
    stdin_filename: str | None
    show: str | None
    quiet: bool
    lines: bool
    markdown: bool | None
    fmt: str
    fail_on: str
    facts_path: str | None
    color: str
    explain: bool
    validate: str | None
    list_facts: bool
    search: str | None
    jobs: int = 1


@click.command(
    "percycheck",
    cls=_Command,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument("claims", nargs=-1, metavar="[PATH | CLAIM]...")
@click.option(
    "-f",
    "--file",
    "files",
    multiple=True,
    metavar="PATH",
    help="Check a text or Markdown file, or the drafts in a folder ('-' is standard input). Repeatable.",
)
@click.option(
    "--paths",
    is_flag=True,
    help="Treat every argument as a file or folder, never as a claim (as pre-commit passes them).",
)
@click.option(
    "--claims",
    "claims_only",
    is_flag=True,
    help="Treat every argument as a claim, even one that names a file.",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="The name to report standard input under (and to tell Markdown by its extension).",
)
@click.option(
    "--show",
    type=click.Choice(SHOW_CHOICES),
    default=None,
    help="Text report for files and standard input: only the findings, or every verdict in "
    "full.  [default: findings; claims given as arguments always show in full]",
)
@click.option("-q", "--quiet", is_flag=True, help="Text report: leave out the summary line.")
@click.option(
    "--lines/--no-lines",
    default=False,
    help="Each non-empty input line is one claim: no sentence splitting, nothing skipped as not worth checking.",
)
@click.option(
    "--markdown/--plain",
    "markdown",
    default=None,
    help="Read input as Markdown or as plain text.  [default: Markdown for .md/.markdown/.mdx, plain for .txt, else by content]",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="contradicted",
    show_default=True,
    help="Lowest verdict that makes the exit status 1.",
)
@click.option("--facts", "facts_path", metavar="PATH", help="Use this facts file instead of the built-in one.")
@click.option(
    "--color",
    type=click.Choice(COLOR_CHOICES),
    default="auto",
    show_default=True,
    help="Colour in the text report; auto means on a terminal unless NO_COLOR is set.",
)
@click.option(
    "--explain/--no-explain",
    default=False,
    help="Text report: show each citation in its context in the source.",
)
@click.option(
    "--validate-facts",
    "validate",
    metavar="PATH",
    help="Validate a facts file and exit (0 valid, 2 invalid).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Check long drafts in this many processes (0: one per CPU).",
)
@click.option("--list-facts", is_flag=True, help="List every fact: id, statement and sources.")
@click.option("--search", metavar="QUERY", help="List the facts that best match QUERY.")
@click.version_option(__version__, "-V", "--version", prog_name="percycheck")
@click.pass_context
def command(ctx: click.Context, /, **params: Any) -> None:
    """Fact-check claims about NASA's Perseverance rover against cited sources.

    Give files or folders (an argument that names one is read as one), claims as arguments, or
    pipe a draft in. Each check-worthy sentence is judged supported, contradicted or unknown,
    with the source sentence that decides it; for a draft, the report shows the findings.
    Settings may also come from [tool.percycheck] in pyproject.toml or from .percycheck.toml;
    options given here win.

    \b
    Examples:
      percycheck draft.md docs/
      percycheck "Perseverance landed in Jezero Crater on Feb. 18, 2021."
      cat draft.md | percycheck --stdin-filename draft.md
      percycheck --format github docs/
      percycheck --lines --format jsonl < claims.txt
      percycheck --search "landing date"
    """
    try:
        if sys.stdout is None:  # started with standard output closed (>&-)
            raise OutputProblem("standard output is closed: there is nowhere to write the report (use > /dev/null to discard it)")
        options = Options(**_with_config(ctx, params))
        if options.paths and options.claims_only:
            raise UsageProblem("--paths and --claims cannot be used together")
        if options.validate is not None:
            status = _validate(options.validate)
        elif options.list_facts or options.search is not None:
            status = _list(options)
        else:
            status = _check(options)
    except KeyboardInterrupt:
        click.echo("percycheck: interrupted", err=True)
        status = EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        status = EXIT_BROKEN_PIPE
    ctx.exit(status)


# ------------------------------------------------------------------------- configuration


def _with_config(ctx: click.Context, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with every option left at its default taken from the configuration file."""
    from percycheck.config import ConfigError, find_config, load_config

    found = None
    try:
        found = find_config(
            Path.cwd(), lambda path, why: click.echo(f"percycheck: warning: ignoring {one_line(str(path))}: {why}", err=True)
        )
        settings = load_config(found) if found is not None else {}
    except ConfigError as exc:
        raise InputProblem(str(exc)) from None
    except OSError:  # the working folder is gone or unreadable: there is no configuration
        settings = {}
    except ValueError as exc:  # a path setting no file can have ("a\u0000b"): resolve() refuses it
        raise InputProblem(f"{found}: not a valid file name in a setting ({exc})") from None
    merged = dict(params)
    for key, value in settings.items():
        name = CONFIG_OPTIONS.get(key, key)
        if ctx.get_parameter_source(name) in (None, ParameterSource.DEFAULT):
            merged[name] = value
    return merged


# ---------------------------------------------------------------------------- sub-commands


def _validate(path: str) -> int:
    """``--validate-facts``: every problem on its own line, or one line of counts."""
    from percycheck.facts import FactsError, load_facts

    try:
        base = load_facts(path)
    except FactsError as exc:
        for problem in exc.problems:
            click.echo(f"percycheck: {one_line(problem)}", err=True)
        return EXIT_ERROR
    quotes = sum(len(f.citations) for f in base.facts)
    counts = f"{len(base.facts)} facts, {quotes} citations, {len(base.entities)} entities, {len(base.sources)} sources"
    click.echo(f"{one_line(path)}: valid: {counts}", file=_stdout())
    return EXIT_CLEAN


def _list(options: Options) -> int:
    """``--list-facts`` and ``--search``: one fact a line, or JSON with ``--format json(l)``."""
    from percycheck.api import search_facts
    from percycheck.output.base import dumps_json, sanitize

    base = _load_base(options.facts_path)
    query = options.search
    facts = search_facts(query, base) if query is not None else list(base.facts)
    out = _stdout()
    rows = [
        {
            "id": f.id,
            "statement": f.statement,
            "sources": list(dict.fromkeys(c.source for c in f.citations)),
        }
        for f in facts
    ]
    if options.fmt == "json":
        click.echo(dumps_json(rows, indent=2), file=out)
    elif options.fmt == "jsonl":
        for row in rows:
            click.echo(dumps_json(row), file=out)
    else:
        for f in facts:
            sources = ", ".join(dict.fromkeys(c.source for c in f.citations))
            click.echo(f"{f.id}: {sanitize(f.statement)} [{sources}]", file=out)
    if not facts:
        click.echo(
            f"percycheck: no fact matches {one_line(repr(_shorten(query)))}" if query is not None else "percycheck: no facts",
            err=True,
        )
    return EXIT_CLEAN


def _shorten(text: str, width: int = 80) -> str:
    """``text`` cut to ``width`` characters for a message (a query may be a pasted page)."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _check(options: Options) -> int:
    """The main job: gather claims, check them in order, stream them to the formatter."""
    from concurrent.futures import BrokenExecutor

    from percycheck import api
    from percycheck.models import Summary
    from percycheck.output import get_formatter

    base = _load_base(options.facts_path)
    drafts = _gather(options)
    claims = [claim for draft in drafts for claim in draft.claims]
    stream = _stdout()
    failing = FAIL_ON[options.fail_on]
    formatter = get_formatter(options.fmt)(
        stream,
        color=_use_color(options.color, stream),
        width=_width(stream),
        explain=_explainer(base) if options.explain else None,
        findings=failing or FAIL_ON["contradicted"],
        show_all=options.show == "all",
        quiet=options.quiet,
    )
    counts = dict.fromkeys(("supported", "contradicted", "unknown"), 0)
    advance = _progress(len(claims))
    formatter.start()
    try:
        jobs = options.jobs or os.cpu_count() or 1
        # closing: a closed pipe or Ctrl-C part-way cancels the work not done and stops workers
        with contextlib.closing(api.iter_check(claims, base, jobs=jobs)) as results:
            for result in results:
                counts[result.verdict.verdict] += 1
                formatter.handle(result)
                advance()
    except BrokenExecutor:
        raise WorkerProblem(
            "a worker process ended abruptly (killed, or out of memory?); try again with fewer jobs (-j 1)"
        ) from None
    finally:
        advance.close()
    skipped = sum(draft.skipped for draft in drafts)
    formatter.stop(Summary(checked=len(claims), skipped=skipped, **counts))
    stream.flush()
    return EXIT_FINDINGS if any(counts[v] for v in failing) else EXIT_CLEAN


# ---------------------------------------------------------------------------------- inputs


def _load_base(path: str | None) -> FactBase:
    from percycheck import api
    from percycheck.facts import FactsError

    try:
        return api.load_facts(path)
    except FactsError as exc:
        raise InputProblem(str(exc)) from None


def _gather(options: Options) -> list[Draft]:
    """Every input as located claims, in the order given; standard input if nothing else is."""
    from percycheck.api import Draft, find_claims
    from percycheck.models import Claim

    drafts: list[Draft] = []
    for kind, name in _inputs(options):
        if kind == "claim":
            drafts.append(Draft((Claim(name),)))
            continue
        path = options.stdin_filename if name == "-" else name
        text = _read(None if name == "-" else name)
        drafts.append(find_claims(text, path, markdown=options.markdown, lines=options.lines))
    if not (drafts or options.paths or options.claims or options.files):
        if _is_terminal(sys.stdin):
            raise UsageProblem("nothing to check: give a file, a folder, a claim, or pipe text in")
        drafts.append(find_claims(_read(None), options.stdin_filename, markdown=options.markdown, lines=options.lines))
    return drafts


def _inputs(options: Options) -> list[tuple[str, str]]:
    """``("claim", text)`` and ``("file", path)`` pairs: the arguments, then the ``-f`` files.

    An argument that names an existing file or folder is a path, anything else a claim, unless
    ``--paths`` or ``--claims`` says which; ``-`` is standard input. A folder stands for the
    drafts in it (:func:`percycheck.inputs.walk`).
    """
    from percycheck.inputs import InputError, walk

    def is_path(argument: str) -> bool:
        if options.claims_only:
            return False
        return options.paths or argument == "-" or _exists(argument)

    pairs: list[tuple[str, str]] = []
    given = [(argument, is_path(argument)) for argument in options.claims]
    for name, path in [*given, *((file, True) for file in options.files)]:
        if not path:
            pairs.append(("claim", name))
        elif name != "-" and _is_folder(name):
            try:
                found = list(walk(name))
            except InputError as exc:
                raise InputProblem(str(exc)) from None
            if not found:
                click.echo(f"percycheck: warning: {one_line(name)}: no .md, .markdown, .mdx or .txt files", err=True)
            pairs.extend(("file", path) for path in found)
        else:
            pairs.append(("file", name))
    return pairs


def _exists(name: str) -> bool:
    try:
        return os.path.exists(name)
    except (ValueError, OSError):  # a NUL in the name, or one too long: a claim, not a path
        return False


def _is_folder(name: str) -> bool:
    try:
        return os.path.isdir(name)
    except (ValueError, OSError):
        return False


def _read(path: str | None) -> str:
    """The decoded text of a file (standard input for None); a warning if bytes were replaced."""
    from percycheck.inputs import InputError, read_path, read_stream

    if path is None and sys.stdin is None:  # started with standard input closed (<&-)
        raise InputProblem("standard input is closed: give a file, a folder or a claim to check")
    try:
        decoded = read_stream(sys.stdin.buffer) if path is None else read_path(path)
    except InputError as exc:
        raise InputProblem(str(exc)) from None
    if decoded.warning:
        click.echo(f"percycheck: warning: {one_line(decoded.warning)}", err=True)
    return decoded.text


# --------------------------------------------------------------------------------- display


def _stdout() -> TextIO:
    """Standard output for the report, told to escape what its encoding cannot show instead of
    crashing, and to turn a failed write into one line (:class:`_ReportStream`).

    Only a non-UTF-8 locale needs the escaping; reports hold dashes, curly quotes and names from
    sources.
    """
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding not in ("utf-8", "utf8") and reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")
    return cast(TextIO, _ReportStream(stream))


class _ReportStream:
    """Standard output whose failed writes (a full disk, an I/O error) raise :class:`OutputProblem`.

    A closed pipe stays a ``BrokenPipeError``: the reader left on purpose (status 141).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _write_failed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _write_failed(exc) from None

    def __getattr__(self, name: str) -> object:  # encoding, isatty, fileno, ... of the real stream
        return getattr(self._stream, name)


def _write_failed(exc: OSError) -> OutputProblem:
    return OutputProblem(f"cannot write the report to standard output: {exc.strerror or exc}")


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _use_color(choice: str, stream: TextIO) -> bool:
    """``always``/``never`` win; ``auto`` honours NO_COLOR, then FORCE_COLOR, then the terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return os.environ.get("TERM") != "dumb" and _is_terminal(stream)


def _width(stream: TextIO) -> int | None:
    """On a terminal, COLUMNS if set, else its width; None (never wrap) for a pipe or a file.

    A report read by ``grep`` or a CI log must keep each claim on one line.
    """
    if not _is_terminal(stream):
        return None
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size().columns


def _explainer(base: FactBase) -> Callable[[Citation], str | None]:
    from percycheck.api import citation_context

    return lambda citation: citation_context(base, citation)


class _NoProgress:
    """Stands in for the progress bar when none is shown."""

    def __call__(self) -> None:
        pass

    def close(self) -> None:
        pass


class _Progress(_NoProgress):
    """A transient rich progress bar on standard error."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(file=sys.stderr), transient=True)
        self._task = self._bar.add_task("checking", total=total)
        self._bar.start()

    def __call__(self) -> None:
        self._bar.advance(self._task)

    def close(self) -> None:
        self._bar.stop()


def _progress(total: int) -> _NoProgress:
    """A bar for long runs when standard error is a terminal and the report goes elsewhere.

    When the report itself goes to the terminal it streams claim by claim (and would tear a
    bar drawn between its lines), so it is its own progress display. CI logs get no bar.
    """
    if total <= PROGRESS_THRESHOLD or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return _NoProgress()
    if not _is_terminal(sys.stderr) or _is_terminal(sys.stdout):
        return _NoProgress()
    return _Progress(total)


# ------------------------------------------------------------------------------ entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the command and return its exit status (never a traceback for errors).

    Status 1 means only "a claim reached ``--fail-on``": an error the command did not foresee
    (a bug) is 3, told in one line, so that CI can tell a crash from a finding.
    """
    _reserve_standard_fds()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        status = command.main(args=args, prog_name="percycheck", standalone_mode=False)
        if sys.stdout is not None:
            _ReportStream(sys.stdout).flush()
    except OutputProblem as exc:
        _silence_stdout()  # what is still buffered cannot be written either
        _tell(exc.show)
        return exc.exit_code
    except click.ClickException as exc:
        _tell(exc.show)
        return exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        _tell(lambda: click.echo("percycheck: interrupted", err=True))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: one line and a distinct status, never 1
        _tell(functools.partial(_report_internal_error, exc))
        return EXIT_INTERNAL
    return status if isinstance(status, int) else EXIT_CLEAN


def _report_internal_error(exc: BaseException) -> None:
    if os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    what = _shorten(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__, 200)
    click.echo(
        f"percycheck: internal error: {one_line(what)} (a bug in percycheck: please report it; "
        f"{DEBUG_VARIABLE}=1 shows where it happened)",
        err=True,
    )


def _tell(show: Callable[[], None]) -> None:
    """Print a final message on standard error, unless standard error itself cannot take it."""
    with contextlib.suppress(OSError, ValueError):
        show()


def _reserve_standard_fds() -> None:
    """Open ``/dev/null`` on standard descriptors the command was started without (``>&-``).

    Python then sees the stream as closed (``sys.stdout`` is None) and says so, while a file
    opened later (a draft, a cache entry) cannot take descriptor 0, 1 or 2 and receive what is
    meant for a standard stream.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                opened = os.open(os.devnull, os.O_RDWR)
                if opened != fd:
                    os.dup2(opened, fd)
                    os.close(opened)


def _silence_stdout() -> None:
    """After the reader closed the pipe (or the disk filled), make the final flush a no-op."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
