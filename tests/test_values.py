"""Value extraction: the dates, amounts, ranks and names a writer puts in a sentence."""

from __future__ import annotations

import math

import pytest

from percycheck import api
from percycheck.values import (
    APPROX_TOLERANCE,
    ROUNDING_CAP,
    Gazetteer,
    date_matches,
    digitised,
    extract,
    find_amounts,
    find_dates,
    interval,
    parse_number,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return api.engine().index.gazetteer


@pytest.mark.parametrize(
    "text",
    [
        "Feb. 18, 2021",
        "Feb.18, 2021",
        "February 18th 2021",
        "18 February 2021",
        "18th of February, 2021",
        "2021-02-18",
        "2/18/2021",
        "18.02.2021",
        "Feb 18 2021",
    ],
)
def test_every_common_date_form_reads_as_the_same_day(text: str) -> None:
    (date,) = find_dates(f"It landed on {text} in the crater.")
    assert (date.year, date.month, date.day) == (2021, 2, 18)


def test_a_date_without_a_year_matches_on_month_and_day() -> None:
    (date,) = find_dates("The mast went up on Feb. 20.")
    assert date.year is None
    assert date_matches(date, 2021, 2, 20)
    assert not date_matches(date, 2021, 2, 18)


def test_month_and_year_compare_at_the_claims_precision() -> None:
    (date,) = find_dates("It landed in February 2022.")
    assert (date.year, date.month, date.day) == (2022, 2, None)
    assert not date_matches(date, 2021, 2, 18)
    assert date_matches(date, 2022, 2, 18)


def test_may_as_a_verb_is_not_a_date() -> None:
    assert find_dates("Returning samples may be the hardest part.") == []


def test_impossible_dates_are_kept_as_invalid_so_the_year_is_not_read_alone() -> None:
    (date,) = find_dates("on February 30, 2021")
    assert not date.valid
    assert api.check("Perseverance landed on February 30, 2021.").verdict != "supported"


@pytest.mark.parametrize(
    ("text", "dimension", "low", "high"),
    [
        ("weighs 2,263 pounds", "mass", 2262.5 * 0.45359237, 2263.5 * 0.45359237),
        ("a 2,263-pound rover", "mass", 2262.5 * 0.45359237, 2263.5 * 0.45359237),
        ("about 1,030 kg", "mass", 1030 * (1 - APPROX_TOLERANCE), 1030 * (1 + APPROX_TOLERANCE)),
        ("1.03 metric tons", "mass", 1025.0, 1035.0),
        ("almost 1,050 feet", "length", 1050 * (1 - APPROX_TOLERANCE) * 0.3048, 1050 * 0.3048),
        ("more than 1,000 feet", "length", 1000 * 0.3048, math.inf),
        ("nearly seven months", "time", 7 * (1 - APPROX_TOLERANCE) * 2629800.0, 7 * 2629800.0),
        ("at least one or two months", "time", (1 - ROUNDING_CAP) * 2629800.0, math.inf),
        ("half a mile", "length", None, None),
    ],
)
def test_quantities_become_intervals_in_base_units(text: str, dimension: str, low: float | None, high: float | None) -> None:
    (amount,) = find_amounts(text, [])
    assert amount.dimension == dimension
    if low is not None:
        assert amount.low == pytest.approx(low, rel=1e-6)
    if high is not None:
        assert amount.high == pytest.approx(high, rel=1e-6) if math.isfinite(high) else amount.high == math.inf


def test_round_numbers_are_not_read_as_vaguer_than_the_rounding_cap() -> None:
    value, precision = parse_number("2,000")
    low, high = interval(value, precision, "exact")
    assert high - value == pytest.approx(ROUNDING_CAP * value)


@pytest.mark.parametrize(
    ("text", "count", "noun"),
    [
        ("the rover's six wheels", 6, "wheel"),
        ("a six-wheeled robot", 6, "wheel"),
        ("composed of 57 images", 57, "imag"),
        ("two of the Hazard Cameras", 2, "hazard"),
    ],
)
def test_counts_keep_the_noun_they_count(text: str, count: int, noun: str) -> None:
    amounts = [a for a in find_amounts(text, []) if a.dimension == "count"]
    assert len(amounts) == 1
    assert amounts[0].low < count < amounts[0].high
    assert noun in amounts[0].noun[0] or any(noun in n for n in amounts[0].noun)


def test_one_of_several_is_not_a_count() -> None:
    assert [a for a in find_amounts("one of the six wheels", []) if a.low < 1 < a.high] == []


def test_a_comparison_is_marked_so_it_is_never_read_as_a_measurement() -> None:
    (amount,) = find_amounts("it is 278 pounds heavier than Curiosity", [])
    assert amount.comparative


def test_a_single_day_is_a_span_named_not_measured() -> None:
    assert find_amounts("the longest drive in a single day", []) == []


def test_names_are_found_longest_first_with_aliases(gazetteer: Gazetteer) -> None:
    ex = extract("NASA's Perseverance rover touched down in Jezero Crater.", gazetteer)
    assert [m.entity for m in ex.mentions] == ["nasa", "perseverance", "jezero-crater"]


def test_upper_case_aliases_match_only_in_upper_case(gazetteer: Gazetteer) -> None:
    ex = extract("Let us go to the US.", gazetteer)
    assert [m.entity for m in ex.mentions] == ["usa"]


def test_unknown_capitalised_names_are_reported(gazetteer: Gazetteer) -> None:
    vocabulary = api.engine().index.vocabulary
    ex = extract("The oxygen experiment on the rover is called QUIXAR.", gazetteer, vocabulary)
    assert "QUIXAR" in ex.unknown_names


def test_ordinary_words_at_a_sentence_start_are_not_names(gazetteer: Gazetteer) -> None:
    vocabulary = api.engine().index.vocabulary
    ex = extract("Pebbles hindered progress. Several spacecraft relayed data.", gazetteer, vocabulary)
    assert ex.unknown_names == ()


def test_numbers_nobody_can_place_are_kept_as_stray(gazetteer: Gazetteer) -> None:
    ex = extract("The code 7731 was used.", gazetteer)
    assert ex.stray_numbers == ("7731",)


@pytest.mark.parametrize("size", [100_000])
def test_extraction_is_linear_on_hostile_input(gazetteer: Gazetteer, size: int) -> None:
    for text in ("9" * size, "Feb. " * (size // 5), "about " * (size // 6) + "1 kg", "a-" * (size // 2)):
        ex = extract(text, gazetteer)
        assert ex.text == text


# --------------------------------------------------------------------------- number words of any size


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("It weighs two thousand two hundred sixty-three pounds.", 2262.5, 2263.5),
        ("It drove three hundred twenty meters.", 315.0, 325.0),
        ("one and a half million miles", 1.45e6, 1.55e6),
    ],
)
def test_long_spelled_out_numbers_are_read_with_their_unit(text: str, low: float, high: float) -> None:
    (amount,) = find_amounts(text, [])
    unit = {"mass": 0.45359237, "length": 1.0}[amount.dimension]
    scale = 1609.344 if "miles" in text else unit
    assert low * scale <= amount.low <= amount.high <= high * scale


def test_a_long_spelled_out_count_keeps_its_words_and_noun() -> None:
    (amount,) = find_amounts("About one hundred and five samples were taken.", [])
    assert amount.text == "About one hundred and five"
    assert amount.noun == ("samples",)
    assert amount.low <= 105 <= amount.high


def test_digitising_keeps_every_offset() -> None:
    text = "It weighs two thousand two hundred sixty-three pounds, said NASA."
    scan, spans = digitised(text)
    assert len(scan) == len(text)
    assert scan.startswith("It weighs 2263 ") and scan.endswith("pounds, said NASA.")
    assert [text[s:e] for s, e in spans] == ["two thousand two hundred sixty-three"]


@pytest.mark.parametrize("text", ["It took fifty-seven images.", "two million miles", "the twenty-first sample"])
def test_short_and_ordinal_number_words_are_left_to_the_amount_pattern(text: str) -> None:
    assert digitised(text) == (text, [])


@pytest.mark.parametrize(
    ("text", "iso", "written"),
    [
        ("It landed on the eighteenth of February, 2021.", "2021-02-18", "eighteenth of February, 2021"),
        ("It launched on the thirtieth of July 2020.", "2020-07-30", "thirtieth of July 2020"),
        ("It drove on the twenty-first of March.", "????-03-21", "twenty-first of March"),
        ("It was the first of May, not the 1st may be.", "????-05-01", "first of May"),
    ],
)
def test_a_day_spelled_out_is_a_date(text: str, iso: str, written: str) -> None:
    (date,) = find_dates(text)
    assert (date.iso, date.text) == (iso, written)


def test_an_ordinal_without_a_month_is_no_date() -> None:
    assert find_dates("It was the first of its kind.") == []


@pytest.mark.parametrize("text", ["It is also the first Martian rock to be cored.", "The first may be the last."])
def test_an_ordinal_before_a_word_that_starts_like_a_month_is_no_date(text: str) -> None:
    assert find_dates(text) == []
