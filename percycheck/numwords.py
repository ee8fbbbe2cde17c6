"""English number words of any size: "two thousand two hundred sixty-three" is 2263.

Claims spell numbers out ("fifty-seven images", "twenty-one million miles", "the seventh
sample") where sources print digits, so the value extractor needs the number behind the words and
the exact characters they cover, to read or replace them.

The grammar follows the ``text2num`` library (``alpha2digit``, English, ``relaxed=False``), written
afresh here as a small left-to-right state machine over word tokens:

* Tens and units join with a space, a hyphen or an en dash ("sixty-three", "sixty three").
  Scales nest by the usual rules: "one million two hundred thousand" is 1,200,000 and
  "nineteen hundred seventy-three" is 1973.  "Seventy-five thousands" (plural after a count) is
  75,000, and "one thousand million" (a scale right after a smaller one) multiplies the whole.
* A word that cannot continue the number ends it and starts the next, so invalid sequences split
  rather than combine: "two three" is 2 and 3; "nineteen ninety" is 19 and 90, as in text2num
  (no year reading); "sixty hundred" is 60 and then nothing.
* Punctuation other than a hyphen or en dash between words ends a number: "two thousand, three
  hundred" is 2000 and 300 (text2num splits at punctuation too).
* An ordinal ends its number: "twenty-first" is 21, "one hundredth" is 100 (ordinal=True; whether
  it is a rank or a fraction is the caller's call).  "Second" is always ordinal 2 ("one second"
  is 1 and 2); plural ordinals ("fifths", "hundredths", "seconds") are fractions or units and are
  not numbers here.
* "One" alone is a number ("one of the samples"): the caller decides whether it counts.  "Zero"
  is a number only on its own.

Beyond text2num, for prose rather than speech transcripts:

* "and" joins only after "hundred" or a scale: "one hundred and five" is 105, "two thousand and
  twenty" is 2020, but "one and two" is 1 and 2.
* "and a half" adds 0.5 to a count: "three and a half" is 3.5, "one and a half million" is
  1,500,000.  "half a" / "half an" is 0.5 ("half an hour"), and "half a million" is 500,000.
* "a" counts as one before a singular scale: "a hundred", "a thousand", "a million", "a dozen"
  (12; "two dozen" is 24, "half a dozen" 6).  A bare scale is not a number: "several hundred",
  "a few thousand", "hundreds of", "dozens of" are vague amounts, not 100 or 1000 (text2num reads
  a bare "hundred" as 100).
* Digits followed by a scale word are read: "1.5 million", "2 billion", "1,500 million".  Digits
  alone are left to the caller.
* Word boundaries are whole tokens, so "someone", "often" and "lonely" hold no number; a word
  hyphenated onto a non-number word on its left ("no-one") is not a number either.

Time is linear in the input: one regex pass finds the word tokens (no nested repeats), and each
token is looked at a bounded number of times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

__all__ = ["CARDINALS", "SPELLED", "NumberSpan", "find_number_words", "parse_number_words"]


@dataclass(frozen=True)
class NumberSpan:
    """A maximal run of number words: ``text[start:end]`` spells ``value``."""

    start: int
    end: int
    value: float
    ordinal: bool


# Closed-class English: the word tables are constants, not tunable data.
UNITS = {w: i for i, w in enumerate("one two three four five six seven eight nine".split(), 1)}
TEENS = {
    w: i for i, w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 10)
}
TENS = {w: i * 10 for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
"""Scales above a hundred; each is a thousand times the one before."""
CARDINALS = {"zero": 0, **UNITS, **TEENS, **TENS}
"""Every one-word cardinal below a hundred: the one table the rest of percycheck reads."""
SPELLED = {value: word for word, value in CARDINALS.items()}
"""The word for a number that has one ("twenty"), for writing a number as a claim did."""

ORDINAL_UNITS = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth".split(), 1)}
ORDINAL_TEENS = {
    w: i
    for i, w in enumerate(
        "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(), 10
    )
}
ORDINAL_TENS = {
    w: i * 10 for i, w in enumerate("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(), 2)
}
ORDINAL_SCALES = {"thousandth": 10**3, "millionth": 10**6, "billionth": 10**9, "trillionth": 10**12}

HYPHENS = frozenset("-\u2010\u2011\u2013")
"""Joiners inside a number word: hyphen-minus, hyphen, non-breaking hyphen, en dash."""

_TOKEN_RE = re.compile(r"\w+")
_DIGITS_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
_ASCII_DIGITS = frozenset("0123456789")


class _Kind(Enum):
    """What a token is to the number grammar."""

    OTHER = 0
    UNIT = 1
    TEEN = 2
    TENS = 3
    HUNDRED = 4
    SCALE = 5
    DOZEN = 6
    ZERO = 7
    DIGITS = 8
    A = 9  # "a"
    AN = 10  # "an"
    AND = 11
    HALF = 12


@dataclass(frozen=True)
class _Token:
    """One word (or digit group) with its place in the grammar.

    Values are Decimals so that "1.1 million" is exactly 1,100,000 before the final float.
    """

    start: int
    end: int
    kind: _Kind
    value: Decimal
    ordinal: bool = False
    plural: bool = False


def _word_table() -> dict[str, tuple[_Kind, int, bool, bool]]:
    """Every word the grammar knows, as (kind, value, ordinal, plural), looked up once per token."""
    words: dict[str, tuple[_Kind, int, bool, bool]] = {}
    for table, kind in ((UNITS, _Kind.UNIT), (TEENS, _Kind.TEEN), (TENS, _Kind.TENS), (SCALES, _Kind.SCALE)):
        words.update((w, (kind, v, False, False)) for w, v in table.items())
    for table, kind in (
        (ORDINAL_UNITS, _Kind.UNIT),
        (ORDINAL_TEENS, _Kind.TEEN),
        (ORDINAL_TENS, _Kind.TENS),
        (ORDINAL_SCALES, _Kind.SCALE),
    ):
        words.update((w, (kind, v, True, False)) for w, v in table.items())
    words.update((w + "s", (_Kind.SCALE, v, False, True)) for w, v in SCALES.items())
    words.update(
        {
            "hundred": (_Kind.HUNDRED, 100, False, False),
            "hundreds": (_Kind.HUNDRED, 100, False, True),
            "hundredth": (_Kind.HUNDRED, 100, True, False),
            "dozen": (_Kind.DOZEN, 12, False, False),
            "dozens": (_Kind.DOZEN, 12, False, True),
            "zero": (_Kind.ZERO, 0, False, False),
            "zeroth": (_Kind.ZERO, 0, True, False),
            "a": (_Kind.A, 1, False, False),
            "an": (_Kind.AN, 1, False, False),
            "and": (_Kind.AND, 0, False, False),
            "half": (_Kind.HALF, 0, False, False),
        }
    )
    return words


_WORDS = _word_table()

_NUMBER_KINDS = frozenset({_Kind.UNIT, _Kind.TEEN, _Kind.TENS, _Kind.HUNDRED, _Kind.SCALE, _Kind.DOZEN, _Kind.ZERO, _Kind.DIGITS})
"""Kinds that are number words in their own right (not the glue words "a", "and", "half")."""


def _tokenize(text: str) -> list[_Token]:
    """Word tokens of ``text``; digit groups such as "1,500.25" become one DIGITS token."""
    raw = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    tokens: list[_Token] = []
    i = 0
    while i < len(raw):
        start, end = raw[i]
        word = text[start:end]
        if _ASCII_DIGITS.issuperset(word):
            j = i
            while j + 1 < len(raw) and raw[j + 1][0] == raw[j][1] + 1 and text[raw[j][1]] in ".,":
                nxt = text[raw[j + 1][0] : raw[j + 1][1]]
                if not _ASCII_DIGITS.issuperset(nxt):
                    break
                j += 1
            end = raw[j][1]
            i = j + 1
            literal = text[start:end]
            if _DIGITS_RE.fullmatch(literal) and (start == 0 or text[start - 1] not in ".,"):
                tokens.append(_Token(start, end, _Kind.DIGITS, Decimal(literal.replace(",", ""))))
                continue
            tokens.append(_Token(start, end, _Kind.OTHER, Decimal(0)))
            continue
        kind, value, ordinal, plural = _WORDS.get(word.lower(), (_Kind.OTHER, 0, False, False))
        tokens.append(_Token(start, end, kind, Decimal(value), ordinal, plural))
        i += 1
    return tokens


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """Whether two tokens may sit in one number: only whitespace or one hyphen/en dash between."""
    gap = text[left.end : right.start]
    if not gap:
        return False
    if len(gap) == 1 and gap in HYPHENS:
        return True
    return gap.isspace()


class _Phase(Enum):
    """Where the parser is inside the current three-digit group."""

    START = 0  # nothing read yet
    AFTER_SCALE = 1  # a scale just closed a group: a new group may start, "and" may follow
    UNIT = 2  # ended on a unit with no tens before it ("two", "twenty-two" is COMPOSITE)
    TEEN = 3
    TENS = 4
    COMPOSITE = 5  # tens then a unit
    HUNDRED = 6  # ended on "hundred"
    LOW_AFTER_HUNDRED = 7  # units/teens/tens after "hundred": only "and a half" or a scale may follow
    TENS_AFTER_HUNDRED = 8  # tens after "hundred": a unit may still follow
    DIGITS = 9  # "1.5": only a hundred, scale or dozen may follow
    A = 10  # "a": a singular hundred, scale or dozen must follow
    HALF = 11  # "and a half" was added: only a scale or dozen may follow
    DONE = 12  # nothing may follow


_LOW = frozenset({_Kind.UNIT, _Kind.TEEN, _Kind.TENS})
_MULTIPLIERS = frozenset({_Kind.HUNDRED, _Kind.SCALE, _Kind.DOZEN})
_COUNTED = frozenset(
    {_Phase.UNIT, _Phase.TEEN, _Phase.TENS, _Phase.COMPOSITE, _Phase.LOW_AFTER_HUNDRED, _Phase.TENS_AFTER_HUNDRED}
)
"""Phases that end on a units/teens/tens word, where "and a half" may follow."""


def _plain_multiplier(tok: _Token | None) -> bool:
    """A singular cardinal hundred, scale or dozen: what "a" and "half a" may count."""
    return tok is not None and tok.kind in _MULTIPLIERS and not tok.ordinal and not tok.plural


class _Parser:
    """Reads the longest valid number starting at one token."""

    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self.text = text
        self.tokens = tokens

    def _next(self, i: int) -> _Token | None:
        """Token ``i + 1`` if it is joined to token ``i``, else None."""
        if i + 1 < len(self.tokens) and _joined(self.text, self.tokens[i], self.tokens[i + 1]):
            return self.tokens[i + 1]
        return None

    def _starts_here(self, i: int) -> bool:
        """Not a word hyphenated onto a non-number word ("no-one")."""
        tok = self.tokens[i]
        if i == 0 or tok.start == 0 or self.text[tok.start - 1] not in HYPHENS:
            return True
        prev = self.tokens[i - 1]
        return prev.end != tok.start - 1 or prev.kind in _NUMBER_KINDS

    def parse(self, i: int) -> tuple[int, NumberSpan] | None:
        """The number starting at token ``i`` and the index of the first token after it."""
        tokens = self.tokens
        tok = tokens[i]
        if tok.kind == _Kind.OTHER or not self._starts_here(i):
            return None
        total = Decimal(0)
        group = Decimal(0)
        last_scale = 0
        has_hundred = False
        phase = _Phase.START
        ordinal = False
        j = i  # next token to read
        end = i  # one past the last token taken

        # Openers that only make sense at the start of a number.
        if tok.kind == _Kind.A:
            nxt = self._next(i)
            if not _plain_multiplier(nxt):
                return None
            phase, j = _Phase.A, i + 1
        elif tok.kind == _Kind.HALF:
            nxt = self._next(i)
            if nxt is None or nxt.kind not in (_Kind.A, _Kind.AN):
                return None
            group, end = Decimal("0.5"), i + 2
            after = self._next(i + 1)
            if after is not None and _plain_multiplier(after):
                group, end = group * after.value, i + 3
            return end, self._span(i, end, group, False)
        elif tok.kind == _Kind.ZERO:
            return i + 1, self._span(i, i + 1, Decimal(0), tok.ordinal)
        elif tok.kind == _Kind.DIGITS:
            nxt = self._next(i)
            if nxt is None or nxt.kind not in _MULTIPLIERS:
                return None
            group, phase, j = tok.value, _Phase.DIGITS, i + 1
        elif tok.kind not in _LOW:
            return None  # a bare scale, "and", "an": not a number on their own

        while j < len(tokens) and phase != _Phase.DONE:
            if j > i and not _joined(self.text, tokens[j - 1], tokens[j]):
                break
            tok = tokens[j]
            kind = tok.kind
            if kind == _Kind.AND:
                if phase in (_Phase.HUNDRED, _Phase.AFTER_SCALE):
                    nxt = self._next(j)
                    if nxt is not None and nxt.kind in _LOW:
                        j += 1
                        continue
                elif phase in _COUNTED:
                    a = self._next(j)
                    half = self._next(j + 1) if a is not None and a.kind == _Kind.A else None
                    if half is not None and half.kind == _Kind.HALF:
                        group += Decimal("0.5")
                        phase, j = _Phase.HALF, j + 3
                        end = j
                        continue
                break
            if kind == _Kind.UNIT:
                if phase in (_Phase.START, _Phase.AFTER_SCALE):
                    phase = _Phase.UNIT
                elif phase == _Phase.TENS:
                    phase = _Phase.COMPOSITE
                elif phase in (_Phase.HUNDRED, _Phase.TENS_AFTER_HUNDRED):
                    phase = _Phase.LOW_AFTER_HUNDRED
                else:
                    break
                group += tok.value
            elif kind in (_Kind.TEEN, _Kind.TENS):
                if phase in (_Phase.START, _Phase.AFTER_SCALE):
                    phase = _Phase.TEEN if kind == _Kind.TEEN else _Phase.TENS
                elif phase == _Phase.HUNDRED:
                    phase = _Phase.LOW_AFTER_HUNDRED if kind == _Kind.TEEN else _Phase.TENS_AFTER_HUNDRED
                else:
                    break
                group += tok.value
            elif kind == _Kind.HUNDRED:
                # "nineteen hundred", "twenty-five hundred", "a hundred"; not "sixty hundred" (text2num)
                if phase == _Phase.A and not tok.plural:
                    group = Decimal(100)
                elif phase in (_Phase.UNIT, _Phase.TEEN, _Phase.COMPOSITE, _Phase.DIGITS) and not has_hundred:
                    group *= 100
                else:
                    break
                has_hundred, phase = True, _Phase.HUNDRED
            elif kind == _Kind.SCALE:
                scale = int(tok.value)
                if phase == _Phase.A:
                    if tok.plural:
                        break
                    total = Decimal(scale)
                elif phase == _Phase.AFTER_SCALE and group == 0 and scale > total and last_scale < scale:
                    total *= scale  # "one thousand million"
                elif phase in (_Phase.START, _Phase.AFTER_SCALE) or group == 0:
                    break
                elif last_scale == 0:
                    total = group * scale
                elif scale < last_scale:
                    total += group * scale
                else:
                    break
                group, has_hundred, last_scale, phase = Decimal(0), False, scale, _Phase.AFTER_SCALE
            elif kind == _Kind.DOZEN:
                if phase == _Phase.A and not tok.plural:
                    group = Decimal(12)
                elif total == 0 and group > 0 and phase not in (_Phase.START, _Phase.AFTER_SCALE):
                    group *= 12
                else:
                    break
                phase = _Phase.DONE
            else:
                break
            j += 1
            end = j
            if tok.ordinal:
                ordinal, phase = True, _Phase.DONE
        if end == i or phase == _Phase.A:
            return None
        return end, self._span(i, end, total + group, ordinal)

    def _span(self, first: int, end: int, value: Decimal, ordinal: bool) -> NumberSpan:
        return NumberSpan(self.tokens[first].start, self.tokens[end - 1].end, float(value), ordinal)


def find_number_words(text: str) -> list[NumberSpan]:
    """Every maximal run of English number words in ``text``, in order, with its value.

    Offsets are exact so the caller can replace ``text[span.start:span.end]``.
    """
    tokens = _tokenize(text)
    parser = _Parser(text, tokens)
    spans: list[NumberSpan] = []
    i = 0
    while i < len(tokens):
        found = parser.parse(i)
        if found is None:
            i += 1
            continue
        i, span = found
        spans.append(span)
    return spans


def parse_number_words(words: str) -> float | None:
    """The value of ``words`` if the whole string is one number in words, else None.

    Ordinals give their number ("twenty-first" is 21.0); use ``find_number_words`` to tell them apart.
    """
    spans = find_number_words(words)
    if len(spans) != 1:
        return None
    span = spans[0]
    if words[: span.start].strip() or words[span.end :].strip():
        return None
    return span.value
