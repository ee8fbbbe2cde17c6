"""The library's front door: check one claim, check a draft, search and explain the facts.

The command line is a thin layer over these functions, so a script that calls ``check_text``
gets exactly the sentences, suppressions and verdicts that ``percycheck -f`` reports. The engine
for a facts file is built once and reused, so a caller can call ``check`` in a loop.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import signal
import sys
import threading
import time
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from percycheck.engine import MAX_CLAIM_CHARS, Engine
from percycheck.engine.analysis import analyse
from percycheck.facts import FactBase, builtin_facts_path
from percycheck.facts import load_facts as _load_facts
from percycheck.models import Citation, Claim, Fact, Location, Result, Verdict
from percycheck.references import checked_text, resolve, restore

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "Draft",
    "builtin_facts_path",
    "check",
    "check_claims",
    "check_text",
    "citation_context",
    "engine",
    "find_claims",
    "is_markdown",
    "iter_check",
    "load_facts",
    "search_facts",
]

Facts = FactBase | str | Path | None
"""A facts base, the path of a facts file, or None for the built-in facts."""

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
"""Files with these extensions are read as Markdown."""
PLAIN_SUFFIXES = (".txt", ".text")
"""Files with these extensions are read as plain text, whatever they look like."""
SEARCH_LIMIT = 10
"""How many facts ``search_facts`` returns at most."""
CONTEXT_CHARS = 300
"""``citation_context`` returns about this many characters at most (more only for a long quote)."""
CONTEXT_MARKS = ("»", "«")
"""What ``citation_context`` puts around the quote inside its context."""


def load_facts(path: str | Path | None = None) -> FactBase:
    """Load and validate a facts file; the built-in one when ``path`` is None.

    A file is parsed once per process and again only when it changes (size or modification
    time), so a loop over ``check(claim, "facts.yaml")`` stays fast. Errors name ``path`` as given.
    """
    return engine(path).base


def _stamp(path: str | Path | None) -> tuple[str | None, str | None, tuple[int, int] | None]:
    if path is None:
        return None, None, None
    try:
        stat = Path(path).stat()
        key: tuple[int, int] | None = (stat.st_size, stat.st_mtime_ns)
        resolved = str(Path(path).resolve())
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a symlink loop on Python < 3.13
        key = None  # load_facts reports the problem
        resolved = str(path)
    return resolved, str(path), key


@lru_cache(maxsize=8)
def _engine_for_file(resolved: str | None, shown: str | None, stamp: tuple[int, int] | None) -> Engine:
    """The engine for a facts file: from the on-disk cache when it is current, else built."""
    from percycheck import cache

    file = Path(resolved) if resolved is not None else builtin_facts_path()
    if not _is_regular_file(file):
        # Missing, a folder, a pipe or a device (/dev/zero): the loader refuses it in one line,
        # and the cache must not read it first (unbounded, and a pipe only once).
        return Engine(_load_facts(shown))
    built = cache.load(file)
    if built is None:
        built = Engine(_load_facts(shown))
        cache.store(file, built)
    _ENGINES[built.base] = built
    return built


def _is_regular_file(file: Path) -> bool:
    try:
        return file.is_file()
    except (OSError, ValueError):  # a name too long for the system, say
        return False


_ENGINES: WeakKeyDictionary[FactBase, Engine] = WeakKeyDictionary()
"""Engines by the facts base they were built for, so a base loaded once is indexed once."""


def engine(facts: Facts = None) -> Engine:
    """The (cached) engine for a facts base, a facts file path, or the built-in facts."""
    if isinstance(facts, FactBase):
        found = _ENGINES.get(facts)
        if found is None:
            found = _ENGINES[facts] = Engine(facts)
        return found
    return _engine_for_file(*_stamp(facts))


def check(claim: str, facts: Facts = None) -> Verdict:
    """The verdict for one claim against ``facts`` (the built-in facts by default)."""
    return engine(facts).check(claim)


# ------------------------------------------------------------------------------ drafts


@dataclass(frozen=True)
class Draft:
    """The claims found in one input, and how many sentences were left out.

    ``skipped`` counts sentences that state nothing checkable (menus, credits, questions, ...)
    and sentences silenced with ``percycheck: ignore``; they are neither checked nor reported.
    """

    claims: tuple[Claim, ...]
    skipped: int = 0


def is_markdown(text: str, path: str | None = None, markdown: bool | None = None) -> bool:
    """Whether to read ``text`` as Markdown: as told, else by the extension, else by its look."""
    if markdown is not None:
        return markdown
    suffix = Path(path).suffix.lower() if path else ""
    if suffix in MARKDOWN_SUFFIXES:
        return True
    if suffix in PLAIN_SUFFIXES:
        return False
    from percycheck import text as splitter

    return splitter.looks_like_markdown(text)


def find_claims(text: str, path: str | None = None, *, markdown: bool | None = None, lines: bool = False) -> Draft:
    """The located claims of a draft, with the count of sentences left out.

    With ``lines`` every non-empty line is one claim and nothing is judged unworthy; otherwise
    the text (or Markdown prose) is cut into sentences and only check-worthy ones are kept.
    Either way a claim that starts on a line marked ``percycheck: ignore`` (or after one marked
    ``percycheck: ignore-next-line``) is left out.
    """
    from percycheck import text as splitter

    if lines:
        found = splitter.split_lines(text, path)
    elif is_markdown(text, path, markdown):
        found = splitter.split_markdown(text, path)
    else:
        found = splitter.split_text(text, path)
    ignored = splitter.suppressed_lines(text)
    kept: list[Claim] = []
    for claim in found:
        silenced = claim.location is not None and claim.location.line in ignored
        if silenced or not (lines or splitter.is_check_worthy(claim.text)):
            continue
        kept.append(replace(claim, source=text))
    # a draft's sentences follow one another; lines given one a line (--lines) stand alone
    return Draft(tuple(kept) if lines else resolve(kept), len(found) - len(kept))


PARALLEL_MIN_CLAIMS = 200
"""Fewer claims than this are checked in this process: starting workers would cost more."""
PARALLEL_CHUNK = 64
"""Claims a worker checks per task: large enough to amortise the round trip, small enough that
the first verdicts come back at once."""
PARALLEL_AHEAD = 2
"""Tasks in flight per worker. Work is handed out as results are taken, never all at once, so a
reader that stops early (``| head -1``) leaves little to cancel."""
PARENT_POLL_SECONDS = 0.25
"""How often a worker checks that its parent is still alive (where the system cannot tell it)."""
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def iter_check(claims: Iterable[Claim], facts: Facts = None, jobs: int = 1) -> Generator[Result, None, None]:
    """Verdicts for located claims, one at a time and in order, so a caller can stream them.

    With ``jobs`` > 1 and a long draft, claims are checked in that many worker processes (each
    gets the engine once), and results still come back in order. Closing the iterator early
    (``close()``, or leaving a ``with contextlib.closing(...)`` block) cancels the work not yet
    done and stops the workers; workers also die with the process that started them.
    """
    e = engine(facts)
    todo = list(claims)
    if jobs > 1 and len(todo) >= PARALLEL_MIN_CLAIMS:
        yield from _iter_parallel(e, todo, jobs)
        return
    for claim in todo:
        verdict = restore(e.check(checked_text(claim)), claim)
        yield Result(verdict, part_location(claim, verdict.part))


_WORKER_ENGINE: Engine | None = None


def _start_worker(built: Engine, parent: int) -> None:
    """Worker set-up: die with ``parent``, leave Ctrl-C to it, keep the engine for the tasks."""
    global _WORKER_ENGINE
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group; the parent reports it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_ENGINE = built


def _die_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends, however it ends (SIGKILL included).

    A worker waits for tasks on a queue whose write end it inherited, so it would never see the
    queue close. A direct child (fork, spawn) asks Linux to kill it when its parent dies
    (``PR_SET_PDEATHSIG``) and, on every system, watches for being handed to another parent; a
    worker started by a fork server (Python 3.14's default on Linux) watches ``parent`` itself.
    """
    if os.getppid() == parent:
        _ask_kernel_to_kill_orphan()

        def alive() -> bool:
            return os.getppid() == parent
    else:

        def alive() -> bool:
            return _pid_exists(parent)

    if not alive():  # the parent died before the kernel was asked
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(alive,), name="percycheck-parent-watch", daemon=True).start()


