"""Dates as partners write them: a month, a day, or a day and a local time.

`When` keeps the precision the source gives. A month-only date is never given
an invented day: it sorts at the start of its month, but displays and
serialises as the month.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

MONTH, DAY, TIME = "month", "day", "time"

_FORMS = {
    MONTH: re.compile(r"^(\d{4})-(\d{2})$"),
    DAY: re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
    TIME: re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$"),
}
FORM_TEXT = {MONTH: "YYYY-MM", DAY: "YYYY-MM-DD", TIME: "YYYY-MM-DDTHH:MM"}

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True, order=True)
class When:
    """A point in the calendar at the precision the source gives."""

    year: int
    month: int
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def precision(self) -> str:
        if self.day is None:
            return MONTH
        return DAY if self.hour is None else TIME

    @property
    def date(self) -> dt.date:
        """The day, or the first day of the month for a month-only date (for sorting only)."""
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def last_date(self) -> dt.date:
        """The last day this value covers: the day itself, or the month's last day."""
        if self.day is not None:
            return self.date
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    @property
    def time(self) -> dt.time | None:
        return None if self.hour is None else dt.time(self.hour, self.minute or 0)

    def local(self, tz: str) -> dt.datetime:
        """The start as an aware datetime in `tz` (midnight when there is no time)."""
        return dt.datetime.combine(self.date, self.time or dt.time(0), ZoneInfo(tz))

    @property
    def iso(self) -> str:
        """ISO 8601 at the source's precision: 2017-12, 2017-12-12 or 2017-12-12T10:00."""
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
        return text

    @property
    def month_name(self) -> str:
        return MONTH_NAMES[self.month - 1]

    def __str__(self) -> str:
        return self.iso


def parse_when(text: str, forms: Iterable[str] = (MONTH, DAY, TIME)) -> When | None:
    """Parse one of the allowed forms; None when the text is in none of them or is no real date."""
    for form in forms:
        match = _FORMS[form].match(text.strip())
        if not match:
            continue
        parts = [int(p) for p in match.groups()]
        try:
            if form == MONTH:
                dt.date(parts[0], parts[1], 1)
                return When(parts[0], parts[1])
            dt.date(*parts[:3])
            if form == DAY:
                return When(*parts)
            dt.time(parts[3], parts[4])
            return When(*parts)
        except ValueError:
            return None
    return None


def build_now(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """The build's "now": SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)


def country_timezone(code: str) -> str | None:
    """The time zone of a country that keeps one clock (DE -> Europe/Berlin), None for one that keeps several.

    From the IANA zone.tab of the pinned tzdata package; zones of one country that
    give the same offset all year (Europe/Berlin and Europe/Busingen) count as one,
    and the first listed, the country's main zone, is taken.
    """
    table = importlib.resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    zones = [line.split("\t")[2] for line in table.splitlines() if line.startswith(code + "\t")]
    if not zones:
        return None
    moments = [dt.datetime(2024, month, 15, 12, tzinfo=dt.UTC) for month in range(1, 13)]
    clocks = {tuple(m.astimezone(ZoneInfo(zone)).utcoffset() for m in moments) for zone in zones}
    return zones[0] if len(clocks) == 1 else None
