"""Cut prose into located sentences, and tell which of them are worth checking.

The engine judges one claim at a time, so an input has to be cut into sentences first, and
each sentence must remember where it starts so a report can point a reader (or an editor,
or a CI annotation) at it. Plain text, Markdown and one-claim-per-line input are handled
here. Everything is pure and linear-time: every pattern is compiled once, none has nested
or overlapping quantifiers, and scans are bounded, so a hostile file cannot stall a run.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from percycheck import lexicon
from percycheck.models import Claim, Location

__all__ = [
    "is_check_worthy",
    "looks_like_markdown",
    "skip_reason",
    "split_lines",
    "split_markdown",
    "split_text",
    "suppressed_lines",
]

# --------------------------------------------------------------------------- characters

_BOM = "\ufeff"
_TERMINATORS = ".!?…"
_CLOSERS = "\"'”’)]}»"
_OPENERS = "\"'“‘([{«"
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»—–…·•"
# A line that ends with one of these is plainly unfinished, whatever its length.
_CONTINUATION = ",;-–—(&/+="
_PEEK = 48  # no abbreviation or sentence opening we look at is longer than this

# A boundary candidate is the last terminator of a run (plus closing quotes or brackets)
# followed by white space, or a line break (with the blank lines after it, if any).
_CANDIDATE = re.compile(
    r"(?P<term>[.!?…][\"'”’)\]}»]*+)(?=\s|\Z)"
    r"|(?P<nl>\r\n?|\n)(?P<para>(?:[^\S\r\n]*+(?:\r\n?|\n))+)?"
)
_LINE_BREAK = re.compile(r"\r\n?|\n")
_SPACE = re.compile(r"\s*")
_ALNUM = re.compile(r"[^\W_]")
_ALNUM_RUN = re.compile(r"[^\W_]+")
_LIST_MARKER = re.compile(r"(?:[-*+•‣◦–—]|\d{1,3}[.)])[ \t]+")

# ------------------------------------------------------------------------ abbreviations

# Titles and months come before a name or a date, so they never end a sentence.
_TITLES = frozenset("Mr Mrs Ms Messrs Dr Prof St Mt Ft Gen Sen Rep Gov Lt Col Capt Cmdr Sgt Rev Hon Pres Supt Adm Maj".split())
_MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# Latin and editorial shorthands, in any case.
_SHORTHANDS = frozenset("e.g i.e vs cf viz approx ca incl esp resp".split())
# These stand before a number ("No. 5", "Fig. 3"); elsewhere they may end a sentence.
_BEFORE_NUMBER = frozenset("No Nos no nos Vol Vols vol pp p Fig Figs fig Eq Art Sec Ch".split())
# These often end a sentence too, so they end one when a capitalised word follows.
_CONDITIONAL = frozenset(
    "Inc Corp Ltd Co Bros Jr Sr Esq etc al a.m p.m D.C U.S.A"
    " Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss"
    " Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo"
    " N.H N.J N.M N.Y N.C N.D R.I S.C S.D W.Va".split()
)
# A short line ending with one of these words is a wrapped line, not a headline.
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for with by from into and or but nor as than that which who"
    " its their his her our my your this these those is are was were be been has have had"
    " will would can could may might must".split()
)


def _is_abbreviation(word: str, following: str) -> bool:
    """Whether ``word`` + "." is shorthand rather than the end of a sentence."""
    if word in _TITLES or word in _MONTHS or word.lower() in _SHORTHANDS:
        return True
    if word in _BEFORE_NUMBER:
        return following[:1].isdigit()
    if word in _CONDITIONAL:
        return not following[:1].isupper()
    if len(word) == 1:
        return word.isalpha() and word.isupper()  # an initial: "Michael A. Watkins"
    parts = word.split(".")
    # Dotted initials and acronyms: "J.R.R.", "U.S.", "U.K.".
    return len(parts) > 1 and all(len(part) == 1 and part.isalpha() for part in parts)


# ----------------------------------------------------------------------- the splitter


def _skip_space(text: str, start: int, end: int | None = None) -> int:
    """The first offset at or after ``start`` (and before ``end``) that is not white space."""
    match = _SPACE.match(text, start, len(text) if end is None else end)
    return start if match is None else match.end()


def _at_line_start(text: str, index: int) -> bool:
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    return index == 0 or text[index - 1] in "\r\n"


def _ends_sentence(text: str, last: int, after: int, begin: int, plain: bool) -> bool:
    """Whether the terminator run ending at ``last`` (closers up to ``after``) ends a sentence."""
    start_next = _skip_space(text, after)
    if start_next >= len(text):
        return True
    following = text[start_next : start_next + _PEEK].lstrip(_OPENERS)
    if following[:1].islower():
        return False  # '"Wow." he said', "e.g. rocks", "etc. and more"
    low = max(begin, last - _PEEK)
    pieces = text[low : last + 1].split()
    token = pieces[-1] if pieces else ""
    token_start = last + 1 - len(token)
    if token_start == low and low > 0 and not text[low - 1].isspace():
        return True  # a long token: no abbreviation is that long
    core = token.rstrip(_TERMINATORS)
    if token[len(core) :] != ".":
        return True  # "!", "?", "?!", an ellipsis before a capital
    word = core.lstrip(_OPENERS)
    if not word:
        return True
    if _is_abbreviation(word, following):
        return False
    if plain and word == core and word.isdigit() and len(word) <= 3:
        return not _at_line_start(text, token_start)  # "1. The first item"
    return True


def _line_ends_sentence(text: str, fragment_start: int, brk: int, after: int) -> bool:
    """Whether a single line break in plain text ends the sentence open before it.

    ``fragment_start`` is where the open sentence's part on this line begins. A line with
    no final punctuation whose last few words stand alone (a headline, a menu entry, a
    photo credit) is a sentence of its own; a long or plainly unfinished line is a wrapped
    one, and is joined to the next.
    """
    fragment = text[fragment_start:brk].rstrip()
    tail = fragment.rstrip(_CLOSERS)
    if not tail or tail[-1] in _TERMINATORS or fragment[-1] in _CONTINUATION:
        return False  # the terminator rule has already decided, or the line runs on
    words = fragment.split()
    if len(words) >= 12 or words[-1].lower() in _FUNCTION_WORDS:
        return False
    start_next = _skip_space(text, after)
    following = text[start_next : start_next + _PEEK].lstrip(_OPENERS)
    return not following[:1].islower()


def _spans(text: str, plain: bool) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every sentence in ``text`` that has a letter or digit."""
    begin = 0
    line_start = 0
    letter = -1  # first letter or digit at or after ``begin`` (len(text) when none is left)
    for match in _CANDIDATE.finditer(text):
        if letter < begin:
            found = _ALNUM.search(text, begin)
            letter = len(text) if found is None else found.start()
        if match.lastgroup == "term":
            end = match.end()
            if letter >= end:
                begin = end  # nothing but punctuation so far: drop it
            elif _ends_sentence(text, match.start(), end, begin, plain):
                yield from _trimmed(text, begin, end)
                begin = end
            continue
        brk, after = match.start(), match.end()
        if letter >= brk:
            begin = after  # nothing open: skip the blank lines
        elif match.group("para") is not None or (plain and _line_ends_sentence(text, max(begin, line_start), brk, after)):
            yield from _trimmed(text, begin, brk)
            begin = after
        line_start = after
    yield from _trimmed(text, begin, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped and _ALNUM.search(stripped):
        first = start + len(chunk) - len(chunk.lstrip())
        yield first, first + len(stripped)


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- locations


def _strip_bom(text: str) -> str:
    # The BOM is column 0: dropping it makes the first real character column 1.
    return text[1:] if text.startswith(_BOM) else text


def line_starts(text: str) -> array[int]:
    """The offset where each line of ``text`` starts (line 1 at 0)."""
    starts = array("q", [0])
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
    return starts


def _location(starts: array[int], offset: int, path: str | None) -> Location:
    line = bisect_right(starts, offset) - 1
    return Location(path, line + 1, offset - starts[line] + 1)


# --------------------------------------------------------------------------- plain text


def split_text(text: str, path: str | None = None) -> list[Claim]:
    """Plain text -> sentences, each with the 1-based line and column where it starts.

    Blank lines end a paragraph; a short line without final punctuation (a headline, a
    menu entry, a credit) is a sentence of its own; other line breaks are spaces. A list
    marker ("- ", "1. ") opening a line is not part of the sentence.
    """
    text = _strip_bom(text)
    starts = line_starts(text)
    claims = []
    for start, end in _spans(text, plain=True):
        if _at_line_start(text, start):
            marker = _LIST_MARKER.match(text, start, end)
            if marker is not None and marker.end() < end:
                # Past the marker and any white space after it ("1. " then a line break, a
                # form feed): the location is where the sentence's first word stands.
                start = _skip_space(text, marker.end(), end)
        claims.append(Claim(_collapse(text[start:end]), _location(starts, start, path)))
    return claims


def split_lines(text: str, path: str | None = None) -> list[Claim]:
    """Each non-empty line is one claim (stripped), located at its first non-space char.

    For claim lists written one per line, where a line is never worth splitting further.
    White space inside a line is collapsed, as it is for sentences.
    """
    text = _strip_bom(text)
    claims = []
    start = 0
    for number, match in enumerate(_LINE_BREAK.finditer(text + "\n"), 1):
        line = text[start : match.start()]
        stripped = line.strip()
        if stripped:
            column = len(line) - len(line.lstrip()) + 1
            claims.append(Claim(_collapse(stripped), Location(path, number, column)))
        start = match.end()
    return claims


# ----------------------------------------------------------------------------- Markdown

MAX_NESTING = 100
"""How deep markdown-it nests blocks (quotes, lists and their items each count) before it stops.

Its default, 20, dropped without a word a claim inside 20 block quotes or 10 list levels. A
container opened at the limit has its lines checked as plain text instead (:func:`_too_deep`):
nothing in a draft is silently left unchecked. 100 keeps the parser's recursion well within
Python's stack."""
# GFM's tables and strikethrough, YAML front matter and footnotes: each parsed by markdown-it-py
# or its plugins, so deleted text, front matter and footnote markers never reach a claim.
_MARKDOWN = (
    MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    .enable(["table", "strikethrough"])
    .use(front_matter_plugin)
    .use(footnote_plugin)
)
_DELETED_TAGS = re.compile(r"<(/?)(?:del|s|strike)(?:\s[^>]*)?>", re.IGNORECASE)
_CONTAINERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"})
_CONTAINER_PREFIX = re.compile(r"[ \t]*(?:(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))[ \t]*)*", re.MULTILINE)
"""Block quote and list markers at the start of a line ("> > - 1. ")."""
_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*(?:\r\n?|\n)")
_FRONT_MATTER_CLOSE = re.compile(r"(?:\r\n?|\n)(?:---|\.\.\.)[ \t]*(?=[\r\n]|\Z)")
_SEARCH_SLACK = 512  # how far past the expected start a sentence is looked for


def _front_matter_end(text: str) -> int:
    """Where a leading ``---`` YAML block ends, or 0 when there is none."""
    opening = _FRONT_MATTER_OPEN.match(text)
    if opening is None:
        return 0
    closing = _FRONT_MATTER_CLOSE.search(text, opening.end() - 1)
    return 0 if closing is None else closing.end()  # a lone "---" is a thematic break


def _inline_text(children: Sequence[Token]) -> str:
    """The prose of an inline token, as a reader sees it.

    Inline code keeps its text ("managed by `Boeing`" names Boeing: a sentence with a hole in it
    would be judged on words the writer did not write). Markup, HTML, images, URLs, footnote
    markers and deleted text (``~~…~~``, ``<del>…</del>``, ``<s>``, ``<strike>``) are left out.
    """
    parts: list[str] = []
    in_autolink = False
    deleted = 0  # depth of strikethrough and deletion tags
    for child in children:
        kind = child.type
        if kind == "link_open" and child.markup == "autolink":
            in_autolink = True  # "<https://...>": its text is the URL itself
        elif kind == "link_close" and in_autolink:
            in_autolink = False
        elif in_autolink:
            continue
        elif kind == "s_open":
            deleted += 1
        elif kind == "s_close":
            deleted = max(deleted - 1, 0)
        elif kind == "html_inline":
            tag = _DELETED_TAGS.fullmatch(child.content.strip())
            if tag is not None:
                deleted = max(deleted - 1, 0) if tag.group(1) else deleted + 1
        elif deleted:
            continue
        elif kind in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _find_start(source: str, sentence: str, cursor: int, limit: int) -> int | None:
    """Where ``sentence`` (rendered, markup removed) starts in the Markdown ``source``.

    The first few words are looked for together (with any white space between them: the
    source may wrap a line or put two spaces where the rendered text has one), then the first
    word's letters alone, since emphasis or a link may sit between the words in the source.
    """
    words = sentence.split()
    for count in range(min(4, len(words)), 1, -1):
        found = _find_words(source, words[:count], cursor, limit)
        if found >= 0:
            return found
    first = words[0]
    found = source.find(first, cursor, limit)
    if found >= 0:
        return found
    lead = first.lstrip(_PUNCTUATION)
    core = _leading_word(lead)
    if not core:
        return None
    found = source.find(core, cursor, limit)
    if found < 0:
        return None
    prefix = first[: len(first) - len(lead)]
    if prefix and source.startswith(prefix, found - len(prefix)):
        return found - len(prefix)
    return found


def _find_words(source: str, words: Sequence[str], cursor: int, limit: int) -> int:
    """Where ``words`` stand in ``source`` one after another, separated by white space, or -1.

    The match must start in ``cursor:limit``; ``str.find`` does the scanning, so this stays
    linear in the window however often the first word occurs in it.
    """
    first = words[0]
    found = source.find(first, cursor, limit)
    while found >= 0:
        at = found + len(first)
        for word in words[1:]:
            gap = _skip_space(source, at)
            if gap == at or not source.startswith(word, gap):
                break
            at = gap + len(word)
        else:
            return found
        found = source.find(first, found + 1, limit)
    return -1


def _leading_word(text: str) -> str:
    match = _ALNUM_RUN.match(text)
    return "" if match is None else match.group()


def _last_char(source: str, start: int, end: int) -> int:
    """The offset of the last character in ``start:end`` that is not white space (or ``start``)."""
    while end > start and source[end - 1].isspace():
        end -= 1
    return max(start, end - 1)


def split_markdown(text: str, path: str | None = None) -> list[Claim]:
    """Markdown (markdown-it-py: CommonMark, GFM tables and strikethrough, front matter and
    footnotes) -> sentences of the prose only.

    Headings (one claim each), paragraphs, list items, block quotes, table cells and footnote
    definitions are checked, inline code with the words around it; code blocks, front matter,
    HTML, deleted text, footnote markers, image alt text and URLs are not. Each sentence is
    located by finding its first words in the source line the parser reports, so markers
    such as "- ", "> " or "| " are skipped over.
    """
    source = _strip_bom(text).replace("\0", "\ufffd")
    starts = line_starts(source)
    tokens = _MARKDOWN.parse(source)
    claims: list[Claim] = []
    cursor = 0
    # Footnote definitions come last in the token stream: take every block in document order.
    blocks = sorted(
        (token.map[0], index) for index, token in enumerate(tokens) if token.type == "inline" and token.map is not None
    )
    for _, index in blocks:
        token = tokens[index]
        assert token.map is not None
        first_line, end_line = token.map
        block_start = starts[first_line] if first_line < len(starts) else len(source)
        block_end = starts[end_line] if end_line < len(starts) else len(source)
        cursor = max(cursor, block_start)
        rendered = _inline_text(token.children or [])
        if index > 0 and tokens[index - 1].type == "heading_open":
            spans: Iterator[tuple[int, int]] = _trimmed(rendered, 0, len(rendered))
        else:
            spans = _spans(rendered, plain=False)
        for start, end in spans:
            sentence = _collapse(rendered[start:end])
            limit = min(block_end, cursor + _SEARCH_SLACK + 2 * len(sentence))
            found = _find_start(source, sentence, cursor, limit)
            if found is None:
                # Unfindable (an entity, say): point into the block, never past its last
                # character (the cursor may already stand at its end).
                found = min(_skip_space(source, cursor, max(cursor, block_end)), _last_char(source, block_start, block_end))
                cursor = min(block_end, cursor + len(sentence))
            else:
                # The source of a sentence is never shorter than its rendered text.
                cursor = min(block_end, found + len(sentence))
            claims.append(Claim(sentence, _location(starts, found, path)))
    deep = _too_deep(tokens)
    if deep:
        claims += split_text(_only_lines(source, starts, deep), path)
        claims.sort(key=lambda c: (c.location.line, c.location.column) if c.location else (0, 0))
    return claims


def _too_deep(tokens: Sequence[Token]) -> set[int]:
    """The lines (0-based) markdown-it left unparsed: inside a container opened at ``MAX_NESTING``."""
    dropped: set[int] = set()
    for token in tokens:
        if token.nesting == 1 and token.level >= MAX_NESTING - 1 and token.type in _CONTAINERS and token.map:
            dropped.update(range(*token.map))
    if dropped:
        for token in tokens:  # whatever was parsed after all is not checked twice
            if token.type == "inline" and token.map:
                dropped.difference_update(range(*token.map))
    return dropped


def _only_lines(source: str, starts: array[int], lines: set[int]) -> str:
    """``source`` with every line but ``lines`` emptied and their quote and list markers blanked,
    so plain-text splitting finds their sentences at their true line and column."""
    parts = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(source)
        line = source[start:end]
        if number not in lines:
            parts.append(line[len(line.rstrip("\r\n")) :])
            continue
        marker = _CONTAINER_PREFIX.match(line)
        width = marker.end() if marker is not None else 0
        parts.append(" " * width + line[width:])
    return "".join(parts)


# ---------------------------------------------------------------- Markdown, by the look

_MARKDOWN_STRONG = (
    re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE),  # ATX heading
    re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE),  # code fence
    re.compile(r"\[[^\[\]\r\n]+\]\([^()\[\]\s]*\)"),  # [text](url), ![alt](url)
    re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE),  # table delimiter row
)
_MARKDOWN_WEAK = (
    re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE),  # list item
    re.compile(r"^ {0,3}>", re.MULTILINE),  # block quote
    re.compile(r"\*\*[^*\r\n]+\*\*|__[^_\r\n]+__"),  # strong emphasis
    re.compile(r"`[^`\r\n]+`"),  # inline code
    re.compile(r"^ {0,3}={3,}[ \t]*$", re.MULTILINE),  # setext underline
    re.compile(r"^ {0,3}<!--", re.MULTILINE),  # HTML comment
)


