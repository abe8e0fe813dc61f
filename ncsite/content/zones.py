"""What to write instead of a time-zone abbreviation or offset: the IANA zone of the event's country,
when its clock has that offset, and never a zone hours away.

Partners write the time zone as their calendar shows it: "CEST", "MEZ", "UTC+2", "+01:00".
These are offsets, not places: they do not say when the clocks change. The fix names the zone
of the event's country when that country keeps the offset ("CEST" in Germany: Europe/Berlin),
and says so plainly when it does not ("EST" in Germany is UTC−5, six hours away). `Etc/GMT+1`
is an IANA name, but means UTC−1 (the sign is reversed in these names): it is pointed out.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from .countries import COUNTRIES
from .dates import country_timezone

# Abbreviations partners meet in the North Sea region and in calendar invitations, as minutes east of UTC.
ABBREVIATIONS = {
    "CET": 60,
    "CEST": 120,
    "MEZ": 60,
    "MESZ": 120,
    "WET": 0,
    "WEST": 60,
    "GMT": 0,
    "BST": 60,
    "UTC": 0,
    "UT": 0,
    "Z": 0,
    "IST": 60,
    "EET": 120,
    "EEST": 180,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
}
_OFFSET = re.compile(r"^(?:UTC|GMT|UT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_ETC = re.compile(r"^Etc/GMT([+-])(\d{1,2})$")


def offset_of(value: str) -> int | None:
    """The offset an abbreviation or offset names, in minutes east of UTC (None: neither)."""
    text = value.strip()
    if text.upper() in ABBREVIATIONS:
        return ABBREVIATIONS[text.upper()]
    match = _OFFSET.match(text)
    if not match:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    return -minutes if match.group(1) in "-−" else minutes


def utc(minutes: int) -> str:
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _clock(zone: str, year: int) -> tuple[int, int]:
    """A zone's offsets in January and July of a year (winter and summer time), in minutes."""
    info = ZoneInfo(zone)
    offsets = []
    for month in (1, 7):
        delta = dt.datetime(year, month, 15, 12, tzinfo=info).utcoffset() or dt.timedelta(0)
        offsets.append(int(delta.total_seconds() // 60))
    return offsets[0], offsets[1]


def _country_clock(zone: str, year: int) -> str:
    winter, summer = _clock(zone, year)
    return utc(winter) if winter == summer else f"{utc(winter)} in winter, {utc(summer)} in summer"


def advice(value: str, country: str | None, year: int) -> tuple[str, str] | None:
    """(message, fix) for a time zone written as an abbreviation, an offset or an `Etc/GMT±N` name;
    None for anything else (an unknown name is reported as such)."""
    etc = _ETC.match(value.strip())
    minutes = offset_of(value)
    if etc and int(etc.group(2)) == 0:
        return None  # Etc/GMT+0 is UTC, as it says
    if etc:
        minutes = -int(etc.group(2)) * 60 if etc.group(1) == "+" else int(etc.group(2)) * 60
        message = f'"{value}" is {utc(minutes)}: in the Etc/GMT names the sign is reversed'
    elif minutes is not None:
        message = f'"{value}" is an offset ({utc(minutes)}), not a time zone: it does not say when the clocks change'
    else:
        return None
    zone = country_timezone(country) if country else None
    if zone is None:
        return (
            message,
            "write the IANA name of the place's zone, e.g. Europe/Copenhagen, Europe/Berlin or Europe/London",
        )
    name = COUNTRIES.get(country or "", country)
    if minutes in _clock(zone, year):
        return (
            message,
            f"write timezone: {zone} (the time in {name}, {_country_clock(zone, year)}), or leave the field out",
        )
    return (
        message + f", hours away from the time in {name} ({_country_clock(zone, year)})",
        f"for an event in {name}, write timezone: {zone}, or leave the field out; for an online event "
        "run from elsewhere, write the IANA name of that place's zone",
    )
