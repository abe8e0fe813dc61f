"""Country codes and names: ISO 3166-1 codes from tzdata, names from Babel (CLDR)."""

from __future__ import annotations

from babel import Locale

from ncsite.content.countries import COUNTRIES
from ncsite.content.fields import INVALID, Context, Country
from ncsite.content.models import LOCATION


def test_partners_see_these_names_for_the_seven_partner_countries():
    assert {code: COUNTRIES[code] for code in ("DK", "DE", "NO", "SE", "NL", "BE", "GB")} == {
        "DK": "Denmark",
        "DE": "Germany",
        "NO": "Norway",
        "SE": "Sweden",
        "NL": "Netherlands",
        "BE": "Belgium",
        "GB": "United Kingdom",
    }


def test_every_iso_3166_1_code_and_nothing_else():
    assert len(COUNTRIES) == 249  # the officially assigned ISO 3166-1 alpha-2 codes
    assert all(len(code) == 2 and code.isalpha() and code.isupper() for code in COUNTRIES)
    assert COUNTRIES["AX"] == "Åland Islands" and COUNTRIES["BA"] == "Bosnia & Herzegovina"
    for not_iso in ("EU", "UN", "ZZ", "XA", "QO", "AC", "IC"):
        assert not_iso not in COUNTRIES


def test_kosovo_is_not_an_iso_code_and_is_reported():
    assert "XK" not in COUNTRIES
    problems: list = []
    assert Country().check("XK", Context("content/livinglabs/x.md", problems, [], "country", 4)) is INVALID
    assert [p.message for p in problems] == ['the text "XK" is not a country code']
    assert "XK" not in LOCATION.fields["country"].kind.schema()["enum"]


def test_names_are_babels_english_names():
    territories = Locale("en").territories
    assert dict(COUNTRIES) == {code: territories[code] for code in COUNTRIES}
