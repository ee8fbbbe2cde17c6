"""The engine's language data (percycheck/lang/*.txt), tested the way codespell tests its dictionaries.

Each list must parse, keep its entries apart from the other lists, hold only what WordNet lacks,
and serve the sources rather than one sentence of a test set.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from percycheck import langdata, lexicon
from percycheck.facts import load_facts
from percycheck.words import (
    NEGATIONS,
    STOPWORDS,
    concept,
    irregular_base,
    is_superlative,
    join_phrases,
    negative_pole,
    polarity,
    rewrite_phrases,
    stem,
)

ROOT = Path(__file__).resolve().parents[1]
WORD_LISTS = ("stopwords.txt", "light-words.txt", "negations.txt", "superlatives.txt")
CLAIM_SETS = [
    *sorted((ROOT / "tests" / "data").glob("*.jsonl")),
    ROOT / "bench" / "claims-g.jsonl",
    ROOT.parent / "shared" / "devset.jsonl",
    ROOT.parent / "shared" / "realdev.jsonl",
]


@cache
def _sources() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*.txt"))]
    return " ".join(texts).lower().replace("’", "'")


@cache
def _claims() -> str:
    texts = [path.read_text(encoding="utf-8") for path in CLAIM_SETS if path.exists()]
    lines = [json.loads(line)["claim"] for text in texts for line in text.splitlines() if line.strip()]
    return " ".join(lines).lower().replace("’", "'")


def _occurs(phrase: str, text: str) -> bool:
    return re.search(r"\b" + re.escape(phrase) + r"\b", text) is not None


def _in_sources(phrase: str) -> bool:
    """Does the phrase occur in the sources, in any tense of "be" ("was part of" as "is part of")?"""
    be = "(?:is|are|was|were)"
    words = [be if w in ("is", "are", "was", "were") else re.escape(w) for w in phrase.split()]
    return re.search(r"\b" + r"\s+".join(words) + r"\b", _sources()) is not None


@cache
def _source_bases() -> frozenset[str]:
    """Every source word with its stem and WordNet base forms."""
    words = set(re.findall(r"[a-z][a-z'-]*", _sources()))
    return frozenset(words | {stem(w) for w in words} | {b for w in words for b in lexicon.base_forms(w)})


def _subject_names() -> set[str]:
    """Names and aliases of every entity a fact is about, lower-cased."""
    base = load_facts(ROOT / "facts.yaml")
    subjects = {fact.subject for fact in base.facts}
    names: set[str] = set()
    for entity_id in subjects:
        entity = base.entities[entity_id]
        names.update(n.lower() for n in (entity.name, *entity.aliases))
    return names


def _members() -> list[tuple[str, str]]:
    """(head, member) for every synonym group, the head included as its own member."""
    return [(group[0], word) for group in langdata.groups("synonyms.txt") for word in group]


def _attested(word: str) -> bool:
    """A WordNet lemma, or a word the sources use: general English or the sources' own."""
    return bool(lexicon.base_forms(word)) or _in_sources(word)


# --------------------------------------------------------------------------- every file


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_lists_have_no_duplicates_and_are_lower_case(name: str) -> None:
    words = [w for line in langdata.lines(name) for w in line.split()]
    assert words, name
    assert [w for w, n in Counter(words).items() if n > 1] == []
    assert [w for w in words if w != w.lower()] == []


@pytest.mark.parametrize("name", ["synonyms.txt", "negative-poles.txt"])
def test_group_files_parse_into_heads_and_members(name: str) -> None:
    for group in langdata.groups(name):
        assert len(group) >= 2, group
        assert all(w and w == w.lower() for w in group), group


def test_constructions_parse_into_phrase_and_replacement() -> None:
    for phrase, replacement in langdata.rewrites("constructions.txt"):
        assert phrase and replacement and phrase != replacement


# --------------------------------------------------------------------------- synonym groups


def test_no_word_is_in_two_synonym_groups() -> None:
    counts = Counter(member for _, member in _members())
    assert [w for w, n in counts.items() if n > 1] == []


def test_no_stop_word_or_negation_is_in_a_synonym_group() -> None:
    assert [m for _, m in _members() if m in STOPWORDS or m in NEGATIONS] == []


def test_no_synonym_entry_names_a_fact_subject() -> None:
    names = _subject_names()
    assert [m for _, m in _members() if m in names] == []


def test_every_synonym_entry_is_english_or_from_the_sources() -> None:
    assert [m for _, m in _members() if not _attested(m)] == []


def test_no_synonym_entry_occurs_only_in_a_test_claim() -> None:
    """A member no source uses and WordNet does not know could only come from a test sentence."""
    fitted = [m for _, m in _members() if _occurs(m, _claims()) and not _attested(m)]
    assert fitted == []


