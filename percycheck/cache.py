"""A cache of the validated facts and the built engine, so a cold start costs milliseconds.

Parsing, validating and indexing the facts takes far longer than checking a claim. The engine
is pickled under the user's cache folder, keyed by the facts file's bytes and this package's
code; the source texts it was built from are re-hashed on every load, so the cache is never
stale. Writes are atomic (a temporary file renamed into place); any problem with the cache
folder simply means no cache. ``PERCYCHECK_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from percycheck.engine import Engine

CACHE_FORMAT = 1


def cache_dir() -> Path:
    """Where engines are cached: $PERCYCHECK_CACHE_DIR, else $XDG_CACHE_HOME/percycheck."""
    explicit = os.environ.get("PERCYCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "percycheck"


def enabled() -> bool:
    return os.environ.get("PERCYCHECK_NO_CACHE", "") in ("", "0")


def _digest(data: bytes) -> str:
    """A fast content digest (CRC-32 and length): the cache is an optimisation, not a seal."""
    return f"{zlib.crc32(data):08x}{len(data):x}"


def _code_digest() -> str:
    """Every module and language data file of the package: any change makes a new engine.

    A large data file (the 7 MB lexicon) is known by its size and its header, which records the
    digest of what it was built from: reading all of it would cost every start several ms."""
    here = Path(__file__).resolve().parent
    parts = [str(CACHE_FORMAT)]
    for path in sorted([*here.rglob("*.py"), *here.glob("lang/*.txt")]):
        try:
            if path.stat().st_size > _WHOLE_FILE_LIMIT:
                with path.open("rb") as f:
                    parts.append(_digest(f.read(_HEADER_BYTES)) + f"{path.stat().st_size:x}")
            else:
                parts.append(_digest(path.read_bytes()))
        except OSError:
            parts.append(path.name)
    return "".join(parts)


_WHOLE_FILE_LIMIT = 1 << 20
"""Files up to this size are hashed whole; larger ones by size and header."""
_HEADER_BYTES = 4096


def _key(facts_bytes: bytes, facts_path: Path) -> str:
    return _digest(facts_bytes + str(facts_path.resolve()).encode() + _code_digest().encode())


def _source_digests(engine: Engine, base_dir: Path) -> dict[str, str]:
    return {source.file: _digest((base_dir / source.file).read_bytes()) for source in engine.base.sources.values()}


def load(facts_path: Path) -> Engine | None:
    """The cached engine for this facts file, or None when there is none or it is stale."""
    if not enabled():
        return None
    try:
        data = facts_path.read_bytes()
        entry = cache_dir() / f"engine-{_key(data, facts_path)}.pickle"
        with entry.open("rb") as handle:
            stored = pickle.load(handle)
        if not isinstance(stored, dict) or stored.get("format") != CACHE_FORMAT:
            return None
        engine: Engine = stored["engine"]
        if _source_digests(engine, facts_path.parent) != stored["sources"]:
            return None
        return engine
    except Exception:  # a missing, unreadable, truncated or foreign cache entry: rebuild
        return None


MAX_ENTRIES = 8
"""Older cached engines beyond this many (other facts files, other versions) are removed."""


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("engine-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES - 1 :]:
        old.unlink(missing_ok=True)


def store(facts_path: Path, engine: Engine) -> None:
    """Save an engine for the next start; failures are ignored (the cache is an optimisation)."""
    if not enabled():
        return
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        data = facts_path.read_bytes()
        entry = folder / f"engine-{_key(data, facts_path)}.pickle"
        payload = {"format": CACHE_FORMAT, "engine": engine, "sources": _source_digests(engine, facts_path.parent)}
        import tempfile

        _prune(folder)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".engine-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:
        return
