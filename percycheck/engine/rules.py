"""Where a verdict is decided: an ordered table of small pure rules over one alignment.

Each rule looks at an ``Alignment`` and either returns a verdict or passes (None). The first
rule that answers decides; the last one always does. Read top to bottom, the table is the
engine's whole policy:

- a claim about another subject is unknown, unless it restates a dated event exactly;
- a value that differs *in the same role* contradicts, when the rest of the claim lines up;
- a value of another role, an opposite polarity or word without the rest lining up: unknown;
- supported only when every value agrees and every content word is entailed by the fact.
"""

from __future__ import annotations

from collections.abc import Callable

from percycheck.engine import tuning
from percycheck.engine.records import Alignment, Outcome

Rule = Callable[[Alignment], "str | None"]


def subject_swap(a: Alignment) -> str | None:
    """Another subject of the same class ("Curiosity" for "Perseverance"): unknown, unless the
    claim restates a dated or measured event of the fact word for word."""
    if a.subject_swap is None:
        return None
    restates = not a.conflicts and not a.unexplained and not a.leftover and a.value_anchored
    return "contradicted" if restates else "unknown"


def conflict_in_role(a: Alignment) -> str | None:
    """A value that differs in the same role of the same event, the rest of the claim aligned."""
    anchored = [c for c in a.conflicts if c.anchored]
    if not anchored or a.polarity_flip or not a.subject_aligned:
        return None
    if a.unexplained and not a.anchors:
        return None  # the claim is about something else that merely shares a slot
    if (
        a.coverage >= tuning.CONTRADICT_COVERAGE
        and a.leftover_share <= tuning.CONFLICT_LEFTOVER
        and a.reverse >= tuning.CONFLICT_REVERSE
    ):
        return "contradicted"
    return None


def conflict_elsewhere(a: Alignment) -> str | None:
    """A value that differs from a value of another role, or of an event the claim may not mean."""
    return "unknown" if a.conflicts else None


def opposite_word(a: Alignment) -> str | None:
    """A word the fact states the opposite of ("last" for "first"), everything else aligned."""
    if not a.opposed or a.unexplained or a.polarity_flip or not a.subject_aligned:
        return None
    opposed = {w for w, _ in a.opposed}
    if set(a.leftover) == opposed and a.coverage >= tuning.CONTRADICT_COVERAGE:
        return "contradicted"
    return None


def opposite_superlative(a: Alignment) -> str | None:
    """ "fewest cameras" where the fact says "most cameras"."""
    if a.opposite_superlatives and a.coverage >= tuning.CONTRADICT_COVERAGE and not a.polarity_flip and a.subject_aligned:
        return "contradicted"
    return None


def opposite_polarity(a: Alignment) -> str | None:
    """ "did not land" against "landed": contradicted when the rest of the claim is the fact."""
    if not a.polarity_flip:
        return None
    if (
        a.subject_aligned
        and a.coverage >= tuning.NEGATION_COVERAGE
        and not a.unexplained
        and a.leftover_share <= tuning.CONFLICT_LEFTOVER
        and not a.opposed
    ):
        return "contradicted"
    return "unknown"


def not_entailed(a: Alignment) -> str | None:
    """Anything the fact does not state: a value, a name, a superlative, a word."""
    if a.unexplained or a.unknown_names or a.missing_superlatives or a.leftover or a.misnamed:
        return "unknown"
    if not a.subject_aligned:
        return "unknown"  # every word is in the fact, but the claim says it of something else
    if len(a.novel_words) >= tuning.NOVEL_WORDS_LIMIT:
        return "unknown"
    return None


def off_topic(a: Alignment) -> str | None:
    """Every word is entailed, but by words so general that the claim is not about this fact."""
    return "unknown" if a.coverage < tuning.CONTRADICT_COVERAGE else None


def entailed(a: Alignment) -> str | None:
    """Every value agrees and every content word is entailed: supported."""
    return "supported"


RULES: tuple[tuple[str, Rule], ...] = (
    ("subject-swap", subject_swap),
    ("conflict-in-role", conflict_in_role),
    ("conflict-elsewhere", conflict_elsewhere),
    ("opposite-word", opposite_word),
    ("opposite-superlative", opposite_superlative),
    ("opposite-polarity", opposite_polarity),
    ("not-entailed", not_entailed),
    ("off-topic", off_topic),
    ("entailed", entailed),
)
"""The decision, in order: the first rule that answers decides."""


def decide(a: Alignment) -> Outcome:
    """The verdict for one alignment and the name of the rule that reached it."""
    for name, rule in RULES:
        verdict = rule(a)
        if verdict is not None:
            return Outcome(verdict, name, a)
    raise AssertionError("the last rule always answers")  # pragma: no cover
