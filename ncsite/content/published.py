"""What a partner's page will really publish: its body rendered, judged and sanitised.

A body is rendered by the same Python-Markdown with the same extensions as the build
(`markdown_extensions`, made once from the names and settings of mkdocs.yml, for the
build's hooks and for `ncsite check` alike), and the verdict is taken on that HTML,
never on a guess from the Markdown source: whatever Python-Markdown shows as code (an
indented block, a fence, a code span) is text in the HTML and is allowed; whatever it
passes through as HTML (a `~~~ two words` line that is no fence, backticks inside a raw
`<div>`) is HTML and is judged.

The verdict (`judge`) reads the HTML with the standard library's HTML tokenizer, which
decodes character references in attribute values as browsers do, and refuses what the
sanitiser would remove or change: elements and attributes outside the allow-list below,
`on…=` handlers, addresses whose scheme is not web, mail or phone (`javascript:`,
`vbscript:`, `data:`, in any encoding: entities, mixed case, tabs and control characters
inside), and images from another host. `sanitise` is the second line, applied to every
page: `nh3` (Rust's `ammonia`) with the same allow-list, so even HTML the verdict misread
cannot reach a reader. Source lines are found afterwards, by looking for what was refused
in the Markdown (`locate`): the source is read only to say where.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
import nh3

from .markup import blank_code
from .yamlsrc import Document, split_front_matter

# MkDocs adds these to every site's extensions, before the ones mkdocs.yml names.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")

# Tags partners need for text, tables and notes, and the ones our Markdown extensions write
# (codehilite: div, pre, span, code; footnotes: sup, hr, ol; admonition: div, p; toc: a).
ALLOWED_TAGS = frozenset(
    """
    a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure
    h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub summary sup
    table tbody td tfoot th thead time tr u ul var wbr
