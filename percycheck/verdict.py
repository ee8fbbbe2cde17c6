"""Decide supported / contradicted / unknown by comparing typed values, not similarity.

For each candidate fact the claim's values are paired with the fact's values of the same kind:
a pair that agrees within the stated precision *matches*, a pair that disagrees is a *conflict*,
and a claim value with no counterpart is *unmatched*. Then:

- contradicted: a conflict (or an opposite polarity) on a fact whose topic the claim restates;
- supported: the topic is covered, every claim value matches, and nothing is left unexplained
  (no unmatched value, no name or superlative the fact does not have);
- unknown: anything else. Lack of evidence is never a contradiction.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from percycheck.clauses import split_clauses
from percycheck.facts import FactBase
from percycheck.matcher import Document, Retriever
from percycheck.models import Citation, Entity, Fact, FactRef, Value, Verdict
from percycheck.values import (
    DAY_NAMES,
    MONTH_NAMES,
    UNITS,
    Amount,
    DateValue,
    Extraction,
    Gazetteer,
    Mention,
    content_concepts,
    date_matches,
    extract,
    overlaps,
    parse_iso,
)
from percycheck.words import SUPERLATIVES, TOKEN_RE, concept, is_content, polarity, rewrite_phrases, stem

SUPPORT_COVERAGE = 0.62
"""Share of the claim's topic (idf-weighted) a fact must cover to support it."""
CONTRADICT_COVERAGE = 0.55
"""Share of the claim's topic a fact must cover before its values can contradict the claim."""
NEGATION_COVERAGE = 0.65
"""Opposite polarity contradicts only a fact that covers this much of the claim."""
SECONDARY_WEIGHT = 0.6
"""A word found only in a fact's quotes (not its statement or keywords) counts this much."""
CONTRADICTION_MARGIN = 0.02
"""A contradiction wins over a support whose coverage is not at least this much higher."""
AMBIENT_SHARE = 0.12
"""Entities named by more than this share of facts (NASA, Mars) cannot decide a verdict."""
SLOT_ANCHORED_KINDS = frozenset({"date", "mass", "length", "time"})
"""Conflicts of these kinds count only when the claim is about the same slot: a date or an
amount of another event is no contradiction."""
DATE_ANCHOR_REVERSE = 0.5
"""A date conflict also counts when the claim restates this share of the fact's statement."""
PASSAGE_CHARS = 300
"""Quotes this close together in one source are one passage."""
NOVEL_WORDS_LIMIT = 2
"""A claim with this many words that no fact uses at all says something the sources do not."""
POSITIONS = frozenset(
    concept(w) for w in "floor rim wall edge centre center top bottom underside belly deck side front rear inside outside".split()
)
"""Where on a thing something is: a claim and a fact naming different positions disagree."""
STEM_PREFIX = 5
STEM_MATCH_WEIGHT = 0.8
"""A word sharing its first five letters with a word of the fact counts this much."""
VALUE_WEIGHT = 0.8
"""An agreeing date or amount weighs this share of the rarest word in the topic coverage."""
SUBSTITUTION_SPAN = 2
"""At most this many words on each side make a word swap (longer runs are rewording)."""
SIBLING_CANDIDATES = 3
MERGED_MARGIN = 0.1
"""Extra coverage a merged view needs to support a claim: more facts offer more words."""
"""How many of the best candidates are also tried together with their sibling facts."""
MAX_CLAIM_CHARS = 2000
"""Longer "sentences" are not claims; they are answered unknown at once."""
MAX_CITATIONS = 3

GENERIC_SLOT_WORDS = frozenset("date day time rank value number count site place location name year month of the a".split())
SITE_TYPES = frozenset({"center", "laboratory", "launch-site"})


def entity_class(entity: Entity) -> str:
    """Entities that can stand in for one another: a lab and a space centre are both sites."""
    if entity.type in SITE_TYPES and entity.kind in ("org", "place"):
        return "site"
    return entity.kind


@dataclass(frozen=True)
class FactView:
    """A fact prepared for comparison: its concepts, entities and values by kind."""

    fact: Fact
    primary: frozenset[str]
    secondary: frozenset[str]
    closure: frozenset[str]
    quoted: frozenset[str]
    polarity: int
    statement_concepts: frozenset[str]
    superlatives: frozenset[str]
    merged: bool = False
    """True for a fact joined with its sibling facts: it must cover more of a claim to support it."""


@dataclass(frozen=True)
class Conflict:
    """A claim value that disagrees with the fact's value in the same slot."""

    slot: str
    claimed: str
    sourced: str
    replacement: str
    kind: str


@dataclass
class Comparison:
    """How one claim fares against one fact."""

    view: FactView
    coverage: float
    reverse: float
    matched: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    subject_swap: tuple[str, str] | None = None
    polarity_flip: bool = False
    anchors: int = 0
    confirmed: set[str] = field(default_factory=set)
    """The claim's own value texts this fact agrees with."""
    slot_matches: list[tuple[str, str, str]] = field(default_factory=list)
    """(slot, claimed text, kind) for dates and amounts that agree: checked for anchoring."""
    """Matched values that tie the claim to this fact: dates, amounts, ranks, uncommon names."""

    @property
    def score(self) -> float:
        return self.coverage + 0.25 * self.reverse


@dataclass(frozen=True)
class ClaimAnalysis:
    """A claim's values and topic concepts."""

    text: str
    extraction: Extraction
    concepts: tuple[str, ...]
    polarity: int
    words: frozenset[str] = frozenset()
    """Every concept of the claim's text, values included: what a slot name is looked up in."""


