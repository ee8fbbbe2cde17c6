"""A cache of the validated facts and the built engine, so a cold start costs milliseconds.

Parsing, validating and indexing the facts takes far longer than checking a claim, so the built
engine is saved under the user's cache folder. The cache is an optimisation, never a way in:

- An entry is plain data (``marshal`` of strings, numbers, tuples, lists, dicts and frozensets),
  never a pickle: reading one calls no constructor and runs no code. Objects are rebuilt from a
  fixed list of percycheck classes by setting their fields.
- Every entry carries a keyed BLAKE2b tag over its bytes. The key is 32 random bytes in a 0600
  file of the user's own (``$XDG_STATE_HOME/percycheck/cache-key``), kept apart from the cache, so
  a flipped bit, a planted entry or a cache restored from another machine is rebuilt, not used.
- Entries are named by a SHA-256 of the facts file, its path and the code as installed (``.py``
  or, where only bytecode ships, ``.pyc`` files); the source texts are re-hashed on every load,
  so the cache is never stale.
- The folder must be absolute, a directory owned by the user and writable by nobody else (as pip
  requires); anything else means no cache. Only regular files are opened, without blocking.
- Writes are atomic (a temporary file renamed into place); temporary files of killed runs are
  removed by a later store.

The folder is the platform's cache folder for percycheck (platformdirs' ``user_cache_dir``), or
``$PERCYCHECK_CACHE_DIR`` when that is an absolute path. ``PERCYCHECK_NO_CACHE=1`` turns the
cache off; any problem with it simply means no cache.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from percycheck.engine import Engine

CACHE_FORMAT = 3
MAGIC = b"percycheck-engine\n"
TAG_BYTES = 32
"""BLAKE2b digest size of an entry's tag."""
KEY_BYTES = 32
MAX_ENTRY_BYTES = 1 << 30
"""An entry larger than this is not read (a cache folder is not a place for surprises)."""
MAX_ENTRIES = 8
"""Older cached engines beyond this many (other facts files, other versions) are removed."""
STALE_TEMP_SECONDS = 3600
"""A temporary file older than this belongs to a killed run (a live store takes seconds)."""

CLASS_MODULES = (
    "percycheck.engine",
    "percycheck.engine.index",
    "percycheck.engine.records",
    "percycheck.facts",
    "percycheck.matcher",
    "percycheck.models",
    "percycheck.values",
)
"""The only modules whose classes an entry may name. A class elsewhere is not cached (the engine is
rebuilt every run, and ``tests/test_cache_security.py`` says so)."""


# ------------------------------------------------------------------------------ where


def _absolute(value: str | None) -> Path | None:
    """A path from the environment, or None when unset or relative (the XDG spec ignores those)."""
    if not value or not os.path.isabs(value):
        return None
    return Path(value)


def _platform_dir(kind: str, xdg: str, fallback: tuple[str, ...]) -> Path:
    """The folder the platform expects for percycheck's ``kind`` ("cache" or "state"), from
    platformdirs: ``~/.cache/percycheck`` (or ``$XDG_CACHE_HOME/percycheck``) on Linux,
    ``~/Library/Caches/percycheck`` on macOS, ``%LOCALAPPDATA%\\percycheck\\Cache`` on Windows.

    A relative ``$XDG_…`` is ignored, as the XDG spec says (it would put the folder in the
    checkout), whatever platformdirs' version does with it; so is a relative answer."""
    import platformdirs

    if os.environ.get(xdg) and not os.path.isabs(os.environ[xdg]):
        return Path.home().joinpath(*fallback, "percycheck")
    find = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_state_dir
    folder = Path(find("percycheck", appauthor=False))
    return folder if folder.is_absolute() else Path.home().joinpath(*fallback, "percycheck")


def cache_dir() -> Path:
    """Where engines are cached: $PERCYCHECK_CACHE_DIR when it is absolute, else the platform's
    cache folder for percycheck (see ``_platform_dir``)."""
    explicit = _absolute(os.environ.get("PERCYCHECK_CACHE_DIR"))
    if explicit is not None:
        return explicit
    return _platform_dir("cache", "XDG_CACHE_HOME", (".cache",))


def key_path() -> Path:
    """The per-user key that tags entries, in the platform's state folder for percycheck
    (``$XDG_STATE_HOME/percycheck/cache-key`` when absolute, else ``~/.local/state/…`` on Linux).
    Not in the cache folder, which CI may restore."""
    return _platform_dir("state", "XDG_STATE_HOME", (".local", "state")) / "cache-key"


