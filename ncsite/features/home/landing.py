"""What the home page shows besides events: key figures, the living labs, the latest news, the partners."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ncsite.content.countries import COUNTRIES
from ncsite.content.models import Content, LivingLab, NewsletterIssue, Partner
from ncsite.features.newsletter.feature import published

HOME_NEWS = 3


@dataclass(frozen=True)
class Country:
    """A partner country and its partners, in the order of data/partners.yaml."""

    code: str
    name: str
    partners: tuple[Partner, ...]


def partner_countries(partners: tuple[Partner, ...]) -> list[Country]:
    """The partners grouped by country, countries in the order they first appear in the file."""
    codes = list(dict.fromkeys(p.country for p in partners))
    return [Country(code, COUNTRIES[code], tuple(p for p in partners if p.country == code)) for code in codes]


def latest_news(content: Content, today: dt.date, limit: int = HOME_NEWS) -> list[NewsletterIssue]:
    """The newest published issues, newest first."""
    return published(content.newsletter, today)[:limit]


def labs_by_date(labs: tuple[LivingLab, ...]) -> list[LivingLab]:
    """Living labs in the order they took place (labs without a date last), then by city."""
    far = dt.date.max
    return sorted(labs, key=lambda lab: (lab.start.date if lab.start else far, lab.city, lab.title))


def landing(content: Content, today: dt.date) -> dict[str, object]:
    """The home page's context, next to its events."""
    countries = partner_countries(content.partners)
    return {
        "partner_countries": countries,
        "figures": {
            "partners": len(content.partners),
            "countries": len(countries),
            "livinglabs": len(content.livinglabs),
        },
        "home_labs": labs_by_date(content.livinglabs),
        "latest_news": latest_news(content, today),
    }