class Engine:
    """Checks claims against one facts base. Build once; ``check`` is pure and deterministic."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.gazetteer = Gazetteer(base.entities.values())
        self.views = [self._view(f) for f in base.facts]
        self._noun_keys: dict[tuple[tuple[str, ...], str], frozenset[str]] = {}
        self._merged: dict[tuple[int, bool], FactView | None] = {}
        self.siblings = self._find_siblings()
        self.quote_siblings = self._find_siblings(same_quote=True)
        self.event_dates = self._event_dates()
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
        limit = max(3, int(AMBIENT_SHARE * len(self.views)))
        self.ambient = frozenset(e for e, n in df.items() if n > limit)
        words: set[str] = set()
        for fact in base.facts:
            texts = [fact.statement, *fact.keywords, *(c.quote for c in fact.citations)]
            for t in texts:
                for w, _, _ in _tokens(t):
                    words.add(w.lower())
                    words.add(concept(w))
        for entity in base.entities.values():
            for name in (entity.name, *entity.aliases):
                words.update(w.lower() for w, _, _ in _tokens(name))
        self.vocabulary = frozenset(words)

    # ----------------------------------------------------------------- preparation

    def _concepts(self, text: str) -> set[str]:
        mentions = self.gazetteer.find(text)
        found = set(content_concepts(text, [(m.start, m.end) for m in mentions]))
        found.update("@" + m.entity for m in mentions)
        return found

    def _view(self, fact: Fact) -> FactView:
        primary = self._concepts(fact.statement)
        statement_concepts = frozenset(primary)
        for keyword in fact.keywords:
            primary |= self._concepts(keyword)
        secondary: set[str] = set()
        closure: set[str] = {fact.subject}
        quoted: set[str] = set()
        for citation in fact.citations:
            secondary |= self._concepts(citation.quote)
            quoted.update(m.entity for m in self.gazetteer.find(citation.quote))
        for text in (fact.statement, *fact.keywords):
            closure.update(m.entity for m in self.gazetteer.find(text))
        for value in fact.values:
            if value.entity:
                closure.add(value.entity)
        for entity_id in list(closure):
            closure |= self.gazetteer.ancestors(entity_id)
        for entity_id in list(quoted):
            quoted |= self.gazetteer.ancestors(entity_id)
        quoted -= closure
        primary |= {"@" + e for e in closure}
        for entity_id in {fact.subject, *(v.entity for v in fact.values if v.entity)}:
            entity = self.base.entities.get(entity_id or "")
            if entity is not None and entity.type:
                primary.add(concept(entity.type))  # "the rover" is implied by Perseverance
        supers = {w for w in _superlatives(" ".join((fact.statement, *fact.keywords, *(c.quote for c in fact.citations))))}
        return FactView(
            fact=fact,
            primary=frozenset(primary),
            secondary=frozenset(secondary - primary),
            closure=frozenset(closure),
            quoted=frozenset(quoted),
            polarity=-1 if fact.negated else polarity(fact.statement),
            statement_concepts=statement_concepts,
            superlatives=frozenset(supers),
        )

    def _find_siblings(self, same_quote: bool = False) -> list[tuple[int, ...]]:
        """For each fact, the other facts about the same subject and topic from the same passage
        of a source (a quote a sentence or two away; with ``same_quote``, the very same quote).

        Facts are grouped by (subject, polarity, source) and their quotes' offsets sorted, so
        each fact meets only its neighbours: linear in the facts, not quadratic.
        """
        from bisect import bisect_left, bisect_right

        reach = 0 if same_quote else PASSAGE_CHARS
        groups: dict[tuple[str, int, str], list[tuple[int, int]]] = {}
        for i, view in enumerate(self.views):
            for citation in view.fact.citations:
                source = self.base.sources.get(citation.source)
                offset = source.text.find(citation.quote) if source else -1
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

    def _merged_view(self, i: int, strong: bool = False) -> FactView | None:
        """Fact ``i`` together with its siblings, as one view (None when it has none); built once."""
        if (i, strong) in self._merged:
            return self._merged[i, strong]
        built = self._merge(i, self.quote_siblings[i] if strong else self.siblings[i])
        self._merged[i, strong] = built
        return built

    def _merge(self, i: int, siblings: tuple[int, ...]) -> FactView | None:
        if not siblings:
            return None
        views = [self.views[i], *(self.views[j] for j in siblings)]
        head = views[0].fact
        values = tuple(v for view in views for v in view.fact.values)
        citations = tuple(dict.fromkeys(c for view in views for c in view.fact.citations))
        fact = Fact(
            head.id,
            head.statement,
            head.subject,
            values,
            citations,
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
            merged=True,
        )

    def _event_dates(self) -> dict[str, str]:
        """Events the facts date unambiguously, by concept: {"land": "2021-02-18", ...}."""
        seen: dict[str, set[str]] = {}
        for fact in self.base.facts:
            for value in fact.values:
                if value.kind != "date" or value.text.count("-") != 2:
                    continue
                for w, _, _ in _tokens(rewrite_phrases(value.slot)):
                    if is_content(w) and w.lower() not in GENERIC_SLOT_WORDS:
                        seen.setdefault(concept(w), set()).add(value.text)
        return {event: next(iter(dates)) for event, dates in seen.items() if len(dates) == 1}

    def _resolve(self, ex: Extraction) -> Extraction:
        """Turn "two days after landing" into a date, where the facts date the event."""
        if not ex.relative_dates:
            return ex
        events = self.event_dates
        dates = list(ex.dates)
        for r in ex.relative_dates:
            anchor = events.get(concept(r.event))
            if anchor is None:
                continue
            day = dt.date.fromisoformat(anchor) + dt.timedelta(days=r.days)
            dates.append(DateValue(day.year, day.month, day.day, r.text, r.start, r.end))
        return replace(ex, dates=tuple(sorted(dates, key=lambda d: d.start)))

    def analyse(self, text: str) -> ClaimAnalysis:
        ex = self._resolve(extract(text, self.gazetteer, self.vocabulary, SUPERLATIVES))
        spans = ex.spans
        concepts = tuple(dict.fromkeys(self.retriever.correct(c) for c in content_concepts(text, spans)))
        words = set(concepts)
        for w, _, _ in _tokens(rewrite_phrases(text)):
            words.update(concept(part) for part in w.split("-") if is_content(part))
        return ClaimAnalysis(text, ex, concepts, polarity(text), frozenset(words))

    # ----------------------------------------------------------------- comparison

    def compare(self, claim: ClaimAnalysis, view: FactView) -> Comparison:
        ex = claim.extraction
        fact = view.fact
        cmp = Comparison(view, 0.0, 0.0)
        conflicting_mentions: set[int] = set()

        self._compare_entities(ex.mentions, view, cmp, conflicting_mentions, claim)
        self._compare_dates(ex.dates, fact, cmp, claim)
        self._compare_weekdays(ex, fact, cmp)
        self._compare_amounts(ex.amounts, view, cmp, claim.concepts)
        self._compare_ordinals(ex, fact, cmp)
        for t in ex.times:
            cmp.unmatched.append(f"the time {t}")
        for n in ex.stray_numbers:
            cmp.unmatched.append(f"the number {n}")

        # topic coverage, idf-weighted, over concepts and non-conflicting names
        num = den = 0.0
        for c in claim.concepts:
            w = self.retriever.weight(c)
            den += w
            if c in view.primary:
                num += w
            elif c in view.secondary:
                num += SECONDARY_WEIGHT * w
            elif _shares_stem(c, view.primary):
                num += STEM_MATCH_WEIGHT * w  # "relief" and "relieved" are one word to a reader
        # an agreeing date or amount is the heart of a claim: it counts toward the topic too,
        # when the claim's words say it is the fact's kind of date or amount
        claim_set = set(claim.concepts) | {"@" + m.entity for m in ex.mentions}
        stmt = {c for c in view.statement_concepts if c[1:] not in self.ambient}
        cmp.reverse = len(stmt & claim_set) / len(stmt) if stmt else 0.0
        value_weight = VALUE_WEIGHT * self.retriever.max_idf
        for slot, _claimed, kind in cmp.slot_matches:
            if not view.merged and self._slot_anchored(claim, cmp, slot, kind):
                num += value_weight
                den += value_weight
        for conflict in cmp.conflicts:  # a different value in the same slot: the topic is the same
            if conflict.kind in SLOT_ANCHORED_KINDS and self._slot_anchored(claim, cmp, conflict.slot, conflict.kind):
                num += value_weight
                den += value_weight
        for i, m in enumerate(ex.mentions):
            w = self.retriever.weight("@" + m.entity)
            den += w
            if i in conflicting_mentions:
                den -= w  # a swapped name is judged by the conflict, not by the topic
            elif m.entity in view.closure:
                num += w
            elif m.entity in view.quoted:
                num += SECONDARY_WEIGHT * w
        cmp.coverage = num / den if den else 0.0
        if claim.polarity != view.polarity:
            cmp.polarity_flip = True
        return cmp

    def _compare_entities(
        self, mentions: Sequence[Mention], view: FactView, cmp: Comparison, conflicting: set[int], claim: ClaimAnalysis
    ) -> None:
        ents = self.base.entities
        fact = view.fact
        claimed = {m.entity for m in mentions}
        subject = ents.get(fact.subject)
        stated = view.closure - self.ambient | {v.entity for v in fact.values if v.entity}
        typed_reference = subject is not None and subject.type is not None and concept(subject.type) in claim.concepts
        for i, m in enumerate(mentions):
            entity = ents[m.entity]
            if m.entity in view.closure:
                cmp.matched.append(entity.name)
                if m.entity not in self.ambient:
                    cmp.anchors += 1
                    cmp.confirmed.add(m.text)
                continue
            if m.entity in self.ambient:
                # "NASA", "Mars": too common to tell facts apart; only a typed value can rival them
                rival = self._rival(entity, claimed, {v.entity for v in fact.values if v.entity})
                if rival is not None:
                    cmp.conflicts.append(Conflict(self._slot_of(fact, rival), m.text, rival.name, rival.name, "quoted"))
                    conflicting.add(i)
                continue
            # "the robotic geologist deployed Ingenuity" names the rover by its type; "the laser
            # instrument is called Mastcam-Z" asserts the name itself
            subject_named = fact.subject in claimed or (typed_reference and not IDENTITY_BEFORE_RE.search(claim.text[: m.start]))
            if subject is not None and not subject_named and entity_class(entity) == entity_class(subject):
                cmp.subject_swap = (entity.name, subject.name)
                conflicting.add(i)
                continue
            if any(m.entity in self.gazetteer.ancestors(other) for other in claimed - {m.entity}):
                continue  # "Japan's JAXA", "JPL in Pasadena": the place only locates the other name
            rival = self._rival(entity, claimed, stated)
            if rival is None and m.entity in view.quoted:
                cmp.matched.append(entity.name)
                cmp.confirmed.add(m.text)
                continue
            kind = "entity"
            if rival is None:
                rival = self._rival(entity, claimed, view.quoted - self.ambient)
                kind = "quoted"
            if rival is not None:
                slot = self._slot_of(fact, rival)
                cmp.conflicts.append(Conflict(slot, m.text, rival.name, rival.name, kind))
                conflicting.add(i)
            else:
                cmp.unmatched.append(f"the name {m.text}")

    def _rival(self, entity: Entity, claimed: set[str], pool: frozenset[str] | set[str]) -> Entity | None:
        """The fact's entity the claimed one would replace: same class, unrelated, not claimed."""
        own = self.gazetteer.ancestors(entity.id)
        for candidate_id in sorted(pool):
            candidate = self.base.entities.get(candidate_id)
            if candidate is None or candidate_id in claimed or not self._same_class(entity, candidate):
                continue
            if candidate_id in own or entity.id in self.gazetteer.ancestors(candidate_id):
                continue
            return candidate
        return None

    def _slot_of(self, fact: Fact, rival: Entity) -> str:
        for value in fact.values:
            if value.entity == rival.id:
                return value.slot
        return rival.type or rival.kind

    @staticmethod
    def _same_class(a: Entity, b: Entity) -> bool:
        """Could one name stand in the other's place? Places only within their type (a city
        for a city); organisations, crafts and people across their finer types."""
        if entity_class(a) == "site" and entity_class(b) == "site":
            return True
        if (a.type == "news") != (b.type == "news"):
            return False  # "Fox News reported" names who said it, not who did it
        kinds_a = {a.kind, entity_class(a)}
        kinds_b = {b.kind, entity_class(b)}
        shared = kinds_a & kinds_b
        if not shared:
            return False
        if shared <= {"place", "instrument"}:
            return a.type is None or b.type is None or a.type == b.type
        return True

    def _compare_dates(self, dates: Sequence[DateValue], fact: Fact, cmp: Comparison, claim: ClaimAnalysis | None = None) -> None:
        fact_dates = [(v, parse_iso(v.text)) for v in fact.values if v.kind == "date"]
        if claim is not None and len(fact_dates) > 1:
            # a fact with several dates (issued Feb. 18, photographed Feb. 14): the claim's words
            # say which one it means ("photographed"), so only that one is compared
            named = [fd for fd in fact_dates if self._anchored(claim, fd[0].slot)]
            if named:
                fact_dates = named
        free = list(fact_dates)
        leftover: list[DateValue] = []
        for d in dates:
            if not d.valid:
                cmp.unmatched.append(f"the date {d.text}, which does not exist")
                continue
            hit = next(
                (
                    fd
                    for fd in free
                    if date_matches(d, fd[1][0], fd[1][1], fd[1][2])
                    or (d.year is None and date_matches(DateValue(fd[1][0], d.month, d.day, d.text, 0, 0), *fd[1]))
                ),
                None,
            )
            if hit:
                free.remove(hit)
                cmp.matched.append(hit[0].text)
                cmp.anchors += 1
                cmp.confirmed.add(d.text)
                cmp.slot_matches.append((hit[0].slot, d.text, "date"))
            else:
                leftover.append(d)
        for d in leftover:
            if fact.as_of and date_matches(d, *parse_iso(fact.as_of)):
                cmp.matched.append(f"as of {fact.as_of}")  # "As of February 2022, ..." dates the claim itself
                continue
            if free:
                value, _ = free.pop(0)
                cmp.conflicts.append(
                    Conflict(value.slot, d.text, _human_date(value.text), _human_date(value.text, like=d), "date")
                )
            else:
                cmp.unmatched.append(f"the date {d.text}")

    def _compare_weekdays(self, ex: Extraction, fact: Fact, cmp: Comparison) -> None:
        full = [v for v in fact.values if v.kind == "date" and v.text.count("-") == 2]
        for w in ex.weekdays:
            if not full:
                cmp.unmatched.append(f"the day {w.text}")
                continue
            days = {dt.date.fromisoformat(v.text).weekday(): v for v in full}
            if w.index in days:
                cmp.matched.append(w.text)
            else:
                value = full[0]
                name = DAY_NAMES[dt.date.fromisoformat(value.text).weekday()]
                cmp.conflicts.append(Conflict(value.slot, w.text, f"{name} ({value.text})", name, "date"))

    def _noun_key(self, words: Sequence[str], text: str = "") -> frozenset[str]:
        """What a counted noun names: its stems, concepts and any entity ("Hazcams")."""
        cache_key = (tuple(words), text)
        known = self._noun_keys.get(cache_key)
        if known is not None:
            return known
        key = {stem(w) for w in words} | {concept(w) for w in words}
        if text:
            key |= {"@" + m.entity for m in self.gazetteer.find(text)}
            key |= {concept(w) for w, _, _ in _tokens(text) if is_content(w)}
        found = self._noun_keys[cache_key] = frozenset(key)
        return found

    def _counts_same_thing(self, claim_key: frozenset[str], claim_head: str, value: Value) -> bool:
        """A claimed count and a sourced one count the same thing when the claim names the
        source's thing as specifically: "23 cameras" is not a count of "Hazard Cameras"."""
        fact_key = self._noun_key((), value.noun or "")
        if not claim_key & fact_key:
            return False
        entities = {k for k in fact_key if k.startswith("@")}
        if entities:
            return bool(entities & claim_key)
        fact_words = _tokens(value.noun or "")
        return bool(fact_words) and concept(fact_words[-1][0]) == concept(claim_head)

    def _compare_amounts(
        self, amounts: Sequence[Amount], view: FactView, cmp: Comparison, claim_concepts: Sequence[str] = ()
    ) -> None:
        fact = view.fact
        free = [v for v in fact.values if v.kind in ("quantity", "count")]
        for a in amounts:
            if a.comparative:
                cmp.unmatched.append(f"the comparison {a.text}")
                continue
            if a.dimension == "count":
                claim_key = self._noun_key(a.noun, " ".join(a.noun))
                head = _head_noun(a.noun)
                same = [v for v in free if v.kind == "count" and self._counts_same_thing(claim_key, head, v)]
            else:
                same = [v for v in free if v.kind == "quantity" and _dimension(v) == a.dimension]
            if not same:
                cmp.unmatched.append(f"the amount {a.text}")
                continue
            hit = next((v for v in same if _agrees(a, v)), None)
            if (
                hit is None
                and all(_open_ended(v) and not _open_ended_claim(a) for v in same)
                and any(overlaps(a.low, a.high, v.low or 0.0, v.high if v.high is not None else math.inf) for v in same)
            ):
                cmp.unmatched.append(f"the amount {a.text} (the sources give only a bound)")
                continue
            if hit:
                cmp.matched.append(hit.text)
                cmp.anchors += 1
                cmp.confirmed.add(a.text)
                cmp.slot_matches.append((hit.slot, a.text, a.dimension))
                free.remove(hit)
            else:
                value = same[0]
                free.remove(value)
                cmp.conflicts.append(Conflict(value.slot, a.text, value.text, _restated(a, value), a.dimension))

    def _compare_ordinals(self, ex: Extraction, fact: Fact, cmp: Comparison) -> None:
        ranks = [v for v in fact.values if v.kind == "ordinal"]
        for o in ex.ordinals:
            if any(int(v.low or 0) == o.rank for v in ranks):
                cmp.matched.append(o.text)
                cmp.anchors += 1
            elif ranks:
                rank = _ordinal_word(int(ranks[0].low or 1))
                cmp.conflicts.append(Conflict(ranks[0].slot, o.text, rank, rank, "ordinal"))
            elif o.rank != 1:
                cmp.unmatched.append(f"the rank {o.text}")

    # ----------------------------------------------------------------- decision

    def _anchored(self, claim: ClaimAnalysis, slot: str) -> bool:
        """Does the claim use a word of the slot's name ("landing date" needs "landed")? A slot
        named only "date" never anchors by words; restatement must (see ``_slot_anchored``)."""
        words = _slot_words(slot)
        if not words:
            return False  # a slot named only "date" says nothing of the event: restatement must
        return bool(words & claim.words)

    def _slot_anchored(self, claim: ClaimAnalysis, cmp: Comparison, slot: str, kind: str) -> bool:
        """Is the claim's date or amount about the fact's slot? ("landed on Feb. 19" is not
        about the day an image was released on Feb. 19.)"""
        if kind not in SLOT_ANCHORED_KINDS:
            return True
        words = _slot_words(slot)
        if words & cmp.view.statement_concepts:
            return self._anchored(claim, slot)  # the slot says which event: the claim must name it
        # a bare "date", or a slot named in other words than the statement's: the claim must
        # restate the fact (or name the slot after all)
        return self._anchored(claim, slot) or cmp.reverse >= DATE_ANCHOR_REVERSE

    def _status(self, claim: ClaimAnalysis, cmp: Comparison) -> str:
        ex = claim.extraction
        for slot, claimed, kind in cmp.slot_matches:
            if kind == "date" and not self._slot_anchored(claim, cmp, slot, kind):
                cmp.unmatched.append(f"{claimed} for another event ({slot})")
                cmp.confirmed.discard(claimed)
        cmp.slot_matches.clear()
        if cmp.subject_swap:
            restates = (
                not cmp.conflicts
                and not cmp.unmatched
                and cmp.coverage >= SUPPORT_COVERAGE
                and (bool(cmp.matched) or cmp.reverse >= DATE_ANCHOR_REVERSE)
            )
            return "contradicted" if restates else "unknown"
        real_conflicts = [
            c
            for c in cmp.conflicts
            if self._slot_anchored(claim, cmp, c.slot, c.kind) and (c.kind != "quoted" or cmp.coverage >= SUPPORT_COVERAGE)
        ]
        if cmp.unmatched and not cmp.anchors:
            real_conflicts = []  # the claim is about something else that merely shares a slot
        if real_conflicts and cmp.polarity_flip:
            real_conflicts = []  # "the failed attempt was at X" is not about the successful one at Y
        if real_conflicts and cmp.coverage >= CONTRADICT_COVERAGE:
            cmp.conflicts = real_conflicts + [c for c in cmp.conflicts if c not in real_conflicts]
            return "contradicted"
        if cmp.conflicts:
            return "unknown"
        if cmp.polarity_flip and cmp.coverage >= NEGATION_COVERAGE and not cmp.unmatched:
            return "contradicted"
        if cmp.polarity_flip:
            return "unknown"
        if cmp.unmatched or ex.unknown_names:
            return "unknown"
        novel = [c for c in claim.concepts if not self.retriever.known(c)]
        if len(novel) >= NOVEL_WORDS_LIMIT:
            cmp.unmatched.append(f"the words {', '.join(novel[:3])}")
            return "unknown"
        missing_super = [s for s in ex.superlatives if not _superlative_covered(s, cmp.view)]
        opposite = [s for s in missing_super if _superlative_opposed(s, cmp.view)]
        if opposite and cmp.coverage >= CONTRADICT_COVERAGE:
            cmp.conflicts.append(Conflict("superlative", opposite[0], "the opposite", "the opposite", "superlative"))
            return "contradicted"
        if missing_super:
            cmp.unmatched.append(f"the superlative '{missing_super[0]}'")
            return "unknown"
        if cmp.coverage < SUPPORT_COVERAGE + (MERGED_MARGIN if cmp.view.merged else 0.0):
            return "unknown"
        reported = REPORTED_RE.search(claim.text)
        if reported and len(claim.text[reported.end() :].split()) >= 3:
            # "Zurbuchen said that Y": the speaker matches many facts; what he said must hold
            inner_text = claim.text[reported.end() :]
            inner = self.analyse(inner_text)
            inner_cmp = self.compare(inner, cmp.view)
            if self._status(inner, inner_cmp) != "supported":
                cmp.unmatched.append(f"what was said: “{inner_text}”")
                return "unknown"
        misnamed = self._misnamed(claim, cmp.view)
        if misnamed:
            cmp.unmatched.append(f"that something is called {misnamed}")
            return "unknown"
        swapped = self._substitution(claim, cmp.view)
        if swapped:
            cmp.unmatched.append(f"“{swapped[0]}” where the source says “{swapped[1]}”")
            return "unknown"
        return "supported"

    def _misnamed(self, claim: ClaimAnalysis, view: FactView) -> str | None:
        """A claim that something "is called X" needs a source that calls it X: the JPL text
        names Mastcam-Z and "a laser instrument called SuperCam" side by side."""
        for m in claim.extraction.mentions:
            if not NAMING_BEFORE_RE.search(claim.text[: m.start]):
                continue
            if m.entity == view.fact.subject:
                continue
            entity = self.base.entities[m.entity]
            names = [re.escape(n) for n in (entity.name, *entity.aliases)]
            pattern = re.compile(
                r"\b(?:called|named|nicknamed|dubbed|known as)\s+(?:the\s+)?(?:" + "|".join(names) + r")\b", re.I
            )
            texts = (view.fact.statement, *(c.quote for c in view.fact.citations))
            if not any(pattern.search(t) for t in texts):
                return m.text
        return None

    def _substitution(self, claim: ClaimAnalysis, view: FactView) -> tuple[str, str] | None:
        """A word of the sourced statement replaced by one the fact does not know: "crater rim"
        for "crater floor", "commercial value" for "scientific value". Support would be wrong."""
        claim_words = list(claim.concepts)
        vocabulary = view.primary | view.secondary
        claimed_positions = {w for w in claim_words if w in POSITIONS}
        stated_positions = {w for w in view.primary if w in POSITIONS}
        if claimed_positions and stated_positions and not claimed_positions & stated_positions:
            return sorted(claimed_positions)[0], sorted(stated_positions)[0]
        from difflib import SequenceMatcher

        for text in (view.fact.statement, *(c.quote for c in view.fact.citations)):
            fact_words = _text_concepts(text)
            matcher = SequenceMatcher(a=claim_words, b=fact_words, autojunk=False)
            for op, a1, a2, b1, b2 in matcher.get_opcodes():
                if op != "replace" or a2 - a1 > SUBSTITUTION_SPAN or b2 - b1 > SUBSTITUTION_SPAN:
                    continue
                if a1 == 0 or b1 == 0 or a2 == len(claim_words) and b2 == len(fact_words):
                    continue  # a swap is held by matching words before it (and after, or one side ends)
                new = [
                    w
                    for w in claim_words[a1:a2]
                    if w not in vocabulary and not self.retriever.known(w) and not _shares_stem(w, vocabulary)
                ]
                old = [w for w in fact_words[b1:b2] if w not in claim_words]
                if new and old:
                    return new[0], old[0]
        return None

    def check(self, text: str) -> Verdict:
        """The verdict for one claim."""
        claim_text = strip_attribution(" ".join(text.split()))
        if not claim_text:
            return Verdict(text, "unknown", 0.0, "empty claim: nothing to check")
        if len(claim_text) > MAX_CLAIM_CHARS:
            return Verdict(text, "unknown", 0.0, f"too long to check as one claim ({len(claim_text):,} characters)")
        parts = split_clauses(claim_text)
        if len(parts) > 1:
            results = [self._check_one(p) for p in parts]
            contradicted = [r for r in results if r.verdict == "contradicted"]
            if contradicted:
                best = max(contradicted, key=lambda r: r.confidence)
                return _with_claim(best, text, prefix=f"part “{best.claim}”: ")
            if all(r.verdict == "supported" for r in results):
                citations = _merge_citations(results)
                reason = "every part is supported: " + "; ".join(r.reason for r in results)
                return Verdict(text, "supported", min(r.confidence for r in results), reason, results[0].fact, citations)
            whole = self._check_one(claim_text)
            if whole.verdict != "unknown":
                return _with_claim(whole, text)
            unknown = next(r for r in results if r.verdict == "unknown")
            return Verdict(
                text, "unknown", unknown.confidence, f"part “{unknown.claim}”: {unknown.reason}", unknown.fact, unknown.citations
            )
        return _with_claim(self._check_one(claim_text), text)

    def _topic_ceiling(self, claim: ClaimAnalysis) -> float:
        """The most any fact could cover of this claim: the share of its topic that the facts
        use at all. Off-topic sentences ("a bright museum painted one sudden market") stop here."""
        ex = claim.extraction
        num = den = 0.0
        for c in claim.concepts:
            w = self.retriever.weight(c)
            den += w
            if self.retriever.known(c) or _shares_stem(c, self.retriever.vocabulary):
                num += w
        for m in ex.mentions:
            # a name no fact uses may still be a swapped value, which coverage leaves out
            if m.entity in self.mentioned:
                w = self.retriever.weight("@" + m.entity)
                num += w
                den += w
        values = VALUE_WEIGHT * self.retriever.max_idf * (len(ex.dates) + len(ex.amounts) + len(ex.relative_dates))
        return (num + values) / (den + values) if den + values else 0.0

    def _check_one(self, text: str) -> Verdict:
        claim = self.analyse(text)
        if self._topic_ceiling(claim) < CONTRADICT_COVERAGE:
            return self._unknown(claim, [])
        search = list(claim.concepts) + ["@" + m.entity for m in claim.extraction.mentions]
        search += [concept(w) for a in claim.extraction.amounts for w in a.noun]  # "four-wheeled" is about wheels
        candidates = self.retriever.candidates(search, text)
        comparisons = [self.compare(claim, self.views[i]) for i in candidates]
        judged = [(self._status(claim, c), c) for c in comparisons]
        if not any(s != "unknown" for s, _ in judged):
            # the claim may join values that one source sentence states and the curation split
            # into several facts ("the six-image panorama, taken on Feb. 20")
            for i in candidates[:SIBLING_CANDIDATES]:
                # facts drawn from one quote about one subject are one statement: judge them as one
                strong = self._merged_view(i, strong=True)
                if strong is not None:
                    c = self.compare(claim, strong)
                    judged.append((self._status(claim, c), c))
                merged = self._merged_view(i)
                if merged is not None:
                    c = self.compare(claim, merged)
                    if self._status(claim, c) == "supported":  # a passage may confirm, never refute
                        judged.append(("supported", c))
        supported = [c for s, c in judged if s == "supported"]
        contradicted = [c for s, c in judged if s == "contradicted"]
        best_s = max(supported, key=lambda c: (c.score, -c.view.fact.line), default=None)
        # a value that a closer fact confirms is not contradicted by a weaker fact's other value
        # ("ULA" confirmed by the launch fact is no rival of "JPL" in a fact about records)
        every = [c for _, c in judged]
        contradicted = [
            c
            for c in contradicted
            if not c.conflicts
            or any(not any(o is not c and x.claimed in o.confirmed and o.score >= c.score for o in every) for x in c.conflicts)
        ]
        if best_s is not None:
            # a fact that explains every value of the claim beats one that leaves some unexplained
            contradicted = [c for c in contradicted if not c.unmatched]
        best_c = max(contradicted, key=lambda c: (c.score, -c.view.fact.line), default=None)
        if best_c and (best_s is None or best_c.score >= best_s.score - CONTRADICTION_MARGIN):
            return self._contradicted(claim, best_c)
        if best_s:
            return self._supported(claim, best_s)
        return self._unknown(claim, [c for _, c in judged])

    # ----------------------------------------------------------------- wording

    def _supported(self, claim: ClaimAnalysis, cmp: Comparison) -> Verdict:
        fact = cmp.view.fact
        detail = ", ".join(dict.fromkeys(cmp.matched)) if cmp.matched else fact.statement
        reason = f"matches {fact.id}: {detail} ({_attribution(fact.citations)})"
        return Verdict(
            claim.text,
            "supported",
            round(min(1.0, cmp.coverage), 3),
            reason,
            FactRef(fact.id, fact.statement),
            fact.citations[:MAX_CITATIONS],
        )

    def _contradicted(self, claim: ClaimAnalysis, cmp: Comparison) -> Verdict:
        fact = cmp.view.fact
        who = _attribution(fact.citations)
        suggestion = None
        if cmp.subject_swap:
            said, truth = cmp.subject_swap
            subject = self.base.entities.get(fact.subject)
            role = (subject.type or subject.kind) if subject else "subject"
            reason = f"{role} differs: the claim says {said}, the sources say {truth} ({who})"
            suggestion = claim.text.replace(said, truth, 1)
        elif cmp.conflicts:
            conflict = cmp.conflicts[0]
            slot, said, truth, replacement = conflict.slot, conflict.claimed, conflict.sourced, conflict.replacement
            reason = f"{slot} differs: the claim says {said}, the sources say {truth} ({who})"
            if len(cmp.conflicts) == 1 and said in claim.text:
                suggestion = claim.text.replace(said, replacement, 1)
        else:
            reason = f"the claim says the opposite of the sources: “{fact.statement}” ({who})"
        confidence = round(min(1.0, 0.5 + cmp.coverage / 2), 3)
        return Verdict(
            claim.text,
            "contradicted",
            confidence,
            reason,
            FactRef(fact.id, fact.statement),
            fact.citations[:MAX_CITATIONS],
            suggestion,
        )

    def _unknown(self, claim: ClaimAnalysis, comparisons: Sequence[Comparison]) -> Verdict:
        ex = claim.extraction
        best = max(comparisons, key=lambda c: (c.score, -c.view.fact.line), default=None)
        strangers = [m.text for m in ex.mentions if m.entity not in self.mentioned]
        if ex.unknown_names or strangers:
            reason = f"no source mentions {', '.join(dict.fromkeys([*ex.unknown_names, *strangers]))}"
        elif best is None or best.coverage < CONTRADICT_COVERAGE:
            reason = "no fact in the sources covers this topic"
        elif best.unmatched:
            reason = f"no source gives {best.unmatched[0]} ({best.view.fact.id} is the nearest fact)"
        elif best.subject_swap:
            reason = f"the nearest fact ({best.view.fact.id}) is about {best.subject_swap[1]}, not {best.subject_swap[0]}"
        elif best.conflicts:
            reason = f"the nearest fact ({best.view.fact.id}) is about another {best.conflicts[0].slot}"
        else:
            reason = (
                f"the sources do not state this (nearest fact: {best.view.fact.id}, covering {best.coverage:.0%} of the claim)"
            )
        confidence = round(1.0 - (best.coverage / 2 if best else 0.0), 3)
        fact = FactRef(best.view.fact.id, best.view.fact.statement) if best and best.coverage >= CONTRADICT_COVERAGE else None
        return Verdict(claim.text, "unknown", confidence, reason, fact, ())


