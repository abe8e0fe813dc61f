"""The project's own voice in the built site: no editor's note in the published files, no
archivist's doubt in the visible text."""

from __future__ import annotations

import re

from lxml import html as lxml_html

DOUBT = re.compile(r"whether it took place|sources disagree|not known whether|is not known", re.IGNORECASE)


def test_no_html_comment_reaches_any_built_file(built_site):
    """Editors' notes live in the source files (YAML comments in the front matter), never in site/."""
    found = []
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".ics", ".js", ".txt", ".csv", ".md"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            if "<!--" in text or "&lt;!--" in text:
                found.append(path.relative_to(built_site).as_posix())
    assert found == []


def test_no_visible_text_doubts_its_own_facts(built_site):
    offenders = []
    for path in built_site.rglob("index.html"):
        doc = lxml_html.fromstring(path.read_bytes())
        for bad in doc.xpath("//script|//style|//template"):
            bad.drop_tree()
        text = " ".join(doc.text_content().split())
        match = DOUBT.search(text)
        if match:
            offenders.append((path.relative_to(built_site).as_posix(), match.group(0)))
    assert offenders == []
