"""Benchmark percycheck: what it costs to run on every commit, beside a spell-checker.

Three cases, each a median over several runs; the script prints figures and never fails:

- cold:  one claim as a whole process, against a bare import of percycheck's dependencies;
- draft: a reproducible ~1.5 MB draft of unique sentences, against ``codespell`` on the same file;
- facts: synthetic facts files of 1,000 / 10,000 / 100,000 facts: load, per-claim time, memory;
  then, in a fresh process, a start from the engine cache and the per-claim time after it.

Everything it generates goes under ``bench/out/`` (git-ignored) and is regenerated from a fixed
seed on every run, so two runs on two machines measure the same inputs.

    .venv/bin/python bench/run.py --quick          # 3 runs, smaller sizes: about two minutes
    .venv/bin/python bench/run.py                  # 5 runs, the full sizes
    .venv/bin/python bench/run.py --only facts --runs 3
    .venv/bin/python bench/run.py --profile        # cProfile a small draft and a 10,000-facts build
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from percycheck.values import MONTH_NAMES as _VALUES_MONTHS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SEED = 20210218
"""Every generated input derives from this seed (plus the size), so runs are comparable."""

CLAIM = "Perseverance landed on Feb. 19, 2021."
BARE_IMPORTS = "import click, rich.console, rapidfuzz.process, yaml"
DRAFT_BYTES = 1_500_000
QUICK_DRAFT_BYTES = 500_000
PROFILE_DRAFT_SENTENCES = 2_000
ON_TOPIC_SHARE = 0.6
"""Share of the draft's sentences that are variations of the sources' facts; the rest is prose."""
FACT_SIZES = (1_000, 10_000, 100_000)
QUICK_FACT_SIZES = (1_000, 10_000)
PROFILE_FACTS = 10_000
CLAIMS_PER_SIZE = 200
FACTS_PER_SOURCE = 50
"""Synthetic sources hold this many quotes each: article-sized files, as the real ones are."""
DEFAULT_TIMEOUT = 600.0
OK_STATUSES = (0, 1)
"""percycheck exits 1 when it finds a contradiction; codespell exits non-zero on a typo."""


def log(message: str) -> None:
    """Progress goes to standard error, so standard output is only the figures."""
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- timing


class TimedOut(Exception):
    """A case ran past its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"timed out after {seconds:g} s")


class Failed(Exception):
    """A command exited with a status that means it did not do its job."""


def percycheck_command() -> list[str]:
    """The venv's ``percycheck`` entry point, or ``python -m percycheck`` when there is none."""
    script = Path(sys.executable).parent / ("percycheck.exe" if os.name == "nt" else "percycheck")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "percycheck"]


def codespell_command() -> list[str] | None:
    """``codespell`` from the venv or PATH; None when it is not installed."""
    beside = Path(sys.executable).parent / "codespell"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("codespell")
    return [found] if found else None


BENCH_ENV: dict[str, str] | None = None
"""The environment of every measured process; None keeps the caller's (see ``--keep-env``)."""


def measured_env(keep: bool) -> dict[str, str] | None:
    """Bytecode cached under bench/out/pycache, as an installed package has it; the engine
    cache (when percycheck has one) under bench/out/cache.

    With PYTHONDONTWRITEBYTECODE set and an editable install, every process would compile
    percycheck's modules from source: a cost no installed copy pays.
    """
    if keep:
        return None
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    env["PERCYCHECK_CACHE_DIR"] = str(OUT / "cache")  # the engine cache, never the user's
    return env