# --------------------------------------------------------------------------- helpers


REPORTED_RE = re.compile(
    r"\b(?:said|says|say|stated|states|told|tells|explained|explains|noted|notes|added|adds)\s+(?:in\s+a\s+statement\s+)?(?:that\s+)?",
    re.I,
)
"""Reported speech: the words after it are the claim that must be sourced."""
NAMING_BEFORE_RE = re.compile(r"\b(?:called|named|nicknamed|dubbed|known\s+as)\s+(?:the\s+)?$", re.I)
"""A name right after "called" is the claim's point: the source must give that name to it."""
IDENTITY_BEFORE_RE = re.compile(
    r"\b(?:is|was|were|are|be)\s+(?:called\s+|named\s+|known\s+as\s+|dubbed\s+)?(?:the\s+|a\s+|an\s+|NASA['’]s\s+)?$", re.I
)
"""A name right after "is called" / "was" is asserted to be the thing, not merely mentioned."""

ATTRIBUTION_RES = (
    re.compile(r"^(?:according to|as reported by|per)\s+[^,]{2,60},\s*", re.I),
    re.compile(r"(?<!\s),?\s+according to\s+[^,.;]{2,60}(?=[.;!]?\s*$|,)", re.I),
    re.compile(
        r",\s*(?:(?:the|a|an)\s+)?(?:[A-Za-z][\w.’'\-]*\s+){0,4}?(?:said|says|reported|reports|noted|notes|announced|announces|confirmed|confirms|added|adds|explained|explains|wrote|writes)(?:\s+in\s+(?:a|its|their)\s+(?:statement|release|report|post|tweet))?(?=[.;!]?\s*$|,)",
        re.I,
    ),
)
"""Attribution clauses ("…, NASA said", "According to JPL, …") say who reported a claim, not what
it is; they are removed before the claim is judged (the sources carry attribution themselves)."""


