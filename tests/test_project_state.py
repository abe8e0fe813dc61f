"""The site knows whether the project is running (mkdocs.yml: extra.project): the real site, built
after the project's end, speaks of it as finished; the same content with a period that has not
ended yet (and one event ahead) as running."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import BUILD_EPOCH, ROOT, copy_project, mkdocs_build
from lxml import html as lxml_html

FINISHED = "The project ran from 2016 to 2020; this site keeps its results, events and news."


def text_of(site, path: str) -> str:
    doc = lxml_html.fromstring((site / path / "index.html").read_bytes())
    for bad in doc.xpath("//script|//style"):
        bad.drop_tree()
    return " ".join(doc.xpath("string(//article)").split())


@pytest.fixture(scope="module")
def running_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("running"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    end: 2020-12-31\n" in text
    config.write_text(text.replace("    end: 2020-12-31\n", "    end: 2030-06-30\n"), encoding="utf-8")
    (project / "content" / "events" / "2027-03-oslo-meeting.md").write_text(
        '---\ntitle: A meeting ahead\ntype: meeting\nstart: "2027-03-10"\nlocation:\n  city: Oslo\n'
        '  country: "NO"\n---\n\nA meeting after the build.\n',
        encoding="utf-8",
    )
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_period_is_set_once_in_mkdocs_yml():
    project = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0])["extra"]["project"]
    assert project["start"] == dt.date(2016, 11, 1) and project["end"] == dt.date(2020, 12, 31)


def test_a_finished_project_reads_as_finished(built_site):
    home = text_of(built_site, "")
    assert FINISHED in home
    assert "Next events" not in home and "No event is scheduled" not in home
    assert "The project's last events" in home  # the events it held, not an empty block
    subscribe = text_of(built_site, "subscribe")
    assert "The project ran from 2016 to 2020" in subscribe
    assert "as soon as it is published" not in subscribe and "It stays up to date" not in subscribe
    assert "as a record" in subscribe
    events = text_of(built_site, "events")
    assert "The project ran from 2016 to 2020; this page keeps the record of its events." in events
    assert "Upcoming events" not in events and "No event is scheduled" not in events


def test_a_running_project_reads_as_running(running_site):
    home = text_of(running_site, "")
    assert "The project runs from 1 November 2016 to 30 June 2030." in home
    assert "ran from" not in home and "Next events" in home
    doc = lxml_html.fromstring((running_site / "index.html").read_bytes())
    assert doc.xpath('//h2[@id="next-events"]/following-sibling::ul[1]/li[not(@hidden)]')
    subscribe = text_of(running_site, "subscribe")
    assert "as soon as it is published" in subscribe and "ran from" not in subscribe
    events = text_of(running_site, "events")
    assert "Upcoming events" in events and "ran from" not in events


def test_home_title_is_the_site_name_once(built_site):
    doc = lxml_html.fromstring((built_site / "index.html").read_bytes())
    assert doc.findtext(".//title") == "Northern Connections"


def test_home_partner_list_reads_one_name_per_partner(built_site):
    partners = yaml.safe_load((ROOT / "data" / "partners.yaml").read_text(encoding="utf-8"))["partners"]
    doc = lxml_html.fromstring((built_site / "index.html").read_bytes())
    lines = doc.xpath('//ul[@class="nc-partner-countries"]/li')
    assert lines
    for line in lines:
        country = line.findtext("strong").rstrip(":")
        names = line.text_content().split(":", 1)[1].strip().split(", ")
        code = {"Germany": "DE", "Denmark": "DK", "Sweden": "SE", "Norway": "NO", "Netherlands": "NL"}.get(country)
        if code:
            assert len(names) == sum(1 for p in partners if p["country"] == code), (country, names)


def test_feed_address_breaks_only_after_a_slash(built_site):
    raw = (built_site / "subscribe" / "index.html").read_text(encoding="utf-8")
    doc = lxml_html.fromstring(raw)
    code = doc.get_element_by_id("feed-address")
    assert code.text_content().endswith("/feed.xml")
    inner = lxml_html.tostring(code, encoding="unicode")
    assert "feed.xml" in inner and "/<wbr>" in inner


@pytest.mark.parametrize("width", [360, 375, 390, 414])
def test_addresses_keep_their_file_names_whole_on_a_phone(browser, site_url, width):
    """The feed and calendar addresses break after a slash, never inside "feed.xml" ("feed.xm / l")."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + "subscribe/")
    rects = page.evaluate(
        """() => [["feed-address", "feed.xml"], ["calendar-address", "calendar.ics"]].map(([id, name]) => {
          const code = document.getElementById(id);
          const node = [...code.childNodes].filter(n => n.nodeType === 3).pop();
          const range = document.createRange();
          const at = node.data.lastIndexOf(name);
          range.setStart(node, at); range.setEnd(node, at + name.length);
          return range.getClientRects().length;
        })"""
    )
    context.close()
    assert rects == [1, 1]
