"""The verdict engine: a pipeline of stages that pass frozen records.

    analysis   (analysis.py)   the claim's values, concepts and content words
    index      (index.py)      every fact prepared once; the retriever (matcher.py)
    alignment  (alignment.py)  the claim lined up with each candidate fact, role by role
    rules      (rules.py)      WHERE A VERDICT IS DECIDED: an ordered table of small pure rules
    wording    (wording.py)    reasons, suggestions and the deciding citations

Every tuned number lives in ``tuning.py``. ``Engine.check`` runs the stages for one sentence:
it removes attribution, splits the sentence into the claims it makes, judges each part, and
joins the parts (one contradicted part contradicts the sentence; all must be supported).
"""

from __future__ import annotations

from dataclasses import replace

from percycheck.clauses import split_clauses
from percycheck.engine import tuning, wording
from percycheck.engine.alignment import align
from percycheck.engine.analysis import analyse, strip_attribution
from percycheck.engine.index import FactIndex, merge_views
from percycheck.engine.records import Alignment, ClaimAnalysis, FactView, Outcome
from percycheck.engine.rules import decide
from percycheck.facts import FactBase
from percycheck.models import Verdict
from percycheck.words import concept

MAX_CLAIM_CHARS = tuning.MAX_CLAIM_CHARS

__all__ = ["MAX_CLAIM_CHARS", "Engine"]


