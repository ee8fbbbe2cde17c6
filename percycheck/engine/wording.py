"""The wording of verdicts: reasons, suggestions and the citations that decide.

The citation listed first is the one whose quote states most of what decided the verdict (the
value in question, then the claim's words), so a value found only in the photo gallery is
attributed to the gallery, not to another source of the same fact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from percycheck.engine import tuning
from percycheck.engine.lexical import word_keys
from percycheck.engine.records import Alignment, ClaimAnalysis
from percycheck.grammar import replace_value
from percycheck.models import Citation, Fact, FactRef, Verdict
from percycheck.values import find_dates
from percycheck.words import is_content, tokens


def attribution(citations: Sequence[Citation]) -> str:
    if not citations:
        return "no citation"
    first = citations[0]
    return f"{first.publisher}, {first.date}" if first.date else first.publisher


def deciding_citations(claim: ClaimAnalysis, facts: Sequence[Fact], value: str | None = None) -> tuple[Citation, ...]:
    """The facts' citations, the one that states the deciding value (then most of the claim) first."""
    claim_keys = set(claim.words)
    wanted = {w.lower() for w, _, _ in tokens(value or "") if is_content(w) or w.isdigit()}
    wanted_dates = find_dates(value or "")

    def score(citation: Citation) -> tuple[int, int]:
        words = [w for w, _, _ in tokens(citation.quote)]
        lower = {w.lower() for w in words}
        has_value = int(bool(wanted) and wanted <= lower)
        if wanted_dates and not has_value:
            quote_dates = find_dates(citation.quote)
            has_value = int(any((q.year, q.month, q.day) == (d.year, d.month, d.day) for q in quote_dates for d in wanted_dates))
        if value:
            return has_value, 0  # the value decides; among quotes that state it, the curator's order
        return 0, sum(1 for w in words if is_content(w) and word_keys(w) & claim_keys)

    citations = list(dict.fromkeys(c for fact in facts for c in fact.citations))
    ranked = sorted(citations, key=lambda c: score(c), reverse=True)
    return tuple(ranked[: tuning.MAX_CITATIONS * max(1, len(facts))])


def supported(claim: ClaimAnalysis, a: Alignment) -> Verdict:
    facts = a.view.members or (a.view.fact,)
    fact = a.view.fact
    citations = deciding_citations(claim, facts, a.matched[0] if a.matched else None)
    detail = ", ".join(dict.fromkeys(a.matched)) if a.matched else fact.statement
    ids = ", ".join(f.id for f in facts)
    reason = f"matches {ids}: {detail} ({attribution(citations)})"
    return Verdict(claim.text, "supported", round(min(1.0, a.coverage), 3), reason, FactRef(fact.id, fact.statement), citations)


def contradicted(claim: ClaimAnalysis, a: Alignment, role: str) -> Verdict:
    fact = a.view.fact
    suggestion = None
    if a.subject_swap:
        said, truth = a.subject_swap
        citations = deciding_citations(claim, [fact], truth)
        reason = f"{role} differs: the claim says {said}, the sources say {truth} ({attribution(citations)})"
        suggestion = replace_value(claim.text, said, truth)
    elif a.conflicts:
        conflict = a.conflicts[0]
        citations = deciding_citations(claim, [fact], conflict.sourced)
        reason = (
            f"{conflict.slot} differs: the claim says {conflict.claimed}, the sources say {conflict.sourced} "
            f"({attribution(citations)})"
        )
        if len([c for c in a.conflicts if c.anchored]) == 1 and conflict.claimed in claim.text:
            suggestion = replace_value(claim.text, conflict.claimed, conflict.replacement)
    elif a.opposed:
        said, truth = a.opposed[0]
        citations = deciding_citations(claim, [fact], truth)
        reason = f"the claim says “{said}”, the sources say “{truth}” ({attribution(citations)})"
    elif a.opposite_superlatives:
        citations = deciding_citations(claim, [fact])
        reason = f"the claim says “{a.opposite_superlatives[0]}”, the sources say the opposite ({attribution(citations)})"
    else:
        citations = deciding_citations(claim, [fact])
        reason = f"the claim says the opposite of the sources: “{fact.statement}” ({attribution(citations)})"
    confidence = round(min(1.0, 0.5 + a.coverage / 2), 3)
    return Verdict(
        claim.text,
        "contradicted",
        confidence,
        reason,
        FactRef(fact.id, fact.statement),
        citations[: tuning.MAX_CITATIONS],
        suggestion,
    )


