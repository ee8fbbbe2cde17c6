"""The verdict engine's decision rules (``percycheck/engine/rules.py``) on a small invented facts file.

Three layers: each rule as a pure function over an ``Alignment`` record; the tuned thresholds
of ``tuning.py`` just at and just past their values; and whole claims through ``Engine.check``
on a facts file about an invented rover, asserting the verdict a user would see.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from percycheck.engine import Engine, rules, tuning
from percycheck.engine.alignment import align
from percycheck.engine.analysis import analyse
from percycheck.engine.records import Alignment, Conflict
from percycheck.facts import load_facts
from percycheck.models import Verdict

# --------------------------------------------------------------------------- the facts file

SOURCE_LINES = [
    "The Pathfinder X rover first touched down in Utopia Basin on March 3, 2031.",
    "The vehicle has a mass of about 1,000 kilograms.",
    "The rover carries six cameras.",
]

HEADER = """\
version: 1
sources:
  - id: src
    title: Rover dispatch
    publisher: Rover News
    date: 2031-03-04
    url: null
    file: src.txt
entities:
  - {id: pathfinder-x, kind: craft, type: rover, name: Pathfinder X}
  - {id: wanderer-z, kind: craft, type: rover, name: Wanderer Z}
  - {id: skyhawk, kind: craft, type: orbiter, name: Skyhawk}
  - {id: utopia-basin, kind: place, type: region, name: Utopia Basin, part_of: [mars]}
  - {id: mars, kind: place, type: planet, name: Mars}
  - {id: ridge-one, kind: place, type: landmark, name: Ridge One}
  - {id: ridge-two, kind: place, type: landmark, name: Ridge Two}
facts:
"""

BASE_FACTS = """\
  - id: landing
    statement: The Pathfinder X rover made its first landing in Utopia Basin on March 3, 2031.
    subject: pathfinder-x
    values:
      - {slot: landing date, date: 2031-03-03}
      - {slot: landing site, entity: utopia-basin}
    keywords: [landed, landing, touched down]
    citations:
      - source: src
        quote: "The Pathfinder X rover first touched down in Utopia Basin on March 3, 2031."
  - id: mass
    statement: The Pathfinder X vehicle has a mass of about 1,000 kilograms.
    subject: pathfinder-x
    values:
      - {slot: mass, quantity: 1000, unit: kg, approx: about}
    citations:
      - source: src
        quote: "The vehicle has a mass of about 1,000 kilograms."
  - id: cameras
    statement: The Pathfinder X rover carries six cameras.
    subject: pathfinder-x
    values:
      - {slot: cameras, count: 6, noun: camera}
    citations:
      - source: src
        quote: "The rover carries six cameras."
