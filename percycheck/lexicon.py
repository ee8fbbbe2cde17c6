"""English lexical knowledge from Princeton WordNet 3.0: base forms, synonyms, hypernyms, antonyms, derivations.

A fact supports a claim when the claim's words are the fact's words or follow from them: "landed" is "land",
a "helicopter" is an "aircraft", "succeed" is the verb of "success", and "ascend" contradicts "descend".
The data is a pruned WordNet committed as plain text (percycheck/lang/wordnet.txt, built by
tools/build_lexicon.py), so users never need WordNet installed. It is read once, on first use; its record
lines are sorted, so lookups binary-search the line list instead of building dictionaries at load time.

Words are matched case-insensitively; multi-word lemmas are written with spaces ("touch down").
A POS is "n", "v", "a" (adjectives, satellites included) or "r"; None means every POS.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple

__all__ = [
    "MAX_HYPERNYM_DEPTH",
    "MAX_SENSES",
    "POS_TAGS",
    "adjective_exceptions",
    "antonyms",
    "base_forms",
    "derivations",
    "entailment",
    "hypernym_ids",
    "is_hypernym",
    "multiword_lemmas",
    "opposite",
    "senses",
    "synonyms",
    "synset_lemmas",
    "verb_exceptions",
]

MAX_SENSES = 4
"""Senses per lemma and POS that count, most frequent first. The data keeps no more (see tools/build_lexicon.py):
rare senses make everything a synonym of everything ("land" is also "a country", "set" has 45 verb senses)."""

MAX_HYPERNYM_DEPTH = 10
"""Hypernym steps is_hypernym climbs. Deep enough for "vehicle" above "rover" (3 steps) or "craft" above
"helicopter"; it bounds the work, since every noun ends at "entity" within about 18 steps."""

ALSO_SEE_HOPS = 1
"""Also-see links followed from an adjective's cluster head when looking for indirect antonyms. One hop finds
"ancient" (a satellite of "past", also-see "nonmodern") opposite "modern"; more would drift to loose relatives."""

MORPHY_CACHE_SIZE = 8192
"""Distinct (word, POS) base-form lookups remembered; claims and facts reuse a small vocabulary."""

POS_TAGS = ("n", "v", "a", "r")
"""WordNet's parts of speech, in the order results for pos=None are merged."""

_DATA_FILE = "wordnet.txt"

_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
"""morphy(7)'s detachment rules: inflectional ending -> base ending, per POS."""

_SPACE_RE = re.compile(r"[\s_]+")


class _Synset(NamedTuple):
    """One parsed S record: member lemmas and the synset-level links lookups follow."""

    kind: str
    words: tuple[str, ...]
    hypernyms: tuple[int, ...]
    similar: tuple[int, ...]
    also: tuple[int, ...]
    antonyms: tuple[tuple[str, str], ...]  # (source word, target word)


class _Data(NamedTuple):
    """The data file's text, where its sorted records start, and the width of the zero-padded synset ids."""

    text: str
    start: int
    id_width: int


@cache
def _data() -> _Data:
    """Read the lexicon once per process: one read and one decode; records are found by binary search in the text."""
    text = files("percycheck").joinpath("lang").joinpath(_DATA_FILE).read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    first_s = _seek(text, start, "S ")
    return _Data(text, start, text.index(" ", first_s + 2) - first_s - 2)


def _seek(text: str, lo: int, key: str) -> int:
    """Offset of the first line at or after `lo` that sorts at or after `key` (like look(1) on a sorted file)."""
    hi = len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        ls = text.rfind("\n", lo, mid) + 1 or lo
        le = text.find("\n", ls)
        if text[ls:le] < key:
            lo = le + 1
        else:
            hi = ls
    return lo


def _records(prefix: str) -> Iterator[str]:
    """Record lines starting with `prefix` (contiguous, because the file is sorted)."""
    d = _data()
    text, pos = d.text, _seek(d.text, d.start, prefix)
    while text.startswith(prefix, pos):
        end = text.index("\n", pos)
        yield text[pos:end]
        pos = end + 1


def _ints(field: str) -> tuple[int, ...]:
    return () if field == "-" else tuple(int(x) for x in field.split(","))


def _strs(field: str) -> tuple[str, ...]:
    return () if field == "-" else tuple(field.split(","))


@lru_cache(maxsize=65536)
def _synset(sid: int) -> _Synset:
    if sid < 0:
        raise KeyError(sid)
    line = next(_records(f"S {sid:0{_data().id_width}d} "), None)
    if line is None:
        raise KeyError(sid)
    _, _, kind, words, hyp, sim, also, ants = line.split(" ")
    pairs = tuple((a.partition(">")[0], a.partition(":")[2]) for a in _strs(ants))
    return _Synset(kind, _strs(words), _ints(hyp), _ints(sim), _ints(also), pairs)


