"""Fuzz the parts of percycheck that read untrusted input, for a bounded time or number of runs.

Targets (``--target``, or ``all``):

- ``split_text``, ``split_markdown``: the sentence splitter on any text; every sentence must be
  non-empty, white-space collapsed and located inside the input.
- ``extract``: ``percycheck.values.extract`` with the built-in engine's gazetteer, vocabulary
  and superlatives; every value's span must lie inside the sentence.
- ``check``: ``percycheck.check`` on short inputs; the verdict must be one of the three.
- ``facts``: ``percycheck.facts.parse_facts`` on YAML mutated from a small valid facts file;
  the only allowed failure is ``FactsError`` whose problems are each one ``FILE:LINE: ...`` line.

Coverage-guided with atheris when it is importable (``pip install atheris``; Python < 3.12 for
the released wheels), else a random mutator over the same seeds. Each target runs in its own
process (atheris sets up once per process). Anything else a target raises, an input that takes
longer than ``--timeout`` seconds and a broken invariant is a crash: the input is saved to
``fuzz/crashes/TARGET-SIGNATURE.bin`` with a ``.txt`` beside it holding the traceback, once per
distinct signature (exception and innermost percycheck frame). The corpus atheris grows goes to
``fuzz/corpus/TARGET/``. Both folders are git-ignored.

    python fuzz/run.py --seconds 300                  # every target, 300 s each
    python fuzz/run.py --target facts --runs 20000
    python fuzz/run.py --target check --reproduce fuzz/crashes/check-0123abcd.bin

Not part of the test run: it is slow by design and its findings become tests.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = HERE / "corpus"
CRASHES = HERE / "crashes"
TARGETS = ("split_text", "split_markdown", "extract", "check", "facts")
MAX_LEN = {"split_text": 4096, "split_markdown": 4096, "extract": 600, "check": 300, "facts": 6000}
"""Longest input per target, in bytes: check and extract are for short sentences."""

# ------------------------------------------------------------------------------- seeds

TEXT_TOKENS = [
    "Perseverance", "Percy", "the rover", "NASA", "JPL", "Jezero Crater", "Mars", "Ingenuity",
    "landed", "weighs", "launched", "collected", "is", "was", "not", "never", "first", "second",
    "Feb.", "February", "18", "19,", "2021", "2020", "July 30", "on Friday", "at 3:55 p.m.",
    "1,025", "2,263", "kg", "pounds", "lb", "metric tons", "about", "almost", "more than",
    "nearly", "at least", "up to", "six wheels", "seven", "43", "samples", "tubes", "two days after",
    "landing", "according to NASA", ", NASA said", "and", "but", ";", ",", ".", "!", "?", "…",
    "U.S.", "Dr.", "No. 5", "e.g.", "i.e.", "—", "–", "-", "\"", "“", "”", "'", "’s", "(", ")",
    "[", "](http://x)", "**", "_", "`", "```", "\n", "\n\n", "\r\n", "\t", "- ", "* ", "1. ",
    "# ", "> ", "<!-- percycheck: ignore -->", "percycheck: ignore-next-line", "---\n", "|",
    "\ufeff", "\u00a0", "\u200b", "\u202e", "\x1b[31m", "\x07", "é", "½", "²", "١٢", "𝟙",
]  # fmt: skip
YAML_SCALARS = [
    "~", "null", "true", "no", "0", "-1", "1e999", ".nan", ".inf", "0x1F", "0o17", "1_000",
    "2021-02-30", "2021-13-01", "2021-02-18", "2021-02-18T10:00:00Z", "'quoted'", '"a\\x1bb"',
    '"line\\nbreak"', "[]", "{}", "[a, b]", "{a: 1}", "*undefined", "&a [*a]", "!!int x",
    "!!float y", "!!binary AAAA", "!!set {a}", "!!timestamp x", "!!str", "!!map {}",
    '!!python/object/apply:os.system ["true"]', "!!python/name:os.system", "!foo bar", "|\n  x",
    ">-\n  x", "? [a]", "<<: {a: 1}", "x" * 300, "[" * 50, "{" * 50, "'", '"', "- - -", "%YAML 1.1",
    "Perseverance", "rover", "mars", "src", "lb", "kg", "about", "exact", "craft", "place",
]  # fmt: skip
YAML_KEYS = [
    "id", "title", "publisher", "date", "url", "file", "kind", "type", "name", "aliases",
    "part_of", "statement", "subject", "values", "citations", "source", "quote", "slot",
    "quantity", "count", "unit", "noun", "approx", "entity", "ordinal", "negated", "as_of",
    "keywords", "version", "sources", "entities", "facts", "<<",
]  # fmt: skip

SOURCE_TEXT = "The rover landed on Feb. 18, 2021 in Jezero Crater.\nIt weighs 2,263 pounds and has six wheels.\n"
FACTS_SEED = """\
version: 1
sources:
  - id: src
    title: A source
    publisher: Somebody
    date: 2021-02-19
    url: null
    file: src.txt
