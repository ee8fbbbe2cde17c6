"""Load and validate a facts file: sources, entities and cited facts.

The file is parsed with the safe YAML loader only, every mapping keeps its line number, and
every problem is reported as ``FILE:LINE: message`` so a curator can fix the file in one pass.
Quotes are checked verbatim against the source texts they cite.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from percycheck.grammar import with_count
from percycheck.models import Citation, Entity, Fact, Source, Value
from percycheck.values import UNITS, interval, parse_number, to_base

MAX_FACTS_BYTES = 64 * 1024 * 1024
"""A facts file larger than this is refused before parsing."""
MAX_SOURCES_BYTES = 64 * 1024 * 1024
"""The source files a facts file names may hold this many bytes together (each file counted once,
however many source entries name it); a larger total is refused before any quote is searched."""

ENTITY_KINDS = frozenset(
    {"craft", "place", "org", "person", "rocket", "instrument", "nationality", "role", "material", "mission"}
)
VALUE_KINDS = ("date", "quantity", "count", "entity", "ordinal")
APPROX_KINDS = frozenset({"exact", "about", "almost", "more_than", "at_least", "less_than", "at_most"})
ID_RE = re.compile(r"[a-z0-9][a-z0-9\-]*")
"""An id, matched whole with ``fullmatch`` (``$`` would let a trailing line break through)."""
ISO_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
VCS_FOLDERS = frozenset({".git", ".hg", ".svn", ".bzr"})
"""Never a source: ``.git/config`` may hold the token ``actions/checkout`` writes there."""
EXCERPT_CHARS = 12
"""How much of a value from the YAML file an error message may quote (the file may be a secret)."""


_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
"""Control, bidi and invisible characters (as in ``percycheck.output.base``): escaped in messages."""


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A short, printable quotation of something read from a file, for an error message.

    A file named as facts by mistake (or on purpose: ``--facts ~/.netrc``) must not be printed
    back through its keys, tags or values, so at most ``limit`` characters are shown."""
    text = str(value)
    shown = text if len(text) <= limit else text[:limit] + "…"
    return repr(_one_line(shown))


def _one_line(message: str) -> str:
    """``message`` with line breaks and control characters written as escapes (``\\n``)."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], message)


class FactsError(Exception):
    """A facts file that cannot be used; ``problems`` holds every ``FILE:LINE: message``."""

    def __init__(self, problems: list[str]) -> None:
        # A message may quote the file (a bad kind, an id): each must stay one printable line.
        self.problems = problems = [_one_line(problem) for problem in problems]
        more = len(problems) - 1
        plural = "s" if more > 1 else ""
        super().__init__(problems[0] if not more else f"{problems[0]} (and {more} more problem{plural})")


@dataclass(frozen=True, eq=False)
class FactBase:
    """A validated facts file: what the engine reasons over."""

    path: str
    sources: dict[str, Source]
    entities: dict[str, Entity]
    facts: tuple[Fact, ...]
    digest: str = field(default="", compare=False)
    quote_offsets: dict[tuple[str, str], int] = field(default_factory=dict, compare=False)
    """Where each citation's quote first occurs in its source, by (source id, quote): found once
    while validating, so the index never searches a source again."""


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML safely (see ``percycheck.yamlsafe``); imported only when a file is parsed."""
    from percycheck.yamlsafe import parse_yaml as parse

    return parse(text, path)


def builtin_facts_path() -> Path:
    """The facts file shipped with the package (or the checkout's, when run from source)."""
    here = Path(__file__).resolve().parent
    if (here / "data" / "facts.yaml").is_file():  # the same place importlib.resources finds for an installed wheel
        from importlib import resources

        return Path(str(resources.files("percycheck").joinpath("data").joinpath("facts.yaml")))
    return here.parent / "facts.yaml"