def _ask_kernel_to_kill_orphan() -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _pid_exists(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, as another user's (the pid was reused)
        return False
    return True


def _watch_parent(alive: Callable[[], bool]) -> None:
    while alive():
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _check_chunk(texts: list[str]) -> list[Verdict]:
    assert _WORKER_ENGINE is not None
    return [_WORKER_ENGINE.check(text) for text in texts]


def _iter_parallel(built: Engine, claims: list[Claim], jobs: int) -> Generator[Result, None, None]:
    from concurrent.futures import ProcessPoolExecutor

    texts = [checked_text(c) for c in claims]
    chunks = iter([texts[i : i + PARALLEL_CHUNK] for i in range(0, len(texts), PARALLEL_CHUNK)])
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(built, os.getpid()))
    pending: deque[Future[list[Verdict]]] = deque()
    finished = False
    try:
        for chunk in itertools.islice(chunks, jobs * PARALLEL_AHEAD):
            pending.append(pool.submit(_check_chunk, chunk))
        done = 0
        while pending:
            verdicts = pending.popleft().result()
            chunk = next(chunks, [])
            if chunk:  # hand out the next task before the caller writes these
                pending.append(pool.submit(_check_chunk, chunk))
            for claim, verdict in zip(claims[done : done + len(verdicts)], verdicts, strict=True):
                restored = restore(verdict, claim)
                yield Result(restored, part_location(claim, restored.part))
            done += len(verdicts)
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # closed early (a closed pipe, Ctrl-C, an error): drop the rest, now
            _abandon(pool, pending)


