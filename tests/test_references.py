"""A leading "It" in a draft is checked as about the subject of the sentence before it."""

from __future__ import annotations

import pytest

from percycheck.api import check_claims, find_claims
from percycheck.models import Claim, Verdict
from percycheck.references import checked_text, resolve, restore


def _texts(draft: str) -> list[str]:
    return [checked_text(c) for c in find_claims(draft, None, markdown=False).claims]


def test_it_takes_the_subject_of_the_sentence_before() -> None:
    texts = _texts("Curiosity landed in Gale Crater in 2012. It was built at JPL.")
    assert texts[1] == "Curiosity was built at JPL."


def test_its_becomes_the_possessive() -> None:
    texts = _texts("The rover landed in Jezero Crater in 2021. Its mass is about 1,025 kilograms.")
    assert texts[1] == "The rover's mass is about 1,025 kilograms."


@pytest.mark.parametrize(
    "second",
    [
        "It was on July 30, 2020 that the rover launched.",
        "It will take the rover about seven months to reach Mars.",
        "It is expected to land on Feb. 18, 2021.",
    ],
)
def test_an_expletive_it_refers_to_nothing(second: str) -> None:
    texts = _texts(f"Perseverance launched from Florida in 2020. {second}")
    assert texts[1] == second


def test_lines_checked_one_a_line_stand_alone() -> None:
    claims = find_claims("Curiosity landed in 2012.\nIt was built at JPL.\n", None, lines=True).claims
    assert [c.referent for c in claims] == [None, None]


def test_a_pronoun_subject_breaks_the_chain() -> None:
    claims = resolve([Claim("They landed in 2021."), Claim("It was built at JPL.")])
    assert claims[1].referent is None


def test_a_false_it_sentence_about_another_rover_is_not_supported() -> None:
    """Checked alone, "It was built at JPL" matches Perseverance's fact; after a sentence about
    Curiosity it is about Curiosity, which the sources do not say was built at JPL."""
    draft = find_claims("Curiosity landed in Gale Crater in 2012. It was built at JPL.", None, markdown=False)
    result = check_claims(draft.claims)[1]
    assert result.verdict.verdict != "supported"
    assert result.verdict.claim == "It was built at JPL."
    assert "reading “It” as “Curiosity”" in result.verdict.reason


def test_a_wrong_value_after_it_is_reported_with_the_sentence_as_written() -> None:
    draft = find_claims("Perseverance landed in Jezero Crater in 2021. It weighs about 2,623 pounds.", None, markdown=False)
    result = check_claims(draft.claims)[1]
    assert result.verdict.verdict == "contradicted"
    assert result.verdict.claim == "It weighs about 2,623 pounds."
    assert result.verdict.suggestion is not None and result.verdict.suggestion.startswith("It weighs")


def test_restore_leaves_a_claim_without_referent_alone() -> None:
    verdict = Verdict("It landed.", "unknown", 0.1, "no fact covers this")
    assert restore(verdict, Claim("It landed.")) is verdict