"""


def simple_fact(fact_id: str, subject: str, sentence: str) -> str:
    """A fact with no typed values whose statement is its own verbatim quote."""
    return (
        f"  - id: {fact_id}\n"
        f"    statement: {sentence}\n"
        f"    subject: {subject}\n"
        f"    citations:\n"
        f"      - source: src\n"
        f'        quote: "{sentence}"\n'
    )


EngineFactory = Callable[..., Engine]


@pytest.fixture
def make_engine(tmp_path: Path) -> EngineFactory:
    """An engine over the rover facts, plus any extra ``(sentence, fact yaml)`` pairs."""
    counter = iter(range(1000))

    def build(*extra: tuple[str, str]) -> Engine:
        folder = tmp_path / f"base{next(counter)}"
        folder.mkdir()
        lines = SOURCE_LINES + [sentence for sentence, _ in extra]
        (folder / "src.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        text = HEADER + BASE_FACTS + "".join(fact for _, fact in extra)
        path = folder / "facts.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return Engine(load_facts(path))

    return build


@pytest.fixture
def engine(make_engine: EngineFactory) -> Engine:
    return make_engine()


def alignment_for(engine: Engine, claim: str, fact_id: str) -> Alignment:
    """The claim lined up with one fact, as ``Engine.check_part`` lines it up."""
    index = engine.index
    view = next(v for v in index.views if v.fact.id == fact_id)
    return align(index, analyse(index, claim), view)


# --------------------------------------------------------------------------- alignment records

RESTATED = "Pathfinder X landed on March 3, 2031."


@pytest.fixture
def clean(engine: Engine) -> Alignment:
    """A claim that restates the landing fact, with every field that could stop support cleared."""
    a = alignment_for(engine, RESTATED, "landing")
    return replace(
        a,
        coverage=1.0,
        leftover_share=0.0,
        conflicts=(),
        unexplained=(),
        leftover=(),
        opposed=(),
        subject_swap=None,
        subject_aligned=True,
        polarity_flip=False,
        anchors=1,
        value_anchored=True,
        missing_superlatives=(),
        opposite_superlatives=(),
        unknown_names=(),
        novel_words=(),
        misnamed=None,
    )


def conflict(anchored: bool = True) -> Conflict:
    return Conflict("landing date", "March 5, 2031", "March 3, 2031", "March 3, 2031", "date", anchored)


def just_above(x: float) -> float:
    return math.nextafter(x, math.inf)


def just_below(x: float) -> float:
    return math.nextafter(x, -math.inf)


def test_real_alignment_of_a_restatement_is_clean(engine: Engine) -> None:
    a = alignment_for(engine, RESTATED, "landing")
    assert a.conflicts == ()
    assert a.unexplained == ()
    assert a.leftover == ()
    assert a.subject_swap is None
    assert a.subject_aligned
    assert not a.polarity_flip
    assert a.value_anchored
    assert a.coverage >= tuning.CONTRADICT_COVERAGE
    assert rules.decide(a).rule == "entailed"


def test_real_alignment_of_another_date_is_an_anchored_conflict(engine: Engine) -> None:
    a = alignment_for(engine, "Pathfinder X landed on March 5, 2031.", "landing")
    assert [c.slot for c in a.conflicts] == ["landing date"]
    assert a.conflicts[0].anchored
    assert rules.decide(a).rule == "conflict-in-role"


def test_real_alignment_of_a_date_for_another_event_is_not_anchored(engine: Engine) -> None:
    a = alignment_for(engine, "Pathfinder X made its first drive on March 9, 2031.", "landing")
    assert a.conflicts
    assert not any(c.anchored for c in a.conflicts)
    assert rules.decide(a).verdict == "unknown"


# --------------------------------------------------------------------------- rules as pure functions


class TestSubjectSwap:
    def test_passes_without_a_swap(self, clean: Alignment) -> None:
        assert rules.subject_swap(clean) is None

    def test_exact_restatement_of_a_dated_event_contradicts(self, clean: Alignment) -> None:
        assert rules.subject_swap(replace(clean, subject_swap=("Wanderer Z", "Pathfinder X"))) == "contradicted"

    @pytest.mark.parametrize(
        "change",
        [
            {"value_anchored": False},
            {"leftover": ("gracefully",)},
            {"unexplained": ("the date March 9, 2031",)},
            {"conflicts": (Conflict("landing date", "March 5, 2031", "March 3, 2031", "March 3, 2031", "date", True),)},
        ],
        ids=["no-anchored-value", "leftover", "unexplained", "conflict"],
    )
    def test_anything_short_of_a_restatement_is_unknown(self, clean: Alignment, change: dict[str, object]) -> None:
        swapped = replace(clean, subject_swap=("Wanderer Z", "Pathfinder X"), **change)  # type: ignore[arg-type]
        assert rules.subject_swap(swapped) == "unknown"


class TestConflictInRole:
    def test_anchored_conflict_with_the_rest_aligned_contradicts(self, clean: Alignment) -> None:
        assert rules.conflict_in_role(replace(clean, conflicts=(conflict(),))) == "contradicted"

    def test_passes_without_conflicts(self, clean: Alignment) -> None:
        assert rules.conflict_in_role(clean) is None

    def test_passes_on_an_unanchored_conflict(self, clean: Alignment) -> None:
        assert rules.conflict_in_role(replace(clean, conflicts=(conflict(anchored=False),))) is None

    def test_passes_on_a_polarity_flip(self, clean: Alignment) -> None:
        assert rules.conflict_in_role(replace(clean, conflicts=(conflict(),), polarity_flip=True)) is None

    def test_passes_when_the_subject_is_not_aligned(self, clean: Alignment) -> None:
        assert rules.conflict_in_role(replace(clean, conflicts=(conflict(),), subject_aligned=False)) is None

    def test_unexplained_value_without_anchors_passes(self, clean: Alignment) -> None:
        a = replace(clean, conflicts=(conflict(),), unexplained=("the amount two",), anchors=0)
        assert rules.conflict_in_role(a) is None

    def test_unexplained_value_with_an_anchor_still_contradicts(self, clean: Alignment) -> None:
        a = replace(clean, conflicts=(conflict(),), unexplained=("the amount two",), anchors=1)
        assert rules.conflict_in_role(a) == "contradicted"


class TestConflictElsewhere:
    def test_any_conflict_is_unknown(self, clean: Alignment) -> None:
        assert rules.conflict_elsewhere(replace(clean, conflicts=(conflict(anchored=False),))) == "unknown"

    def test_passes_without_conflicts(self, clean: Alignment) -> None:
        assert rules.conflict_elsewhere(clean) is None


class TestOppositeWord:
    LAST = {"opposed": (("last", "first"),), "leftover": ("last",)}

    def test_opposite_word_alone_contradicts(self, clean: Alignment) -> None:
        assert rules.opposite_word(replace(clean, **self.LAST)) == "contradicted"  # type: ignore[arg-type]

    def test_passes_without_opposites(self, clean: Alignment) -> None:
        assert rules.opposite_word(clean) is None

    @pytest.mark.parametrize(
        "change",
        [
            {"leftover": ("last", "gracefully")},
            {"unexplained": ("the date March 9, 2031",)},
            {"polarity_flip": True},
            {"subject_aligned": False},
            {"coverage": just_below(tuning.CONTRADICT_COVERAGE)},
        ],
        ids=["other-leftover", "unexplained", "polarity", "subject", "coverage"],
    )
    def test_passes_unless_everything_else_lines_up(self, clean: Alignment, change: dict[str, object]) -> None:
        assert rules.opposite_word(replace(clean, **{**self.LAST, **change})) is None  # type: ignore[arg-type]


class TestOppositeSuperlative:
    def test_opposite_superlative_contradicts(self, clean: Alignment) -> None:
        a = replace(clean, opposite_superlatives=("fewest cameras",), missing_superlatives=("fewest cameras",))
        assert rules.opposite_superlative(a) == "contradicted"

    def test_passes_without_one(self, clean: Alignment) -> None:
        assert rules.opposite_superlative(clean) is None

    @pytest.mark.parametrize(
        "change",
        [{"coverage": just_below(tuning.CONTRADICT_COVERAGE)}, {"polarity_flip": True}, {"subject_aligned": False}],
        ids=["coverage", "polarity", "subject"],
    )
    def test_passes_unless_aligned(self, clean: Alignment, change: dict[str, object]) -> None:
        a = replace(clean, opposite_superlatives=("fewest cameras",), **change)  # type: ignore[arg-type]
        assert rules.opposite_superlative(a) is None


class TestOppositePolarity:
    def test_passes_without_a_flip(self, clean: Alignment) -> None:
        assert rules.opposite_polarity(clean) is None

    def test_negation_of_the_whole_fact_contradicts(self, clean: Alignment) -> None:
        assert rules.opposite_polarity(replace(clean, polarity_flip=True)) == "contradicted"

    @pytest.mark.parametrize(
        "change",
        [
            {"subject_aligned": False},
            {"unexplained": ("the date March 9, 2031",)},
            {"opposed": (("last", "first"),)},
            {"leftover_share": just_above(tuning.CONFLICT_LEFTOVER)},
            {"coverage": just_below(tuning.NEGATION_COVERAGE)},
        ],
        ids=["subject", "unexplained", "opposed", "leftover", "coverage"],
    )
    def test_a_partial_negation_is_unknown(self, clean: Alignment, change: dict[str, object]) -> None:
        assert rules.opposite_polarity(replace(clean, polarity_flip=True, **change)) == "unknown"  # type: ignore[arg-type]


class TestNotEntailed:
    def test_passes_when_everything_is_entailed(self, clean: Alignment) -> None:
        assert rules.not_entailed(clean) is None

    @pytest.mark.parametrize(
        "change",
        [
            {"unexplained": ("the amount two",)},
            {"unknown_names": ("Zorblax",)},
            {"missing_superlatives": ("heaviest",)},
            {"leftover": ("gracefully",)},
            {"misnamed": "Utopia Basin"},
        ],
        ids=["unexplained", "unknown-name", "superlative", "leftover", "misnamed"],
    )
    def test_anything_unstated_is_unknown(self, clean: Alignment, change: dict[str, object]) -> None:
        assert rules.not_entailed(replace(clean, **change)) == "unknown"  # type: ignore[arg-type]

    def test_novel_words_limit(self, clean: Alignment) -> None:
        at_limit = tuple(f"novel{i}" for i in range(tuning.NOVEL_WORDS_LIMIT))
        assert rules.not_entailed(replace(clean, novel_words=at_limit)) == "unknown"
        assert rules.not_entailed(replace(clean, novel_words=at_limit[:-1])) is None


class TestOffTopicAndEntailed:
    def test_off_topic_below_coverage(self, clean: Alignment) -> None:
        assert rules.off_topic(replace(clean, coverage=just_below(tuning.CONTRADICT_COVERAGE))) == "unknown"
        assert rules.off_topic(replace(clean, coverage=tuning.CONTRADICT_COVERAGE)) is None

    def test_entailed_always_supports(self, clean: Alignment) -> None:
        assert rules.entailed(clean) == "supported"
        assert rules.entailed(replace(clean, coverage=0.0, leftover=("anything",))) == "supported"


class TestDecide:
    def test_rule_table_order(self) -> None:
        assert [name for name, _ in rules.RULES] == [
            "subject-swap",
            "conflict-in-role",
            "conflict-elsewhere",
            "opposite-word",
            "opposite-superlative",
            "opposite-polarity",
            "not-entailed",
            "off-topic",
            "entailed",
        ]

    @pytest.mark.parametrize(
        ("change", "rule", "verdict"),
        [
            ({}, "entailed", "supported"),
            ({"subject_swap": ("Wanderer Z", "Pathfinder X"), "conflicts": (conflict(),)}, "subject-swap", "unknown"),
            ({"conflicts": (conflict(),), "leftover": ("gracefully",)}, "conflict-in-role", "contradicted"),
            ({"conflicts": (conflict(anchored=False),), "polarity_flip": True}, "conflict-elsewhere", "unknown"),
            ({"opposed": (("last", "first"),), "leftover": ("last",), "polarity_flip": False}, "opposite-word", "contradicted"),
            ({"opposite_superlatives": ("fewest",), "missing_superlatives": ("fewest",)}, "opposite-superlative", "contradicted"),
            ({"polarity_flip": True, "leftover": ("gracefully",)}, "opposite-polarity", "contradicted"),
            ({"leftover": ("gracefully",)}, "not-entailed", "unknown"),
            ({"coverage": 0.1}, "off-topic", "unknown"),
        ],
        ids=lambda x: x if isinstance(x, str) else None,
    )
    def test_first_answering_rule_decides(self, clean: Alignment, change: dict[str, object], rule: str, verdict: str) -> None:
        a = replace(clean, **change)  # type: ignore[arg-type]
        outcome = rules.decide(a)
        assert (outcome.rule, outcome.verdict) == (rule, verdict)
        assert outcome.alignment is a
        # the deciding rule is the first in the table that answers, and answers with this verdict
        answering = [(name, fn(a)) for name, fn in rules.RULES if fn(a) is not None]
        assert answering[0] == (rule, verdict)


# --------------------------------------------------------------------------- thresholds


class TestThresholds:
    def test_conflict_leftover_at_threshold_contradicts(self, clean: Alignment) -> None:
        a = replace(clean, conflicts=(conflict(),), leftover_share=tuning.CONFLICT_LEFTOVER)
        assert rules.conflict_in_role(a) == "contradicted"
        assert rules.decide(a).verdict == "contradicted"

    def test_conflict_leftover_just_above_does_not(self, clean: Alignment) -> None:
        a = replace(clean, conflicts=(conflict(),), leftover_share=just_above(tuning.CONFLICT_LEFTOVER))
        assert rules.conflict_in_role(a) is None
        assert rules.decide(a).verdict == "unknown"

    def test_contradict_coverage_at_threshold_contradicts(self, clean: Alignment) -> None:
        a = replace(clean, conflicts=(conflict(),), coverage=tuning.CONTRADICT_COVERAGE)
        assert rules.conflict_in_role(a) == "contradicted"

    def test_contradict_coverage_just_below_does_not(self, clean: Alignment) -> None:
        a = replace(clean, conflicts=(conflict(),), coverage=just_below(tuning.CONTRADICT_COVERAGE))
        assert rules.conflict_in_role(a) is None
        assert rules.decide(a).verdict == "unknown"

    def test_negation_coverage_at_threshold_contradicts(self, clean: Alignment) -> None:
        a = replace(clean, polarity_flip=True, coverage=tuning.NEGATION_COVERAGE)
        assert rules.opposite_polarity(a) == "contradicted"

    def test_negation_coverage_just_below_is_unknown(self, clean: Alignment) -> None:
        a = replace(clean, polarity_flip=True, coverage=just_below(tuning.NEGATION_COVERAGE))
        assert rules.opposite_polarity(a) == "unknown"
        assert rules.decide(a).verdict == "unknown"

    def test_negation_needs_more_coverage_than_a_conflict(self, clean: Alignment) -> None:
        # between the two thresholds a value conflict contradicts, a negation does not
        between = (tuning.CONTRADICT_COVERAGE + tuning.NEGATION_COVERAGE) / 2
        assert tuning.CONTRADICT_COVERAGE < between < tuning.NEGATION_COVERAGE
        assert rules.decide(replace(clean, conflicts=(conflict(),), coverage=between)).verdict == "contradicted"
        assert rules.decide(replace(clean, polarity_flip=True, coverage=between)).verdict == "unknown"

    def test_negation_leftover_at_threshold_contradicts_just_above_not(self, clean: Alignment) -> None:
        at = replace(clean, polarity_flip=True, leftover_share=tuning.CONFLICT_LEFTOVER)
        above = replace(clean, polarity_flip=True, leftover_share=just_above(tuning.CONFLICT_LEFTOVER))
        assert rules.opposite_polarity(at) == "contradicted"
        assert rules.opposite_polarity(above) == "unknown"


# --------------------------------------------------------------------------- end to end


def check(engine: Engine, claim: str) -> Verdict:
    return engine.check(claim)


def test_landing_date_restated_is_supported(engine: Engine) -> None:
    v = check(engine, "Pathfinder X landed on March 3, 2031.")
    assert v.verdict == "supported"
    assert v.fact is not None and v.fact.id == "landing"


def test_other_landing_date_is_contradicted_with_slot_and_suggestion(engine: Engine) -> None:
    claim = "Pathfinder X landed in Utopia Basin on March 9, 2031."
    v = check(engine, claim)
    assert v.verdict == "contradicted"
    assert "landing date" in v.reason
    assert "March 9, 2031" in v.reason and "March 3, 2031" in v.reason
    assert v.suggestion == "Pathfinder X landed in Utopia Basin on March 3, 2031."
    assert v.fact is not None and v.fact.id == "landing"


def test_date_of_an_event_the_fact_does_not_date_is_unknown(engine: Engine) -> None:
    v = check(engine, "Pathfinder X made its first drive on March 9, 2031.")
    assert v.verdict == "unknown"


def test_rival_subject_with_same_predicate_and_no_date_is_unknown(engine: Engine) -> None:
    v = check(engine, "Wanderer Z landed in Utopia Basin.")
    assert v.verdict == "unknown"
    assert "Wanderer Z" in v.reason


def test_rival_subject_alignment_is_a_subject_swap_not_a_contradiction(engine: Engine) -> None:
    a = alignment_for(engine, "Wanderer Z landed in Utopia Basin.", "landing")
    assert a.subject_swap is not None
    assert rules.decide(a).verdict == "unknown"


def test_subject_of_another_type_is_not_a_contradiction(engine: Engine) -> None:
    v = check(engine, "Skyhawk landed in Utopia Basin.")
    assert v.verdict != "contradicted"


def test_extra_content_word_is_unknown_and_named(engine: Engine) -> None:
    v = check(engine, "Pathfinder X landed gracefully in Utopia Basin on March 3, 2031.")
    assert v.verdict == "unknown"
    assert "no source says “gracefully”" in v.reason


def test_last_for_first_is_contradicted(engine: Engine) -> None:
    v = check(engine, "The Pathfinder X rover made its last landing in Utopia Basin.")
    assert v.verdict == "contradicted"
    assert "“last”" in v.reason and "“first”" in v.reason


def test_first_restated_is_supported(engine: Engine) -> None:
    v = check(engine, "The Pathfinder X rover made its first landing in Utopia Basin.")
    assert v.verdict == "supported"


ORBIT_ROVER = "Skyhawk photographed the rover from orbit."
ORBIT_VEHICLE = "Skyhawk photographed the vehicle from orbit."


def test_general_word_for_specific_is_supported(make_engine: EngineFactory) -> None:
    engine = make_engine((ORBIT_ROVER, simple_fact("photo", "skyhawk", ORBIT_ROVER)))
    assert check(engine, ORBIT_ROVER).verdict == "supported"
    assert check(engine, ORBIT_VEHICLE).verdict == "supported"


def test_specific_word_for_general_is_not_supported(make_engine: EngineFactory) -> None:
    engine = make_engine((ORBIT_VEHICLE, simple_fact("photo", "skyhawk", ORBIT_VEHICLE)))
    assert check(engine, ORBIT_VEHICLE).verdict == "supported"
    v = check(engine, ORBIT_ROVER)
    assert v.verdict != "supported"


@pytest.mark.parametrize(("specific", "general"), [("oak", "tree"), ("sparrow", "bird")])
def test_hypernym_entails_only_upwards(make_engine: EngineFactory, specific: str, general: str) -> None:
    specific_sentence = f"Skyhawk photographed a tall {specific} from orbit."
    general_sentence = f"Skyhawk photographed a tall {general} from orbit."
    says_specific = make_engine((specific_sentence, simple_fact("photo", "skyhawk", specific_sentence)))
    assert check(says_specific, general_sentence).verdict == "supported"
    says_general = make_engine((general_sentence, simple_fact("photo", "skyhawk", general_sentence)))
    v = check(says_general, specific_sentence)
    assert v.verdict == "unknown"
    assert f"“{specific}”" in v.reason


def test_general_word_for_the_subject_is_supported(engine: Engine) -> None:
    # the cameras fact says "rover"; "vehicle" is a more general word for it
    assert check(engine, "The Pathfinder X vehicle carries six cameras.").verdict == "supported"


def test_bracketed_restatement_is_one_value(engine: Engine) -> None:
    v = check(engine, "Pathfinder X has a mass of about 1,000 kilograms (2,200 pounds).")
    assert v.verdict == "supported"
    assert v.fact is not None and v.fact.id == "mass"


def test_bracketed_restatement_of_a_wrong_mass_is_contradicted(engine: Engine) -> None:
    v = check(engine, "Pathfinder X has a mass of about 3,000 kilograms (6,600 pounds).")
    assert v.verdict == "contradicted"
    assert "mass" in v.reason


def test_two_amounts_one_agreeing_one_without_counterpart_is_not_contradicted(engine: Engine) -> None:
    claim = "Pathfinder X carries six cameras so far and another two cameras."
    v = check(engine, claim)
    assert v.verdict != "contradicted"
    a = alignment_for(engine, claim, "cameras")
    assert a.conflicts == ()
    assert any("two" in u for u in a.unexplained)
    assert a.value_anchored


def test_wrong_count_is_contradicted(engine: Engine) -> None:
    v = check(engine, "The Pathfinder X rover carries nine cameras.")
    assert v.verdict == "contradicted"
    assert "cameras" in v.reason


# --------------------------------------------------------------------------- time zones


@pytest.mark.parametrize("zone", ["Indian time", "GMT", "local time"])
def test_a_day_off_in_a_named_time_zone_is_not_a_contradiction(engine: Engine, zone: str) -> None:
    v = check(engine, f"According to {zone}, Pathfinder X landed in Utopia Basin on March 4, 2031.")
    assert v.verdict == "unknown"


def test_a_day_off_without_a_time_zone_is_still_a_contradiction(engine: Engine) -> None:
    assert check(engine, "Pathfinder X landed in Utopia Basin on March 4, 2031.").verdict == "contradicted"


def test_two_days_off_in_a_named_time_zone_is_still_a_contradiction(engine: Engine) -> None:
    v = check(engine, "According to Indian time, Pathfinder X landed in Utopia Basin on March 5, 2031.")
    assert v.verdict == "contradicted"


# --------------------------------------------------------------------------- joining facts


JOINED_FACTS = (
    (
        "The Pathfinder X rover began a five-month cruise to Mars on October 1, 2030.",
        """\
  - id: cruise
    statement: The Pathfinder X rover began a cruise of about five months to Mars on October 1, 2030.
    subject: pathfinder-x
    values:
      - {slot: cruise start date, date: 2030-10-01}
      - {slot: cruise duration, quantity: 5, unit: month, approx: about}
    citations:
      - source: src
        quote: "The Pathfinder X rover began a five-month cruise to Mars on October 1, 2030."
