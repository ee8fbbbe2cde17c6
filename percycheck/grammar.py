"""Small English helpers for the words percycheck writes itself: plurals and "a"/"an".

Reasons and suggestions put values from the facts file into sentences ("the sources say 6
wheels", "aboard an Atlas V"); these keep them reading as a person would write them. They are
deliberately small: the nouns and names they meet are the facts file's, not open text.
"""

from __future__ import annotations

import re

__all__ = ["indefinite_article", "plural", "replace_value", "with_count"]

_INVARIANT = frozenset("spacecraft aircraft hovercraft series species data equipment software hardware".split())
_IRREGULAR = {"child": "children", "person": "people", "man": "men", "woman": "women", "foot": "feet", "mouse": "mice"}
# The noun of "image of its kind of a rover", "samples the rover collected": the word before these.
_POSTMODIFIER = re.compile(r"\s(?:of|from|to|for|in|on|at|by|with|that|which|who|ever|sent|the)\s", re.IGNORECASE)
# Words spelt with a vowel letter but said with a consonant sound, and the reverse.
_CONSONANT_SOUND = re.compile(r"(?:one|once|uni(?!n)|use|usu|ura|eu|ewe|u[bcfhjkqrst][aeiou])", re.IGNORECASE)
_VOWEL_SOUND = re.compile(r"(?:hour|honest|honou?r|heir)", re.IGNORECASE)
# Letters said with a vowel sound when spelt out ("an ESA craft", "an MRO image", "an X-ray").
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_ARTICLE_BEFORE = re.compile(r"\b([Aa]n?)\s+$")


def plural(noun: str) -> str:
    """The plural of a noun or noun phrase: ``image`` -> ``images``, ``rock core`` -> ``rock cores``.

    In a phrase with a modifier after the noun ("image of its kind"), the noun before it changes.
    A phrase whose noun is already plural ("colour images of Mars") is left as it is.
    """
    match = _POSTMODIFIER.search(noun)
    head, tail = (noun[: match.start()], noun[match.start() :]) if match else (noun, "")
    before, _, word = head.rpartition(" ")
    return f"{before} {_plural_word(word)}{tail}" if before else f"{_plural_word(word)}{tail}"


def _plural_word(word: str) -> str:
    lower = word.lower()
    if not word or not word[-1].isalpha() or lower in _INVARIANT:
        return word
    if lower in _IRREGULAR:
        return word[0] + _IRREGULAR[lower][1:]
    if lower.endswith(("ss", "x", "ch", "sh", "z")):
        return word + "es"
    if lower.endswith("s"):
        return word  # already plural ("samples", "cameras")
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def with_count(number: str, noun: str) -> str:
    """``6 wheels``, ``1 wheel``, ``1.5 days``: the noun agrees with the number written."""
    return f"{number} {noun if number == '1' else plural(noun)}"


def indefinite_article(phrase: str) -> str:
    """``a`` or ``an`` for ``phrase``, by how its first word is said, not only how it is spelt."""
    word = phrase.lstrip("“\"'(")
    if not word:
        return "a"
    first = word.split()[0]
    letters = first.split("-")[0]
    if letters.isupper() and "." not in letters and not (len(letters) >= 4 and re.search("[AEIOU]", letters)):
        # Said letter by letter ("an ESA craft", "a JPL team", "an X-ray"); a pronounceable one
        # ("NASA", "JAXA") is a word and goes by its sound below.
        return "an" if letters[0] in _VOWEL_LETTERS else "a"
    if first[0].isdigit():
        return "an" if re.match(r"(?:8|11|18)(?!\d)|8\d\b|8\d\d\b", first) else "a"
    if _VOWEL_SOUND.match(first):
        return "an"
    if _CONSONANT_SOUND.match(first):
        return "a"
    return "an" if first[0].lower() in "aeiou" else "a"


def replace_value(text: str, old: str, new: str) -> str:
    """``text`` with the first ``old`` replaced by ``new``, and an "a"/"an" right before it fixed.

    "aboard a Delta IV rocket" with "Delta IV rocket" -> "Atlas V" reads "aboard an Atlas V".
    """
    at = text.find(old)
    if at < 0:
        return text
    before = text[:at]
    article = _ARTICLE_BEFORE.search(before)
    if article is not None:
        wanted = indefinite_article(new)
        if article.group(1)[0].isupper():
            wanted = wanted.capitalize()
        before = before[: article.start(1)] + wanted + before[article.end(1) :]
    return before + new + text[at + len(old) :]
