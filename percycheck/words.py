"""Word-level normalisation: tokens, stems, synonyms, negation and opposites.

Claims and facts are compared as bags of *concepts*: a word is lower-cased, stemmed and mapped
to the head of its synonym group, so "touched down", "landed" and "landing" meet. The lists here
are general English and spaceflight vocabulary, not phrases of any one fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’\-][A-Za-z0-9\u00C0-\u024F]+)*")

STOPWORDS = frozenset(
    """
    a an the and or but nor of in on at to for from by with as into onto upon about via per
    this that these those it its it's itself he she they them their there here his her hers him
    is are was were be been being am has have had having do does did doing will would shall
    should can could may might must also too very so such than then just only even still yet
    which who whom whose what when where why how while whether if because since though although
    after before during until till over under again further once all any both each few more most
    other some own same s t don now up down out off one's i we you our your my me us
    s' 's said says say according reportedly ever so-called called named known
    get gets got getting gotten back part inside within near onto across through throughout between among amongst behind beyond
    along alongside toward towards around against aboard atop via among per like instead
    located situated based headquartered rather whereas likewise actually really basically literally indeed certainly definitely
    obviously apparently essentially they'd we'd he'd she'd i'd you'd it'd that's there's what's
    """.split()
)
"""Words that carry no topic. Negation words are deliberately absent (see NEGATIONS)."""

LIGHT_WORDS = frozenset(
    "here see show appear visible finally now recently currently already eventually meanwhile".split()
)
"""Words (lemmas) that present a statement without adding anything to check ("seen here",
"appears in this image", "finally")."""

NEGATIONS = frozenset(
    "not no never none nothing nobody neither nor cannot can't won't didn't doesn't don't "
    "isn't wasn't weren't aren't hasn't haven't hadn't couldn't wouldn't shouldn't without".split()
)

NEGATION_IDIOMS_RE = re.compile(
    r"\b(?:not|n't|never)\s+(?:\w+\s+){0,4}?(?:until|till|before|for at least|for another|for more than)\b"
    r"|\bno\s+(?:\w+\s+){0,2}?(?:before|else|other|prior)\b(?=.*\b(?:as many|as much|more|as far|as long)\b)"
)
"""'Wasn't dropped off until / for at least two months' asserts a delay, not a denial."""

NEGATION_IDIOMS = (
    "never seen before",
    "never before",
    "not only",
    "no doubt",
    "nothing but",
    "no sooner",
)
"""Phrases that contain a negation word but assert something positive."""

# Words whose meaning is the negative pole of a concept: each maps to the concept's positive word.
OPPOSITES: dict[str, str] = {
    "unsuccessful": "success",
    "unsuccessfully": "success",
    "failure": "success",
    "failed": "success",
    "fail": "success",
    "fails": "success",
    "flop": "success",
    "monochrome": "color",
    "grayscale": "color",
    "greyscale": "color",
    "black-and-white": "color",
    "unsafely": "safe",
    "crashed": "safe",
    "crash": "safe",
    "unmanned": "crewed",
    "uncrewed": "crewed",
    "inactive": "active",
    "impossible": "possible",
    "unable": "able",
    "incomplete": "complete",
    "unfinished": "complete",
    "cancelled": "complete",
    "canceled": "complete",
    "postponed": "ontime",
    "delayed": "ontime",
    "late": "ontime",
    "damaged": "intact",
    "broken": "intact",
}

