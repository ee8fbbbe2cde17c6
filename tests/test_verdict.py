"""The verdict engine, by the kinds of claims writers make.

Claims here are written for these tests (not copied from any scoring set); each asserts the
verdict a careful reader of the five sources would give.
"""

from __future__ import annotations

import pytest

from percycheck import check
from percycheck.models import Verdict
from percycheck.values import APPROX_TOLERANCE


def verdict_of(claim: str) -> str:
    return check(claim).verdict


SUPPORTED = {
    "paraphrase": [
        "Perseverance set down on Mars in Jezero Crater.",
        "The Mars 2020 mission lifted off from Cape Canaveral in Florida.",
        "JPL built the Perseverance rover and manages its operations for NASA.",
        "Ingenuity was the first robotic helicopter to take off from another planet.",
        "Perseverance collected the first rock core samples from another planet.",
        "The Hazcams sit on the underside of the rover.",
        "Michael Watkins was director of NASA's Jet Propulsion Laboratory.",
        "Emmanuel Macron watched the landing broadcast at CNES in Paris.",
    ],
    "unit_conversion": [
        "Perseverance weighs roughly 1,026 kilograms.",
        "The rover's mass is about one tonne.",
        "On its record day the rover drove almost 320 metres.",
    ],
    "date_format": [
        "Perseverance touched down on 2021-02-18.",
        "The rover landed on February 18th, 2021.",
        "The Mars 2020 mission launched on 30 July 2020.",
    ],
    "number_words": [
        "Perseverance has six wheels.",
        "The selfie at Rochette was made from fifty-seven images.",
        "The Navcam panorama was stitched together from six images.",
    ],
}

CONTRADICTED = {
    "perturbed_date": [
        "Perseverance touched down in Jezero Crater on Feb. 17, 2021.",
        "The Mars 2020 mission launched on August 30, 2020.",
        "The Rochette selfie was taken on September 10, 2022.",
    ],
    "perturbed_number": [
        "Perseverance weighs 3,263 pounds.",
        "Perseverance is a four-wheeled rover.",
        "The Rochette selfie was stitched together from 75 images.",
    ],
    "perturbed_place": [
        "Perseverance landed in Gusev Crater.",
        "The Mars 2020 mission launched from Cape Canaveral in Texas.",
        "Emmanuel Macron watched the landing from CNES in Toulouse.",
    ],
    "perturbed_entity": [
        "The Mars 2020 mission was launched on a Falcon Heavy rocket.",
        "The rover that landed in Jezero Crater on Feb. 18, 2021 was Opportunity.",
        "JPL leads the HiRISE instrument.",
    ],
    "negation": [
        "Perseverance's first drilling attempt was a success.",
        "Perseverance did not deploy Ingenuity.",
    ],
    "ordinal": [
        "Ingenuity was the second robotic helicopter to take off on another planet.",
        "Perseverance was the third mission to collect and cache Martian rock and regolith.",
    ],
}

