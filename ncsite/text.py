"""Small text helpers for summaries taken from Markdown bodies."""

from __future__ import annotations

import re

from text_unidecode import unidecode

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REFLINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")
_BLOCK_START = ("#", "!!!", "???", "<", "|", "```", "~~~", ">", "[", "-", "*", "+")


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
        return plain(stripped)
    return ""


def slug_hint(name: str, fallback: str = "my-page") -> str:
    """A web-address form of a name, for rename hints: "Øresund møde" -> "oresund-mode", "Straße" -> "strasse"."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-") or fallback
