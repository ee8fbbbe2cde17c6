"""Shared test set-up: the engine cache goes to a temporary folder, never the user's."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir() -> Iterator[None]:
    with tempfile.TemporaryDirectory(prefix="percycheck-cache-") as folder:
        old = os.environ.get("PERCYCHECK_CACHE_DIR")
        os.environ["PERCYCHECK_CACHE_DIR"] = folder
        yield
        if old is None:
            os.environ.pop("PERCYCHECK_CACHE_DIR", None)
        else:
            os.environ["PERCYCHECK_CACHE_DIR"] = old
