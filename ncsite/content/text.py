"""Small text helpers: plain text and the first paragraph of a Markdown body (summaries), and
ASCII transliteration for the file names suggested in hints (`slug_hint`)."""

from __future__ import annotations

import importlib.util
import re
from array import array
from pathlib import Path

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REFLINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")
_BLOCK_START = ("#", "!!!", "???", "<", "|", "```", "~~~", ">", "[", "-", "*", "+")


def _table_file() -> Path:
    """text-unidecode's table (data.bin), found without importing the package: its import splits
    the table into 65,535 strings (3.7 MiB held for the whole build; read in place, 0.5 MiB).

    Private to text-unidecode, kept for those 3.2 MiB (BENCHMARKS.md): the version is pinned
    (pyproject.toml), and tests/unit/test_text.py compares every character with the package's
    own `unidecode`, so a changed table fails there, not silently in a hint."""
    spec = importlib.util.find_spec("text_unidecode")
    if spec is None or spec.origin is None:
        raise ImportError("text-unidecode is not installed (requirements.txt)")
    return Path(spec.origin).with_name("data.bin")


# The ASCII transliteration of code point n is the n-th NUL-separated entry of the table
# (the first is U+0001's), read in place: the bytes and where each entry ends.
_TABLE = _table_file().read_bytes()
_ENDS = array("I", (m.start() for m in re.finditer(b"\x00", _TABLE)))
_ENDS.append(len(_TABLE))


def unidecode(text: str) -> str:
    """text-unidecode's `unidecode`, the same result: each character as ASCII, "" for one it has none for."""
    if text.isascii() and "\x00" not in text:
        return text
    out = []
    for ch in text:
        point = ord(ch)
        if not point:
            out.append("\x00")
        elif point <= len(_ENDS):
            start = _ENDS[point - 2] + 1 if point > 1 else 0
            out.append(_TABLE[start : _ENDS[point - 1]].decode("ascii"))
    return "".join(out)


def plain(markdown: str) -> str:
    """Markdown inline text as plain text: links become their words, emphasis is dropped."""
    text = _LINK.sub(r"\1", markdown)
    text = _REFLINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def first_paragraph(markdown: str) -> str:
    """The first ordinary paragraph of a Markdown body, as plain text ('' when there is none)."""
    for block in re.split(r"\n\s*\n", markdown.strip()):
        stripped = block.strip()
        if not stripped or stripped.startswith(_BLOCK_START) or re.match(r"^\d+\.\s", stripped):
            continue
        # Raw HTML tags are markup, not words: a summary is text (and never carries a tag or a handler).
        return plain(_HTML_TAG.sub("", stripped))
    return ""


_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def slug_hint(name: str, fallback: str = "my-page") -> str:
    """A web-address form of a name, for rename hints: "Øresund møde" -> "oresund-mode", "Straße" -> "strasse"."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-") or fallback


_LINK = re.compile(r"\[([^\]\n]+)\]\((https://[^\s)]+)\)")


def linked(text: str) -> list[tuple[str, str | None]]:
    """A source as pieces of text, each with the https address it links to or None: "[Title](https://...),
    publisher, year" reads as a linked title and the rest as text. Nothing else of Markdown is read, and
    no other scheme becomes a link, so a value stays text whatever it holds."""
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for match in _LINK.finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], None))
        pieces.append((match.group(1), match.group(2)))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def unlinked(text: str) -> str:
    """A source as plain text for the data exports: "[Title](https://...), publisher" reads
    "Title (https://...), publisher"."""
    return "".join(piece if url is None else f"{piece} ({url})" for piece, url in linked(text))