def run_once(
    cmd: Sequence[str],
    timeout: float,
    stdout: Any = subprocess.DEVNULL,
    ok: Sequence[int] = OK_STATUSES,
    extra_env: dict[str, str] | None = None,
) -> float:
    """Wall-clock seconds for one run of ``cmd``; TimedOut or Failed when it does not finish well."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            cwd=ROOT,
            check=False,
            env={**(BENCH_ENV or os.environ), **extra_env} if extra_env else BENCH_ENV,
        )
    except subprocess.TimeoutExpired:
        raise TimedOut(timeout) from None
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise Failed(f"exit {proc.returncode}: {last[0][:200]}")
    return elapsed


def median_time(
    cmd: Sequence[str],
    runs: int,
    timeout: float,
    warmup: bool = True,
    ok: Sequence[int] = OK_STATUSES,
    extra_env: dict[str, str] | None = None,
) -> list[float]:
    """Times of ``runs`` runs after one untimed warm-up (bytecode and file caches are warm)."""
    if warmup:
        run_once(cmd, timeout, ok=ok, extra_env=extra_env)
    return [run_once(cmd, timeout, ok=ok, extra_env=extra_env) for _ in range(runs)]


@dataclass
class Row:
    """One line of the final table."""

    section: str
    case: str
    value: str
    detail: str = ""


@dataclass
class Report:
    """What the run found: table rows and machine-readable figures (bench/out/results.json)."""

    rows: list[Row] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    facts: list[list[str]] = field(default_factory=list)

    def add(self, section: str, case: str, value: str, detail: str = "") -> None:
        self.rows.append(Row(section, case, value, detail))
        log(f"  {case}: {value}" + (f"  ({detail})" if detail else ""))


def seconds(value: float) -> str:
    if value < 1.0:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def spread(times: Sequence[float]) -> str:
    return f"{len(times)} run{'' if len(times) == 1 else 's'}, {seconds(min(times))}–{seconds(max(times))}"


# --------------------------------------------------------------------------- case 1: cold


def bench_cold(report: Report, runs: int, timeout: float) -> None:
    """One claim as a whole process, and the floor it cannot beat: importing its dependencies."""
    log("cold: one claim as a whole process")
    exe = percycheck_command()
    no_cache = {"PERCYCHECK_NO_CACHE": "1"}
    cases: list[tuple[str, list[str], dict[str, str] | None]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], None),
        ("bare imports", [sys.executable, "-c", BARE_IMPORTS], None),
        ("percycheck CLAIM", [*exe, CLAIM], None),
        ("percycheck --format jsonl CLAIM", [*exe, "--format", "jsonl", CLAIM], None),
        ("percycheck CLAIM, PERCYCHECK_NO_CACHE=1", [*exe, CLAIM], no_cache),
        ("percycheck --version", [*exe, "--version"], None),
        ("percycheck --help", [*exe, "--help"], None),
    ]
    medians: dict[str, float] = {}
    for name, cmd, extra_env in cases:
        try:
            times = median_time(cmd, runs, timeout, extra_env=extra_env)
        except (TimedOut, Failed) as exc:
            report.add("cold", name, str(exc))
            continue
        medians[name] = statistics.median(times)
        detail = spread(times)
        if name != "bare imports" and "bare imports" in medians and name.startswith("percycheck"):
            detail += f"; {medians[name] / medians['bare imports']:.1f}x bare imports"
        report.add("cold", name, seconds(medians[name]), detail)
    report.figures["cold"] = medians
    if "percycheck CLAIM" in medians and "bare imports" in medians:
        ratio = medians["percycheck CLAIM"] / medians["bare imports"]
        extra = medians["percycheck CLAIM"] - medians["bare imports"]
        report.add("cold", "ratio CLAIM / bare imports", f"{ratio:.2f}x", f"{extra * 1000:.0f} ms on top of the imports")


# --------------------------------------------------------------------------- case 2: a draft

PROSE = {
    "det": "the a one every that this another each".split(),
    "adj": (
        "quiet bright narrow ancient careful sudden gentle heavy simple curious "
        "patient hollow wooden golden rapid modest vivid tidy frozen humble"
    ).split(),
    "noun": (
        "baker garden river teacher bicycle kitchen harbor village painter lantern "
        "orchard library violin meadow carpenter bridge festival cottage market tailor "
        "kettle window notebook orchestra farmer museum ferry blanket chimney pianist"
    ).split(),
    "verb": (
        "painted repaired visited carried watched opened followed described cleaned "
        "borrowed measured admired crossed delivered arranged polished"
    ).split(),
    "prep": "beside behind near across under above beyond around".split(),
    "adv": "slowly often rarely calmly gladly seldom quietly eagerly".split(),
    "name": "Anna Marco Priya Tomas Lena Omar Sofia Kenji Clara Mateo Ingrid Yusuf".split(),
    "weekday": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
}
PREFIXES = [
    "",
    "",
    "",
    "Reports say that ",
    "As noted earlier, ",
    "In short, ",
    "By most accounts, ",
    "It is worth noting that ",
    "Officials confirmed that ",
    "According to the team, ",
    "Put simply, ",
    "Remarkably, ",
    "For the record, ",
]
SUFFIXES = [
    "",
    "",
    "",
    ", according to NASA",
    ", the team said",
    ", officials noted",
    ", as reported at the time",
    ", a spokesperson added",
]
WORDING = [
    ("landed", "touched down"),
    ("touched down", "landed"),
    ("about", "roughly"),
    ("nearly", "almost"),
    ("more than", "over"),
    ("the rover", "the robot"),
    ("first", "very first"),
    ("images", "pictures"),
    ("show", "reveal"),
]
MONTH_NAMES = [name for name in _VALUES_MONTHS if name]  # the engine's own list: one copy
MONTH_RE = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?=[\s,])")
NUMBER_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    text = match.group(0)
    number = float(text.replace(",", ""))
    if "." in text:
        return f"{number * rng.uniform(0.4, 2.5):.{len(text.split('.')[1])}f}"
    if 1900 <= number <= 2099:
        return str(rng.randint(1990, 2035))
    if number <= 31:
        return str(rng.randint(1, 28))
    new = max(1, int(number * rng.uniform(0.3, 3.0)))
    return f"{new:,}" if "," in text else str(new)


def _vary_month(match: re.Match[str], rng: random.Random) -> str:
    name = rng.choice(MONTH_NAMES)
    old = match.group(0)
    if len(old) <= 5:  # an abbreviation keeps its style
        return name[:3] + ("." if old.endswith(".") else "")
    return name


def plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2] not in "aeiou" else noun + "s"


def off_topic_sentence(rng: random.Random) -> str:
    """A sentence of everyday prose from a small word list: what a draft has between facts."""
    w = PROSE

    def pick(key: str) -> str:
        return rng.choice(w[key])

    shape = rng.randrange(4)
    if shape == 0:
        text = (
            f"{pick('det')} {pick('adj')} {pick('noun')} {pick('verb')} "
            f"{pick('det')} {pick('adj')} {pick('noun')} {pick('prep')} the {pick('noun')}."
        )
    elif shape == 1:
        text = (
            f"{pick('name')} {pick('verb')} {rng.randint(2, 999)} {plural(pick('noun'))} "
            f"{pick('prep')} the {pick('noun')} on {pick('weekday')}."
        )
    elif shape == 2:
        text = (
            f"Most {plural(pick('noun'))} {pick('adv')} visit the {pick('adj')} {pick('noun')} "
            f"when the {pick('noun')} is {pick('adj')}."
        )
    else:
        text = (
            f"After the {pick('noun')} {pick('verb')} the {pick('noun')}, {pick('name')} {pick('verb')} "
            f"a {pick('adj')} {pick('noun')} {pick('prep')} the {pick('noun')}."
        )
    return text[0].upper() + text[1:]


class DraftWriter:
    """Unique sentences: variations of the facts' statements and quotes, and off-topic prose."""

    def __init__(self, base: Any, rng: random.Random) -> None:
        self.rng = rng
        templates: list[str] = []
        for fact in base.facts:
            templates.append(fact.statement)
            templates.extend(c.quote for c in fact.citations)
        self.templates = [self._sentence(t) for t in dict.fromkeys(templates)]
        by_class: dict[tuple[str, str | None], list[str]] = {}
        kind_of: dict[str, tuple[str, str | None]] = {}
        for entity in base.entities.values():
            for name in (entity.name, *entity.aliases):
                if len(name) >= 3 and name not in kind_of:
                    kind_of[name] = (entity.kind, entity.type)
                    by_class.setdefault((entity.kind, entity.type), []).append(name)
        self.kind_of = kind_of
        self.by_class = by_class
        names = sorted(kind_of, key=lambda n: (-len(n), n))
        self.name_re = re.compile(r"(?<![\w'’])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
        self.name_words = frozenset(w for n in kind_of for w in n.split()) | set(MONTH_NAMES) | set(PROSE["weekday"])
        self.people = sorted(n for n, k in kind_of.items() if k[0] == "person" and " " in n)
        self.seen: set[str] = set()
        self.sentences: list[str] = []

    @staticmethod
    def _sentence(text: str) -> str:
        text = " ".join(text.split()).strip()
        return text if text.endswith((".", "!", "?", "”", '"')) else text + "."

    def _vary_name(self, match: re.Match[str]) -> str:
        name = match.group(0)
        if self.rng.random() < 0.5:
            return name
        pool = self.by_class.get(self.kind_of[name], [name])
        return self.rng.choice(pool)

    def on_topic(self) -> str:
        rng = self.rng
        text = rng.choice(self.templates)
        if rng.random() < 0.7:
            text = NUMBER_RE.sub(lambda m: _vary_number(m, rng), text)
        if rng.random() < 0.5:
            text = MONTH_RE.sub(lambda m: _vary_month(m, rng), text)
        if rng.random() < 0.5:
            text = self.name_re.sub(self._vary_name, text)
        for old, new in WORDING:
            if old in text and rng.random() < 0.3:
                text = text.replace(old, new, 1)
        prefix = rng.choice(PREFIXES)
        first, _, rest = text.partition(" ")
        if prefix:
            keep = first in self.name_words or not first[1:].islower()
            text = prefix + (first if keep else first.lower()) + " " + rest
        else:
            text = text[0].upper() + text[1:]
        suffix = rng.choice(SUFFIXES)
        if rng.random() < 0.25 and self.people:
            suffix = f", said {rng.choice(self.people)}"
        if suffix and text.endswith("."):
            text = text[:-1] + suffix + "."
        return text

    def off_topic(self) -> str:
        return off_topic_sentence(self.rng)

    def add(self, make: Callable[[], str], attempts: int = 50) -> str | None:
        """A sentence not written before, or None when ``make`` keeps repeating itself."""
        for _ in range(attempts):
            sentence = make()
            if sentence not in self.seen:
                self.seen.add(sentence)
                self.sentences.append(sentence)
                return sentence
        return None

    def write(self, target_bytes: int | None = None, target_sentences: int | None = None) -> list[str]:
        size = 0
        while (target_bytes is None or size < target_bytes) and (
            target_sentences is None or len(self.sentences) < target_sentences
        ):
            make = self.on_topic if self.rng.random() < ON_TOPIC_SHARE else self.off_topic
            sentence = self.add(make)
            if sentence is not None:
                size += len(sentence.encode("utf-8")) + 1
        assert len(set(self.sentences)) == len(self.sentences), "the draft repeats a sentence"
        return self.sentences


def make_draft(path: Path, target_bytes: int | None = None, target_sentences: int | None = None) -> int:
    """Write a reproducible draft of unique sentences to ``path``; return the sentence count."""
    import percycheck

    writer = DraftWriter(percycheck.load_facts(), random.Random(SEED))
    sentences = writer.write(target_bytes, target_sentences)
    rng = random.Random(SEED + 1)
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        n = rng.randint(3, 7)
        paragraph = " ".join(sentences[i : i + n])
        paragraphs.append(textwrap.fill(paragraph, width=88, break_long_words=False, break_on_hyphens=False))
        i += n
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return len(sentences)


def bench_draft(report: Report, runs: int, timeout: float, target_bytes: int) -> None:
    """A whole draft through the CLI, and codespell on the same file."""
    log(f"draft: {target_bytes / 1e6:.1f} MB of unique sentences")
    draft = OUT / "draft.txt"
    sentences = make_draft(draft, target_bytes=target_bytes)
    size = draft.stat().st_size
    log(f"  wrote {draft.relative_to(ROOT)}: {size:,} bytes, {sentences:,} sentences")
    cmd = [*percycheck_command(), "-f", str(draft.relative_to(ROOT)), "--format", "jsonl"]
    figures: dict[str, Any] = {"bytes": size, "sentences": sentences}
    report.figures["draft"] = figures
    label = f"percycheck -f draft.txt ({size / 1e6:.2f} MB)"
    try:
        with open(OUT / "draft.jsonl", "wb") as sink:  # the warm-up run also counts the claims
            run_once(cmd, timeout, stdout=sink)
        with open(OUT / "draft.jsonl", encoding="utf-8") as results:
            verdicts = [json.loads(line)["verdict"] for line in results if line.strip()]
        times = median_time(cmd, runs, timeout, warmup=False)
    except (TimedOut, Failed) as exc:
        report.add("draft", label, str(exc))
        return
    took = statistics.median(times)
    figures.update(
        seconds=took, claims=len(verdicts), verdicts={k: verdicts.count(k) for k in ("supported", "contradicted", "unknown")}
    )
    report.add("draft", label, seconds(took), spread(times))
    report.add("draft", "sentences/s", f"{sentences / took:,.0f}", f"{sentences:,} sentences written")
    mix = ", ".join(f"{n:,} {k}" for k, n in figures["verdicts"].items())
    report.add("draft", "claims checked", f"{len(verdicts):,}", f"{len(verdicts) / took:,.0f} claims/s; {mix}")
    spell = codespell_command()
    if spell is None:
        report.add("draft", "codespell", "not installed")  # prints "codespell: not installed"
        return
    try:
        spell_times = median_time([*spell, str(draft.relative_to(ROOT))], runs, timeout, ok=range(0, 256))
    except (TimedOut, Failed) as exc:
        report.add("draft", "codespell draft.txt", str(exc))
        return
    spell_took = statistics.median(spell_times)
    figures["codespell_seconds"] = spell_took
    report.add("draft", "codespell draft.txt", seconds(spell_took), spread(spell_times))
    report.add("draft", "ratio percycheck / codespell", f"{took / spell_took:.1f}x")


# --------------------------------------------------------------------------- case 3: many facts

SYLLABLES = (
    "ka lo mi ra ven tor zel ba quin dar sul fen mor ith ulk nax pel jor vi cas tre bo lun sar gim hal wen oth dra kes"
).split()
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
UNIT_WORDS = {
    "kg": "kilograms",
    "lb": "pounds",
    "t": "metric tons",
    "g": "grams",
    "km": "kilometers",
    "m": "meters",
    "mi": "miles",
    "ft": "feet",
    "cm": "centimeters",
    "in": "inches",
    "s": "seconds",
    "min": "minutes",
    "h": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
}
DIMENSION_UNITS = {
    "mass": ["kg", "lb", "t", "g"],
    "length": ["km", "m", "mi", "ft", "cm", "in"],
    "time": ["s", "min", "h", "day", "week", "month", "year"],
}
APPROX_WORDS = {
    "exact": "",
    "about": "about ",
    "almost": "almost ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
}
COUNT_NOUNS = [
    ("camera", "cameras"),
    ("wheel", "wheels"),
    ("microphone", "microphones"),
    ("sample tube", "sample tubes"),
    ("antenna", "antennas"),
    ("battery", "batteries"),
    ("spectrometer", "spectrometers"),
    ("drill bit", "drill bits"),
]
ENTITY_SHAPES: list[tuple[str, str | None, str, list[str]]] = [
    # kind, type, name pattern, alias patterns ({N} is a made-up word)
    ("craft", "rover", "{N}", ["{N} rover"]),
    ("craft", "orbiter", "{N} Orbiter", []),
    ("craft", "lander", "{N} Lander", []),
    ("place", "crater", "{N} Crater", []),
    ("place", "region", "{N} Planitia", []),
    ("place", "mountain", "Mount {N}", []),
    ("org", "agency", "{N} Space Agency", []),
    ("org", "company", "{N} Aerospace", []),
    ("org", "university", "{N} Institute", []),
    ("person", None, "{N} {M}", []),
    ("rocket", None, "{N} {R}", ["{N} {R} rocket"]),
    ("instrument", "camera", "{N}Cam", []),
    ("instrument", "spectrometer", "{N} Spectrometer", []),
    ("nationality", None, "{N}ian", []),
    ("role", None, "{n} coordinator", []),
    ("material", None, "{n}ite", []),
]
ROMAN = "II III IV V VI VII VIII IX".split()


class FactsWriter:
    """A synthetic facts file in the real schema, with an article-sized source per 50 facts."""

    def __init__(self, size: int, base: Any) -> None:
        self.size = size
        self.rng = random.Random(SEED + size)
        self.base = base
        self.words: set[str] = set()
        self.entities: dict[str, list[dict[str, Any]]] = {}
        self.lines: list[str] = []
        self.quotes: list[list[str]] = []
        self.claims: list[str] = []

    def word(self) -> str:
        """A made-up word no other entity uses."""
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))
            if word not in self.words and len(word) >= 5:
                self.words.add(word)
                return word

    def make_entities(self) -> None:
        per_shape = max(8, self.size // 10 // len(ENTITY_SHAPES))
        for kind, etype, pattern, aliases in ENTITY_SHAPES:
            key = f"{kind}/{etype}"
            for _ in range(per_shape):
                n, m, r = self.word().capitalize(), self.word().capitalize(), self.rng.choice(ROMAN)
                fill = {"N": n, "M": m, "R": r, "n": n.lower()}
                name = pattern.format(**fill)
                eid = "x-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                part_of = ["mars"] if kind == "place" and "mars" in self.base.entities else []
                self.entities.setdefault(key, []).append(
                    {
                        "id": eid,
                        "kind": kind,
                        "type": etype,
                        "name": name,
                        "aliases": [a.format(**fill) for a in aliases],
                        "part_of": part_of,
                    }
                )

    def pick(self, key: str, other_than: dict[str, Any] | None = None) -> dict[str, Any]:
        pool = self.entities[key]
        while True:
            entity = self.rng.choice(pool)
            if entity is not other_than:
                return entity

    def date(self, precision: str) -> tuple[str, str, str]:
        """(yaml value, how a writer says it, a different date said the same way)."""
        rng = self.rng
        y, mo, d = rng.randint(1995, 2035), rng.randint(1, 12), rng.randint(1, 28)
        other = (d % 28) + 1
        if precision == "day":
            return f"{y}-{mo:02d}-{d:02d}", f"{MONTH_NAMES[mo - 1]} {d}, {y}", f"{MONTH_NAMES[mo - 1]} {other}, {y}"
        if precision == "month":
            return f'"{y}-{mo:02d}"', f"{MONTH_NAMES[mo - 1]} {y}", f"{MONTH_NAMES[mo % 12]} {y}"
        return str(y), str(y), str(y + rng.randint(1, 9))

    def fact(self, i: int) -> None:
        """One fact; each of the template shapes in turn, so every value kind is well represented."""
        rng, pick = self.rng, self.pick
        craft = pick(rng.choice(["craft/rover", "craft/orbiter", "craft/lander"]))
        place = pick(rng.choice(["place/crater", "place/region", "place/mountain"]))
        shape = i % 9
        negated = False
        as_of = None
        if shape == 0:
            iso, said, wrong = self.date("day")
            stmt, bad = (f"{craft['name']} reached {place['name']} on {x}." for x in (said, wrong))
            values = [f"{{slot: arrival date, date: {iso}}}", f"{{slot: arrival site, entity: {place['id']}}}"]
            subject, keywords = craft, ["arrived", "reached", "got to"]
        elif shape == 1:
            rocket = pick("rocket/None")
            iso, said, wrong = self.date("month")
            stmt, bad = (f"{craft['name']} launched aboard the {rocket['name']} rocket in {x}." for x in (said, wrong))
            values = [f"{{slot: launch date, date: {iso}}}", f"{{slot: launch vehicle, entity: {rocket['id']}}}"]
            subject, keywords = craft, ["launch", "lifted off", "liftoff"]
        elif shape == 2:
            org = pick(rng.choice(["org/agency", "org/company", "org/university"]))
            iso, said, wrong = self.date("year")
            stmt, bad = (f"{org['name']} chose {place['name']} as a landing site in {x}." for x in (said, wrong))
            values = [f"{{slot: selection date, date: {iso}}}", f"{{slot: landing site, entity: {place['id']}}}"]
            subject, keywords, as_of = org, ["selected", "picked", "landing site"], f"{iso}-12-31"
        elif shape in (3, 4):
            dimension = "mass" if shape == 3 else rng.choice(["length", "time"])
            unit = rng.choice(DIMENSION_UNITS[dimension])
            approx = rng.choice(list(APPROX_WORDS))
            n = rng.randint(2, 9000)
            if approx == "exact" and rng.random() < 0.4:
                hi = n + rng.randint(1, 50)
                amount, said, wrong, body = f"{n:,} to {hi:,}", "", f"{hi * 3:,} to {hi * 4:,}", f"[{n}, {hi}]"
            else:
                amount, said, wrong, body = f"{n:,}", APPROX_WORDS[approx], f"{n * 3 + 7:,}", str(n)
            verb = {"mass": "weighs", "length": "drove", "time": "worked for"}[dimension]
            stmt, bad = (f"{craft['name']} {verb} {said}{x} {UNIT_WORDS[unit]} at {place['name']}." for x in (amount, wrong))
            approx_yaml = "" if approx == "exact" or body.startswith("[") else f", approx: {approx}"
            slot = {"mass": "mass", "length": "drive distance", "time": "mission duration"}[dimension]
            values = [f"{{slot: {slot}, quantity: {body}, unit: {unit}{approx_yaml}}}"]
            subject, keywords = craft, [verb, slot]
        elif shape == 5:
            noun, plural = rng.choice(COUNT_NOUNS)
            n = rng.randint(2, 60)
            approx = rng.choice(["exact", "exact", "more_than", "about"])
            stmt, bad = (f"{craft['name']} carries {APPROX_WORDS[approx]}{x} {plural}." for x in (n, n + rng.randint(3, 20)))
            approx_yaml = "" if approx == "exact" else f", approx: {approx}"
            values = [f"{{slot: {plural}, count: {n}, noun: {noun}{approx_yaml}}}"]
            subject, keywords = craft, ["has", "equipped with", "carries"]
        elif shape == 6:
            person, role = pick("person/None"), pick("role/None")
            org = pick(rng.choice(["org/agency", "org/company", "org/university"]))
            other = pick(f"org/{org['type']}", other_than=org)
            stmt, bad = (f"{person['name']} served as {role['name']} for {craft['name']} at {x['name']}." for x in (org, other))
            values = [f"{{slot: role, entity: {role['id']}}}", f"{{slot: employer, entity: {org['id']}}}"]
            subject, keywords = person, ["worked", "led", "job"]
        elif shape == 7:
            rank = rng.randint(1, 10)
            noun = f"{craft['type']} to explore {place['name']}"
            stmt, bad = (f"{craft['name']} was the {ORDINALS[r - 1]} {noun}." for r in (rank, rank % 10 + 1))
            values = [f"{{slot: rank, ordinal: {rank}, noun: {json.dumps(noun)}}}"]
            subject, keywords = craft, ["ranked", "order", "before"]
        else:
            material = pick("material/None")
            nationality = pick("nationality/None")
            instrument = pick(rng.choice(["instrument/camera", "instrument/spectrometer"]))
            negated = True
            stmt = (
                f"{nationality['name']} engineers did not find {material['name']} with {instrument['name']} on {craft['name']}."
            )
            bad = f"{nationality['name']} engineers found {material['name']} with {instrument['name']} on {craft['name']}."
            values = [
                f"{{slot: material, entity: {material['id']}}}",
                f"{{slot: instrument, entity: {instrument['id']}}}",
                f"{{slot: builders, entity: {nationality['id']}}}",
            ]
            subject, keywords = instrument, ["detected", "discovered", "no sign of"]
        source = i // FACTS_PER_SOURCE
        if source == len(self.quotes):
            self.quotes.append([])
        quote = f"{rng.choice(['Records show that', 'The team said', 'It was confirmed:', 'Mission logs state that'])} {stmt}"
        self.quotes[source].append(quote)
        out = self.lines
        out.append(f"  - id: f-{i:06d}")
        out.append(f"    statement: {json.dumps(stmt)}")
        out.append(f"    subject: {subject['id']}")
        out.append("    values:")
        out.extend(f"      - {v}" for v in values)
        out.append(f"    keywords: {json.dumps(keywords)}")
        if negated:
            out.append("    negated: true")
        if as_of:
            out.append(f"    as_of: {as_of}")
        out.append("    citations:")
        out.append(f"      - {{source: src-{source:05d}, quote: {json.dumps(quote)}}}")
        self.claims.append(stmt if rng.random() < 0.5 else bad)

    def write(self, folder: Path) -> tuple[Path, Path]:
        """Write facts.yaml, sources/*.txt and claims.json under ``folder``."""
        if folder.exists():
            shutil.rmtree(folder)
        (folder / "sources").mkdir(parents=True)
        self.make_entities()
        for i in range(self.size):
            self.fact(i)
        head = ["# generated by bench/run.py: a synthetic facts file for benchmarking", "version: 1", "", "sources:"]
        for s, quotes in enumerate(self.quotes):
            name = f"src-{s:05d}"
            head.append(
                f"  - {{id: {name}, title: {json.dumps(f'Synthetic article {s}')}, publisher: Bench Press, "
                f"date: 2021-02-{s % 28 + 1:02d}, url: null, file: sources/{name}.txt}}"
            )
            body = [f"Synthetic article {s}.", ""]
            for k in range(0, len(quotes), 5):
                body.append(" ".join(quotes[k : k + 5]))
                body.append("")
            (folder / "sources" / f"{name}.txt").write_text("\n".join(body), encoding="utf-8")
        head.append("")
        head.append("entities:")
        real = [
            {"id": e.id, "kind": e.kind, "type": e.type, "name": e.name, "aliases": list(e.aliases), "part_of": list(e.part_of)}
            for e in self.base.entities.values()
        ]
        synthetic = [e for key in sorted(self.entities) for e in self.entities[key]]
        for e in real + synthetic:
            etype = f", type: {json.dumps(e['type'])}" if e["type"] else ""
            head.append(
                f"  - {{id: {e['id']}, kind: {e['kind']}{etype}, name: {json.dumps(e['name'])}, "
                f"aliases: {json.dumps(e['aliases'])}, part_of: {json.dumps(e['part_of'])}}}"
            )
        head.append("")
        head.append("facts:")
        facts_path = folder / "facts.yaml"
        facts_path.write_text("\n".join(head + self.lines) + "\n", encoding="utf-8")
        claims = self._varied_claims()
        claims_path = folder / "claims.json"
        claims_path.write_text(json.dumps(claims, indent=0), encoding="utf-8")
        return facts_path, claims_path

    def _varied_claims(self) -> list[str]:
        """200 claims: restated and altered facts, reworded ones, and off-topic prose."""
        rng = random.Random(SEED + self.size + 1)
        chosen: list[str] = []
        seen: set[str] = set()
        while len(chosen) < CLAIMS_PER_SIZE:
            roll = rng.random()
            if roll < 0.15:
                claim = off_topic_sentence(rng)
            else:
                claim = rng.choice(self.claims)
                if roll < 0.35:
                    claim = rng.choice(PREFIXES[3:]) + claim
            if claim not in seen:
                seen.add(claim)
                chosen.append(claim)
        return chosen


def facts_worker(facts_path: str, claims_path: str, raise_limit: bool = False) -> None:
    """In a fresh process: load, build the engine, check the claims; print the figures as JSON.

    ``raise_limit`` lifts ``MAX_EXPANDED_NODES`` in this process only, for a
    file the alias-bomb guard refuses only because it is large.
    """
    import resource

    from percycheck.engine import Engine
    from percycheck.facts import load_facts

    if raise_limit:
        import importlib

        for name in ("percycheck.facts", "percycheck.yamlsafe"):  # wherever the guard lives
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            if hasattr(module, "MAX_EXPANDED_NODES"):
                setattr(module, "MAX_EXPANDED_NODES", 10**9)  # noqa: B010 - the name may be absent

    claims = json.loads(Path(claims_path).read_text(encoding="utf-8"))
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    base = load_facts(facts_path)
    t1 = time.perf_counter()
    engine = Engine(base)
    t2 = time.perf_counter()
    engine.check(CLAIM)  # the first check imports what checking needs; not counted
    times: list[float] = []
    verdicts: dict[str, int] = {"supported": 0, "contradicted": 0, "unknown": 0}
    for claim in claims:
        start = time.perf_counter()
        verdict = engine.check(claim)
        times.append(time.perf_counter() - start)
        verdicts[verdict.verdict] += 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
    from percycheck import cache

    cache.store(Path(facts_path), engine)  # for cached_worker; not timed (under bench/out/cache)
    print(
        json.dumps(
            {
                "facts": len(base.facts),
                "entities": len(base.entities),
                "sources": len(base.sources),
                "load": t1 - t0,
                "build": t2 - t1,
                "claim_median": statistics.median(times),
                "claim_p95": sorted(times)[int(len(times) * 0.95) - 1],
                "claims": len(times),
                "peak_mb": peak * scale / 1e6,
                "baseline_mb": baseline * scale / 1e6,
                "verdicts": verdicts,
            }
        )
    )


def cached_worker(facts_path: str, claims_path: str) -> None:
    """In a fresh process: load the engine ``facts_worker`` cached, then check the claims; print
    the figures as JSON. This is what every start after the first one costs."""
    from percycheck import cache

    claims = json.loads(Path(claims_path).read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    engine = cache.load(Path(facts_path))
    t1 = time.perf_counter()
    if engine is None:
        print(json.dumps({"cached": False}))
        return
    engine.check(CLAIM)
    times: list[float] = []
    for claim in claims:
        start = time.perf_counter()
        engine.check(claim)
        times.append(time.perf_counter() - start)
    print(json.dumps({"cached": True, "cached_load": t1 - t0, "cached_claim": statistics.median(times)}))


def run_cached_worker(facts_path: Path, claims_path: Path, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_cached-worker", str(facts_path), str(claims_path)]
    return _run_json(cmd, timeout)


def _worker_cmd(facts_path: Path, claims_path: Path, raise_limit: bool = False) -> list[str]:
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "--_facts-worker",
        str(facts_path),
        str(claims_path),
        *(["--_raise-limit"] if raise_limit else []),
    ]


def run_worker(facts_path: Path, claims_path: Path, timeout: float, raise_limit: bool = False) -> dict[str, Any]:
    return _run_json(_worker_cmd(facts_path, claims_path, raise_limit), timeout)


def _run_json(cmd: list[str], timeout: float) -> dict[str, Any]:
    """Run a measuring worker and read the JSON object on its last line of output."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False, env=BENCH_ENV)
    except subprocess.TimeoutExpired:
        raise TimedOut(timeout) from None
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1:] or [""]
        raise Failed(f"exit {proc.returncode}: {last[0][:200]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def write_facts(size: int) -> tuple[Path, Path]:
    import percycheck

    return FactsWriter(size, percycheck.load_facts()).write(OUT / f"facts-{size}")


def _growth(a: float, b: float, factor: float) -> str:
    if a <= 0 or b <= 0:
        return "n/a"
    return f"x{b / a:.1f} (~n^{math.log(b / a) / math.log(factor):.2f})"


def builtin_inputs() -> tuple[Path, Path]:
    """The shipped facts file, and 200 of its own statements and quotes as claims."""
    import percycheck
    from percycheck.facts import builtin_facts_path

    base = percycheck.load_facts()
    texts = sorted({f.statement for f in base.facts} | {c.quote for f in base.facts for c in f.citations})
    claims = random.Random(SEED).sample(texts, min(CLAIMS_PER_SIZE, len(texts)))
    path = OUT / "builtin-claims.json"
    path.write_text(json.dumps(claims, indent=0), encoding="utf-8")
    return builtin_facts_path(), path


def _same(inputs: tuple[Path, Path]) -> tuple[Path, Path]:
    return inputs


def bench_facts(report: Report, runs: int, timeout: float, sizes: Sequence[int]) -> None:
    """Synthetic facts files of growing size: load time, per-claim time and peak memory."""
    log(f"facts: synthetic facts files of {', '.join(f'{s:,}' for s in sizes)} facts")
    results: dict[str, dict[str, Any]] = {}
    cases: list[tuple[str, int, Callable[[], tuple[Path, Path]]]] = [("built-in", 0, builtin_inputs)]
    for size in sizes:
        cases.append((f"{size:,}", size, functools.partial(write_facts, size)))
    while cases:
        label, size, inputs = cases.pop(0)
        raise_limit = label.endswith("(limit raised)")
        start = time.perf_counter()
        facts_path, claims_path = inputs()
        if size and not raise_limit:
            megabytes = facts_path.stat().st_size / 1e6
            log(f"  generated {facts_path.relative_to(ROOT)} ({megabytes:.1f} MB) in {time.perf_counter() - start:.1f} s")
        samples: list[dict[str, Any]] = []
        problem = ""
        for _ in range(runs):
            try:
                samples.append(run_worker(facts_path, claims_path, timeout, raise_limit))
            except (TimedOut, Failed) as exc:
                problem = str(exc)
                break
        if not samples:
            if "expands past" in problem and not raise_limit:
                # refused by the alias-bomb guard although it has no alias: measure it anyway
                report.add("facts", f"{label} facts", "refused by load_facts", problem)
                made: tuple[Path, Path] = (facts_path, claims_path)
                cases.insert(0, (f"{label} (limit raised)", size, functools.partial(_same, made)))
                results[label] = {"error": problem}
                continue
            report.add("facts", f"{label} facts", problem)
            results[label] = {"error": problem}
            continue
        keys = ("load", "build", "claim_median", "claim_p95", "peak_mb", "baseline_mb")
        row = {k: statistics.median(s[k] for s in samples) for k in keys}
        cached: list[dict[str, Any]] = []
        for _ in range(runs):
            try:
                sample = run_cached_worker(facts_path, claims_path, timeout)
            except (TimedOut, Failed) as exc:
                log(f"  {label} facts: cached start: {exc}")
                break
            if sample.get("cached"):
                cached.append(sample)
        for key in ("cached_load", "cached_claim"):
            row[key] = statistics.median(s[key] for s in cached) if cached else math.nan
        row.update(
            facts=samples[0]["facts"],
            entities=samples[0]["entities"],
            sources=samples[0]["sources"],
            verdicts=samples[0]["verdicts"],
            runs=len(samples),
            yaml_mb=facts_path.stat().st_size / 1e6,
            error=problem,
        )
        results[label] = row
        mix = "/".join(str(row["verdicts"][k]) for k in ("supported", "contradicted", "unknown"))
        report.facts.append(
            [
                label,
                f"{row['entities']:,}",
                f"{row['yaml_mb']:.1f}",
                seconds(row["load"]),
                seconds(row["build"]),
                seconds(row["load"] + row["build"]),
                f"{row['claim_median'] * 1000:.2f} ms",
                f"{row['claim_p95'] * 1000:.2f} ms",
                f"{row['peak_mb']:.0f} MB",
                seconds(row["cached_load"]) if cached else "no cache",
                f"{row['cached_claim'] * 1000:.2f} ms" if cached else "-",
                mix,
                str(len(samples)) + (f"; then {problem}" if problem else ""),
            ]
        )
        log(
            f"  {label} facts: load {seconds(row['load'])}, engine {seconds(row['build'])}, "
            f"per claim {row['claim_median'] * 1000:.2f} ms, peak RSS {row['peak_mb']:.0f} MB"
            + (f"; cached start {seconds(row['cached_load'])}, {row['cached_claim'] * 1000:.2f} ms per claim" if cached else "")
        )
    report.figures["facts"] = results
    measured = []
    for s in sizes:
        for key in (f"{s:,}", f"{s:,} (limit raised)"):
            if "load" in results.get(key, {}):
                measured.append((s, results[key]))
                break
    for (n1, a), (n2, b) in zip(measured, measured[1:], strict=False):
        factor = n2 / n1
        report.add(
            "facts",
            f"growth {n1:,} -> {n2:,} facts",
            f"load {_growth(a['load'], b['load'], factor)}",
            f"engine {_growth(a['build'], b['build'], factor)}; "
            f"per claim {_growth(a['claim_median'], b['claim_median'], factor)}; "
            f"memory above baseline "
            f"{_growth(a['peak_mb'] - a['baseline_mb'], b['peak_mb'] - b['baseline_mb'], factor)}",
        )


FACTS_HEADER = [
    "size (facts)",
    "entities",
    "YAML MB",
    "load",
    "engine",
    "load+engine",
    "per claim",
    "p95 claim",
    "peak RSS",
    "cached load",
    "cached claim",
    "verdicts s/c/u",
    "runs",
]


# --------------------------------------------------------------------------- profiling


def profile(timeout: float, top: int = 15) -> None:
    """cProfile a ~2,000-sentence draft through the CLI and a 10,000-facts build + 200 claims."""
    import pstats

    draft = OUT / "draft-profile.txt"
    n = make_draft(draft, target_sentences=PROFILE_DRAFT_SENTENCES)
    log(f"profile: {draft.relative_to(ROOT)} ({n:,} sentences)")
    facts_path, claims_path = write_facts(PROFILE_FACTS)
    jobs = [
        ("draft", OUT / "draft.prof", ["-m", "percycheck", "-f", str(draft.relative_to(ROOT)), "--format", "jsonl"]),
        (f"{PROFILE_FACTS:,} facts", OUT / f"facts-{PROFILE_FACTS}.prof", _worker_cmd(facts_path, claims_path)[1:]),
    ]
    for name, prof, args in jobs:
        cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), *args]
        try:
            took = run_once(cmd, timeout)
        except (TimedOut, Failed) as exc:
            print(f"profile {name}: {exc}")
            continue
        stats = pstats.Stats(str(prof))
        total = stats.total_tt  # type: ignore[attr-defined]
        entries = [(key, nc, cc, tt, ct) for key, (cc, nc, tt, ct, _) in stats.stats.items()]  # type: ignore[attr-defined]
        # frames that hold (nearly) everything are the entry point's wrappers, not hotspots
        inner = [e for e in entries if e[4] < 0.9 * total and "builtins.exec" not in e[0][2]]
        print(f"\n=== profile: {name}: {took:.1f} s under cProfile ({total:.1f} s profiled), {prof.relative_to(ROOT)} ===")
        for title, chosen in (
            (f"top {top} by cumulative time (below the entry point)", sorted(inner, key=lambda e: -e[4])),
            (f"top {top} by own time", sorted(entries, key=lambda e: -e[3])),
        ):
            rows = [["cumulative", "% total", "own", "calls", "function"]]
            for (file, line, func), nc, cc, tt, ct in chosen[:top]:
                calls = f"{nc:,}" if nc == cc else f"{nc:,}/{cc:,}"
                rows.append([f"{ct:.3f} s", f"{100 * ct / total:.0f}%", f"{tt:.3f} s", calls, _where(file, line, func)])
            print(f"\n{title}:")
            print("\n".join(_columns_right(rows)))


def _where(file: str, line: int, func: str) -> str:
    """``percycheck/values.py:599(find)``: paths shortened to the package, builtins as they are."""
    if file == "~":
        return func
    for marker in ("site-packages/", str(ROOT) + os.sep, "lib/python3"):
        if marker in file:
            file = file.split(marker, 1)[1]
            break
    return f"{file}:{line}({func})"


def _columns_right(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(c.rjust(widths[i]) if i < len(r) - 1 else c for i, c in enumerate(r)) for r in rows]


# --------------------------------------------------------------------------- main


def environment() -> list[str]:
    import rapidfuzz
    import yaml

    import percycheck

    loader = "CSafeLoader" if hasattr(yaml, "CSafeLoader") else "SafeLoader (no libyaml)"
    try:
        head = (
            subprocess.run(
                ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                capture_output=True,
                text=True,
                check=False,
                timeout=10,
            ).stdout.strip()
            or "unknown"
        )
    except (OSError, subprocess.TimeoutExpired):
        head = "unknown"
    return [
        f"commit {head}; percycheck {percycheck.__version__} from {Path(percycheck.__file__).parent}, "
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        f"rapidfuzz {rapidfuzz.__version__}, PyYAML {yaml.__version__} with {loader}",
        f"entry point: {' '.join(percycheck_command())}",
        "bytecode: "
        + (
            "as the environment has it"
            if BENCH_ENV is None
            else f"cached under {(OUT / 'pycache').relative_to(ROOT)}"
            + (
                " (PYTHONDONTWRITEBYTECODE is cleared for the measured processes)"
                if os.environ.get("PYTHONDONTWRITEBYTECODE")
                else ""
            )
        ),
    ]


def _columns(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as aligned text: the first column left-aligned, numbers right-aligned."""
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(max(len(r) for r in rows))]
    lines = []
    for r in rows:
        cells = [c.ljust(widths[i]) if i == 0 or i == len(r) - 1 else c.rjust(widths[i]) for i, c in enumerate(r)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def print_table(report: Report) -> None:
    """The summary: one block per case, aligned."""
    for section in dict.fromkeys(r.section for r in report.rows) | dict.fromkeys(["facts"] if report.facts else []):
        print(f"\n{section}\n{'-' * len(section)}")
        if section == "facts" and report.facts:
            print("\n".join(_columns([FACTS_HEADER, *report.facts])))
        rows = [[r.case, r.value, r.detail] for r in report.rows if r.section == section]
        if rows:
            print("\n".join(_columns(rows)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark percycheck (prints figures; never fails).")
    parser.add_argument("--runs", type=int, default=None, help="runs per case; the median is reported (default 5, --quick 3)")
    parser.add_argument("--quick", action="store_true", help="3 runs, a 0.5 MB draft, 1,000 and 10,000 facts")
    parser.add_argument("--only", action="append", choices=("cold", "draft", "facts"), help="run only this case (repeatable)")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds allowed for one run of a case (default %(default)g)"
    )
    parser.add_argument(
        "--keep-env",
        action="store_true",
        help="measure with the environment as it is (default: bytecode cached under bench/out/pycache)",
    )
    parser.add_argument("--profile", action="store_true", help="instead, cProfile a small draft and a 10,000-facts build")
    parser.add_argument("--_facts-worker", nargs=2, metavar=("FACTS", "CLAIMS"), help=argparse.SUPPRESS)
    parser.add_argument("--_raise-limit", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--_cached-worker", nargs=2, metavar=("FACTS", "CLAIMS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._cached_worker:
        cached_worker(*args._cached_worker)
        return 0
    if args._facts_worker:
        facts_path, claims_path = args._facts_worker
        facts_worker(facts_path, claims_path, raise_limit=args._raise_limit)
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    global BENCH_ENV
    BENCH_ENV = measured_env(args.keep_env)
    if args.profile:
        profile(args.timeout)
        return 0
    runs = max(1, args.runs if args.runs is not None else (3 if args.quick else 5))
    only = set(args.only or ("cold", "draft", "facts"))
    for line in environment():
        print(line)
    quick = " (--quick)" if args.quick else ""
    print(f"{runs} run{'' if runs == 1 else 's'} per case, timeout {args.timeout:g} s per run{quick}")
    report = Report()
    started = time.perf_counter()
    if "cold" in only:
        bench_cold(report, runs, args.timeout)
    if "draft" in only:
        bench_draft(report, runs, args.timeout, QUICK_DRAFT_BYTES if args.quick else DRAFT_BYTES)
    if "facts" in only:
        bench_facts(report, runs, args.timeout, QUICK_FACT_SIZES if args.quick else FACT_SIZES)
    if report.rows or report.facts:
        print_table(report)
    report.figures["runs"] = runs
    (OUT / "results.json").write_text(json.dumps(report.figures, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\ntotal {time.perf_counter() - started:.0f} s; figures in {(OUT / 'results.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
