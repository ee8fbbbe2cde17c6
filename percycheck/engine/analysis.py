"""Claim analysis: a sentence's values, topic concepts and content words.

Attribution ("…, NASA said") is removed first: it says who reported a claim, not what it is.
A bracketed restatement of an amount ("almost 320 meters (1,050 feet)") is one value, not two.
"""

from __future__ import annotations

import re
from dataclasses import replace

from percycheck.clauses import subject_words
from percycheck.engine.index import FactIndex
from percycheck.engine.lexical import implied_keys, word_keys
from percycheck.engine.records import ClaimAnalysis, ClaimWord
from percycheck.values import TIME_ZONE_RE, Amount, Extraction, content_concepts, extract, mask, overlaps
from percycheck.words import concept, is_content, is_superlative, polarity, rewrite_phrases, tokens

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

OPEN_PRONOUNS = frozenset("each they these those both".split())
"""Subjects that may stand for several things: what they say cannot be pinned on one fact."""

RESTATEMENT_GAP_RE = re.compile(r"^\s*[(\[]\s*(?:or\s+|about\s+|roughly\s+|some\s+)?$")
"""What may stand between an amount and its bracketed restatement: "320 m (1,050 ft)"."""


def strip_attribution(text: str) -> str:
    """The claim without its attribution clauses, or the text itself when that would leave little."""
    stripped = text
    for pattern in ATTRIBUTION_RES:
        # "According to Indian time, ..." is the frame of the claim's dates, not who said it
        stripped = pattern.sub(lambda m: m.group(0) if TIME_ZONE_RE.search(m.group(0)) else "", stripped)
    stripped = stripped.strip(" ,")
    if stripped and stripped[0].islower() and text[:1].isupper():
        stripped = stripped[0].upper() + stripped[1:]
    return stripped if len(stripped.split()) >= 3 else text


def merge_restatements(ex: Extraction) -> Extraction:
    """Drop an amount that only restates the one before it in brackets, in another unit."""
    kept: list[Amount] = []
    for amount in ex.amounts:
        if kept:
            prev = kept[-1]
            gap = ex.text[prev.end : amount.start]
            if (
                RESTATEMENT_GAP_RE.match(gap)
                and prev.dimension == amount.dimension != "count"
                and overlaps(prev.low, prev.high, amount.low * 0.97, amount.high * 1.03)
            ):
                continue
        kept.append(amount)
    return ex if len(kept) == len(ex.amounts) else replace(ex, amounts=tuple(kept))


def analyse(index: FactIndex, text: str) -> ClaimAnalysis:
    """Values, concepts and weighted content words of one claim."""
    ex = merge_restatements(index.resolve_relative_dates(extract(text, index.gazetteer, index.vocabulary, is_superlative)))
    spans = ex.spans
    retriever = index.retriever
    concepts = tuple(dict.fromkeys(index.known_concept(c) for c in content_concepts(text, spans)))
    words: set[str] = set(concepts)
    implied: set[str] = set()
    for w, _, _ in tokens(rewrite_phrases(text)):
        for part in w.split("-"):
            if is_content(part):
                words |= word_keys(part)
                implied |= implied_keys(part)
    content: list[ClaimWord] = []
    masked = mask(text, spans)
    seen: set[str] = set()
    for w, _, _ in tokens(rewrite_phrases(masked)):
        parts = [w] if "-" not in w else [*w.split("-")]
        for part in parts:
            if not is_content(part) or part in seen:
                continue
            seen.add(part)
            head = index.known_concept(concept(part), part)
            keys = word_keys(part) | {head}
            weight = retriever.weight(head)
            content.append(ClaimWord(part, frozenset(keys), weight))
    subject = subject_words(text)
    subject_end = len(subject) if subject else 0
    in_subject = [w for w in content if _starts_before(text, w.text, subject_end, spans)]
    open_subject = bool(subject) and all(w.lower().strip(",") in OPEN_PRONOUNS for w in subject.split())
    return ClaimAnalysis(
        text,
        ex,
        concepts,
        polarity(text),
        frozenset(words),
        tuple(content),
        frozenset(implied | words),
        subject_end or len(text),
        tuple(in_subject),
        open_subject,
    )


def _starts_before(text: str, word: str, end: int, spans: list[tuple[int, int]]) -> bool:
    """Does ``word`` occur in ``text`` before ``end``, outside the value spans?"""
    low = text.lower()
    at = low.find(word.lower())
    while 0 <= at < end:
        if not any(s <= at < e for s, e in spans):
            return True
        at = low.find(word.lower(), at + 1)
    return False
