"""Read YAML the way partners mean it, keeping line numbers.

PyYAML's default (YAML 1.1) reading turns `NO` into False, `2017-06-12` into a
date and `10:30` into the integer 630. Partners write country codes, dates and
times, so this loader resolves only what we want on purpose:

- `true` / `false` are booleans (not yes/no/on/off: `NO` stays the code for Norway);
- plain decimal numbers are ints or floats (no sexagesimal, no octal);
- `~`, `null` and an empty value are None;
- everything else, dates and times included, stays a string that the
  validators parse into the forms the content model allows.

Mappings come back as `LineDict` and sequences as `LineList`, which remember
the line of every key and item, so that errors can name the line.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import frontmatter
import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, SequenceNode
from yaml.resolver import BaseResolver


class LineDict(dict[str, Any]):
    """A mapping that remembers the 1-based line of itself and of each key."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence that remembers the 1-based line of itself and of each item."""

    line: int = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


class _Resolver(BaseResolver):
    pass


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _Constructor(SafeConstructor):
    def construct_yaml_map(self, node: MappingNode) -> Generator[LineDict, None, None]:
        data = LineDict()
        data.line = node.start_mark.line + 1
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in data:
                raise yaml.constructor.ConstructorError(
                    None, None, f'the key "{key}" appears twice in the same block', key_node.start_mark
                )
            data[key] = self.construct_object(value_node, deep=True)
            data.lines[key] = key_node.start_mark.line + 1

    def construct_yaml_seq(self, node: SequenceNode) -> Generator[LineList, None, None]:
        data = LineList()
        data.line = node.start_mark.line + 1
        yield data
        for item in node.value:
            data.append(self.construct_object(item, deep=True))
            data.lines.append(item.start_mark.line + 1)


# (the stubs type constructors for loaders only, not for a constructor mixin)
_Constructor.add_constructor("tag:yaml.org,2002:map", _Constructor.construct_yaml_map)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:seq", _Constructor.construct_yaml_seq)  # type: ignore[type-var]


class PartnerLoader(
    yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _Constructor, _Resolver
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


if getattr(yaml, "__with_libyaml__", False):

    class FastPartnerLoader(_Constructor, _Resolver, yaml.CBaseLoader):
        """The same loader on libyaml's parser, through PyYAML's public `CBaseLoader` (its parser
        comes first in it; several times faster; the same nodes and marks)."""

        def __init__(self, stream: str) -> None:
            yaml.CBaseLoader.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml
    FastPartnerLoader = PartnerLoader  # type: ignore[misc,assignment]


@dataclass(frozen=True)
class YamlFault:
    """Why a YAML text could not be read: the line (1-based) and the parser's words."""

    line: int | None
    message: str


def parse(text: str, first_line: int = 1) -> tuple[Any, YamlFault | None]:
    """Parse YAML text; returns (data, None) or (None, YamlFault).

    `first_line` is the file line the text starts on, so that line numbers
    refer to the file, not to the extracted block.
    """
    try:
        data = _load(FastPartnerLoader, text)
    except yaml.YAMLError:
        # Text that does not parse is rare: read it again with the pure-Python
        # parser, whose messages are clearer ("found character '\t' ...").
        try:
            data = _load(PartnerLoader, text)
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            line = mark.line + first_line if mark else None
            words = err.problem or str(err)
            if err.context and "while" not in err.context:
                words = f"{err.context}: {words}"
            return None, YamlFault(line, words)
        except yaml.YAMLError as err:  # reader errors (control characters) have no mark
            return None, YamlFault(None, str(err).splitlines()[0])
    if first_line != 1:
        _shift(data, first_line - 1)
    return data, None


_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):\s+(.*\S)\s*$")


def explain(fault: YamlFault, text: str) -> tuple[str, str]:
    """The parser's words for a partner, and how to fix the line (`text` is the whole file).

    It recognises faults by PyYAML's wording, which is no API: PyYAML is pinned
    (pyproject.toml), and tests/unit/test_libraries.py fails when a message read here
    changes, instead of partners silently getting the parser's bare words."""
    lines = text.splitlines()
    line = lines[fault.line - 1] if fault.line and fault.line <= len(lines) else ""
    kv = _KEY_VALUE.match(line)
    if "mapping values are not allowed" in fault.message and kv and ": " in kv.group(3):
        indent, key, value = kv.groups()
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return (
            f'the value of "{key}" contains a colon followed by a space',
            f"put the whole value in quotes: {indent.strip() + ' ' if indent.strip() else ''}{key}: {quoted}",
        )
    if "'\\t'" in fault.message or "\t" in line[: len(line) - len(line.lstrip())]:
        return ("a tab is used to indent", "indent with spaces only (two per level), never with tabs")
    if "quoted scalar" in fault.message or "end of stream" in fault.message:
        return (
            f"a quote is not closed ({fault.message})",
            "end every quoted value with the same quote mark it starts with",
        )
    return (
        fault.message,
        "check the indentation (spaces, two per level) and put text containing a colon (:) or starting with a quote in quotes",
    )


def _load(loader_class: type[PartnerLoader | FastPartnerLoader], text: str) -> Any:
    loader = loader_class(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _shift(data: object, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line += offset
        data.lines = {k: v + offset for k, v in data.lines.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, LineList):
        data.line += offset
        data.lines = [v + offset for v in data.lines]
        for value in data:
            _shift(value, offset)


@dataclass(frozen=True)
class Document:
    """A Markdown file split into its front matter text and its body."""

    front_matter: str
    body: str
    front_matter_line: int  # file line of the first front matter line
    body_line: int


class PartnerYAMLHandler(frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler with the project's rules.

    - the fence is a line of exactly three dashes (`----` is a horizontal rule),
      and the file must open with one;
    - the front matter is read with `PartnerLoader` (see the module's docstring),
      with line numbers of the file: `split` keeps the newline that ends the
      opening fence, so the first field is on line 2, as in the file.

    `load` raises `FrontMatterFault` where the YAML cannot be read.
    """

    FM_BOUNDARY = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)

    def load(self, fm: str, first_line: int = 1, **kwargs: object) -> Any:  # type: ignore[override]
        data, fault = parse(fm, first_line)
        if fault:
            raise FrontMatterFault(fault)
        return data


class FrontMatterFault(ValueError):
    """Front matter that cannot be read, as a YamlFault."""

    def __init__(self, fault: YamlFault):
        super().__init__(fault.message)
        self.fault = fault


HANDLER = PartnerYAMLHandler()


def split_front_matter(text: str) -> Document | YamlFault:
    """Split `---`-fenced front matter from the body (with python-frontmatter's handler).

    Returns a YamlFault when the file does not open with front matter or the
    closing fence is missing: MkDocs would silently treat such a file as plain
    Markdown, losing every field.
    """
    if not HANDLER.detect(text):
        return YamlFault(1, "the file does not start with front matter (a line with three dashes: ---)")
    try:
        fm, content = HANDLER.split(text)
    except ValueError:
        return YamlFault(1, "the front matter is not closed: add a line with three dashes (---) after the last field")
    return Document(
        front_matter=fm.removeprefix("\n"),
        body=content.removeprefix("\n"),
        front_matter_line=2,
        body_line=fm.count("\n") + 2,
    )


def load_front_matter(doc: Document) -> tuple[Any, YamlFault | None]:
    """The front matter's data, through the handler; returns (data, None) or (None, YamlFault)."""
    try:
        return HANDLER.load(doc.front_matter, first_line=doc.front_matter_line), None
    except FrontMatterFault as err:
        return None, err.fault
