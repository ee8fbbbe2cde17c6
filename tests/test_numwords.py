"""Number words: values, exact offsets, splits, and what is not a number."""

from __future__ import annotations

import dataclasses

import pytest

from percycheck.numwords import NumberSpan, find_number_words, parse_number_words


def spans(text: str) -> list[tuple[str, float, bool]]:
    """(covered text, value, ordinal) of each span, so a wrong offset shows up as wrong text."""
    return [(text[s.start : s.end], s.value, s.ordinal) for s in find_number_words(text)]


@pytest.mark.parametrize(
    ("text", "covered", "value"),
    [
        # the brief's examples
        ("two thousand two hundred sixty-three pounds", "two thousand two hundred sixty-three", 2263),
        ("fifty-seven images", "fifty-seven", 57),
        ("one hundred and five", "one hundred and five", 105),
        ("twenty-one million", "twenty-one million", 21_000_000),
        # units, teens, tens
        ("zero", "zero", 0),
        ("one", "one", 1),
        ("nine", "nine", 9),
        ("ten", "ten", 10),
        ("nineteen", "nineteen", 19),
        ("forty", "forty", 40),
        ("ninety-nine", "ninety-nine", 99),
        # tens + units: hyphen, non-breaking hyphen, en dash, space, any case
        ("sixty-three", "sixty-three", 63),
        ("sixty\u2011three", "sixty\u2011three", 63),
        ("sixty\u2013three", "sixty\u2013three", 63),
        ("sixty three", "sixty three", 63),
        ("Sixty-Three", "Sixty-Three", 63),
        ("SIXTY THREE", "SIXTY THREE", 63),
        ("sixty\n  three", "sixty\n  three", 63),
        # hundreds
        ("a hundred", "a hundred", 100),
        ("one hundred", "one hundred", 100),
        ("a hundred and twenty", "a hundred and twenty", 120),
        ("three hundred twelve", "three hundred twelve", 312),
        ("nine hundred ninety-nine", "nine hundred ninety-nine", 999),
        ("nineteen hundred seventy-three", "nineteen hundred seventy-three", 1973),
        ("twenty-five hundred dollars", "twenty-five hundred", 2500),
        # scales nested correctly
        ("one million two hundred thousand", "one million two hundred thousand", 1_200_000),
        ("two million three hundred thousand and one", "two million three hundred thousand and one", 2_300_001),
        ("a hundred thousand", "a hundred thousand", 100_000),
        ("five hundred million", "five hundred million", 500_000_000),
        ("two thousand and twenty", "two thousand and twenty", 2020),
        ("a thousand and one nights", "a thousand and one", 1001),
        ("a million", "a million", 1_000_000),
        ("a billion", "a billion", 1_000_000_000),
        ("seventy-five thousands", "seventy-five thousands", 75_000),
        ("one thousand million", "one thousand million", 1_000_000_000),
        (
            "fifty-three billion two hundred forty-three thousand seven hundred twenty-four",
            "fifty-three billion two hundred forty-three thousand seven hundred twenty-four",
            53_000_243_724,
        ),
        (
            "three hundred and twenty-one trillion four hundred billion and six",
            "three hundred and twenty-one trillion four hundred billion and six",
            321_400_000_000_006,
        ),
        # dozens and halves
        ("a dozen eggs", "a dozen", 12),
        ("two dozen eggs", "two dozen", 24),
        ("half a dozen", "half a dozen", 6),
        ("three and a half", "three and a half", 3.5),
        ("twenty-one and a half miles", "twenty-one and a half", 21.5),
        ("one and a half million", "one and a half million", 1_500_000),
        ("half a million", "half a million", 500_000),
        ("half an hour", "half an", 0.5),
        ("half a", "half a", 0.5),
        # digits followed by a scale word
        ("1.5 million", "1.5 million", 1_500_000),
        ("2 billion", "2 billion", 2_000_000_000),
        ("$2.7 billion mission", "2.7 billion", 2_700_000_000),
        ("1,500 million", "1,500 million", 1_500_000_000),
        ("1.1 million", "1.1 million", 1_100_000),
        ("15 hundred", "15 hundred", 1500),
        ("3 dozen", "3 dozen", 36),
        # punctuation around: offsets exclude it
        ('"forty-two."', "forty-two", 42),
        ("(eleven)", "eleven", 11),
        ("about twelve, maybe", "twelve", 12),
        ("it weighed—one thousand—pounds", "one thousand", 1000),
    ],
)
def test_single_number(text: str, covered: str, value: float) -> None:
    assert spans(text) == [(covered, float(value), False)]


