"""JSON lists written one record at a time are byte for byte what json.dumps writes for the whole list."""

from __future__ import annotations

import json

import pytest

from ncsite.outputs.jsonfile import json_list

RECORDS = [
    {"id": "a", "title": "Øresund møde", "nested": {"list": [1, 2, {"deep": None}], "empty": {}, "none": []}},
    {"text": 'line one\nline two\t"quoted" \\ back', "unicode": "\u2028 \U0001f600", "n": 1.5, "t": True},
    [],
    "plain",
]


@pytest.mark.parametrize("records", [[], [{}], RECORDS, RECORDS[:1], [[1, [2, [3]]]]])
def test_the_same_bytes_as_json_dumps(records):
    assert json_list(iter(records)) == (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