def unknown(claim: ClaimAnalysis, best: Alignment | None, strangers: Sequence[str], why: str = "") -> Verdict:
    """Unknown, with what is missing named: the value, name or word no source gives."""
    ex = claim.extraction
    fact_id = best.view.fact.id if best else ""
    if why:
        reason = why
    elif ex.unknown_names or strangers:
        reason = f"no source mentions {', '.join(dict.fromkeys([*ex.unknown_names, *strangers]))}"
    elif best is None or best.coverage < tuning.CONTRADICT_COVERAGE:
        reason = "no fact in the sources covers this topic"
    elif best.subject_swap:
        reason = f"the nearest fact ({fact_id}) is about {best.subject_swap[1]}, not {best.subject_swap[0]}"
    elif best.conflicts:
        c = best.conflicts[0]
        if not c.anchored:
            reason = f"the nearest fact ({fact_id}) gives {c.sourced} for another {c.slot}, not what the claim is about"
        else:
            if not best.subject_aligned:
                why = "the claim's subject is not that fact's"
            elif best.leftover:
                why = f"the claim also says “{best.leftover[0]}”, which that fact does not"
            else:
                why = "the claim restates too little of that fact to be about the same event"
            reason = f"the nearest fact ({fact_id}) gives {c.sourced} for the {c.slot}, but {why}"
    elif best.unexplained:
        reason = f"no source gives {best.unexplained[0]} (nearest fact: {fact_id})"
    elif best.leftover:
        said = ", ".join(f"“{w}”" for w in best.leftover[:3])
        reason = f"no source says {said} (nearest fact: {fact_id})"
    elif best.missing_superlatives:
        reason = f"no source gives the superlative “{best.missing_superlatives[0]}” (nearest fact: {fact_id})"
    elif best.polarity_flip:
        reason = f"the nearest fact ({fact_id}) says the opposite of part of the claim, not of all of it"
    else:
        reason = f"the sources do not state this (nearest fact: {fact_id}, covering {best.coverage:.0%} of the claim)"
    confidence = round(1.0 - (best.coverage / 2 if best else 0.0), 3)
    fact = FactRef(best.view.fact.id, best.view.fact.statement) if best and best.coverage >= tuning.CONTRADICT_COVERAGE else None
    return Verdict(claim.text, "unknown", confidence, reason, fact, ())


def with_claim(verdict: Verdict, claim: str, part: str | None = None) -> Verdict:
    """The same verdict for the whole sentence a part came from: the reason names the part, and
    a suggestion for the part becomes one for the sentence."""
    if part is None:
        return replace(verdict, claim=claim)
    suggestion = _lifted(part, verdict.suggestion, claim) if verdict.suggestion else None
    reason = f"part “{part}”: {verdict.reason}"
    return Verdict(claim, verdict.verdict, verdict.confidence, reason, verdict.fact, verdict.citations, suggestion, part)


def _lifted(part: str, corrected: str, sentence: str) -> str | None:
    """The sentence with the part's correction made in it, or None if it cannot be placed:
    the words the correction changes must occur once in the sentence."""
    head = 0
    while head < min(len(part), len(corrected)) and part[head] == corrected[head]:
        head += 1
    tail = 0
    while tail < min(len(part), len(corrected)) - head and part[-1 - tail] == corrected[-1 - tail]:
        tail += 1
    start = part.rfind(" ", 0, head) + 1  # whole words: "2,623" -> "2,263", not "62" -> "26"
    old, new = part[start : len(part) - tail], corrected[start : len(corrected) - tail]
    if not old or sentence.count(old) != 1:
        return None
    return sentence.replace(old, new, 1)


def merge_citations(results: Sequence[Verdict]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, str], Citation] = {}
    for r in results:
        for c in r.citations:
            seen.setdefault((c.source, c.quote), c)
    return tuple(seen.values())[: tuning.MAX_CITATIONS * 2]