def enabled() -> bool:
    return os.environ.get("PERCYCHECK_NO_CACHE", "") in ("", "0")


def _trusted(info: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (on systems with owners)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def trusted_dir(folder: Path) -> bool:
    """Is ``folder`` a directory this user owns that no one else can write to?"""
    try:
        info = os.stat(folder)
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(info.st_mode) and _trusted(info)


def _make_dir(folder: Path) -> bool:
    """Create ``folder`` (mode 0700) if missing; True when it exists and can be trusted."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, ValueError):
        return False
    return trusted_dir(folder)


def _read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` when it is a regular file this user owns (not a FIFO or a device,
    which would hang or never end), at most ``limit`` bytes; None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _trusted(info) or info.st_size > limit:
            return None
        chunks = []
        remaining = info.st_size + 1  # one byte more: a file that grew is not trusted
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        return data if len(data) == info.st_size else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _key() -> bytes | None:
    """The per-user tagging key, created on first use; None when it cannot be kept safely."""
    path = key_path()
    if path.parent.exists() and not trusted_dir(path.parent):
        return None
    key = _read_regular(path, KEY_BYTES)
    if key is not None:
        return key if len(key) == KEY_BYTES and _private(path) else None
    if not _make_dir(path.parent):
        return None
    tmp = path.parent / f".cache-key-{os.getpid()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(KEY_BYTES))
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)  # never replaces a key another run made meanwhile
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    key = _read_regular(path, KEY_BYTES)
    return key if key is not None and len(key) == KEY_BYTES and _private(path) else None


def _private(path: Path) -> bool:
    """A key readable by others is no key: mode 0600 or stricter."""
    try:
        return not os.lstat(path).st_mode & 0o077 or not hasattr(os, "getuid")
    except OSError:
        return False


# ------------------------------------------------------------------------------ names


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


_WHOLE_FILE_LIMIT = 1 << 20
"""Files up to this size are hashed whole; larger ones by size and header."""
_HEADER_BYTES = 4096


def _code_files(here: Path) -> list[Path]:
    """The package's code and data as installed: modules, sourceless bytecode (an install that
    ships only ``.pyc`` files) and language data; never ``__pycache__``, which changes by itself."""
    found = []
    for folder, subfolders, names in os.walk(here):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        language = os.path.basename(folder) == "lang"
        found += [Path(folder, name) for name in names if name.endswith((".py", ".pyc")) or language and name.endswith(".txt")]
    return sorted(found)


def _code_digest() -> str:
    """Every module and language data file of the package: any change makes a new engine.

    A large data file (the 7 MB lexicon) is known by its size and its header, which records the
    digest of what it was built from: reading all of it would cost every start several ms."""
    from percycheck import __version__

    here = Path(__file__).resolve().parent
    parts = [f"format {CACHE_FORMAT} version {__version__}".encode()]
    for path in _code_files(here):
        try:
            name = str(path.relative_to(here)).encode()
            size = path.stat().st_size
            if size > _WHOLE_FILE_LIMIT:
                with path.open("rb") as f:
                    body = f.read(_HEADER_BYTES) + f"{size:x}".encode()
            else:
                body = path.read_bytes()
            parts.append(name + b"\0" + body)
        except OSError:
            parts.append(path.name.encode())
    return _sha256(b"\0\0".join(parts))


def _entry_name(facts_bytes: bytes, facts_path: Path) -> str:
    path = str(facts_path.resolve()).encode("utf-8", "surrogateescape")
    digest = _sha256(b"\0".join([facts_bytes, path, _code_digest().encode()]))
    return f"engine-{digest}.bin"


def _source_digests(engine: Engine, base_dir: Path) -> dict[str, str]:
    """The SHA-256 of every source file, each file read once however many entries name it."""
    digests: dict[str, str] = {}
    by_file: dict[Path, str] = {}
    for source in engine.base.sources.values():
        if source.file not in digests:
            path = (base_dir / source.file).resolve()
            if path not in by_file:
                by_file[path] = _sha256(path.read_bytes())
            digests[source.file] = by_file[path]
    return digests


def _tag(key: bytes, body: bytes) -> bytes:
    import hashlib

    return bytes(hashlib.blake2b(body, key=key, digest_size=TAG_BYTES, person=b"percycheck-c2").digest())


# ------------------------------------------------------------------------------ plain data
# An engine is written as a table of objects, each (class number, {plain fields}, {other fields}):
# plain fields hold no object and are set as read; the others hold references. A reference to an
# object is (b"r", number); containers that hold objects are tagged with bytes too: (b"t", items),
# (b"l", items), (b"f", items), (b"s", items), (b"d", [(key, value), ...]), (b"D", factory,
# [(key, value), ...]); and, for speed, containers of nothing but references: (b"R", numbers) a
# tuple, (b"L", numbers) a list, (b"M", [(key, number), ...]) a dict. Plain data never holds
# bytes, so an untagged container holds no object and is used as read.

_CONTAINER_TAGS: dict[type, bytes] = {tuple: b"t", list: b"l", frozenset: b"f", set: b"s"}
_REF_TAGS: dict[type, bytes] = {tuple: b"R", list: b"L"}
_FACTORIES: dict[str, type] = {"list": list, "int": int, "float": float, "set": set, "dict": dict}


class _Unsupported(Exception):
    """Something in the engine that has no plain form: the engine is not cached."""


class _Encoder:
    def __init__(self) -> None:
        self.classes: list[str] = []
        self.objects: list[Any] = []
        self._numbers: dict[int, int] = {}
        self._keep: list[object] = []  # holds every numbered object, so no id() is reused

    def ref(self, obj: object) -> tuple[bytes, int]:
        number = self._numbers.get(id(obj))
        if number is None:
            cls = type(obj)
            name = f"{cls.__module__}:{cls.__qualname__}"
            if cls.__module__ not in CLASS_MODULES or not hasattr(obj, "__dict__") or isinstance(obj, BaseException):
                raise _Unsupported(name)
            if name not in self.classes:
                self.classes.append(name)
            number = self._numbers[id(obj)] = len(self.objects)
            self._keep.append(obj)
            self.objects.append(None)
            fields = {k: self.value(v) for k, v in vars(obj).items()}
            plain = {k: v for k, v in fields.items() if not _tagged(v)}
            other = {k: v for k, v in fields.items() if _tagged(v)}
            self.objects[number] = (self.classes.index(name), plain, other)
        return (b"r", number)

    def value(self, v: Any) -> Any:
        if v is None or type(v) in (str, int, float, bool):
            return v
        t = type(v)
        if t in (tuple, list, frozenset, set):
            items = [self.value(x) for x in v]
            if not any(_tagged(x) for x in items):
                return v
            if t in _REF_TAGS and all(_tagged(x) and x[0] == b"r" for x in items):
                return (_REF_TAGS[t], [x[1] for x in items])
            return (_CONTAINER_TAGS[t], items)
        if t is dict or t is defaultdict:
            pairs = [(k, self.value(x)) for k, x in v.items()]
            if any(_tagged(k) or not _plain_key(k) for k, _ in pairs):
                raise _Unsupported(f"dict key {type(pairs[0][0]).__name__}")
            if t is defaultdict:
                factory = next((n for n, f in _FACTORIES.items() if f is v.default_factory), None)
                if factory is None:
                    raise _Unsupported("defaultdict factory")
                return (b"D", factory, pairs)
            if not any(_tagged(x) for _, x in pairs):
                return v
            if all(_tagged(x) and x[0] == b"r" for _, x in pairs):
                return (b"M", [(k, x[1]) for k, x in pairs])
            return (b"d", pairs)
        return self.ref(v)


def _plain_key(k: Any) -> bool:
    return k is None or type(k) in (str, int, float, bool) or (type(k) is tuple and all(_plain_key(x) for x in k))


def _tagged(x: Any) -> bool:
    return type(x) is tuple and len(x) > 0 and type(x[0]) is bytes


def _resolve(name: str) -> type:
    """A class an entry names, from the fixed list of modules only; nothing is imported beyond them."""
    import importlib

    module_name, _, qualname = name.partition(":")
    if module_name not in CLASS_MODULES or not qualname.isidentifier():
        raise ValueError(f"class not allowed: {name}")
    cls = getattr(importlib.import_module(module_name), qualname, None)
    if not isinstance(cls, type) or cls.__module__ != module_name or issubclass(cls, BaseException):
        raise ValueError(f"class not allowed: {name}")
    return cls


def _decode(payload: Any) -> Any:
    """The object graph of a payload, built by setting fields only (no ``__init__``, no code)."""
    if type(payload) is not dict:
        raise ValueError("not a cache payload")
    classes = [_resolve(name) for name in payload["classes"]]
    table = payload["objects"]
    objects: list[Any] = []
    for number, plain, other in table:
        obj = object.__new__(classes[number])
        if not hasattr(obj, "__dict__") or type(plain) is not dict or type(other) is not dict:
            raise ValueError("not a plain object")
        objects.append(obj)

    def value(v: Any) -> Any:
        if not _tagged(v):
            return v
        tag = v[0]
        if tag == b"r":
            return objects[v[1]]
        if tag == b"R":
            return tuple([objects[i] for i in v[1]])
        if tag == b"L":
            return [objects[i] for i in v[1]]
        if tag == b"M":
            return {k: objects[i] for k, i in v[1]}
        if tag == b"t":
            return tuple([value(x) for x in v[1]])
        if tag == b"l":
            return [value(x) for x in v[1]]
        if tag == b"f":
            return frozenset([value(x) for x in v[1]])
        if tag == b"s":
            return {value(x) for x in v[1]}
        if tag == b"d":
            return {k: value(x) for k, x in v[1]}
        if tag == b"D":
            return defaultdict(_FACTORIES[v[1]], [(k, value(x)) for k, x in v[2]])
        raise ValueError(f"unknown tag {tag!r}")

    for obj, (_, plain, other) in zip(objects, table, strict=True):
        fields = obj.__dict__
        fields.update(plain)
        for name, v in other.items():
            fields[name] = value(v)
    return value(payload["root"])


def _encode(engine: Engine, sources: dict[str, str]) -> bytes:
    import marshal

    encoder = _Encoder()
    root = encoder.ref(engine)
    payload = {"format": CACHE_FORMAT, "sources": sources, "classes": encoder.classes, "objects": encoder.objects, "root": root}
    return marshal.dumps(payload, 4)


# ------------------------------------------------------------------------------ load and store


def load(facts_path: Path) -> Engine | None:
    """The cached engine for this facts file, or None when there is none, it is stale, damaged,
    not tagged with this user's key, or the cache folder cannot be trusted."""
    if not enabled():
        return None
    try:
        import marshal

        folder = cache_dir()
        if not trusted_dir(folder):
            return None
        data = facts_path.read_bytes()
        raw = _read_regular(folder / _entry_name(data, facts_path), MAX_ENTRY_BYTES)
        key = _key() if raw is not None else None
        if raw is None or key is None or not raw.startswith(MAGIC):
            return None
        tag, body = raw[len(MAGIC) : len(MAGIC) + TAG_BYTES], raw[len(MAGIC) + TAG_BYTES :]
        import hmac

        if not hmac.compare_digest(tag, _tag(key, body)):
            return None  # a flipped bit, a planted entry, another machine's cache
        from percycheck.engine import Engine

        was_enabled = gc.isenabled()
        gc.disable()  # tens of thousands of new containers: collecting meanwhile doubles the time
        try:
            payload = marshal.loads(body)
            if type(payload) is not dict or payload.get("format") != CACHE_FORMAT:
                return None
            engine = _decode(payload)
            if type(engine) is not Engine or _source_digests(engine, facts_path.parent) != payload["sources"]:
                return None
            # The engine lives as long as the process: later collections need not walk it again.
            # Only a good engine is frozen (a frozen object is never collected).
            gc.freeze()
        finally:
            if was_enabled:
                gc.enable()
        return engine
    except Exception:  # a missing, unreadable, truncated or foreign cache entry: rebuild
        return None


def _prune(folder: Path) -> None:
    """Keep the newest entries; remove old formats and the temporary files of killed runs."""
    now = time.time()
    for old in [*folder.glob("engine-*.pickle"), *folder.glob(".engine-*.tmp")]:
        try:
            info = old.lstat()
            if old.suffix == ".pickle" or now - info.st_mtime > STALE_TEMP_SECONDS:
                old.unlink()
        except OSError:
            pass
    entries = []
    for path in folder.glob("engine-*.bin"):
        with contextlib.suppress(OSError):
            entries.append((path.lstat().st_mtime, path))
    entries.sort(reverse=True)
    for _, old in entries[MAX_ENTRIES - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()


def store(facts_path: Path, engine: Engine) -> None:
    """Save an engine for the next start; failures are ignored (the cache is an optimisation)."""
    if not enabled():
        return
    try:
        folder = cache_dir()
        if not _make_dir(folder):
            return
        key = _key()
        if key is None:
            return
        data = facts_path.read_bytes()
        entry = folder / _entry_name(data, facts_path)
        body = _encode(engine, _source_digests(engine, facts_path.parent))
        import tempfile

        _prune(folder)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".engine-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + _tag(key, body) + body)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:
        return
