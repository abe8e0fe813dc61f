"""The calendar with 1,000 generated events, built once: counts agree everywhere, every page is
reachable, the .ics is sound, the page stays light; then the same site in Chromium.

The events are generated into a copy of the project in tmp_path (the real events stay
too), in every form `start`/`end` can take, and the build's "now" (SOURCE_DATE_EPOCH)
falls in the middle of them. Expectations are computed here from the generated data,
independently of `ncsite.features.events.calendar`.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml
from conftest import ROOT, copy_project, mkdocs_build, serve_folder

GENERATED = 1000
NOW = dt.datetime(2019, 3, 1, 12, 0, tzinfo=dt.UTC)  # the build's "now"
HOST = "northern-connections.github.io"
SITE = f"https://{HOST}/site/"
ZONES = ["Europe/Copenhagen", "Europe/London", "Europe/Oslo", "America/New_York"]
TYPES = ["working-days", "meeting", "workshop", "conference", "webinar", "networking", "living-lab", "other"]


@dataclass
class Gen:
    slug: str
    front: dict

    @property
    def month_only(self) -> bool:
        return len(self.front["start"]) == 7

    def starts_at(self) -> dt.datetime:
        tz = ZoneInfo(self.front.get("timezone", "Europe/Copenhagen"))
        start = self.front["start"] + ("-01" if self.month_only else "")
        return dt.datetime.fromisoformat(start).replace(tzinfo=tz)

    def ends_at(self) -> dt.datetime:
        """When the event is over: the end time, else midnight after its last day (in its zone)."""
        tz = ZoneInfo(self.front.get("timezone", "Europe/Copenhagen"))
        last = self.front.get("end", self.front["start"])
        if "T" in last:
            return dt.datetime.fromisoformat(last).replace(tzinfo=tz)
        if len(last) == 7:
            year, month = map(int, last.split("-"))
            following = dt.date(year + month // 12, month % 12 + 1, 1)
        else:
            following = dt.date.fromisoformat(last) + dt.timedelta(days=1)
        return dt.datetime.combine(following, dt.time(0), tz)


def generate(rng: random.Random, clusters: list[str], labs: list[str]) -> list[Gen]:
    out = []
    for i in range(GENERATED):
        day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
        form = i % 8
        front: dict = {"title": f"Generated event {i}", "type": TYPES[i % len(TYPES)]}
        if form == 0:
            front["start"] = f"{day:%Y-%m}"
            if i % 16 == 0:
                nxt = day.replace(day=1) + dt.timedelta(days=32)
                front["end"] = f"{nxt:%Y-%m}"
        elif form == 1:
            front["start"] = day.isoformat()
        elif form == 2:
            front["start"], front["end"] = day.isoformat(), (day + dt.timedelta(days=rng.randint(1, 4))).isoformat()
        elif form == 3:
            front["start"], front["end"] = f"{day}T09:30", f"{day}T16:00"
            front["timezone"] = rng.choice(ZONES)
        elif form == 4:
            front["start"], front["end"] = f"{day}T13:00", f"{day + dt.timedelta(days=2)}T12:15"
            front["timezone"] = rng.choice(ZONES)
        elif form == 5:
            front["start"] = f"{day}T18:00"
            front["timezone"] = rng.choice(ZONES)
        elif form == 6:
            front["start"], front["status"] = day.isoformat(), "cancelled"
        else:
            front["start"], front["end"], front["status"] = (
                day.isoformat(),
                (day + dt.timedelta(days=1)).isoformat(),
                "postponed",
            )
        if i % 3 == 0:
            front["location"] = {
                "venue": f"Hall {i}",
                "city": rng.choice(["Kiel", "Aalborg", "Bergen", "Ghent"]),
                "country": rng.choice(["DE", "DK", "NO", "BE"]),
            }
        if i % 5 == 0:
            front["online"] = f"https://meet.example.org/{i}"
        if i % 7 == 0:
            front["clusters"] = rng.sample(clusters, 2)
        if i % 11 == 0:
            front["livinglab"] = rng.choice(labs)
        if i % 13 == 0:
            front["organisers"] = ["Organiser A", "Organiser B"]
        if i == 1:  # hostile text: shown as text, never as markup, and cannot close the JSON-LD script
            front["title"] = 'A </script><b>bold</b> & "quoted" title'
            front["location"] = {"city": "Kiel", "country": "DE"}  # JSON-LD needs a known place
        out.append(Gen(f"gen-{i:04d}", front))
    # Two events just after the build's "now", for the browser test.
    out.append(Gen("gen-soon-day", {"title": "Soon: a day event", "type": "meeting", "start": "2019-03-04"}))
    out.append(
        Gen(
            "gen-soon-timed",
            {
                "title": "Soon: a timed event",
                "type": "webinar",
                "start": "2019-03-01T14:00",
                "end": "2019-03-01T15:00",
                "timezone": "Europe/Copenhagen",
            },
        )
    )
    return out


@dataclass
class Site:
    project: Path
    site: Path
    generated: list[Gen]
    sources: list[Path]


@pytest.fixture(scope="session")
def big_site(tmp_path_factory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("calendar1000"))
    # "Now" is in 2019: a cluster founded later would rightly be refused, so the copy leaves those years out.
    data = project / "data" / "clusters.yaml"
    data.write_text(
        re.sub(
            r"^ *founded: (\d{4})\n",
            lambda m: "" if int(m[1]) > NOW.year else m[0],
            data.read_text(encoding="utf-8"),
            flags=re.M,
        ),
        encoding="utf-8",
    )
    rng = random.Random(2016)
    clusters = re.findall(r"^  - id: (\S+)", (ROOT / "data" / "clusters.yaml").read_text(encoding="utf-8"), re.M)
    labs = sorted(p.stem for p in (ROOT / "content" / "livinglabs").glob("*.md") if p.name != "index.md")
    generated = generate(rng, clusters, labs)
    for gen in generated:
        text = "---\n" + yaml.safe_dump(gen.front, allow_unicode=True, sort_keys=False) + "---\n\nGenerated body.\n"
        (project / "content" / "events" / f"{gen.slug}.md").write_text(text, encoding="utf-8")
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))})
    assert result.returncode == 0, result.stderr[-3000:]
    return Site(
        project,
        project / "site",
        generated,
        sorted(p for p in (project / "content" / "events").glob("*.md") if p.name != "index.md"),
    )


class Calendar(HTMLParser):
    """The calendar page's event items: which section each is in, its link, its <time>."""

    def __init__(self):
        super().__init__()
        self.items: list[dict] = []
        self.section = None
        self.nav_links = 0
        self._in_nav = 0
        self._item = None
        self._time = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "nav" and "md-nav" in cls:
            self._in_nav += 1
        if tag == "a" and self._in_nav and "md-nav__link" in cls:
            self.nav_links += 1
        if tag == "h2" and a.get("id") in ("upcoming", "archive"):
            self.section = a["id"]
        if tag == "li" and "nc-events__item" in cls:
            self._item = {"section": self.section, "class": cls, "data-end": a.get("data-end")}
            self.items.append(self._item)
        if self._item is not None and tag == "a" and "nc-events__title" in cls:
            self._item["href"] = a["href"]
        if self._item is not None and tag == "time":
            self._item["datetime"] = a["datetime"]
            self._time = []

    def handle_data(self, data):
        if self._time is not None:
            self._time.append(data)

    def handle_endtag(self, tag):
        if tag == "time" and self._time is not None:
            self._item["when"] = "".join(self._time)
            self._time = None
        if tag == "li":
            self._item = None
        if tag == "nav" and self._in_nav:
            self._in_nav -= 1


