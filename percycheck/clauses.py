"""Split a compound claim into the parts that must each hold.

"It launched on July 30, 2020 from Cape Canaveral and landed in Jezero Crater" is two claims.
A conjunction splits only when what follows starts a new predicate (a verb, or a new subject
and a verb); "rock and regolith" or "Mastcam-Z and SuperCam" stay whole.
"""

from __future__ import annotations

import re

from percycheck import lexicon

SPLIT_RE = re.compile(r";\s?|(?<!\s),?\s+(?:and|but|while|whereas)\s+(?:then\s+|later\s+|also\s+|has\s+since\s+)?", re.I)
"""Where a compound claim may split. Each run of spaces is tried once (the look-behind), so
the pattern stays linear on long runs of spaces."""
AUXILIARIES = frozenset(
    "is are was were has have had will would can could did does do may might must shall should "
    "isn't wasn't weren't hasn't haven't didn't won't".split()
)
COMMON_VERBS = frozenset(
    "took made sent began got won flew drove broke built led found saw came went gave held hit "
    "left set shot stood ran became carried landed launched collected deployed tested touched "
    "captured released returned showed shows leads manages manage built builds drilled recorded "
    "reached weighs weighed carries hangs hung sits lies arrived stitched composed marks marked "
    "sit sat share shares lie hang carry hold take make have send leads lead manage build drive "
    "collect deploy test capture release return show reach weigh arrive compose mark".split()
)
VERB_WINDOW = 5
"""A verb must come within this many words for the words after "and" to be a new clause."""
MIN_PART_WORDS = 3
APPOSITIVE_RE = re.compile(r",\s[^,]{1,80},\s")
"""", used for driving, " between a subject and its verb."""
ELLIPSIS_RE = re.compile(r"^so\s+(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would)\s+(.+)$", re.I)


DATE_COMMA_RE = re.compile(r",(?=\s*(?:19|20)\d\d\b)")
"""The comma in "July 30, 2020" separates no clauses."""
RELATIVE_RE = re.compile(r",\s+(?:which|who)\s+([^,]{3,120})(?:,\s+|$)")
APPOSITIVE_RE_FULL = re.compile(
    r"^(?P<x>[A-Z][^,]{1,60}?),\s+(?P<app>[^,]{3,100}?),\s+(?P<rest>(?:is|was|were|are|has|had|have|will|would|said|says|led|leads|built|manages|managed|[a-z]+ed|[a-z]+s)\b.+)$"
)
PARTICIPLE_RE = re.compile(
    r"^(?P<part>(?:[A-Z][a-z]+ed|Built|Made|Sent|Taken|Shot|Drawn|Seen|Led|Run|Held)\b[^,]{3,120}),\s+(?P<rest>(?:the|NASA|its|it|[A-Z])\S*\s.+)$"
)
TRAILING_APPOSITIVE_RE = re.compile(
    r"(?P<x>\b(?:[A-Z][\w'’-]*\s){0,3}[A-Z][\w'’-]*),\s+(?P<app>(?:a|an|the)\s[^,;:]{3,120}?)[.!]?$"
)
"""A name that ends the sentence with a description: "..., deployed Ingenuity, the first helicopter
to fly on another planet." The description is a claim about the name."""
OPENING_PREPOSITIONS = frozenset(
    "in on at after before during since by for from with within over under until following despite "
    "unlike like as when while once about across along among around through throughout according".split()
)
"""An opening phrase that starts with one of these ("In its first year, ...") is not a noun with an appositive."""
ASIDE_WORDS = 3
"""A relative clause or an appositive with fewer words than this is left in place."""


def split_asides(text: str) -> list[str]:
    """Lift relative clauses, appositives and participle openers out as claims of their own.

    "JPL, which manages the mission, is in Houston" claims two things: JPL manages the mission,
    and JPL is in Houston. Each part is checked on its own.
    """
    masked = DATE_COMMA_RE.sub("\x00", text)
    parts: list[str] = []
    m = PARTICIPLE_RE.match(masked)
    if m:
        rest = m.group("rest")
        subject = subject_words(rest) or "it"
        parts.append(f"{subject} was {m.group('part')[0].lower()}{m.group('part')[1:]}")
        masked = rest[0].upper() + rest[1:]
    m = TRAILING_APPOSITIVE_RE.search(masked)
    if m and m.start() > 0 and len(m.group("app").split()) >= ASIDE_WORDS:
        parts.append(f"{m.group('x')} is {m.group('app')}")
        masked = masked[: m.end("x")]
    m = APPOSITIVE_RE_FULL.match(masked)
    if (
        m
        and len(m.group("app").split()) >= ASIDE_WORDS
        and not m.group("app").lower().startswith(("which", "who"))
        and m.group("x").split()[0].lower() not in OPENING_PREPOSITIONS
    ):
        parts.append(f"{m.group('x')} is {m.group('app')}")
        masked = f"{m.group('x')} {m.group('rest')}"
    for rel in RELATIVE_RE.finditer(masked):
        clause = rel.group(1)
        if len(clause.split()) < ASIDE_WORDS:
            continue
        head = masked[: rel.start()].split()
        noun = " ".join(head[-3:]) if len(head) > 3 else " ".join(head)
        parts.append(f"{noun} {clause}")
    masked = RELATIVE_RE.sub(
        lambda r: (
            " "
            if len(r.group(1).split()) >= ASIDE_WORDS and r.end() < len(masked)
            else ("" if len(r.group(1).split()) >= ASIDE_WORDS else r.group(0))
        ),
        masked,
    )
    whole = [masked.strip(" ,")] if masked.strip(" ,") else []
    return [p.replace("\x00", ",") for p in whole + parts]


