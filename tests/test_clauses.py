"""Decomposing a sentence into the claims it makes (percycheck/clauses.py)."""

from __future__ import annotations

import pytest

from percycheck.clauses import split_clauses, subject_words


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "Perseverance launched on July 30, 2020 and landed on Feb. 18, 2021.",
            ["Perseverance launched on July 30, 2020", "Perseverance landed on Feb. 18, 2021"],
        ),
        (
            "Michael Watkins directs JPL, and the panorama was stitched from six images.",
            ["Michael Watkins directs JPL", "the panorama was stitched from six images"],
        ),
        (
            "In its first year, Perseverance collected rock cores, tested an oxygen generator and deployed Ingenuity.",
            [
                "In its first year, Perseverance collected rock cores",
                "Perseverance tested an oxygen generator and deployed Ingenuity",
            ],
        ),
    ],
)
def test_a_sentence_with_several_predicates_makes_several_claims(sentence: str, parts: list[str]) -> None:
    assert split_clauses(sentence) == parts


@pytest.mark.parametrize(
    "sentence",
    [
        "NASA, ESA and JAXA are partners.",  # three subjects, one predicate
        "It sampled rock and regolith.",  # "and" joins two objects
        "The rover landed, rested and drove.",  # too short to be claims of their own
    ],
)
def test_a_conjunction_inside_one_predicate_does_not_split(sentence: str) -> None:
    assert split_clauses(sentence) == [sentence]


@pytest.mark.parametrize(
    ("sentence", "main", "aside"),
    [
        (
            "Perseverance also carries Ingenuity, the first helicopter to fly on another planet.",
            "Perseverance also carries Ingenuity",
            "Ingenuity is the first helicopter to fly on another planet",
        ),
        (
            "The goal is to look for signs of life in Jezero Crater, an area that once held a lake.",
            "The goal is to look for signs of life in Jezero Crater",
            "Jezero Crater is an area that once held a lake",
        ),
    ],
)
def test_a_description_after_a_final_name_is_a_claim_about_the_name(sentence: str, main: str, aside: str) -> None:
    assert split_clauses(sentence) == [main, aside]


def test_a_short_trailing_description_stays_in_place() -> None:
    assert split_clauses("It landed near Jezero, the target.") == ["It landed near Jezero, the target."]


def test_an_opening_phrase_is_not_a_noun_with_an_appositive() -> None:
    parts = split_clauses("In its first year, Perseverance collected the first rock cores, a record.")
    assert all(not p.startswith("In its first year is") for p in parts)


@pytest.mark.parametrize(
    ("clause", "subject"),
    [
        ("Perseverance landed in Jezero", "Perseverance"),
        ("In its first year, Perseverance collected rock cores", "Perseverance"),
        ("The HiRISE camera is run by the University of Arizona", "The HiRISE camera"),
    ],
)
def test_the_subject_is_what_comes_before_the_verb(clause: str, subject: str) -> None:
    assert subject_words(clause) == subject
