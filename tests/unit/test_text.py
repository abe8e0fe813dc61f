"""ncsite.content.text's transliteration reads text-unidecode's table in place: the same result as the package."""

from __future__ import annotations

import text_unidecode

from ncsite.content.text import slug_hint, unidecode


def test_unidecode_is_text_unidecode_for_every_character():
    characters = [chr(n) for n in range(0x11000) if not 0xD800 <= n < 0xE000]  # past the table's end too
    for ch in characters:
        assert unidecode("a" + ch) == text_unidecode.unidecode("a" + ch), f"U+{ord(ch):04X}"
    text = "".join(characters)
    assert unidecode(text) == text_unidecode.unidecode(text)


def test_ascii_and_nul_pass_through():
    assert unidecode("Oresund mode 2019") == "Oresund mode 2019"
    assert unidecode("a\x00ø") == "a\x00o"
    assert slug_hint("Göteborg Ærø") == "goteborg-aero"
