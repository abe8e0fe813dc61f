"""Real builds of the small project: the sanitised HTML is what every output carries, and a
cancelled event offers no registration."""

from __future__ import annotations

import json
import logging

import lxml.html
from test_cases_build import _build, _case_project

from ncsite.__main__ import main as ncsite_main
from ncsite.content import published

ISSUE = """---
title: Unsafe issue
date: "2019-05-08"
---
News <img src="x.png" alt="" onerror="window.__ran = 1"> and a
<a href="javascript:alert(1)">link</a>.

<script>window.__ran = 2</script>

![Tracker](https://tracker.example/p.gif)
"""

EVENT = """---
title: Unsafe event
type: meeting
start: "2019-06-20"
---
Programme <b onclick="x()">bold</b> <iframe src="https://video.example/"></iframe>
"""


def test_every_output_carries_the_sanitised_html(tmp_path, monkeypatch):
    """With the verdict switched off (as if it missed something), what reaches the page, the feed,
    the search index and events.json is still the sanitiser's output."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")
    monkeypatch.setattr(published, "judge", lambda html: [])
    project = _case_project(
        tmp_path,
        {"files": {"content/newsletter/2019-05-08-first.md": ISSUE, "content/events/2019-06-unsafe.md": EVENT}},
    )
    (project / "content/newsletter/x.png").write_bytes(b"png")
    assert _build(project) is None
    site = project / "site"
    outputs = {
        "issue page": (site / "newsletter/2019-05-08-first/index.html").read_text(encoding="utf-8"),
        "event page": (site / "events/2019-06-unsafe/index.html").read_text(encoding="utf-8"),
        "feed": (site / "feed.xml").read_text(encoding="utf-8"),
        "search index": (site / "search/search_index.json").read_text(encoding="utf-8"),
        "events.json": (site / "events/events.json").read_text(encoding="utf-8"),
    }
    for name, text in outputs.items():
        for unsafe in (
            "onerror",
            "onclick",
            "javascript:",
            "window.__ran = 2",
            "tracker.example",
            "<iframe",
            "video.example",
        ):
            assert unsafe not in text, f"{unsafe!r} reached the {name}"
    page = lxml.html.fromstring(outputs["issue page"])
    assert page.xpath("//article//img[@src='x.png']"), "allowed markup stays"
    assert "News" in outputs["feed"] and "bold" in outputs["search index"]


def test_a_cancelled_event_offers_no_registration(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")
    event = (
        '---\ntitle: {title}\ntype: meeting\nstart: "2027-03-01"\n{status}registration: https://example.org/r\n---\n'
    )
    files = {
        "content/events/2027-03-off.md": event.format(title="Called off", status="status: cancelled\n"),
        "content/events/2027-03-on.md": event.format(title="Going ahead", status=""),
    }
    project = _case_project(tmp_path, {"files": files})
    assert _build(project) is None
    off = (project / "site/events/2027-03-off/index.html").read_text(encoding="utf-8")
    on = (project / "site/events/2027-03-on/index.html").read_text(encoding="utf-8")
    assert "Cancelled." in off and "example.org/r" not in off
    assert "Register for this event" in on and "example.org/r" in on
    data = {e["id"]: e for e in json.loads((project / "site/events/events.json").read_text(encoding="utf-8"))}
    assert data["2027-03-off"]["registration"] is None
    assert data["2027-03-on"]["registration"] == "https://example.org/r"


def test_an_issue_dated_more_than_a_year_ahead_is_pointed_out(tmp_path, monkeypatch, capsys):
    """A note from the check and the build alike, not a refusal: a build as of an earlier day
    (SOURCE_DATE_EPOCH) must not fail on what was written later."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")  # 2026-11-23
    issue = '---\ntitle: {t}\ndate: "{d}"\n---\nText.\n'
    files = {
        "content/newsletter/2028-01-15-typo.md": issue.format(t="Typo", d="2028-01-15"),
        "content/newsletter/2027-06-01-soon.md": issue.format(t="Soon", d="2027-06-01"),
    }
    project = _case_project(tmp_path, {"files": files})
    assert ncsite_main(["check", str(project)]) == 0
    out = capsys.readouterr().out
    note = (
        "Note: content/newsletter/2028-01-15-typo.md: the issue is dated 2028-01-15, more than a year ahead: "
        "no build publishes it before then; check the year, in the date and in the file name"
    )
    assert note in out and "2027-06-01-soon" not in out
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    level, logger.level = logger.level, logging.INFO
    logger.addHandler(handler)
    try:
        assert _build(project) is None
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert any(r.getMessage().endswith(note) for r in records)
