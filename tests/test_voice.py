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


def test_every_result_says_where_to_get_it(built_site):
    """Each result page: a link to the thing where a source gives one, else whom to ask."""
    results = sorted(p.parent.name for p in built_site.glob("results/*/index.html"))
    assert len(results) >= 3
    pages = [f"results/{name}" for name in results] + ["events/2020-09-final-conference"]
    for page in pages:
        doc = lxml_html.fromstring((built_site / page / "index.html").read_bytes())
        heading = doc.xpath(
            '//article//h2[starts-with(normalize-space(.), "Where to get it") or '
            'starts-with(normalize-space(.), "Slides and recording")]'
        )
        assert heading, page
        section = heading[0].xpath("following-sibling::p[1]")[0]
        links = section.xpath(".//a/@href")
        assert any(h.startswith("https://") for h in links) or any("contact/" in h for h in links), page
        asked = heading[0].xpath("following-sibling::p[position() <= 2]//a[contains(@href, 'contact/')]")
        assert asked, page  # whom to ask, where no source links the document, slides or recording
