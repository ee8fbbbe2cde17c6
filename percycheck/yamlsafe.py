"""The only YAML reader: the safe loader, line numbers on every mapping, bounded aliases.

Kept apart from ``facts`` so that a start-up that finds its facts in the cache never imports
PyYAML. The C loader is used where PyYAML was built with it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from percycheck.facts import FactsError, excerpt

try:  # the C loader is several times faster; the pure-Python one is the fallback
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

MAX_EXPANDED_NODES = 2_000_000
ALIAS_GROWTH = 10
"""YAML aliases may share nodes: a document whose aliases expand it past 2,000,000 nodes and
past ten times its own distinct nodes is an alias bomb (an honest large file is neither)."""


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that records each mapping's line under the key ``__line__``."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # An explicit tag on a bad scalar (``!!int x``, ``!!float y``, ``!!bool maybe``, a bare
        # ``!!float``) makes PyYAML's own constructors raise ValueError, KeyError, IndexError and
        # friends; report them as YAML errors at their line.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, AttributeError, OverflowError, LookupError):
            shown = f" {excerpt(node.value)}" if isinstance(node, yaml.ScalarNode) else ""
            raise yaml.constructor.ConstructorError(
                None, None, f"invalid {node.tag.rsplit(':', 1)[-1]} value{shown}", node.start_mark
            ) from None


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    own = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE_TAG)
    loader.flatten_mapping(node)
    inherited = len(node.value) - own  # merged ("<<") pairs come first and may be overridden
    mapping: dict[Any, Any] = {}
    written: set[Any] = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "a mapping key must be a plain value", key_node.start_mark)
        if index >= inherited:
            if key in written:  # PyYAML would silently keep the last one
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {excerpt(key)}", key_node.start_mark)
            written.add(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date-like scalar that is no real date (2021-02-30) stays a string for the validator."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """How many nodes the document has once every alias is expanded (memoised, so linear)."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # a cycle counts once
    total = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            total += _expanded_size(child, memo)
            if total > MAX_EXPANDED_NODES:
                break
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            total += _expanded_size(k, memo) + _expanded_size(v, memo)
            if total > MAX_EXPANDED_NODES:
                break
    memo[key] = total
    return total


def _reader_line(text: str, exc: yaml.reader.ReaderError) -> int:
    """The line of the character the reader refused (the C reader counts bytes, not characters)."""
    if isinstance(exc.character, int):
        found = text.find(chr(exc.character))  # the reader stops at the first bad one: this one
        if found >= 0:
            return text.count("\n", 0, found) + 1
    return 1


def _reader_problem(exc: yaml.reader.ReaderError) -> str:
    if isinstance(exc.character, int):
        return f"character {chr(exc.character)!r} is not allowed ({exc.reason})"
    return str(exc.reason)


_QUOTED = re.compile(r"'([^'\n]*)'")


_STANDARD_TAG = "tag:yaml.org,2002:"
STANDARD_TAG_CHARS = 32
"""A tag in YAML's own namespace (``!!python/object/apply:os.system``) may be shown this long: it
names a feature, not a secret. Anything else the file says is cut to ``facts.EXCERPT_CHARS``."""


def _short_quotes(message: str) -> str:
    """PyYAML's messages quote tags, aliases and keys from the file: keep each quotation short."""

    def short(match: re.Match[str]) -> str:
        quoted = match.group(1)
        if quoted.startswith(_STANDARD_TAG):
            return excerpt("!!" + quoted[len(_STANDARD_TAG) :], STANDARD_TAG_CHARS)
        return excerpt(quoted)

    return _QUOTED.sub(short, message)


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML safely; bounded against alias bombs; errors name the line."""
    try:
        loader = _LineLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            memo: dict[int, int] = {}
            # aliases need a "*"; a document without one cannot expand past its own size
            if "*" in text and _expanded_size(node, memo) > max(MAX_EXPANDED_NODES, ALIAS_GROWTH * len(memo)):
                where = f"{path}:{node.start_mark.line + 1}"
                raise FactsError([f"{where}: the document expands past {MAX_EXPANDED_NODES:,} nodes through aliases; refused"])
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = (exc.problem or exc.context or "invalid YAML").strip()
        if "python/" in str(exc) or "could not determine a constructor" in what:
            what = f"tag not allowed: {exc.problem or what}"
        opened = exc.context_mark
        if exc.problem and exc.context and opened is not None and opened.line + 1 != line:
            # an unclosed bracket or quote is found lines later: name where it was opened too
            what += f" ({exc.context.strip()} that starts on line {opened.line + 1})"
        raise FactsError([f"{path}:{line}: malformed YAML: {_short_quotes(what)}"]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML never allows (ESC, say)
        raise FactsError([f"{path}:{_reader_line(text, exc)}: malformed YAML: {_reader_problem(exc)}"]) from None
    except yaml.YAMLError as exc:
        raise FactsError([f"{path}:1: malformed YAML: {_short_quotes(' '.join(str(exc).split()))[:200]}"]) from None
    except RecursionError:
        raise FactsError([f"{path}:1: malformed YAML: nested too deeply"]) from None
