"""Events as they happened, in the real site (built with "now" = 2026-11-23) and in a small
project with events before and after its "now": tentative and earlier-project events,
past events told as past, JSON-LD only with a known location, and calendars that
libical and Mozilla's ical.js accept (both run for real, on every .ics file).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import icalendar
import pytest
from conftest import ROOT, copy_project, mkdocs_build, serve_folder
from lxml import html as lxml_html

LIBICAL = ["/usr/bin/python3", str(ROOT / "tests" / "ical" / "libical_check.py")]
ICALJS = ["node", str(ROOT / "tests" / "js" / "icaljs_check.mjs")]
TENTATIVE = {"2019-12-belgium-working-days", "2020-03-gothenburg-working-days"}
INTRANET = {"2012-01-intra-net-workshop-1", "2012-06-intra-net-workshop-2", "2012-09-intra-net-workshop-3"}
HOST = "northern-connections.github.io"


def records(site: Path) -> dict[str, dict]:
    return {r["id"]: r for r in json.loads((site / "events" / "events.json").read_text(encoding="utf-8"))}


def jsonld_blocks(page: Path) -> list[dict]:
    text = page.read_text(encoding="utf-8")
    return [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.DOTALL)]


def check_with(cmd: list[str], files: list[Path]) -> dict[str, dict]:
    result = subprocess.run([*cmd, *map(str, files)], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode in (0, 1) and result.stdout, result.stderr  # 1: some file rejected, see its errors
    return {Path(r["file"]).name: r for r in map(json.loads, result.stdout.splitlines())}


# -- events.json, calendar.ics -------------------------------------------------------


def test_events_json_has_status_project_and_attendance(built_site):
    by_id = records(built_site)
    assert {i for i, r in by_id.items() if r["status"] == "tentative"} >= TENTATIVE
    assert all(r["project"] in ("Northern Connections", "InTra-Net") for r in by_id.values())
    assert {i for i, r in by_id.items() if r["project"] == "InTra-Net"} == INTRANET
    final = by_id["2020-09-final-conference"]
    assert final["online"] is True and final["attendance"] == "online"
    assert by_id["2019-06-hamburg-living-lab"]["attendance"] == "in-person"
    assert by_id["2019-11-brussels-gstic-living-lab"]["livinglab"] == ["antwerp-blue-gate", "green-energy-park"]


def test_feed_holds_no_earlier_project_event_but_each_has_its_file(built_site):
    cal = icalendar.Calendar.from_ical((built_site / "events" / "calendar.ics").read_bytes())
    uids = {str(v["uid"]).removesuffix(f"@{HOST}") for v in cal.walk("VEVENT")}
    assert uids and not uids & INTRANET
    dated = {i for i, r in records(built_site).items() if len(r["start"]) > 7}
    assert uids == dated - INTRANET
    for slug in INTRANET:
        one = icalendar.Calendar.from_ical((built_site / "events" / f"{slug}.ics").read_bytes())
        (event,) = one.walk("VEVENT")
        assert "InTra-Net" in str(event["description"])
    assert str(cal["x-wr-calname"]) == "Northern Connections events"
    for event in cal.walk("VEVENT"):
        organizer = event["organizer"]
        assert str(organizer) == str(event["url"]) and organizer.params["CN"]


def test_libical_and_icaljs_accept_every_ics_file(built_site, tmp_path):
    files = sorted((built_site / "events").glob("*.ics"))
    assert len(files) >= 12
    for name, cmd in (("libical", LIBICAL), ("ical.js", ICALJS)):
        results = check_with(cmd, files)
        assert set(results) == {f.name for f in files}, name
        rejected = {n: r["errors"] for n, r in results.items() if not r["valid"]}
        assert rejected == {}, (name, rejected)
    by_uid = {e["uid"]: e for e in check_with(ICALJS, files)["calendar.ics"]["events"]}
    assert by_uid[f"2019-06-hamburg-living-lab@{HOST}"]["start"] == "2019-06-13"
    assert by_uid[f"2019-06-hamburg-living-lab@{HOST}"]["end"] == "2019-06-14"  # exclusive end of a day event
    # The checkers can fail: without ORGANIZER libical rejects a METHOD:PUBLISH file, ical.js a broken one.
    text = (built_site / "events" / "calendar.ics").read_bytes().decode("utf-8")
    stripped = tmp_path / "no-organizer.ics"
    stripped.write_text(re.sub(r"ORGANIZER[^\r\n]*\r\n( [^\r\n]*\r\n)*", "", text), encoding="utf-8", newline="")
    assert "ORGANIZER" not in stripped.read_bytes().decode("utf-8")
    assert not check_with(LIBICAL, [stripped])["no-organizer.ics"]["valid"]
    broken = tmp_path / "broken.ics"
    broken.write_text(text.replace("END:VCALENDAR", ""), encoding="utf-8", newline="")
    assert not check_with(ICALJS, [broken])["broken.ics"]["valid"]


# -- JSON-LD ---------------------------------------------------------------------------


def test_every_event_jsonld_has_a_location_and_tells_no_untruth(built_site):
    by_id = records(built_site)
    seen = 0
    for slug, record in by_id.items():
        blocks = jsonld_blocks(built_site / "events" / slug / "index.html")
        events = [b for b in blocks if b.get("@type") == "Event"]
        if not events:
            continue
        seen += 1
        (data,) = events
        locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
        for loc in locations:
            if loc["@type"] == "Place":
                assert loc["address"]["addressLocality"] and loc["address"]["addressCountry"], slug
            else:
                assert loc["@type"] == "VirtualLocation" and loc["url"].startswith("https://"), slug
        if record["status"] == "tentative":
            assert "eventStatus" not in data
    assert seen >= 10
    for slug in INTRANET:  # no place known: no Event JSON-LD rather than one without location
        assert jsonld_blocks(built_site / "events" / slug / "index.html") == []
    # The final conference was online, and its address is not known: never an in-person Place.
    for data in jsonld_blocks(built_site / "events" / "2020-09-final-conference" / "index.html"):
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


# -- pages -------------------------------------------------------------------------


def article(site: Path, path: str):
    doc = lxml_html.fromstring((site / path / "index.html").read_text(encoding="utf-8"))
    return doc.xpath("//article")[0]


def visible_text(node) -> str:
    """The article's text without footnotes and "Sources" lists (where sources belong), nor hidden parts."""
    node = lxml_html.fromstring(lxml_html.tostring(node))
    for drop in node.xpath(
        './/*[@hidden] | .//div[contains(@class, "footnote")]'
        ' | .//h2[@id="sources"] | .//h2[@id="sources"]/following-sibling::ul[1]'
    ):
        drop.getparent().remove(drop)
    return " ".join(node.text_content().split())


