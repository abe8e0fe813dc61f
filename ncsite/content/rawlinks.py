"""Links and images written as HTML in a page's Markdown (`<a href="kiel.md">`, `<img src="map.png">`),
so that they are checked like Markdown links: a link to a page that does not exist is an error
whichever way it is written.

They are read from the source (with its lines) by the standard library's HTML tokenizer, leaving
out what a reader takes for code: fenced blocks, code spans and indented lines. Whether the HTML
is allowed at all is judged on the rendered page (ncsite.content.published).
"""

from __future__ import annotations

from html.parser import HTMLParser

from .markup import Link, blank_code


class _Links(HTMLParser):
    def __init__(self, first_line: int):
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.found: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = {"a": "href", "img": "src"}.get(tag)
        for key, value in attrs:
            if key == name and value is not None:
                self.found.append(Link(self.getpos()[0] + self.first_line - 1, value.strip(), tag == "img"))

    handle_startendtag = handle_starttag


def links(markdown: str, first_line: int) -> list[Link]:
    """The `<a href>` and `<img src>` of a body written as HTML, with their file lines."""
    if "<a" not in markdown and "<img" not in markdown and "<A" not in markdown and "<IMG" not in markdown:
        return []
    text = "\n".join("" if line.startswith(("    ", "\t")) else line for line in blank_code(markdown).split("\n"))
    parser = _Links(first_line)
    parser.feed(text)
    parser.close()
    return parser.found