def test_synonym_groups_hold_only_what_wordnet_lacks() -> None:
    """A member WordNet already equates with its head (same lemma, synonym, derivation) is deleted.
    A kind of the head stays: WordNet has "touch down" as a kind of landing, one way only."""
    equal = ("same", "synonym", "derivation")
    covered = [
        (head, m)
        for head, m in _members()
        if m != head and (lexicon.entailment(m, head) in equal or lexicon.entailment(head, m) in equal)
    ]
    assert covered == []


def test_every_synonym_group_serves_the_sources() -> None:
    """Each group's concept is one the sources use, through its head or a member."""
    used = _source_bases()
    unused = [g[0] for g in langdata.groups("synonyms.txt") if not any({w, stem(w), *lexicon.base_forms(w)} & used for w in g)]
    assert unused == []


# --------------------------------------------------------------------------- constructions


def test_constructions_add_no_content_or_come_from_the_sources() -> None:
    """A construction is grammar (its replacement adds no content word the phrase lacks) or a
    phrasing the sources themselves use; never a paraphrase fitted to one test claim."""

    def content(text: str) -> set[str]:
        return {stem(w) for w in re.findall(r"[a-z]+", text) if w not in STOPWORDS and w not in NEGATIONS}

    fitted = [
        (phrase, replacement)
        for phrase, replacement in langdata.rewrites("constructions.txt")
        if not content(replacement) <= content(phrase) | {concept(w) for w in content(phrase)} and not _in_sources(phrase)
    ]
    assert fitted == []


def test_negative_poles_are_english_and_not_derivable() -> None:
    """Each listed negative pole is a WordNet lemma or a source word; what the prefix rule derives
    from WordNet's antonyms ("unsuccessful") is not listed again."""
    poles = langdata.mapping("negative-poles.txt")
    assert [w for w in poles if not _attested(w)] == []
    derivable = [w for w in poles if any(w.startswith(p) and w[len(p) :] in lexicon.antonyms(w) for p in ("un", "in", "im"))]
    assert derivable == []


def test_listed_superlatives_are_not_derived_by_morphology() -> None:
    listed = langdata.word_set("superlatives.txt")
    derived = [w for w in listed if w.endswith("est") and not lexicon.senses(w, "a") and lexicon.base_forms(w, "a")]
    assert derived == []


# --------------------------------------------------------------------------- behaviour


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("the rover touched down on mars", "touch_down"),
        ("it lifted off from florida", "lift_off"),
        ("the module came to rest", "come_to_rest"),
        ("they will look for signs", "look_for"),
    ],
)
def test_phrasal_verbs_become_one_token(text: str, joined: str) -> None:
    assert joined in join_phrases(text).split()


@pytest.mark.parametrize(
    "text",
    [
        "it was on july 30",  # the copula and a preposition, not "be on"
        "the robotic arm",  # a noun compound keeps its words
        "at least two months",  # WordNet's one-word synonym ("leastways") says no more
        "of course",  # and "course" would be a topic the phrase is not about
    ],
)
def test_other_word_sequences_are_left_alone(text: str) -> None:
    assert join_phrases(text) == text


def test_an_adverbial_phrase_becomes_its_function_word() -> None:
    assert join_phrases("its climate as well") == "its climate too"


def test_constructions_apply_before_phrases_are_joined() -> None:
    assert rewrite_phrases("It has yet to touch down") == "it has not touch_down"


@pytest.mark.parametrize(("form", "base"), [("drove", "drive"), ("built", "build"), ("took", "take"), ("flew", "fly")])
def test_irregular_verbs_come_from_wordnet_exceptions(form: str, base: str) -> None:
    assert irregular_base(form) == base


@pytest.mark.parametrize("word", ["ground", "found", "bore"])
def test_a_form_that_is_a_verb_of_its_own_keeps_its_meaning(word: str) -> None:
    assert irregular_base(word) == word


@pytest.mark.parametrize("word", ["largest", "best", "fewest", "biggest", "earliest", "most"])
def test_superlatives_are_recognised(word: str) -> None:
    assert is_superlative(word)


@pytest.mark.parametrize("word", ["modest", "forest", "honest", "interest", "west", "test"])
def test_words_ending_in_est_are_not_all_superlatives(word: str) -> None:
    assert not is_superlative(word)


@pytest.mark.parametrize(("word", "positive"), [("unsuccessful", "successful"), ("inactive", "active"), ("failure", "success")])
def test_negative_poles_name_their_positive_concept(word: str, positive: str) -> None:
    pole = negative_pole(word)
    assert pole is not None and concept(pole) == concept(positive)


@pytest.mark.parametrize("word", ["unlike", "under", "united", "interest"])
def test_words_that_merely_start_like_a_negation_are_not_negative(word: str) -> None:
    assert negative_pole(word) is None


def test_a_negative_pole_flips_polarity_and_a_preposition_does_not() -> None:
    assert polarity("The landing was unsuccessful") == -1
    assert polarity("Unlike past rovers, it takes color images") == 1
