"""SARIF 2.1.0, the static-analysis exchange format, for GitHub code scanning and other viewers.

One rule per verdict that needs attention (contradicted = error, unknown = warning); supported
claims are not results. Each result's message carries the reason, suggestion and citation quotes
(sanitized, since viewers print it raw) so a viewer shows the evidence inline; its ``properties``
keep the exact claim, confidence, fact and citations.
"""

from __future__ import annotations

import importlib
import os
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from percycheck.models import Location, Result, Summary
from percycheck.output.base import (
    Formatter,
    citation_to_dict,
    dumps_json,
    sanitize,
    summary_to_dict,
)

__all__ = ["INFORMATION_URI", "RULES", "SCHEMA", "SarifFormatter", "tool_version"]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/percycheck/"
STDIN_URI = "stdin"

# verdict -> (rule id, SARIF level, short description)
RULES: dict[str, tuple[str, str, str]] = {
    "contradicted": (
        "percycheck/contradicted",
        "error",
        "A claim is contradicted by a cited source.",
    ),
    "unknown": (
        "percycheck/unknown",
        "warning",
        "A claim could not be checked against the curated facts.",
    ),
}


def tool_version() -> str:
    """``percycheck.__version__``, or "0" while the package has none (SARIF needs a string)."""
    try:
        package = importlib.import_module("percycheck")
    except ImportError:
        return "0"
    return str(getattr(package, "__version__", "0"))


def _uri(path: str | None) -> str:
    """A relative path stays relative (viewers resolve it against the checkout).

    The name is percent-encoded from its bytes as the system stores them, so a file name that is
    not valid UTF-8 (``caf\xe9.md``, held as a surrogate escape) becomes ``caf%E9.md``: a valid
    URI for that very file, where encoding the text would fail.
    """
    if path is None:
        return STDIN_URI
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()  # percent-encodes os.fsencode(path) already
    return quote(os.fsencode(pure.as_posix()), safe="/")


def _location(location: Location) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": _uri(location.path)}}
    region: dict[str, int] = {}
    if location.line >= 1:  # the schema's minimum; 0 would make the whole file invalid
        region["startLine"] = location.line
        if location.column >= 1:
            region["startColumn"] = location.column
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _message(result: Result) -> str:
    verdict = result.verdict
    lines = [f"{verdict.verdict}: {verdict.claim}", f"reason: {verdict.reason}"]
    if verdict.suggestion:
        lines.append(f"suggestion: {verdict.suggestion}")
    for citation in verdict.citations:
        lines.append(f"{citation.publisher}, {citation.date or 'undated'}: “{citation.quote}”")
    return "\n".join(lines)


def _result(result: Result, rule_index: int) -> dict[str, object]:
    verdict = result.verdict
    rule_id, level, _ = RULES[verdict.verdict]
    sarif_result: dict[str, object] = {
        "ruleId": rule_id,
        "ruleIndex": rule_index,
        "level": level,
        # Viewers print the message as is; the exact claim stays in properties.
        "message": {"text": sanitize(_message(result))},
    }
    if result.location is not None:
        sarif_result["locations"] = [_location(result.location)]
    sarif_result["properties"] = {
        "claim": verdict.claim,
        "confidence": round(verdict.confidence, 3),
        "fact": (None if verdict.fact is None else {"id": verdict.fact.id, "statement": verdict.fact.statement}),
        "reason": verdict.reason,
        "suggestion": verdict.suggestion,
        "citations": [citation_to_dict(citation) for citation in verdict.citations],
    }
    return sarif_result


class SarifFormatter(Formatter):
    """Collects reportable results and writes one SARIF log at ``stop``."""

    def __init__(self, stream: TextIO, **options: Any) -> None:
        super().__init__(stream, **options)
        self._results: list[dict[str, object]] = []

    def handle(self, result: Result) -> None:
        if result.verdict.verdict in RULES:
            index = list(RULES).index(result.verdict.verdict)
            self._results.append(_result(result, index))

    def stop(self, summary: Summary) -> None:
        rules = [
            {
                "id": rule_id,
                "name": verdict.capitalize() + "Claim",
                "shortDescription": {"text": description},
                "defaultConfiguration": {"level": level},
            }
            for verdict, (rule_id, level, description) in RULES.items()
        ]
        run = {
            "tool": {
                "driver": {
                    "name": "percycheck",
                    "informationUri": INFORMATION_URI,
                    "version": tool_version(),
                    "rules": rules,
                }
            },
            # Location.column counts characters, not SARIF's default UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "results": self._results,
            "properties": {"summary": summary_to_dict(summary)},
        }
        document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        self.write(dumps_json(document, indent=2) + "\n")
        self.stream.flush()
