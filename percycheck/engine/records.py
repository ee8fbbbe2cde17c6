"""The frozen records that pass between the engine's stages.

analysis -> ``ClaimAnalysis``; index -> ``FactView``; alignment -> ``Alignment``;
rules -> ``Outcome``; wording turns an ``Outcome`` into a ``Verdict``. No stage changes a
record another stage made.
"""

from __future__ import annotations

from dataclasses import dataclass

from percycheck.models import Fact
from percycheck.values import Extraction


@dataclass(frozen=True)
class FactView:
    """A fact prepared for alignment: its concepts, entities, words and what they imply."""

    fact: Fact
    primary: frozenset[str]
    """Concepts of the statement and keywords (and ``@entity`` keys of what it names)."""
    secondary: frozenset[str]
    """Concepts found only in the fact's quotes."""
    closure: frozenset[str]
    """Entities the fact is about or names, with the places and bodies that contain them."""
    quoted: frozenset[str]
    """Entities its quotes name beyond the closure."""
    polarity: int
    statement_concepts: frozenset[str]
    superlatives: frozenset[str]
    implied: frozenset[str]
    """Word keys the fact entails: its lemmas, their synonyms, more general words, derivations."""
    surface: frozenset[str]
    """The lower-case words of the statement, keywords and quotes (for antonym checks)."""
    prefixes: frozenset[str] = frozenset()
    """The first letters (``tuning.STEM_PREFIX``) of every concept of the fact: a claim word that
    starts the same way is one word to a reader ("relief", "relieved")."""
    merged: bool = False
    """True for several facts joined as one: a passage, or the facts that together support a claim."""
    members: tuple[Fact, ...] = ()
    """The facts joined in a merged view (empty for a single fact)."""


@dataclass(frozen=True)
class ClaimWord:
    """A content word of the claim, outside its values."""

    text: str
    keys: frozenset[str]
    """What the word is: its concept, stem and lemmas."""
    weight: float
    """Its idf weight: rare words say more about the topic."""


@dataclass(frozen=True)
class ClaimAnalysis:
    """A claim's values, topic concepts and content words."""

    text: str
    extraction: Extraction
    concepts: tuple[str, ...]
    polarity: int
    words: frozenset[str]
    """Every key of every word of the claim, values included: what a slot name is looked up in."""
    content: tuple[ClaimWord, ...]
    implied: frozenset[str] = frozenset()
    """Every key the claim's words entail (a claimed "rocket" is a "vehicle")."""
    subject_end: int = 0
    """Where the claim's grammatical subject ends: a name before it is what the claim is about."""
    subject_words: tuple[ClaimWord, ...] = ()
    """The content words of the claim's subject, names left out ("the prototype oxygen generator")."""
    subject_open: bool = False
    """The subject is a pronoun that may stand for several things ("each", "they", "both")."""


@dataclass(frozen=True)
class Conflict:
    """A claim value that disagrees with the fact's value."""

    slot: str
    claimed: str
    sourced: str
    replacement: str
    kind: str
    anchored: bool
    """True when the claim's value fills the same role as the fact's: the claim names the slot's
    event ("landed" for a landing date), or restates the fact when the slot name is generic."""


@dataclass(frozen=True)
class Alignment:
    """How a claim lines up with one fact (or a merged view of several)."""

    view: FactView
    coverage: float
    """Share of the claim's topic (idf-weighted) the fact covers."""
    reverse: float
    """Share of the fact's statement the claim restates."""
    matched: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    unexplained: tuple[str, ...]
    """Claim values with no counterpart in the fact: never a conflict."""
    leftover: tuple[str, ...]
    """Claim content words the fact does not entail."""
    leftover_share: float
    """Share of the claim's topic (words and values, idf-weighted) the fact leaves unaligned."""
    opposed: tuple[tuple[str, str], ...]
    """(claim word, fact word) pairs of opposites: "last" against "first"."""
    subject_swap: tuple[str, str] | None
    subject_aligned: bool
    """The claim's subject is the fact's subject: a name of it, its type, or the words the
    statement uses for it (an open pronoun like "each" is not)."""
    polarity_flip: bool
    anchors: int
    """Matched values that tie the claim to this fact: dates, amounts, ranks, uncommon names."""
    value_anchored: bool
    """A date or amount of the claim agrees with the fact in the same role."""
    confirmed: frozenset[str]
    """The claim's own value texts this fact agrees with."""
    stated: frozenset[str]
    """Claim dates and amounts the fact states, in its slot or in another: the value is the
    fact's, whatever event the claim means by it."""
    missing_superlatives: tuple[str, ...]
    opposite_superlatives: tuple[str, ...]
    unknown_names: tuple[str, ...]
    novel_words: tuple[str, ...]
    misnamed: str | None

    @property
    def score(self) -> float:
        return self.coverage + 0.25 * self.reverse


@dataclass(frozen=True)
class Outcome:
    """What the decision rules made of one alignment: the verdict and the rule that decided it."""

    verdict: str
    rule: str
    alignment: Alignment