class _Checker:
    """Collects problems while converting the raw YAML into model objects."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[str] = []
        self.unreadable: set[str] = set()
        """Sources whose file could not be read: their quotes cannot be checked."""
        self.texts: dict[Path, str] = {}
        """Each source file's text by resolved path: read once, however many entries name it."""
        self.source_bytes = 0
        self.offsets: dict[tuple[str, str], int] = {}
        """Where a quote first occurs in a source, by (source id, quote)."""
        self._found: dict[tuple[int, str], int] = {}

    def find(self, sid: str, text: str, quote: str) -> int:
        """The first offset of ``quote`` in ``text`` (-1 if absent), searched once per text and
        quote: source entries that share a file share its searches."""
        key = (id(text), quote)  # every entry naming one file holds the very same string
        offset = self._found.get(key)
        if offset is None:
            offset = self._found[key] = text.find(quote)
        self.offsets[(sid, quote)] = offset
        return offset

    def read_source(self, resolved: Path, line: int) -> str:
        """The text of a source file, read once per resolved path; the sources together must stay
        within ``MAX_SOURCES_BYTES``, else the whole file is refused with one line."""
        text = self.texts.get(resolved)
        if text is not None:
            return text
        budget = MAX_SOURCES_BYTES - self.source_bytes
        with resolved.open("rb") as handle:  # bounded: a device (/dev/zero) has no size
            data = handle.read(budget + 1)
        self.source_bytes += len(data)
        if len(data) > budget:
            limit = f"{MAX_SOURCES_BYTES:,}-byte limit"
            raise FactsError([f"{self.path}:{line}: the source files together exceed the {limit}; use fewer or smaller sources"])
        text = self.texts[resolved] = data.decode("utf-8-sig", errors="replace")
        return text

    def problem(self, line: int, message: str) -> None:
        self.problems.append(f"{self.path}:{line}: {message}")

    def field(
        self, raw: dict[str, Any], name: str, kind: type | tuple[type, ...], *, required: bool = True, what: str = ""
    ) -> Any:
        line = raw.get("__line__", 0)
        if name not in raw or raw[name] is None:
            if required:
                self.problem(line, f"{what}missing field '{name}'")
            return None
        value = raw[name]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            self.problem(line, f"{what}field '{name}' must be {expected}, not {type(value).__name__}")
            return None
        return value


def _iso(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str) and ISO_RE.fullmatch(value):
        try:
            parts = [int(p) for p in value.split("-")]
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            return None
        return value
    return None


def _strings(raw: Any) -> tuple[str, ...] | None:
    if raw is None:
        return ()
    if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
        return tuple(raw)
    return None