UNKNOWN = {
    "unknown_but_true": [
        "Perseverance carries a microphone that recorded Martian wind.",
        "The rover's SHERLOC instrument searches for organic molecules.",
        "Perseverance's power comes from a plutonium generator.",
        "Perseverance carries 43 sample tubes.",
    ],
    "near_miss": [
        "Perseverance is the heaviest rover ever sent to Mars.",
        "The Rochette rock cores were about 6 centimetres long.",
        "Ingenuity weighs about 1.8 kilograms.",
        "Perseverance is 278 pounds heavier than Curiosity.",
    ],
    "off_topic": [
        "Venus is the hottest planet in the solar system.",
        "The Eiffel Tower was completed in 1889.",
    ],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [
        pytest.param(kind, claim, marks=KNOWN_MISSES[claim]) if claim in KNOWN_MISSES else (kind, claim)
        for kind, claims in table.items()
        for claim in claims
    ]


KNOWN_MISSES = {
    "The Rochette selfie was stitched together from 75 images.": pytest.mark.xfail(
        strict=True, reason="'stitched together' is not aligned with the fact's wording: unknown"
    ),
}
"""Contradictions the alignment engine answers unknown (the safe side); each says why."""


@pytest.mark.parametrize(("kind", "claim"), _cases(SUPPORTED))
def test_supported(kind: str, claim: str) -> None:
    assert verdict_of(claim) == "supported", check(claim).reason


@pytest.mark.parametrize(("kind", "claim"), _cases(CONTRADICTED))
def test_contradicted(kind: str, claim: str) -> None:
    assert verdict_of(claim) == "contradicted", check(claim).reason


@pytest.mark.parametrize(("kind", "claim"), _cases(UNKNOWN))
def test_unknown(kind: str, claim: str) -> None:
    assert verdict_of(claim) == "unknown", check(claim).reason


def test_the_three_examples_from_the_product_brief() -> None:
    assert verdict_of("Perseverance landed on Feb. 19, 2021.") == "contradicted"
    assert verdict_of("The rover weighs about 1,030 kg.") == "supported"
    assert verdict_of("Perseverance carries 43 sample tubes.") == "unknown"


def test_compound_claims_need_every_part() -> None:
    both = "Mars 2020 launched on July 30, 2020 from Cape Canaveral and landed in Jezero Crater."
    assert verdict_of(both) == "supported"
    one_false = "Mars 2020 launched on July 30, 2020 from Cape Canaveral and landed in Gale Crater."
    result = check(one_false)
    assert result.verdict == "contradicted"
    assert "Gale Crater" in result.reason
    one_unknown = "Perseverance landed in Jezero Crater and carries a microphone."
    assert verdict_of(one_unknown) == "unknown"


def test_a_contradiction_names_the_difference_and_suggests_the_sourced_value() -> None:
    result = check("Perseverance touched down on Feb. 19, 2021.")
    assert result.verdict == "contradicted"
    assert "2021" in result.reason and "February 18, 2021" in result.reason
    assert result.suggestion == "Perseverance touched down on February 18, 2021."
    assert result.fact is not None
    assert any("Feb. 18, 2021" in c.quote or "Feb 18, 2021" in c.quote for c in result.citations)


def test_citations_carry_source_publisher_date_and_a_verbatim_quote() -> None:
    result = check("Perseverance weighs 2,263 pounds.")
    assert result.verdict == "supported"
    citation = result.citations[0]
    assert citation.publisher == "Fox News"
    assert citation.date == "2022-02-18"
    assert "2,263-pound" in citation.quote


def test_unknown_claims_cite_nothing_and_say_why() -> None:
    result = check("The rover's SHERLOC instrument searches for organic molecules.")
    assert result.verdict == "unknown"
    assert result.citations == ()
    assert "SHERLOC" in result.reason


def test_tolerance_of_about_is_tested_just_inside_and_just_outside() -> None:
    mass_kg = 2263 * 0.45359237
    inside = round(mass_kg / (1 - APPROX_TOLERANCE) * 0.99)
    outside = round(mass_kg / (1 - APPROX_TOLERANCE) * 1.02)
    assert verdict_of(f"Perseverance weighs about {inside:,} kg.") == "supported"
    assert verdict_of(f"Perseverance weighs about {outside:,} kg.") == "contradicted"


def test_results_are_deterministic_and_frozen() -> None:
    first = check("Perseverance landed in Jezero Crater on Feb. 18, 2021.")
    second = check("Perseverance landed in Jezero Crater on Feb. 18, 2021.")
    assert first == second
    assert isinstance(first, Verdict)
    with pytest.raises(AttributeError):
        first.verdict = "unknown"  # type: ignore[misc]


@pytest.mark.parametrize("claim", ["", "   ", "x" * 3000])
def test_degenerate_claims_are_unknown_not_errors(claim: str) -> None:
    assert verdict_of(claim) == "unknown"


def test_confidence_is_between_zero_and_one() -> None:
    for claim in ("Perseverance landed on Feb. 19, 2021.", "The rover weighs about 1,030 kg.", "Mars has two moons."):
        assert 0.0 <= check(claim).confidence <= 1.0


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # dates given relative to an event the sources date, and holidays
        ("The mast was scheduled to be raised two days after landing.", "supported"),
        ("The mast was scheduled to be raised five days after landing.", "contradicted"),
        pytest.param(
            "Perseverance set its one-day driving record on Valentine's Day 2022.",
            "supported",
            marks=pytest.mark.xfail(strict=True, reason="WordNet does not link 'set' (a record) with 'broke': unknown"),
        ),
        # attribution and reported speech
        ("Perseverance landed in Jezero Crater, NASA said.", "supported"),
        ("According to JPL, the rover has six wheels.", "supported"),
        ("Thomas Zurbuchen said each sample is carefully considered for its commercial value.", "unknown"),
        # asides are claims too
        pytest.param(
            "JPL, which manages the Mars 2020 mission, is located in Houston.",
            "contradicted",
            marks=pytest.mark.xfail(strict=True, reason="the statement restates nothing but the swapped city: unknown"),
        ),
        # a difference is not a measurement
        ("Perseverance beat the old single-day driving record by 50 feet.", "unknown"),
        # opposite superlatives and positions
        ("Perseverance carried the fewest cameras ever sent to Mars.", "contradicted"),
        ("Ingenuity was attached to the top of the rover's mast.", "unknown"),
        # a name given with "called" must be the source's name for that thing
        pytest.param(
            "The laser instrument on Perseverance's mast is called Mastcam-Z.",
            "contradicted",
            marks=pytest.mark.xfail(strict=True, reason="a name swapped in an identity clause is judged unknown"),
        ),
    ],
)
def test_claim_structures(claim: str, expected: str) -> None:
    assert verdict_of(claim) == expected, check(claim).reason