@lru_cache(maxsize=65536)
def _lemma(key: str) -> tuple[tuple[str, tuple[int, ...], tuple[str, ...]], ...]:
    """(pos, sense ids, related lemmas) for each POS of a normalised lemma."""
    out = []
    for line in _records(f"L {key} "):
        _, _, pos, ids, rel = line.split(" ")
        out.append((pos, _ints(ids), _strs(rel)))
    return tuple(out)


def _norm(word: str) -> str:
    """The data's spelling of a word: lower case, words joined with "_"."""
    return _SPACE_RE.sub("_", word.strip().lower())


def _show(key: str) -> str:
    return key.replace("_", " ")


def _poses(pos: str | None) -> tuple[str, ...]:
    if pos is None:
        return POS_TAGS
    if pos not in POS_TAGS:
        raise ValueError(f"pos must be one of {POS_TAGS} or None, not {pos!r}")
    return (pos,)


def _is_lemma(key: str, pos: str) -> bool:
    return any(p == pos for p, _, _ in _lemma(key))


def _exceptions(key: str, pos: str) -> tuple[str, ...]:
    for line in _records(f"X {key} {pos} "):
        return tuple(line.split(" ")[3].split(","))
    return ()


def _detach(word: str, pos: str) -> list[str]:
    """Candidate bases of one word by exception list and detachment rules, not yet checked against the lexicon."""
    out = list(_exceptions(word, pos))
    if pos == "n" and word.endswith("ful") and len(word) > 3:
        # morphy: "boxesful" -> "boxful"
        return out + [b + "ful" for b in _detach(word[:-3], pos)]
    if pos == "n" and (word.endswith("ss") or len(word) <= 2):
        return out
    for suffix, ending in _RULES[pos]:
        if word.endswith(suffix) and len(word) > len(suffix):
            out.append(word[: -len(suffix)] + ending)
    return out


@lru_cache(maxsize=MORPHY_CACHE_SIZE)
def _morphy(key: str, pos: str) -> tuple[str, ...]:
    """WordNet morphy on a normalised word: the word itself, exceptions, then detachment, kept if a lemma.

    A multi-word lemma inflects on its first word ("touched_down") or its last ("space_shuttles")."""
    cands = [key, *_exceptions(key, pos)]
    parts = key.split("_")
    if len(parts) == 1:
        cands += _detach(key, pos)
    else:
        head, tail = parts[0], "_".join(parts[1:])
        cands += [f"{b}_{tail}" for b in _detach(head, pos)]
        init, last = "_".join(parts[:-1]), parts[-1]
        cands += [f"{init}_{b}" for b in _detach(last, pos)]
    return tuple(dict.fromkeys(c for c in cands if c and _is_lemma(c, pos)))


def _bases(word: str, pos: str | None) -> list[tuple[str, str]]:
    """(base form, POS) pairs of a word, normalised."""
    key = _norm(word)
    return [(b, p) for p in _poses(pos) for b in _morphy(key, p)]


def base_forms(word: str, pos: str | None = None) -> tuple[str, ...]:
    """The lemmas `word` can be an inflection of (WordNet morphy), POS by POS in POS_TAGS order.

    The word itself counts when it is a lemma: base_forms("landed") is ("land", "landed") since WordNet
    has the adjective "landed"; base_forms("landed", "v") is ("land",)."""
    return tuple(dict.fromkeys(_show(b) for b, _ in _bases(word, pos)))


def verb_exceptions(word: str) -> tuple[str, ...]:
    """Bases WordNet's verb exception list gives an irregular form ("drove" -> "drive"); () if none."""
    return tuple(_show(b) for b in _exceptions(_norm(word), "v"))


def adjective_exceptions(word: str) -> tuple[str, ...]:
    """Bases WordNet's adjective exception list gives an irregular form ("best" -> "good"); () if none."""
    return tuple(_show(b) for b in _exceptions(_norm(word), "a"))


def senses(lemma: str, pos: str | None, limit: int = MAX_SENSES) -> tuple[int, ...]:
    """Synset ids of a lemma (not inflected) in frequency order, at most `limit` per POS."""
    wanted = _poses(pos)
    return tuple(sid for p, ids, _ in _lemma(_norm(lemma)) if p in wanted for sid in ids[:limit])


def _sense_ids(word: str, pos: str | None) -> list[tuple[str, int]]:
    """(base form, synset id) for every frequent sense of every base form of `word`."""
    out = []
    for b, p in _bases(word, pos):
        out += [(b, sid) for sid in senses(b, p)]
    return out


def synset_lemmas(sid: int) -> tuple[str, ...]:
    """The lower-case lemmas of a synset id from senses(), in WordNet's order; for callers walking the graph."""
    return tuple(_show(w) for w in _synset(sid).words)