def test_home_latest_events_are_the_latest_that_happened(built_site):
    doc = lxml_html.fromstring((built_site / "index.html").read_text(encoding="utf-8"))
    latest = [
        h.rstrip("/").rsplit("/", 1)[-1]
        for h in doc.xpath('//*[@id="latest-events"]//a[@class="nc-events__title"]/@href')
    ]
    assert latest == ["2020-09-final-conference", "2019-11-brussels-gstic-living-lab", "2019-06-hamburg-living-lab"]


def test_calendar_keeps_earlier_projects_apart_and_counts_what_each_filter_shows(built_site):
    doc = lxml_html.fromstring((built_site / "events" / "index.html").read_text(encoding="utf-8"))
    archive = {
        h.rstrip("/").rsplit("/", 1)[-1]
        for h in doc.xpath('//section[@class="nc-archive"]//a[@class="nc-events__title"]/@href')
    }
    earlier = [
        h.rstrip("/").rsplit("/", 1)[-1]
        for h in doc.xpath('//section[@class="nc-earlier"]//a[@class="nc-events__title"]/@href')
    ]
    assert set(earlier) == INTRANET and not archive & INTRANET
    assert earlier == sorted(earlier, reverse=True)
    badges = doc.xpath('//section[@class="nc-earlier"]//span[contains(@class, "nc-badge--project")]/text()')
    assert len(badges) == 3 and all("InTra-Net" in b for b in badges)
    filters = " ".join(" ".join(a.text_content().split()) for a in doc.xpath('//nav[@class="nc-filter"]//a'))
    # A type's count is what its filter shows: InTra-Net's three workshops too ("Workshop (1)" left them out).
    workshops = sum(1 for r in records(built_site).values() if r["type"] == "workshop")
    assert f"Workshop ({workshops})" in filters and "Earlier projects (3)" in filters
    tentative = doc.xpath('//li[contains(@class, "nc-events__item--tentative")]//a/@href')
    assert {h.rstrip("/").rsplit("/", 1)[-1] for h in tentative} >= TENTATIVE


def test_event_pages_state_facts_plainly(built_site):
    for slug in TENTATIVE:
        text = visible_text(article(built_site, f"events/{slug}"))
        assert "A planned meeting in the project's schedule." in text and "Took place" not in text
        assert "whether it took place" not in text.lower() and "not known" not in text.lower()
    # One event for Hamburg in June 2019: the schedule's working days are told in the living-lab event.
    hamburg = [r for r in records(built_site).values() if r["start"].startswith("2019-06")]
    assert [r["id"] for r in hamburg] == ["2019-06-hamburg-living-lab"]
    assert "schedule of transnational working days" in visible_text(
        article(built_site, "events/2019-06-hamburg-living-lab")
    )
    text = visible_text(article(built_site, "events/2012-01-intra-net-workshop-1"))
    assert "An event of InTra-Net, an earlier project" in text
    text = visible_text(article(built_site, "events/2020-09-final-conference"))
    assert "Took place online on 8 September 2020, streamed from Gothenburg, Sweden." in text
    text = visible_text(article(built_site, "events/2017-12-kiel-working-days"))
    assert "Took place in December 2017 in Kiel, Germany." in text
    working_notes = re.compile(r"\bsources?\b|we have found|sources disagree|do not say|give no exact", re.IGNORECASE)
    pages = [f"events/{p.stem}" for p in (ROOT / "content" / "events").glob("*.md") if p.name != "index.md"]
    pages += [f"livinglabs/{p.stem}" for p in (ROOT / "content" / "livinglabs").glob("*.md") if p.name != "index.md"]
    for page in pages:
        text = visible_text(article(built_site, page))
        assert not working_notes.search(text), (page, working_notes.search(text).group(0))


