"""Tests for percycheck.inputs: bytes from files and pipes become text, or one clear error."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from percycheck import inputs
from percycheck.inputs import Decoded, InputError, decode, read_path, read_stream, walk

TEXT = "Perseverance landed on Feb. 18, 2021 — in Jezero.\r\n\tIndented line.\n"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (b"", "utf-8"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_decode_honours_the_byte_order_mark(bom: bytes, encoding: str) -> None:
    decoded = decode(bom + TEXT.encode(encoding), "draft.txt")
    assert decoded == Decoded(TEXT)  # CRLF and tabs are kept for the locations


def test_invalid_utf8_is_replaced_and_reported_with_its_line() -> None:
    decoded = decode(b"first line\nsecond \xff line\n", "draft.md")
    assert decoded.text == "first line\nsecond \ufffd line\n"
    assert decoded.warning == "draft.md:2: invalid UTF-8; undecodable bytes replaced with U+FFFD"


def test_a_genuine_replacement_character_is_not_reported() -> None:
    assert decode(codecs.BOM_UTF16_LE + "a \ufffd b".encode("utf-16-le"), "x").warning is None
    assert decode("a \ufffd b".encode(), "x") == Decoded("a \ufffd b")


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError, match=r"^image\.png: binary file \(NUL bytes\), not checked$"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.png")


def test_empty_input_is_empty_text() -> None:
    assert decode(b"", "<stdin>") == Decoded("")


@given(st.binary(max_size=512))
def test_decode_never_fails_except_with_input_error(data: bytes) -> None:
    try:
        decoded = decode(data, "fuzz")
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert "\x00" not in decoded.text
        assert decoded.warning is None or "\n" not in decoded.warning


def test_read_path(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(codecs.BOM_UTF8 + b"Hello.\n")
    assert read_path(str(path)) == Decoded("Hello.\n")


def test_read_path_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.md: no such file$"):
        read_path(str(tmp_path / "missing.md"))


def test_read_path_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r": is a directory$"):
        read_path(str(tmp_path))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_read_path_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match=r"secret\.md: permission denied$"):
        read_path(str(path))


def test_read_path_refuses_what_is_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(InputError, match=r"larger than the 10-byte limit"):
        read_path(str(path))
    path.write_bytes(b"x" * 10)
    assert read_path(str(path)).text == "x" * 10


def test_read_path_with_a_nul_in_the_name() -> None:
    with pytest.raises(InputError, match="not a valid file name"):
        read_path("bad\x00name.md")


def test_read_stream() -> None:
    assert read_stream(io.BytesIO("Café.\n".encode())) == Decoded("Café.\n")


def test_read_stream_refuses_what_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 4)
    with pytest.raises(InputError, match=r"^<stdin>: input is larger than the 4-byte limit$"):
        read_stream(io.BytesIO(b"12345"))


def test_read_stream_that_cannot_be_read() -> None:
    class Broken(io.RawIOBase):
        def read(self, size: int = -1) -> bytes:
            raise OSError(5, "Input/output error")

    with pytest.raises(InputError, match=r"^<stdin>: cannot read: Input/output error$"):
        read_stream(Broken())  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ folders


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", encoding="utf-8")


def test_walk_finds_drafts_sorted_keeping_the_spelling_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _touch(tmp_path, "docs/b.md", "docs/a.TXT", "docs/z/c.mdx", "docs/img.png", "docs/notes.rst")
    assert list(walk("docs")) == ["docs/a.TXT", "docs/b.md", "docs/z/c.mdx"]
    assert list(walk("./docs/z")) == ["docs/z/c.mdx"]  # Path drops the "./", as git does


def test_walk_skips_hidden_folders_and_what_gitignore_ignores(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        ".git/HEAD",
        "top.md",
        "vendor/lib.md",
        "docs/.cache/x.md",
        "docs/keep.md",
        "docs/drop.md",
        "docs/sub/draft.md",
        "docs/sub/scratch.md",
        "docs/sub/important.log.md",
    )
    (tmp_path / ".gitignore").write_text("vendor/\n*.log.md\n", encoding="utf-8")
    (tmp_path / "docs" / ".gitignore").write_text("drop.md\n", encoding="utf-8")
    (tmp_path / "docs" / "sub" / ".gitignore").write_text("*.md\n!draft.md\n", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in walk(str(tmp_path / "docs"))]
    assert found == ["docs/keep.md", "docs/sub/draft.md"]  # the repository's .gitignore counts too
    whole = [Path(p).relative_to(tmp_path).as_posix() for p in walk(str(tmp_path))]
    assert whole == ["top.md", "docs/keep.md", "docs/sub/draft.md"]


def test_walk_outside_a_repository_ignores_a_stray_parent_gitignore(tmp_path: Path) -> None:
    _touch(tmp_path, "project/a.md")
    (tmp_path / ".gitignore").write_text("*.md\n", encoding="utf-8")
    assert [Path(p).name for p in walk(str(tmp_path / "project"))] == ["a.md"]