""".split()
)
GENERIC_ATTRIBUTES = frozenset(("class", "id", "title", "lang", "dir"))
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset(("href", "name")),
    "abbr": frozenset(),
    "blockquote": frozenset(("cite",)),
    "q": frozenset(("cite",)),
    "del": frozenset(("cite", "datetime")),
    "ins": frozenset(("cite", "datetime")),
    "img": frozenset(("src", "alt", "width", "height", "loading")),
    "ol": frozenset(("start", "reversed", "type")),
    "td": frozenset(("colspan", "rowspan", "headers", "align", "style")),
    "th": frozenset(("colspan", "rowspan", "headers", "scope", "abbr", "align", "style")),
    "col": frozenset(("span",)),
    "colgroup": frozenset(("span",)),
    "time": frozenset(("datetime",)),
    "details": frozenset(("open",)),
}
# The only style a page may carry: the column alignment Markdown tables write.
ALLOWED_STYLES = frozenset(("text-align",))
URL_ATTRIBUTES = frozenset(("href", "src", "cite"))
SAFE_SCHEMES = frozenset(("http", "https", "mailto", "tel"))
# Elements that fetch what their address names when the page is shown (the allow-list keeps only <img>).
FETCHING = frozenset(("img",))

_WHY_NOT = {
    "script": "partner pages run no scripts: remove it (to show code, put it in a fenced block: ``` on a line of its own before and after)",
    "iframe": "embedded pages are not allowed: link to it instead, e.g. [Watch the video](https://...)",
    "frame": "embedded pages are not allowed: link to it instead, e.g. [Watch the video](https://...)",
    "object": "embedded content is not allowed: link to it instead, e.g. [The report](report.pdf)",
    "embed": "embedded content is not allowed: link to it instead, e.g. [The report](report.pdf)",
    "video": "videos are not embedded: link to it instead, e.g. [Watch the video](https://...)",
    "audio": "recordings are not embedded: link to it instead, e.g. [Listen](https://...)",
    "source": "media are not embedded: link to it instead, e.g. [Watch the video](https://...)",
    "picture": "write the image in Markdown instead: ![Group photo](photo.jpg)",
    "style": "the site's stylesheet styles every page: remove it",
    "link": "the site's stylesheet styles every page: remove it",
    "form": "forms are not allowed in page text: link to the form instead, e.g. [Register](https://...)",
    "input": "forms are not allowed in page text: link to the form instead, e.g. [Register](https://...)",
    "button": "forms are not allowed in page text: link to the form instead, e.g. [Register](https://...)",
    "textarea": "forms are not allowed in page text: link to the form instead, e.g. [Register](https://...)",
    "select": "forms are not allowed in page text: link to the form instead, e.g. [Register](https://...)",
    "image": "write the image in Markdown, with the photo beside the page: ![Group photo](photo.jpg)",
    "noscript": "remove it: pages run no scripts of their own, so nothing is needed for when scripts are off",
    "template": "remove it: what it holds is not shown",
    "svg": "save the drawing as an image file beside the page and write ![Drawing](drawing.svg)",
    "math": "write the formula as text, or save it as an image beside the page",
    "base": "remove it: links are written relative to the page",
    "meta": "remove it: the site writes the page's head",
}
_ALLOWED_TEXT = "allowed HTML tags: table, tr, th, td, br, sup, sub, abbr, details, summary and the other text tags; or write it in Markdown"
PHOTO_HINT = "download the photo and put it beside the page: ![Group photo](photo.jpg)"


# -- rendering -----------------------------------------------------------------


def extension_settings(config: Mapping[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions of a mkdocs.yml (as read by `ncsite.config`), as MkDocs reads them:
    its built-in ones first, then the file's, each once, with their settings."""
    names = list(MKDOCS_BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, settings in entry.items():
                names.append(name)
                configs[name] = dict(settings or {})
        else:
            names.append(str(entry))
    return list(dict.fromkeys(names)), configs


def markdown_extensions(
    names: Iterable[str | markdown.Extension], configs: Mapping[str, Mapping[str, Any]]
) -> list[markdown.Extension]:
    """The extensions made once, with their settings: the build's pages and the check share them.

    Python-Markdown takes made extensions: each registers its processors on every
    `Markdown` it is given to and is reset with it, so pages share no state.
    """
    factory = markdown.Markdown()
    return [
        factory.build_extension(name, dict(configs.get(name, {}))) if isinstance(name, str) else name for name in names
    ]


class Renderer:
    """One Python-Markdown, reset between bodies: the HTML the build publishes for a body."""

    def __init__(self, extensions: Sequence[markdown.Extension]):
        self._md = markdown.Markdown(extensions=list(extensions))

    def html(self, body: str) -> str:
        self._md.reset()
        return self._md.convert(body)


# -- the verdict -------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """One thing the rendered HTML may not hold; `needles` are what to look for in the source, for the line."""

    message: str
    hint: str
    needles: tuple[str, ...]


def unsafe_scheme(url: str) -> str | None:
    """The scheme of an address a page may not hold, or None (web, mail, phone or a path of the site).

    Browsers drop tabs, newlines and control characters anywhere in an address and
    read the scheme in any case ("JaVa\\tScRiPt:"), so this does too; character
    references are already decoded by the tokenizer.
    """
    squeezed = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", squeezed)
    if not match or match.group(1) in SAFE_SCHEMES:
        return None
    return match.group(1)


def other_host(url: str) -> str | None:
    """The host of an address on another site (`https://cdn.example/x.jpg`, `//cdn.example/x`), or None."""
    squeezed = re.sub(r"[\x00-\x20\x7f]", "", url).replace("\\", "/")
    if squeezed.startswith("//") or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", squeezed):
        return urlsplit(squeezed).hostname or "another site"
    return None


def _shown(url: str) -> str:
    text = " ".join(url.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _address_refusal(tag: str, name: str, value: str, scheme: str) -> Refusal:
    if scheme in ("javascript", "vbscript", "livescript"):
        hint = "partner pages run no scripts: link to a web address (https://...) or a page of the site"
    elif scheme == "data":
        hint = "save the image or file under content/ and write its path, e.g. ![Map](map.png)"
    else:
        hint = "write a web address starting with https://, a mailto: or tel: address, or a path to a file of the site"
    tail = value.split(":", 1)[-1].strip()
    needles = (value.strip(), *((tail,) if len(tail) >= 4 else ()), f"{scheme}:", f"{name}=")
    return Refusal(f'the address "{_shown(value)}" ({scheme}:) is not allowed in a link or image', hint, needles)


def _styles(value: str) -> list[str]:
    """The property names of a style attribute other than the allowed ones."""
    names = (part.split(":", 1)[0].strip().lower() for part in value.split(";") if part.strip())
    return [name for name in names if name not in ALLOWED_STYLES]


_UNCLOSED_COMMENT = Refusal(
    "an HTML comment is opened with <!-- and never closed: the page would show it, or hide what follows",
    "close it with --> where the comment ends, or delete the <!--",
    ("<!--",),
)
_FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")  # what Python-Markdown leaves as text without a definition


def _attribute_refusal(tag: str, name: str, value: str, allowed: frozenset[str]) -> Refusal | None:
    """Why one attribute of an allowed tag is refused, or None."""
    style_hint = "remove it: the site's stylesheet styles every page (only a table column's text-align may be set)"
    if name.startswith("on"):
        return Refusal(
            f'the attribute "{name}" on <{tag}> would run a script',
            "remove it: partner pages run no scripts",
            (f"{name}=", name),
        )
    if name == "style" and "style" not in allowed:
        return Refusal(f'the attribute "style" on <{tag}> is not allowed', style_hint, ("style=", "style"))
    if name not in GENERIC_ATTRIBUTES and name not in allowed:
        return Refusal(
            f'the attribute "{name}" on <{tag}> is not allowed',
            "remove it; allowed attributes: id, class, title, lang, dir, and href on links, "
            "src, alt, width and height on images, colspan and rowspan on table cells",
            (f"{name}=", name),
        )
    if name == "style" and _styles(value):
        message = f'the attribute "style" on <{tag}> is not allowed ({", ".join(_styles(value))})'
        return Refusal(message, style_hint, ("style=", "style"))
    if name not in URL_ATTRIBUTES or not value:
        return None
    scheme = unsafe_scheme(value)
    if scheme:
        return _address_refusal(tag, name, value, scheme)
    host = other_host(value) if tag in FETCHING else None
    if host:
        return Refusal(
            f'the image "{_shown(value)}" is on another website ({host}): '
            "every reader's browser and feed reader would fetch it from there",
            PHOTO_HINT,
            (value.strip(), f"{name}="),
        )
    return None


class _Verdict(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refusals: list[Refusal] = []
        self.ids: dict[str, int] = {}
        self.backrefs: list[str] = []  # footnotes' links back to where they are used ("fnref:1")
        self.code = 0  # inside <code> or <pre>: text shown as it is

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre") and self.code:
            self.code -= 1

    def handle_data(self, data: str) -> None:
        if self.code:
            return
        if "<!--" in data:  # Python-Markdown shows a comment that is never closed as text
            self.refusals.append(_UNCLOSED_COMMENT)
        if "[^" not in data:
            return
        for match in _FOOTNOTE_REFERENCE.finditer(data):
            self.refusals.append(
                Refusal(
                    f'the footnote "[^{match.group(1)}]" has no text',
                    f'add its text at the end of the page, on a line of its own: "[^{match.group(1)}]: The note."',
                    (match.group(0),),
                )
            )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("code", "pre"):
            self.code += 1
        for name, value in attrs:
            if name == "id" and value:
                self._id(value)
            elif name == "href" and value and value.startswith("#fnref:") and tag == "a":
                self.backrefs.append(value[1:])
        if tag not in ALLOWED_TAGS:
            self.refusals.append(
                Refusal(
                    f"the HTML tag <{tag}> is not allowed in page text", _WHY_NOT.get(tag, _ALLOWED_TEXT), (f"<{tag}",)
                )
            )
            return
        allowed = TAG_ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            refusal = _attribute_refusal(tag, name, value or "", allowed)
            if refusal is not None:
                self.refusals.append(refusal)

    handle_startendtag = handle_starttag

    def _id(self, value: str) -> None:
        self.ids[value] = self.ids.get(value, 0) + 1
        if self.ids[value] == 2:
            self.refusals.append(
                Refusal(
                    f'two elements of the page have the id "{value}": a link to "#{value}" would find only the first',
                    f"give one of them another id, e.g. {{#{value}-2}} after the heading, or remove the id written by hand",
                    (f"#{value}", f'"{value}"', value),
                )
            )

    def close(self) -> None:
        super().close()
        for backref in self.backrefs:
            if backref not in self.ids:
                name = backref.removeprefix("fnref:").split(":")[0]
                self.refusals.append(
                    Refusal(
                        f'the footnote "[^{name}]" is defined but never used',
                        f'refer to it in the text with "[^{name}]", or delete its line "[^{name}]: …"',
                        (f"[^{name}]:",),
                    )
                )

    def unknown_decl(self, data: str) -> None:  # <![CDATA[ ... ]]> outside foreign content
        self.refusals.append(
            Refusal("the page holds a <![CDATA[ section", "remove it: write the text as it is", ("<![",))
        )


def judge(html: str) -> list[Refusal]:
    """Everything the rendered HTML holds that the sanitiser would remove or change, in page order."""
    if "<" not in html:
        return []
    verdict = _Verdict()
    verdict.feed(html)
    verdict.close()
    start = html.find("<!--")
    while start >= 0:  # outside code, Python-Markdown passes a comment through as it is
        end = html.find("-->", start + 4)
        if end < 0:
            verdict.refusals.append(_UNCLOSED_COMMENT)
            break
        start = html.find("<!--", end + 3)
    return verdict.refusals


# -- the sanitiser ------------------------------------------------------------------


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if tag in FETCHING and name == "src" and other_host(value):
        return None
    return value


_ATTRIBUTES = {"*": set(GENERIC_ATTRIBUTES), **{tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}}
_TAGS, _SCHEMES, _STYLES = set(ALLOWED_TAGS), set(SAFE_SCHEMES), set(ALLOWED_STYLES)
_IMAGE = re.compile("<im(?:g|age)", re.IGNORECASE)  # browsers and html5ever read <image> as <img>
_CLEAN_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"}


def _cleaner(attribute_filter: Any = None) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=_TAGS,
        clean_content_tags=_CLEAN_CONTENT,
        attributes=_ATTRIBUTES,
        attribute_filter=attribute_filter,
        strip_comments=False,  # serialised as they are, then dropped but for the templates' markers (sanitise)
        link_rel=None,
        url_schemes=_SCHEMES,
        filter_style_properties=_STYLES,
    )


# Two fixed configurations of the sanitiser, made once (a third of the time of each call when
# made per page): constants like compiled patterns, holding nothing of any build.
_CLEANER = _cleaner()
# The comments a template looks for in a page's HTML (about.html puts the partners there). Every
# other comment is an editor's note that no reader should find in the page source: dropped. In the
# sanitiser's output a comment is always "<!--" data "-->", and "<!--" in text or code is "&lt;!--".
TEMPLATE_MARKERS = frozenset({"<!-- ncsite:partners -->"})
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Each attribute through Python is a third of the time: only where an image could be.
_CLEANER_IMAGES = _cleaner(_keep_attribute)


def sanitise(html: str) -> str:
    """The HTML a reader gets: only the allowed tags, attributes and addresses.

    What the verdict refused never gets this far in a build that succeeds; this is the
    second line, for whatever a tokenizer other than the browser's could misread.
    """
    clean = (_CLEANER_IMAGES if _IMAGE.search(html) else _CLEANER).clean(html)
    return _COMMENT.sub(lambda m: m[0] if m[0] in TEMPLATE_MARKERS else "", clean) if "<!--" in clean else clean


# -- where in the source --------------------------------------------------------------


def locate(refusals: Sequence[Refusal], body: str, first_line: int) -> list[int]:
    """The nearest source line of each refusal: the n-th refusal with the same needle is on the line
    of the n-th place the needle occurs in the body (case-insensitive), places that look like code
    (a fence, a code span, an indented line) last; the body's first line when the needle is not
    there as written (an address made of character references, say)."""
    lowered = body.lower()
    code = _code_lines(body)
    places: dict[str, list[int]] = {}  # needle -> its places, most likely first
    used: dict[str, int] = {}
    lines = []
    for refusal in refusals:
        line = first_line
        for needle in refusal.needles:
            key = needle.lower()
            if not key:
                continue
            if key not in places:
                found = [body.count("\n", 0, m.start()) for m in re.finditer(re.escape(key), lowered)]
                places[key] = sorted(found, key=lambda n: n in code)
            if places[key]:
                index = min(used.get(key, 0), len(places[key]) - 1)  # more refusals than places: the last
                used[key] = index + 1
                line = first_line + places[key][index]
                break
        lines.append(line)
    return lines


def _code_lines(body: str) -> set[int]:
    """The body's lines (0-based) that a reader would take for code: in a ``` or ~~~ fence, holding a
    code span, or indented by four spaces or a tab."""
    blanked = blank_code(body).split("\n")
    return {
        number
        for number, (line, seen) in enumerate(zip(body.split("\n"), blanked, strict=False))
        if line != seen or line.startswith(("    ", "\t"))
    }


# -- bodies of a project --------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    """A page's Markdown text as its file holds it: the file (relative to the project root) and
    the file line the text starts on."""

    file: str
    text: str
    first_line: int


def refused(body: Body, html: str) -> list[tuple[int, Refusal]]:
    """What the rendered HTML of a body may not hold, each with its nearest source line."""
    refusals = judge(html)
    return list(zip(locate(refusals, body.text, body.first_line), refusals, strict=True)) if refusals else []


def body_of(path: Path, file: str) -> Body:
    """The body of a page file as the loader reads it (after its front matter, if it has one)."""
    text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
    doc = split_front_matter(text) if text.startswith("---") else None
    if isinstance(doc, Document):
        return Body(file, doc.body, doc.body_line)
    return Body(file, text, 1)