entities:
  - {id: rover, kind: craft, type: rover, name: Rover, aliases: [The Rover]}
  - {id: crater, kind: place, name: Jezero Crater, aliases: [Jezero], part_of: [mars]}
  - {id: mars, kind: place, type: planet, name: Mars}
facts:
  - id: landing
    statement: The rover landed in Jezero Crater on February 18, 2021.
    subject: rover
    values:
      - {slot: landing date, date: 2021-02-18}
      - {slot: landing site, entity: crater}
      - {slot: rank, ordinal: 1, noun: landing}
    citations:
      - source: src
        quote: "The rover landed on Feb. 18, 2021 in Jezero Crater."
  - id: mass
    statement: The rover weighs 2,263 pounds.
    subject: rover
    negated: false
    as_of: 2021-02
    keywords: [weight, mass]
    values:
      - {slot: mass, quantity: 2263, unit: lb, approx: about}
      - {slot: wheels, count: 6, noun: wheel}
      - {slot: size, quantity: [2, 3], unit: m}
    citations:
      - source: src
        quote: "It weighs 2,263 pounds and has six wheels."
"""


def text_seeds() -> list[str]:
    """Sentences and paragraphs of the shipped sources, the README examples and the test draft."""
    seeds = [
        "Perseverance landed on Feb. 19, 2021.",
        "Perseverance weighs about 1,030 kg.",
        "Perseverance landed in Jezero Crater on Feb. 18, 2021.",
        "Perseverance weighs 2,623 pounds, NASA said.",
        "The rover did not land two days after launch.",
        "",
    ]
    for path in sorted((ROOT / "sources").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        seeds.extend(paragraphs[:40])
        seeds.extend(line for line in text.splitlines()[:200] if 20 < len(line) < 300)
    draft = ROOT / "tests" / "data" / "draft.md"
    if draft.is_file():
        seeds.append(draft.read_text(encoding="utf-8"))
    return seeds


def facts_seeds() -> list[str]:
    seeds = [FACTS_SEED, FACTS_SEED.replace("\n", "\r\n"), "\ufeff" + FACTS_SEED]
    cli = ROOT / "tests" / "data" / "cli-facts.yaml"
    if cli.is_file():
        seeds.append(cli.read_text(encoding="utf-8").replace("cli-source.txt", "src.txt"))
    return seeds


# ----------------------------------------------------------------------------- targets


class Finding(Exception):
    """A broken invariant: the target returned, but something it returned is wrong."""


class Timeout(BaseException):
    """Raised from SIGALRM when one input takes longer than ``--timeout`` seconds."""


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _check_claims(text: str, claims: list[Any], first_word: bool) -> None:
    lines = re.split(r"\r\n|\r|\n", text[1:] if text.startswith("\ufeff") else text)
    for claim in claims:
        if not claim.text or claim.text != " ".join(claim.text.split()):
            raise Finding(f"sentence not collapsed or empty: {claim.text!r}")
        loc = claim.location
        if loc is None or not 1 <= loc.line <= len(lines):
            raise Finding(f"line out of range: {loc} for {claim.text!r}")
        if not 1 <= loc.column <= max(len(lines[loc.line - 1]), 1):
            raise Finding(f"column out of range: {loc} for {claim.text!r}")
        if first_word and not lines[loc.line - 1][loc.column - 1 :].startswith(claim.text.split()[0]):
            raise Finding(f"sentence not at its location: {loc} for {claim.text!r}")


def make_target(name: str) -> Callable[[bytes], None]:
    """The function one input is run through, importing only what the target needs."""
    if name in ("split_text", "split_markdown"):
        from percycheck import text as splitter

        split = getattr(splitter, name)

        def run_split(data: bytes) -> None:
            text = _decode(data)
            claims = split(text, "fuzz.md")
            _check_claims(text, claims, first_word=name == "split_text")
            for claim in claims:
                splitter.is_check_worthy(claim.text)
            splitter.suppressed_lines(text)
            splitter.looks_like_markdown(text)

        return run_split
    if name == "extract":
        from percycheck import api
        from percycheck.values import extract
        from percycheck.words import SUPERLATIVES

        engine = api.engine()

        def run_extract(data: bytes) -> None:
            text = _decode(data)
            found = extract(text, engine.index.gazetteer, engine.index.vocabulary, SUPERLATIVES)
            for group in (found.dates, found.weekdays, found.amounts, found.relative_dates,
                          found.ordinals, found.mentions):  # fmt: skip
                for value in group:
                    if not 0 <= value.start <= value.end <= len(text):
                        raise Finding(f"span {value.start}-{value.end} outside the text: {value!r}")

        return run_extract
    if name == "check":
        import percycheck
        from percycheck.models import VERDICTS

        percycheck.check("Perseverance landed on Feb. 18, 2021.")  # build the engine once

        def run_check(data: bytes) -> None:
            text = _decode(data)
            verdict = percycheck.check(text)
            if verdict.verdict not in VERDICTS or not isinstance(verdict.reason, str):
                raise Finding(f"bad verdict {verdict!r}")
            if not 0.0 <= verdict.confidence <= 1.0:
                raise Finding(f"confidence {verdict.confidence} outside [0, 1]")

        return run_check
    if name == "facts":
        from percycheck.facts import FactsError, parse_facts

        folder = Path(tempfile.mkdtemp(prefix="percycheck-fuzz-"))
        (folder / "src.txt").write_text(SOURCE_TEXT, encoding="utf-8")
        shape = re.compile(r"^fuzz\.yaml:\d+: \S")

        def run_facts(data: bytes) -> None:
            text = _decode(data)
            try:
                parse_facts(text, "fuzz.yaml", base_dir=folder)
            except FactsError as exc:
                if not exc.problems:
                    raise Finding("FactsError without problems") from None
                for problem in exc.problems:
                    if "\n" in problem or "\r" in problem or not shape.match(problem):
                        raise Finding(f"problem is not one FILE:LINE: line: {problem!r}") from None

        return run_facts
    raise SystemExit(f"unknown target {name!r} (one of {', '.join(TARGETS)})")


# ---------------------------------------------------------------------------- mutation


def mutate_text(data: bytes, rng: random.Random, max_len: int) -> bytes:
    """Token-level edits with the dictionary above, and a few raw character edits."""
    text = _decode(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        at = rng.randint(0, len(text))
        if op < 0.35:
            text = text[:at] + rng.choice(TEXT_TOKENS) + " " * rng.randint(0, 1) + text[at:]
        elif op < 0.5 and text:
            end = min(len(text), at + rng.randint(1, 20))
            text = text[:at] + text[end:]
        elif op < 0.6:
            text = text[:at] + chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF),
                                               rng.randint(0x10000, 0x1FFFF)])) + text[at:]  # fmt: skip
        elif op < 0.7 and text:
            start = rng.randint(0, len(text) - 1)
            piece = text[start : start + rng.randint(1, 40)]
            text = text[:at] + piece * rng.randint(1, 30) + text[at:]
        elif op < 0.8:
            text = text[:at] + rng.choice(TEXT_TOKENS) * rng.randint(2, 200) + text[at:]
        elif op < 0.9 and text:
            words = text.split(" ")
            rng.shuffle(words)
            text = " ".join(words)
        else:
            text = text[:at].upper() + text[at:] if rng.random() < 0.5 else text[:at] + text[at:].lower()
    return text.encode("utf-8", errors="surrogatepass")[:max_len]


ODD_VALUES: list[Any] = [
    None, True, False, 0, -1, 1.5, 10**30, float("inf"), float("nan"), "", " ", "x" * 300, [], {},
    [1, 2], [2, 1], [1, 2, 3], {"a": 1}, "2021-02-30", "2021-13", "0000", "../x.txt", "/etc/passwd",
    "src.txt", "sub/../src.txt", "\x1b[2J", "line\nbreak", "rover", "mars", "crater", "landing",
    "lb", "kg", "stone", "about", "exact", "craft", "place", "Mars", "UPPER", "dup", "a-b", "-a",
]  # fmt: skip


def _mutate_structure(data: Any, rng: random.Random) -> Any:
    """One edit deep inside the loaded document: a value replaced, a key dropped, renamed or an
    item duplicated (so ids repeat), so the validator, not the YAML parser, sees the mistake."""
    containers: list[Any] = []
    seen: set[int] = set()
    stack = [data]
    while stack:  # iterative, and each container once: anchors can make the document a cycle
        node = stack.pop()
        if isinstance(node, (dict, list)) and id(node) not in seen:
            seen.add(id(node))
            containers.append(node)
            stack.extend(node.values() if isinstance(node, dict) else node)
    if not containers:
        return rng.choice(ODD_VALUES)
    node = rng.choice(containers)
    op = rng.random()
    if isinstance(node, dict) and node:
        key = rng.choice(list(node))
        if op < 0.5:
            node[key] = rng.choice(ODD_VALUES)
        elif op < 0.7:
            del node[key]
        elif op < 0.85:
            node[rng.choice(YAML_KEYS)] = node.pop(key)
        else:
            node[rng.choice(YAML_KEYS)] = rng.choice(ODD_VALUES)
    elif isinstance(node, list) and node:
        index = rng.randrange(len(node))
        if op < 0.4:
            node.append(json.loads(json.dumps(node[index], default=str)))  # a duplicate id
        elif op < 0.6:
            del node[index]
        else:
            node[index] = rng.choice(ODD_VALUES)
    return data


def mutate_yaml(data: bytes, rng: random.Random, max_len: int) -> bytes:
    """Edits of a facts file: half inside the loaded document (re-dumped, so still YAML), half
    line edits (values, keys, indentation, lines moved or copied, tags, anchors)."""
    if rng.random() < 0.5:
        import yaml

        try:
            loaded = yaml.safe_load(_decode(data))
        except Exception:  # not YAML (any more): start again from the seed
            loaded = yaml.safe_load(FACTS_SEED)
        for _ in range(rng.randint(1, 3)):
            loaded = _mutate_structure(loaded, rng)
        try:
            dumped = yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False, width=1000)
        except Exception:  # a value safe_dump cannot write: keep the input
            dumped = _decode(data)
        return dumped.encode("utf-8", errors="surrogatepass")[:max_len]
    lines = _decode(data).split("\n")
    for _ in range(rng.randint(1, 3)):
        if not lines:
            lines = [""]
        i = rng.randrange(len(lines))
        line = lines[i]
        op = rng.random()
        if op < 0.35 and ":" in line:
            key, _, _ = line.partition(":")
            lines[i] = f"{key}: {rng.choice(YAML_SCALARS)}"
        elif op < 0.45 and ":" in line:
            indent = line[: len(line) - len(line.lstrip())]
            lines[i] = f"{indent}{rng.choice(YAML_KEYS)}:{line.partition(':')[2]}"
        elif op < 0.55:
            lines.insert(rng.randrange(len(lines) + 1), line)  # a duplicate key or list item
        elif op < 0.62:
            del lines[i]
        elif op < 0.7:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op < 0.78:
            lines[i] = " " * rng.choice([0, 1, 2, 3, 4, 6, 8]) + line.lstrip()
        elif op < 0.86:
            start = rng.randrange(len(lines))
            block = lines[start : start + rng.randint(1, 12)]
            lines[i:i] = block * rng.randint(1, 3)
        elif op < 0.93:
            lines.insert(i, f"{rng.choice(YAML_KEYS)}: {rng.choice(YAML_SCALARS)}")
        else:
            at = rng.randint(0, len(line))
            lines[i] = line[:at] + rng.choice("[]{}&*!|>'\"#%@`,:?-\t\x00\x1b\ufeff") + line[at:]
    return "\n".join(lines).encode("utf-8", errors="surrogatepass")[:max_len]


# ---------------------------------------------------------------------------- the child


class Runner:
    """Runs inputs through one target, counts them, and keeps one reproducer per crash."""

    def __init__(self, target: str, seconds: float, runs: int, timeout: float) -> None:
        self.target = target
        self.fn = make_target(target)
        self.deadline = time.monotonic() + seconds if seconds > 0 else float("inf")
        self.runs_left = runs if runs > 0 else -1
        self.timeout = timeout
        self.count = 0
        self.crashes: dict[str, int] = {}
        self.slowest = 0.0
        self.started = time.monotonic()
        signal.signal(signal.SIGALRM, self._alarm)

    @staticmethod
    def _alarm(signum: int, frame: object) -> None:
        raise Timeout

    def one(self, data: bytes) -> None:
        self.count += 1
        began = time.perf_counter()
        try:
            signal.setitimer(signal.ITIMER_REAL, self.timeout)
            try:
                self.fn(data)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except Timeout:
            self._save(data, "Timeout", f"took more than {self.timeout} s\n{traceback.format_exc()}")
        except Exception as exc:  # everything a target raises is a finding
            self._save(data, _signature(exc), traceback.format_exc())
        self.slowest = max(self.slowest, time.perf_counter() - began)
        if self.runs_left > 0:
            self.runs_left -= 1
        if self.runs_left == 0 or time.monotonic() > self.deadline:
            self.finish()

    def _save(self, data: bytes, signature: str, report: str) -> None:
        first = signature not in self.crashes
        self.crashes[signature] = self.crashes.get(signature, 0) + 1
        if not first:
            return
        CRASHES.mkdir(parents=True, exist_ok=True)
        stem = f"{self.target}-{hashlib.sha1(signature.encode()).hexdigest()[:10]}"
        (CRASHES / f"{stem}.bin").write_bytes(data)
        (CRASHES / f"{stem}.txt").write_text(
            f"target: {self.target}\nsignature: {signature}\ninput: {_decode(data)!r}\n\n{report}",
            encoding="utf-8",
        )
        print(f"CRASH {self.target}: {signature} -> {CRASHES / stem}.bin", file=sys.stderr, flush=True)

    def finish(self) -> None:
        summary = {
            "target": self.target,
            "runs": self.count,
            "seconds": round(time.monotonic() - self.started, 1),
            "slowest": round(self.slowest, 3),
            "crashes": self.crashes,
        }
        print("SUMMARY " + json.dumps(summary), flush=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)  # libFuzzer never returns; neither does this


def _signature(exc: BaseException) -> str:
    """Exception type and the innermost percycheck frame: one crash, however many inputs hit it."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "percycheck" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    detail = str(exc).split(":")[0][:60] if isinstance(exc, Finding) else ""
    return f"{type(exc).__name__} at {where}" + (f" ({detail})" if detail else "")