def test_green_energy_park_has_its_lab_page_with_its_event(built_site):
    lab = article(built_site, "livinglabs/green-energy-park")
    text = visible_text(lab)
    assert "Research Park Zellik" in text and "multi-energy grid" in text
    events = lab.xpath('.//h2[@id="lab-events"]/following-sibling::ul[1]//a[@class="nc-events__title"]/@href')
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in events] == ["2019-11-brussels-gstic-living-lab"]
    event = article(built_site, "events/2019-11-brussels-gstic-living-lab")
    assert event.xpath('.//dd/a[contains(@href, "livinglabs/green-energy-park/")]')


# -- a small project with events before and after its "now", in the browser -------------

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
SMALL = {
    "2024-03-past-workshop": """---
title: Past workshop with registration
type: workshop
start: "2024-03-12"
end: "2024-03-13"
location:
  venue: Wälderhaus
  city: Hamburg
  country: "DE"
registration: https://example.org/register-past
---

The report: 40 people came.
""",
    "2024-05-soon-webinar": """---
title: Webinar soon
type: webinar
start: "2024-05-02T10:00"
end: "2024-05-02T11:00"
online: https://meet.example.org/soon
registration: https://example.org/register-soon
---

The programme.
""",
    "2024-04-hybrid-day": """---
title: Hybrid day
type: conference
start: "2024-04-10"
location:
  city: Aalborg
  country: "DK"
online: https://meet.example.org/hybrid
---

Report.
""",
}


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("happened"))
    for slug, text in SMALL.items():
        (project / "content" / "events" / f"{slug}.md").write_text(text, encoding="utf-8")
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))})
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="module")
def small_url(small_site):
    url, server = serve_folder(small_site)
    yield url
    server.shutdown()


def test_online_and_hybrid_jsonld(small_site):
    (hybrid,) = jsonld_blocks(small_site / "events" / "2024-04-hybrid-day" / "index.html")
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [loc["@type"] for loc in hybrid["location"]] == ["Place", "VirtualLocation"]
    (online,) = jsonld_blocks(small_site / "events" / "2024-05-soon-webinar" / "index.html")
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/soon"}


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_past_event_page_in_the_browser(browser, small_url, width, height, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.clock.install(time=NOW)
    page.goto(small_url + "events/2024-03-past-workshop/")
    main = page.locator("article")
    assert main.get_by_text("Took place on 12–13 March 2024 in Hamburg, Germany.").is_visible()
    assert main.get_by_role("link", name=re.compile("Register", re.IGNORECASE)).count() == 0
    assert main.get_by_role("link", name=re.compile("Google Calendar|Outlook", re.IGNORECASE)).count() == 0
    assert main.get_by_role("heading", name="Add to calendar").count() == 0
    ics = main.get_by_role("link", name="Download as .ics")
    assert ics.is_visible() and ics.get_attribute("href") == "../2024-03-past-workshop.ics"
    # What happened comes first: the report above the details.
    report = main.get_by_text("The report: 40 people came.").bounding_box()
    details = main.get_by_role("heading", name="Details").bounding_box()
    assert report and details and report["y"] < details["y"]
    page.screenshot(path=str(tmp_path / f"past-{width}.png"), full_page=True)
    context.close()


def test_upcoming_event_page_turns_past_once_it_has_ended(browser, small_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.clock.install(time=NOW)
    page.goto(small_url + "events/2024-05-soon-webinar/")
    main = page.locator("article")
    assert main.get_by_role("link", name="Register for this event").is_visible()
    assert main.get_by_role("link", name="Add to Google Calendar").is_visible()
    assert not main.get_by_text("Took place").is_visible()
    context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.clock.install(time=dt.datetime(2024, 5, 2, 9, 5, tzinfo=dt.UTC))  # 11:05 in Copenhagen
    page.goto(small_url + "events/2024-05-soon-webinar/")
    main = page.locator("article")
    assert main.get_by_text("Took place online on 2 May 2024.").is_visible()
    assert not main.get_by_role("link", name="Register for this event").is_visible()
    assert not main.get_by_role("heading", name="Add to calendar").is_visible()
    assert main.get_by_role("link", name="Download as .ics").is_visible()
    context.close()
