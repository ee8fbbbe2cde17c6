"""percycheck: fact-check claims about NASA's Perseverance rover against cited sources.

The public API is small: ``check`` one claim, ``check_text`` a draft, ``load_facts`` a file.
They are imported on first use, so ``percycheck --version`` and ``--help`` start instantly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check", "check_text", "load_facts"]

if TYPE_CHECKING:
    from percycheck.api import check, check_text, load_facts


def __getattr__(name: str) -> Any:
    if name in ("check", "check_text", "load_facts"):
        from percycheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'percycheck' has no attribute {name!r}")
