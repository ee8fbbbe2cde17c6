#!/usr/bin/env python3
"""Measure the committed lexicon against its budgets: size in the wheel (~3 MB) and load time (~80 ms).

Load time is the median over fresh processes, since the data is read once per process; lookup times are
per call, cold (first sight of a word) and warm (memoised).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "percycheck" / "lang" / "wordnet.txt"

PROBE = r"""
import json, time
t0 = time.perf_counter()
import percycheck.lexicon as lex
t1 = time.perf_counter()
lex._data()
t2 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1e3, "load_ms": (t2 - t1) * 1e3}))
"""

LOOKUPS = r"""
import json, time
import percycheck.lexicon as lex
lex._data()
words = [w for w, _ in lex._iter_lemmas()][::97][:1000]
res = {}
for name, fn in [
    ("base_forms", lambda w: lex.base_forms(w + "s")),
    ("synonyms", lex.synonyms),
    ("antonyms", lex.antonyms),
    ("is_hypernym", lambda w: lex.is_hypernym("entity", w)),
    ("entailment", lambda w: lex.entailment("object", w)),
]:
    t = time.perf_counter()
    for w in words:
        fn(w)
    cold = (time.perf_counter() - t) / len(words)
    t = time.perf_counter()
    for w in words:
        fn(w)
    warm = (time.perf_counter() - t) / len(words)
    res[name] = [cold * 1e6, warm * 1e6]
print(json.dumps(res))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9, help="fresh processes for the load-time median")
    ap.add_argument("--wheel", type=Path, help="a built wheel: report the data file's compressed size in it")
    args = ap.parse_args(argv)

    raw = DATA.read_bytes()
    print(f"wordnet.txt: {len(raw):,} bytes raw, {len(zlib.compress(raw, 6)):,} bytes deflated (level 6)")
    if args.wheel:
        with zipfile.ZipFile(args.wheel) as z:
            for info in z.infolist():
                if info.filename.startswith("percycheck/lang/"):
                    print(f"  in wheel: {info.filename}: {info.file_size:,} -> {info.compress_size:,} bytes")
        print(f"  wheel total: {args.wheel.stat().st_size:,} bytes")

    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(json.loads(out.stdout))
    load = statistics.median(r["load_ms"] for r in runs)
    imp = statistics.median(r["import_ms"] for r in runs)
    print(f"load (read + decode, first use): median {load:.1f} ms over {args.runs} fresh processes; module import {imp:.1f} ms")

    out = subprocess.run([sys.executable, "-c", LOOKUPS], capture_output=True, text=True, check=True, cwd=ROOT)
    for name, (cold, warm) in json.loads(out.stdout).items():
        print(f"  {name:12s} {cold:8.1f} us/call cold, {warm:6.2f} us/call warm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
