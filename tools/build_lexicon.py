#!/usr/bin/env python3
"""Derive percycheck's lexicon (percycheck/lang/wordnet.txt) from Princeton WordNet 3.0.

Users never need WordNet installed: this script runs at development time and its output is committed.
It reads the WordNet database files described in wndb(5) (data.*, index.*) and morphy(7) (*.exc),
prunes them to what a fact-checker needs and writes one sorted, plain-text file, byte-for-byte
reproducible from the same inputs (no timestamps; the header records the sha256 of the inputs).

Pruning:
- lemmas WordNet writes in lower case only: a sense whose synset spells the lemma with a capital
  (a proper name: "Mars", "March") is skipped, and so are instance synsets (those with an "@i" pointer);
- at most MAX_SENSES senses per lemma and part of speech, in index order (WordNet's frequency order);
- synsets those senses reach through similar-to (&), also-see (^, adjectives) and antonym (!) pointers,
  then all their hypernym (@) ancestors; pointers to anything else are dropped;
- relations kept: hypernym (@), similar-to (&, satellite -> head), also-see (^, adjectives, made symmetric),
  antonym (!, word to word), derivationally related form (+) and pertainym (\\) as lemma-to-lemma links
  made symmetric; morphology exceptions whose base survives.

A handful of percycheck additions (SUPPLEMENT_*) fill gaps WordNet 3.0 has for this domain; the header
counts them and each carries its reason.

File format (one record a line, fields separated by single spaces, "-" for an empty field, lists comma-separated,
multi-word lemmas joined with "_" as in WordNet):
  # ...                                  header comments (first lines only)
  L <lemma> <pos> <synset ids> <related>  a lemma's kept senses (frequency order) and its derivations/pertainyms
  S <id> <type> <words> <hypernyms> <similar> <also> <antonyms>
                                          a synset; id is zero-padded and equals its position among the S lines;
                                          type is n, v, a, s (satellite adjective) or r; antonyms are word>id:word
  X <inflected> <pos> <bases>             a morphology exception
Record lines are sorted (Python string order), so the loader can binary-search them without building dicts.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import zlib
from collections import defaultdict
from pathlib import Path

MAX_SENSES = 4
"""Senses kept per lemma and part of speech; WordNet lists senses most frequent first, rare ones are noise here."""

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
POS_ORDER = "nvar"

SUPPLEMENT_OFFSET_BASE = 100_000_000
"""Synthetic offsets for added synsets start above WordNet's 8-digit offsets, so they never collide."""

SUPPLEMENT_SYNSETS: tuple[tuple[str, tuple[str, ...], int, bool, str], ...] = (
    # (pos, words, hypernym offset in the same pos, sense goes first, reason)
    (
        "n",
        ("rover",),
        4170037,  # self-propelled_vehicle
        True,
        "a vehicle for exploring a planet's surface: WordNet 3.0 knows only the wanderer and the Boy Scout, "
        "and in this domain the vehicle is the most frequent sense",
    ),
)
"""Synsets WordNet 3.0 lacks that percycheck's domain needs."""

SUPPLEMENT_MEMBERS: tuple[tuple[str, int, str, str], ...] = (
    # (pos, synset offset, word, reason)
    ("v", 1860813, "come_to_rest", "WordNet 3.0 lacks 'come to rest'; it joins 'stop, halt' (come to a halt, stop moving)"),
)
"""Words added to existing WordNet synsets."""

LICENSE_NOTICE_HEADER = (
    "WordNet 3.0 licence\n"
    "===================\n\n"
    "percycheck/lang/wordnet.txt is derived from Princeton WordNet 3.0 by tools/build_lexicon.py\n"
    "(pruned, reformatted, with a few additions marked in that script). WordNet is distributed under\n"
    "the following licence, reproduced as it requires:\n\n"
)

ADJ_MARKER_RE = re.compile(r"\((?:a|p|ip)\)$")
FORBIDDEN_IN_LEMMA = set(" ,:>\t")


class Synset:
    """One parsed data-file line: words as WordNet spells them and the pointers we care about."""

    __slots__ = ("key", "kind", "words", "ptrs")

    def __init__(self, key: tuple[str, int], kind: str, words: list[str], ptrs: list[tuple[str, tuple[str, int], int, int]]):
        self.key = key
        self.kind = kind
        self.words = words
        self.ptrs = ptrs  # (symbol, target key, source word number, target word number); 0 = whole synset


def file_pos(pos: str) -> str:
    """Pointer and synset types use "s" for satellites, which live in the adjective file."""
    return "a" if pos == "s" else pos


