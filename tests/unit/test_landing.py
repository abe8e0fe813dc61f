"""The home page's figures, labs and news, and list pages with an introduction of their own."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ncsite import Settings
from ncsite.build import Build
from ncsite.content.dates import parse_when
from ncsite.content.models import Content, LivingLab, NewsletterIssue, Partner
from ncsite.features.home.landing import labs_by_date, latest_news, partner_countries

BASE = Path(__file__).resolve().parents[1] / "cases" / "base"


def partner(pid: str, country: str, lead: bool = False) -> Partner:
    return Partner(id=pid, name=pid.title(), country=country, line=1, lead=lead)


def issue(slug: str) -> NewsletterIssue:
    return NewsletterIssue(slug=slug, source="", title=slug, date=parse_when(slug[:10]), summary="")


def lab(slug: str, start: str | None) -> LivingLab:
    return LivingLab(
        slug=slug,
        source="",
        title=slug,
        city="Kiel",
        country="DE",
        summary="",
        start=parse_when(start) if start else None,
    )


def test_partners_are_grouped_by_country_in_the_order_of_the_file():
    countries = partner_countries((partner("a", "DK"), partner("b", "DE"), partner("c", "DK"), partner("d", "GB")))
    assert [(c.code, c.name, [p.id for p in c.partners]) for c in countries] == [
        ("DK", "Denmark", ["a", "c"]),
        ("DE", "Germany", ["b"]),
        ("GB", "United Kingdom", ["d"]),
    ]


def test_latest_news_is_newest_first_and_never_from_the_future():
    content = Content(
        newsletter=(issue("2019-01-01-a"), issue("2020-01-01-b"), issue("2021-01-01-c"), issue("2019-06-01-d"))
    )
    assert [i.slug for i in latest_news(content, dt.date(2020, 6, 1), limit=2)] == ["2020-01-01-b", "2019-06-01-d"]


def test_labs_in_the_order_they_took_place_undated_last():
    labs = (lab("late", "2019-11"), lab("undated", None), lab("early", "2018-11-07"))
    assert [x.slug for x in labs_by_date(labs)] == ["early", "late", "undated"]


def build(root: Path) -> Build:
    return Build(
        Settings(
            root=root,
            site_url="https://example.org/site/",
            now=dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC),
            edit_base="https://github.com/o/r/edit/main/",
        )
    )


def test_a_list_page_uses_its_introduction_when_there_is_one(tmp_path):
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    before = build(tmp_path)
    assert before.ok
    assert "events/index.md" in {p.src_uri for p in before.pages()}
    (tmp_path / "content/events/index.md").write_text("---\ntitle: Events\n---\n\nAll our events.\n", encoding="utf-8")
    after = build(tmp_path)
    assert after.ok, after.problems
    assert "events/index.md" not in {p.src_uri for p in after.pages()}  # the written page is used
    assert after.view("events/index.md").template == "calendar.html"
    assert after.edit_path("events/index.md") == "content/events/index.md"
    assert [e.slug for e in after.content.events] == [e.slug for e in before.content.events]  # not an event
