"""The library's front door: check one claim, check a draft, load a facts file.

The engine for a facts file is built once and reused, so a caller can call ``check`` in a loop.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from percycheck.facts import FactBase, builtin_facts_path
from percycheck.facts import load_facts as _load_facts
from percycheck.models import Claim, Result, Verdict
from percycheck.verdict import Engine


def load_facts(path: str | Path | None = None) -> FactBase:
    """Load and validate a facts file; the built-in one when ``path`` is None."""
    return _cached_base(str(Path(path).resolve()) if path is not None else None)


@lru_cache(maxsize=8)
def _cached_base(path: str | None) -> FactBase:
    return _load_facts(path)


@lru_cache(maxsize=8)
def _engine_for(base: FactBase) -> Engine:
    return Engine(base)


def engine(facts: FactBase | str | Path | None = None) -> Engine:
    """The (cached) engine for a facts base, a facts file path, or the built-in facts."""
    base = facts if isinstance(facts, FactBase) else load_facts(facts)
    return _engine_for(base)


def check(claim: str, facts: FactBase | str | Path | None = None) -> Verdict:
    """The verdict for one claim against ``facts`` (the built-in facts by default)."""
    return engine(facts).check(claim)


def check_claims(claims: list[Claim], facts: FactBase | str | Path | None = None) -> list[Result]:
    """Verdicts for located claims, in order."""
    e = engine(facts)
    return [Result(e.check(c.text), c.location) for c in claims]


def check_text(text: str, path: str | None = None, facts: FactBase | str | Path | None = None, *, markdown: bool | None = None) -> list[Result]:
    """Split a draft into sentences and check each check-worthy one, with its location.

    Markdown is detected from the path's extension or the text itself unless ``markdown`` says.
    Sentences on lines marked ``percycheck: ignore`` are left out.
    """
    from percycheck import text as splitter

    if markdown is None:
        markdown = bool(path and path.lower().endswith((".md", ".markdown", ".mdx"))) or splitter.looks_like_markdown(text)
    claims = splitter.split_markdown(text, path) if markdown else splitter.split_text(text, path)
    ignored = splitter.suppressed_lines(text)
    worthy = [c for c in claims if splitter.is_check_worthy(c.text) and not (c.location and c.location.line in ignored)]
    return check_claims(worthy, facts)


__all__ = ["builtin_facts_path", "check", "check_claims", "check_text", "engine", "load_facts"]
