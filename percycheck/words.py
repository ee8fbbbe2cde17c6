"""Word-level normalisation: tokens, stems, synonyms, negation and opposites.

Claims and facts are compared as bags of *concepts*: a word is lower-cased, stemmed and mapped
to the head of its synonym group, so "touched down", "landed" and "landing" meet. English comes
from two places: WordNet (``percycheck.lexicon``: phrasal verbs, irregular forms, antonyms,
superlatives) and the small data files of ``percycheck/lang`` for what WordNet lacks (stop words,
grammatical constructions, spaceflight synonyms), each tested in tests/test_lang_data.py.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from percycheck import langdata, lexicon

TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’\-_][A-Za-z0-9\u00C0-\u024F]+)*")

STOPWORDS = langdata.word_set("stopwords.txt")
"""Words that carry no topic (lang/stopwords.txt). Negation words are deliberately absent."""

LIGHT_WORDS = langdata.word_set("light-words.txt")
"""Lemmas that present a statement without adding anything to check ("seen here", "finally")."""

NEGATIONS = langdata.word_set("negations.txt")

NEGATION_IDIOMS_RE = re.compile(
    r"\b(?:not|n't|never)\s+(?:\w+\s+){0,4}?(?:until|till|before|for at least|for another|for more than)\b"
    r"|\bno\s+(?:\w+\s+){0,2}?(?:before|else|other|prior)\b(?=.*\b(?:as many|as much|more|as far|as long)\b)"
)
"""'Wasn't dropped off until / for at least two months' asserts a delay, not a denial."""

NEGATION_IDIOMS = langdata.lines("positive-negations.txt")
"""Phrases that contain a negation word but assert something positive."""

NEGATIVE_POLES = langdata.mapping("negative-poles.txt")
"""Words naming a concept's negative pole with no negative prefix ("failure": "success")."""

CONSTRUCTIONS = langdata.rewrites("constructions.txt")
"""Grammatical constructions rewritten before tokenising ("has yet to" -> "has not")."""

SYNONYM_GROUPS = langdata.groups("synonyms.txt")
"""Synonyms WordNet lacks; each group's first word is the concept every member stands for."""

NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis")
"""Prefixes that may form a word's opposite ("unsuccessful", "impossible"); WordNet decides whether they do."""

