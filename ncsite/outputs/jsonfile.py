"""JSON files of many records (events/events.json, matchpoint/clusters.json), written one record at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


def json_list(records: Iterable[Any]) -> bytes:
    """`json.dumps(list(records), ensure_ascii=False, indent=1)` and a newline, as UTF-8: the same bytes.

    With `indent`, json encodes in pure Python and holds every piece of the whole file
    until it joins them (6 MiB for 1,000 events); one record at a time holds one record's.
    A record's text is indented one level deeper by a space after each of its newlines
    (JSON strings hold no raw newline, so every newline there is json's own).
    """
    parts = [(" " + json.dumps(r, ensure_ascii=False, indent=1).replace("\n", "\n ")).encode("utf-8") for r in records]
    return b"[\n" + b",\n".join(parts) + b"\n]\n" if parts else b"[]\n"
