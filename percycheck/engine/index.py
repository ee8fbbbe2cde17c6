"""The fact index: every fact prepared once for retrieval and alignment.

Built once per facts file (and cached): each fact's concepts, the entities it names, the words it
entails, its sibling facts from the same passage, the events the facts date, and the retriever.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from percycheck.engine import tuning
from percycheck.engine.lexical import implied_keys, synonyms_of
from percycheck.engine.records import FactView
from percycheck.facts import FactBase
from percycheck.matcher import Document, Retriever
from percycheck.models import Entity, Fact
from percycheck.values import UNITS, DateValue, Extraction, Gazetteer, content_concepts, date_matches, overlaps, parse_iso
from percycheck.words import PHRASE_JOINER, concept, is_content, is_superlative, polarity, rewrite_phrases, stem, tokens

GENERIC_SLOT_WORDS = frozenset("date day time rank value number count site place location name year month of the a".split())
"""Words of a slot name that say nothing of the event ("landing date" is about landing)."""
SITE_TYPES = frozenset({"center", "laboratory", "launch-site"})


def entity_class(entity: Entity) -> str:
    """Entities that can stand in for one another: a lab and a space centre are both sites."""
    if entity.type in SITE_TYPES and entity.kind in ("org", "place"):
        return "site"
    return entity.kind


def same_class(a: Entity, b: Entity) -> bool:
    """Could one name stand in the other's place? Places, crafts and instruments only within
    their type (a city for a city, a rover for a rover); organisations and people across theirs."""
    if entity_class(a) == "site" and entity_class(b) == "site":
        return True
    if (a.type == "news") != (b.type == "news"):
        return False  # "Fox News reported" names who said it, not who did it
    shared = {a.kind, entity_class(a)} & {b.kind, entity_class(b)}
    if not shared:
        return False
    if shared <= {"place", "instrument", "craft"}:
        return a.type is None or b.type is None or a.type == b.type
    return True


def superlatives_in(text: str) -> set[str]:
    """The superlatives a text states, as stems ("most" with its head word: "most cameras")."""
    words = [w for w, _, _ in tokens(rewrite_phrases(text))]
    found = set()
    for i, w in enumerate(words):
        if is_superlative(w):
            found.add(stem(w))
            if w in ("most", "least") and i + 1 < len(words):
                found.add(f"{w} {stem(words[i + 1])}")
    return found


class FactIndex:
    """Every fact of a facts base, prepared for retrieval and alignment."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.gazetteer = Gazetteer(base.entities.values())
        self.views = [self._view(f) for f in base.facts]
        self.siblings = self._find_siblings()
        self.quote_siblings = self._find_siblings(same_quote=True)
        self._merged: dict[tuple[int, bool], FactView | None] = {}
        self.event_dates = self._event_dates()
        self.dated, self.measured = self._values_by_kind()
        self.mentioned = frozenset().union(*(v.closure | v.quoted for v in self.views))
        self.retriever = Retriever(
            [
                Document(i, v.primary, v.secondary, v.fact.statement + " " + " ".join(v.fact.keywords))
                for i, v in enumerate(self.views)
            ]
        )
        df: dict[str, int] = {}
        for view in self.views:
            for entity_id in view.closure:
                df[entity_id] = df.get(entity_id, 0) + 1
        limit = max(3, int(tuning.AMBIENT_SHARE * len(self.views)))
        self.ambient = frozenset(e for e, n in df.items() if n > limit)
        words: set[str] = set()
        for fact in base.facts:
            for text in (fact.statement, *fact.keywords, *(c.quote for c in fact.citations)):
                for w, _, _ in tokens(text):
                    words.add(w.lower())
                    words.add(concept(w))
        for entity in base.entities.values():
            for name in (entity.name, *entity.aliases):
                words.update(w.lower() for w, _, _ in tokens(name))
        self.vocabulary = frozenset(words)
        self.prefixes = prefixes_of(self.retriever.vocabulary)
        """The first letters of every word a fact uses: a claim word starting the same way is known."""

    def known_concept(self, concept_key: str, word: str = "") -> str:
        """The concept the facts use for a claim word: its own, a WordNet synonym's ("photo" is a
        "photograph"), else the known word it most likely misspells."""
        retriever = self.retriever
        if retriever.known(concept_key):
            return concept_key
        return _known_concept(retriever, concept_key, word or concept_key)

    # ----------------------------------------------------------------- one fact

    def concepts_of(self, text: str) -> set[str]:
        mentions = self.gazetteer.find(text)
        found = set(content_concepts(text, [(m.start, m.end) for m in mentions]))
        found.update("@" + m.entity for m in mentions)
        return found

    def _view(self, fact: Fact) -> FactView:
        primary = self.concepts_of(fact.statement)
        statement_concepts = frozenset(primary)
        for keyword in fact.keywords:
            primary |= self.concepts_of(keyword)
        secondary: set[str] = set()
        closure: set[str] = {fact.subject}
        quoted: set[str] = set()
        for citation in fact.citations:
            secondary |= self.concepts_of(citation.quote)
            quoted.update(m.entity for m in self.gazetteer.find(citation.quote))
        for text in (fact.statement, *fact.keywords):
            closure.update(m.entity for m in self.gazetteer.find(text))
        closure.update(v.entity for v in fact.values if v.entity)
        for entity_id in list(closure):
            closure |= self.gazetteer.ancestors(entity_id)
        for entity_id in list(quoted):
            quoted |= self.gazetteer.ancestors(entity_id)
        quoted -= closure
        primary |= {"@" + e for e in closure}
        texts = (fact.statement, *fact.keywords, *(c.quote for c in fact.citations))
        surface = {p.lower() for t in texts for w, _, _ in tokens(t) for p in (w, *w.split("-")) if is_content(p)}
        for entity_id in {fact.subject, *(v.entity for v in fact.values if v.entity)}:
            entity = self.base.entities.get(entity_id or "")
            if entity is not None and entity.type:
                primary.add(concept(entity.type))  # "the rover" is implied by Perseverance
                surface.add(entity.type.lower())
        for entity_id in closure | quoted:
            entity = self.base.entities.get(entity_id)
            if entity is not None:  # a fact naming Mars entails "planet"; naming JPL, "laboratory"
                surface.update(w.lower() for w, _, _ in tokens(entity.name) if is_content(w))
                if entity.type:
                    surface.add(entity.type.lower())
        implied: set[str] = set()
        for word in surface:
            implied |= implied_keys(word)
        return FactView(
            fact=fact,
            primary=frozenset(primary),
            secondary=frozenset(secondary - primary),
            closure=frozenset(closure),
            quoted=frozenset(quoted),
            polarity=-1 if fact.negated else polarity(fact.statement),
            statement_concepts=statement_concepts,
            superlatives=frozenset(superlatives_in(" ".join(texts))),
            implied=frozenset(implied | primary | secondary),
            surface=frozenset(surface),
            prefixes=prefixes_of(primary | secondary),
        )

    # ----------------------------------------------------------------- several facts

    def _find_siblings(self, same_quote: bool = False) -> list[tuple[int, ...]]:
        """For each fact, the other facts about the same subject and topic from the same passage
        of a source (a quote a sentence or two away; with ``same_quote``, the very same quote).

        Facts are grouped by (subject, polarity, source) and their quotes' offsets sorted, so
        each fact meets only its neighbours: linear in the facts, not quadratic.
        """
        reach = 0 if same_quote else tuning.PASSAGE_CHARS
        groups: dict[tuple[str, int, str], list[tuple[int, int]]] = {}
        for i, view in enumerate(self.views):
            for citation in view.fact.citations:
                offset = self._quote_offset(citation.source, citation.quote)
                if offset >= 0:
                    groups.setdefault((view.fact.subject, view.polarity, citation.source), []).append((offset, i))
        found: list[set[int]] = [set() for _ in self.views]
        for spots in groups.values():
            spots.sort()
            offsets = [offset for offset, _ in spots]
            for offset, i in spots:
                lo, hi = bisect_left(offsets, offset - reach), bisect_right(offsets, offset + reach)
                for _, j in spots[lo:hi]:
                    if j == i or j in found[i]:
                        continue
                    shared = {c for c in self.views[i].statement_concepts & self.views[j].statement_concepts if c[:1] != "@"}
                    if same_quote or shared:
                        found[i].add(j)
        return [tuple(sorted(f)) for f in found]

    def _quote_offset(self, source_id: str, quote: str) -> int:
        """Where ``quote`` first occurs in its source (-1 if nowhere): as validation found it, so
        a source is not searched again; a facts base built by hand is searched once per quote."""
        offsets = self.base.quote_offsets
        key = (source_id, quote)
        offset = offsets.get(key)
        if offset is None:
            source = self.base.sources.get(source_id)
            offset = offsets[key] = source.text.find(quote) if source else -1
        return offset

    def passage_view(self, i: int, same_quote: bool = False) -> FactView | None:
        """Fact ``i`` together with its siblings, as one view (None when it has none); built once."""
        key = (i, same_quote)
        if key not in self._merged:
            siblings = self.quote_siblings[i] if same_quote else self.siblings[i]
            self._merged[key] = merge_views([self.views[i], *(self.views[j] for j in siblings)]) if siblings else None
        return self._merged[key]

    def _event_dates(self) -> dict[str, str]:
        """Events the facts date unambiguously, by concept: {"land": "2021-02-18", ...}."""
        seen: dict[str, set[str]] = {}
        for fact in self.base.facts:
            for value in fact.values:
                if value.kind != "date" or value.text.count("-") != 2:
                    continue
                for w, _, _ in tokens(rewrite_phrases(value.slot)):
                    if is_content(w) and w.lower() not in GENERIC_SLOT_WORDS:
                        seen.setdefault(concept(w), set()).add(value.text)
        return {event: next(iter(dates)) for event, dates in seen.items() if len(dates) == 1}

    def value_candidates(self, ex: Extraction) -> list[int]:
        """Facts that state one of the claim's dates or measured amounts, whatever their words.

        "On July 30, NASA sent the rover off" shares no word with the launch fact, but its date is
        the launch's: the fact is worth aligning. A value many facts share (the landing day)
        singles out none of them and adds nothing to what the words retrieve.
        """
        found: list[int] = []
        for d in ex.dates:
            if d.valid and d.month is not None:
                # a fact date of another month cannot agree; one of a year alone may
                dated = self.dated.get(d.month, []) + self.dated.get(0, [])
                found += self._sharing([i for i, (year, month, day) in dated if date_matches(d, year, month, day)])
        for a in ex.amounts:
            if a.dimension != "count" and not a.comparative:
                measured = self.measured.get(a.dimension, [])
                found += self._sharing([i for i, low, high in measured if overlaps(a.low, a.high, low, high)])
        return list(dict.fromkeys(found))

    def _values_by_kind(
        self,
    ) -> tuple[dict[int, list[tuple[int, tuple[int, int | None, int | None]]]], dict[str, list[tuple[int, float, float]]]]:
        """The facts' dates by month (0 for a year alone) and their measured amounts by
        dimension, parsed once for ``value_candidates``."""
        dated: dict[int, list[tuple[int, tuple[int, int | None, int | None]]]] = {}
        measured: dict[str, list[tuple[int, float, float]]] = {}
        for i, view in enumerate(self.views):
            for x in view.fact.values:
                if x.kind == "date":
                    ymd = parse_iso(x.text)
                    dated.setdefault(ymd[1] or 0, []).append((i, ymd))
                elif x.kind == "quantity" and x.unit and x.low is not None:
                    high = x.high if x.high is not None else math.inf
                    measured.setdefault(UNITS[x.unit][0], []).append((i, x.low, high))
        return dated, measured

    @staticmethod
    def _sharing(indexes: list[int]) -> list[int]:
        unique = sorted(set(indexes))  # in the facts' order
        return unique if len(unique) <= tuning.VALUE_CANDIDATES else []

    def resolve_relative_dates(self, ex: Extraction) -> Extraction:
        """Turn "two days after landing" into a date, where the facts date the event."""
        if not ex.relative_dates:
            return ex
        dates = list(ex.dates)
        for r in ex.relative_dates:
            anchor = self.event_dates.get(concept(r.event))
            if anchor is None:
                continue
            day = dt.date.fromisoformat(anchor) + dt.timedelta(days=r.days)
            dates.append(DateValue(day.year, day.month, day.day, r.text, r.start, r.end))
        return replace(ex, dates=tuple(sorted(dates, key=lambda d: d.start)))


