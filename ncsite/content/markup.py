"""Where a Markdown body links and which anchors it has, read from its source, and what an SVG
image may hold.

What a body may publish is judged on its rendered HTML (ncsite.content.published), never
here: the source is read only for links (checked against the pages and files there are),
anchors and line numbers. The content of code spans and fenced code blocks is blanked
(newlines kept, for line numbers) before links are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from markdown.extensions.toc import slugify, unique

from .text import plain

SAFE_SCHEMES = ("http", "https", "mailto", "tel")


@dataclass(frozen=True)
class Finding:
    """Something a body may not hold: its file line, what is wrong and the fix."""

    line: int
    message: str
    hint: str


@dataclass(frozen=True)
class Link:
    """A Markdown link or image in a body: its file line and its address as written."""

    line: int
    target: str
    image: bool


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
_REFERENCE = re.compile(
    r"^[ ]{0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE
)  # not footnotes ([^name]:)
_REF_USE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\]\n]*)\]")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_HEADING_ID = re.compile(r"\{[^{}]*#([\w:.-]+)[^{}]*\}\s*$")


def blank_code(markdown: str) -> str:
    """The body with the content of fenced code blocks and code spans replaced by spaces."""
    out, fence = [], None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            out.append("")
            continue
        if match:
            fence = match.group(1)
            out.append("")
            continue
        out.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line)
    return "\n".join(out)


def unsafe_address(url: str) -> str | None:
    """Why an address in partner content is refused, or None when it is fine.

    Browsers ignore tabs, newlines and leading spaces in a scheme ("java\\tscript:"), so this does too.
    """
    squeezed = re.sub(r"[\x00-\x20]", "", url).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", squeezed)
    if not match or match.group(1) in SAFE_SCHEMES:
        return None
    return match.group(1)


def _address_finding(line: int, url: str) -> Finding:
    scheme = unsafe_address(url)
    shown = " ".join(url.split())
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    if scheme in ("javascript", "vbscript"):
        hint = "partner pages run no scripts: link to a web address (https://...) or a page of the site"
    elif scheme == "data":
        hint = "save the image or file under content/ and write its path, e.g. ![Map](map.png)"
    else:
        hint = "write a web address starting with https://, a mailto: or tel: address, or a path to a file of the site"
    return Finding(line, f'the address "{shown}" ({scheme}:) is not allowed in a link or image', hint)


def links(markdown: str, first_line: int, blanked: bool = False) -> list[Link]:
    """The Markdown links and images of a body with their file lines (raw HTML links are not checked here)."""
    text = markdown if blanked else blank_code(markdown)
    found = []
    for pattern, group in ((_INLINE_LINK, 3), (_REFERENCE, 2)):
        if "](" not in text and "]:" not in text:
            break
        for match in pattern.finditer(text):
            target = match.group(group).strip("<>")
            image = pattern is _INLINE_LINK and match.group(1) == "!"
            found.append(Link(first_line + text.count("\n", 0, match.start()), target, image))
    return found


def anchors(markdown: str) -> set[str]:
    """The ids a page's headings get (toc's default slugs, made unique as toc does), and ids set by hand."""
    text = blank_code(markdown)
    ids: set[str] = set()
    for match in _HEADING.finditer(text):
        heading = match.group(2)
        given = _HEADING_ID.search(heading)
        if given:
            ids.add(given.group(1))
            continue
        ids.add(unique(slugify(plain(re.sub(r"\{[^{}]*\}\s*$", "", heading)), "-"), ids))
    lines = text.split("\n")
    for index in range(1, len(lines)):  # setext headings: a line of text underlined with === or ---
        if (
            re.match(r"^(=+|-+)[ \t]*$", lines[index])
            and lines[index - 1].strip()
            and not lines[index - 1].startswith(("#", "-", "*", "|"))
        ):
            ids.add(unique(slugify(plain(lines[index - 1]), "-"), ids))
    # Ids written in raw HTML (read leniently: an id wrongly found only spares a link an error).
    ids.update(re.findall(r"""\b(?:id|name)=["']([^"']+)["']""", text))
    ids.update(re.findall(r"\{[^{}\n]*#([\w:.-]+)[^{}\n]*\}", text))
    return ids


_SVG_FORBIDDEN = frozenset(("script", "foreignobject", "iframe", "object", "embed", "handler", "listener"))


def check_svg(data: bytes) -> list[Finding]:
    """An SVG image is a document a browser runs when opened on its own: no script, handlers or script links."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        return [
            Finding(
                err.lineno or 1,
                f"the SVG image cannot be read ({err.msg})",
                "save it again from your drawing program as a plain SVG file",
            )
        ]
    findings = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname.lower()
        line = element.sourceline or 1
        if name in _SVG_FORBIDDEN:
            findings.append(
                Finding(
                    line,
                    f"the SVG image holds a <{etree.QName(element).localname}> element",
                    "remove it, or export the image as PNG: images on the site run no scripts",
                )
            )
        for attr, value in element.attrib.items():
            local = etree.QName(attr).localname.lower()
            if local.startswith("on"):
                findings.append(
                    Finding(
                        line,
                        f'the SVG image has an attribute "{local}" that would run a script',
                        "remove it, or export the image as PNG: images on the site run no scripts",
                    )
                )
            elif local == "href" and unsafe_address(value) and not (name != "a" and unsafe_address(value) == "data"):
                findings.append(_address_finding(line, value))
    return findings
