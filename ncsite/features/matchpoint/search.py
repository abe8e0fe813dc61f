"""Text search for Matchpoint: one folding rule for the build and the browser.

`fold` turns any text into lowercase words without accents or punctuation, so
that "malmo" finds Malmö, "lillestrom" Lillestrøm and "goteborg" Göteborg. The
directory's script (overrides/assets/ncsite/matchpoint.js) folds what a visitor
types with the same rule and matches word prefixes against the folded text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"})
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase words of plain letters and digits, separated by single spaces."""
    lowered = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    plain = "".join(ch for ch in lowered if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def folded_words(parts: Iterable[str | None]) -> str:
    """The folded text of several values, each word once, in order of first appearance."""
    words = dict.fromkeys(word for part in parts if part for word in fold(part).split())
    return " ".join(words)