def hypernym_ids(sid: int) -> tuple[int, ...]:
    """The direct hypernyms of a synset id from senses(); for callers walking the graph themselves."""
    return _synset(sid).hypernyms


def synonyms(word: str, pos: str | None = None) -> frozenset[str]:
    """Other lemmas sharing one of the word's frequent senses; the word's own base forms are left out."""
    pairs = _sense_ids(word, pos)
    own = {b for b, _ in pairs}
    return frozenset(_show(w) for _, sid in pairs for w in _synset(sid).words if w not in own)


@lru_cache(maxsize=65536)
def _ancestors(sid: int) -> frozenset[int]:
    """Synsets strictly above `sid` within MAX_HYPERNYM_DEPTH hypernym steps."""
    seen: set[int] = set()
    layer = {sid}
    for _ in range(MAX_HYPERNYM_DEPTH):
        layer = {h for s in layer for h in _synset(s).hypernyms} - seen
        if not layer:
            break
        seen |= layer
    return frozenset(seen)


def is_hypernym(general: str, specific: str, pos: str | None = None) -> bool:
    """True when a frequent sense of `general` is a strict ancestor of a frequent sense of `specific`.

    Direction matters: a helicopter is an aircraft, not every aircraft a helicopter."""
    tops = {sid for _, sid in _sense_ids(general, pos)}
    if not tops:
        return False
    return any(tops & _ancestors(sid) for _, sid in _sense_ids(specific, pos))


def _heads(sid: int) -> set[int]:
    """An adjective sense's cluster heads: itself when it is one; else the heads it is similar to, widened by
    ALSO_SEE_HOPS also-see links (a satellite's own meaning is loose, so its head's neighbours are fair game)."""
    syn = _synset(sid)
    if syn.kind != "s":
        return {sid}
    heads = set(syn.similar)
    for _ in range(ALSO_SEE_HOPS):
        heads |= {a for h in heads for a in _synset(h).also}
    return heads


def antonyms(word: str, pos: str | None = None) -> frozenset[str]:
    """Antonyms of the word's frequent senses: WordNet's direct (word-to-word) ones, and for adjectives the
    indirect ones, i.e. the antonyms of the cluster head ("big" shares a head with "large": "small"; "ancient"
    is a satellite of "past", also-see "nonmodern": "present", "future", "modern")."""
    out: set[str] = set()
    for b, sid in _sense_ids(word, pos):
        syn = _synset(sid)
        out.update(t for s, t in syn.antonyms if s == b)
        if syn.kind in ("a", "s"):
            for h in _heads(sid):
                out.update(t for _, t in _synset(h).antonyms)
    return frozenset(_show(w) for w in out)


def derivations(word: str) -> frozenset[str]:
    """Lemmas derivationally related to the word's base forms ("land" - "landing"), across POS.

    Includes pertainyms ("quickly" - "quick"); links come from frequent senses and go both ways. One base form may
    be derived from another: derivations("landing") has "land"."""
    key = _norm(word)
    out = {r for b in dict.fromkeys(b for b, _ in _bases(word, None)) for _, _, rel in _lemma(b) for r in rel}
    return frozenset(_show(w) for w in out if w != key)


def multiword_lemmas(first_word: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word lemmas whose first word is `first_word` (a base form, not inflected), longest first,
    so a tokenizer can join "touch" + "down" into "touch down"."""
    key = _norm(first_word)
    if not key or "_" in key:
        return ()
    found = {tuple(line.split(" ", 2)[1].split("_")) for line in _records(f"L {key}_")}
    return tuple(sorted(found, key=lambda t: (-len(t), t)))


def entailment(claim_word: str, fact_word: str) -> str | None:
    """How the fact's word entails the claim's word: "same" (a shared base form), "synonym", "hypernym" (the claim
    word is more general), "derivation"; None otherwise. A more specific claim word is not entailed."""
    claim = set(base_forms(claim_word)) or {_show(_norm(claim_word))}
    fact = set(base_forms(fact_word)) or {_show(_norm(fact_word))}
    if claim & fact:
        return "same"
    if any(claim & synonyms(f) for f in fact):
        return "synonym"
    if is_hypernym(claim_word, fact_word):
        return "hypernym"
    if claim & derivations(fact_word):
        return "derivation"
    return None


def opposite(a: str, b: str) -> bool:
    """True when some base form of one word is an antonym of the other (either direction)."""
    return bool(antonyms(a) & set(base_forms(b))) or bool(antonyms(b) & set(base_forms(a)))


def _iter_lemmas() -> Iterable[tuple[str, str]]:
    """Every (lemma, POS) in the data; for tests and tools."""
    for line in _records("L "):
        _, lemma, pos, _ = line.split(" ", 3)
        yield _show(lemma), pos
