"""Characters a partner cannot see, and quotes a word processor curled, named where they break things.

Text pasted from a word processor, a PDF or a web page brings characters nobody sees: a
no-break space that YAML does not take for indentation or that makes "DE" a different
value, a zero-width space inside an id, a right-to-left override that shows a line other
than it is, a NUL byte. In the fields (a page's front matter, the files of data/) each is
named with its line; in a page's text, where a no-break space is ordinary typography, only
the ones that hide or garble what a line says. Curly quotes around a value (`“2019-06-12”`)
are text to YAML, not quotes: the value then is not a date, a code or an id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Named for a partner; the fix for each.
_FIELD_ONLY = {
    "\u00a0": ("no-break space", "replace it with a normal space (type the space again)"),
    "\u200b": ("zero-width space", "delete it (place the cursor after the character before it and press Delete)"),
    "\u2060": ("word joiner", "delete it (place the cursor after the character before it and press Delete)"),
    "\ufeff": (
        "zero-width no-break space",
        "delete it (place the cursor after the character before it and press Delete)",
    ),
}
_BIDI = "delete it: it changes the order in which the text after it is shown, so the line is not what it seems"
_EVERYWHERE = {
    "\x00": ("NUL character", "delete it: a text file holds no NUL (retype the text around it)"),
    "\u202a": ("left-to-right embedding", _BIDI),
    "\u202b": ("right-to-left embedding", _BIDI),
    "\u202c": ("pop directional formatting", _BIDI),
    "\u202d": ("left-to-right override", _BIDI),
    "\u202e": ("right-to-left override", _BIDI),
    "\u2066": ("left-to-right isolate", _BIDI),
    "\u2067": ("right-to-left isolate", _BIDI),
    "\u2068": ("first strong isolate", _BIDI),
    "\u2069": ("pop directional isolate", _BIDI),
}
_ANY_FIELD = re.compile("[" + "".join(_FIELD_ONLY) + "".join(_EVERYWHERE) + "]")
_ANY_TEXT = re.compile("[" + "".join(_EVERYWHERE) + "]")
# A value wholly in curly quotes: `key: “…”`, `- ‘…’` (a word processor's "smart quotes").
_CURLY_VALUE = re.compile(r"^(\s*(?:-\s+)?(?:[\w.-]+:\s+)?)([“”„‘’‚«»])(.*)([“”‘’«»])\s*$")


@dataclass(frozen=True)
class Finding:
    line: int
    message: str
    hint: str


def _front_matter_end(text: str) -> int:
    """Where a Markdown file's front matter ends (0: it has none)."""
    if not text.startswith("---"):
        return 0
    match = re.search(r"^---[ \t]*$", text[3:], re.MULTILINE)
    return match.end() + 3 if match else len(text)


def findings(text: str, markdown: bool) -> Iterator[Finding]:
    """Invisible characters and curly-quoted values of a file (a Markdown page, or a YAML file of data/)."""
    fields_end = _front_matter_end(text) if markdown else len(text)
    for pattern, start, end in ((_ANY_FIELD, 0, fields_end), (_ANY_TEXT, fields_end, len(text))):
        if start >= end or not pattern.search(text, start, end):
            continue
        for match in pattern.finditer(text, start, end):
            char = match.group(0)
            name, hint = _FIELD_ONLY.get(char) or _EVERYWHERE[char]
            line = text.count("\n", 0, match.start()) + 1
            yield Finding(line, f"the line holds an invisible {name} (U+{ord(char):04X})", hint)
    fields = text[:fields_end]
    if any(quote in fields for quote in "“‘„«"):
        for number, text_line in enumerate(fields.split("\n"), start=1):
            curly = _CURLY_VALUE.match(text_line)
            if curly:
                yield Finding(
                    number,
                    f"the value is in curly quotes ({curly.group(2)}…{curly.group(4)}), as a word processor writes them: "
                    "YAML reads them as part of the text",
                    f'write straight quotes instead: {curly.group(1).strip()} "{curly.group(3)}"',
                )