def strip_attribution(text: str) -> str:
    """The claim without its attribution clauses, or the text itself when that would leave little."""
    stripped = text
    for pattern in ATTRIBUTION_RES:
        stripped = pattern.sub("", stripped)
    stripped = stripped.strip(" ,")
    if stripped and stripped[0].islower() and text[:1].isupper():
        stripped = stripped[0].upper() + stripped[1:]
    return stripped if len(stripped.split()) >= 3 else text


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def _superlatives(text: str) -> set[str]:
    low = rewrite_phrases(text)
    found = set()
    words = [w for w, _, _ in _tokens(low)]
    for i, w in enumerate(words):
        if w in SUPERLATIVES:
            found.add(stem(w))
            if w in ("most", "least") and i + 1 < len(words):
                found.add(f"{w} {stem(words[i + 1])}")
    return found


def _superlative_covered(claimed: str, view: FactView) -> bool:
    """A claimed superlative must be one the fact states, in any wording of the same concept."""
    words = claimed.lower().split()
    present = view.superlatives
    vocabulary = view.primary | view.secondary
    if words[0] in ("most", "least") and len(words) > 1:
        return f"{words[0]} {stem(words[1])}" in present or concept(words[1]) in vocabulary and bool(present)
    return stem(words[0]) in present or concept(words[0]) in vocabulary


