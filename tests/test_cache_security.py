"""The engine cache is never a way in: one test per threat of issue #12, each a reproduction.

A planted or damaged entry, a cache folder others control, a FIFO where an entry should be, an
install that ships only bytecode, a facts edit that keeps the old CRC-32: each must mean "rebuild",
never "run code", "hang" or "serve a stale engine".
"""

from __future__ import annotations

import compileall
import marshal
import os
import pickle
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

import percycheck
from percycheck import cache
from percycheck.engine import Engine
from percycheck.facts import builtin_facts_path, load_facts

CLAIM = "Perseverance landed on Feb. 19, 2021."
POSIX_OWNERS = pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners are a POSIX notion")


@pytest.fixture()
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A private cache folder and key folder for this test alone."""
    cache_dir, state = tmp_path / "cache", tmp_path / "state"
    monkeypatch.setenv("PERCYCHECK_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    monkeypatch.delenv("PERCYCHECK_NO_CACHE", raising=False)
    return cache_dir, state


@pytest.fixture()
def stored(facts_copy: Path, folders: tuple[Path, Path]) -> Path:
    """A good entry for ``facts_copy``; the entry's path."""
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    (entry,) = folders[0].glob("engine-*.bin")
    assert cache.load(facts_copy) is not None, "the good entry must load, or the tests below prove nothing"
    return entry


