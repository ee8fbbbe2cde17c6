"""percycheck: fact-check claims about NASA's Perseverance rover against cited sources.

The public API is small: ``check`` one claim, ``check_text`` a draft, ``load_facts`` a file.
"""

from __future__ import annotations

__version__ = "0.1.0"

from percycheck.api import check, check_text, load_facts

__all__ = ["__version__", "check", "check_text", "load_facts"]