_NUMBER_IN_TEXT = re.compile(
    r"\d[\d,]*(?:\.\d+)?|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b",
    re.I,
)
_WORDS_FOR = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()


def _restated(amount: Amount, value: Value) -> str:
    """The claim's amount with the sourced number put in, in the claim's own unit and style:
    "about 1,500 kilograms" -> "about 1,026 kilograms", "four" -> "two"."""
    low, high = value.low or 0.0, value.high if value.high is not None else math.inf
    if math.isinf(high):
        return value.text
    mid = high if value.text.startswith("almost") else (low + high) / 2  # "almost 1,050 feet" is 1,050 at most
    if amount.dimension != "count" and amount.unit:
        mid = mid / UNITS[amount.unit][1]
    found = _NUMBER_IN_TEXT.search(amount.text)
    if found is None:
        return value.text
    if found.group(0)[0].isalpha() and amount.dimension == "count" and round(mid) < len(_WORDS_FOR):
        number = _WORDS_FOR[round(mid)]
        if found.group(0)[0].isupper():
            number = number.capitalize()
    elif abs(mid) >= 100 or mid == round(mid):
        number = f"{round(mid):,}"
    else:
        number = f"{mid:.3g}"
    return amount.text[: found.start()] + number + amount.text[found.end() :]


