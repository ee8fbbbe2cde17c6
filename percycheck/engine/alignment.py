"""Alignment: line a claim up with one fact, part by part.

Each claim value is paired with the fact's value that fills the same role: agreeing pairs first
(so "six so far, and another two" pairs the two with the fact's two), then disagreeing ones.
A disagreeing pair is a *conflict*, marked *anchored* only when the claim's value is about the
fact's event: every word of the slot's name is aligned with the claim ("record drive date"
needs both "record" and "drive"), or, for a generic slot ("date", "place"), the claim restates
the fact. A claim value with no counterpart is *unexplained*, never a conflict.

Each content word of the claim is aligned with the words the fact entails (same lemma, synonym,
a more general word, a derivation); what is not is *leftover*. Leftover words that are opposites
of a fact word ("last" for "first") are *opposed*. The decision rules read only this record.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from functools import lru_cache

from percycheck.engine import tuning
from percycheck.engine.index import GENERIC_SLOT_WORDS, FactIndex, entity_class, prefixes_of, same_class
from percycheck.engine.lexical import implied_keys, opposite, w_antonyms, w_bases, word_keys
from percycheck.engine.records import Alignment, ClaimAnalysis, ClaimWord, Conflict, FactView
from percycheck.models import Entity, Fact, Value
from percycheck.numwords import CARDINALS, SPELLED
from percycheck.numwords import UNITS as DIGIT_WORDS
from percycheck.values import DAY_NAMES, MONTH_NAMES, UNITS, Amount, DateValue, date_matches, overlaps, parse_iso
from percycheck.words import LIGHT_WORDS, concept, is_content, rewrite_phrases, stem, tokens

ORDINAL_ADJECTIVES = frozenset({"first", "last"})
"""Rank words that the stop list drops but whose opposite a claim may state."""

DIMENSION_WORDS = {"time": ("time", "duration"), "mass": ("mass", "weight"), "length": ("length", "distance")}
"""What an amount of each dimension is, in words a slot name uses ("journey duration", "mass")."""

SLOT_ANCHORED_KINDS = frozenset({"date", "mass", "length", "time", "entity"})
"""Conflicts of these kinds count only when the claim's value fills the fact's slot."""

NAMING_BEFORE_RE = re.compile(r"\b(?:called|named|nicknamed|dubbed|known\s+as)\s+(?:the\s+)?$", re.I)
"""A name right after "called" is the claim's point: the source must give that name to it."""
IDENTITY_BEFORE_RE = re.compile(
    r"\b(?:is|was|were|are|be)\s+(?:called\s+|named\s+|known\s+as\s+|dubbed\s+)?(?:the\s+|a\s+|an\s+|\w+['’]s\s+)?$", re.I
)
"""A name right after "is called" / "was" is asserted to be the thing, not merely mentioned."""

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


class _Builder:
    """The mutable working state of one alignment; ``align`` freezes it into an ``Alignment``."""

    def __init__(self) -> None:
        self.matched: list[str] = []
        self.conflicts: list[Conflict] = []
        self.unexplained: list[str] = []
        self.confirmed: set[str] = set()
        self.stated: set[str] = set()
        self.anchors = 0
        self.value_anchored = False
        self.subject_swap: tuple[str, str] | None = None
        self.conflicting_mentions: set[int] = set()

    def agree(self, claimed: str, sourced: str, anchored: bool, slot: str, what: str) -> None:
        """A claim value that agrees with the fact's: matched when it fills the fact's slot,
        else unexplained (the same value for another event is no confirmation)."""
        self.stated.add(claimed)
        if anchored:
            self.matched.append(sourced)
            self.anchors += 1
            self.confirmed.add(claimed)
            self.value_anchored = True
        else:
            self.unexplained.append(f"{claimed} for another {what} ({slot})")


