"""How long a title or summary, and how big an image or PDF, a partner's page may have.

The limits are what the site's lists, cards, tabs and feeds can show, and what a reader
on a phone can load: CONTRIBUTING.md ("Size limits") states them, and a test checks
that it states these figures. Above a limit, the file, the field and both figures are named.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

TITLE_CHARACTERS = 120  # a title longer than this wraps to four lines on a phone and is cut in tabs and feeds
SUMMARY_CHARACTERS = 400  # two or three sentences: cards and feed items show a summary whole
IMAGE_BYTES = 2 * 1024 * 1024  # 2 MB: a photo 2,000 pixels wide, saved as JPEG, is well under it
PDF_BYTES = 10 * 1024 * 1024  # 10 MB: a report with photos, saved for the screen
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")

_FIELDS = {
    "title": (TITLE_CHARACTERS, "shorten it: lists, tabs and feeds show the title whole; the detail goes in the text"),
    "summary": (
        SUMMARY_CHARACTERS,
        "shorten it to one or two sentences: lists, cards and feeds show it whole; the rest goes in the text",
    ),
}


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def text_fields(clean: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(field, message, fix) for each text field over its limit."""
    for field, (limit, hint) in _FIELDS.items():
        value = clean.get(field)
        if isinstance(value, str) and len(value) > limit:
            yield field, f"the {field} is {len(value)} characters long; the limit is {limit}", hint


def file_size(path: Path) -> tuple[str, str] | None:
    """(message, fix) when an image or PDF file is over its limit, else None."""
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if suffix == ".pdf" and size > PDF_BYTES:
        return (
            f"the PDF is {megabytes(size)}; the limit is {megabytes(PDF_BYTES)}",
            "save it smaller (in most PDF programs: Export or Save as → Reduced size / Optimised for screen), "
            "or link to where it is already published",
        )
    if suffix in IMAGE_SUFFIXES and size > IMAGE_BYTES:
        return (
            f"the image is {megabytes(size)}; the limit is {megabytes(IMAGE_BYTES)}",
            "save it smaller: 2,000 pixels wide is plenty for the site, as JPEG (quality about 80) for photos",
        )
    return None