@lru_cache(maxsize=8192)
def _text_concepts(text: str) -> tuple[str, ...]:
    """The concepts of a fact's statement or quote, in order (the same few texts, many claims)."""
    return tuple(content_concepts(text))


@lru_cache(maxsize=4096)
def _slot_words(slot: str) -> frozenset[str]:
    """The concepts a slot name gives beyond "date", "number" and the like: "landing date" -> {land}."""
    return frozenset(
        concept(w) for w, _, _ in _tokens(rewrite_phrases(slot)) if is_content(w) and w.lower() not in GENERIC_SLOT_WORDS
    )


def _shares_stem(word: str, vocabulary: frozenset[str]) -> bool:
    """A word that starts like a word of the fact (five letters or more in common)."""
    if len(word) < STEM_PREFIX or not word.isalpha():
        return False
    return word[:STEM_PREFIX] in _prefixes(vocabulary)


@lru_cache(maxsize=4096)
def _prefixes(vocabulary: frozenset[str]) -> frozenset[str]:
    return frozenset(v[:STEM_PREFIX] for v in vocabulary if len(v) >= STEM_PREFIX)


def _head_noun(words: Sequence[str]) -> str:
    """The counted thing in "43 sample tubes" is the tubes: the first plural word, else the first."""
    for word in words:
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            return word
    return words[0] if words else ""


