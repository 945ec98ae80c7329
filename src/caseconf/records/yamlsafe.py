"""A strict YAML reader for records: plain data only, with the line of every key.

Records have no use for anchors, aliases, custom tags or merge keys, and each of them is
a known attack (alias bombs, `!!python/object`). Plain scalars follow YAML 1.2 habits a
facilitator expects: `13:00` and `no` stay text, `012345` keeps its leading zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C parser is ~8x faster; fall back silently where libyaml is missing
    from yaml._yaml import CParser as _Parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


Path_ = tuple[str | int, ...]

MAX_DEPTH = 40
# No field of a record needs more: a longer number is no count, age or year, and Python
# refuses int() of more than 4,300 digits anyway (a ValueError deep inside, not a finding).
MAX_INT_DIGITS = 100
MAX_SCALAR_CHARS = 20_000  # one value (a key or a field); minutes belong in the body
MAX_FLOW_DEPTH_SCAN = 64
_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "bool", "null", "seq", "map")}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass(frozen=True, slots=True)
class YamlProblem:
    line: int  # 1-based, within the YAML text
    code: str
    message_id: str
    params: dict[str, Any] = field(default_factory=dict)


class _Reader(_Parser, yaml.resolver.BaseResolver):  # type: ignore[misc, valid-type]
    """Parser with no implicit resolvers: every plain scalar arrives as text."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        yaml.resolver.BaseResolver.__init__(self)

    # BaseResolver has no implicit and no path resolvers, so its answer depends on the node
    # kind alone; the parser calls these once per node, and the generic versions were a fifth
    # of the load time of a large repository.
    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


_DEFAULT_TAGS = {
    yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}
assert not yaml.resolver.BaseResolver.yaml_implicit_resolvers and not yaml.resolver.BaseResolver.yaml_path_resolvers


@dataclass(slots=True)
class ParsedYaml:
    data: Any
    lines: dict[Path_, int]
    problems: list[YamlProblem]


def _flow_depth_exceeds(text: str, limit: int) -> bool:
    """Cheap guard before parsing: libyaml composes flow collections recursively."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch == "\n":
            depth = 0 if depth > limit else depth
    return False


def parse(text: str) -> ParsedYaml:
    """Parse one YAML document into plain Python data and a key -> line map."""
    if _flow_depth_exceeds(text, MAX_FLOW_DEPTH_SCAN):
        return ParsedYaml(None, {}, [YamlProblem(1, "YAML005", "yaml_too_deep", {"limit": MAX_DEPTH})])
    try:
        node = _Reader(text).get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        detail = str(exc.problem or exc.context or "syntax error")
        return ParsedYaml(None, {}, [YamlProblem(line, "YAML001", "yaml_syntax", {"detail": detail})])
    except yaml.YAMLError as exc:
        return ParsedYaml(None, {}, [YamlProblem(1, "YAML001", "yaml_syntax", {"detail": type(exc).__name__})])
    except (RecursionError, MemoryError):
        return ParsedYaml(None, {}, [YamlProblem(1, "YAML005", "yaml_too_deep", {"limit": MAX_DEPTH})])
    builder = _Builder()
    data = builder.build(node, (), 0) if node is not None else None
    if "*" in text and not any(p.code == "YAML003" for p in builder.problems):
        _alias_to_plain_value(text, builder)
    return ParsedYaml(data, builder.lines, builder.problems)


def _alias_to_plain_value(text: str, builder: "_Builder") -> None:
    """An alias of a plain value comes back from the composer as a node of its own, so the
    builder cannot tell it from a value written out; the token stream can (only read when the
    text has a `*` at all)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, yaml.AliasToken):
                builder.problems.append(YamlProblem(token.start_mark.line + 1, "YAML003", "yaml_alias", {}))
                return
    except yaml.YAMLError:
        return


_ScalarNode, _MappingNode = yaml.ScalarNode, yaml.MappingNode


class _Builder:
    def __init__(self) -> None:
        self.lines: dict[Path_, int] = {}
        self.problems: list[YamlProblem] = []
        self._seen: set[int] = set()

    def _problem(self, node: yaml.Node, code: str, message_id: str, **params: Any) -> None:
        self.problems.append(YamlProblem(node.start_mark.line + 1, code, message_id, params))

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self._problem(node, "YAML005", "yaml_too_deep", limit=MAX_DEPTH)
            return None
        kind = node.__class__
        if id(node) in self._seen:
            # the composer hands back the anchored node again for every alias (a plain value
            # too: each scalar without an alias is a node of its own)
            self._problem(node, "YAML003", "yaml_alias")
            return None
        self._seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            self._problem(node, "YAML004", "yaml_tag", tag=node.tag.replace(_STD, "!!"))
            return None
        if kind is _ScalarNode:
            return self._scalar(node)
        if kind is _MappingNode:
            return self._mapping(node, path, depth)
        lines = self.lines
        out = []
        for index, item in enumerate(node.value):
            item_path = path + (index,)
            lines[item_path] = item.start_mark.line + 1
            out.append(self.build(item, item_path, depth + 1))
        return out

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        lines = self.lines
        for key_node, value_node in node.value:
            if key_node.__class__ is not _ScalarNode:
                self._problem(key_node, "YAML001", "yaml_complex_key")
                continue
            key = str(key_node.value)
            if len(key) > MAX_SCALAR_CHARS:
                self._problem(key_node, "YAML007", "yaml_too_long", limit=MAX_SCALAR_CHARS)
                continue
            if key == "<<" and key_node.style in ("", None):
                self._problem(key_node, "YAML006", "yaml_merge_key")
                continue
            key_path = path + (key,)
            if key in out:
                self._problem(key_node, "YAML002", "yaml_duplicate_key", key=key,
                              first=lines.get(key_path, 0))
                continue
            lines[key_path] = key_node.start_mark.line + 1
            if value_node.__class__ is _ScalarNode and value_node.tag in _ALLOWED_TAGS and depth < MAX_DEPTH:
                out[key] = self._scalar(value_node)  # the common case, without a call to build()
            else:
                out[key] = self.build(value_node, key_path, depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        value: str = node.value
        if len(value) > MAX_SCALAR_CHARS:
            self._problem(node, "YAML007", "yaml_too_long", limit=MAX_SCALAR_CHARS)
            return None
        if node.style not in ("", None):
            return value  # quoted or block text is always text
        if value in _NULLS:
            return None
        if value in _BOOLS:
            return _BOOLS[value]
        if _INT.match(value):
            if len(value.lstrip("+-")) > MAX_INT_DIGITS:
                self._problem(node, "YAML008", "yaml_number_too_long", limit=MAX_INT_DIGITS)
                return None
            return int(value)
        return value

