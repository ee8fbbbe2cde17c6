"""Tests for percycheck.grammar: the plurals and articles of the words percycheck writes."""

from __future__ import annotations

import pytest

from percycheck.grammar import indefinite_article, plural, replace_value, with_count


@pytest.mark.parametrize(
    ("noun", "many"),
    [
        ("wheel", "wheels"),
        ("individual image", "individual images"),
        ("Hazard Camera", "Hazard Cameras"),
        ("battery", "batteries"),
        ("box", "boxes"),
        ("orbiting spacecraft", "orbiting spacecraft"),
        ("colour images of Mars", "colour images of Mars"),
        ("image of its kind of a rover", "images of its kind of a rover"),
        ("successful samples the rover collected", "successful samples the rover collected"),
        ("foot", "feet"),
    ],
)
def test_plural(noun: str, many: str) -> None:
    assert plural(noun) == many


def test_with_count_agrees_with_the_number_written() -> None:
    assert with_count("6", "wheel") == "6 wheels"
    assert with_count("1", "wheel") == "1 wheel"
    assert with_count("1.5", "day") == "1.5 days"
    assert with_count("1–2", "month") == "1–2 months"


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        ("Atlas V", "an"),
        ("Falcon 9", "a"),
        ("Ingenuity helicopter", "an"),
        ("European rover", "a"),
        ("one-year mission", "a"),
        ("hour", "an"),
        ("NASA rover", "a"),
        ("ESA orbiter", "an"),
        ("MRO image", "an"),
        ("JPL team", "a"),
        ("X-ray", "an"),
        ("8-wheeled rover", "an"),
        ("18-month trip", "an"),
        ("1,050-foot drive", "a"),
        ("unicorn", "a"),
        ("umbrella", "an"),
    ],
)
def test_indefinite_article(phrase: str, article: str) -> None:
    assert indefinite_article(phrase) == article


def test_replace_value_fixes_the_article_before_it() -> None:
    text = "Perseverance launched aboard a Delta IV rocket."
    assert replace_value(text, "Delta IV rocket", "Atlas V") == "Perseverance launched aboard an Atlas V."
    assert replace_value("An Atlas V carried it.", "Atlas V", "Falcon 9") == "A Falcon 9 carried it."
    assert replace_value("It flew on the Atlas V.", "Atlas V", "Falcon 9") == "It flew on the Falcon 9."
    assert replace_value("No value here.", "Atlas V", "Falcon 9") == "No value here."
