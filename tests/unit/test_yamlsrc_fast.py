"""The libyaml-backed loader gives the same values and line numbers as the pure-Python one."""

from __future__ import annotations

import pytest

from ncsite.content import yamlsrc
from ncsite.content.yamlsrc import LineDict, LineList, PartnerLoader, parse

SAMPLES = [
    "title: A meeting\nstart: '2019-06-12'\nlocation:\n  city: Kiel\n  country: DE\nclusters: [a, b]\n",
    "clusters:\n  - id: x\n    name: X\n    topics:\n      - wind\n      - solar\n  - id: y\n    country: 'NO'\n",
    "founded: 2005\nmembers: 12.5\npublic: true\nnothing:\nno: NO\n",
]


def shape(data):
    if isinstance(data, LineDict):
        return ("map", data.line, data.lines, {k: shape(v) for k, v in data.items()})
    if isinstance(data, LineList):
        return ("seq", data.line, data.lines, [shape(v) for v in data])
    return data


@pytest.mark.parametrize("text", SAMPLES)
def test_fast_and_pure_loaders_agree(text, monkeypatch):
    fast = parse(text, first_line=2)
    monkeypatch.setattr(yamlsrc, "FastPartnerLoader", PartnerLoader)
    pure = parse(text, first_line=2)
    assert shape(fast[0]) == shape(pure[0]) and fast[1] is pure[1] is None


def test_faults_keep_the_clear_messages():
    data, fault = parse("title: x\n\tstart: 2019\n", first_line=2)
    assert data is None and fault.line == 3 and "'\\t'" in fault.message


def test_a_control_character_is_a_fault_not_a_traceback():
    data, fault = parse("title: bell \x07 here\n")
    assert data is None and "special characters are not allowed" in fault.message