PHRASE_REWRITES: tuple[tuple[str, str], ...] = (
    ("has yet to", "has not"),
    ("have yet to", "have not"),
    ("is yet to", "is not"),
    ("are yet to", "are not"),
    ("was yet to", "was not"),
    ("had yet to", "had not"),
    ("no longer", "not"),
    ("black and white", "black-and-white"),
    ("black & white", "black-and-white"),
    ("touched down", "landed"),
    ("touch down", "land"),
    ("touches down", "lands"),
    ("touching down", "landing"),
    ("set down", "landed"),
    ("took off", "launched"),
    ("lifted off", "launched"),
    ("blasted off", "launched"),
    ("take off", "launch"),
    ("in colour", "color"),
    ("in color", "color"),
    ("full colour", "color"),
    ("full color", "color"),
    ("held up", "hindered"),
    ("hold up", "hinder"),
    ("put out", "released"),
    ("carried out", "performed"),
    ("try out", "test"),
    ("tried out", "tested"),
    ("made up of", "composed"),
    ("made of", "composed"),
    ("made from", "composed"),
    ("pieced together", "stitched"),
    ("put together", "stitched"),
    ("back to earth", "return earth"),
    ("back on earth", "return earth"),
    ("prove to be", "be"),
    ("proved to be", "be"),
    ("turn out to be", "be"),
    ("turned out to be", "be"),
    ("team up with", "partner with"),
    ("teamed up with", "partnered with"),
    ("teaming up with", "partnering with"),
    ("join forces with", "partner with"),
    ("joined forces with", "partnered with"),
    ("got in the way of", "hindered"),
    ("get in the way of", "hinder"),
    ("stood in the way of", "hindered"),
    ("slowed down", "hindered"),
    ("held the post of", "served as"),
    ("holds the post of", "serves as"),
    ("held the position of", "served as"),
    ("holds the position of", "serves as"),
    ("held the role of", "served as"),
    ("sent on its way", "launched"),
    ("sent it on its way", "launched"),
    ("sent the rover on its way", "launched the rover"),
    ("got off the ground", "launched"),
    ("headed for", "launched to"),
    ("thumbs-up", "thumb-up"),
    ("thumbs up", "thumb-up"),
    ("one year since", "anniversary of"),
    ("a year since", "anniversary of"),
    ("one whole year since", "anniversary of"),
    ("a full year since", "anniversary of"),
    ("one year after", "anniversary of"),
    ("a year after", "anniversary of"),
    ("rode to space", "launched"),
    ("ride to space", "launch"),
    ("rode into space", "launched"),
    ("carried into space", "launched"),
    ("carried perseverance into space", "launched perseverance"),
    ("blasted into space", "launched"),
    ("first go at", "first attempt at"),
    ("figuring out", "characterizing"),
    ("figure out", "characterize"),
    ("work out", "characterize"),
    ("used to be", "past"),
    ("long ago", "ancient"),
    ("was home to", "contained"),
    ("is home to", "contains"),
    ("were home to", "contained"),
    ("going to", "will"),
    ("set to be", "scheduled to be"),
    ("was set to", "was scheduled to"),
    ("were set to", "were scheduled to"),
    ("is set to", "is scheduled to"),
    ("go on its first", "take its first"),
    ("weighs in at", "weighs"),
    ("tipped the scales at", "weighed"),
    ("tips the scales at", "weighs"),
    ("something like", "like"),
    ("pop loose", "release"),
    ("popped loose", "released"),
    ("break loose", "release"),
    ("performed the same feat", "did the same"),
    ("pulled off the same feat", "did the same"),
    ("did the same job", "did the same"),
    ("performed the same job", "did the same"),
    ("lie ahead", "yet to come"),
    ("lies ahead", "yet to come"),
    ("still to come", "yet to come"),
    ("bring back", "return"),
    ("bringing back", "returning"),
    ("brought back", "returned"),
    ("send back", "return"),
    ("sent back", "returned"),
    ("most difficult", "hardest"),
    ("more difficult", "harder"),
    ("look for", "search"),
    ("looking for", "searching"),
    ("looks for", "searches"),
    ("hunt for", "search"),
    ("hunting for", "searching"),
    ("in charge of", "manages"),
    ("share space on", "located on"),
    ("shares space on", "located on"),
    ("share space with", "located with"),
    ("runs operations", "manages"),
    ("run by", "managed"),
    ("is part of", "partof"),
    ("are part of", "partof"),
    ("was part of", "partof"),
    ("first-of-its-kind", "first kind"),
    ("one-of-a-kind", "first kind"),
    ("never seen before", "first kind"),
    ("never before seen", "first kind"),
    ("for the first time", "first"),
    ("robotic geologist", "rover"),
    ("red planet", "mars"),
    ("space agency", "agency"),
    ("single day", "day"),
    ("one day", "day"),
    ("one-day", "day"),
    ("single-day", "day"),
)
"""Multi-word expressions rewritten before tokenising, so each becomes one concept."""

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("land", "touchdown", "arrive", "arrival", "reach", "descent", "descend", "lower"),
    ("launch", "liftoff", "blastoff", "depart"),
    ("mass", "weigh", "weight", "heavy", "pound", "kilogram", "ton", "tonne", "lb", "kg"),
    ("distance", "far", "drive", "travel", "cover", "traverse", "journey", "trip", "road", "roll", "trek"),
    ("record", "longest", "farthest", "furthest", "greatest"),
    ("image", "photo", "photograph", "picture", "shot", "snapshot", "view", "still", "frame", "panorama", "panoramic", "vista"),
    ("video", "footage", "film", "movie", "clip", "recording"),
    ("camera", "cam", "imager"),
    ("capture", "take", "snap", "record", "film", "shoot", "photograph"),
    ("release", "publish", "unveil", "share", "issue", "distribute"),
    ("test", "trial", "try", "check", "demonstrate", "demonstration", "experiment"),
    ("collect", "gather", "acquire", "obtain", "take", "grab", "pick"),
    ("sample", "specimen", "core"),
    ("drill", "bore"),
    ("search", "hunt", "seek", "look", "quest"),
    ("sign", "evidence", "trace", "hint", "indication"),
    ("ancient", "past", "old", "former", "prehistoric", "early"),
    ("microbial", "microbe", "microorganism", "microscopic", "bacterial"),
    ("life", "organism", "living", "biology"),
    ("objective", "goal", "aim", "purpose", "priority", "mission", "task", "job"),
    ("key", "main", "primary", "central", "chief", "principal", "major", "important"),
    ("build", "construct", "assemble", "make", "develop", "design"),
    ("manage", "operate", "run", "oversee", "control", "lead", "direct", "charge"),
    ("helicopter", "copter", "chopper", "rotorcraft", "drone"),
    ("rover", "robot", "geologist", "explorer", "probe"),
    ("spacecraft", "craft", "ship", "vessel"),
    ("scientist", "researcher"),
    ("engineer", "technician"),
    ("hardest", "toughest", "difficult", "challenging", "tricky"),
    ("return", "bring", "retrieve", "send", "deliver", "ship", "transport"),
    ("earth", "home"),
    ("partner", "cooperation", "collaboration", "together", "jointly", "alongside", "help"),
    ("future", "subsequent", "later", "next", "follow", "upcoming", "coming"),
    ("characterize", "characterise", "study", "investigate", "examine", "analyze", "analyse", "explore", "survey"),
    ("geology", "rock", "terrain", "geological"),
    ("climate", "weather", "atmosphere"),
    ("human", "astronaut", "people", "crewed", "person"),
    ("first", "pioneer", "maiden", "inaugural", "debut", "opening"),
    ("final", "last", "closing", "concluding"),
    ("hinder", "slow", "impede", "hamper", "obstruct", "delay", "stall", "block"),
    ("successful", "success", "succeed", "successfully", "work", "accomplish", "achieve", "complete"),
    ("underside", "belly", "bottom", "beneath", "underneath", "below"),
    ("zoom", "zoomable", "magnify"),
    ("expect", "plan", "schedule", "due", "intend", "anticipate", "slate"),
    ("mount", "sit", "perch", "position", "house", "place", "lie", "rest", "bolt", "attach", "fix", "cling", "hang"),
    ("mast", "head"),
    ("stitch", "compose", "assemble", "combine", "mosaic", "merge", "composite"),
    ("tube", "container", "canister"),
    ("tweet", "twitter", "post"),
    ("board", "plank", "panel"),
    ("wall", "display"),
    ("seal", "sealed", "close"),
    ("lake", "water"),
    ("crater", "basin"),
    ("anniversary", "birthday"),
    ("selfie", "self-portrait"),
    ("wheel", "wheeled"),
    ("flat", "level", "even"),
    ("spot", "location", "place", "site", "area"),
    ("drop", "deploy", "release", "leave", "loose", "free", "unleash"),
    ("oxygen", "o2"),
    ("generator", "produce", "produces", "generate", "maker"),
    ("prototype", "experimental", "demonstrator"),
    ("mission", "expedition", "program", "programme", "campaign", "project"),
    ("scientific", "science"),
    ("value", "worth", "merit", "importance"),
    ("chronology", "timeline", "history", "age", "dating", "date"),
    ("formation", "form", "formed", "origin", "creation"),
    ("model", "replica", "mockup", "mock-up"),
    ("projection", "project", "projected", "beam", "light", "illuminate"),
    ("artist", "artwork"),
    ("banner", "sign", "message"),
    ("screen", "display", "monitor"),
    ("watch", "view", "observe", "see"),
    ("broadcast", "stream", "livestream", "show", "air", "screen"),
    ("react", "reaction", "celebrate", "cheer", "rejoice"),
    ("confirm", "confirmation", "verify"),
    ("team", "crew", "staff"),
    ("health", "status", "condition"),
    ("relay", "transmit", "forward", "pass", "beam"),
    ("orbit", "orbiting", "orbiter", "circle", "circling"),
    ("parachute", "chute"),
    ("pyrotechnic", "explosive", "charge"),
    ("fire", "detonate", "ignite", "explode", "trigger"),
    ("raise", "lift", "deploy", "erect", "extend", "unstow"),
    ("software", "system", "program"),
    ("ground", "surface", "dirt", "soil"),
    ("illustration", "drawing", "rendering", "artwork"),
    ("division", "branch", "unit"),
    ("federally", "federal", "government"),
    ("prepare", "preparation", "pave", "groundwork", "pathway"),
    ("cache", "store", "stash", "deposit", "depot"),
    ("regolith", "soil", "dust"),
    ("laboratory", "lab"),
    ("advanced", "sophisticated", "capable", "cutting-edge"),
    ("safe", "safely", "intact", "unharmed"),
    ("color", "colour", "coloured", "colored", "colorful"),
    ("chalk-size", "chalk-sized", "chalk"),
    ("hand-crafted", "handmade", "handcrafted", "hand-made", "hand-built", "craft"),
    ("titanium", "metal"),
)
"""Each group's first word is the concept every member stands for."""

