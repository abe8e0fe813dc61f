"""The calendar's core, without MkDocs: upcoming and archive, how dates read, the .ics, JSON-LD, events.json."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from ncsite import Sources, load_content
from ncsite.build import Settings
from ncsite.content.dates import parse_when
from ncsite.content.models import Event, Location
from ncsite.features.events import eventdata
from ncsite.features.events.calendar import (
    archive,
    earlier_projects,
    event_datetime,
    event_days,
    event_place,
    event_when,
    happened,
    is_upcoming,
    neighbours,
    own,
    past,
    upcoming,
    when_text,
    zone_text,
)
from ncsite.outputs import ical

UTC = dt.UTC
SITE = "https://example.org/site/"


def ev(slug, start, end=None, tz="Europe/Copenhagen", **kw) -> Event:
    kw.setdefault("title", slug.replace("-", " ").capitalize())
    kw.setdefault("type", "meeting")
    kw.setdefault("summary", f"About {slug}.")
    return Event(
        slug=slug,
        source=f"content/events/{slug}.md",
        start=parse_when(start),
        end=parse_when(end) if end else None,
        timezone=tz,
        **kw,
    )


def settings(now=dt.datetime(2019, 6, 1, 12, tzinfo=UTC)) -> Settings:
    return Settings(root=Path("."), site_url=SITE, now=now)


# -- how dates read ------------------------------------------------------------

WHEN_CASES = [
    ("2017-12", None, "December 2017"),
    ("2017-12", "2017-12", "December 2017"),
    ("2017-11", "2017-12", "November–December 2017"),
    ("2017-12", "2018-01", "December 2017 – January 2018"),
    ("2017-06-12", None, "12 June 2017"),
    ("2017-06-12", "2017-06-12", "12 June 2017"),
    ("2017-06-12", "2017-06-14", "12–14 June 2017"),
    ("2017-06-30", "2017-07-02", "30 June – 2 July 2017"),
    ("2017-12-30", "2018-01-02", "30 December 2017 – 2 January 2018"),
    ("2019-05-08T10:00", None, "8 May 2019, 10:00"),
    ("2019-05-08T10:00", "2019-05-08T16:30", "8 May 2019, 10:00–16:30"),
    ("2019-05-08", "2019-05-08T16:00", "8 May 2019, until 16:00"),
    ("2019-05-08T09:00", "2019-05-10T13:00", "8 May, 09:00 – 10 May 2019, 13:00"),
    ("2019-05-08T09:00", "2019-05-10", "8 May, 09:00 – 10 May 2019"),
    ("2019-12-31T20:00", "2020-01-01T02:00", "31 December 2019, 20:00 – 1 January 2020, 02:00"),
    ("2019-05-08", "2019-05-09T12:00", "8 May – 9 May 2019, 12:00"),
]


@pytest.mark.parametrize("start,end,text", WHEN_CASES)
def test_when_text(start, end, text):
    assert when_text(parse_when(start), parse_when(end) if end else None) == text


def test_month_only_is_never_given_a_day():
    kiel = ev("kiel", "2017-12")
    assert event_when(kiel) == "December 2017"
    assert event_datetime(kiel) == "2017-12"


def test_timed_events_show_the_local_zone():
    summer = ev("summer", "2019-05-08T10:00", "2019-05-08T16:00")
    assert event_when(summer) == "8 May 2019, 10:00–16:00 CEST"
    assert event_datetime(summer) == "2019-05-08T10:00+02:00"
    assert zone_text(summer) == "Europe/Copenhagen (CEST, UTC+02:00)"
    winter = ev("winter", "2019-01-08T10:00", tz="Europe/London")
    assert event_when(winter) == "8 January 2019, 10:00 GMT"
    assert event_when(ev("until", "2019-05-08", "2019-05-08T16:00")) == "8 May 2019, until 16:00 CEST"
    assert event_when(ev("no-name", "2019-05-08T10:00", tz="Asia/Dubai")) == "8 May 2019, 10:00 UTC+04"
    assert event_when(ev("day", "2019-05-08")) == "8 May 2019"


# -- upcoming and archive --------------------------------------------------------


def test_an_event_is_upcoming_until_the_moment_it_ends():
    cph = ZoneInfo("Europe/Copenhagen")
    day = ev("day", "2019-06-12")
    assert is_upcoming(day, dt.datetime(2019, 6, 12, 23, 59, tzinfo=cph))
    assert not is_upcoming(day, dt.datetime(2019, 6, 13, 0, 0, tzinfo=cph))
    timed = ev("timed", "2019-06-12T10:00", "2019-06-12T16:00")
    assert is_upcoming(timed, dt.datetime(2019, 6, 12, 13, 59, tzinfo=UTC))
    assert not is_upcoming(timed, dt.datetime(2019, 6, 12, 14, 0, tzinfo=UTC))
    month = ev("month", "2019-06")
    assert is_upcoming(month, dt.datetime(2019, 6, 30, 12, tzinfo=cph))
    assert not is_upcoming(month, dt.datetime(2019, 7, 1, 0, tzinfo=cph))
    multi = ev("multi", "2019-06-12", "2019-06-14")
    assert is_upcoming(multi, dt.datetime(2019, 6, 14, 20, tzinfo=cph))
    start_only = ev("start-only", "2019-06-12T10:00")
    assert is_upcoming(start_only, dt.datetime(2019, 6, 12, 20, tzinfo=cph))  # no end: until the day is over
    assert not is_upcoming(start_only, dt.datetime(2019, 6, 13, 0, tzinfo=cph))


def test_the_zone_of_the_event_decides():
    # 23:30 in London is 00:30 in Copenhagen: a London day event is not over yet.
    london = ev("london", "2019-06-12", tz="Europe/London")
    copenhagen = ev("copenhagen", "2019-06-12")
    now = dt.datetime(2019, 6, 12, 23, 30, tzinfo=ZoneInfo("Europe/London"))
    assert upcoming([london, copenhagen], now) == [london]


def test_a_date_counts_from_its_midnight():
    assert upcoming([ev("a", "2019-06-12")], dt.date(2019, 6, 12))
    assert not upcoming([ev("a", "2019-06-12")], dt.date(2019, 6, 14))


def test_upcoming_soonest_first_and_past_newest_first():
    events = [ev("c", "2019-08-01"), ev("a", "2019-05-01"), ev("b", "2019-07-01T09:00"), ev("z", "2019-04-01")]
    now = dt.datetime(2019, 6, 1, tzinfo=UTC)
    assert [e.slug for e in upcoming(events, now)] == ["b", "c"]
    assert [e.slug for e in past(events, now)] == ["a", "z"]
    # Every event is in exactly one of the two.
    assert sorted(e.slug for e in upcoming(events, now) + past(events, now)) == sorted(e.slug for e in events)


def test_archive_by_year_then_month_newest_first_month_only_under_its_month():
    events = [
        ev("kiel", "2017-12"),
        ev("kiel-visit", "2017-12-12"),
        ev("aalborg", "2017-06-12", "2017-06-14"),
        ev("oslo", "2018-11-28", "2018-12-01"),
        ev("future", "2030-01-01"),
    ]
    years = archive(events, dt.datetime(2020, 1, 1, tzinfo=UTC))
    assert [y.year for y in years] == [2018, 2017]
    assert [(m.month.iso, [e.slug for e in m.events]) for m in years[1].months] == [
        ("2017-12", ["kiel-visit", "kiel"]),
        ("2017-06", ["aalborg"]),
    ]
    assert [m.month.iso for m in years[0].months] == ["2018-11"]  # a multi-day event sits under its start month
    assert [y.count for y in years] == [1, 3]


def test_neighbours_and_events_of_cluster():
    from ncsite.content.models import events_of_cluster, events_per_cluster

    events = [ev("b", "2019-02-01", clusters=("x",)), ev("a", "2019-01-01"), ev("c", "2019-03-01", clusters=("x", "y"))]
    around = neighbours(events)
    assert around["a"] == (None, events[0])
    assert around["b"] == (events[1], events[2])
    assert around["c"] == (events[0], None)
    assert [e.slug for e in events_of_cluster(events, "x")] == ["b", "c"]
    assert events_of_cluster(events, "nobody") == []
    assert events_per_cluster(events) == {c: events_of_cluster(events, c) for c in ("x", "y")}


# -- iCalendar -----------------------------------------------------------------


def parse_ics(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def uids(events, s=None) -> dict[str, str]:
    cal = parse_ics(ical.calendar_bytes(events, s or settings(), "test"))
    return {str(v["url"]).rstrip("/").rsplit("/", 1)[-1]: str(v["uid"]) for v in cal.walk("VEVENT")}


def test_uid_depends_on_slug_and_host_only():
    events = [ev("a", "2019-01-01"), ev("b", "2019-02-01"), ev("c", "2019-03-01")]
    before = uids(events)
    assert before == {"a": "a@example.org", "b": "b@example.org", "c": "c@example.org"}
    retitled = [ev("a", "2019-01-01", title="Another title"), *events[1:]]
    assert uids(list(reversed(retitled))) == before
    assert uids(events[1:]) == {k: v for k, v in before.items() if k != "a"}
    assert uids([ev("0", "2018-01-01"), *events]) == {"0": "0@example.org", **before}
    assert uids(events, settings(dt.datetime(2030, 1, 1, tzinfo=UTC))) == before


def test_all_day_events_end_exclusively_and_have_no_tzid():
    cal = parse_ics(
        ical.calendar_bytes(
            [
                ev("one", "2019-06-12"),
                ev("three", "2019-06-12", "2019-06-14"),
                ev("until", "2019-06-12", "2019-06-13T15:00"),
            ],
            settings(),
            "t",
        )
    )
    got = {str(v["uid"]).split("@")[0]: v for v in cal.walk("VEVENT")}
    assert got["one"]["dtend"].dt == dt.date(2019, 6, 13)
    assert got["three"]["dtend"].dt == dt.date(2019, 6, 15)
    assert got["until"]["dtstart"].dt == dt.date(2019, 6, 12) and got["until"]["dtend"].dt == dt.date(2019, 6, 14)
    for v in got.values():
        for key in ("dtstart", "dtend"):
            assert type(v[key].dt) is dt.date
            assert "TZID" not in v[key].params
    assert not cal.walk("VTIMEZONE")
    assert b"VALUE=DATE:" in ical.calendar_bytes([ev("one", "2019-06-12")], settings(), "t")


def test_timed_events_carry_tzid_and_vtimezone():
    events = [
        ev("cph", "2019-06-12T10:00", "2019-06-12T16:00"),
        ev("ldn", "2019-06-12T09:00", "2019-06-14T12:00", tz="Europe/London"),
        ev("open", "2019-06-12T09:00"),
        ev("to-day", "2019-06-12T09:00", "2019-06-13"),
    ]
    cal = parse_ics(ical.calendar_bytes(events, settings(), "t"))
    assert {tz["tzid"] for tz in cal.walk("VTIMEZONE")} == {"Europe/Copenhagen", "Europe/London"}
    got = {str(v["uid"]).split("@")[0]: v for v in cal.walk("VEVENT")}
    assert got["cph"]["dtstart"].params["TZID"] == "Europe/Copenhagen"
    assert got["cph"]["dtstart"].dt == dt.datetime(2019, 6, 12, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))
    assert got["ldn"]["dtend"].dt == dt.datetime(2019, 6, 14, 12, tzinfo=ZoneInfo("Europe/London"))
    assert "dtend" not in got["open"]  # RFC 5545: ends when it starts; no end time is invented
    assert got["to-day"]["dtend"].dt == dt.datetime(2019, 6, 14, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


def test_month_only_events_stay_out_and_fields_are_filled():
    s = settings()
    events = [
        ev("month", "2017-12"),
        ev("off", "2019-06-12", status="cancelled", location=Location(city="Kiel", country="DE")),
        ev("later", "2019-07-01", status="postponed", online="https://meet.example.org/x"),
    ]
    cal = parse_ics(ical.calendar_bytes(events, s, "t"))
    got = {str(v["uid"]).split("@")[0]: v for v in cal.walk("VEVENT")}
    assert set(got) == {"off", "later"}
    assert got["off"]["status"] == "CANCELLED" and got["later"]["status"] == "TENTATIVE"
    assert str(got["off"]["location"]) == "Kiel, Germany"
    assert str(got["later"]["location"]) == "https://meet.example.org/x"
    assert str(got["off"]["url"]) == "https://example.org/site/events/off/"
    assert got["off"]["dtstamp"].dt == s.now
    assert cal["prodid"] and cal["version"] == "2.0"


def test_calendar_files_are_reproducible():
    events = [ev("a", "2019-06-12T10:00"), ev("b", "2019-06-12")]
    assert ical.calendar_bytes(events, settings(), "t") == ical.calendar_bytes(events, settings(), "t")


def test_add_to_calendar_links():
    links = ical.add_to_calendar_links(ev("a", "2019-06-12", "2019-06-14", title="Kiel & more"), settings())
    assert "dates=20190612%2F20190615" in links["google"] and "text=Kiel+%26+more" in links["google"]
    assert "startdt=2019-06-12&enddt=2019-06-15&allday=true" in links["outlook"]
    timed = ical.add_to_calendar_links(ev("b", "2019-06-12T10:00", "2019-06-12T12:00"), settings())
    assert "dates=20190612T080000Z%2F20190612T100000Z" in timed["google"]
    assert ical.add_to_calendar_links(ev("m", "2019-06"), settings()) is None
    assert ical.add_to_calendar_links(ev("c", "2019-06-12", status="cancelled"), settings()) is None


# -- JSON-LD and events.json -----------------------------------------------------


def test_jsonld_of_a_timed_hybrid_event():
    event = ev(
        "hybrid",
        "2019-06-12T10:00",
        "2019-06-13T16:00",
        status="postponed",
        online="https://meet.example.org/x",
        location=Location(venue="Wälderhaus", city="Hamburg", country="DE"),
        organisers=("EEHH",),
    )
    data = eventdata.jsonld(event, settings())
    assert data["@type"] == "Event" and data["name"] == event.title
    assert data["startDate"] == "2019-06-12T10:00+02:00" and data["endDate"] == "2019-06-13T16:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [p["@type"] for p in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][0]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Hamburg",
        "addressCountry": "DE",
    }
    assert data["organizer"] == [{"@type": "Organization", "name": "EEHH"}]
    assert data["url"] == "https://example.org/site/events/hybrid/"
    assert data["description"] == "About hybrid."


def test_jsonld_of_day_and_month_events():
    day = eventdata.jsonld(ev("day", "2019-06-12", online="https://x.example/"), settings())
    assert day["startDate"] == day["endDate"] == "2019-06-12"
    assert day["location"] == {"@type": "VirtualLocation", "url": "https://x.example/"}
    assert day["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert eventdata.jsonld(ev("month", "2017-12"), settings()) is None


def test_jsonld_cannot_close_its_script_element():
    text = eventdata.jsonld_script(
        ev(
            "x",
            "2019-06-12",
            title="</script><script>alert(1)</script> & <!--",
            location=Location(city="Kiel", country="DE"),
        ),
        settings(),
    )
    assert "<" not in text and ">" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!--"


def test_jsonld_needs_a_known_place_or_address_and_says_nothing_false():
    kiel = Location(city="Kiel", country="DE")
    assert eventdata.jsonld(ev("nowhere", "2019-06-12"), settings()) is None
    assert eventdata.jsonld(ev("country-only", "2019-06-12", location=Location(country="BE")), settings()) is None
    # Online without a known address: no VirtualLocation to give, so no JSON-LD rather than an invalid one.
    assert (
        eventdata.jsonld(ev("online", "2019-06-12", online=True, attendance="online", location=kiel), settings())
        is None
    )
    streamed = eventdata.jsonld(
        ev("streamed", "2019-06-12", online="https://x.example/", attendance="online", location=kiel), settings()
    )
    assert streamed["location"] == {"@type": "VirtualLocation", "url": "https://x.example/"}
    assert streamed["eventAttendanceMode"].endswith("/OnlineEventAttendanceMode")
    tentative = eventdata.jsonld(ev("t", "2019-06-12", status="tentative", location=kiel), settings())
    assert tentative["location"]["address"]["addressLocality"] == "Kiel" and "eventStatus" not in tentative
    assert eventdata.jsonld(ev("s", "2019-06-12", location=kiel), settings())["eventStatus"].endswith("/EventScheduled")


def test_attendance_mode():
    kiel = Location(city="Kiel", country="DE")
    assert ev("a", "2019-06-12", location=kiel).attendance_mode == "in-person"
    assert ev("b", "2019-06-12", online=True).attendance_mode == "online"
    assert ev("c", "2019-06-12", online="https://x.example/", location=kiel).attendance_mode == "hybrid"
    assert ev("d", "2019-06-12", online=True, attendance="online", location=kiel).attendance_mode == "online"
    assert ev("d", "2019-06-12", online=True).online_url is None


def test_what_happened_and_earlier_projects():
    now = dt.datetime(2020, 1, 1, tzinfo=UTC)
    events = [
        ev("held", "2019-06-12"),
        ev("planned", "2019-12", status="tentative"),
        ev("off", "2019-11-01", status="cancelled"),
        ev("later", "2019-10-01", status="postponed"),
        ev("old-1", "2012-01-17", project="InTra-Net"),
        ev("old-2", "2012-09-14", project="InTra-Net"),
        ev("coming", "2020-03-01"),
    ]
    assert [e.slug for e in happened(events, now)] == ["held"]
    assert [e.slug for e in own(events)] == ["held", "planned", "off", "later", "coming"]
    (intranet,) = earlier_projects(events)
    assert intranet.name == "InTra-Net" and [e.slug for e in intranet.events] == ["old-2", "old-1"]


def test_event_days_and_place_read_without_times():
    assert event_days(ev("a", "2019-05-08T10:00", "2019-05-08T16:00")) == "8 May 2019"
    assert event_days(ev("b", "2017-06-12", "2017-06-14")) == "12–14 June 2017"
    assert event_days(ev("c", "2017-12")) == "December 2017"
    assert event_place(ev("d", "2019-12", location=Location(country="BE"))) == "Belgium"
    assert event_place(ev("e", "2019-12")) == ""


def test_ics_status_organizer_and_feed():
    cal = parse_ics(
        ical.calendar_bytes(
            [
                ev("t", "2019-06-12", status="tentative"),
                ev("o", "2019-06-13", organisers=("EEHH", "Cleantech Flanders")),
            ],
            settings(),
            "t",
        )
    )
    by_uid = {str(v["uid"]).split("@")[0]: v for v in cal.walk("VEVENT")}
    assert by_uid["t"]["status"] == "TENTATIVE" and str(by_uid["t"]["summary"]).startswith("Tentative: ")
    assert by_uid["t"]["organizer"].params["CN"] == "Northern Connections"
    assert by_uid["o"]["organizer"].params["CN"] == "EEHH, Cleantech Flanders"
    assert str(by_uid["o"]["organizer"]) == "https://example.org/site/events/o/"
    assert not ical.in_feed(ev("old", "2012-01-17", project="InTra-Net")) and ical.in_feed(ev("new", "2019-01-17"))


def test_events_json():
    events = [ev("a", "2017-12"), ev("b", "2019-06-12", location=Location(city="Kiel", country="DE"))]
    records = json.loads(eventdata.events_json(events, settings()))
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["url"] == "https://example.org/site/events/a/" and records[0]["ics"] is None
    assert records[1]["ics"] == "https://example.org/site/events/b.ics"
    assert records[1]["location"]["country_name"] == "Germany"
    assert records[0]["start"] == "2017-12" and records[0]["title"] == "A"


# -- the VEVENT written directly, line for line as icalendar writes it --------------


def _icalendar_vevent(event: Event, s: Settings) -> bytes:
    """The VEVENT as `icalendar.Event` would write it: the reference for `ical.vevent_lines`."""
    item = icalendar.Event()
    item.add("uid", ical.event_uid(event.slug, s.site_url))
    item.add("dtstamp", s.now.astimezone(UTC))
    start, end = ical.span(event)
    item.add("dtstart", start)
    if end is not None:
        item.add("dtend", end)
    item.add("summary", event.title if event.status == "scheduled" else f"{event.status.capitalize()}: {event.title}")
    item.add("status", ical.STATUS[event.status])
    item.add("url", s.absolute(event.url))
    item.add("organizer", s.absolute(event.url), parameters={"CN": ical.organizer_name(event)})
    if ical.location_text(event):
        item.add("location", ical.location_text(event))
    item.add("description", ical.description_text(event, s))
    item.add("categories", [event.type])
    return item.to_ical()


def _written(event: Event, s: Settings) -> bytes:
    """The event's VEVENT as the build writes it (taken out of its one-event calendar)."""
    data = ical.calendar_bytes([event], s, "t")
    return data[data.index(b"BEGIN:VEVENT") : data.index(b"END:VEVENT") + len(b"END:VEVENT\r\n")]


