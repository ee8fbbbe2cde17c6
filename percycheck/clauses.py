"""Split a compound claim into the parts that must each hold.

"It launched on July 30, 2020 from Cape Canaveral and landed in Jezero Crater" is two claims.
A conjunction splits only when what follows starts a new predicate (a verb, or a new subject
and a verb); "rock and regolith" or "Mastcam-Z and SuperCam" stay whole.
"""

from __future__ import annotations

import re

SPLIT_RE = re.compile(r"\s*(?:;|,?\s+(?:and|but|while|whereas)\s+(?:then\s+|later\s+|also\s+|has\s+since\s+)?)\s*", re.I)
VERB_RE = re.compile(
    r"^(?:(?:it|he|she|they|the\s+\w+|nasa|jpl|perseverance|ingenuity)\s+)?"
    r"(?:(?:was|were|is|are|has|have|had|will|would|can|could|did|does|also|then|later|recently|successfully|not|never)\s+)*"
    r"(?:[a-z]+ed|[a-z]+s|[a-z]+t|ran|took|made|sent|began|got|won|flew|drove|broke|built|led|found|saw|came|went|gave|held|hit|left|set|shot|stood|carried|landed|launched|collected|deployed|tested|touched|captured|released|returned|became|become|be|been|being)\b",
    re.I,
)
MIN_PART_WORDS = 3


def split_clauses(text: str) -> list[str]:
    """The parts of a compound claim; a simple claim comes back as a list of one."""
    pieces = SPLIT_RE.split(text)
    if len(pieces) < 2:
        return [text]
    parts: list[str] = [pieces[0]]
    for piece in pieces[1:]:
        if len(piece.split()) >= MIN_PART_WORDS and VERB_RE.match(piece):
            parts.append(piece)
        else:
            joiner = " and " if not parts[-1].endswith(";") else " "
            parts[-1] = parts[-1] + joiner + piece
    if len(parts) < 2:
        return [text]
    subject = _subject(parts[0])
    result = [parts[0].rstrip(" .,;")]
    for part in parts[1:]:
        part = part.rstrip(" .,;")
        if subject and not re.match(r"^(?:it|he|she|they|the\s|nasa|jpl|[A-Z])", part):
            part = f"{subject} {part}"
        result.append(part)
    return result


SUBJECT_RE = re.compile(r"^((?:NASA(?:['’]s)?\s+)?(?:the\s+)?(?:[A-Z][\w\-’']*\s+){0,3}?(?:rover|helicopter|mission|Perseverance|Ingenuity|Curiosity|it|[A-Z][\w\-]*))\b")


def _subject(first: str) -> str:
    m = SUBJECT_RE.match(first)
    return m.group(1) if m else ""