def looks_like_markdown(text: str) -> bool:
    """Guess whether ``text`` is Markdown, for inputs that arrive without a file name.

    One unmistakable sign (front matter, a heading, a fence, a link, a table) is enough;
    otherwise two different weaker ones (list items, quotes, emphasis, inline code) are.
    """
    text = _strip_bom(text)
    if _front_matter_end(text):
        return True
    if any(pattern.search(text) for pattern in _MARKDOWN_STRONG):
        return True
    return sum(1 for pattern in _MARKDOWN_WEAK if pattern.search(text)) >= 2


# --------------------------------------------------------------------------- suppression

_DIRECTIVE = re.compile(r"percycheck:[ \t]*ignore(-next-line)?(?![\w-])")


def suppressed_lines(text: str) -> frozenset[int]:
    """The 1-based lines whose claims are not to be reported.

    ``percycheck: ignore`` anywhere on a line (in a comment of any syntax) silences that
    line; ``percycheck: ignore-next-line`` silences the line after it instead.
    """
    starts = line_starts(text)
    lines = set()
    for match in _DIRECTIVE.finditer(text):
        line = bisect_right(starts, match.start())
        lines.add(line + 1 if match.group(1) else line)
    return frozenset(lines)


# ------------------------------------------------------------------------ worthiness

