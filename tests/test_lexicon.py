"""The WordNet-derived lexicon: reproducible build, licence, data-file hygiene and behaviour."""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from importlib.resources import files
from pathlib import Path

import pytest

from percycheck import lexicon as lex

ROOT = Path(__file__).resolve().parents[1]
WORDNET = Path("/usr/share/wordnet")
COPYRIGHT = Path("/usr/share/doc/wordnet-base/copyright")
LANG = files("percycheck").joinpath("lang")

LINE_RE = {
    "L": re.compile(r"L [a-z0-9._'/-]+(?:_[a-z0-9._'/-]+)* [nvar] \d+(?:,\d+)* (?:-|[^ ,]+(?:,[^ ,]+)*)"),
    "S": re.compile(
        r"S \d+ [nvasr] (?:-|[^ ,]+(?:,[^ ,]+)*)"  # id, type, words
        r"(?: (?:-|\d+(?:,\d+)*)){3}"  # hypernyms, similar, also-see
        r" (?:-|[^ ,>]+>\d+:[^ ,>]+(?:,[^ ,>]+>\d+:[^ ,>]+)*)"  # antonyms
    ),
    "X": re.compile(r"X [^ ]+ [nvar] [^ ,]+(?:,[^ ,]+)*"),
}


@cache
def _text() -> str:
    return LANG.joinpath("wordnet.txt").read_text(encoding="utf-8")


@cache
def _parsed() -> tuple[list[str], list[str]]:
    """(header lines, record lines)."""
    lines = _text().split("\n")
    assert lines[-1] == "", "file ends with a newline"
    lines.pop()
    header = [x for x in lines if x.startswith("#")]
    assert lines[: len(header)] == header, "comments only at the top"
    return header, lines[len(header) :]


@cache
def _tables() -> tuple[dict[tuple[str, str], list[int]], list[list[str]], set[str]]:
    """(lemma, pos) -> senses; synset records split into fields; all lemmas."""
    lemmas: dict[tuple[str, str], list[int]] = {}
    synsets: list[list[str]] = []
    for line in _parsed()[1]:
        f = line.split(" ")
        if f[0] == "L":
            lemmas[(f[1], f[2])] = [int(x) for x in f[3].split(",")]
        elif f[0] == "S":
            synsets.append(f)
    return lemmas, synsets, {lemma for lemma, _ in lemmas}


# --- build ---------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not (WORDNET / "data.noun").exists(), reason="WordNet 3.0 is not installed at /usr/share/wordnet")
def test_build_is_reproducible_byte_for_byte(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_lexicon.py"), "--wordnet", str(WORDNET), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "wordnet.txt").read_bytes() == LANG.joinpath("wordnet.txt").read_bytes(), (
        "percycheck/lang/wordnet.txt is stale or the build is not deterministic: rerun tools/build_lexicon.py"
    )
    if COPYRIGHT.exists():
        assert (tmp_path / "WORDNET-LICENSE.txt").read_bytes() == LANG.joinpath("WORDNET-LICENSE.txt").read_bytes()


def test_licence_ships_next_to_the_data() -> None:
    notice = LANG.joinpath("WORDNET-LICENSE.txt").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in notice
    assert 'THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS"' in notice
    header, _ = _parsed()
    assert "Princeton WordNet 3.0" in header[0] and "WORDNET-LICENSE.txt" in header[0]
    assert any(re.search(r"inputs sha256 [0-9a-f]{64}$", h) for h in header)


# --- data-file hygiene ---------------------------------------------------------------------------------------


def test_records_are_sorted_and_unique() -> None:
    _, records = _parsed()
    assert records == sorted(records), "the loader binary-searches: records must be in Python string order"
    assert len(records) == len(set(records))
    keys = [" ".join(r.split(" ")[:3]) for r in records if r[0] in "LX"]
    assert len(keys) == len(set(keys)), "one record per (lemma, pos) and per (inflection, pos)"


def test_records_are_well_formed() -> None:
    _, records = _parsed()
    bad = [r for r in records if r[:1] not in LINE_RE or not LINE_RE[r[0]].fullmatch(r)]
    assert not bad, bad[:5]
    assert _text().isascii() or _text().encode("utf-8").decode("utf-8") == _text()