def _open_ended(value: Value) -> bool:
    return value.high == math.inf or (value.low or 0.0) <= 0.0


def _open_ended_claim(amount: Amount) -> bool:
    return amount.high == math.inf or amount.low <= 0.0


def _agrees(amount: Amount, value: Value) -> bool:
    """Does a claimed amount agree with a sourced one?

    Two bounded ranges agree when they overlap. When the source gives only a bound ("at least
    one or two months"), a claim agrees only if it states the same kind of bound no stronger
    than the source's; a precise claim is then not confirmed (see ``_open_ended``).
    """
    low, high = value.low or 0.0, value.high if value.high is not None else math.inf
    if high == math.inf:
        return amount.high == math.inf and amount.low <= low * (1 + APPROX_SLACK) + 1e-9
    if low <= 0.0:
        return amount.low <= 0.0 and amount.high >= high * (1 - APPROX_SLACK) - 1e-9
    return overlaps(amount.low, amount.high, low, high)


APPROX_SLACK = 0.05
"""How far a claimed bound may pass the sourced bound and still agree with it."""


OPPOSITE_SUPERLATIVES = {
    "fewest": "most",
    "least": "most",
    "smallest": "largest",
    "lightest": "heaviest",
    "shortest": "longest",
    "slowest": "fastest",
    "worst": "best",
    "lowest": "highest",
    "newest": "oldest",
    "latest": "earliest",
    "easiest": "hardest",
    "closest": "farthest",
    "nearest": "farthest",
}
OPPOSITE_SUPERLATIVES.update({v: k for k, v in list(OPPOSITE_SUPERLATIVES.items()) if v not in OPPOSITE_SUPERLATIVES})