def _abandon(pool: ProcessPoolExecutor, pending: Iterable[Future[list[Verdict]]]) -> None:
    """Cancel the tasks not started and stop the workers, without waiting for the running tasks."""
    for future in pending:
        future.cancel()
    # The executor has no public way to stop a running task; its workers are in ``_processes``.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            worker.terminate()
    for worker in workers:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            worker.join(timeout=1)
    # With its workers gone the executor's own thread ends at once; waiting for it here keeps it
    # from racing the interpreter's exit (Python 3.11 can then print an EBADF traceback).
    pool.shutdown(wait=True, cancel_futures=True)


PART_WORDS = 3
"""Words of a part that must be found together in the source to place it ("landed on Feb.")."""
_WORD_RE = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


@lru_cache(maxsize=4)
def _line_starts(source: str) -> Sequence[int]:
    """Line starts of a draft, found once for all the parts placed in it (a draft's claims share
    one source string, so its hash is computed once too)."""
    from percycheck.text import line_starts

    return line_starts(source)


def part_location(claim: Claim, part: str | None) -> Location | None:
    """Where the deciding part of a sentence starts in its source, else where the sentence does.

    A part may open with words the splitter supplied ("Perseverance" for "and landed on ..."),
    so its leading words are dropped one at a time until the rest is found after the sentence's
    start; Markdown markup or line breaks between the words do not matter.
    """
    location = claim.location
    if part is None or location is None or claim.source is None:
        return location
    source = claim.source[1:] if claim.source.startswith("\ufeff") else claim.source
    starts = _line_starts(source)
    if location.line > len(starts):
        return location
    begin = starts[location.line - 1] + location.column - 1
    window = source[begin : begin + 4 * len(claim.text) + 200]
    words = _WORD_RE.findall(part)
    for skip in range(len(words) - PART_WORDS + 1):
        pattern = r"\W+".join(re.escape(w) for w in words[skip : skip + PART_WORDS])
        found = re.search(r"(?<!\w)" + pattern, window)
        if found is not None:
            offset = begin + found.start()
            line = bisect_right(starts, offset) - 1
            return Location(location.path, line + 1, offset - starts[line] + 1)
    return location


def check_claims(claims: Iterable[Claim], facts: Facts = None) -> list[Result]:
    """Verdicts for located claims, in order."""
    return list(iter_check(claims, facts))


def check_text(
    text: str,
    path: str | None = None,
    facts: Facts = None,
    *,
    markdown: bool | None = None,
    lines: bool = False,
) -> list[Result]:
    """Split a draft into sentences and check each check-worthy one, with its location.

    This is what ``percycheck -f PATH`` reports: Markdown is detected from the path's extension
    or the text itself unless ``markdown`` says, and suppressed lines are left out (see
    :func:`find_claims`).
    """
    return check_claims(find_claims(text, path, markdown=markdown, lines=lines).claims, facts)


# ------------------------------------------------------------------------ searching facts


