"""One reader per folder of records in content/: events, living labs and newsletter issues."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..dates import When
from ..models import EVENT, LIVINGLAB, NEWSLETTER, Event, LivingLab, Location, NewsletterIssue
from .base import SectionReader

NEWSLETTER_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$")


def exists(when: When, timezone: str) -> bool:
    """Whether a local time happens in the zone (not skipped when the clocks go forward)."""
    local = when.local(timezone)
    return local.astimezone(dt.UTC).astimezone(local.tzinfo).replace(tzinfo=None) == local.replace(tzinfo=None)


class EventsReader(SectionReader):
    """content/events/<slug>.md: one event each."""

    section, field = "events", "events"

    def record(self, path: Path) -> Event | None:
        loaded = self.loaded(path, EVENT)
        if loaded is None:
            return None
        slug, rel, clean, data = loaded
        if self.taken(path, slug, f'rename it, e.g. to "{clean["start"].iso}-{slug}.md"'):
            return None
        location = clean.pop("location", None)
        timezone, timezone_from = self.timezone(clean.pop("timezone", None), location)
        for key in ("start", "end"):
            when = clean.get(key)
            if when is not None and when.time is not None and not exists(when, timezone):
                self.reading.problem(
                    rel,
                    f'the time "{when}" does not exist in {timezone}: the clocks are put forward that night',
                    "write the time as the clocks show it, an hour later",
                    field=key,
                    line=data.line_of(key),
                )
                return None
        return Event(
            slug=slug,
            source=rel,
            timezone=timezone,
            timezone_from=timezone_from,
            location=Location(**location) if location else None,
            **clean,
        )

    def timezone(self, given: str | None, location: dict[str, str] | None) -> tuple[str, str]:
        """The event's time zone, and where it comes from: the event, its country or the site."""
        if given is not None:
            return given, "event"
        zone = self.reading.country_timezone((location or {}).get("country"))
        if zone is not None:
            return zone, "country"
        return self.reading.sources.timezone, "site"

    def result(self) -> tuple[Event, ...]:
        return tuple(sorted(self.items, key=lambda e: e.sort_key))


class LivingLabsReader(SectionReader):
    """content/livinglabs/<slug>.md: one living lab each."""

    section, field, refers = "livinglabs", "livinglabs", "livinglab"

    def record(self, path: Path) -> LivingLab | None:
        loaded = self.loaded(path, LIVINGLAB)
        if loaded is None:
            return None
        slug, rel, clean, data = loaded
        self.reading.locate(rel, clean["city"], clean["country"], "city", data.line_of("city"))
        return LivingLab(slug=slug, source=rel, **clean)

    def result(self) -> tuple[LivingLab, ...]:
        return tuple(sorted(self.items, key=lambda lab: lab.slug))

    def ids(self) -> set[str]:
        # A living lab that failed validation still exists: do not report its references twice.
        return {lab.slug for lab in self.items} | self.stems

    def names(self) -> list[tuple[str, str]]:
        return [(lab.title, lab.slug) for lab in self.items]


class NewsletterReader(SectionReader):
    """content/newsletter/<YYYY-MM-DD>-<name>.md: one newsletter issue each."""

    section, field = "newsletter", "newsletter"

    def record(self, path: Path) -> NewsletterIssue | None:
        rel = self.reading.sources.rel(path)
        match = NEWSLETTER_NAME.match(path.stem)
        loaded = self.reading.record(path, NEWSLETTER)
        if not match:
            self.reading.problem(
                rel,
                f'the file name "{path.name}" does not start with the issue\'s date',
                'name it <YYYY-MM-DD>-<short-name>.md, e.g. "2019-05-08-green-week.md"',
            )
            return None
        if loaded is None:
            return None
        clean, data = loaded
        if clean["date"].date.isoformat() != match.group(1):
            self.reading.problem(
                rel,
                f'the date "{clean["date"]}" does not match the date in the file name ({match.group(1)})',
                "make the file name and the date field agree",
                field="date",
                line=data.line_of("date"),
            )
            return None
        return NewsletterIssue(slug=path.stem, source=rel, **clean)

    def result(self) -> tuple[NewsletterIssue, ...]:
        return tuple(sorted(self.items, key=lambda i: i.sort_key))