PHRASE_JOINER = "_"
"""Joins the words of a phrasal verb into one token ("touched down" -> "touch_down")."""


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` with their start and end offsets."""
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@lru_cache(maxsize=16384)
def rewrite_phrases(text: str) -> str:
    """Lower-case ``text``, rewrite grammatical constructions and join phrasal verbs into one token."""
    low = text.lower().replace("’", "'")
    for phrase, replacement in CONSTRUCTIONS:
        if phrase in low:
            low = re.sub(r"\b" + re.escape(phrase) + r"\b", replacement, low)
    return join_phrases(low)


def join_phrases(text: str) -> str:
    """Join the words of WordNet's multi-word verbs and adverbs found in lower-case ``text``.

    A phrasal verb becomes one token at its base form ("touched down" -> "touch_down"), so it is
    compared as the one verb it is; its words still count too (engine/lexical.py keeps "arrive" in
    "arrive_at"). An adverbial phrase becomes a function word when WordNet gives one as its
    synonym ("as well" -> "also"); "at least" stays, since "leastways" says no more, and "of
    course" is not about a course. Nouns are left alone: a compound's words say what it is about
    ("robotic arm" is an arm).
    """
    words = tokens(text)
    out: list[str] = []
    at = 0
    i = 0
    while i < len(words):
        found = _phrase_at(tuple(w for w, _, _ in words[i : i + _MAX_PHRASE_WORDS]))
        if found is None:
            i += 1
            continue
        length, replacement = found
        out.append(text[at : words[i][1]])
        out.append(replacement)
        at = words[i + length - 1][2]
        i += length
    if not out:
        return text
    out.append(text[at:])
    return "".join(out)


_MAX_PHRASE_WORDS = 4
"""The longest phrase joined ("come to rest", "for the first time")."""


@lru_cache(maxsize=65536)
def _phrase_at(words: tuple[str, ...]) -> tuple[int, str] | None:
    """(words taken, replacement) for a multi-word verb or adverb starting ``words``, else None."""
    first = words[0]
    if not first.isalpha() or len(words) < 2:
        return None
    for base in dict.fromkeys((first, *lexicon.base_forms(first, "v"))):
        for phrase in _phrases_from(base):
            n = len(phrase)
            if words[1:n] != phrase[1:]:
                continue
            lemma = PHRASE_JOINER.join(phrase)
            # "was on" is the copula and a preposition, not the phrasal verb "be on"
            if base not in STOPWORDS and first not in STOPWORDS and lexicon.senses(lemma, "v"):
                return n, lemma
            if base == first:
                for sid in lexicon.senses(lemma, "r", limit=1):
                    single = [w for w in lexicon.synset_lemmas(sid) if w in STOPWORDS]
                    if single:
                        return n, single[0]
    return None


@lru_cache(maxsize=8192)
def _phrases_from(base: str) -> tuple[tuple[str, ...], ...]:
    return tuple(p for p in lexicon.multiword_lemmas(base) if len(p) <= _MAX_PHRASE_WORDS)


_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("isation", "ize"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("ements", "e"),
    ("ement", "e"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ities", "ity"),
    ("ingly", ""),
    ("edly", ""),
    ("ings", ""),
    ("ing", ""),
    ("ied", "y"),
    ("ies", "y"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripping stem: enough to meet "landed"/"lands"/"landing"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = irregular_base(w)
    if len(w) <= 3 or not w.isalpha():
        return w
    for suffix, repl in _SUFFIXES:
        if suffix == "ed" and w.endswith("eed"):
            continue  # succeed, exceed, proceed: the "ed" belongs to the stem
        if suffix in ("ied", "ies") and w.endswith(suffix) and len(w) - len(suffix) >= 2:
            return w[: -len(suffix)] + repl
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)] + repl
            if (
                suffix in ("ed", "ing", "ings", "edly", "ingly")
                and len(base) >= 4
                and base[-1] == base[-2]
                and base[-1] not in "sz"
            ):
                base = base[:-1]
            if suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                base = w[:-1]
            return _tidy(base)
    return _tidy(w)


def _tidy(base: str) -> str:
    """Final spelling fixes so both sides of a comparison meet: travell -> travel, space -> spac."""
    if len(base) > 4 and base.endswith("ll"):
        base = base[:-1]
    return base.rstrip("e") if len(base) > 4 else base


@lru_cache(maxsize=65536)
def irregular_base(word: str) -> str:
    """The base of an irregular verb form from WordNet's exception list ("drove" -> "drive").

    A form that is a verb of its own keeps its meaning ("ground" is not "grind")."""
    bases = lexicon.verb_exceptions(word)
    if not bases or lexicon.senses(word, "v"):
        return word
    return bases[0]


@cache
def synonym_heads() -> dict[str, str]:
    """Every synonym group member (and its stem) mapped to its group's concept. Built on first
    use, not at import: stemming reads WordNet's exception list, which need not load for
    ``--version``."""
    table: dict[str, str] = {}
    for group in SYNONYM_GROUPS:
        head = stem(group[0])
        for member in group:
            word = member.replace(" ", PHRASE_JOINER)
            table.setdefault(word, head)
            table.setdefault(stem(word), head)
    return table


@lru_cache(maxsize=65536)
def negative_pole(word: str) -> str | None:
    """The concept whose negative pole ``word`` names, or None: "failure" -> success, and any
    prefixed word WordNet lists as the antonym of its remainder ("unsuccessful", "impossible")."""
    low = word.lower()
    if low in NEGATIVE_POLES:
        return NEGATIVE_POLES[low]
    if low in STOPWORDS:
        return None  # "unlike X" compares; it does not deny
    for prefix in NEGATIVE_PREFIXES:
        rest = low[len(prefix) :]
        if low.startswith(prefix) and len(rest) >= 4 and rest in lexicon.antonyms(low):
            return concept(rest)
    return None


@lru_cache(maxsize=65536)
def is_superlative(word: str) -> bool:
    """Is ``word`` a superlative? "largest" (large + est) and "best" (WordNet's exception for good)
    are; "modest" and "forest" are words of their own."""
    low = word.lower()
    if low in _SUPERLATIVE_WORDS:
        return True
    if not low.endswith("est") or len(low) < 4:
        return False
    bases = [b for b in lexicon.base_forms(low, "a") if b != low]
    if not bases:
        return False
    # a lemma of its own is a superlative only by WordNet's exception list (best for good)
    return bool(lexicon.adjective_exceptions(low)) or not any(lexicon.senses(low, pos) for pos in ("n", "v", "a"))


_SUPERLATIVE_WORDS = langdata.word_set("superlatives.txt")


@lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """The concept a word stands for: its stem, mapped to its synonym group's head."""
    low = word.lower()
    low = negative_pole(low) or low
    heads = synonym_heads()
    if low in heads:
        return heads[low]
    s = stem(low)
    return heads.get(s, s)


def is_content(word: str) -> bool:
    """True for words that carry topic (not stop words, negations or bare numbers)."""
    w = word.lower().replace("’", "'")
    return w not in STOPWORDS and w not in NEGATIONS and not w.isdigit() and len(w) > 1


def polarity(text: str) -> int:
    """+1 or -1: the parity of negations and negative-pole words in ``text``.

    "was unsuccessful" and "did not succeed" are both -1; "succeeded" is +1.
    """
    low = rewrite_phrases(text)
    for idiom in NEGATION_IDIOMS:
        low = low.replace(idiom, " ")
    low = NEGATION_IDIOMS_RE.sub(" ", low)
    flips = 0
    for word, _, _ in tokens(low):
        if word in NEGATIONS or word.endswith("n't") or negative_pole(word):
            flips += 1
    return -1 if flips % 2 else 1
