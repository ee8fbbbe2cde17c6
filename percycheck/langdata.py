"""Read the language data files of ``percycheck/lang``: word lists, groups and rewrites.

The engine's English lives in these plain-text files, apart from the code, so they can be read,
reviewed and tested like codespell's dictionaries (tests/test_lang_data.py). Every file allows
``#`` comments and blank lines. Each reader parses one file once and caches the result.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["groups", "lines", "mapping", "rewrites", "word_set"]


@cache
def lines(name: str) -> tuple[str, ...]:
    """The data lines of a file: comments and blank lines dropped, whitespace trimmed."""
    text = (files("percycheck") / "lang" / name).read_text(encoding="utf-8")
    found = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in found if line)


@cache
def word_set(name: str) -> frozenset[str]:
    """A whitespace-separated word list."""
    return frozenset(word for line in lines(name) for word in line.split())


@cache
def groups(name: str) -> tuple[tuple[str, ...], ...]:
    """Groups written ``head: member, member``; the head comes first in each tuple."""
    found = []
    for line in lines(name):
        head, _, members = line.partition(":")
        found.append((head.strip(), *(m.strip() for m in members.split(",") if m.strip())))
    return tuple(found)


@cache
def mapping(name: str) -> dict[str, str]:
    """Pairs written ``word: value``."""
    return {g[0]: g[1] for g in groups(name)}


@cache
def rewrites(name: str) -> tuple[tuple[str, str], ...]:
    """Pairs written ``phrase -> replacement``, in file order."""
    pairs = []
    for line in lines(name):
        phrase, _, replacement = line.partition("->")
        pairs.append((phrase.strip(), replacement.strip()))
    return tuple(pairs)
