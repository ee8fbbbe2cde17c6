"""Find and read drafts safely: walk folders, decode bytes to text, refuse what is not text.

Drafts come from anywhere (pipes, CI checkouts, editors on other systems). Text is UTF-8 with
or without a BOM, or UTF-16/32 with a BOM; undecodable bytes are replaced and reported once;
a file with NUL bytes is binary and refused. A folder named on the command line stands for the
drafts in it, found the way a linter finds them (:func:`walk`).
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

MAX_INPUT_BYTES = 256 * 1024 * 1024
"""Inputs larger than this are refused rather than read into memory."""
BINARY_SNIFF_BYTES = 8192
DRAFT_SUFFIXES = (".md", ".markdown", ".mdx", ".txt")
"""What :func:`walk` picks up in a folder; a file named on its own is read whatever its name."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """An input that cannot be checked; the message is one line for the user."""


@dataclass(frozen=True)
class Decoded:
    """Text of one input, with a note when bytes had to be replaced."""

    text: str
    warning: str | None = None


def decode(data: bytes, name: str) -> Decoded:
    """Bytes -> text, honouring BOMs; NUL bytes mean binary and are refused.

    A few stray NULs far into a long file (a corrupted log, say) are dropped instead, and said
    so in the warning, as undecodable bytes are: nothing is changed silently.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            text = body.decode(encoding, errors="replace")
            bad = "\ufffd" in text and "\ufffd".encode(encoding) not in body
            notes = [f"some bytes are not valid {encoding.upper()}; replaced with U+FFFD"]
            return _without_nul(text, name, notes if bad else [])
    if b"\x00" in data[:BINARY_SNIFF_BYTES] or data.count(b"\x00") > len(data) // 1000:
        raise InputError(f"{name}: binary file (NUL bytes), not checked")
    try:
        return _without_nul(data.decode("utf-8"), name, [])
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("utf-8", errors="replace")
        return _without_nul(text, f"{name}:{line}", ["invalid UTF-8; undecodable bytes replaced with U+FFFD"])


def _without_nul(text: str, where: str, notes: list[str]) -> Decoded:
    """``text`` with NUL characters removed; one warning line naming everything changed."""
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        notes = [*notes, f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed"]
    return Decoded(text, f"{where}: {'; '.join(notes)}" if notes else None)


def read_path(path: str) -> Decoded:
    """Read and decode one file named on the command line."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory")
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"{path}: {size:,} bytes is larger than the {MAX_INPUT_BYTES:,}-byte limit")
        with p.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValueError:  # an embedded NUL, say: no file can have that name
        raise InputError(f"{path!r}: not a valid file name") from None
    if len(data) > MAX_INPUT_BYTES:  # a pipe or device reports no size up front
        raise InputError(f"{path}: input is larger than the {MAX_INPUT_BYTES:,}-byte limit")
    return decode(data, path)


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> Decoded:
    """Read and decode standard input (bounded)."""
    try:
        data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: input is larger than the {MAX_INPUT_BYTES:,}-byte limit")
    return decode(data, name)


# ------------------------------------------------------------------------------ folders


def _ignore_spec(folder: Path) -> GitIgnoreSpec | None:
    """The patterns of ``folder/.gitignore``, or None when it has none (or it cannot be read)."""
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def _outer_specs(root: Path) -> list[tuple[Path, GitIgnoreSpec]]:
    """The ``.gitignore`` files above ``root`` up to its repository's top (the folder with .git)."""
    specs: list[tuple[Path, GitIgnoreSpec]] = []
    for folder in root.resolve().parents:
        spec = _ignore_spec(folder)
        if spec is not None:
            specs.append((folder, spec))
        if (folder / ".git").exists():
            return specs
    return []  # not in a repository: a stray .gitignore in a parent folder says nothing here


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, GitIgnoreSpec]]) -> bool:
    for base, spec in specs:
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if spec.match_file(relative + "/" if is_dir else relative):
            return True
    return False


def walk(folder: str) -> Iterator[str]:
    """The drafts under ``folder``, sorted: Markdown and text files, as a linter would find them.

    Hidden folders (``.git``, ``.venv``, ...) are not entered, and what the ``.gitignore`` files
    of the folder, its subfolders and its repository ignore is left out. The paths keep the
    spelling of ``folder`` (``docs`` gives ``docs/a.md``), so reports point where the user looked.
    """
    root = Path(folder)
    absolute = root.resolve()
    outer = _outer_specs(absolute)
    stack: list[tuple[Path, Path, list[tuple[Path, GitIgnoreSpec]]]] = [(root, absolute, outer)]
    while stack:
        shown, real, specs = stack.pop()
        own = _ignore_spec(real)
        if own is not None:
            specs = [*specs, (real, own)]
        try:
            entries = sorted(os.scandir(real), key=lambda entry: entry.name)
        except OSError as exc:
            raise InputError(f"{shown}: cannot read folder: {exc.strerror or exc}") from None
        folders = []
        for entry in entries:
            is_dir = entry.is_dir()
            if _ignored(real / entry.name, is_dir, specs):
                continue
            if is_dir:
                if not entry.name.startswith(".") and not entry.is_symlink():
                    folders.append((shown / entry.name, real / entry.name, specs))
            elif entry.name.lower().endswith(DRAFT_SUFFIXES) and entry.is_file():
                yield str(shown / entry.name)
        stack.extend(reversed(folders))