_MIN_WORDS = 4
_MAX_TOKENS = 400
_DIGIT = re.compile(r"\d")
_QUESTION_WORDS = frozenset("how why what which who whom whose".split())
_LABELS = frozenset(
    [
        "credit", "credits", "image credit", "photo credit", "photo", "photos", "photograph",
        "picture", "image", "images", "more images", "video", "videos", "source", "sources",
        "courtesy", "topics", "topic", "tags", "tag", "related", "related articles",
        "see also", "caption", "filed under", "share", "share this", "advertisement",
        "read more", "more", "updated", "published", "posted", "contact", "media contact",
        "email", "e-mail", "phone", "tel",
    ]
)  # fmt: skip
_FILLERS = frozenset("or and also please now then so just simply".split())
_IMPERATIVES = frozenset(
    "click tap subscribe unsubscribe sign create watch explore follow download listen share"
    " read get see join learn discover visit find check register log login don't dont try"
    " view browse donate buy shop go skip accept enable tell reply comment print save"
    " bookmark play continue".split()
)
_UI_PHRASES = frozenset(
    tuple(phrase.split())
    for phrase in [
        "newsletter", "newsletters", "subscription", "subscriptions", "subscriber",
        "subscribers", "unsubscribe", "login", "signup", "cookies", "advertisement",
        "sponsored", "sign up", "sign in", "log in", "credit card", "unlimited access",
        "free account", "privacy policy", "terms of use", "terms of service",
        "all rights reserved",
    ]
)  # fmt: skip
_SECOND_PERSON = frozenset("you your yours yourself you're you'll you've you'd".split())
_QUOTES = '"“”«»'
_OPINION_OPENERS = tuple(
    tuple(phrase.split())
    for phrase in [
        "i think", "i believe", "i feel", "i guess", "i love", "i like", "in my opinion",
        "in my view", "imo", "personally",
    ]
)  # fmt: skip
_LINKING_VERBS = frozenset("is are was were be looks look seems seem sounds".split())
_INTENSIFIERS = frozenset("so really very truly just absolutely pretty totally quite super the".split())
_EVALUATIVE = frozenset(
    "amazing awesome cool incredible beautiful great fantastic wonderful stunning"
    " impressive epic boring overrated terrible awful brilliant best coolest greatest lame"
    " cute gorgeous".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen hundred thousand"
    " million billion first second third fourth fifth january february march april may"
    " june july august september october november december jan feb mar apr jun jul aug sep"
    " sept oct nov dec".split()
)
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had having will would can could may might"
    " must shall should does did do it's that's there's here's he's she's what's who's"
    " let's".split()
)
_BASE_VERBS = frozenset(
    "carry include contain use make take show provide help study collect land drive weigh"
    " measure cost travel orbit operate send capture record need plan expect hope believe"
    " say appear remain become reveal suggest indicate mean allow require produce search"
    " explore hold keep seem find give know think see want tell work try leave bring begin"
    " run move live happen stand lose meet continue learn lead understand follow"
    " create speak spend grow reach pass decide explain develop serve report rise fly"
    " launch detect analyze analyse confirm estimate sit shape lie date".split()
)
# After these, a word ending in -s is a plural noun ("the samples"), not a verb.
_NOT_SUBJECTS = frozenset(
    "the a an this that these those its their his her our your my of in on at to for with"
    " by from into onto about over under after before during through across and or nor"
    " but as than like via per including more most less many several some all both few"
    " other such no new first last each every any two three four five six seven eight"
    " nine ten dozens hundreds thousands millions billions".split()
)
_DETERMINERS = frozenset("the a an this that these those its their his her our your my".split())
_ED_NOT_VERBS = frozenset(
    "hundred indeed speed seed breed embed feed greed creed steed deed tweed weed bleed"
    " reed shed sled naked sacred wicked rugged kindred wretched beloved ragged".split()
)