def test_synset_ids_are_dense_padded_and_every_reference_exists() -> None:
    lemmas, synsets, all_lemmas = _tables()
    width = len(synsets[0][1])
    assert [s[1] for s in synsets] == [f"{i:0{width}d}" for i in range(len(synsets))]
    n = len(synsets)
    for (lemma, pos), ids in lemmas.items():
        assert 1 <= len(ids) <= lex.MAX_SENSES, lemma
        for i in ids:
            assert 0 <= i < n, (lemma, i)
            s = synsets[i]
            assert lemma in s[3].split(","), f"{lemma} is not a member of its sense {i}"
            assert (s[2] in "as") if pos == "a" else s[2] == pos, (lemma, pos, s[2])
    for s in synsets:
        for field in s[4:7]:
            if field != "-":
                assert all(0 <= int(x) < n for x in field.split(",")), s
        if s[7] != "-":
            for ant in s[7].split(","):
                src, _, rest = ant.partition(">")
                tid, _, tgt = rest.partition(":")
                assert src in s[3].split(",") and tgt in synsets[int(tid)][3].split(","), ant
    for line in _parsed()[1]:
        f = line.split(" ")
        if f[0] == "L" and f[4] != "-":
            assert set(f[4].split(",")) <= all_lemmas, line
        if f[0] == "X":
            assert all((b, f[2]) in lemmas for b in f[3].split(",")), line


def test_only_lower_case_lemmas_and_no_instances() -> None:
    _, synsets, all_lemmas = _tables()
    assert all(x == x.lower() for x in all_lemmas)
    assert all(s[3] == s[3].lower() for s in synsets)
    assert ("mars", "n") not in _tables()[0], "proper names are pruned"
    assert not lex.senses("einstein", None), "instance synsets are pruned"


def test_hypernym_graph_has_no_cycles() -> None:
    _, synsets, _ = _tables()
    hyper = [[int(x) for x in s[4].split(",")] if s[4] != "-" else [] for s in synsets]
    state = [0] * len(hyper)  # 0 new, 1 on stack, 2 done
    for root in range(len(hyper)):
        stack = [(root, iter(hyper[root]))]
        if state[root]:
            continue
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            else:
                assert state[nxt] != 1, f"cycle through synset {nxt}"
                if state[nxt] == 0:
                    state[nxt] = 1
                    stack.append((nxt, iter(hyper[nxt])))


def test_binary_search_reaches_the_first_and_last_records() -> None:
    _, records = _parsed()
    first, last = records[0], records[-1]
    assert next(lex._records(" ".join(first.split(" ")[:3]) + " ")) == first
    assert next(lex._records(" ".join(last.split(" ")[:3]) + " ")) == last
    assert next(lex._records("L zzzzzz "), None) is None
    assert list(lex._iter_lemmas())[0][0] == first.split(" ")[1].replace("_", " ")


# --- behaviour -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "pos", "expected"),
    [
        ("flew", None, ("fly",)),
        ("flew", "v", ("fly",)),
        ("landed", "v", ("land",)),
        ("mice", None, ("mouse",)),
        ("geese", "n", ("goose",)),
        ("went", None, ("go",)),
        ("rovers", None, ("rover",)),
        ("boxes", "n", ("box",)),
        ("touched down", None, ("touch down",)),
        ("Touched  Down", "v", ("touch down",)),
        ("touched_down", "v", ("touch down",)),
        ("came to rest", "v", ("come to rest",)),
        ("space shuttles", "n", ("space shuttle",)),
        ("lifted off", "v", ("lift off",)),
        ("boxesful", "n", ("boxful",)),
        ("qwzxv", None, ()),
        ("glass", "n", ("glass",)),  # nouns in -ss keep their s
    ],
)
def test_base_forms(word: str, pos: str | None, expected: tuple[str, ...]) -> None:
    assert lex.base_forms(word, pos) == expected


def test_base_forms_keeps_a_word_that_is_itself_a_lemma() -> None:
    assert lex.base_forms("landed") == ("land", "landed")  # verb "land", adjective "landed" (landed gentry)
    assert lex.base_forms("landing") == ("landing", "land")
    assert lex.base_forms("LANDS") == ("land",)
    with pytest.raises(ValueError):
        lex.base_forms("land", "x")


def test_senses_are_limited_and_in_frequency_order() -> None:
    land = lex.senses("land", "v")
    assert len(land) == lex.MAX_SENSES
    assert lex.senses("land", "v", limit=1) == land[:1]
    assert lex.senses("land", None)[: len(lex.senses("land", "n"))] == lex.senses("land", "n")
    assert lex.senses("touch down", "v") and lex.senses("Touch_Down", "v") == lex.senses("touch down", "v")
    assert lex.senses("landed", "v") == (), "senses() takes lemmas, not inflections"


def test_synset_graph_accessors() -> None:
    (sid,) = lex.senses("touch down", "v")
    assert lex.synset_lemmas(sid) == ("touch down",)
    assert any("land" in lex.synset_lemmas(h) for h in lex.hypernym_ids(sid))
    with pytest.raises(KeyError):
        lex.synset_lemmas(10**7)


