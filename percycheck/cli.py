"""The command line: parse options, call the library, render a report, set the exit status.

Exit statuses: 0 nothing reached --fail-on, 1 something did, 2 usage, input or facts-file
error (one line on standard error), 130 interrupted, 141 output pipe closed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from percycheck import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141
FAIL_ON = {"contradicted": ("contradicted",), "unknown": ("contradicted", "unknown"), "never": ()}
FORMAT_NAMES = ("text", "json", "jsonl", "github", "sarif")
PROGRESS_THRESHOLD = 200
"""Show a progress bar on a terminal when more claims than this are checked."""


class InputProblem(click.ClickException):
    """An input or facts-file error: exit status 2, one line on standard error."""

    exit_code = EXIT_ERROR


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("claims", nargs=-1)
@click.option("-f", "--file", "files", multiple=True, metavar="PATH", help="Check the sentences of a text or Markdown file ('-' is standard input). Repeatable.")
@click.option("--paths", is_flag=True, help="Treat the arguments as file paths (as pre-commit passes them).")
@click.option("--lines", is_flag=True, help="Each non-empty input line is one claim: no sentence splitting, nothing skipped.")
@click.option("--markdown/--plain", "markdown", default=None, help="Parse input as Markdown or plain text (default: by extension or content).")
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="text", show_default=True, help="Report format.")
@click.option("--fail-on", type=click.Choice(tuple(FAIL_ON)), default="contradicted", show_default=True, help="Lowest verdict that makes the exit status 1.")
@click.option("--facts", "facts_path", metavar="PATH", help="Use this facts file instead of the built-in one.")
@click.option("--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True, help="Colour in the text report (NO_COLOR is honoured).")
@click.option("--explain", is_flag=True, help="Show each citation in the context of its source.")
@click.option("--validate-facts", "validate", metavar="FILE", help="Validate a facts file and exit (0 valid, 2 invalid).")
@click.option("--list-facts", is_flag=True, help="List every fact: id, statement and sources.")
@click.option("--search", metavar="QUERY", help="List the facts that best match QUERY.")
@click.option("--show-config", is_flag=True, hidden=True)
@click.version_option(__version__, "-V", "--version", prog_name="percycheck")
@click.pass_context
def command(
    ctx: click.Context,
    claims: Sequence[str],
    files: Sequence[str],
    paths: bool,
    lines: bool,
    markdown: bool | None,
    fmt: str,
    fail_on: str,
    facts_path: str | None,
    color: str,
    explain: bool,
    validate: str | None,
    list_facts: bool,
    search: str | None,
    show_config: bool,
) -> None:
    """Fact-check claims about NASA's Perseverance rover against cited sources.

    Give claims as arguments, files with -f, or pipe a draft in. Each check-worthy sentence is
    judged supported, contradicted or unknown, with the source sentence that decides it.

    \b
    Examples:
      percycheck "Perseverance landed in Jezero Crater on Feb. 18, 2021."
      cat draft.md | percycheck
      percycheck -f draft.md --format github
      percycheck --lines --format jsonl < claims.txt
    """
    from percycheck import api
    from percycheck.facts import FactsError

    if validate is not None:
        _validate(validate)
        return
    try:
        base = api.load_facts(facts_path)
    except FactsError as exc:
        raise InputProblem(str(exc)) from None
    if list_facts or search is not None:
        _list(base, search, fmt)
        return

    inputs = _gather(claims, files, paths)
    stream = click.get_text_stream("stdout")
    formatter_class = _formatter(fmt)
    context = _explainer(base) if explain else None
    formatter = formatter_class(stream, color=_use_color(color, stream), explain=context)
    results, skipped = _check_all(api, base, inputs, lines, markdown)
    from percycheck.models import Summary

    counts = {k: 0 for k in ("supported", "contradicted", "unknown")}
    formatter.start()
    failing = FAIL_ON[fail_on]
    failed = False
    for result in results:
        counts[result.verdict.verdict] += 1
        failed = failed or result.verdict.verdict in failing
        formatter.handle(result)
    formatter.stop(Summary(checked=len(results), skipped=skipped, **counts))
    stream.flush()
    ctx.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


Input = tuple[str, str | None, bool]  # text, path, is_claim


def _gather(claims: Sequence[str], files: Sequence[str], paths: bool) -> list[Input]:
    from percycheck.inputs import InputError, read_path, read_stream

    inputs: list[Input] = []
    names = list(files) + (list(claims) if paths else [])
    if not paths:
        inputs.extend((c, None, True) for c in claims)
    for name in names:
        try:
            if name == "-":
                decoded = read_stream(click.get_binary_stream("stdin"))
                inputs.append((decoded.text, "<stdin>", False))
            else:
                decoded = read_path(name)
                inputs.append((decoded.text, name, False))
        except InputError as exc:
            raise InputProblem(str(exc)) from None
        if decoded.warning:
            click.echo(f"percycheck: warning: {decoded.warning}", err=True)
    if not inputs:
        stdin = click.get_binary_stream("stdin")
        if _is_terminal(stdin):
            raise click.UsageError("nothing to check: give a claim, -f FILE, or pipe text in")
        try:
            decoded = read_stream(stdin)
        except InputError as exc:
            raise InputProblem(str(exc)) from None
        if decoded.warning:
            click.echo(f"percycheck: warning: {decoded.warning}", err=True)
        inputs.append((decoded.text, None, False))
    return inputs


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _check_all(api: Any, base: Any, inputs: list[Input], lines: bool, markdown: bool | None) -> tuple[list[Any], int]:
    from percycheck.models import Claim, Location, Result

    claims: list[Claim] = []
    skipped = 0
    for text, path, is_claim in inputs:
        if is_claim:
            claims.append(Claim(text, None))
            continue
        from percycheck import text as splitter

        if lines:
            claims.extend(splitter.split_lines(text, path))
            continue
        use_md = markdown
        if use_md is None:
            use_md = bool(path and path.lower().endswith((".md", ".markdown", ".mdx"))) or splitter.looks_like_markdown(text)
        found = splitter.split_markdown(text, path) if use_md else splitter.split_text(text, path)
        ignored = splitter.suppressed_lines(text)
        for claim in found:
            if claim.location and claim.location.line in ignored:
                continue
            if not splitter.is_check_worthy(claim.text):
                skipped += 1
                continue
            claims.append(claim)
    engine = api.engine(base)
    results = []
    progress = _progress(len(claims))
    for claim in claims:
        location = claim.location
        if location is not None and location.path is None:
            location = Location(None, location.line, location.column)
        results.append(Result(engine.check(claim.text), location))
        if progress:
            progress()
    if progress:
        progress(done=True)
    return results, skipped


def _progress(total: int) -> Any:
    """A rich progress bar on standard error, only for long runs on a terminal."""
    if total < PROGRESS_THRESHOLD or not _is_terminal(sys.stderr) or os.environ.get("CI"):
        return None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(file=sys.stderr), transient=True)
    task = bar.add_task("checking", total=total)
    bar.start()

    def advance(done: bool = False) -> None:
        if done:
            bar.stop()
        else:
            bar.advance(task)

    return advance


def _formatter(fmt: str) -> Any:
    from percycheck.output import get_formatter

    return get_formatter(fmt)


def _explainer(base: Any) -> Any:
    from percycheck.facts import citation_context

    return lambda citation: citation_context(base, citation)


def _validate(path: str) -> None:
    from percycheck.facts import FactsError, load_facts

    try:
        base = load_facts(path)
    except FactsError as exc:
        for problem in exc.problems:
            click.echo(f"percycheck: {problem}", err=True)
        raise click.exceptions.Exit(EXIT_ERROR) from None
    quotes = sum(len(f.citations) for f in base.facts)
    click.echo(f"{path}: valid: {len(base.facts)} facts, {quotes} citations, {len(base.entities)} entities, {len(base.sources)} sources")


def _list(base: Any, query: str | None, fmt: str) -> None:
    from percycheck.api import search_facts

    facts = search_facts(query, base) if query else list(base.facts)
    if fmt in ("json", "jsonl"):
        from percycheck.output.base import dumps_json

        rows = [{"id": f.id, "statement": f.statement, "sources": [c.source for c in f.citations]} for f in facts]
        if fmt == "json":
            click.echo(dumps_json(rows, indent=2))
        else:
            for row in rows:
                click.echo(dumps_json(row))
        return
    from percycheck.output.base import sanitize

    for f in facts:
        sources = ", ".join(dict.fromkeys(c.source for c in f.citations))
        click.echo(f"{f.id}: {sanitize(f.statement)} [{sources}]")
    if not facts:
        click.echo("no fact matches", err=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the command, map interrupts and closed pipes to exit statuses."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        defaults = _config_defaults()
    except InputProblem as exc:
        exc.show()
        return EXIT_ERROR
    try:
        command.main(args=args, prog_name="percycheck", standalone_mode=False, default_map=defaults)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return int(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("percycheck: interrupted", err=True)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        click.echo("percycheck: interrupted", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    return EXIT_CLEAN


def _silence_stdout() -> None:
    """After the reader closed the pipe, make the interpreter's final flush a no-op."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _config_defaults() -> dict[str, Any] | None:
    from percycheck.config import ConfigError, find_config, load_config

    try:
        found = find_config(Path.cwd())
        if found is None:
            return None
        settings = load_config(found)
    except ConfigError as exc:
        raise InputProblem(str(exc)) from None
    except OSError:
        return None
    renames = {"facts": "facts_path", "format": "fmt"}
    return {renames.get(k, k): v for k, v in settings.items()}
