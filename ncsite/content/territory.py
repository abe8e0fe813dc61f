"""Where each country is, roughly: one or more boxes of longitude and latitude per country.

Enough to tell a partner that a town's coordinates are not in the country they wrote
(lat and lon swapped, a minus sign missing, the coordinates of a namesake elsewhere).
A box is generous (about 0.3° around the land, islands included) and may take in a
neighbour's border towns: it catches the mistakes, not every one. A country without a
box here is only checked against the area the maps show.
"""

from __future__ import annotations

Box = tuple[float, float, float, float]  # west, south, east, north, in degrees

BOXES: dict[str, tuple[Box, ...]] = {
    "BE": ((2.4, 49.4, 6.5, 51.6),),
    "DE": ((5.5, 47.0, 15.3, 55.2),),
    "DK": ((7.7, 54.4, 12.9, 57.9), (14.6, 54.9, 15.3, 55.4)),  # Jutland and the islands; Bornholm
    "EE": ((21.6, 57.4, 28.3, 59.8),),
    "FI": ((19.0, 59.6, 31.7, 70.2),),
    "FO": ((-7.8, 61.3, -6.2, 62.5),),
    "FR": ((-5.3, 41.2, 9.7, 51.2),),
    "GB": ((-8.8, 49.7, 2.0, 61.0),),
    "IE": ((-10.8, 51.3, -5.8, 55.5),),
    "IS": ((-24.7, 63.2, -13.3, 66.7),),
    "LT": ((20.9, 53.8, 26.9, 56.5),),
    "LU": ((5.6, 49.4, 6.6, 50.2),),
    "LV": ((20.9, 55.6, 28.3, 58.1),),
    "NL": ((3.2, 50.7, 7.3, 53.7),),
    "NO": ((4.3, 57.8, 31.5, 71.4),),
    "PL": ((14.0, 48.9, 24.3, 55.0),),
    "SE": ((10.8, 55.2, 24.4, 69.2),),
}


def in_country(country: str, lat: float, lon: float) -> bool | None:
    """Whether the point lies in the country's boxes; None for a country without boxes."""
    boxes = BOXES.get(country)
    if boxes is None:
        return None
    return any(west <= lon <= east and south <= lat <= north for west, south, east, north in boxes)
