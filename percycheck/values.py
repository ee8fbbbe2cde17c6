"""Find the comparable values in a sentence: dates, amounts, ordinals, times and names.

Every value becomes an interval or a set that can be compared with a fact's typed values, with
the precision the writer implied: "almost 1,050 feet" is 945-1,050 ft, "about 1,030 kg" is
927-1,133 kg, "1.03 metric tons" is 1,025-1,035 kg. All patterns are compiled once and are
linear in the length of the input.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from percycheck.models import Entity
from percycheck.numwords import CARDINALS, find_number_words
from percycheck.words import TOKEN_RE, concept, is_content, negative_pole, rewrite_phrases, stem, synonym_heads


class LazyPattern:
    """A regular expression compiled on first use, skipped when its key words are absent.

    Compiling every pattern at import costs more than checking a claim; most claims need only
    a few of them. ``needs`` lists lower-case strings one of which must occur for a match.
    """

    def __init__(self, source: str, flags: int = 0, needs: tuple[str, ...] = ()) -> None:
        self.source = source
        self.flags = flags
        self.needs = needs
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.needs:
            low = text.lower()
            if not any(n in low for n in self.needs):
                return iter(())
        return self.compiled.finditer(text)


MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DIGITS = tuple("0123456789")

# --------------------------------------------------------------------------- units

UNITS: dict[str, tuple[str, float]] = {
    "lb": ("mass", 0.45359237),
    "kg": ("mass", 1.0),
    "g": ("mass", 0.001),
    "t": ("mass", 1000.0),
    "ton": ("mass", 1000.0),
    "ft": ("length", 0.3048),
    "yd": ("length", 0.9144),
    "in": ("length", 0.0254),
    "mm": ("length", 0.001),
    "cm": ("length", 0.01),
    "m": ("length", 1.0),
    "km": ("length", 1000.0),
    "mi": ("length", 1609.344),
    "s": ("time", 1.0),
    "min": ("time", 60.0),
    "h": ("time", 3600.0),
    "day": ("time", 86400.0),
    "week": ("time", 604800.0),
    "month": ("time", 2629800.0),
    "year": ("time", 31557600.0),
}
"""Unit -> (dimension, size in the dimension's base unit: kg, m, s)."""

SHORT_TON = 907.18474
"""A bare "ton" may be a US short ton or a metric ton; both are allowed."""

UNIT_WORDS: dict[str, str] = {}
for _unit, _words in {
    "lb": "lb lbs pound pounds",
    "kg": "kg kgs kilogram kilograms kilogramme kilogrammes kilo kilos",
    "g": "gram grams gramme grammes",
    "t": "tonne tonnes",
    "ton": "ton tons",
    "ft": "ft foot feet",
    "yd": "yd yds yard yards",
    "in": "inch inches",
    "mm": "mm millimeter millimeters millimetre millimetres",
    "cm": "cm centimeter centimeters centimetre centimetres",
    "m": "m meter meters metre metres",
    "km": "km kilometer kilometers kilometre kilometres",
    "mi": "mi mile miles",
    "s": "sec secs second seconds",
    "min": "min mins minute minutes",
    "h": "hr hrs hour hours",
    "day": "day days",
    "week": "wk wks week weeks",
    "month": "mo mos month months",
    "year": "yr yrs year years",
}.items():
    for _w in _words.split():
        UNIT_WORDS[_w] = _unit

NUMBER_WORDS: dict[str, int] = {
    **CARDINALS,
    # words that count without being numbers: "a camera", "a single day", "a dozen", "a pair"
    "a": 1,
    "an": 1,
    "single": 1,
    "dozen": 12,
    "couple": 2,
    "pair": 2,
}
MULTIPLIERS = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "6th": 6,
    "7th": 7,
    "8th": 8,
    "9th": 9,
    "10th": 10,
}

APPROX_BEFORE: tuple[tuple[str, str], ...] = (
    ("a bit over", "just_over"),
    ("a little over", "just_over"),
    ("slightly over", "just_over"),
    ("slightly more than", "just_over"),
    ("a bit more than", "just_over"),
    ("a little more than", "just_over"),
    ("a bit under", "almost"),
    ("a little under", "almost"),
    ("slightly under", "almost"),
    ("slightly less than", "almost"),
    ("a bit less than", "almost"),
    ("no more than", "at_most"),
    ("no fewer than", "at_least"),
    ("no less than", "at_least"),
    ("more than", "more_than"),
    ("greater than", "more_than"),
    ("upwards of", "more_than"),
    ("in excess of", "more_than"),
    ("fewer than", "less_than"),
    ("less than", "less_than"),
    ("at least", "at_least"),
    ("at most", "at_most"),
    ("up to", "at_most"),
    ("close to", "almost"),
    ("just under", "almost"),
    ("just shy of", "almost"),
    ("just over", "about"),
    ("nearly", "almost"),
    ("almost", "almost"),
    ("about", "about"),
    ("around", "about"),
    ("approximately", "about"),
    ("roughly", "about"),
    ("some", "about"),
    ("circa", "about"),
    ("approx", "about"),
    ("over", "more_than"),
    ("above", "more_than"),
    ("exceeding", "more_than"),
    ("under", "less_than"),
    ("below", "less_than"),
    ("within", "at_most"),
)
APPROX_TOLERANCE = 0.10
"""How far "about", "almost" and "nearly" reach from the stated amount, as a fraction."""
ROUNDING_CAP = 0.05
"""A round number ("1,000 kg") is read as precise to its last digit, but never looser than 5%."""


