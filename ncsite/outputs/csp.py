"""The Content-Security-Policy every page carries, as a `<meta http-equiv>` (GitHub Pages sets no headers).

Partner content is judged and sanitised before it is published (ncsite.content.published);
the policy is the next line: the browser itself refuses any script that is not a file
of the site or one of the templates' own inline scripts, and any request to another
origin. The inline scripts trusted are those the templates write: the hooks render
the page shell (main.html) once per build and folder depth with an empty body
(`trust`), and the theme's own pages (404.html), which hold no content; a script found
only in a page's content is never trusted, wherever it came from.

Styles: Material writes `style="..."` attributes and sets styles from its
scripts, so `style-src` allows inline styles ('unsafe-inline'). Inline styles
cannot run script; what they could do at worst (restyle a page) is bounded by
the content checks, which do not let partners write `<style>` or `style=` (beyond a table
column's text-align).
Images may be `data:` URLs because Material's stylesheet draws its icons
with them; partner content may not use `data:` URLs (ncsite.content.published).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Script types a browser runs; JSON data blocks (`application/json`, `application/ld+json`) are not run.
_JAVASCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")


class _Attributes(HTMLParser):
    """The attributes of one start tag, read by the standard library's HTML tokenizer."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = {name: value or "" for name, value in attrs}


# A site has a handful of distinct <script ...> start tags, each on hundreds of pages: each is
# parsed once (a pure function of the tag's text; callers only read the result).
@functools.lru_cache(maxsize=256)
def _attributes(start_tag: str) -> dict[str, str]:
    parser = _Attributes()
    parser.feed(start_tag)
    parser.close()
    return parser.attrs


_SCRIPT_START = re.compile("<script", re.IGNORECASE)
_SCRIPT_END = re.compile("</script", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts the browser would run, in page order.

    A script element's content is raw text up to the first `</script`, as the
    HTML tokenizer reads it, so finding the ends needs no full parse of the page
    (and no lower-case copy of it: the searches ignore case themselves).
    """
    found: list[str] = []
    at = 0
    while start := _SCRIPT_START.search(html, at):
        open_end = html.find(">", start.start())
        close = _SCRIPT_END.search(html, open_end) if open_end >= 0 else None
        if close is None:
            return found
        attrs = _attributes(html[start.start() : open_end + 1])
        if "src" not in attrs and attrs.get("type", "").strip().lower() in _JAVASCRIPT_TYPES:
            found.append(html[open_end + 1 : close.start()])
        at = close.start() + 8
    return found


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass
class Policy:
    """Makes the policy of each page; hashes are computed once per distinct script body in a build."""

    allow_inline_scripts: bool = False  # only for `mkdocs serve`, whose live-reload script changes on every request
    _hashes: dict[str, str] = field(default_factory=dict)  # trusted script bodies and their hashes
    _sources: set[str] = field(default_factory=set)  # what the trusted scripts were read from
    refused: list[str] = field(default_factory=list)  # the inline scripts of the last page not trusted

    def knows(self, source: str) -> bool:
        return source in self._sources

    def trust(self, source: str, html: str) -> None:
        """Trust the inline scripts of `html`, a template's output with no content in it
        (a page rendered with an empty body, or a theme page such as 404.html)."""
        if source in self._sources:
            return
        self._sources.add(source)
        for body in inline_scripts(html):
            self._hashes.setdefault(body, script_hash(body))

    def for_page(self, html: str) -> str:
        if self.allow_inline_scripts:
            scripts = "'self' 'unsafe-inline'"
        else:
            hashes = []  # the trusted scripts of this page, in page order; any other inline script is refused
            self.refused = []
            for body in inline_scripts(html):
                trusted = self._hashes.get(body)
                if trusted is None:
                    self.refused.append(body)
                elif trusted not in hashes:
                    hashes.append(trusted)
            scripts = " ".join(["'self'", *hashes])
        return "; ".join(
            [
                "default-src 'self'",
                f"script-src {scripts}",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                "worker-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
            ]
        )

    def apply(self, html: str) -> str:
        """The page with its policy as the first element after `<meta charset>` (before any script)."""
        tag = f'<meta http-equiv="Content-Security-Policy" content="{self.for_page(html)}">'
        lower = html[:2000].lower()
        charset = lower.find("<meta charset")
        if charset >= 0:
            end = lower.find(">", charset) + 1
            return html[:end] + "\n    " + tag + html[end:]
        head = lower.find("<head")
        if head >= 0:
            end = lower.find(">", head) + 1
            return html[:end] + tag + html[end:]
        return tag + html