class Engine:
    """Checks claims against one facts base. Build once; ``check`` is pure and deterministic."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.index = FactIndex(base)

    def check(self, text: str) -> Verdict:
        """The verdict for one sentence."""
        claim_text = strip_attribution(" ".join(text.split()))
        if not claim_text:
            return Verdict(text, "unknown", 0.0, "empty claim: nothing to check")
        if len(claim_text) > MAX_CLAIM_CHARS:
            return Verdict(text, "unknown", 0.0, f"too long to check as one claim ({len(claim_text):,} characters)")
        parts = split_clauses(claim_text)
        if len(parts) == 1:
            return wording.with_claim(self.check_part(claim_text), text)
        results = [self.check_part(p) for p in parts]
        contradicted = [r for r in results if r.verdict == "contradicted"]
        if contradicted:
            best = max(contradicted, key=lambda r: r.confidence)
            return wording.with_claim(best, text, part=best.claim)
        if all(r.verdict == "supported" for r in results):
            reason = "every part is supported: " + "; ".join(r.reason for r in results)
            citations = wording.merge_citations(results)
            return Verdict(text, "supported", min(r.confidence for r in results), reason, results[0].fact, citations)
        if any(r.verdict == "supported" for r in results):
            # one fact may state the parts together (but parts that do not contradict, together
            # do not either); a sentence none of whose parts is supported is not worth the check
            whole = self.check_part(claim_text)
            if whole.verdict == "supported":
                return wording.with_claim(whole, text)
        missing = next(r for r in results if r.verdict == "unknown")
        return wording.with_claim(replace(missing, citations=(), suggestion=None), text, part=missing.claim)

    # ----------------------------------------------------------------- one part

    def check_part(self, text: str) -> Verdict:
        """The verdict for one claim (a sentence's part)."""
        index = self.index
        claim = analyse(index, text)
        if self._topic_ceiling(claim) < tuning.CONTRADICT_COVERAGE:
            return wording.unknown(claim, None, self._strangers(claim))
        ex = claim.extraction
        search = list(claim.concepts) + ["@" + m.entity for m in ex.mentions]
        search += [concept(w) for a in ex.amounts for w in a.noun]  # "four-wheeled" is about wheels
        candidates = index.retriever.candidates(search, text)
        candidates += [i for i in index.value_candidates(ex) if i not in candidates]
        views = [index.views[i] for i in candidates]
        outcomes = [decide(align(index, claim, v)) for v in views]
        if not any(o.verdict != "unknown" for o in outcomes):
            outcomes += self._joined(claim, candidates, outcomes)
        return self._choose(claim, outcomes)

    def _joined(self, claim: ClaimAnalysis, candidates: list[int], outcomes: list[Outcome]) -> list[Outcome]:
        """Facts that may together state what no one of them states alone.

        A source sentence the curation split into several facts is judged as one statement
        (it may contradict); a passage of neighbouring facts, or the best candidates together,
        may only confirm, never refute.
        """
        index = self.index
        found: list[Outcome] = []
        for i in candidates[: tuning.SIBLING_CANDIDATES]:
            strong = index.passage_view(i, same_quote=True)
            if strong is not None:
                found.append(decide(align(index, claim, strong)))
            passage = index.passage_view(i)
            if passage is not None:
                outcome = decide(align(index, claim, passage))
                if outcome.verdict == "supported":
                    found.append(outcome)
        # each fact joins for a date or amount of the claim that no better fact already confirms:
        # facts that all name Jezero Crater do not together state what none of them does, and a
        # fact that names the robotic arm does not put a camera on it
        names = {m.text for m in claim.extraction.mentions}
        joinable: list[FactView] = []
        confirmed: set[str] = set()
        for outcome in outcomes:
            a = outcome.alignment
            values = a.confirmed - names
            if _joinable(a) and not values <= confirmed and len(joinable) < tuning.JOINT_CANDIDATES:
                joinable.append(a.view)
                confirmed |= values
        if len(joinable) > 1:
            outcome = decide(align(index, claim, merge_views(joinable)))
            if outcome.verdict == "supported":
                found.append(outcome)
        for outcome in outcomes:
            # a value that differs in its role, held back only by words another fact accounts
            # for: "a robot with six wheels and a weight of 1,040 kilograms" against the mass
            # fact, the six wheels stated by another; the conflicting fact leads the merge
            a = outcome.alignment
            # ... unless another fact states the differing value itself, for some event: then
            # the claim may mean that event ("February 14, a few days before its anniversary")
            elsewhere = {x for o in outcomes if o.alignment is not a for x in o.alignment.stated}
            if joinable and _conflict_held_back(a) and not any(c.claimed in elsewhere for c in a.conflicts):
                merged = decide(align(index, claim, merge_views([a.view, *(v for v in joinable if v is not a.view)])))
                if merged.verdict == "contradicted":
                    found.append(merged)
        return found

    def _choose(self, claim: ClaimAnalysis, outcomes: list[Outcome]) -> Verdict:
        """The deciding outcome: the best-scoring contradiction or support, else unknown."""

        def rank(a: Alignment) -> tuple[float, int]:
            return (a.score, -a.view.fact.line)

        supported = [o.alignment for o in outcomes if o.verdict == "supported"]
        contradicted = [o.alignment for o in outcomes if o.verdict == "contradicted"]
        every = [o.alignment for o in outcomes]
        # a value that a closer fact confirms is not contradicted by a weaker fact's other value
        contradicted = [
            c
            for c in contradicted
            if not c.conflicts
            or any(
                not any(o is not c and x.claimed in o.confirmed and o.score >= c.score for o in every)
                for x in c.conflicts
                if x.anchored
            )
        ]
        best_s = max(supported, key=rank, default=None)
        if best_s is not None:
            # a fact that explains every value of the claim beats one that leaves some unexplained
            contradicted = [c for c in contradicted if not c.unexplained]
        best_c = max(contradicted, key=rank, default=None)
        if best_c and (best_s is None or best_c.score >= best_s.score - tuning.CONTRADICTION_MARGIN):
            subject = self.base.entities.get(best_c.view.fact.subject)
            role = (subject.type or subject.kind) if subject else "subject"
            return wording.contradicted(claim, best_c, role)
        if best_s:
            return wording.supported(claim, best_s)
        best = max(every, key=rank, default=None)
        return wording.unknown(claim, best, self._strangers(claim))

    def _strangers(self, claim: ClaimAnalysis) -> list[str]:
        return [m.text for m in claim.extraction.mentions if m.entity not in self.index.mentioned]

    def _topic_ceiling(self, claim: ClaimAnalysis) -> float:
        """The most any fact could cover of this claim: the share of its topic that the facts
        use at all. Off-topic sentences ("a bright museum painted one sudden market") stop here."""
        retriever = self.index.retriever
        ex = claim.extraction
        num = den = 0.0
        for c in claim.concepts:
            w = retriever.weight(c)
            den += w
            if retriever.known(c) or (
                len(c) >= tuning.STEM_PREFIX and c.isalpha() and c[: tuning.STEM_PREFIX] in self.index.prefixes
            ):
                num += w
        for m in ex.mentions:
            # a name no fact uses may still be a swapped value, which coverage leaves out
            if m.entity in self.index.mentioned:
                w = retriever.weight("@" + m.entity)
                num += w
                den += w
        values = tuning.VALUE_WEIGHT * retriever.max_idf * (len(ex.dates) + len(ex.amounts) + len(ex.relative_dates))
        return (num + values) / (den + values) if den + values else 0.0


def _conflict_held_back(a: Alignment) -> bool:
    """A value differing in the same role of the claim's own subject, but too much of the claim
    left over for this fact alone to refute it."""
    return (
        any(c.anchored for c in a.conflicts)
        and a.subject_aligned
        and a.subject_swap is None
        and not a.polarity_flip
        and a.leftover_share > tuning.CONFLICT_LEFTOVER
    )


def _joinable(a: Alignment) -> bool:
    """A candidate that states part of a claim (one of its dates, amounts or uncommon names, in
    the same role) without disagreeing with any of it."""
    return (
        not a.conflicts
        and a.subject_swap is None
        and a.subject_aligned
        and not a.polarity_flip
        and not a.opposed
        and a.anchors > 0
    )