def _irregular_verb(word: str) -> bool:
    """An irregular verb form ("took", "flown"), from WordNet's exception list."""
    return bool(lexicon.verb_exceptions(word))


@dataclass(frozen=True)
class _Sentence:
    """A sentence as the worthiness rules see it."""

    text: str
    tokens: tuple[str, ...]  # the first _MAX_TOKENS white-space separated tokens
    words: tuple[str, ...]  # those with a letter or digit: lower-cased, punctuation trimmed


def _normalise(token: str) -> str:
    return token.strip(_PUNCTUATION).lower().replace("’", "'")


def _first_tokens(text: str) -> tuple[str, ...]:
    # No rule needs more words than this, and a hostile 2 MB "sentence" stays cheap.
    return tuple(text.split(maxsplit=_MAX_TOKENS)[:_MAX_TOKENS])


def _words(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(word for word in map(_normalise, tokens) if _ALNUM.search(word))


def _parse(sentence: str) -> _Sentence:
    tokens = _first_tokens(sentence)
    return _Sentence(sentence.strip(), tokens, _words(tokens))


def _starts_with(words: tuple[str, ...], phrases: Sequence[tuple[str, ...]]) -> bool:
    return any(words[: len(phrase)] == phrase for phrase in phrases)


def _is_link(token: str) -> bool:
    """A URL, e-mail address, @handle, #hashtag or phone number."""
    bare = token.strip("()[]<>,.;:!?\"'“”‘’")
    if "://" in bare or bare.startswith(("www.", "@")) or (bare.startswith("#") and len(bare) > 1):
        return True
    user, at, domain = bare.rpartition("@")
    if at and user and "." in domain:
        return True
    host, slash, _ = bare.partition("/")
    labels = host.split(".")
    if slash and len(labels) > 1 and all(labels) and labels[-1].isalpha() and len(labels[-1]) > 1:
        return True  # pic.twitter.com/abc, t.co/xyz
    digits = sum(ch.isdigit() for ch in bare)
    return digits >= 7 and all(ch.isdigit() or ch in "+-()./ " for ch in bare)


def _looks_like_verb(word: str, previous: str) -> bool:
    if word in _AUXILIARIES or word.endswith(_CONTRACTIONS):
        return True
    if not word.isalpha() or previous in _DETERMINERS:
        return False  # "the ground", "a saw": after a determiner, a noun
    if _irregular_verb(word):
        return True
    if word.endswith("ed") and len(word) >= 4 and word not in _ED_NOT_VERBS:
        return True  # landed, touched, collected
    if not previous or previous in _NOT_SUBJECTS or previous.endswith("'s"):
        return False
    if previous[-1].isdigit():
        return False
    if word in _BASE_VERBS:
        return True  # "scientists believe", "the rovers carry"
    # "Friday marks", "the rover carries": an -s word right after a likely subject.
    return len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))