""",
    ),
)


def test_facts_that_each_confirm_a_value_support_a_claim_together(make_engine: EngineFactory) -> None:
    v = check(make_engine(*JOINED_FACTS), "Pathfinder X landed on March 3, 2031, after a cruise of about five months.")
    assert v.verdict == "supported"
    assert {c.quote for c in v.citations} >= {SOURCE_LINES[0], JOINED_FACTS[0][0]}


# --------------------------------------------------------------------------- another unit

POUNDS_FACT = (
    "The Pathfinder X lander weighs 2,263 pounds.",
    """\
  - id: lander-mass
    statement: The Pathfinder X lander weighs 2,263 pounds.
    subject: pathfinder-x
    values:
      - {slot: lander mass, quantity: 2263, unit: lb}
    citations:
      - source: src
        quote: "The Pathfinder X lander weighs 2,263 pounds."
""",
)


@pytest.mark.parametrize(
    ("kilograms", "verdict"),
    [
        # 2,263 lb is 1,026.25-1,026.70 kg; CONVERSION_SLACK widens that by 0.2% (1,024.2-1,028.8)
        ("1,025", "supported"),  # a rounded conversion, just inside the slack
        ("1,023", "contradicted"),  # just outside it
        ("1,040", "contradicted"),  # another figure
    ],
)
def test_a_value_restated_in_another_unit_agrees_within_the_conversion_slack(
    make_engine: EngineFactory, kilograms: str, verdict: str
) -> None:
    assert pytest.approx(0.002) == tuning.CONVERSION_SLACK
    v = check(make_engine(POUNDS_FACT), f"The Pathfinder X lander weighs {kilograms} kilograms.")
    assert v.verdict == verdict


# --------------------------------------------------------------------------- completed conflicts


def test_a_conflict_whose_other_words_another_fact_states_is_contradicted(engine: Engine) -> None:
    """The mass fact alone leaves "six cameras" over; the cameras fact states it, so the wrong mass stands."""
    v = check(engine, "Pathfinder X is a rover with six cameras and a mass of 3,000 kilograms.")
    assert v.verdict == "contradicted"
    assert v.fact is not None and v.fact.id == "mass"


def test_a_conflict_with_words_no_fact_states_stays_unknown(engine: Engine) -> None:
    v = check(engine, "Pathfinder X is a rover with golden antennas and a mass of 3,000 kilograms.")
    assert v.verdict == "unknown"


# --------------------------------------------------------------------------- rivals only quoted

PHOTO_FACT = (
    "A photo shows the Pathfinder X rover in Utopia Basin, taken from Ridge One.",
    """\
  - id: photo
    statement: A photo shows the Pathfinder X rover in Utopia Basin.
    subject: pathfinder-x
    values:
      - {slot: pictured site, entity: utopia-basin}
    citations:
      - source: src
        quote: "A photo shows the Pathfinder X rover in Utopia Basin, taken from Ridge One."
""",
)


def test_a_rival_only_the_quote_names_is_not_anchored_by_its_type(make_engine: EngineFactory) -> None:
    """Ridge Two is a landmark like the quote's Ridge One, but the fact gives Ridge One no role:
    being a landmark does not make "from Ridge Two" about where the photo was taken."""
    engine = make_engine(PHOTO_FACT)
    a = alignment_for(engine, "The Pathfinder X photo came from Ridge Two.", "photo")
    assert [(c.claimed, c.anchored) for c in a.conflicts] == [("Ridge Two", False)]
    assert check(engine, "The Pathfinder X photo came from Ridge Two.").verdict == "unknown"


def test_a_rival_the_claim_restates_the_quote_around_is_still_a_conflict(make_engine: EngineFactory) -> None:
    v = check(make_engine(PHOTO_FACT), "A photo shows the Pathfinder X rover in Utopia Basin, taken from Ridge Two.")
    assert v.verdict == "contradicted"
