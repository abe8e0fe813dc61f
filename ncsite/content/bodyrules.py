"""What a page's text may not start with: a second front matter block.

A partner who pastes a template under a page that already has its fields ends up with two
`---` blocks. The build reads only the first: the second one's fields become a horizontal
rule and a heading on the page, and none of them is used. It is refused with its line.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^---[ \t]*$")
_FIELD = re.compile(r"^[A-Za-z_][\w-]*:(\s|$)")


def second_front_matter(body: str, first_line: int) -> int | None:
    """The file line of a second `---` block of fields at the start of a body, or None."""
    lines = body.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or not _FENCE.match(lines[start]):
        return None
    for line in lines[start + 1 : start + 60]:
        if _FENCE.match(line):
            return first_line + start
        if line.strip() and not _FIELD.match(line) and not line.startswith((" ", "\t", "-")):
            return None  # text, not fields: a horizontal rule
    return None
