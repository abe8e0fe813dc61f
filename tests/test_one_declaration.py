"""A cluster's fields are declared once (ncsite/content/models.py, `Cluster`): a field added there,
and nowhere else, is checked, reaches the JSON Schema, the profile page's context and both
exports when it is public, and none of the three when it is not."""

from __future__ import annotations

import json
import sys

from conftest import ROOT, copy_project, run

NEW_FIELDS = """
    motto: str | None = declared(F.Text(), "the cluster's motto, in one line", public=PUBLIC)
    board_note: str | None = declared(F.Text(), "a note for the project's board, never published")
"""

PROBE = """
import csv, datetime as dt, io, json, sys
from pathlib import Path

import ncsite
from ncsite import Settings
from ncsite.build import Build
from ncsite.content import schemas

root = Path.cwd()
assert Path(ncsite.__file__).is_relative_to(root), ncsite.__file__  # the copy, with the new fields
schema = schemas.schemas(root)["clusters.schema.json"]["properties"]["clusters"]["items"]["properties"]
build = Build(Settings(root=root, site_url="https://example.org/site/", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
assert build.ok, build.problems
profile = build.view("matchpoint/clean.md").page_context()["profile"]
(matchpoint,) = [f for f in build.features if type(f).__name__ == "MatchpointFeature"]
files = {o.path: o.data for o in matchpoint.outputs({})}
rows = json.loads(files["matchpoint/clusters.json"])
table = list(csv.DictReader(io.StringIO(files["matchpoint/clusters.csv"].decode("utf-8-sig"))))
print(json.dumps({
    "schema": {k: schema[k]["description"] for k in ("motto", "board_note")},
    "profile": getattr(profile, "motto", None),
    "profile_note": hasattr(profile, "board_note"),
    "json": {r["id"]: r.get("motto") for r in rows if "motto" in r},
    "json_note": any("board_note" in r for r in rows),
    "csv_header": list(table[0]),
    "csv": {r["id"]: r["motto"] for r in table if r["motto"]},
}))
"""


def test_a_field_declared_once_reaches_schema_page_and_both_exports(tmp_path):
    project = copy_project(tmp_path)
    models = project / "ncsite/content/models.py"
    source = models.read_text(encoding="utf-8")
    last = '    as_of: int | None = declared(F.Integer(1900, 2100, "2012"), "the year the profile\'s facts describe", public=PUBLIC)\n'
    assert last in source  # the declaration's last field, after which the new ones go
    models.write_text(source.replace(last, last + NEW_FIELDS), encoding="utf-8")
    clusters = project / "data/clusters.yaml"
    text = clusters.read_text(encoding="utf-8")
    assert "\n  - id: clean\n" in text
    clusters.write_text(
        text.replace(
            "\n  - id: clean\n", '\n  - id: clean\n    motto: "=Wind to the north"\n    board_note: Call in May\n', 1
        ),
        encoding="utf-8",
    )

    result = run([sys.executable, "-c", PROBE], project)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["schema"] == {
        "motto": "the cluster's motto, in one line",
        "board_note": "a note for the project's board, never published",
    }
    assert seen["profile"] == "=Wind to the north" and seen["profile_note"] is False
    assert seen["json"] == {"clean": "=Wind to the north"} and seen["json_note"] is False
    assert seen["csv_header"][-1] == "motto" and "board_note" not in seen["csv_header"]
    assert seen["csv"] == {"clean": "'=Wind to the north"}  # a formula-like cell is made text, as every cell


def test_the_new_field_is_checked_like_every_other(tmp_path):
    project = copy_project(tmp_path)
    models = project / "ncsite/content/models.py"
    source = models.read_text(encoding="utf-8")
    models.write_text(
        source.replace("    as_of: int | None = declared(", NEW_FIELDS + "    as_of: int | None = declared(")
    )
    clusters = project / "data/clusters.yaml"
    text = clusters.read_text(encoding="utf-8")
    clusters.write_text(text.replace("\n  - id: clean\n", "\n  - id: clean\n    motto: [a, list]\n", 1))
    result = run([sys.executable, "-m", "ncsite", "check", "."], project)
    assert result.returncode == 1
    assert "field 'clusters[clean].motto'" in result.stderr, result.stderr


def test_the_real_declaration_is_what_the_site_uses():
    models = (ROOT / "ncsite/content/models.py").read_text(encoding="utf-8")
    assert "motto" not in models  # the probe's field lives only in the temporary copies