@pytest.mark.parametrize(
    ("text", "covered", "value"),
    [
        ("first", "first", 1),
        ("second", "second", 2),
        ("third", "third", 3),
        ("seventh", "seventh", 7),
        ("ninth", "ninth", 9),
        ("tenth", "tenth", 10),
        ("twelfth", "twelfth", 12),
        ("twentieth", "twentieth", 20),
        ("twenty-first", "twenty-first", 21),
        ("twenty second", "twenty second", 22),
        ("ninety\u2013ninth", "ninety\u2013ninth", 99),
        ("one hundredth", "one hundredth", 100),
        ("hundredth", None, None),
        ("one hundred and first", "one hundred and first", 101),
        ("one thousand two hundred thirtieth", "one thousand two hundred thirtieth", 1230),
        ("the two millionth visitor", "two millionth", 2_000_000),
        ("the First sample", "First", 1),
    ],
)
def test_ordinals(text: str, covered: str | None, value: int | None) -> None:
    if covered is None:
        assert spans(text) == []  # a bare scale word is not a number
        return
    assert spans(text) == [(covered, float(value or 0), True)]


def test_second_is_ordinal_two_even_as_a_unit_of_time() -> None:
    # Decision: "second" is always ordinal 2; the caller decides whether it is a rank.
    assert spans("one second please") == [("one", 1.0, False), ("second", 2.0, True)]
    # The plural is the unit of time and never a number.
    assert spans("twenty seconds") == [("twenty", 20.0, False)]


def test_ordinal_ends_its_number() -> None:
    assert spans("twenty-first thousand") == [("twenty-first", 21.0, True)]
    assert spans("first second third") == [("first", 1.0, True), ("second", 2.0, True), ("third", 3.0, True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # invalid sequences split rather than combine
        ("two three", [("two", 2.0), ("three", 3.0)]),
        (
            "one two three four twenty fifteen",
            [("one", 1), ("two", 2), ("three", 3), ("four", 4), ("twenty", 20), ("fifteen", 15)],
        ),
        # text2num (relaxed=False) reads "nineteen ninety" as 19 then 90: no year reading
        ("nineteen ninety", [("nineteen", 19), ("ninety", 90)]),
        ("twenty twenty-one", [("twenty", 20), ("twenty-one", 21)]),
        ("twenty-thirty", [("twenty", 20), ("thirty", 30)]),
        ("five–ten", [("five", 5), ("ten", 10)]),
        ("sixty fifteen", [("sixty", 60), ("fifteen", 15)]),
        ("sixty hundred", [("sixty", 60)]),  # as text2num; the bare "hundred" is then no number
        ("one hundred five hundred", [("one hundred five", 105)]),
        ("one million thousand", [("one million", 1_000_000)]),
        ("two thousand three thousand", [("two thousand three", 2003)]),  # longest valid prefix, as text2num
        ("zero eight", [("zero", 0), ("eight", 8)]),
        # "and" joins only after hundred or a scale
        ("one and two", [("one", 1), ("two", 2)]),
        ("fifty sixty thirty and eleven", [("fifty", 50), ("sixty", 60), ("thirty", 30), ("eleven", 11)]),
        # punctuation other than a hyphen/en dash ends a number
        ("two thousand, three hundred", [("two thousand", 2000), ("three hundred", 300)]),
        ("twenty-one, thirty-one.", [("twenty-one", 21), ("thirty-one", 31)]),
        ("one/two", [("one", 1), ("two", 2)]),
        ("twenty — one", [("twenty", 20), ("one", 1)]),
        # a number after a failed "a"
        ("a few hundred", []),
        ("a second", [("second", 2)]),
    ],
)
def test_splits(text: str, expected: list[tuple[str, float]]) -> None:
    wanted = [(covered, float(value)) for covered, value in expected]
    assert [(covered, value) for covered, value, _ in spans(text)] == wanted


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "someone",
        "anyone",
        "everyone",
        "no-one",
        "lonely",
        "often",
        "none",
        "attention",
        "tone stone bone gone done phone",
        "eighty_six",
        "oneself",
        "tens of samples",
        "hundreds of rocks",
        "thousands of images",
        "millions of years",
        "dozens of cores",
        "several hundred",
        "a few thousand",
        "hundred",
        "thousand",
        "half of the team",
        "a lot",
        "an hour",
        "and",
        "1,030",
        "2021",
        "3 fifths",
        ".5 million",
        "1,5 million",
        "0 million",
        "A5 million",
        "fifths",
        "hundredths",
        "seconds",
        "a hundredth",
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_number_words(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one of the samples", [("one", 1.0, False)]),  # the caller decides whether "one" counts
        ("someone saw one", [("one", 1.0, False)]),
        ("often ten", [("ten", 10.0, False)]),
        ("tenth, not often", [("tenth", 10.0, True)]),
        ("a one-off", [("one", 1.0, False)]),
        ("a five-year mission", [("five", 5.0, False)]),
        ("three fifths", [("three", 3.0, False)]),  # plural ordinals are fractions, not numbers
        ("1.5x million", []),
        ("sixty\u20113", [("sixty", 60.0, False)]),  # digits after a hyphen are not a unit word
    ],
)
def test_word_boundaries(text: str, expected: list[tuple[str, float, bool]]) -> None:
    assert spans(text) == expected


