"""Word keys for alignment: what a claim word is, and what a fact word entails.

A claim word is aligned with a fact when one of its keys is among the keys the fact entails.
A fact word entails its own lemmas, their synonyms, the more general words above them
(a rover is a vehicle) and their derivations (land, landing); never a more specific word.
The knowledge comes from the WordNet lexicon (``percycheck.lexicon``) and the small
spaceflight vocabulary of ``percycheck.words``.
"""

from __future__ import annotations

from functools import lru_cache

from percycheck import lexicon
from percycheck.engine import tuning
from percycheck.words import PHRASE_JOINER, concept, is_content, stem


@lru_cache(maxsize=65536)
def word_keys(word: str) -> frozenset[str]:
    """What a word is: its concept, its stem and its WordNet lemmas."""
    low = word.lower().replace("’", "'")
    keys = {concept(low), stem(low), low}
    keys.update(lexicon.base_forms(low))
    for part in _phrase_parts(low):
        keys |= word_keys(part)
    return frozenset(keys)


def _phrase_parts(word: str) -> list[str]:
    """The content words of a joined phrasal verb ("arrive_at" -> "arrive"): a phrase keeps the
    meanings of its words as well as its own, since the literal reading may be the one meant."""
    if PHRASE_JOINER not in word:
        return []
    return [part for part in word.split(PHRASE_JOINER) if is_content(part)]


@lru_cache(maxsize=65536)
def implied_keys(word: str) -> frozenset[str]:
    """Every key a fact word entails: itself, synonyms, more general words and derivations.

    Senses are restricted to the word's most frequent ones (WordNet lists senses by frequency):
    "relieved" has a rare sense shared with "drop", which no reader means.
    """
    keys = set(word_keys(word))
    for base in lexicon.base_forms(word.lower()):
        keys.update(_related_lemmas(base))
        # synonyms also stand for their concept, but more general words only as themselves:
        # "relieved" is a kind of "free" (discharge), and the group that makes "free" a "drop"
        # means another sense
        keys.update(concept(w) for w in _synonym_lemmas(base))
    for part in _phrase_parts(word.lower()):
        keys |= implied_keys(part)
    return frozenset(keys)


@lru_cache(maxsize=65536)
def _synonym_lemmas(base: str) -> frozenset[str]:
    """The lemma, its derivations and the synonyms of its frequent senses."""
    found: set[str] = {base, *lexicon.derivations(base)}
    for pos in lexicon.POS_TAGS:
        for sid in lexicon.senses(base, pos, limit=tuning.ENTAILING_SENSES):
            found.update(lexicon.synset_lemmas(sid))
    return frozenset(found)


@lru_cache(maxsize=65536)
def _related_lemmas(base: str) -> frozenset[str]:
    """The lemma's synonyms and derivations (``_synonym_lemmas``) and the more general words of
    its frequent senses, up to ``tuning.GENERALISATION_DEPTH`` steps."""
    found = set(_synonym_lemmas(base))
    for pos in lexicon.POS_TAGS:
        layer = set(lexicon.senses(base, pos, limit=tuning.ENTAILING_SENSES))
        for _ in range(tuning.GENERALISATION_DEPTH):
            layer = {h for s in layer for h in lexicon.hypernym_ids(s)}
            if not layer:
                break
            for s in layer:
                found.update(lexicon.synset_lemmas(s))
    return frozenset(found)


def opposite(a: str, b: str) -> bool:
    """Are two words opposites (north/south, first/last, success/failure)? The same test as
    ``lexicon.opposite``, on antonyms and base forms looked up once per word, not once per pair."""
    return bool(w_antonyms(a) & w_bases(b)) or bool(w_antonyms(b) & w_bases(a))


@lru_cache(maxsize=65536)
def w_antonyms(word: str) -> frozenset[str]:
    """A word's antonyms (through its base forms), cached."""
    return lexicon.antonyms(word.lower())


@lru_cache(maxsize=65536)
def w_bases(word: str) -> frozenset[str]:
    """A word's base forms, cached."""
    return frozenset(lexicon.base_forms(word.lower()))


@lru_cache(maxsize=65536)
def synonyms_of(word: str) -> frozenset[str]:
    """Synonyms and derivations of a word's most frequent senses ("photo": "photograph")."""
    low = word.lower()
    found: set[str] = set()
    for base in lexicon.base_forms(low) or (low,):
        found |= _synonym_lemmas(base)
    found.discard(low)
    return frozenset(found)
