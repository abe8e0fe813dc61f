"""Jinja filters the templates use; plain functions, registered by the hooks."""

from __future__ import annotations

import datetime as dt

from ncsite.content.countries import COUNTRIES
from ncsite.content.text import linked
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