@pytest.fixture(scope="session")
def calendar_page(big_site) -> Calendar:
    parser = Calendar()
    parser.feed((big_site.site / "events" / "index.html").read_text(encoding="utf-8"))
    return parser


def slug_of(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def test_counts_agree_everywhere(big_site, calendar_page):
    slugs = {p.stem for p in big_site.sources}
    assert len(slugs) == GENERATED + 2 + len(
        [p for p in (ROOT / "content" / "events").glob("*.md") if p.name != "index.md"]
    )
    listed = [slug_of(item["href"]) for item in calendar_page.items]
    assert len(listed) == len(slugs) and set(listed) == slugs
    records = json.loads((big_site.site / "events" / "events.json").read_text(encoding="utf-8"))
    assert len(records) == len(slugs) and {r["id"] for r in records} == slugs
    for record in records:
        assert record["url"] == f"{SITE}events/{record['id']}/" and record["title"]
    month_only = {r["id"] for r in records if len(r["start"]) == 7}
    assert month_only and {g.slug for g in big_site.generated if g.month_only} <= month_only
    cal = icalendar.Calendar.from_ical((big_site.site / "events" / "calendar.ics").read_bytes())
    in_ics = [str(v["uid"]).removesuffix(f"@{HOST}") for v in cal.walk("VEVENT")]
    earlier = {r["id"] for r in records if r["project"] != "Northern Connections"}  # in no feed, each has its file
    assert len(in_ics) == len(set(in_ics)) == len(slugs - month_only - earlier)
    assert set(in_ics) == slugs - month_only - earlier
    per_event = {p.stem for p in (big_site.site / "events").glob("*.ics")} - {"calendar"}
    assert per_event == slugs - month_only


def test_every_event_page_is_reachable_from_the_calendar(big_site, calendar_page):
    calendar_dir = big_site.site / "events"
    for item in calendar_page.items:
        target = (calendar_dir / item["href"]).resolve() / "index.html"
        assert target.is_file(), item["href"]
    assert len({item["href"] for item in calendar_page.items}) == len(big_site.sources)


def test_upcoming_and_archive_split_at_the_builds_now(big_site, calendar_page):
    expected_upcoming = {g.slug for g in big_site.generated if g.ends_at() > NOW}
    got_upcoming = [item for item in calendar_page.items if item["section"] == "upcoming"]
    got_slugs = [slug_of(i["href"]) for i in got_upcoming]
    assert {s for s in got_slugs if s.startswith("gen-")} == expected_upcoming
    assert all(dt.datetime.fromisoformat(i["data-end"]) > NOW for i in got_upcoming)
    # Soonest first.
    gens = {g.slug: g for g in big_site.generated}
    generated_order = [s for s in got_slugs if s in gens]
    assert generated_order == sorted(
        generated_order, key=lambda s: (gens[s].starts_at(), gens[s].starts_at().replace(tzinfo=None), s)
    )
    archived = [i for i in calendar_page.items if i["section"] == "archive"]
    assert archived and all(i["data-end"] is None for i in archived)  # only upcoming items carry what the script needs
    assert not expected_upcoming & {slug_of(i["href"]) for i in archived}


def test_month_only_events_read_as_their_month(big_site, calendar_page):
    by_slug = {slug_of(i["href"]): i for i in calendar_page.items}
    for gen in big_site.generated:
        if not gen.month_only or "end" in gen.front:
            continue
        item = by_slug[gen.slug]
        year, month = map(int, gen.front["start"].split("-"))
        assert item["datetime"] == gen.front["start"]
        assert item["when"] == f"{dt.date(year, month, 1):%B} {year}"
        html = (big_site.site / "events" / gen.slug / "index.html").read_text(encoding="utf-8")
        assert f'<time datetime="{gen.front["start"]}">{item["when"]}</time>' in html
        article = html[html.index("<article") : html.index("</article>")]
        assert "not in the calendar files" in article and ".ics" not in article
        assert "application/ld+json" not in html


def test_ics_is_sound(big_site):
    cal = icalendar.Calendar.from_ical((big_site.site / "events" / "calendar.ics").read_bytes())
    gens = {g.slug: g for g in big_site.generated}
    zones = {tz["tzid"] for tz in cal.walk("VTIMEZONE")}
    used = set()
    for v in cal.walk("VEVENT"):
        slug = str(v["uid"]).removesuffix(f"@{HOST}")
        assert v["dtstamp"].dt == NOW
        assert str(v["url"]) == f"{SITE}events/{slug}/"
        assert v["status"] in ("CONFIRMED", "TENTATIVE", "CANCELLED")
        start = v["dtstart"]
        if type(start.dt) is dt.date:
            assert "TZID" not in start.params and "TZID" not in v["dtend"].params
            assert type(v["dtend"].dt) is dt.date and v["dtend"].dt > start.dt
            gen = gens.get(slug)
            if gen is not None:  # exclusive end: the day after the last day
                last = dt.date.fromisoformat(gen.front.get("end", gen.front["start"])[:10])
                assert v["dtend"].dt == last + dt.timedelta(days=1)
        else:
            used.add(start.params["TZID"])
            if "dtend" in v:
                assert v["dtend"].params["TZID"] == start.params["TZID"]
        if slug in gens and gens[slug].front.get("status") == "cancelled":
            assert v["status"] == "CANCELLED"
    assert used and used <= zones
    one = icalendar.Calendar.from_ical((big_site.site / "events" / "gen-0003.ics").read_bytes())
    assert [str(v["uid"]) for v in one.walk("VEVENT")] == [f"gen-0003@{HOST}"]
    assert one.walk("VTIMEZONE")


def test_pages_announce_the_feed_and_offer_subscription(big_site):
    feed = f"{SITE}events/calendar.ics"
    for page in ("index.html", "events/index.html", "events/gen-0002/index.html", "about/index.html"):
        html = (big_site.site / page).read_text(encoding="utf-8")
        assert re.search(
            rf'<link rel="alternate" type="text/calendar" title="[^"]+" href="{re.escape(feed)}">', html
        ), page
    html = (big_site.site / "events" / "index.html").read_text(encoding="utf-8")
    assert f'href="webcal://{HOST}/site/events/calendar.ics"' in html and f'href="{feed}"' in html


def test_event_page_facts_jsonld_and_neighbours(big_site):
    html = (big_site.site / "events" / "gen-0001" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert "<h1>A &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34; title</h1>" in article
    assert "<b>bold</b>" not in html  # Material's <title> and header too: the hook escapes front matter titles
    assert (
        "<title>A &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title - Northern Connections</title>"
        in html
    )
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["name"] == 'A </script><b>bold</b> & "quoted" title' and data["url"] == f"{SITE}events/gen-0001/"
    assert re.search(r'<a class="nc-prevnext__prev" rel="prev" href="\.\./[^"]+/"', html)
    # A timed hybrid event: offset in the dates, both places, the clusters linked to Matchpoint.
    timed = next(
        g
        for g in big_site.generated
        if g.front["start"].endswith("T09:30")
        and "online" in g.front
        and "location" in g.front
        and "clusters" in g.front
    )
    html = (big_site.site / "events" / timed.slug / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT09:30[+-]\d\d:\d\d", data["startDate"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT16:00[+-]\d\d:\d\d", data["endDate"])
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    for cid in timed.front["clusters"]:
        assert f'href="../../matchpoint/{cid}/"' in html
    assert f'href="../{timed.slug}.ics"' in html
    if timed.ends_at() > NOW:  # before it ends: add-to-calendar links; after: only the .ics, and that it took place
        assert "calendar.google.com" in html and "outlook.live.com" in html
        assert f"Times are local: {timed.front['timezone']}" in html
    else:
        assert "calendar.google.com" not in html and "Took place on" in html
        assert f"(local time: {timed.front['timezone']}" in html


def test_cancelled_and_postponed_are_marked(big_site, calendar_page):
    for gen in big_site.generated:
        status = gen.front.get("status")
        if not status:
            continue
        item = next(i for i in calendar_page.items if slug_of(i["href"]) == gen.slug)
        assert f"nc-events__item--{status}" in item["class"]
    html = (big_site.site / "events" / "gen-0006" / "index.html").read_text(encoding="utf-8")
    assert "<strong>Cancelled.</strong>" in html and "calendar.google.com" not in html


def test_calendar_page_stays_light(big_site, calendar_page):
    page = (big_site.site / "events" / "index.html").read_bytes()
    about = (big_site.site / "about" / "index.html").read_bytes()
    per_event = (len(page) - len(about)) / len(calendar_page.items)
    print(
        f"calendar page: {len(page) / 1024:.0f} KiB for {len(calendar_page.items)} events, {per_event:.0f} bytes each"
    )
    assert per_event < 700, per_event
    assert calendar_page.nav_links < 40  # the sections, not one entry per event
    event_page = (big_site.site / "events" / "gen-0002" / "index.html").read_text(encoding="utf-8")
    assert event_page.count("md-nav__link") < 60


# -- in the browser ------------------------------------------------------------------


@pytest.fixture(scope="session")
def big_url(big_site):
    url, server = serve_folder(big_site.site)
    yield url
    server.shutdown()


def upcoming_slugs(page) -> list[str]:
    return [
        slug_of(h)
        for h in page.locator(".nc-upcoming li.nc-events__item:visible a.nc-events__title").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
    ]


def test_events_that_ended_after_the_build_leave_upcoming(browser, big_site, big_url):
    generated = big_site.generated
    # The build's now is 2019-03-01 12:00 UTC; gen-soon-timed ends 15:00 Copenhagen time that day, gen-soon-day ends with 4 March.
    for clock, gone in [
        (NOW + dt.timedelta(minutes=1), set()),
        (dt.datetime(2019, 3, 1, 14, 1, tzinfo=dt.UTC), {"gen-soon-timed"}),
        (dt.datetime(2019, 3, 5, 9, tzinfo=dt.UTC), {"gen-soon-timed", "gen-soon-day"}),
    ]:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda err, errors=errors: errors.append(str(err)))
        page.clock.install(time=clock)
        page.goto(big_url + "events/")
        coming = upcoming_slugs(page)
        assert not gone & set(coming), (clock, coming[:5])
        assert {"gen-soon-timed", "gen-soon-day"} - gone <= set(coming)
        gone |= {g.slug for g in generated if NOW < g.ends_at() <= clock}
        ended = page.locator("#recently-ended li a.nc-events__title").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
        assert {slug_of(h) for h in ended} == gone
        assert page.locator("#recently-ended").is_visible() == bool(gone)
        # The home page: three next events, the ended ones moved to "Latest events".
        page.goto(big_url)
        home_next = upcoming_slugs(page)
        assert len(home_next) == 3 and not gone & set(home_next)
        assert home_next == coming[:3]
        assert errors == []
        context.close()


def test_type_filter_works_without_javascript(browser, big_url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(big_url + "events/#type-webinar")
    visible = page.locator("li.nc-events__item:visible")
    count = visible.count()
    assert count > 0 and count == page.locator("li.nc-type-webinar").count()
    assert page.locator("li.nc-events__item:not(.nc-type-webinar)").first.is_hidden()
    page.goto(big_url + "events/#events")
    assert page.locator("li.nc-events__item:visible").count() == page.locator("li.nc-events__item").count()
    page.get_by_role("link", name="2017", exact=True).click()
    assert page.url.endswith("#year-2017")
    context.close()


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_calendar_screenshots(browser, big_url, width, height, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.clock.install(time=NOW)
    page.goto(big_url + "events/")
    shots = tmp_path  # look at them: pytest -s prints where they are
    print(f"screenshots in {shots}")
    page.screenshot(path=str(shots / f"calendar-{width}.png"))
    page.goto(big_url + "events/gen-0003/")
    page.screenshot(path=str(shots / f"event-{width}.png"), full_page=True)
    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.goto(big_url + "events/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
