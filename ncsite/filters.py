"""Jinja filters the templates use; plain functions, registered by the hooks."""

from __future__ import annotations

from .calendar import event_datetime, event_days, event_place, event_when, type_label, when_text, zone_text
from .countries import COUNTRIES


def country_name(code: str | None) -> str:
    return COUNTRIES.get(code or "", code or "")


def webcal(url: str) -> str:
    """A calendar's https:// address as webcal://, which opens the reader's calendar app to subscribe."""
    scheme, sep, rest = url.partition("://")
    return f"webcal://{rest}" if sep and scheme in ("http", "https") else url


FILTERS = {
    "when_text": lambda start, end=None: when_text(start, end),
    "country_name": country_name,
    "event_when": event_when,
    "event_days": event_days,
    "event_place": event_place,
    "event_datetime": event_datetime,
    "event_type": type_label,
    "zone_text": zone_text,
    "webcal": webcal,
}