def test_synonyms() -> None:
    assert {"automobile", "auto", "motorcar"} <= lex.synonyms("car")
    assert {"stop", "halt"} <= lex.synonyms("came to rest")
    assert "launching" in lex.synonyms("launch", "n")
    assert "car" not in lex.synonyms("car") and "cars" not in lex.synonyms("cars")
    assert "automobile" in lex.synonyms("cars")
    assert not lex.synonyms("qwzxv")
    assert "banana" not in lex.synonyms("rover")


@pytest.mark.parametrize(
    ("general", "specific"),
    [("vehicle", "rover"), ("aircraft", "helicopter"), ("craft", "helicopter"), ("vehicle", "car"), ("land", "touch down")],
)
def test_is_hypernym_has_a_direction(general: str, specific: str) -> None:
    assert lex.is_hypernym(general, specific)
    assert not lex.is_hypernym(specific, general)


def test_is_hypernym_negatives() -> None:
    assert not lex.is_hypernym("rover", "rover"), "strict: a word is not its own hypernym"
    assert not lex.is_hypernym("banana", "rover")
    assert not lex.is_hypernym("aircraft", "rover")
    assert not lex.is_hypernym("vehicle", "qwzxv") and not lex.is_hypernym("qwzxv", "rover")
    assert lex.is_hypernym("vehicles", "helicopters", "n") and not lex.is_hypernym("vehicle", "helicopter", "v")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("north", "south"),
        ("first", "last"),
        ("success", "failure"),
        ("successful", "unsuccessful"),
        ("most", "least"),
        ("ascend", "descend"),
        ("big", "small"),  # indirect: "big" shares its cluster head with "large"
    ],
)
def test_antonyms(a: str, b: str) -> None:
    assert b in lex.antonyms(a)
    assert a in lex.antonyms(b)


def test_indirect_antonyms_through_similar_to_heads() -> None:
    assert "modern" in lex.antonyms("ancient")  # satellite of "past", also-see "nonmodern", antonym "modern"
    assert "new" in lex.antonyms("ancient")
    assert "modern" not in lex.antonyms("ancient", "n")


def test_antonym_negatives() -> None:
    assert not lex.antonyms("rover")
    assert "big" not in lex.antonyms("large")
    assert not lex.antonyms("qwzxv")


def test_derivations() -> None:
    assert "landing" in lex.derivations("land")
    assert "land" in lex.derivations("landing")
    assert {"landing", "lander"} <= lex.derivations("landed")  # of the base form "land"
    assert "launcher" in lex.derivations("launch")
    assert "quick" in lex.derivations("quickly")  # pertainym
    assert "touchdown" in lex.derivations("touched down")
    assert "land" not in lex.derivations("land")
    assert not lex.derivations("qwzxv")


def test_multiword_lemmas() -> None:
    touch = lex.multiword_lemmas("touch")
    assert ("touch", "down") in touch
    assert [len(t) for t in touch] == sorted((len(t) for t in touch), reverse=True), "longest first"
    assert ("lift", "off") in lex.multiword_lemmas("Lift")
    assert ("set", "off") in lex.multiword_lemmas("set")
    assert ("come", "to", "rest") in lex.multiword_lemmas("come")
    assert all(t[0] == "touch" and len(t) > 1 for t in touch)
    assert lex.multiword_lemmas("touched") == ()
    assert lex.multiword_lemmas("") == ()


@pytest.mark.parametrize(
    ("claim", "fact", "kind"),
    [
        ("land", "landed", "same"),
        ("Landing", "landings", "same"),
        ("stop", "came to rest", "synonym"),
        ("automobile", "car", "synonym"),
        ("vehicle", "rover", "hypernym"),
        ("aircraft", "helicopter", "hypernym"),
        ("land", "touched down", "hypernym"),
        ("lander", "landed", "derivation"),
        ("touchdown", "touched down", "derivation"),
        ("rover", "vehicle", None),  # a more specific claim word is not entailed
        ("helicopter", "aircraft", None),
        ("touch down", "land", None),
        ("banana", "rover", None),
        ("qwzxv", "rover", None),
    ],
)
def test_entailment(claim: str, fact: str, kind: str | None) -> None:
    assert lex.entailment(claim, fact) == kind


def test_entailment_of_unknown_words_is_by_spelling() -> None:
    assert lex.entailment("Qwzxv", "qwzxv") == "same"


def test_opposite() -> None:
    assert lex.opposite("ascended", "descend")
    assert lex.opposite("descending", "ascends")
    assert lex.opposite("ancient", "modern") and lex.opposite("modern", "ancient")
    assert lex.opposite("successful", "unsuccessful")
    assert lex.opposite("first", "last")
    assert not lex.opposite("land", "rover")
    assert not lex.opposite("ascend", "ascend")
    assert not lex.opposite("large", "big")
