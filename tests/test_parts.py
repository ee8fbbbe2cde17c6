"""A sentence that makes several claims is judged part by part and reported at the deciding part."""

from __future__ import annotations

from percycheck.api import check_claims, find_claims, part_location
from percycheck.models import Claim, Location

DRAFT = "# Notes\n\nPerseverance launched on July 30, 2020 from Florida and\nlanded on **Feb. 19, 2021** in Jezero Crater.\n"


def _only_result(draft: str, path: str = "notes.md"):  # type: ignore[no-untyped-def]
    (result,) = check_claims(find_claims(draft, path).claims)
    return result


def test_a_contradicted_part_is_reported_where_it_starts() -> None:
    result = _only_result(DRAFT)
    assert result.verdict.verdict == "contradicted"
    assert result.location == Location("notes.md", 4, 1)
    assert result.verdict.part is not None and "landed on Feb. 19, 2021" in result.verdict.part


def test_a_part_suggestion_is_a_suggestion_for_the_whole_sentence() -> None:
    result = _only_result(DRAFT)
    assert result.verdict.suggestion == (
        "Perseverance launched on July 30, 2020 from Florida and landed on February 18, 2021 in Jezero Crater."
    )


def test_a_sentence_judged_whole_keeps_its_own_location() -> None:
    result = _only_result("Intro.\n\nPerseverance landed on Feb. 19, 2021.\n", "notes.txt")
    assert result.verdict.part is None
    assert result.location == Location("notes.txt", 3, 1)


def test_a_part_that_cannot_be_found_leaves_the_sentence_location() -> None:
    claim = Claim("It landed.", Location("x.md", 2, 3), source="x\n  It landed.\n")
    assert part_location(claim, "something never written here") == Location("x.md", 2, 3)


def test_words_the_splitter_supplied_are_skipped_when_placing_a_part() -> None:
    sentence = "The rover launched in July and then landed in Jezero on Feb. 19, 2021."
    claim = Claim(sentence, Location("d.txt", 2, 1), source=f"Intro line.\n{sentence}\n")
    column = sentence.index("landed") + 1
    assert part_location(claim, "The rover landed in Jezero on Feb. 19, 2021") == Location("d.txt", 2, column)
