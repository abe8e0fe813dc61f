"""The Content-Security-Policy every page carries, as a `<meta http-equiv>` (GitHub Pages sets no headers).

Partner content is checked before it is published (ncsite.content.markup); the policy
is the second line: the browser itself refuses any script that is not a file
of the site or one of the theme's own inline scripts (allowed by their SHA-256
hashes, computed from each rendered page), and any request to another origin.

Styles: Material writes `style="..."` attributes and sets styles from its
scripts, so `style-src` allows inline styles ('unsafe-inline'). Inline styles
cannot run script; what they could do at worst (restyle a page) is bounded by
the content checks, which do not let partners write `<style>` or `style=`.
Images may be `data:` URLs because Material's stylesheet draws its icons
with them; partner content may not use `data:` URLs (ncsite.content.markup).
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
    _hashes: dict[str, str] = field(default_factory=dict)

    def for_page(self, html: str) -> str:
        if self.allow_inline_scripts:
            scripts = "'self' 'unsafe-inline'"
        else:
            hashes = []
            for body in inline_scripts(html):
                if body not in self._hashes:
                    self._hashes[body] = script_hash(body)
                if self._hashes[body] not in hashes:
                    hashes.append(self._hashes[body])
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
