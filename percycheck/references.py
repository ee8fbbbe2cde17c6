"""What a sentence-initial "It" refers to in a draft, so the claim is checked about that subject.

In "Curiosity landed in Gale Crater in 2012. It was built at JPL." the second sentence is about
Curiosity: checked alone, "It was built at JPL" would be matched with any fact about anything
built at JPL. A leading "It" (or "Its") takes the subject of the claim before it in the same
draft, when that subject is a name or a noun phrase rather than another pronoun. An expletive
"It" ("It was on July 30 that ...", "It will take seven months to ...") refers to nothing and is
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from percycheck.clauses import subject_words
from percycheck.models import Claim, Verdict

__all__ = ["checked_text", "resolve", "restore"]

LEADING_IT_RE = re.compile(r"^(It|Its)\b(?!['’]s\b)")
"""A sentence that opens with "It" or "Its" (not "It's", which is usually expletive or a contraction)."""

EXPLETIVE_RE = re.compile(
    r"^It\s+(?:(?:is|was|will\s+be|would\s+be|has\s+been|had\s+been|may\s+be|might\s+be)\s+"
    r"(?:[\w,.'’-]+\s+){0,6}?(?:that|to|when|until|before|since|for)\b"
    r"|(?:seems|seemed|appears|appeared|remains|remained|takes|took|will\s+take|would\s+take|took)\b)",
    re.I,
)
"""'It was on July 30 that ...', 'It is expected to ...', 'It will take seven months ...': no referent."""

PRONOUN_SUBJECTS = frozenset("it its they them this that these those he she which who".split())


def resolve(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The claims of one draft, each leading "It" given the subject of the claim before it."""
    resolved: list[Claim] = []
    previous: str | None = None
    for claim in claims:
        referent = None
        if LEADING_IT_RE.match(claim.text) and not EXPLETIVE_RE.match(claim.text):
            referent = previous
        resolved.append(replace(claim, referent=referent) if referent else claim)
        subject = subject_words(claim.text).strip(" ,")
        if referent is None and subject and subject.split()[0].lower() not in PRONOUN_SUBJECTS:
            previous = subject
        elif referent is None:
            previous = None  # an unresolved pronoun breaks the chain: better no referent than a wrong one
    return tuple(resolved)


def checked_text(claim: Claim) -> str:
    """The text the engine checks: "It" replaced by its referent ("Its" by the possessive)."""
    m = LEADING_IT_RE.match(claim.text)
    if not claim.referent or m is None:
        return claim.text
    return _stand_in(claim.referent, m.group(1)) + claim.text[m.end() :]


def restore(verdict: Verdict, claim: Claim) -> Verdict:
    """A verdict on the checked text, reported for the sentence as written."""
    m = LEADING_IT_RE.match(claim.text)
    if not claim.referent or m is None:
        return verdict
    pronoun = m.group(1)
    stand_in = _stand_in(claim.referent, pronoun)
    suggestion = verdict.suggestion
    if suggestion and suggestion.startswith(stand_in):
        suggestion = pronoun + suggestion[len(stand_in) :]
    reason = f"reading “{pronoun}” as “{stand_in}”: {verdict.reason}"
    return replace(verdict, claim=claim.text, reason=reason, suggestion=suggestion)


def _stand_in(referent: str, pronoun: str) -> str:
    """What replaces the pronoun: the referent, or its possessive for "Its"."""
    if pronoun != "Its":
        return referent
    return referent + ("'" if referent.endswith("s") else "'s")