def _superlative_opposed(claimed: str, view: FactView) -> bool:
    """Does the fact state the opposite superlative ("fewest cameras" against "most cameras")?"""
    word = claimed.lower().split()[0]
    other = OPPOSITE_SUPERLATIVES.get(word)
    return other is not None and (stem(other) in view.superlatives or any(p.startswith(other) for p in view.superlatives))


def _dimension(value: Value) -> str:
    return UNITS[value.unit][0] if value.unit else "count"


def _ordinal_word(rank: int) -> str:
    words = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    return words[rank] if rank < len(words) else f"{rank}th"


def _human_date(iso: str, like: DateValue | None = None) -> str:
    year, month, day = parse_iso(iso)
    if month is None:
        return str(year)
    name = MONTH_NAMES[month]
    if day is None:
        return f"{name} {year}"
    if like is not None and like.text[:1].isdigit() and "-" in like.text:
        return iso
    if like is not None and like.year is None:
        return f"{name} {day}"
    return f"{name} {day}, {year}"


def _attribution(citations: Sequence[Citation]) -> str:
    if not citations:
        return "no citation"
    first = citations[0]
    return f"{first.publisher}, {first.date}" if first.date else first.publisher


def _merge_citations(results: Sequence[Verdict]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, str], Citation] = {}
    for r in results:
        for c in r.citations:
            seen.setdefault((c.source, c.quote), c)
    return tuple(seen.values())[: MAX_CITATIONS * 2]


def _with_claim(verdict: Verdict, claim: str, prefix: str = "") -> Verdict:
    return Verdict(
        claim, verdict.verdict, verdict.confidence, prefix + verdict.reason, verdict.fact, verdict.citations, verdict.suggestion
    )
