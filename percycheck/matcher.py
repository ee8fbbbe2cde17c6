"""Retrieve the facts a claim is about: the only module that uses rapidfuzz.

Retrieval works on *topic*, not on values: the claim's dates, numbers and names are masked
first, so "landed on Feb. 19" finds the landing fact and the date is then compared, not fuzzed.
An inverted index of concepts keeps the cost proportional to the facts that share a word with
the claim; rapidfuzz then ranks those candidates and rescues misspelt words.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

CANDIDATE_LIMIT = 6
"""How many facts are compared in detail for each claim. 6 gives the same verdicts as 8 on every
development set at three quarters of the cost; 5 drops a closer fact and lets a farther one raise
a false alarm (realprose-tune)."""
TYPO_CUTOFF = 88.0
"""rapidfuzz.fuzz.ratio score above which an unknown word is read as a misspelling of a known one."""
TYPO_MIN_LENGTH = 5
UNSEEN_WEIGHT = 0.8
"""Weight of a word no fact uses, as a share of the rarest known word's weight."""
"""Words shorter than this are never corrected (too many near neighbours)."""


@dataclass(frozen=True)
class Document:
    """A fact as the retriever sees it: concepts weighted by where they occur."""

    index: int
    primary: frozenset[str]
    secondary: frozenset[str]
    text: str


class Retriever:
    """Inverted index over fact concepts, with idf weights and typo correction."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = list(documents)
        self._postings: dict[str, list[int]] = defaultdict(list)
        df: dict[str, int] = defaultdict(int)
        for doc in self.documents:
            for word in doc.primary | doc.secondary:
                self._postings[word].append(doc.index)
                df[word] += 1
        n = max(len(self.documents), 1)
        self.max_idf = math.log(n + 1) + 1.0
        self.idf: dict[str, float] = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}
        self._vocabulary = sorted(self._postings)
        self._corrections: dict[str, str] = {}
        self.vocabulary = frozenset(self._postings)

    def weight(self, word: str) -> float:
        """How much a concept says about the topic: rare concepts say more.

        A word no fact uses weighs a little less than the rarest known word: it may be a
        paraphrase, and the value and name checks catch what it hides.
        """
        return self.idf.get(word, UNSEEN_WEIGHT * self.max_idf)

    def known(self, word: str) -> bool:
        return word in self._postings

    def correct(self, word: str) -> str:
        """The known concept a misspelt word most likely means, or the word itself."""
        if word in self._postings or len(word) < TYPO_MIN_LENGTH or not word.isalpha():
            return word
        known = self._corrections.get(word)
        if known is not None:
            return known
        best = process.extractOne(
            word,
            self._vocabulary,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=TYPO_CUTOFF,
        )
        corrected = self._corrections[word] = best[0] if best else word
        return corrected

    def candidates(self, concepts: Iterable[str], text: str, limit: int = CANDIDATE_LIMIT) -> list[int]:
        """Indexes of the facts most likely to be about the same topic, best first."""
        scores: dict[int, float] = defaultdict(float)
        for word in set(concepts):
            posting = self._postings.get(word)
            if not posting:
                continue
            w = self.weight(word)
            for i in posting:
                scores[i] += w
        if not scores:
            return []
        # The best few of possibly every fact: a heap, not a sort of all of them. ``nsmallest``
        # with this key is documented to equal ``sorted(...)[:n]``: best score first, ties by index.
        pool = heapq.nsmallest(limit * 3, scores, key=lambda i: (-scores[i], i))
        fuzzy = process.extract(
            text,
            {i: self.documents[i].text for i in pool},
            scorer=fuzz.token_set_ratio,
            processor=utils.default_process,
            limit=None,
        )
        fuzz_score = {key: score for _, score, key in fuzzy}
        top = max(scores[i] for i in pool) or 1.0
        ranked = sorted(pool, key=lambda i: (-(scores[i] / top + fuzz_score.get(i, 0.0) / 200.0), i))
        return ranked[:limit]