_CONTRACTIONS = ("n't", "'re", "'ve", "'ll", "'d", "'m")


def _has_verb(words: tuple[str, ...]) -> bool:
    previous = ""
    for word in words:
        if _looks_like_verb(word, previous):
            return True
        previous = word
    return False


def _has_factual_anchor(sentence: _Sentence) -> bool:
    return _DIGIT.search(sentence.text) is not None or any(word in _NUMBER_WORDS for word in sentence.words)


def _too_short(sentence: _Sentence) -> bool:
    return len(sentence.words) < _MIN_WORDS


def _is_question(sentence: _Sentence) -> bool:
    ending = sentence.text.rstrip(_CLOSERS)[-1:]
    return ending == "?" or (sentence.words[0] in _QUESTION_WORDS and ending not in (".", "!"))


def _is_label(sentence: _Sentence) -> bool:
    """A short label with no claim after it: 'Credit: NASA/JPL', 'Site Editors: A. Name'."""
    head, colon, rest = sentence.text.partition(":")
    words = tuple(map(_normalise, head.split()))
    if not colon or len(words) > 3:
        return False
    return " ".join(words) in _LABELS or not _has_verb(_words(_first_tokens(rest)))


def _is_navigation(sentence: _Sentence) -> bool:
    """A run of capitalised words with no small word and no full stop: a menu or a tab row."""
    if sentence.text.rstrip(_CLOSERS)[-1:] in _TERMINATORS:
        return False
    return not any(token.lstrip(_PUNCTUATION)[:1].islower() for token in sentence.tokens)


