"""Jinja filters the templates use; plain functions, registered by the hooks."""

from __future__ import annotations

import datetime as dt
import re

from ncsite.content.countries import COUNTRIES
from ncsite.features.events.calendar import (
    event_datetime,
    event_days,
    event_place,
    event_when,
    type_label,
    when_text,
    zone_text,
)
from ncsite.outputs.ical import webcal

__all__ = ["FILTERS", "country_name", "webcal"]


def country_name(code: str | None) -> str:
    return COUNTRIES.get(code or "", code or "")


def long_date(day: dt.date) -> str:
    """A day as readers write it: 1 December 2026."""
    return f"{day.day} {day:%B} {day.year}"


_LINK = re.compile(r"\[([^\]\n]+)\]\((https://[^\s)]+)\)")


def linked(text: str) -> list[tuple[str, str | None]]:
    """A source as pieces of text, each with the https address it links to or None: "[Title](https://...),
    publisher, year" reads as a linked title and the rest as text. Nothing else of Markdown is read, and
    no other scheme becomes a link, so a value stays text whatever it holds."""
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for match in _LINK.finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], None))
        pieces.append((match.group(1), match.group(2)))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


FILTERS = {
    "linked": linked,
    "when_text": lambda start, end=None: when_text(start, end),
    "country_name": country_name,
    "event_when": event_when,
    "event_days": event_days,
    "event_place": event_place,
    "event_datetime": event_datetime,
    "event_type": type_label,
    "zone_text": zone_text,
    "webcal": webcal,
    "long_date": long_date,
}