def seeds_for(target: str) -> list[bytes]:
    raw = facts_seeds() if target == "facts" else text_seeds()
    return [s.encode("utf-8")[: MAX_LEN[target]] for s in raw]


def child(args: argparse.Namespace) -> None:
    target = args.child
    max_len = MAX_LEN[target]
    mutate = mutate_yaml if target == "facts" else mutate_text
    use_atheris = args.engine in ("auto", "atheris")
    if use_atheris:
        try:
            import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]
        except ImportError:
            if args.engine == "atheris":
                raise SystemExit("atheris is not installed: pip install atheris") from None
            use_atheris = False
    if use_atheris:
        with atheris.instrument_imports(include=["percycheck"]):
            runner = Runner(target, args.seconds, args.runs, args.timeout)
        corpus = CORPUS / target
        corpus.mkdir(parents=True, exist_ok=True)
        for index, seed in enumerate(seeds_for(target)):
            (corpus / f"seed-{index:04d}").write_bytes(seed)
        rng = random.Random(args.seed)

        def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
            rng.seed(seed)
            if rng.random() < 0.5:
                try:
                    return mutate(data, rng, min(max_size, max_len))
                except Exception:  # a mutator bug must not stop the run: libFuzzer's own instead
                    pass
            return bytes(atheris.Mutate(data, min(max_size, max_len)))

        argv = [sys.argv[0], str(corpus), f"-max_len={max_len}", "-timeout=0", f"-seed={args.seed}",
                "-print_final_stats=0", "-reload=0"]  # fmt: skip
        atheris.Setup(argv, runner.one, custom_mutator=custom_mutator)
        atheris.Fuzz()
    runner = Runner(target, args.seconds, args.runs, args.timeout)
    rng = random.Random(args.seed)
    pool = seeds_for(target)
    for seed in pool:
        runner.one(seed)
    while True:
        data = mutate(rng.choice(pool), rng, max_len)
        runner.one(data)
        if len(pool) < 5000 and rng.random() < 0.05:
            pool.append(data)  # keep some mutants to mutate further