VEVENT_CASES = [
    ev("day", "2019-06-12"),
    ev("days", "2019-06-12", "2019-06-14", status="cancelled", organisers=("CLEAN", "Energy Valley")),
    ev("timed", "2019-05-08T10:00", "2019-05-08T16:30", tz="Europe/Oslo", status="postponed"),
    ev("open-end", "2019-05-08T10:00", tz="Europe/London", status="tentative"),
    ev("utc", "2019-05-08T10:00", "2019-05-09", tz="UTC"),
    ev(
        "escapes",
        "2019-06-12",
        title="Tromsø, Göteborg; Aalborg \\ all – " * 4,
        summary="Line one,\nline two; with a backslash \\ and a comma, " * 5,
        organisers=('Cluster "Nord", Ålesund; and: others',),
        location=Location(venue="Hall 2; east", address="Straße 1, 28195", city="Bremen", country="DE"),
    ),
    ev("online", "2020-11-24T09:00", "2020-11-24T12:00", online="https://example.org/join?a=1&b=2"),
    ev("online-unknown", "2020-11-24", online=True, attendance="online", project="InTra-Net", type="workshop"),
]


def test_each_vevent_is_written_as_icalendar_writes_it():
    content, problems = load_content(Sources(Path(__file__).resolve().parents[2]))
    assert problems == [] and len(content.events) > 10
    s = settings()
    events = [e for e in (*content.events, *VEVENT_CASES) if ical.in_calendar(e)]
    for event in events:
        assert _written(event, s) == _icalendar_vevent(event, s), event.slug