def read_data(path: Path, pos: str) -> dict[tuple[str, int], Synset]:
    synsets: dict[tuple[str, int], Synset] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):  # licence preamble
                continue
            head = line.partition(" | ")[0].split()
            offset, kind, wcnt = int(head[0]), head[2], int(head[3], 16)
            words = [ADJ_MARKER_RE.sub("", w) for w in head[4 : 4 + 2 * wcnt : 2]]
            i = 4 + 2 * wcnt
            pcnt = int(head[i])
            i += 1
            ptrs = []
            for _ in range(pcnt):
                sym, off, tpos, st = head[i : i + 4]
                ptrs.append((sym, (file_pos(tpos), int(off)), int(st[:2], 16), int(st[2:], 16)))
                i += 4
            synsets[(pos, offset)] = Synset((pos, offset), kind, words, ptrs)
    return synsets


def read_index(path: Path, pos: str) -> dict[str, list[tuple[str, int]]]:
    index: dict[str, list[tuple[str, int]]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue
            t = line.split()
            lemma, ncnt, pcnt = t[0], int(t[2]), int(t[3])
            offsets = t[4 + pcnt + 2 :]
            assert len(offsets) == ncnt, line
            index[lemma] = [(pos, int(o)) for o in offsets]
    return index


def read_exc(path: Path) -> dict[str, list[str]]:
    exc: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            t = line.split()
            if len(t) >= 2:
                exc.setdefault(t[0], []).extend(b for b in t[1:] if b not in exc.get(t[0], []))
    return exc


def input_files(wn: Path) -> list[Path]:
    names = [f"{kind}.{POS_FILES[p]}" for p in POS_ORDER for kind in ("data", "index")]
    names += [f"{POS_FILES[p]}.exc" for p in POS_ORDER]
    return [wn / n for n in names]


def build(wn: Path) -> str:
    """Return the lexicon file's text for the WordNet database in `wn`."""
    synsets: dict[tuple[str, int], Synset] = {}
    index: dict[tuple[str, str], list[tuple[str, int]]] = {}
    exceptions: dict[tuple[str, str], list[str]] = {}
    for p in POS_ORDER:
        synsets.update(read_data(wn / f"data.{POS_FILES[p]}", p))
        for lemma, offs in read_index(wn / f"index.{POS_FILES[p]}", p).items():
            index[(lemma, p)] = offs
        for infl, bases in read_exc(wn / f"{POS_FILES[p]}.exc").items():
            exceptions[(infl, p)] = bases

    # percycheck additions
    for n, (pos, words, hyper, first, _why) in enumerate(SUPPLEMENT_SYNSETS):
        key = (pos, SUPPLEMENT_OFFSET_BASE + n)
        assert (pos, hyper) in synsets, hyper
        synsets[key] = Synset(key, pos, list(words), [("@", (pos, hyper), 0, 0)])
        for w in words:
            offs = index.setdefault((w, pos), [])
            offs.insert(0 if first else len(offs), key)
    for pos, off, word, _why in SUPPLEMENT_MEMBERS:
        s = synsets[(pos, off)]
        assert word not in s.words, word
        s.words.append(word)
        index.setdefault((word, pos), []).append((pos, off))

    def is_instance(s: Synset) -> bool:
        return any(sym == "@i" for sym, *_ in s.ptrs)

    def lower_words(s: Synset) -> list[str]:
        out: list[str] = []
        for w in s.words:
            if w == w.lower() and w not in out:
                out.append(w)
        return out

    # 1. each lemma's frequent, lower-case, non-instance senses
    kept_senses: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for (lemma, pos), offs in index.items():
        chosen = []
        for key in offs:
            s = synsets[key]
            if is_instance(s) or lemma not in lower_words(s):
                continue
            chosen.append(key)
            if len(chosen) == MAX_SENSES:
                break
        if chosen:
            assert not FORBIDDEN_IN_LEMMA & set(lemma), lemma
            kept_senses[(lemma, pos)] = chosen

    # 2. synsets reached from those senses, then hypernym ancestors
    also_see: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for s in synsets.values():
        if s.key[0] == "a":
            for sym, tgt, _, _ in s.ptrs:
                if sym == "^" and tgt[0] == "a":
                    also_see[s.key].add(tgt)
                    also_see[tgt].add(s.key)

    def heads(s: Synset) -> list[tuple[str, int]]:
        return [tgt for sym, tgt, _, _ in s.ptrs if sym == "&"] if s.kind == "s" else []

    kept: set[tuple[str, int]] = {k for ks in kept_senses.values() for k in ks}
    reach = set(kept)
    for key in list(kept):
        reach.update(heads(synsets[key]))
    for key in list(reach):
        reach.update(also_see.get(key, ()))
    for key in list(reach):
        reach.update(tgt for sym, tgt, _, _ in synsets[key].ptrs if sym == "!")
    reach = {k for k in reach if not is_instance(synsets[k])}
    todo = list(reach)
    while todo:
        for sym, tgt, _, _ in synsets[todo.pop()].ptrs:
            if sym == "@" and tgt not in reach:
                reach.add(tgt)
                todo.append(tgt)

    order = sorted(reach, key=lambda k: (POS_ORDER.index(k[0]), k[1]))
    ids = {k: i for i, k in enumerate(order)}
    width = len(str(len(order) - 1))

    def word_at(s: Synset, n: int) -> str | None:
        w = s.words[n - 1]
        return w if w == w.lower() else None

    lemmas_any_pos = {lemma for lemma, _ in kept_senses}

    # 3. lemma-level derivation (+) and pertainym (\) links from kept senses, made symmetric
    related: dict[str, set[str]] = defaultdict(set)
    for (lemma, _pos), keys in kept_senses.items():
        for key in keys:
            s = synsets[key]
            for sym, tgt, src, dst in s.ptrs:
                if sym not in ("+", "\\") or not src or word_at(s, src) != lemma:
                    continue
                other = word_at(synsets[tgt], dst)
                if other and other != lemma and other in lemmas_any_pos:
                    related[lemma].add(other)
                    related[other].add(lemma)

    lines: list[str] = []
    for (lemma, pos), keys in kept_senses.items():
        rel = ",".join(sorted(related.get(lemma, ()))) or "-"
        lines.append(f"L {lemma} {pos} {','.join(str(ids[k]) for k in keys)} {rel}")

    for key in order:
        s = synsets[key]
        members = ",".join(lower_words(s)) or "-"
        hyp = ",".join(str(ids[t]) for sym, t, _, _ in s.ptrs if sym == "@") or "-"
        sim = ",".join(str(ids[t]) for t in heads(s) if t in ids) or "-"
        also = ",".join(str(i) for i in sorted(ids[t] for t in also_see.get(key, ()) if t in ids))
        ants = []
        for sym, tgt, src, dst in s.ptrs:
            if sym == "!" and tgt in ids and src:
                a, b = word_at(s, src), word_at(synsets[tgt], dst)
                if a and b:
                    ants.append(f"{a}>{ids[tgt]}:{b}")
        lines.append(f"S {ids[key]:0{width}d} {s.kind} {members} {hyp} {sim} {also or '-'} {','.join(ants) or '-'}")

    for (infl, pos), bases in exceptions.items():
        good = [b for b in bases if b != infl and (b, pos) in kept_senses]
        if good:
            lines.append(f"X {infl} {pos} {','.join(good)}")

    lines.sort()
    assert len(lines) == len(set(lines))
    digest = hashlib.sha256()
    for path in input_files(wn):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    header = [
        "# percycheck lexicon derived from Princeton WordNet 3.0 (licence: WORDNET-LICENSE.txt next to this file)",
        f"# built by tools/build_lexicon.py: max_senses={MAX_SENSES}, "
        f"percycheck additions: {len(SUPPLEMENT_SYNSETS)} synsets, {len(SUPPLEMENT_MEMBERS)} words",
        f"# inputs sha256 {digest.hexdigest()}",
        f"# records: L lemma pos ids related | S id type words hypernyms similar also antonyms | X inflected pos bases;"
        f" {sum(1 for x in lines if x[0] == 'L')} L, {len(order)} S, {sum(1 for x in lines if x[0] == 'X')} X",
    ]
    return "\n".join(header + lines) + "\n"


def license_text(copyright_file: Path) -> str:
    """The WordNet3.0 licence paragraph of a Debian copyright file, un-indented."""
    out: list[str] = []
    grab = False
    for line in copyright_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("License: WordNet"):
            grab = True
            continue
        if grab:
            if not line.startswith(" "):
                break
            body = line[1:]
            out.append("" if body == "." else body)
    if not out:
        raise SystemExit(f"no WordNet licence found in {copyright_file}")
    return LICENSE_NOTICE_HEADER + "\n".join(out).rstrip() + "\n"


def stats(out: Path) -> None:
    """Print raw and deflated size (a wheel deflates its members); tools/lexicon_stats.py adds load and lookup times."""
    raw = out.read_bytes()
    print(f"{out}: {len(raw):,} bytes raw, {len(zlib.compress(raw, 6)):,} bytes deflated (zip level 6)")
    default = Path(__file__).resolve().parents[1] / "percycheck" / "lang" / "wordnet.txt"
    if out.resolve() == default:
        subprocess.run([sys.executable, str(Path(__file__).with_name("lexicon_stats.py"))], check=True)


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"), help="WordNet dict directory")
    ap.add_argument("--copyright", type=Path, default=Path("/usr/share/doc/wordnet-base/copyright"), help="licence source")
    ap.add_argument("--out", type=Path, default=root / "percycheck" / "lang", help="output directory")
    ap.add_argument("--stats", action="store_true", help="print size and load time after building")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    data = args.out / "wordnet.txt"
    data.write_bytes(build(args.wordnet).encode("utf-8"))
    if args.copyright.exists():
        (args.out / "WORDNET-LICENSE.txt").write_bytes(license_text(args.copyright).encode("utf-8"))
    if args.stats:
        stats(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