def prefixes_of(words: set[str] | frozenset[str]) -> frozenset[str]:
    """The first ``tuning.STEM_PREFIX`` letters of every word at least that long."""
    return frozenset(w[: tuning.STEM_PREFIX] for w in words if len(w) >= tuning.STEM_PREFIX)


def merge_views(views: list[FactView]) -> FactView:
    """Several facts as one view: their values, words and citations together; the first leads."""
    head = views[0].fact
    fact = Fact(
        head.id,
        head.statement,
        head.subject,
        tuple(v for view in views for v in view.fact.values),
        tuple(dict.fromkeys(c for view in views for c in view.fact.citations)),
        tuple(k for view in views for k in view.fact.keywords),
        head.negated,
        head.as_of,
        head.line,
    )

    def union(name: str) -> frozenset[str]:
        return frozenset().union(*(getattr(view, name) for view in views))

    return FactView(
        fact,
        union("primary"),
        union("secondary") - union("primary"),
        union("closure"),
        union("quoted") - union("closure"),
        views[0].polarity,
        union("statement_concepts"),
        union("superlatives"),
        union("implied"),
        union("surface"),
        union("prefixes"),
        merged=True,
        members=tuple(view.fact for view in views),
    )


@lru_cache(maxsize=65536)
def _known_concept(retriever: Retriever, concept_key: str, word: str) -> str:
    """``FactIndex.known_concept`` for a word the facts do not use, remembered per retriever."""
    synonyms = [concept(s.replace(" ", PHRASE_JOINER)) for s in sorted(synonyms_of(word))]
    head = [concept(word.split(PHRASE_JOINER)[0])] if PHRASE_JOINER in word else []
    return next((c for c in synonyms + head if retriever.known(c)), None) or retriever.correct(concept_key)
