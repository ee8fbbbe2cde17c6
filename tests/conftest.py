"""Shared test set-up: the engine cache and its key go to a temporary folder, never the user's."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir() -> Iterator[None]:
    with tempfile.TemporaryDirectory(prefix="percycheck-cache-") as folder:
        names = {"PERCYCHECK_CACHE_DIR": folder, "XDG_STATE_HOME": os.path.join(folder, "state")}
        old = {name: os.environ.get(name) for name in names}
        os.environ.update(names)
        yield
        for name, value in old.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