def _run(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "percycheck", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


# ------------------------------------------------------------------------------ no code runs


def test_a_planted_pickle_runs_no_code(facts_copy: Path, stored: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    stored.write_bytes(pickle.dumps(Exploit()))
    for old_name in (stored.with_suffix(".pickle"), stored.parent / f"engine-{zlib.crc32(b'x'):08x}.pickle"):
        old_name.write_bytes(pickle.dumps(Exploit()))
    assert cache.load(facts_copy) is None
    assert not marker.exists()


def test_an_entry_naming_a_foreign_class_is_refused_even_with_a_valid_tag(
    facts_copy: Path, stored: Path, tmp_path: Path
) -> None:
    """Even someone who has the key (the user's own files) cannot make a load import or call anything."""
    marker = tmp_path / "pwned"
    key = (Path(os.environ["XDG_STATE_HOME"]) / "percycheck" / "cache-key").read_bytes()
    for name in ("os:system", "subprocess:Popen", "percycheck.__main__:main", "percycheck.cli:main"):
        payload = {
            "format": cache.CACHE_FORMAT,
            "sources": {},
            "classes": [name],
            "objects": [(0, {"args": f"touch {marker}"})],
            "root": (b"r", 0),
        }
        body = marshal.dumps(payload, 4)
        stored.write_bytes(cache.MAGIC + cache._tag(key, body) + body)
        assert cache.load(facts_copy) is None, name
    assert not marker.exists()
    assert "percycheck.__main__" not in sys.modules


def test_an_entry_tagged_with_another_key_is_rebuilt(facts_copy: Path, stored: Path, folders: tuple[Path, Path]) -> None:
    """A cache restored from another machine (or planted in CI) carries that machine's tag."""
    key_file = folders[1] / "percycheck" / "cache-key"
    key_file.write_bytes(os.urandom(cache.KEY_BYTES))
    assert cache.load(facts_copy) is None


@POSIX_OWNERS
def test_the_key_is_private_and_kept_out_of_the_cache_folder(stored: Path, folders: tuple[Path, Path]) -> None:
    key_file = folders[1] / "percycheck" / "cache-key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert not any(p.name == "cache-key" for p in folders[0].rglob("*"))


@POSIX_OWNERS
def test_a_key_others_can_read_is_not_used(facts_copy: Path, stored: Path, folders: tuple[Path, Path]) -> None:
    (folders[1] / "percycheck" / "cache-key").chmod(0o644)
    assert cache.load(facts_copy) is None


# ------------------------------------------------------------------------------ where the cache may be


@pytest.mark.parametrize("variable", ["PERCYCHECK_CACHE_DIR", "XDG_CACHE_HOME"])
def test_a_relative_cache_folder_is_ignored(
    variable: str, facts_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative folder would put the cache (and whatever is planted there) in the checkout."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)
    monkeypatch.delenv("PERCYCHECK_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv(variable, "cachedir")
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    assert list(checkout.iterdir()) == []
    assert cache.cache_dir().is_absolute()
    assert list((tmp_path / "home" / ".cache" / "percycheck").glob("engine-*.bin"))


@POSIX_OWNERS
def test_a_folder_others_can_write_is_not_used(facts_copy: Path, stored: Path) -> None:
    stored.parent.chmod(0o777)
    assert cache.load(facts_copy) is None
    stored.unlink()
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    assert not list(stored.parent.glob("engine-*")), "nothing is written to a shared folder"


@POSIX_OWNERS
@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="only root can give a folder away")
def test_a_folder_owned_by_another_user_is_not_used(facts_copy: Path, stored: Path) -> None:
    os.chown(stored.parent, 12345, 12345)
    assert cache.load(facts_copy) is None
    os.chown(stored.parent, 0, 0)
    os.chown(stored, 12345, 12345)  # and an entry another user put in our folder
    assert cache.load(facts_copy) is None


def test_a_shared_cache_folder_still_gives_the_right_verdict(tmp_path: Path, facts_copy: Path) -> None:
    """No cache is no crash: the run is slower, the answer the same."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    env = dict(os.environ, PERCYCHECK_CACHE_DIR=str(shared), XDG_STATE_HOME=str(tmp_path / "state"))
    run = _run(["--facts", str(facts_copy), CLAIM], env)
    assert run.returncode == 1 and run.stdout.startswith("contradicted"), run.stderr
    assert run.stderr == ""
    assert list(shared.iterdir()) == []


# ------------------------------------------------------------------------------ never stale, never damaged


def _forge_crc(data: bytes, start: int, length: int, target: int) -> bytes:
    """``data`` with ``data[start:start+length]`` (lower-case letters) changed so its CRC-32 is ``target``.

    CRC-32 is affine over GF(2): flip single bits, see how the CRC moves, and solve for the flips.
    Only the low four bits of each byte move, so the bytes stay letters (a..p).
    """
    base = bytearray(data)
    for i in range(start, start + length):
        base[i] = 0x61  # "a"
    crc0 = zlib.crc32(bytes(base))
    columns = []
    for i in range(start, start + length):
        for bit in range(4):
            flipped = bytearray(base)
            flipped[i] ^= 1 << bit
            columns.append((zlib.crc32(bytes(flipped)) ^ crc0, (i, bit)))
    # Gaussian elimination: find flips whose CRC changes xor to crc0 ^ target
    rows: list[tuple[int, int]] = []  # (crc change, set of flips as a bit mask over columns)
    for n, (change, _) in enumerate(columns):
        mask = 1 << n
        for pivot_change, pivot_mask in rows:
            if change ^ pivot_change < change:
                change, mask = change ^ pivot_change, mask ^ pivot_mask
        if change:
            rows.append((change, mask))
            rows.sort(reverse=True)
    want, chosen = crc0 ^ target, 0
    for pivot_change, pivot_mask in rows:
        if want ^ pivot_change < want:
            want, chosen = want ^ pivot_change, chosen ^ pivot_mask
    assert want == 0, "the chosen bytes cannot reach the target CRC"
    for n, (_, (i, bit)) in enumerate(columns):
        if chosen >> n & 1:
            base[i] ^= 1 << bit
    return bytes(base)


def test_a_facts_edit_with_the_same_crc32_and_length_is_not_served_stale(facts_copy: Path, stored: Path) -> None:
    """The old key (CRC-32 and length) let a crafted edit reuse the engine of the facts before it:
    the landing date changed to Feb. 19, yet the cached engine still said the 18th."""
    before = facts_copy.read_bytes()
    assert before.startswith(b"# percycheck's knowledge")
    edited = before.replace(b"{slot: landing date, date: 2021-02-18}", b"{slot: landing date, date: 2021-02-19}", 1)
    comment = edited.index(b"knowledge") + 2  # overwrite letters inside the first comment line
    edited = _forge_crc(edited, comment, 12, zlib.crc32(before))
    assert zlib.crc32(edited) == zlib.crc32(before) and len(edited) == len(before) and edited != before
    facts_copy.write_bytes(edited)
    assert cache.load(facts_copy) is None


def test_one_flipped_bit_in_an_entry_is_detected(facts_copy: Path, stored: Path) -> None:
    data = bytearray(stored.read_bytes())
    for offset in (len(data) // 2, len(data) - 1, len(cache.MAGIC) + 3):
        damaged = bytearray(data)
        damaged[offset] ^= 0x01
        stored.write_bytes(bytes(damaged))
        assert cache.load(facts_copy) is None, offset
    stored.write_bytes(bytes(data[:-10]))  # a truncated entry (a full disk)
    assert cache.load(facts_copy) is None


def _sourceless_copy(target: Path, extra: str = "") -> Path:
    """The package as an install that ships only ``.pyc`` files (``compileall -b``, sources removed)."""
    package = target / "percycheck"
    shutil.copytree(Path(percycheck.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    if extra:
        tuning = package / "engine" / "tuning.py"
        tuning.write_text(tuning.read_text(encoding="utf-8") + extra, encoding="utf-8")
    assert compileall.compile_dir(str(package), legacy=True, quiet=1)
    for source in package.rglob("*.py"):
        source.unlink()
    return target


def test_an_install_of_bytecode_only_keys_entries_by_its_code(tmp_path: Path) -> None:
    """Two versions that ship only .pyc files must not share cache entries (the old one crashed the new)."""
    digests = []
    for name, extra in (("one", ""), ("two", "\nCHANGED_IN_VERSION_TWO = 1\n")):
        root = _sourceless_copy(tmp_path / name, extra)
        env = dict(os.environ, PYTHONPATH=str(root), PYTHONDONTWRITEBYTECODE="1")
        code = "import percycheck.cache as c, percycheck.engine.tuning as t; print(c.__file__); print(c._code_digest())"
        run = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
        where, digest = run.stdout.split()
        assert where.startswith(str(root)) and where.endswith(".pyc")
        digests.append(digest)
    assert digests[0] != digests[1]


# ------------------------------------------------------------------------------ files that are not entries


@POSIX_OWNERS
def test_a_fifo_in_place_of_an_entry_does_not_hang(facts_copy: Path, stored: Path, tmp_path: Path) -> None:
    stored.unlink()
    os.mkfifo(stored)
    env = dict(os.environ)
    run = _run(["--facts", str(facts_copy), CLAIM], env, timeout=90)  # before: blocked forever in open()
    assert run.returncode == 1 and run.stdout.startswith("contradicted"), run.stderr
    assert stored.is_file(), "the run's own entry replaces the FIFO"


@POSIX_OWNERS
def test_a_fifo_in_place_of_the_key_does_not_hang(facts_copy: Path, stored: Path, folders: tuple[Path, Path]) -> None:
    key_file = folders[1] / "percycheck" / "cache-key"
    key_file.unlink()
    os.mkfifo(key_file, 0o600)
    run = _run(["--facts", str(facts_copy), CLAIM], dict(os.environ), timeout=90)
    assert run.returncode == 1 and run.stdout.startswith("contradicted"), run.stderr


def test_a_symlink_in_place_of_an_entry_is_not_followed(facts_copy: Path, stored: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.bin"
    shutil.move(stored, elsewhere)
    stored.symlink_to(elsewhere)
    assert cache.load(facts_copy) is None


def test_temporary_files_of_killed_runs_are_removed(facts_copy: Path, stored: Path) -> None:
    folder = stored.parent
    old, fresh = folder / ".engine-killed.tmp", folder / ".engine-running.tmp"
    old.write_bytes(b"half an entry")
    fresh.write_bytes(b"another run is writing this")
    hours_ago = time.time() - 2 * cache.STALE_TEMP_SECONDS
    os.utime(old, (hours_ago, hours_ago))
    (folder / "engine-0123.pickle").write_bytes(b"an entry of the old format")
    cache.store(facts_copy, Engine(load_facts(facts_copy)))
    assert not old.exists() and fresh.exists()
    assert not list(folder.glob("*.pickle"))


def test_the_built_in_engine_is_cached(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    """Every class of the engine has a plain form: a class in a module outside ``cache.CLASS_MODULES``
    would silently mean a rebuild on every run."""
    facts = builtin_facts_path()
    built = Engine(load_facts(facts))
    cache.store(facts, built)
    loaded = cache.load(facts)
    assert loaded is not None
    claims = (CLAIM, "The rover weighs about 1,030 kg.", "Ingenuity first flew on April 19, 2021.")
    assert [loaded.check(c) for c in claims] == [built.check(c) for c in claims]
