"""The loader reads the page paths the features declare (ncsite/content/paths.py): a generated
page's own Markdown is its introduction, a record may not take a reserved name, and a page may
not take the address of a page made from a data file. The site's own declarations are
gathered in `ncsite.features.PAGE_PATHS`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ncsite.content.load import load_content
from ncsite.content.paths import PagePaths, RecordPages, Reserved, address
from ncsite.content.readers import READERS, DataReader, PagesReader, SectionReader
from ncsite.content.sources import Sources
from ncsite.features import PAGE_PATHS

EVENT = '---\ntitle: A meeting\ntype: meeting\nstart: "2019-06-12"\n---\n\nAbout it.\n'
PATHS = PagePaths(
    generated=("news/index.md",),
    reserved=(Reserved("events", "calendar", "events/calendar.ics is the feed"), Reserved("people", "guide", "a page")),
    records=(RecordPages("people", "cluster", "cluster pages are made from data"),),
)


def _project(tmp_path: Path, files: dict[str, str]) -> Sources:
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return Sources(tmp_path, today=dt.date(2026, 1, 1))


def test_declared_paths_are_what_the_loader_reads(tmp_path):
    clusters = "clusters:\n  - id: acme\n    name: Acme\n    country: DK\n"
    sources = _project(
        tmp_path,
        {
            "data/clusters.yaml": clusters,
            "content/events/calendar.md": EVENT,
            "content/events/2019-06-12-meeting.md": EVENT,
            "content/people/guide.md": "# A page written by hand at a reserved name: it is that page\n",
            "content/people/acme.md": "# In a cluster's place\n",
            "content/people/someone.md": "# Not a cluster\n",
            "content/news/index.md": "---\ntitle: News\n---\n\nThe introduction.\n",
        },
    )
    content, problems = load_content(sources, PATHS)
    found = {(p.file, p.message) for p in problems}
    assert found == {
        (
            "content/events/calendar.md",
            'the file name "calendar.md" is taken by the site (events/calendar.ics is the feed)',
        ),
        ("content/people/acme.md", 'this page would take the address of the cluster "acme"'),
    }
    assert [e.slug for e in content.events] == ["2019-06-12-meeting"]
    assert set(content.pages) == {"news/index.md", "people/guide.md", "people/someone.md"}
    # Without the declarations, the same files are ordinary pages and records.
    content, problems = load_content(sources, PagePaths())
    assert problems == [] and {e.slug for e in content.events} == {"calendar", "2019-06-12-meeting"}


def test_the_sites_features_declare_their_pages():
    assert {"events/index.md", "matchpoint/index.md", "livinglabs/index.md", "newsletter/index.md"} <= set(
        PAGE_PATHS.generated
    )
    assert PAGE_PATHS.reserved_in("events")["calendar"].why == "events/calendar.ics is the calendar feed"
    assert [(r.section, r.kind) for r in PAGE_PATHS.records] == [("matchpoint", "cluster")]


def test_one_reader_per_kind_in_one_table():
    sections = [r.section for r in READERS if issubclass(r, SectionReader)]
    files = [r.file for r in READERS if issubclass(r, DataReader)]
    assert sections == ["events", "livinglabs", "newsletter"]
    assert files == ["northsea-map.json", "places.yaml", "topics.yaml", "clusters.yaml", "partners.yaml"]
    assert [r for r in READERS if issubclass(r, PagesReader)] == [PagesReader]
    assert len({r.field for r in READERS}) == len(READERS)  # each fills its own part of the content


def test_an_address_is_the_path_without_md():
    assert address("matchpoint/register.md") == "matchpoint/register/"
    assert address("events/index.md") == "events/"
    assert address("index.md") == ""