def split_clauses(text: str) -> list[str]:
    """The parts of a compound claim; a simple claim comes back as a list of one."""
    asides = split_asides(text)
    if len(asides) > 1:
        return [part for piece in asides for part in _split_conjunctions(piece)]
    return _split_conjunctions(text)


def _split_conjunctions(text: str) -> list[str]:
    """Split on "and", "but", "while", ";" where a new predicate starts, and on the commas of a
    series of predicates ("collected X, tested Y and deployed Z")."""
    pieces = SPLIT_RE.split(text)
    if len(pieces) < 2:
        return [text]  # a comma series alone ("landed, rested and drove") needs its "and"
    pieces = [p for piece in pieces for p in _series(piece)]
    parts: list[str] = [pieces[0]]
    for piece in pieces[1:]:
        # "NASA, ESA and JAXA are partners": the words before "and" have no verb, so no clause ends there
        if len(piece.split()) >= MIN_PART_WORDS and _starts_predicate(piece) and _has_predicate(parts[-1]):
            parts.append(piece)
        else:
            joiner = " and " if not parts[-1].endswith(";") else " "
            parts[-1] = parts[-1] + joiner + piece
    if len(parts) < 2:
        return [text]
    first = APPOSITIVE_RE.sub(" ", parts[0])
    subject = subject_words(first)
    predicate = first[len(subject) :].strip() if subject else ""
    result = [parts[0].rstrip(" .,;")]
    for part in parts[1:]:
        part = part.rstrip(" .,;")
        ellipsis = ELLIPSIS_RE.match(part)
        if ellipsis and predicate:
            # "... sit on the mast, and so do the Hazcams" claims the Hazcams sit on the mast
            result.append(f"{ellipsis.group(1)} {predicate}".rstrip(" .,;"))
            continue
        if subject and not re.match(r"^(?:it|he|she|they|the\s|[A-Z])", part) and not subject_words(part):
            part = f"{subject} {part}"  # "..., and landed in Jezero": the first part's subject landed
        result.append(part)
    return result


SERIES_COMMA_RE = re.compile(r",\s+(?=[a-z]+ed\b)")
"""A comma before a past-tense verb, inside a series that "and" ends."""


def _series(piece: str) -> list[str]:
    """The predicates of a comma series, when each item after a comma starts with its verb."""
    items = SERIES_COMMA_RE.split(piece)
    if len(items) < 2 or not all(len(i.split()) >= MIN_PART_WORDS and _starts_predicate(i) for i in items[1:]):
        return [piece]
    return items


def _has_predicate(piece: str) -> bool:
    """Does a piece carry a verb anywhere (a known verb, a past tense, or a present tense in "-s"
    that WordNet reads as a verb: "Watkins directs JPL")?"""
    words = piece.split()
    if any(_starts_predicate(" ".join(words[i:])) for i in range(0, len(words), VERB_WINDOW)):
        return True
    bare = [w.strip(",.;:()\"'“”") for w in words]
    return any(w.islower() and w.endswith("s") and w[:-1] in lexicon.base_forms(w, "v") for w in bare)


def _starts_predicate(piece: str) -> bool:
    """Do the words after a conjunction carry a verb of their own?"""
    if ELLIPSIS_RE.match(piece):
        return True
    words = [w.strip(",.;:()\"'“”").lower() for w in piece.split()[:VERB_WINDOW]]
    for word in words:
        if word in AUXILIARIES or word in COMMON_VERBS:
            return True
        if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
            return True
    return False


ADVERBS = frozenset("first also then later recently successfully finally already soon once".split())


def subject_words(first: str) -> str:
    """The words before the first clause's verb: what a bare second clause is about."""
    words = first.split()
    if words and words[0].lower() in OPENING_PREPOSITIONS:
        # "In its first year, Perseverance collected ...": the subject follows the opening phrase
        comma = next((i for i, w in enumerate(words[:8]) if w.endswith(",")), None)
        if comma is not None:
            return subject_words(" ".join(words[comma + 1 :]))
    for i, word in enumerate(words[:8]):
        w = word.strip(",.;:()\"'“”").lower()
        if (
            w in AUXILIARIES
            or w in COMMON_VERBS
            or (len(w) > 4 and w.endswith("ed") and not w.endswith("eed"))
            or (i and w.endswith("s") and w not in ADVERBS and words[i - 1][:1].isupper() and not word[:1].isupper())
        ):
            subject = words[:i]
            while subject and subject[-1].lower() in ADVERBS:
                subject.pop()
            return " ".join(subject)
    return ""
