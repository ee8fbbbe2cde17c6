"""Read drafts safely: decode bytes to text, refuse what is not text.

Drafts come from anywhere (pipes, CI checkouts, editors on other systems). Text is UTF-8 with
or without a BOM, or UTF-16/32 with a BOM; undecodable bytes are replaced and reported once;
a file with NUL bytes is binary and refused.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_INPUT_BYTES = 256 * 1024 * 1024
"""Inputs larger than this are refused rather than read into memory."""
BINARY_SNIFF_BYTES = 8192

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