def search_facts(query: str, base: Facts = None, limit: int = SEARCH_LIMIT) -> list[Fact]:
    """The facts most about ``query``, best first, found the way the engine finds them.

    The query is analysed like a claim (names, concepts, misspellings corrected) and ranked by
    the engine's retriever; among those, facts whose id or statement contain more of the query's
    words come first (a fact whose id is the query, first of all). When the retriever finds
    nothing, facts whose id or statement contain the query (ignoring case) are returned. Only
    the first ``MAX_CLAIM_CHARS`` characters are analysed, as for a claim: analysis grows faster
    than the text, and no one searches with a page of prose.
    """
    e = engine(base)
    wanted = " ".join(query.split())
    if not wanted or limit <= 0:
        return []
    facts = [view.fact for view in e.index.views]
    analysed = wanted[:MAX_CLAIM_CHARS]
    claim = analyse(e.index, analysed)
    concepts = list(claim.concepts) + ["@" + m.entity for m in claim.extraction.mentions]
    ranked = [facts[i] for i in e.index.retriever.candidates(concepts, analysed, 2 * limit)]
    folded = wanted.casefold()
    if not ranked:
        ranked = [f for f in facts if folded in f.id.casefold() or folded in f.statement.casefold()]
    words = [w for w in _WORD.findall(folded) if len(w) > 1]

    def hits(fact: Fact) -> tuple[bool, int]:
        haystack = f"{fact.id.replace('-', ' ')} {fact.statement}".casefold()
        return fact.id == folded, sum(w in haystack for w in words)

    ranked.sort(key=hits, reverse=True)  # stable: the retriever's order breaks ties
    exact = [f for f in facts if f.id == folded]
    return list({f.id: f for f in exact + ranked}.values())[:limit]


_WORD = re.compile(r"[^\W_]+")


# ------------------------------------------------------------------------ explaining quotes

_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r\n?|\n")


@lru_cache(maxsize=16)
def _sentence_starts(text: str) -> tuple[int, ...]:
    """Offsets in ``text`` where the splitter's sentences start (cached per source text)."""
    from percycheck import text as splitter

    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    starts = []
    for claim in splitter.split_text(text):
        if claim.location is not None:
            line = claim.location.line - 1
            starts.append(line_starts[line] + claim.location.column - 1)
    return tuple(sorted(set(starts)))


def _find_quote(text: str, quote: str) -> tuple[int, int] | None:
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    # The quote may have been curated with its line breaks or spacing tidied.
    words = quote.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    found = pattern.search(text)
    return None if found is None else (found.start(), found.end())


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _clip_left(text: str, budget: int) -> str:
    """The end of ``text``, at most ``budget`` characters, cut at a word boundary."""
    if len(text) <= budget:
        return text
    if budget <= 1:
        return ""
    cut = text[len(text) - budget + 1 :]
    space = cut.find(" ")
    return "…" + (cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut)


def _clip_right(text: str, budget: int) -> str:
    """The start of ``text``, at most ``budget`` characters, cut at a word boundary."""
    if len(text) <= budget:
        return text
    if budget <= 1:
        return ""
    cut = text[: budget - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + "…"


def citation_context(base: FactBase, citation: Citation) -> str | None:
    """The quote in its place in the source: the sentence before and after, the quote marked.

    Whitespace is collapsed and the result kept to about ``CONTEXT_CHARS`` characters (the
    quote is never cut). None when the source text is not at hand, the quote cannot be found,
    or nothing surrounds it.
    """
    source = base.sources.get(citation.source)
    if source is None or not source.text:
        return None
    text = source.text
    span = _find_quote(text, citation.quote)
    if span is None:
        return None
    start, end = span
    starts = _sentence_starts(text)
    # The sentence before the one the quote starts in, and the end of the one after its end.
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, end - 1))
    lo = starts[max(first - 1, 0)] if first >= 1 else 0
    hi = starts[last + 1] if last + 1 < len(starts) else len(text)
    before = _collapse(text[min(lo, start) : start])
    after = _collapse(text[end : max(hi, end)])
    if not before and not after:
        return None
    quote = _collapse(text[start:end])
    room = max(CONTEXT_CHARS - len(quote) - sum(map(len, CONTEXT_MARKS)) - 2, 0)
    left_room = max(room // 2, room - len(after))
    before = _clip_left(before, left_room)
    after = _clip_right(after, room - len(before))
    if not before and not after:
        return None
    opening, closing = CONTEXT_MARKS
    # Keep the source's spacing at the seams: "rolls on »six wheels«." has no space before ".".
    space_before = " " if before and (start == 0 or text[start - 1].isspace()) else ""
    space_after = " " if after and (end == len(text) or text[end].isspace()) else ""
    return f"{before}{space_before}{opening}{quote}{closing}{space_after}{after}"