def _is_mostly_links(sentence: _Sentence) -> bool:
    links = sum(1 for token in sentence.tokens if _is_link(token))
    return links * 2 >= len(sentence.words)


def _is_call_to_action(sentence: _Sentence) -> bool:
    for word in sentence.words:
        if word not in _FILLERS:
            return word in _IMPERATIVES
    return False


def _is_page_furniture(sentence: _Sentence) -> bool:
    words = sentence.words
    for size in (1, 2, 3):
        for index in range(len(words) - size + 1):
            if words[index : index + size] in _UI_PHRASES:
                return True
    quoted = any(quote in sentence.text for quote in _QUOTES)
    return not quoted and any(word in _SECOND_PERSON for word in words)


def _is_banner(sentence: _Sentence) -> bool:
    text = sentence.text
    return text.upper() == text != text.lower()


def _is_opinion(sentence: _Sentence) -> bool:
    words = sentence.words
    opinion = _starts_with(words, _OPINION_OPENERS)
    for index, word in enumerate(words[:-1]):
        if opinion:
            break
        if word in _LINKING_VERBS:
            rest = index + 1
            while rest < len(words) - 1 and words[rest] in _INTENSIFIERS:
                rest += 1
            opinion = words[rest] in _EVALUATIVE
    return opinion and not _has_factual_anchor(sentence)


def _has_no_verb(sentence: _Sentence) -> bool:
    return not _has_verb(sentence.words)


# Checked in order; the first that matches names why a sentence is skipped.
_RULES: tuple[tuple[str, Callable[[_Sentence], bool]], ...] = (
    ("too short", _too_short),
    ("question", _is_question),
    ("label or credit", _is_label),
    ("navigation", _is_navigation),
    ("links or contact details", _is_mostly_links),
    ("call to action", _is_call_to_action),
    ("page furniture", _is_page_furniture),
    ("all-capitals banner", _is_banner),
    ("opinion", _is_opinion),
    ("no verb", _has_no_verb),
)


def skip_reason(sentence: str) -> str | None:
    """Why ``sentence`` makes no checkable claim, or None when it is worth checking.

    A report can then say why a line was skipped instead of silently dropping it.
    """
    parsed = _parse(sentence)
    for name, rule in _RULES:
        if rule(parsed):
            return name
    return None


def is_check_worthy(sentence: str) -> bool:
    """Whether ``sentence`` states something a fact could support or contradict.

    Menus, credits, calls to action, questions, contact details and bare opinions are
    skipped, so they are neither matched nor reported as unknown.
    """
    return skip_reason(sentence) is None