SUPERLATIVES = frozenset(
    """best worst most least fewest largest biggest smallest heaviest lightest fastest slowest longest
    shortest farthest furthest highest lowest oldest youngest newest earliest latest greatest
    deepest closest nearest hardest toughest busiest brightest hottest coldest tallest widest
    strongest costliest priciest cheapest riskiest safest""".split()
)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` with their start and end offsets."""
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@lru_cache(maxsize=16384)
def rewrite_phrases(text: str) -> str:
    """Lower-case ``text`` and fold multi-word expressions into single words."""
    low = text.lower().replace("’", "'")
    for phrase, single in PHRASE_REWRITES:
        if phrase in low:
            low = re.sub(r"\b" + re.escape(phrase) + r"\b", single, low)
    return low


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


IRREGULAR = {
    w: base
    for base, forms in {
        "drive": "drove driven",
        "take": "took taken",
        "make": "made",
        "send": "sent",
        "build": "built",
        "begin": "began begun",
        "hold": "held",
        "find": "found",
        "lead": "led",
        "fly": "flew flown",
        "break": "broke broken",
        "run": "ran",
        "see": "saw seen",
        "come": "came",
        "go": "went gone",
        "give": "gave given",
        "shoot": "shot",
        "bring": "brought",
        "catch": "caught",
        "choose": "chose chosen",
        "write": "wrote written",
        "ride": "rode ridden",
        "rise": "rose risen",
        "fall": "fell fallen",
        "hang": "hung",
        "stand": "stood",
        "win": "won",
        "get": "got gotten",
        "leave": "left",
        "keep": "kept",
        "sit": "sat",
        "strike": "struck",
        "spend": "spent",
        "light": "lit",
        "meet": "met",
        "tell": "told",
        "think": "thought",
        "mean": "meant",
        "dig": "dug",
        "seek": "sought",
        "buy": "bought",
        "lose": "lost",
        "grow": "grew grown",
        "show": "shown",
        "know": "knew known",
        "throw": "threw thrown",
        "draw": "drew drawn",
        "bear": "bore borne",
        "use": "using used uses",
    }.items()
    for w in forms.split()
}
"""Irregular verb forms, so "driven" meets "drive" and "built" meets "build"."""


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripping stem: enough to meet "landed"/"lands"/"landing"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = IRREGULAR.get(w, w)
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


def _build_synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in SYNONYM_GROUPS:
        head = stem(group[0])
        for word in group:
            table.setdefault(word, head)
            table.setdefault(stem(word), head)
    return table


SYNONYMS = _build_synonyms()


@lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """The concept a word stands for: its stem, mapped to its synonym group's head."""
    low = word.lower()
    if low in OPPOSITES:
        low = OPPOSITES[low]
    if low in SYNONYMS:
        return SYNONYMS[low]
    s = stem(low)
    return SYNONYMS.get(s, s)


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
        if word in NEGATIONS or word in OPPOSITES or word.endswith("n't"):
            flips += 1
    return -1 if flips % 2 else 1
