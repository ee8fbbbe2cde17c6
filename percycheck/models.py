"""Plain, immutable records shared by every layer: facts, claims and verdicts.

Nothing here computes anything; the library builds these and the output formats read them,
so a formatter can never depend on how a verdict was reached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

VerdictKind = Literal["supported", "contradicted", "unknown"]
VERDICTS: tuple[VerdictKind, ...] = ("supported", "contradicted", "unknown")


@dataclass(frozen=True)
class Source:
    """One article the facts are drawn from."""

    id: str
    title: str
    publisher: str
    date: str | None
    url: str | None
    file: str
    text: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class Entity:
    """A named thing (craft, place, organisation, person, ...) a claim may mention."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str | None = None
    part_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Value:
    """One typed value a fact states, in the form the engine compares.

    ``kind`` is date, quantity, count, entity or ordinal. Dates carry ``text`` as ISO
    (YYYY, YYYY-MM or YYYY-MM-DD); quantities and counts carry ``low``/``high`` in SI base
    units (or plain numbers for counts) after the source's precision is applied.
    """

    kind: str
    slot: str
    text: str
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    noun: str | None = None
    entity: str | None = None


@dataclass(frozen=True)
class Citation:
    """A verbatim quote from a source, with what a reader needs to find it."""

    source: str
    title: str
    publisher: str
    date: str | None
    url: str | None
    quote: str


@dataclass(frozen=True)
class Fact:
    """A curated statement with its typed values and verbatim citations."""

    id: str
    statement: str
    subject: str
    values: tuple[Value, ...]
    citations: tuple[Citation, ...]
    keywords: tuple[str, ...] = ()
    negated: bool = False
    as_of: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Location:
    """Where a claim stands in its input: 1-based line and column (in characters)."""

    path: str | None
    line: int
    column: int


@dataclass(frozen=True)
class Claim:
    """A sentence to check and where it came from.

    ``referent`` is what a leading "It" stands for, from the sentence before in the same draft
    ("Curiosity landed in 2012. It was built at JPL."): the claim is checked as about it.
    """

    text: str
    location: Location | None = None
    referent: str | None = None
    source: str | None = field(default=None, repr=False, compare=False)
    """The whole text the claim was found in, to place a part of it (``api.part_location``)."""


@dataclass(frozen=True)
class FactRef:
    """The deciding fact, as reported."""

    id: str
    statement: str


@dataclass(frozen=True)
class Verdict:
    """The engine's answer for one claim."""

    claim: str
    verdict: VerdictKind
    confidence: float
    reason: str
    fact: FactRef | None = None
    citations: tuple[Citation, ...] = ()
    suggestion: str | None = None
    part: str | None = None
    """The part of the sentence that decided it (a contradicted part, or the part no source
    covers), as checked; None when the sentence was judged whole."""


@dataclass(frozen=True)
class Result:
    """A verdict placed in its input: what the command line reports."""

    verdict: Verdict
    location: Location | None = None


@dataclass(frozen=True)
class Summary:
    """Counts over one run, shown at the end of every report."""

    checked: int = 0
    supported: int = 0
    contradicted: int = 0
    unknown: int = 0
    skipped: int = 0