def test_offsets_allow_replacement() -> None:
    text = "It drove twenty-one kilometers, took fifty-seven images and one hundred and five samples over 1.5 million seconds."
    out = text
    for span in reversed(find_number_words(text)):
        value = int(span.value) if span.value.is_integer() else span.value
        out = out[: span.start] + str(value) + out[span.end :]
    assert out == "It drove 21 kilometers, took 57 images and 105 samples over 1500000 seconds."


def test_span_is_frozen_dataclass() -> None:
    span = find_number_words("seven")[0]
    assert span == NumberSpan(0, 5, 7.0, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.value = 8.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two thousand two hundred sixty-three", 2263.0),
        ("  Twenty-One Million  ", 21_000_000.0),
        ("three and a half", 3.5),
        ("a dozen", 12.0),
        ("twenty-first", 21.0),
        ("1.5 million", 1_500_000.0),
        ("zero", 0.0),
        ("two three", None),
        ("nineteen ninety", None),
        ("fifty-seven images", None),
        ("the seventh", None),
        ("dozens", None),
        ("", None),
        ("1,030", None),
        ("seven.", None),
    ],
)
def test_parse_number_words(words: str, value: float | None) -> None:
    assert parse_number_words(words) == value


def test_long_inputs_are_read_correctly() -> None:
    ones = "one " * 25_000
    found = find_number_words(ones)
    assert len(found) == 25_000
    assert all(s.value == 1.0 and ones[s.start : s.end] == "one" for s in found)
    assert found[-1].start == len(ones) - 4

    assert find_number_words(" " * 100_000) == []
    assert find_number_words("a " * 50_000) == []
    assert find_number_words("x" * 100_000) == []
    assert find_number_words("1," * 50_000) == []

    big = "nine hundred ninety-nine trillion, " * 3_000
    found = find_number_words(big)
    assert len(found) == 3_000
    assert {s.value for s in found} == {999e12}

    hyphens = "-".join(["twenty"] * 10_000)
    assert [s.value for s in find_number_words(hyphens)] == [20.0] * 10_000

    one_long = "one million " + "two hundred thousand " + "and five " + "word " * 20_000
    assert spans(one_long)[0] == ("one million two hundred thousand and five", 1_200_005.0, False)


def test_a_run_without_punctuation_splits_where_a_scale_cannot_follow() -> None:
    # "... trillion nine hundred ninety-nine" is one number; the next "trillion" cannot follow it.
    found = find_number_words("nine hundred ninety-nine trillion " * 4)
    assert [s.value for s in found] == [999_000_000_000_999.0, 999_000_000_000_999.0]