@dataclass(frozen=True)
class Amount:
    """A quantity (with a dimension) or a count (with the noun counted) as an interval."""

    low: float
    high: float
    dimension: str  # mass | length | time | count
    text: str
    start: int
    end: int
    noun: tuple[str, ...] = ()
    """The words after a count, as written ("sample", "tubes"); empty for quantities."""
    comparative: bool = False
    unit: str | None = None
    """The unit the writer used ("kg" for "1,500 kilograms"), for quantities."""


@dataclass(frozen=True)
class DateValue:
    """A calendar date at the precision it was written: year, month or day."""

    year: int | None
    month: int | None
    day: int | None
    text: str
    start: int
    end: int
    valid: bool = True

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}" if self.year else "????"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        elif self.day:
            parts.append(f"??-{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class Weekday:
    """A day of the week named on its own ("on Friday"), 0 = Monday."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Ordinal:
    """A rank such as "first" or "third"."""

    rank: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A known entity named in the text."""

    entity: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Extraction:
    """Everything comparable found in one sentence."""

    text: str
    dates: tuple[DateValue, ...]
    weekdays: tuple[Weekday, ...]
    amounts: tuple[Amount, ...]
    relative_dates: tuple[RelativeDate, ...]
    ordinals: tuple[Ordinal, ...]
    mentions: tuple[Mention, ...]
    times: tuple[str, ...]
    stray_numbers: tuple[str, ...]
    unknown_names: tuple[str, ...]
    superlatives: tuple[str, ...]
    time_zone: str | None = None
    """A time zone the claim dates itself in ("Indian time", "GMT"): its day may be the source's
    day before or after."""
    time_zone_span: tuple[int, int] | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = [self.time_zone_span] if self.time_zone_span else []
        for group in (self.dates, self.weekdays, self.amounts, self.ordinals, self.mentions, self.relative_dates):
            found.extend((v.start, v.end) for v in group)
        return sorted(found)


# --------------------------------------------------------------------------- numbers


def parse_number(text: str) -> tuple[float, float] | None:
    """A written number and its rounding precision: "2,263" -> (2263, 0.5)."""
    t = text.replace(",", "").strip()
    try:
        value = float(t)
    except ValueError:
        return None
    if not math.isfinite(value) or len(t) > 30:
        return None
    if "." in t:
        decimals = len(t.split(".", 1)[1])
        precision = 0.5 * 10 ** (-decimals)
    else:
        digits = t.lstrip("-").lstrip("0") or "0"
        trailing = len(digits) - len(digits.rstrip("0")) if digits != "0" else 0
        precision = 0.5 * 10**trailing
    return value, precision


def interval(amount: float, precision: float, approx: str, high_amount: float | None = None) -> tuple[float, float]:
    """The range of values a writer means by ``approx amount`` (or a range to high_amount)."""
    top = amount if high_amount is None else high_amount
    precision = min(precision, ROUNDING_CAP * max(abs(amount), 1e-12)) if amount else precision
    low, high = amount - precision, top + precision
    if approx == "about":
        low, high = min(low, amount * (1 - APPROX_TOLERANCE)), max(high, top * (1 + APPROX_TOLERANCE))
    elif approx == "almost":
        low, high = min(low, amount * (1 - APPROX_TOLERANCE)), top
    elif approx == "just_over":
        low, high = amount, top * (1 + APPROX_TOLERANCE)
    elif approx == "more_than":
        low, high = amount, math.inf
    elif approx == "at_least":
        low, high = amount - precision, math.inf
    elif approx == "less_than":
        low, high = 0.0, top
    elif approx == "at_most":
        low, high = 0.0, top + precision
    return low, high


def to_base(low: float, high: float, unit: str) -> tuple[str, float, float]:
    """Convert an interval in ``unit`` to its dimension's base unit."""
    dimension, size = UNITS[unit]
    if unit == "ton":
        return dimension, low * SHORT_TON, high * size
    return dimension, low * size, high * size


def overlaps(a_low: float, a_high: float, b_low: float, b_high: float) -> bool:
    """True when two intervals share a point (with a hair of float slack)."""
    slack = 1e-9 * max(abs(a_low), abs(a_high), abs(b_low), abs(b_high), 1.0)
    if math.isinf(slack):
        slack = 0.0
    return a_low <= b_high + slack and b_low <= a_high + slack


# --------------------------------------------------------------------------- dates

MONTHS: dict[str, int] = {}
MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
for _i, _name in enumerate(MONTH_NAMES):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(DAY_NAMES)}