def align(index: FactIndex, claim: ClaimAnalysis, view: FactView) -> Alignment:
    """Align ``claim`` with ``view`` (one fact, or several merged)."""
    ex = claim.extraction
    reverse = _reverse(index, claim, view)
    b = _Builder()
    _entities(index, claim, view, reverse, b)
    _dates(claim, view, reverse, b)
    _weekdays(claim, view.fact, b)
    _amounts(index, claim, view, reverse, b)
    _ordinals(claim, view, reverse, b)
    b.unexplained.extend(f"the time {t}" for t in ex.times)
    b.unexplained.extend(f"the number {n}" for n in ex.stray_numbers)

    unaligned = [w for w in claim.content if not _aligned(w.keys, w.text, view)]
    leftover = tuple(w.text for w in unaligned)
    opposed = _opposed(claim, leftover, view)
    missing = tuple(s for s in ex.superlatives if not _superlative_covered(s, view))
    return Alignment(
        view=view,
        coverage=_coverage(index, claim, view, b, reverse),
        reverse=reverse,
        matched=tuple(b.matched),
        conflicts=tuple(sorted(b.conflicts, key=lambda c: not c.anchored)),
        unexplained=tuple(b.unexplained),
        leftover=leftover,
        leftover_share=_leftover_share(index, claim, unaligned),
        opposed=opposed,
        subject_swap=b.subject_swap,
        subject_aligned=_subject_aligned(index, claim, view),
        polarity_flip=claim.polarity != view.polarity,
        anchors=b.anchors,
        value_anchored=b.value_anchored,
        confirmed=frozenset(b.confirmed),
        stated=frozenset(b.stated),
        missing_superlatives=missing,
        opposite_superlatives=tuple(s for s in missing if _superlative_opposed(s, view)),
        unknown_names=ex.unknown_names,
        novel_words=tuple(c for c in claim.concepts if not index.retriever.known(c)),
        misnamed=_misnamed(index, claim, view),
    )


# --------------------------------------------------------------------------- words


def _aligned(keys: frozenset[str], text: str, view: FactView) -> bool:
    if keys & LIGHT_WORDS or keys & view.implied:
        return True
    return _shares_stem(text, view.prefixes)


def _subject_aligned(index: FactIndex, claim: ClaimAnalysis, view: FactView) -> bool:
    """Is the claim about the fact's subject? Its subject's words must name the fact's subject
    entity (name, alias, type) or be words of the fact's own statement ("the record drive"):
    "the prototype oxygen generator produced 5 grams" is not about the rover's mass, though the
    quote of the mass fact names the generator."""
    if claim.subject_open:
        return False
    if not claim.subject_words:
        return True
    return all(w.keys & _subject_keys(index, view.fact.subject, view.fact.statement) for w in claim.subject_words)


@lru_cache(maxsize=4096)
def _subject_keys(index: FactIndex, subject_id: str, statement: str) -> frozenset[str]:
    entity = index.base.entities.get(subject_id)
    words = [p for w, _, _ in tokens(statement) for p in (w, *w.split("-")) if is_content(p)]
    if entity is not None:
        for name in (entity.name, *entity.aliases, entity.type or "", entity.kind):
            words.extend(w for w, _, _ in tokens(name))
    keys: set[str] = set()
    for w in words:
        keys |= implied_keys(w)
    return frozenset(keys)