def load_facts(path: str | Path | None = None) -> FactBase:
    """Load and validate a facts file (the built-in one by default).

    Raises FactsError listing every problem, each as ``FILE:LINE: message``.
    """
    file = Path(path) if path is not None else builtin_facts_path()
    shown = str(path) if path is not None else "facts.yaml"
    try:
        if file.is_dir():
            raise FactsError([f"{shown}: is a directory, not a facts file"])
        size = file.stat().st_size
        if size > MAX_FACTS_BYTES:
            raise FactsError([f"{shown}: facts file is {size:,} bytes; the limit is {MAX_FACTS_BYTES:,}"])
        with file.open("rb") as handle:  # bounded: a pipe or a device (/dev/zero) has no size
            data = handle.read(MAX_FACTS_BYTES + 1)
        if len(data) > MAX_FACTS_BYTES:
            raise FactsError([f"{shown}: facts file is larger than the {MAX_FACTS_BYTES:,}-byte limit"])
    except FileNotFoundError:
        raise FactsError([f"{shown}: no such facts file"]) from None
    except PermissionError:
        raise FactsError([f"{shown}: permission denied"]) from None
    except OSError as exc:
        raise FactsError([f"{shown}: cannot read: {exc.strerror or exc}"]) from None
    except ValueError:  # an embedded NUL: no file can have that name
        raise FactsError([f"{shown!r}: not a valid file name"]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FactsError([f"{shown}:{line}: not valid UTF-8"]) from None
    import hashlib  # only when a file is really parsed: a cached start-up never needs it

    return parse_facts(text, shown, base_dir=file.parent, digest=hashlib.sha256(data).hexdigest())


def parse_facts(text: str, path: str, base_dir: Path, digest: str = "") -> FactBase:
    """Validate the text of a facts file whose source files live under ``base_dir``."""
    if "\x00" in text:
        raise FactsError([f"{path}:{text[: text.index(chr(0))].count(chr(10)) + 1}: NUL byte in facts file"])
    raw = parse_yaml(text, path)
    if raw is None:
        raise FactsError([f"{path}:1: the facts file is empty"])
    if not isinstance(raw, dict):
        kind = type(raw).__name__
        raise FactsError([f"{path}:1: the top level must be a mapping with 'sources', 'entities' and 'facts', not a {kind}"])
    check = _Checker(path)
    for key in ("sources", "facts"):
        if not isinstance(raw.get(key), list):
            check.problem(raw.get("__line__", 1), f"top-level '{key}' must be a list")
    if raw.get("entities") is not None and not isinstance(raw.get("entities"), list):
        check.problem(raw.get("__line__", 1), "top-level 'entities' must be a list")
    if check.problems:
        raise FactsError(check.problems)
    top = raw.get("__line__", 1)
    sources = _sources(raw["sources"], check, base_dir, top)
    entities = _entities(raw.get("entities") or [], check, top)
    facts = tuple(_facts(raw["facts"], check, sources, entities, top))
    if check.problems:
        raise FactsError(check.problems)
    return FactBase(path, sources, entities, facts, digest, check.offsets)


def _items(raw: list[Any], check: _Checker, what: str, line: int) -> Iterator[dict[str, Any]]:
    """The mappings of a list; anything else is reported at ``line``, the enclosing mapping's."""
    for item in raw:
        if isinstance(item, dict):
            yield item
        else:
            check.problem(line, f"every {what} must be a mapping, not {type(item).__name__}: {excerpt(item)}")


def _sources(raw: list[Any], check: _Checker, base_dir: Path, top: int) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    root = base_dir.resolve()
    for item in _items(raw, check, "source", top):
        line = item["__line__"]
        sid = check.field(item, "id", str, what="source: ")
        title = check.field(item, "title", str, what=f"source {sid}: ")
        publisher = check.field(item, "publisher", str, what=f"source {sid}: ")
        file = check.field(item, "file", str, what=f"source {sid}: ")
        url = check.field(item, "url", str, required=False, what=f"source {sid}: ")
        date = None
        if item.get("date") is not None:
            date = _iso(item["date"])
            if date is None:
                check.problem(line, f"source {sid}: invalid date {excerpt(item['date'])} (use YYYY-MM-DD)")
        if sid is None or title is None or publisher is None or file is None:
            continue
        if not ID_RE.fullmatch(sid):
            check.problem(line, f"source id {sid!r} must be lower-case letters, digits and '-'")
        if sid in sources:
            check.problem(line, f"duplicate source id '{sid}'")
            continue
        text: str | None = None  # stays None when the file cannot be read (already reported)
        target = base_dir / file
        if "\x00" in file or Path(file).is_absolute():
            check.problem(line, f"source {sid}: file must be a relative path inside the facts file's folder")
        else:
            try:  # a name too long for the system, a symlink loop (RuntimeError before 3.13), ...
                resolved = target.resolve()
                if root not in resolved.parents and resolved != root:
                    check.problem(line, f"source {sid}: file {file!r} leaves the facts file's folder")
                elif _hidden_or_vcs(file, resolved, root):
                    check.problem(line, f"source {sid}: file {file!r} is a hidden file or inside a VCS folder; refused")
                elif not resolved.is_file():
                    check.problem(line, f"source {sid}: source file {file!r} not found")
                else:
                    text = check.read_source(resolved, line)
            except (OSError, RuntimeError) as exc:
                reason = getattr(exc, "strerror", None) or str(exc)
                check.problem(line, f"source {sid}: cannot read {file!r}: {reason}")
        if text is None:
            check.unreadable.add(sid)
        sources[sid] = Source(sid, title, publisher, date, url, file, text or "")
    return sources


def _hidden_or_vcs(file: str, resolved: Path, root: Path) -> bool:
    """A dot-file or dot-folder below the facts file's folder (as written or once links are
    followed), or anything inside a version-control folder: never a source to print from."""
    below = (*Path(file).parts, *resolved.relative_to(root).parts)
    if any(part.startswith(".") and part not in (".", "..") for part in below):
        return True
    return any(part in VCS_FOLDERS for part in resolved.parts)


def _entities(raw: list[Any], check: _Checker, top: int) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    lines: dict[str, int] = {}
    for item in _items(raw, check, "entity", top):
        line = item["__line__"]
        eid = check.field(item, "id", str, what="entity: ")
        kind = check.field(item, "kind", str, what=f"entity {eid}: ")
        name = check.field(item, "name", str, what=f"entity {eid}: ")
        aliases = _strings(item.get("aliases"))
        part_of = _strings(item.get("part_of"))
        etype = check.field(item, "type", str, required=False, what=f"entity {eid}: ")
        if aliases is None:
            check.problem(line, f"entity {eid}: 'aliases' must be a list of strings")
        if part_of is None:
            check.problem(line, f"entity {eid}: 'part_of' must be a list of entity ids")
        if eid is None or kind is None or name is None:
            continue
        if kind not in ENTITY_KINDS:
            check.problem(line, f"entity {eid}: unknown kind '{kind}' (one of {', '.join(sorted(ENTITY_KINDS))})")
        if eid in entities:
            check.problem(line, f"duplicate entity id '{eid}'")
            continue
        entities[eid] = Entity(eid, kind, name, aliases or (), etype, part_of or ())
        lines[eid] = line
    for entity in entities.values():
        for parent in entity.part_of:
            if parent not in entities:
                check.problem(lines[entity.id], f"entity {entity.id}: part_of names unknown entity '{parent}'")
    return entities


def _facts(raw: list[Any], check: _Checker, sources: dict[str, Source], entities: dict[str, Entity], top: int) -> Iterator[Fact]:
    seen: set[str] = set()
    for item in _items(raw, check, "fact", top):
        line = item["__line__"]
        fid = check.field(item, "id", str, what="fact: ")
        what = f"fact {fid}: "
        statement = check.field(item, "statement", str, what=what)
        subject = check.field(item, "subject", str, what=what)
        raw_values = check.field(item, "values", list, required=False, what=what) or []
        raw_citations = check.field(item, "citations", list, what=what)
        keywords = _strings(item.get("keywords"))
        if keywords is None:
            check.problem(line, f"{what}'keywords' must be a list of strings")
        negated = item.get("negated", False)
        if not isinstance(negated, bool):
            check.problem(line, f"{what}'negated' must be true or false")
            negated = False
        as_of = _iso(item["as_of"]) if item.get("as_of") is not None else None
        if item.get("as_of") is not None and as_of is None:
            check.problem(line, f"{what}invalid as_of date {excerpt(item['as_of'])}")
        if fid is None:
            continue
        if not ID_RE.fullmatch(fid):
            check.problem(line, f"fact id {fid!r} must be lower-case letters, digits and '-'")
        if fid in seen:
            check.problem(line, f"duplicate fact id '{fid}'")
            continue
        seen.add(fid)
        if subject is not None and subject not in entities:
            check.problem(line, f"{what}subject '{subject}' is not a known entity")
        values = tuple(v for v in (_value(v, check, what, entities, line) for v in raw_values) if v is not None)
        citations = []
        for rc in _items(raw_citations or [], check, "citation", line):
            sid = check.field(rc, "source", str, what=what + "citation: ")
            quote = check.field(rc, "quote", str, what=what + "citation: ")
            if sid is None or quote is None:
                continue
            source = sources.get(sid)
            if source is None:
                check.problem(rc["__line__"], f"{what}unknown source '{sid}'")
                continue
            if not quote.strip():
                check.problem(rc["__line__"], f"{what}empty quote")
                continue
            if source.id not in check.unreadable and check.find(sid, source.text, quote) < 0:
                check.problem(rc["__line__"], f"{what}quote not found verbatim in {source.file}: {quote[:60]!r}")
                continue
            citations.append(Citation(sid, source.title, source.publisher, source.date, source.url, quote))
        if raw_citations is not None and not raw_citations:
            check.problem(line, f"{what}needs at least one citation")
        if statement is None or subject is None:
            continue
        yield Fact(fid, statement, subject, values, tuple(citations), keywords or (), negated, as_of, line)


def _value(raw: Any, check: _Checker, what: str, entities: dict[str, Entity], fact_line: int) -> Value | None:
    if not isinstance(raw, dict):
        check.problem(fact_line, f"{what}a value must be a mapping, not {type(raw).__name__}")
        return None
    line = raw["__line__"]
    kinds = [k for k in VALUE_KINDS if k in raw]
    if len(kinds) != 1:
        check.problem(line, f"{what}a value needs exactly one of {', '.join(VALUE_KINDS)}")
        return None
    kind = kinds[0]
    slot = raw.get("slot") or kind
    if not isinstance(slot, str):
        check.problem(line, f"{what}'slot' must be a string")
        return None
    body = raw[kind]
    approx = raw.get("approx", "exact")
    if not isinstance(approx, str) or approx not in APPROX_KINDS:
        check.problem(line, f"{what}unknown approx {excerpt(approx)} (one of {', '.join(sorted(APPROX_KINDS))})")
        return None
    if kind == "date":
        iso = _iso(body)
        if iso is None:
            check.problem(line, f"{what}invalid date {excerpt(body)} (use YYYY-MM-DD, YYYY-MM or YYYY)")
            return None
        return Value("date", slot, iso)
    if kind == "entity":
        if not isinstance(body, str) or body not in entities:
            check.problem(line, f"{what}unknown entity {excerpt(body, 40)}")
            return None
        return Value("entity", slot, entities[body].name, entity=body)
    if kind == "ordinal":
        if not isinstance(body, int) or isinstance(body, bool) or body < 1:
            check.problem(line, f"{what}ordinal must be a positive whole number")
            return None
        noun = raw.get("noun")
        return Value("ordinal", slot, str(body), low=float(body), high=float(body), noun=noun if isinstance(noun, str) else None)
    numbers = body if isinstance(body, list) else [body]
    if not numbers or len(numbers) > 2 or not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers):
        check.problem(line, f"{what}{kind} must be a number or a [low, high] range")
        return None
    parsed = parse_number(str(numbers[0]))
    bad = next((n for n in numbers if not _finite(n)), None)
    if parsed is None or bad is not None:
        shown = numbers[0] if bad is None else bad
        check.problem(line, f"{what}{kind} {shown!r} is not a finite number")
        return None
    if len(numbers) == 2 and numbers[0] > numbers[1]:
        low_high = f"[{numbers[0]}, {numbers[1]}]"
        check.problem(line, f"{what}{kind} range {low_high} runs backwards (write [low, high])")
        return None
    low, high = interval(parsed[0], parsed[1], approx, float(numbers[1]) if len(numbers) > 1 else None)
    label = "–".join(_plain(n) for n in numbers)
    if kind == "count":
        noun = raw.get("noun")
        if not isinstance(noun, str) or not noun.strip():
            check.problem(line, f"{what}a count needs a 'noun' (what is counted)")
            return None
        return Value("count", slot, f"{_PREFIX.get(approx, '')}{with_count(label, noun)}", low=low, high=high, noun=noun)
    unit = raw.get("unit")
    if not isinstance(unit, str) or unit not in UNITS:  # a list or a mapping is no unit (and unhashable)
        check.problem(line, f"{what}unknown unit {excerpt(unit)} (one of {', '.join(UNITS)})")
        return None
    _, base_low, base_high = to_base(low, high, unit)
    # Unit symbols stay as they are ("2,263 lb"); unit words agree with the number ("7 months").
    shown = with_count(label, unit) if unit in _UNIT_WORDS else f"{label} {unit}"
    return Value("quantity", slot, f"{_PREFIX.get(approx, '')}{shown}", low=base_low, high=base_high, unit=unit)


_PREFIX = {
    "almost": "almost ",
    "about": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
}
"""How a value's precision is written before its amount."""
_UNIT_WORDS = frozenset({"ton", "day", "week", "month", "year"})


def _finite(number: float) -> bool:
    try:
        return math.isfinite(number)
    except OverflowError:  # an int too large for a float
        return False


def _plain(number: float) -> str:
    return f"{number:,}" if isinstance(number, int) else f"{number:,g}"
