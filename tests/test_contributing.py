"""CONTRIBUTING.md tells the truth: its templates, sample report and messages are the real ones."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT, copy_project

from ncsite import Sources, load_content
from ncsite.content import limits
from ncsite.content.problems import report

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")

SAMPLE_EVENT = """---
title: Kiel workshop
type: workshp
start: 12/09/2019
location:
  city: Kiel
  country: Germany
clusters:
  - alucluster
  - cewnd
---
"""


def test_guide_shows_the_templates_as_they_are_in_templates():
    for name in ("event.md", "livinglab.md", "newsletter.md", "cluster.yaml"):
        for line in (ROOT / "templates" / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                assert line in GUIDE, f"templates/{name}: {line!r} is not in CONTRIBUTING.md"


def test_sample_report_is_what_the_check_prints(tmp_path):
    project = copy_project(tmp_path)
    (project / "content/events/2019-09-kiel-workshop.md").write_text(SAMPLE_EVENT, encoding="utf-8")
    _, problems = load_content(Sources(project))
    assert report(problems) in GUIDE


def test_every_message_in_the_table_is_a_real_message(tmp_path):
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "ncsite").rglob("*.py")).replace("\\'", "'")
    # Messages whose words are put together at run time, seen in real reports instead.
    project = copy_project(tmp_path)
    (project / "content/events/2019-09-refs.md").write_text(
        '---\ntitle: R\ntype: meeting\nstart: "2019-09-01"\nclusters: [nobody]\nlivinglab: nowhere\n---\n',
        encoding="utf-8",
    )
    (project / "content/livinglabs/refs-lab.md").write_text(
        '---\ntitle: R\ncity: Kiel\ncountry: "DE"\ntopics: [no-such-topic]\n---\n', encoding="utf-8"
    )
    cluster = yaml.safe_load((ROOT / "data/clusters.yaml").read_text(encoding="utf-8"))["clusters"][0]["id"]
    (project / f"content/matchpoint/{cluster}.md").write_text("# A page in a cluster's place\n", encoding="utf-8")
    _, problems = load_content(Sources(project))
    seen = source + "\n".join(str(p) for p in problems)
    table = GUIDE[GUIDE.index("| message") :]
    rows = [line.split(" | ")[0] for line in table.splitlines()[2:] if line.startswith("| ")]
    assert len(rows) > 30
    for row in rows:
        for fragment in re.findall(r"`([^`]+)`", row):
            assert fragment in seen, f"CONTRIBUTING.md quotes {fragment!r}, which no check prints"


def test_guide_covers_consent_quotes_and_preview():
    for words in (
        "contact_public: true",
        "consent",
        '"NO"',
        "make serve",
        "PORT=",
        "make check",
        "vscode-yaml#207",
        "templates/",
    ):
        assert words in GUIDE, words


def test_guide_states_the_size_limits_the_check_applies():
    section = GUIDE.split("## Size limits", 1)[1].split("\n## ", 1)[0]
    assert f"| {limits.TITLE_CHARACTERS} characters |" in section
    assert f"| {limits.SUMMARY_CHARACTERS} characters" in section
    assert f"| {limits.IMAGE_BYTES // (1024 * 1024)} MB" in section
    assert f"| {limits.PDF_BYTES // (1024 * 1024)} MB" in section
