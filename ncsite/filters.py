"""Jinja filters the templates use; plain functions, registered by the hooks."""

from __future__ import annotations

from .calendar import when_text
from .countries import COUNTRIES


def country_name(code: str | None) -> str:
    return COUNTRIES.get(code or "", code or "")


FILTERS = {
    "when_text": lambda start, end=None: when_text(start, end),
    "country_name": country_name,
}