def _opposed(claim: ClaimAnalysis, leftover: tuple[str, ...], view: FactView) -> tuple[tuple[str, str], ...]:
    """Leftover claim words that stand where the fact has their opposite: "the last core attempt"
    against "the first core attempt". The words beside them must align, so "separate images"
    is not opposed to "United States" elsewhere in a quote."""
    if not leftover:
        return ()
    texts = (view.fact.statement, *(c.quote for c in view.fact.citations))
    antonyms, bases = _poles(texts)
    candidates = [w for w in set(leftover) if w_antonyms(w) & bases or w_bases(w) & antonyms]
    if not candidates:
        return ()  # the usual case: no leftover word has an opposite in the fact at all
    pairs = {(w, f) for w in candidates for t in texts for f in _content_sequence(t) if opposite(w, f)}
    claim_words = _content_sequence(claim.text)
    found: list[tuple[str, str]] = []
    for text in texts:
        fact_words = _content_sequence(text)
        for i, f in enumerate(fact_words):
            for j, w in enumerate(claim_words):
                if (w, f) not in pairs:
                    continue
                # the word after (the head a modifier qualifies), or before when either ends its text
                if i + 1 < len(fact_words) and j + 1 < len(claim_words):
                    beside_fact, beside_claim = fact_words[i + 1], claim_words[j + 1]
                elif i and j:
                    beside_fact, beside_claim = fact_words[i - 1], claim_words[j - 1]
                else:
                    continue
                if word_keys(beside_claim) & implied_keys(beside_fact):
                    found.append((w, f))
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=4096)
def _poles(texts: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Every antonym and every base form of a fact's words, to rule out opposites in one step."""
    words = {f for t in texts for f in _content_sequence(t)}
    return frozenset().union(*map(w_antonyms, words)), frozenset().union(*map(w_bases, words))


@lru_cache(maxsize=8192)
def _content_sequence(text: str) -> list[str]:
    """The content words of a text, lower-cased, in order (ordinals like "first" included)."""
    return [w.lower() for w, _, _ in tokens(text) if is_content(w) or w.lower() in ORDINAL_ADJECTIVES]


def _leftover_share(index: FactIndex, claim: ClaimAnalysis, unaligned: list[ClaimWord]) -> float:
    """Share of the claim's topic (its words and values) the fact leaves unaligned."""
    values = len(claim.extraction.dates) + len(claim.extraction.amounts) + len(claim.extraction.mentions)
    den = tuning.VALUE_WEIGHT * index.retriever.max_idf * values + sum(w.weight for w in claim.content)
    return sum(w.weight for w in unaligned) / den if den else 0.0


def _reverse(index: FactIndex, claim: ClaimAnalysis, view: FactView) -> float:
    """Share of the fact's statement (its non-ambient concepts) that the claim restates."""
    claim_set = set(claim.words) | {"@" + m.entity for m in claim.extraction.mentions}
    stmt = {c for c in view.statement_concepts if c[1:] not in index.ambient}
    return len(stmt & claim_set) / len(stmt) if stmt else 0.0


def _coverage(index: FactIndex, claim: ClaimAnalysis, view: FactView, b: _Builder, reverse: float) -> float:
    """Share of the claim's topic (idf-weighted concepts, anchored values, names) the fact covers."""
    retriever = index.retriever
    num = den = 0.0
    for c in claim.concepts:
        w = retriever.weight(c)
        den += w
        if c in view.primary:
            num += w
        elif c in view.secondary:
            num += tuning.SECONDARY_WEIGHT * w
        elif _shares_stem(c, _primary_prefixes(view.primary)):
            num += tuning.STEM_MATCH_WEIGHT * w
    value_weight = tuning.VALUE_WEIGHT * retriever.max_idf
    if b.value_anchored and not view.merged:
        num += value_weight
        den += value_weight
    for conflict in b.conflicts:  # a different value in the same slot: the topic is the same
        if conflict.kind in SLOT_ANCHORED_KINDS and conflict.kind != "entity" and conflict.anchored:
            num += value_weight
            den += value_weight
    for i, m in enumerate(claim.extraction.mentions):
        w = retriever.weight("@" + m.entity)
        if i in b.conflicting_mentions:
            continue  # a swapped name is judged by the conflict, not by the topic
        den += w
        if m.entity in view.closure:
            num += w
        elif m.entity in view.quoted:
            num += tuning.SECONDARY_WEIGHT * w
    return num / den if den else 0.0


@lru_cache(maxsize=4096)
def _primary_prefixes(primary: frozenset[str]) -> frozenset[str]:
    return prefixes_of(primary)


def _shares_stem(word: str, prefixes: frozenset[str]) -> bool:
    """A word that starts like a word of the fact (``tuning.STEM_PREFIX`` letters or more in common)."""
    return len(word) >= tuning.STEM_PREFIX and word.isalpha() and word[: tuning.STEM_PREFIX] in prefixes


# --------------------------------------------------------------------------- roles


def slot_words(slot: str) -> tuple[str, ...]:
    """The words of a slot's name that name its event: "record drive date" -> (record, drive)."""
    return tuple(w.lower() for w, _, _ in tokens(rewrite_phrases(slot)) if is_content(w) and w.lower() not in GENERIC_SLOT_WORDS)


def slot_named(claim: ClaimAnalysis, slot: str, category: frozenset[str] = frozenset(), head_given: bool = False) -> bool:
    """Does the claim name the slot? Every word before the slot's head ("record" and "drive" in
    "record drive date") must be named by the claim (its lemma, a synonym, a derivation, a more
    general or more specific word); the head ("wait", "vehicle", "state") may instead be what the
    claim's value says of itself (``category``: what the value's kind entails, so a rocket is a
    "vehicle" and Florida a "state", but Mars is no "destination")."""
    words = slot_words(slot)
    if not words:
        return False
    *modifiers, head = words
    if not all(_named(claim, w) for w in modifiers):
        return False
    if head_given and modifiers:
        return True  # an amount of the slot's dimension: "drop off wait" needs only "drop off"
    return _named(claim, head) or bool(category & word_keys(head))


def _named(claim: ClaimAnalysis, word: str) -> bool:
    return bool(word_keys(word) & claim.implied or implied_keys(word) & claim.words)


def fills_slot(
    claim: ClaimAnalysis,
    view: FactView,
    slot: str,
    reverse: float,
    category: frozenset[str] = frozenset(),
    head_given: bool = False,
) -> bool:
    """Is the claim's value about the fact's slot? ("landed on Feb. 19" is not about the day an
    image was released on Feb. 19; "its first drive" is not the record drive.)"""
    if slot_named(claim, slot, category, head_given):
        return True
    words = slot_words(slot)
    if words and any(concept(w) in view.statement_concepts for w in words):
        return False  # the statement names the slot's event; the claim does not
    return reverse >= tuning.DATE_ANCHOR_REVERSE


# --------------------------------------------------------------------------- names


def _entities(index: FactIndex, claim: ClaimAnalysis, view: FactView, reverse: float, b: _Builder) -> None:
    ents = index.base.entities
    fact = view.fact
    mentions = claim.extraction.mentions
    claimed = {m.entity for m in mentions}
    subject = ents.get(fact.subject)
    stated = view.closure - index.ambient | {v.entity for v in fact.values if v.entity}
    typed_reference = subject is not None and subject.type is not None and concept(subject.type) in claim.words
    for i, m in enumerate(mentions):
        entity = ents[m.entity]
        if m.entity in view.closure:
            b.matched.append(entity.name)
            if m.entity not in index.ambient:
                b.anchors += 1
                b.confirmed.add(m.text)
            continue
        if m.entity in index.ambient:
            rival = _rival(index, entity, claimed, {v.entity for v in fact.values if v.entity})
            if rival is not None:
                slot = _slot_of(fact, rival)
                anchored = fills_slot(claim, view, slot, reverse, _entity_category(entity))
                b.conflicts.append(Conflict(slot, m.text, rival.name, rival.name, "quoted", anchored))
                b.conflicting_mentions.add(i)
            continue
        # "the robotic geologist deployed Ingenuity" names the rover by its type; "the laser
        # instrument is called Mastcam-Z" asserts the name itself
        subject_named = fact.subject in claimed or (typed_reference and not IDENTITY_BEFORE_RE.search(claim.text[: m.start]))
        in_subject = m.start < claim.subject_end or bool(IDENTITY_BEFORE_RE.search(claim.text[: m.start]))
        if subject is not None and not subject_named and in_subject and entity_class(entity) == entity_class(subject):
            b.subject_swap = (entity.name, subject.name)
            b.conflicting_mentions.add(i)
            continue
        if any(m.entity in index.gazetteer.ancestors(other) for other in claimed - {m.entity}):
            continue  # "Japan's JAXA", "JPL in Pasadena": the place only locates the other name
        rival = _rival(index, entity, claimed, stated)
        if rival is None and m.entity in view.quoted:
            b.matched.append(entity.name)
            b.confirmed.add(m.text)
            continue
        kind = "entity"
        if rival is None:
            rival = _rival(index, entity, claimed, view.quoted - index.ambient)
            kind = "quoted"
        if rival is not None:
            slot = _slot_of(fact, rival)
            # a rival only the quote names has no role in the fact: its type is no slot the
            # claim's name fills by being of that type ("from Kleine Scheidegg" is where the
            # projections were made; the quote's Mannlichen is where the photo was taken)
            category = _entity_category(entity) if any(v.entity == rival.id for v in fact.values) else frozenset()
            anchored = fills_slot(claim, view, slot, reverse, category)
            b.conflicts.append(Conflict(slot, m.text, rival.name, rival.name, kind, anchored))
            b.conflicting_mentions.add(i)
        else:
            b.unexplained.append(f"the name {m.text}")


def _entity_category(entity: Entity) -> frozenset[str]:
    """What a name says of itself: Florida is a state, Falcon 9 a rocket (and so a vehicle)."""
    words = [w for w in (entity.type, entity.kind) if w]
    return frozenset().union(*(implied_keys(w) for w in words)) if words else frozenset()


def _amount_category(amount: Amount) -> frozenset[str]:
    """What an amount says of itself: "seven months" is a time, a duration; "1,025 kg" a mass."""
    words = [*DIMENSION_WORDS.get(amount.dimension, ()), amount.unit or ""]
    return frozenset().union(*(implied_keys(w) for w in words if w))


def _rival(index: FactIndex, entity: Entity, claimed: set[str], pool: frozenset[str] | set[str]) -> Entity | None:
    """The fact's entity the claimed one would replace: same class, unrelated, not claimed."""
    own = index.gazetteer.ancestors(entity.id)
    for candidate_id in sorted(pool):
        candidate = index.base.entities.get(candidate_id)
        if candidate is None or candidate_id in claimed or not same_class(entity, candidate):
            continue
        if candidate_id in own or entity.id in index.gazetteer.ancestors(candidate_id):
            continue
        return candidate
    return None


def _slot_of(fact: Fact, rival: Entity) -> str:
    for value in fact.values:
        if value.entity == rival.id:
            return value.slot
    return rival.type or rival.kind


def _misnamed(index: FactIndex, claim: ClaimAnalysis, view: FactView) -> str | None:
    """A claim that something "is called X" needs a source that calls it X."""
    for m in claim.extraction.mentions:
        if not NAMING_BEFORE_RE.search(claim.text[: m.start]) or m.entity == view.fact.subject:
            continue
        entity = index.base.entities[m.entity]
        names = [re.escape(n) for n in (entity.name, *entity.aliases)]
        pattern = re.compile(r"\b(?:called|named|nicknamed|dubbed|known as)\s+(?:the\s+)?(?:" + "|".join(names) + r")\b", re.I)
        texts = (view.fact.statement, *(c.quote for c in view.fact.citations))
        if not any(pattern.search(t) for t in texts):
            return m.text
    return None


# --------------------------------------------------------------------------- dates


def _dates(claim: ClaimAnalysis, view: FactView, reverse: float, b: _Builder) -> None:
    fact = view.fact
    fact_dates = [(v, parse_iso(v.text)) for v in fact.values if v.kind == "date"]
    if len(fact_dates) > 1:
        # a fact with several dates (issued Feb. 18, photographed Feb. 14): the claim's words
        # say which one it means ("photographed"), so only that one is compared
        named = [fd for fd in fact_dates if slot_named(claim, fd[0].slot)]
        if named:
            fact_dates = named
    free = list(fact_dates)
    leftover: list[DateValue] = []
    for d in claim.extraction.dates:
        if not d.valid:
            b.unexplained.append(f"the date {d.text}, which does not exist")
            continue
        hit = next(
            (
                fd
                for fd in free
                if date_matches(d, *fd[1])  # a claim without a year matches in any year
            ),
            None,
        )
        if hit is None:
            leftover.append(d)
            continue
        free.remove(hit)
        b.agree(d.text, hit[0].text, fills_slot(claim, view, hit[0].slot, reverse), hit[0].slot, "event")
    for d in leftover:
        if fact.as_of and date_matches(d, *parse_iso(fact.as_of)):
            b.matched.append(f"as of {fact.as_of}")  # "As of February 2022, ..." dates the claim itself
            continue
        if free and claim.extraction.time_zone and _a_day_apart(d, free[0][1]):
            b.unexplained.append(f"the date {d.text} ({claim.extraction.time_zone}: the source's day may differ)")
            free.pop(0)
            continue
        if free:
            value, _ = free.pop(0)
            b.conflicts.append(
                Conflict(
                    value.slot,
                    d.text,
                    human_date(value.text),
                    human_date(value.text, like=d),
                    "date",
                    fills_slot(claim, view, value.slot, reverse),
                )
            )
        else:
            b.unexplained.append(f"the date {d.text}")


def _a_day_apart(claim: DateValue, sourced: tuple[int, int | None, int | None]) -> bool:
    """Is a claimed day the sourced day, or the day before or after (another time zone's)?"""
    year, month, day = sourced
    if claim.month is None or claim.day is None or month is None or day is None:
        return False
    try:
        told = dt.date(claim.year or year, claim.month, claim.day)
    except ValueError:
        return False
    return abs((told - dt.date(year, month, day)).days) <= 1


def _weekdays(claim: ClaimAnalysis, fact: Fact, b: _Builder) -> None:
    full = [v for v in fact.values if v.kind == "date" and v.text.count("-") == 2]
    for w in claim.extraction.weekdays:
        if not full:
            b.unexplained.append(f"the day {w.text}")
            continue
        days = {dt.date.fromisoformat(v.text).weekday(): v for v in full}
        if w.index in days:
            b.matched.append(w.text)
        elif claim.extraction.time_zone and any((w.index - d) % 7 in (1, 6) for d in days):
            b.unexplained.append(f"the day {w.text} ({claim.extraction.time_zone}: the source's day may differ)")
        else:
            value = full[0]
            name = DAY_NAMES[dt.date.fromisoformat(value.text).weekday()]
            anchored = slot_named(claim, value.slot)
            b.conflicts.append(Conflict(value.slot, w.text, f"{name} ({value.text})", name, "date", anchored))


def human_date(iso: str, like: DateValue | None = None) -> str:
    """An ISO date as a person writes it, in the claim's style where it has one."""
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


# --------------------------------------------------------------------------- amounts


def _noun_key(index: FactIndex, text: str) -> frozenset[str]:
    """What a counted noun names: its stems, concepts and any entity ("Hazcams")."""
    key = {"@" + m.entity for m in index.gazetteer.find(text)}
    for w, _, _ in tokens(text):
        if is_content(w) or w.lower() in ("one",):
            key |= {stem(w), concept(w)}
    return frozenset(key)


def _counts_same_thing(index: FactIndex, claim_key: frozenset[str], claim_head: str, value: Value) -> bool:
    """A claimed count and a sourced one count the same thing when the claim names the
    source's thing as specifically: "23 cameras" is not a count of "Hazard Cameras"."""
    fact_key = _noun_key(index, value.noun or "")
    if not claim_key & fact_key:
        return False
    entities = {k for k in fact_key if k.startswith("@")}
    if entities:
        return bool(entities & claim_key)
    fact_words = tokens(value.noun or "")
    return bool(fact_words) and concept(fact_words[-1][0]) == concept(claim_head)


def _same_kind(index: FactIndex, a: Amount, free: Sequence[Value]) -> list[Value]:
    if a.dimension == "count":
        claim_key = _noun_key(index, " ".join(a.noun)) | {stem(w) for w in a.noun} | {concept(w) for w in a.noun}
        head = _head_noun(a.noun)
        return [v for v in free if v.kind == "count" and _counts_same_thing(index, claim_key, head, v)]
    return [v for v in free if v.kind == "quantity" and _dimension(v) == a.dimension]


def _amounts(index: FactIndex, claim: ClaimAnalysis, view: FactView, reverse: float, b: _Builder) -> None:
    """Agreeing pairs first, then conflicts among what is left: a value the fact gives once is
    confirmed by the claim's agreeing amount, never contradicted by another of its amounts."""
    free = [v for v in view.fact.values if v.kind in ("quantity", "count")]
    pending: list[Amount] = []
    for a in claim.extraction.amounts:
        if a.comparative:
            b.unexplained.append(f"the comparison {a.text}")
            continue
        hit = next((v for v in _same_kind(index, a, free) if _agrees(a, v)), None)
        if hit is None:
            pending.append(a)
            continue
        free.remove(hit)
        anchored = a.dimension == "count" or fills_slot(claim, view, hit.slot, reverse, _amount_category(a), True)
        b.agree(a.text, hit.text, anchored, hit.slot, "quantity")
    for a in pending:
        same = _same_kind(index, a, free)
        if not same:
            b.unexplained.append(f"the amount {a.text}")
            continue
        if all(_open_ended(v) and not _open_ended_claim(a) for v in same) and any(
            overlaps(a.low, a.high, v.low or 0.0, v.high if v.high is not None else math.inf) for v in same
        ):
            b.unexplained.append(f"the amount {a.text} (the sources give only a bound)")
            continue
        value = same[0]
        free.remove(value)
        anchored = a.dimension == "count" or fills_slot(claim, view, value.slot, reverse, _amount_category(a), True)
        b.conflicts.append(Conflict(value.slot, a.text, value.text, restated(a, value), a.dimension, anchored))


def _ordinals(claim: ClaimAnalysis, view: FactView, reverse: float, b: _Builder) -> None:
    ranks = [v for v in view.fact.values if v.kind == "ordinal"]
    for o in claim.extraction.ordinals:
        if any(int(v.low or 0) == o.rank for v in ranks):
            b.matched.append(o.text)
            b.anchors += 1
        elif ranks:
            rank = ordinal_word(int(ranks[0].low or 1))
            noun = {concept(w) for w, _, _ in tokens(ranks[0].noun or "") if is_content(w)}
            anchored = bool(noun & claim.words) or reverse >= tuning.DATE_ANCHOR_REVERSE
            b.conflicts.append(Conflict(ranks[0].slot, o.text, rank, rank, "ordinal", anchored))
        elif o.rank != 1:
            b.unexplained.append(f"the rank {o.text}")


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
    if amount.unit and value.unit and _unit_family(amount.unit) != _unit_family(value.unit):
        # restated in another unit: "1,025 kilograms" for "2,263 pounds" is a rounded conversion
        low, high = low * (1 - tuning.CONVERSION_SLACK), high * (1 + tuning.CONVERSION_SLACK)
    if high == math.inf:
        return amount.high == math.inf and amount.low <= low * (1 + tuning.APPROX_SLACK) + 1e-9
    if low <= 0.0:
        return amount.low <= 0.0 and amount.high >= high * (1 - tuning.APPROX_SLACK) - 1e-9
    return overlaps(amount.low, amount.high, low, high)


def _unit_family(unit: str) -> str:
    """Units that are one another written differently ("kg", "kilogram") count as one."""
    return UNITS[unit][0] + ":" + str(UNITS[unit][1]) if unit in UNITS else unit


def _dimension(value: Value) -> str:
    return UNITS[value.unit][0] if value.unit else "count"


_CARDINAL_WORDS = "|".join(sorted(CARDINALS, key=len, reverse=True))
_NUMBER_IN_TEXT = re.compile(
    r"\d[\d,]*(?:\.\d+)?|\b(?:" + _CARDINAL_WORDS + r")(?:-(?:" + "|".join(DIGIT_WORDS) + r"))?\b",
    re.I,
)


def restated(amount: Amount, value: Value) -> str:
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
    if found.group(0)[0].isalpha() and amount.dimension == "count" and round(mid) in SPELLED:
        number = SPELLED[round(mid)]
        if found.group(0)[0].isupper():
            number = number.capitalize()
    elif abs(mid) >= 100 or mid == round(mid):
        number = f"{round(mid):,}"
    else:
        number = f"{mid:.3g}"
    return amount.text[: found.start()] + number + amount.text[found.end() :]


def ordinal_word(rank: int) -> str:
    words = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    return words[rank] if rank < len(words) else f"{rank}th"


# --------------------------------------------------------------------------- superlatives


def _superlative_covered(claimed: str, view: FactView) -> bool:
    """A claimed superlative must be one the fact states, in any wording of the same concept."""
    words = claimed.lower().split()
    present = view.superlatives
    vocabulary = view.primary | view.secondary
    if words[0] in ("most", "least") and len(words) > 1:
        return f"{words[0]} {stem(words[1])}" in present or concept(words[1]) in vocabulary and bool(present)
    return stem(words[0]) in present or concept(words[0]) in vocabulary


def _superlative_opposed(claimed: str, view: FactView) -> bool:
    """Does the fact state the opposite superlative ("fewest cameras" against "most cameras")?"""
    word = claimed.lower().split()[0]
    other = OPPOSITE_SUPERLATIVES.get(word)
    return other is not None and (stem(other) in view.superlatives or any(p.startswith(other) for p in view.superlatives))