# ---------------------------------------------------------------------------- the parent


def reproduce(args: argparse.Namespace) -> int:
    target = args.target if args.target != "all" else None
    path = Path(args.reproduce)
    if target is None:
        target = path.name.split("-")[0]
    fn = make_target(target)
    data = path.read_bytes()
    print(f"target {target}, input {_decode(data)!r}")
    began = time.perf_counter()
    try:
        fn(data)
    except Exception:
        traceback.print_exc()
        return 1
    print(f"no crash ({time.perf_counter() - began:.3f} s)")
    return 0


def parent(args: argparse.Namespace) -> int:
    targets = list(TARGETS) if args.target == "all" else [args.target]
    logs = CORPUS / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    total_runs = 0
    total_crashes = 0
    for target in targets:
        command = [sys.executable, str(Path(__file__).resolve()), "--child", target,
                   "--seconds", str(args.seconds), "--runs", str(args.runs), "--engine", args.engine,
                   "--timeout", str(args.timeout), "--seed", str(args.seed)]  # fmt: skip
        log = logs / f"{target}.log"
        with log.open("w", encoding="utf-8") as handle:
            done = subprocess.run(command, stdout=subprocess.PIPE, stderr=handle, text=True, check=False)
        summary = None
        for line in done.stdout.splitlines():
            if line.startswith("SUMMARY "):
                summary = json.loads(line[len("SUMMARY ") :])
        if summary is None:
            print(f"{target}: the child ended with status {done.returncode} and no summary; see {log}")
            total_crashes += 1
            continue
        crashes = summary["crashes"]
        total_runs += summary["runs"]
        total_crashes += len(crashes)
        print(
            f"{target}: {summary['runs']:,} inputs in {summary['seconds']} s "
            f"(slowest {summary['slowest']} s), {len(crashes)} distinct crash(es)",
            flush=True,
        )
        for signature, hits in crashes.items():
            print(f"    {signature}  [{hits} input(s)]")
    print(f"total: {total_runs:,} inputs, {total_crashes} distinct crash(es); reproducers in {CRASHES}")
    return 1 if total_crashes else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", default="all", choices=("all", *TARGETS))
    parser.add_argument("--seconds", type=float, default=60.0, help="per target (0: no limit)")
    parser.add_argument("--runs", type=int, default=0, help="inputs per target (0: no limit)")
    parser.add_argument("--engine", default="auto", choices=("auto", "atheris", "random"))
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds one input may take")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reproduce", metavar="FILE", help="run one saved input and show the error")
    parser.add_argument("--child", choices=TARGETS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.seconds <= 0 and args.runs <= 0 and args.reproduce is None:
        parser.error("give --seconds or --runs: a fuzz run must end")
    if args.reproduce is not None:
        return reproduce(args)
    if args.child is not None:
        with contextlib.suppress(KeyboardInterrupt):
            child(args)
        return 0
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())
