"""Checks made once every file is read: each id a file names exists, and each Markdown link
and image leads to a page, an anchor or a file that exists."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Mapping
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from .. import fields as F
from .. import markup
from ..text import slug_hint
from .reading import Reading


def unsafe_or_external(target: str) -> bool:
    """A link with a scheme (https:, mailto:, javascript: ...) or to another host: not a file of the site."""
    parts = urlsplit(target)
    return bool(parts.scheme or parts.netloc or target.startswith("//"))


def resolve(reading: Reading, content_ids: Mapping[str, set[str]], names: Mapping[str, Mapping[str, str]]) -> None:
    """Every id named exists; `names` maps each kind's labels or names (casefolded) to ids, for the fix."""
    files = {"cluster": "clusters", "topic": "topics"}
    for ref in reading.references:
        known = content_ids[ref.kind]
        if ref.id in known:
            continue
        by_name = names.get(ref.kind, {})
        named = by_name.get(" ".join(ref.id.split()).casefold()) or by_name.get(slug_hint(ref.id))
        # An id written as a file name or path ("harbour-lab.md", "../livinglabs/harbour-lab.md"): its last part.
        as_file = posixpath.basename(ref.id.strip().rstrip("/")).removesuffix(".md")
        if not ref.id_form and as_file != ref.id and as_file in known:
            reading.problem(
                ref.file,
                f"{F.describe(ref.id)} is a file name or path, not a {ref.kind.replace('livinglab', 'living lab')} id",
                f'write "{as_file}": the id alone, without folder and ".md"',
                field=ref.field,
                line=ref.line,
            )
            continue
        if not ref.id_form:
            hint = (
                f'write "{named}" (the id of "{ref.id}")'
                if named
                else f"write the id exactly as in {F.Ref.WHERE[ref.kind]} (lowercase, hyphens)"
            )
            reading.problem(
                ref.file,
                f"{F.describe(ref.id)} is not a {ref.kind.replace('livinglab', 'living lab')} id",
                hint,
                field=ref.field,
                line=ref.line,
            )
            continue
        if files.get(ref.kind) in reading.unreadable:
            continue  # the file could not be read: its own problem is reported, not one per mention
        guess = named or F.did_you_mean(ref.id, known)
        hint = f'did you mean "{guess}"? ' if guess else ""
        hint += f"use an id that exists in {F.Ref.WHERE[ref.kind]}" + (
            ", or add the new topic there first" if ref.kind == "topic" else ""
        )
        reading.problem(
            ref.file,
            f'there is no {ref.kind.replace("livinglab", "living lab")} "{ref.id}"',
            hint,
            field=ref.field,
            line=ref.line,
        )


class LinkCheck:
    """Every Markdown link and image of every page, against the pages and files there are."""

    def __init__(
        self,
        reading: Reading,
        pages: set[str],
        files: set[str],
        generated: set[str],
        withheld: Mapping[str, str] | None = None,
    ):
        self.reading = reading
        self.pages, self.files, self.generated = pages, files, generated
        self.withheld = withheld or {}  # pages this build does not publish, and the day they will be
        self.docs_dir = reading.sources.docs_dir

    def run(self) -> None:
        for rel, src, link in self.reading.links:
            target = html.unescape(link.target)  # as a browser reads it: "&#106;avascript:" is "javascript:"
            if target and not unsafe_or_external(target):
                message_hint = self.fault(src, link)
                if message_hint:
                    self.reading.problem(rel, *message_hint, line=link.line)

    def fault(self, src: str, link: markup.Link) -> tuple[str, str] | None:
        """What is wrong with one link of the page `src`, and the fix; None when it leads somewhere."""
        target = link.target
        here = PurePosixPath(src).parent
        path, _, anchor = unquote(target).partition("#")
        if path.startswith("/"):
            return (
                f'the link "{target}" starts with "/"',
                'write it relative to this file, e.g. "../events/index.md" from a page in content/events/',
            )
        resolved = posixpath.normpath((here / path).as_posix()) if path else src
        if resolved.startswith("../"):
            return (
                f'the link "{target}" leads outside {self.docs_dir}/',
                f"link only to pages and files in {self.docs_dir}/, or use a full https:// address",
            )
        if link.image or not resolved.endswith(".md") and PurePosixPath(resolved).suffix:
            return self.file_fault(target, resolved, here, link.image)
        if not resolved.endswith(".md"):
            return self.address_fault(target, resolved, here)
        if resolved not in self.pages and resolved not in self.generated:
            guess = F.did_you_mean(resolved, self.pages | self.generated)
            return (
                f'the link "{target}" leads to no page',
                (f'did you mean "{posixpath.relpath(guess, here.as_posix())}"? ' if guess else "")
                + "write the file name of an existing page, relative to this file",
            )
        if resolved in self.withheld:
            return (
                f'the link "{target}" leads to a page this build does not publish: it is dated {self.withheld[resolved]}',
                "remove the link until that day, or link to a page that is published now",
            )
        if anchor and resolved in self.reading.bodies and not anchor.startswith(("fn:", "fnref:")):
            return self.anchor_fault(resolved, anchor)
        return None

    def file_fault(self, target: str, resolved: str, here: PurePosixPath, image: bool) -> tuple[str, str] | None:
        if resolved in self.files:
            return None
        what = "image" if image else "file"
        guess = F.did_you_mean(resolved, self.files)
        return (
            f'the {what} "{target}" does not exist',
            (f'did you mean "{posixpath.relpath(guess, here.as_posix())}"? ' if guess else "")
            + f"put the {what} in {self.docs_dir}/ and write its path relative to this file",
        )

    def address_fault(self, target: str, resolved: str, here: PurePosixPath) -> tuple[str, str]:
        """A link to a web address (`../events/`) instead of the page's file."""
        for page in (resolved.rstrip("/") + "/index.md", resolved.rstrip("/") + ".md"):
            if page in self.pages or page in self.generated:
                return (
                    f'the link "{target}" is a web address, not a page file',
                    f'link to the page\'s file: "{posixpath.relpath(page, here.as_posix())}"',
                )
        return f'the link "{target}" leads to no page', "link to the .md file of a page that exists"

    def anchor_fault(self, resolved: str, anchor: str) -> tuple[str, str] | None:
        known = markup.anchors(self.reading.bodies[resolved])
        if anchor in known:
            return None
        guess = F.did_you_mean(anchor, known)
        return (
            f'the page "{resolved}" has no heading with the anchor "#{anchor}"',
            (f'did you mean "#{guess}"? ' if guess else "")
            + "anchors are the heading's words in lowercase, joined by hyphens",
        )