_MONTH = (
    r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"

DATE_PATTERNS: tuple[tuple[str, LazyPattern], ...] = (
    ("iso", LazyPattern(r"\b" + _YEAR.format(g="y") + r"-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b", needs=("-",))),
    ("dotted", LazyPattern(r"\b(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)\." + _YEAR.format(g="y") + r"\b", needs=(".",))),
    ("numeric", LazyPattern(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/" + _YEAR.format(g="y") + r"\b", needs=("/",))),
    (
        "mdy",
        LazyPattern(
            r"\b" + _MONTH.format(g="m") + r"\s?" + _DAY.format(g="d") + r"\b(?:,?\s+" + _YEAR.format(g="y") + r"\b)?",
            re.I,
            needs=MONTH_KEYS,
        ),
    ),
    (
        "dmy",
        LazyPattern(
            r"\b"
            + _DAY.format(g="d")
            + r"(?:\s+of)?\s+"
            + _MONTH.format(g="m")
            + r"(?![a-z])(?:,?\s+"
            + _YEAR.format(g="y")
            + r"\b)?",
            re.I,
            needs=MONTH_KEYS,
        ),
    ),
    ("my", LazyPattern(r"\b" + _MONTH.format(g="m") + r",?\s+(?:of\s+)?" + _YEAR.format(g="y") + r"\b", re.I, needs=MONTH_KEYS)),
    (
        "month",
        LazyPattern(
            r"\b(?:in|during|by|since|until|of|early|late|mid|mid-)\s+(?:early\s+|late\s+|mid-?)?"
            r"(?P<m>january|february|march|april|june|july|august|september|october|november|december)\b",
            re.I,
            needs=MONTH_KEYS,
        ),
    ),
    (
        "year",
        LazyPattern(
            r"(?<![\d,.\-/])"
            + _YEAR.format(g="y")
            + r"(?![\d,]|\.\d|\s*(?:-|\s)?(?:"
            + "|".join(sorted({k for k in UNIT_WORDS if len(k) > 2}, key=len, reverse=True))
            + r")\b)",
            needs=("19", "20"),
        ),
    ),
)
HOLIDAYS = {
    "valentine's day": (2, 14),
    "valentine’s day": (2, 14),
    "valentines day": (2, 14),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's day": (1, 1),
    "new year’s day": (1, 1),
    "halloween": (10, 31),
    "independence day": (7, 4),
    "the fourth of july": (7, 4),
    "fourth of july": (7, 4),
}
HOLIDAY_RE = LazyPattern(
    r"\b(?P<h>" + "|".join(re.escape(h) for h in sorted(HOLIDAYS, key=len, reverse=True)) + r")(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
    re.I,
    needs=("valentine", "christmas", "new year", "halloween", "independence", "fourth of july"),
)
WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", re.I)
TIME_ZONE_RE = re.compile(
    r"\b(?:[A-Z][a-z]+(?:\s+Standard)?\s+[Tt]ime|local\s+time|UTC|GMT|[A-Z]{1,2}[SD]T|IST|CET|CEST|AE[SD]T)\b"
)
"""A named time zone ("Indian time", "Eastern Standard Time", "local time", "GMT", "PST", "IST")."""
TIME_RE = LazyPattern(
    r"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b", re.I, needs=(":", "am", "pm", "a.m", "p.m")
)


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        if month is None or not 1 <= day <= 31:
            return False
        try:
            dt.date(year or 2020, month, day)  # 2020 is a leap year: Feb. 29 without a year is fine
        except ValueError:
            return False
    return True


def find_dates(text: str) -> list[DateValue]:
    """Dates in every common written form, longest reading first, never overlapping."""
    found: list[DateValue] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in HOLIDAY_RE.finditer(text):
        holiday_month, holiday_day = HOLIDAYS[m.group("h").lower()]
        holiday_year = int(m.group("y")) if m.group("y") else None
        found.append(DateValue(holiday_year, holiday_month, holiday_day, m.group(0), m.start(), m.end()))
        taken.append((m.start(), m.end()))
    scan, spelled = _ordinal_days(text)
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(scan):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            year = int(g["y"]) if g.get("y") else None
            month: int | None
            day: int | None
            if kind == "numeric":
                a, b = int(g["a"]), int(g["b"])
                month, day = (a, b) if a <= 12 else (b, a)
            elif kind == "dotted":
                day, month = int(g["a"]), int(g["b"])
            elif kind in ("iso",):
                month, day = int(g["m"]), int(g["d"])
            elif kind == "year":
                month = day = None
            else:
                month = MONTHS.get(
                    g["m"].lower().rstrip(".")[:4] if g["m"].lower().startswith("sept") else g["m"].lower().rstrip(".")[:3]
                )
                day = int(g["d"]) if g.get("d") else None
                if kind == "mdy" and g["m"].lower() in ("may", "mar", "march") and year is None and day is None:
                    continue
            ambiguous_month = g.get("m") is not None and g["m"].lower().rstrip(".") in ("may", "mar", "march")
            if kind == "mdy" and ambiguous_month and year is None and not text[m.start()].isupper():
                continue  # "may 5" / "march 3" without a year are too often a verb and a number
            if kind == "dmy" and ambiguous_month and year is None and not g["m"][0].isupper():
                continue  # "the first may be": a verb after a number
            end = m.end()
            if text[end - 1 : end] == "." and len(g.get("m") or "") > 4 and not g.get("y"):
                end -= 1  # "of March." ends a sentence; only an abbreviation ("Mar.") takes the dot
            # a day spelled out ("the eighteenth of February") starts where its word does
            span = (min([m.start(), *(a for a, b in spelled if a <= m.start() < b)]), end)
            if not _valid(year, month, day):
                if kind in ("iso", "numeric", "dotted", "mdy", "dmy") and (day or 0) <= 99:
                    # "February 30, 2021" is no date at all: keep it, so its year is not read alone
                    found.append(DateValue(year, month, day, text[span[0] : span[1]], *span, valid=False))
                    taken.append(span)
                continue
            found.append(DateValue(year, month, day, text[span[0] : span[1]], *span))
            taken.append(span)
    return sorted(found, key=lambda d: d.start)


MONTH_NAME_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def _ordinal_days(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with spelled-out days written as digits ("eighteenth" -> "18th", right-aligned in
    the word's place so offsets hold), and the spans rewritten; only where a month is named."""
    if not MONTH_NAME_RE.search(text):
        return text, []
    days = []
    for span in find_number_words(text):
        day = int(span.value)
        if span.ordinal and span.value == day and 1 <= day <= 31:
            suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
            days.append((span.start, span.end, f"{day}{suffix}"))
    return _in_place(text, days, right=True)


def _in_place(text: str, replacements: Sequence[tuple[int, int, str]], right: bool = False) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each ``(start, end, new)`` written over its span, padded with spaces to the
    span's length (on the left with ``right``) so every offset still points into ``text``; a
    replacement longer than its span is skipped. Also the spans rewritten."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for start, end, new in replacements:
        if len(new) > end - start:
            continue
        pieces += [text[at:start], new.rjust(end - start) if right else new.ljust(end - start)]
        spans.append((start, end))
        at = end
    return "".join(pieces) + text[at:], spans


RELATIVE_RE = LazyPattern(
    r"\b(?P<n>\d{1,3}|" + "|".join(w for w in NUMBER_WORDS if w not in ("dozen", "couple", "pair", "single")) + r"|the)\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir>after|before|following|prior\s+to)\s+(?:the\s+|its\s+|their\s+|perseverance['’]s\s+|the\s+rover['’]s\s+)?"
    r"(?P<event>[a-z]+)",
    re.I,
    needs=("after", "before", "following", "prior"),
)


@dataclass(frozen=True)
class RelativeDate:
    """A date given relative to an event: "two days after landing"."""

    days: int
    event: str
    text: str
    start: int
    end: int


def find_relative_dates(text: str, taken: Sequence[tuple[int, int]]) -> list[RelativeDate]:
    """Dates written as an offset from an event the facts date ("the day after the landing")."""
    result = []
    for m in RELATIVE_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        n_text = m.group("n").lower()
        if n_text == "the" and m.group("unit").lower() != "day":
            continue  # "the weeks after landing" is a stretch of time, not a date
        n = 1 if n_text == "the" else int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text, 0)
        if n <= 0:
            continue
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        if m.group("dir").lower() in ("before",) or m.group("dir").lower().startswith("prior"):
            days = -days
        result.append(RelativeDate(days, m.group("event").lower(), m.group(0), m.start(), m.end()))
    return result


def find_weekdays(text: str, taken: Sequence[tuple[int, int]]) -> list[Weekday]:
    """Weekdays named outside a full date ("later on Friday")."""
    result = []
    for m in WEEKDAY_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        result.append(Weekday(WEEKDAYS[m.group(1).lower()], m.group(0), m.start(), m.end()))
    return result


def date_matches(claim: DateValue, year: int, month: int | None, day: int | None) -> bool:
    """Does a claimed date agree with a sourced one, at the claim's own precision?"""
    if claim.year is not None and claim.year != year:
        return False
    if claim.month is not None and month is not None and claim.month != month:
        return False
    if claim.day is not None:
        if day is None:
            return False
        return claim.day == day
    return True


def parse_iso(text: str) -> tuple[int, int | None, int | None]:
    """'2021-02-18' -> (2021, 2, 18); '2021-02' -> (2021, 2, None); '2021' -> (2021, None, None)."""
    parts = [int(p) for p in str(text).split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else None
    day = parts[2] if len(parts) > 2 else None
    return year, month, day


# --------------------------------------------------------------------------- amounts

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER_PHRASES = {"half a dozen": 6, "a dozen": 12, "a couple of": 2, "a pair of": 2}
_WORDNUM = "|".join(
    [p.replace(" ", r"\s+") for p in sorted(NUMBER_PHRASES, key=len, reverse=True)]
    + sorted((w for w in NUMBER_WORDS if w not in ("a", "an")), key=len, reverse=True)
)
_MULT = "|".join(MULTIPLIERS)
_UNIT = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))

AMOUNT_RE = re.compile(
    r"\b(?:(?P<a_unit>an?|one)\s+(?P<unit0>" + _UNIT + r")\s+or\s+(?P<two>two|three|so)\b"
    r"|(?P<num>" + _NUM + r"|(?:" + _WORDNUM + r")(?:-(?:" + _WORDNUM + r"))?|an?)"
    r"(?:\s*(?P<mult>" + _MULT + r"))?"
    r"(?:\s*(?:or|to|-|–|and)\s*(?P<num2>" + _NUM + r"|" + _WORDNUM + r")(?:\s*(?P<mult2>" + _MULT + r"))?)?"
    r"(?:(?:\s+|-)(?P<metric>metric\s+)?(?P<unit>" + _UNIT + r")\b(?!-)"
    r"|(?P<unitadj>-(?:" + _UNIT + r"))(?=\s|$|[,.;:])"
    r"|-(?P<countadj>[a-z]+)\b"
    r"|(?P<bare>)))",
    re.I,
)
COMPARATIVE_AFTER = re.compile(
    r"\s{0,3}(?:more|less|fewer|heavier|lighter|longer|shorter|bigger|smaller|larger|farther|further|higher|lower"
    r"|faster|slower|older|younger|greater|[a-z]{1,20}er)\s{1,3}than\b",
    re.I,
)
NOUN_AFTER = re.compile(
    r"(?:\s{1,3}(?:of(?:\s{1,3}(?:the|its|their|his|her))?|more|additional|other|individual|separate|different|new"
    r"|small|large|distinct))?((?:\s{1,3}[A-Za-z][\w’'\-]{0,40}){1,3})"
)


def _word_value(word: str) -> float | None:
    w = " ".join(word.lower().split())
    if w in NUMBER_PHRASES:
        return float(NUMBER_PHRASES[w])
    if "-" in w:
        tens, _, ones = w.partition("-")
        if tens in NUMBER_WORDS and ones in NUMBER_WORDS:
            return float(NUMBER_WORDS[tens] + NUMBER_WORDS[ones])
        return None
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    return None


def _number(text: str | None, mult: str | None) -> tuple[float, float] | None:
    if not text:
        return None
    parsed = parse_number(text)
    if parsed is None:
        value = _word_value(text)
        if value is None:
            return None
        parsed = (value, 0.5 if value not in (12.0,) else 0.5)
    value, precision = parsed
    if mult:
        factor = MULTIPLIERS[mult.lower()]
        value, precision = value * factor, precision * factor
    return value, precision


def _noun_words(text: str, end: int) -> tuple[str, ...]:
    m = NOUN_AFTER.match(text, end)
    if not m:
        return ()
    words = []
    for word in m.group(1).split():
        clean = word.strip("’'.,;:").lower()
        if not is_content(clean) or clean in UNIT_WORDS:
            break
        words.append(clean)
    return tuple(words)


FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2, "tenth": 0.1}
FRACTION_RE = LazyPattern(
    r"\b(?:(?:a|an|one)\s+)?(?P<frac>half|third|quarter|fourth|fifth|tenth)\s+(?:of\s+)?(?:a|an|the)\s+(?P<unit>"
    + _UNIT
    + r")\b",
    re.I,
)


VAGUE_RE = LazyPattern(
    r"(?P<phrase>(?:(?:a|an)\s+)?(?P<q>few|several|couple\s+of|handful\s+of|dozens\s+of|hundreds\s+of|thousands\s+of|millions\s+of|billions\s+of|half\s+a\s+dozen|a\s+dozen)"
    r"(?:\s+(?P<mult>hundred|thousand|million|billion))?)\s+(?P<unit>" + _UNIT + r")\b",
    re.I,
    needs=("few", "several", "couple", "handful", "dozen", "hundreds", "thousands", "millions", "billions"),
)
VAGUE_RANGES = {
    "few": (2.0, 9.0),
    "several": (3.0, 9.0),
    "couple of": (2.0, 3.0),
    "handful of": (2.0, 9.0),
    "dozens of": (12.0, math.inf),
    "hundreds of": (100.0, math.inf),
    "thousands of": (1e3, math.inf),
    "millions of": (1e6, math.inf),
    "billions of": (1e9, math.inf),
    "half a dozen": (6.0, 6.0),
    "a dozen": (12.0, 12.0),
}
"""What vague amounts commit a writer to: "a few thousand years" is 2,000-9,000 years; "billions
of years" is at least a billion years, as a source's "more than" would be."""


def find_vague(text: str, taken: Sequence[tuple[int, int]]) -> list[Amount]:
    """Vague amounts of a unit: "a few thousand years", "within days", "billions of years"."""
    result = []
    for m in VAGUE_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if re.search(r"\b(?:last|final|first|next|past|few)\s+(?:a\s+)?$", text[max(0, m.start() - 8) : m.start()], re.I):
            continue  # "the last few minutes" names a stretch of time, not an amount
        q = " ".join(m.group("q").lower().split())
        low, high = VAGUE_RANGES[q]
        if m.group("mult"):
            factor = MULTIPLIERS[m.group("mult").lower()]
            low, high = low * factor, high * factor
        dimension, low, high = to_base(low, high, UNIT_WORDS[m.group("unit").lower()])
        result.append(Amount(low, high, dimension, m.group(0), m.start(), m.end()))
    for m in WITHIN_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        dimension, low, high = to_base(0.0, 10.0, UNIT_WORDS[m.group("unit").lower()])
        result.append(Amount(low, high, dimension, m.group(0), m.start(), m.end()))
    return result


WITHIN_RE = LazyPattern(r"\bwithin\s+(?:a\s+few\s+|several\s+)?(?P<unit>hours|days|weeks|months)\b", re.I, needs=("within",))


def find_fractions(text: str, taken: Sequence[tuple[int, int]]) -> list[Amount]:
    """Fractions of a unit: "half a mile", "almost a fifth of a mile"."""
    result = []
    for m in FRACTION_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        value = FRACTIONS[m.group("frac").lower()]
        approx, begin = approx_before(text, m.start())
        approx = "about" if approx == "exact" else approx
        low, high = interval(value, value * APPROX_TOLERANCE / 2, approx)
        dimension, low, high = to_base(low, high, UNIT_WORDS[m.group("unit").lower()])
        result.append(Amount(low, high, dimension, text[begin : m.end()], begin, m.end()))
    return result


_APPROX_LONGEST = sorted(APPROX_BEFORE, key=lambda pair: -len(pair[0]))


def approx_before(text: str, start: int) -> tuple[str, int]:
    """The approximation word right before an amount ("almost", "more than") and where it starts.

    Looked up in Python rather than in the amount pattern: a 40-way alternation costs more to
    compile than every claim of a run costs to check.
    """
    window = text[max(0, start - 24) : start].lower()
    if not window.endswith((" ", "\t")):
        return "exact", start
    stripped = window.rstrip()
    for phrase, kind in _APPROX_LONGEST:
        if stripped.endswith(phrase):
            before = stripped[: -len(phrase)]
            if not before or not before[-1].isalnum():
                return kind, start - (len(window) - len(before))
    return "exact", start


def digitised(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with long spelled-out numbers written in digits ("two thousand two hundred
    sixty-three" -> "2263"), padded with spaces to the same length so every offset still points
    into ``text``, and the spans rewritten. Numbers of one or two words ("fifty-seven", "two
    million") are left to the amount pattern, which reads them with their precision."""
    if not LONG_NUMBER_HINT_RE.search(text):
        return text, []  # three number words need a scale word or a half
    numbers = [
        (span.start, span.end, str(int(span.value)) if span.value == int(span.value) else repr(span.value))
        for span in find_number_words(text)
        if not span.ordinal and len(NUMBER_TOKEN_RE.findall(text[span.start : span.end])) >= LONG_NUMBER_WORDS
    ]
    return _in_place(text, numbers)


LONG_NUMBER_WORDS = 3
"""Number words from which a spelled-out number is rewritten in digits ("one hundred five")."""

NUMBER_TOKEN_RE = re.compile(r"[A-Za-z]+")
LONG_NUMBER_HINT_RE = re.compile(r"hundred|thousand|million|billion|trillion|half", re.I)


def find_amounts(text: str, taken: Sequence[tuple[int, int]]) -> list[Amount]:
    """Quantities with units and counts of things, as intervals in base units."""
    result: list[Amount] = find_fractions(text, taken)
    taken = [*taken, *((a.start, a.end) for a in result)]
    vague = find_vague(text, taken)
    result += vague
    taken += [(a.start, a.end) for a in vague]
    scan, rewritten = digitised(text)
    for m in AMOUNT_RE.finditer(scan):
        start, end = m.start(), m.end()
        end = max([end, *(e for s, e in rewritten if s <= m.start() < e)])  # the whole spelled number
        num_start = m.start("num") if m.group("num") else m.start("a_unit")
        if any(s < end and num_start < e for s, e in taken):
            continue
        approx, start = approx_before(text, start)
        unit_word = m.group("unit") or m.group("unit0") or (m.group("unitadj") or "").lstrip("-")
        second: tuple[float, float] | None
        if m.group("unit0"):
            first, second = (1.0, 0.5), (_number(m.group("two"), None) or (2.0, 0.5))
        else:
            num_text = m.group("num")
            if num_text.lower() in ("a", "an") and not unit_word:
                continue
            parsed = _number(num_text, m.group("mult"))
            if parsed is None:
                continue
            first = parsed
            second = _number(m.group("num2"), m.group("mult2") or m.group("mult")) if m.group("num2") else None
        low, high = interval(first[0], first[1], approx, second[0] if second else None)
        # "278 pounds heavier than", "beat the record by 100 feet": a difference, not a measurement
        comparative = bool(COMPARATIVE_AFTER.match(text, end)) or text[max(0, start - 3) : start].lower() == "by "
        if (
            unit_word
            and not m.group("unit0")
            and not m.group("num2")
            and approx == "exact"
            and (m.group("num") or "").lower() in ("a", "an", "single", "one")
        ):
            continue  # "in a single day", "one day": a span of time named, not measured
        if unit_word:
            unit = UNIT_WORDS[unit_word.lower()]
            if unit == "ton" and m.group("metric"):
                unit = "t"
            dimension, low, high = to_base(low, high, unit)
            result.append(Amount(low, high, dimension, text[start:end], start, end, (), comparative, unit))
            continue
        if first[0] == 1 and not m.group("num2") and not num_text[:1].isdigit():
            continue  # "one of the six wheels", "at one point": a member picked out, not a count
        adjective = m.group("countadj")
        noun = (adjective.lower().removesuffix("ed"),) if adjective else _noun_words(text, end)
        if not noun:
            continue
        result.append(Amount(low, high, "count", text[start:end], start, end, noun, comparative))
    return result


APPROX_MAP = dict(APPROX_BEFORE)

# --------------------------------------------------------------------------- ordinals, names


ORDINAL_RE = re.compile(r"\b(" + "|".join(ORDINAL_WORDS) + r")(?:-ever)?\b", re.I)
NUMBER_RE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
SUPERLATIVE_RE = re.compile(r"\b(?:most|least)\s+[a-z]+|\b[a-z]+est\b", re.I)
CAPITALISED_RE = re.compile(r"\b[A-Z][a-zA-Z\u00C0-\u024F]*(?:[\-’'][A-Za-z]+)*\b")


def find_ordinals(text: str, taken: Sequence[tuple[int, int]]) -> list[Ordinal]:
    """Ranks ("first", "second-ever", "3rd")."""
    result = []
    for m in ORDINAL_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group(1).lower()
        # "a second X" / "every second" mean "another" and "each other", not a rank
        before = text[max(0, m.start() - 6) : m.start()].lower()
        if word == "second" and (before.endswith("a ") or before.endswith("every ") or text[m.end() : m.end() + 1] == "s"):
            continue
        result.append(Ordinal(ORDINAL_WORDS[word], m.group(0), m.start(), m.end()))
    return result


def find_superlatives(text: str, is_superlative: Callable[[str], bool]) -> list[str]:
    """Superlative words ("heaviest", "most advanced")."""
    found = []
    for m in SUPERLATIVE_RE.finditer(text):
        token = m.group(0).lower()
        head = token.split()[0]
        if head in ("most", "least"):
            before = text[max(0, m.start() - 3) : m.start()].lower()
            if before.endswith("at ") or token.split()[-1] in ("of", "likely", "a", "an", "the", "recently"):
                continue
            found.append(token)
        elif is_superlative(token):
            found.append(token)
    return found


class Gazetteer:
    """Finds known entities by name or alias, longest name first, in linear time."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: dict[str, Entity] = {}
        self._names: dict[tuple[str, ...], list[tuple[str, tuple[str, ...] | None]]] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}
        """For each first word of a name, the word counts of the names it starts, longest first."""
        self._ancestors: dict[str, frozenset[str]] = {}
        lengths: dict[str, set[int]] = {}
        for entity in entities:
            self.entities[entity.id] = entity
            for name in (entity.name, *entity.aliases):
                words = tuple(_name_tokens(name))
                if not words:
                    continue
                lowered = tuple(w.lower() for w in words)
                exact = words if any(w.isupper() and len(w) > 1 for w in words) or len("".join(words)) <= 2 else None
                self._names.setdefault(lowered, []).append((entity.id, exact))
                lengths.setdefault(lowered[0], set()).add(len(words))
        self._lengths = {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}

    def find(self, text: str) -> list[Mention]:
        """Every entity named in ``text``."""
        toks = [(_strip_possessive(m.group(0)), m.start(), m.end()) for m in _NAME_TOKEN_RE.finditer(text)]
        lowered = [w.lower() for w, _, _ in toks]
        result: list[Mention] = []
        i = 0
        while i < len(toks):
            matched = 0
            for length in self._lengths.get(lowered[i], ()):
                if i + length > len(toks):
                    continue
                for entity_id, exact in self._names.get(tuple(lowered[i : i + length]), ()):
                    if exact is not None and tuple(w for w, _, _ in toks[i : i + length]) != exact:
                        continue
                    start, end = toks[i][1], toks[i + length - 1][2]
                    result.append(Mention(entity_id, text[start:end], start, end))
                    matched = length
                    break
                if matched:
                    break
            i += matched or 1
        return result

    def ancestors(self, entity_id: str) -> frozenset[str]:
        """The entity and every place or body it is part of, transitively (memoised)."""
        known = self._ancestors.get(entity_id)
        if known is not None:
            return known
        seen: set[str] = set()
        stack = [entity_id]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            entity = self.entities.get(current)
            if entity:
                stack.extend(entity.part_of)
        found = self._ancestors[entity_id] = frozenset(seen)
        return found


_NAME_TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’\-][A-Za-z0-9\u00C0-\u024F]+)*")


def _strip_possessive(word: str) -> str:
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word


def _name_tokens(name: str) -> list[str]:
    return [_strip_possessive(m.group(0)) for m in _NAME_TOKEN_RE.finditer(name)]


SENTENCE_STARTERS = frozenset(
    "the a an this that these those it its in on at by for from with as after before during when "
    "while since although though if unlike like both each every all some most many several one two "
    "three four five six seven eight nine ten nasa's perseverance's what who where how why there "
    "their his her our we they he she you i photo credit also".split()
)


def find_unknown_names(text: str, covered: Sequence[tuple[int, int]], vocabulary: frozenset[str]) -> list[str]:
    """Capitalised words that are neither a known entity nor a word the facts use.

    A name nobody in the facts has heard of ("MOXIE", "Roubion") means the claim is about
    something the sources do not cover.
    """
    result = []
    for m in CAPITALISED_RE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        word = _strip_possessive(m.group(0))
        low = word.lower()
        before = text[: m.start()].rstrip()
        at_start = not before or before.endswith((".", ":", '"', "“", "‘", "'", "(", "—", "–", "-", "!", "?"))
        if at_start and not _looks_like_name(word):
            continue
        if low in vocabulary or concept(low) in vocabulary or low in ORDINAL_WORDS or low in MONTHS or low in WEEKDAYS:
            continue
        if low in NUMBER_WORDS or low in SENTENCE_STARTERS:
            continue
        result.append(word)
    return result


def _looks_like_name(word: str) -> bool:
    """At a sentence start only unusual capitals (MOXIE, SuperCam) are surely names."""
    return sum(1 for ch in word if ch.isupper()) > 1


def extract(
    text: str,
    gazetteer: Gazetteer,
    vocabulary: frozenset[str] = frozenset(),
    is_superlative: Callable[[str], bool] = lambda word: False,
) -> Extraction:
    """Every comparable value in ``text``."""
    mentions = gazetteer.find(text)
    taken = [(m.start, m.end) for m in mentions]
    dates = find_dates(text)
    dates = [d for d in dates if not any(s <= d.start < e for s, e in taken)]
    taken += [(d.start, d.end) for d in dates]
    relative = find_relative_dates(text, taken)
    taken += [(r.start, r.end) for r in relative]
    times = []
    for m in TIME_RE.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            times.append(m.group(0))
            taken.append((m.start(), m.end()))
    weekdays = find_weekdays(text, taken)
    taken += [(w.start, w.end) for w in weekdays]
    amounts = find_amounts(text, taken)
    taken += [(a.start, a.end) for a in amounts]
    ordinals = find_ordinals(text, taken)
    taken += [(o.start, o.end) for o in ordinals]
    stray = tuple(m.group(0) for m in NUMBER_RE.finditer(text) if not any(s <= m.start() < e for s, e in taken))
    zone = TIME_ZONE_RE.search(text)
    if zone:
        taken.append(zone.span())  # "Indian time" names a clock, not a rival of any fact's name
    unknown = tuple(find_unknown_names(text, taken, vocabulary)) if vocabulary else ()
    return Extraction(
        text=text,
        dates=tuple(dates),
        weekdays=tuple(weekdays),
        amounts=tuple(amounts),
        relative_dates=tuple(relative),
        ordinals=tuple(ordinals),
        mentions=tuple(mentions),
        times=tuple(times),
        stray_numbers=stray,
        unknown_names=unknown,
        superlatives=tuple(find_superlatives(text, is_superlative)),
        time_zone=zone.group(0) if zone else None,
        time_zone_span=zone.span() if zone else None,
    )


def content_concepts(text: str, spans: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Topic concepts of ``text`` outside the value spans, in order."""
    out = []
    masked = mask(text, spans)
    for m in TOKEN_RE.finditer(rewrite_phrases(masked)):
        word = m.group(0)
        whole_known = negative_pole(word) is not None or stem(word) in synonym_heads()
        parts = word.split("-") if "-" in word and not whole_known else [word]
        for part in parts:
            if is_content(part):
                out.append(concept(part))
    return out


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the value spans blanked out (same length, so offsets hold)."""
    if not spans:
        return text
    pieces = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            start = last
        pieces.append(text[last:start])
        pieces.append(" " * max(0, end - start))
        last = max(last, end)
    pieces.append(text[last:])
    return "".join(pieces)
