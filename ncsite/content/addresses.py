"""Where each page of content/ will be served, found before MkDocs warns about it.

MkDocs, in strict mode, stops the build with bare warnings for what a partner can easily
do: a new ordinary page that no menu lists ("not included in the nav configuration"), a
README.md beside an index.md ("Excluding 'README.md' ... conflicts with 'index.md'").
Two files served at the same address (`kiel.md` and `kiel/index.md`) are not even
warned about: one page silently replaces the other. The check finds these first, with
the file and a fix that overwrites nothing.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pathspec


@dataclass(frozen=True)
class Finding:
    """A page (its path under docs_dir) and what is wrong with its address."""

    src: str
    message: str
    hint: str


def address(src: str) -> str:
    """The site path a page is served at (directory URLs): a/b.md -> a/b/, a/index.md and a/README.md -> a/."""
    folder, name = posixpath.split(src)
    stem = name.removesuffix(".md")
    if stem in ("index", "README"):
        return folder + "/" if folder else ""
    return posixpath.join(folder, stem) + "/"


def nav_pages(nav: Any) -> set[str]:
    """The pages a mkdocs.yml `nav` lists (its entries that are not web addresses)."""
    found: set[str] = set()
    if isinstance(nav, str):
        if "://" not in nav and nav.endswith(".md"):
            found.add(nav.lstrip("/"))
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= nav_pages(value)
    elif isinstance(nav, list):
        for item in nav:
            found |= nav_pages(item)
    return found


def findings(pages: Iterable[str], nav: Any = None, not_in_nav: str | None = None) -> Iterator[Finding]:
    """What MkDocs would refuse or silently lose about the pages' addresses; `nav` and `not_in_nav`
    as mkdocs.yml gives them (no `nav`: MkDocs makes the menu from every page)."""
    pages = sorted(pages)
    present = set(pages)
    for src in pages:
        folder, name = posixpath.split(src)
        if name == "README.md" and posixpath.join(folder, "index.md") in present:
            yield Finding(
                src,
                f'"README.md" is left out of the site because "index.md" is in the same folder ({folder or "content"}/)',
                'give it a name of its own (e.g. "about-this-folder.md"), or remove it: README.md is only '
                "the folder's page where there is no index.md",
            )
    by_address: dict[str, list[str]] = {}
    for src in pages:
        if posixpath.basename(src) == "README.md" and posixpath.join(posixpath.dirname(src), "index.md") in present:
            continue
        by_address.setdefault(address(src), []).append(src)
    for where, srcs in by_address.items():
        for src in srcs[1:]:
            stem = posixpath.basename(posixpath.dirname(src)) if src.endswith(("/index.md", "/README.md")) else None
            free = _free_name(stem or posixpath.basename(src).removesuffix(".md"), posixpath.dirname(src), present)
            yield Finding(
                src,
                f'this page and "{srcs[0]}" would both be served at /{where}: one would replace the other',
                f'rename this one, e.g. to "{free}" (a name no other page has)',
            )
    if nav is None:
        return
    renamed = {src for src in pages if posixpath.basename(src) == "README.md"} | {
        src for srcs in by_address.values() for src in srcs[1:]
    }
    listed = nav_pages(nav) | renamed  # a page to be renamed anyway is not asked for a menu entry too
    spec = pathspec.GitIgnoreSpec.from_lines((not_in_nav or "").splitlines())
    for src in pages:
        folder, name = posixpath.split(src)
        if (
            src in listed
            or spec.match_file(src)
            or name == "README.md"
            and posixpath.join(folder, "index.md") in present
        ):
            continue
        yield Finding(
            src,
            "no menu of the site lists this page: MkDocs refuses a page that is neither in the menu "
            '("nav:" in mkdocs.yml) nor marked as reached by links only ("not_in_nav:")',
            f'add it to "nav:" in mkdocs.yml (e.g. "  - {_title(src)}: {src}"), or, for a page reached by '
            f'links only, add the line "/{src}" under "not_in_nav:"',
        )


def _free_name(stem: str, folder: str, present: set[str]) -> str:
    for n in range(2, 100):
        candidate = f"{stem}-{n}.md"
        path = posixpath.join(folder, candidate)
        if path not in present and posixpath.join(folder, f"{stem}-{n}", "index.md") not in present:
            return candidate
    return f"{stem}-new.md"


def _title(src: str) -> str:
    name = posixpath.basename(src).removesuffix(".md")
    if name == "index":
        name = posixpath.basename(posixpath.dirname(src)) or "Home"
    return name.replace("-", " ").capitalize()
