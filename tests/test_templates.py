"""The partner templates: filled in, they pass `make check` and build; left as they are, they don't."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT, copy_project, mkdocs_build, run

from ncsite import Sources, load_content

TEMPLATES = ROOT / "templates"
FIRST_CLUSTER = re.search(r"^  - id: (\S+)", (ROOT / "data" / "clusters.yaml").read_text(), re.M).group(1)
FIRST_TOPIC = re.search(r"^  - id: (\S+)", (ROOT / "data" / "topics.yaml").read_text(), re.M).group(1)


def fill(text: str, values: dict[str, str]) -> str:
    """What a partner does: replace the placeholders and fill some empty fields."""
    for placeholder, value in values.items():
        assert placeholder in text, placeholder
        text = text.replace(placeholder, value, 1)
    return text


def add_filled_templates(project: Path) -> None:
    event = fill(
        (TEMPLATES / "event.md").read_text(encoding="utf-8"),
        {
            '"YYYY-MM-DD"': '"2019-09-24"',
            "end:   ": 'end: "2019-09-25"',
            "  city:\n": "  city: Kiel\n",
            "clusters:   ": f"clusters: [{FIRST_CLUSTER}]",
            "registration:   ": "registration: https://example.org/register",
        },
    )
    (project / "content/events/2019-09-kiel-template-workshop.md").write_text(event, encoding="utf-8")
    lab = fill(
        (TEMPLATES / "livinglab.md").read_text(encoding="utf-8"),
        {
            '"YYYY-MM"': '"2019-05"',
            "city: City": "city: Esbjerg",
            "host:   ": f"host: {FIRST_CLUSTER}",
            "topics:   ": f"topics: [{FIRST_TOPIC}]",
        },
    )
    (project / "content/livinglabs/template-lab.md").write_text(lab, encoding="utf-8")
    issue = fill((TEMPLATES / "newsletter.md").read_text(encoding="utf-8"), {'"YYYY-MM-DD"': '"2019-05-08"'})
    (project / "content/newsletter/2019-05-08-template-issue.md").write_text(issue, encoding="utf-8")
    cluster = fill(
        (TEMPLATES / "cluster.yaml").read_text(encoding="utf-8"),
        {
            "name-of-the-cluster": "template-cluster",
            "      email:": "      email: someone@example.org",
            "    topics:   ": f"    topics: [{FIRST_TOPIC}]",
        },
    )
    clusters = project / "data" / "clusters.yaml"
    clusters.write_text(clusters.read_text(encoding="utf-8").rstrip("\n") + "\n" + cluster, encoding="utf-8")


def with_make(project: Path) -> Path:
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    return project


def test_templates_are_not_published():
    assert {p.name for p in TEMPLATES.iterdir()} >= {"event.md", "livinglab.md", "newsletter.md", "cluster.yaml"}
    assert not (ROOT / "content" / "templates").exists()


def test_filled_templates_pass_make_check_and_build(tmp_path):
    project = with_make(copy_project(tmp_path))
    add_filled_templates(project)
    result = run(["make", "-o", ".venv/bin/mkdocs", "check"], project)  # -o: leave the shared venv alone
    assert result.returncode == 0, result.stdout + result.stderr
    content, _ = load_content(Sources(project))
    event = next(e for e in content.events if e.slug == "2019-09-kiel-template-workshop")
    assert event.location.city == "Kiel" and event.location.country == "DK" and event.clusters == (FIRST_CLUSTER,)
    lab = next(lab for lab in content.livinglabs if lab.slug == "template-lab")
    assert lab.host == FIRST_CLUSTER and lab.topics == (FIRST_TOPIC,)
    cluster = next(c for c in content.clusters if c.id == "template-cluster")
    assert cluster.contact_public is False and cluster.address.startswith("Street 1\n")
    assert any(i.slug == "2019-05-08-template-issue" for i in content.newsletter)

    built = mkdocs_build(project, {"SOURCE_DATE_EPOCH": "1795435200"})
    assert built.returncode == 0, built.stderr
    for page in (
        "events/2019-09-kiel-template-workshop",
        "livinglabs/template-lab",
        "newsletter/2019-05-08-template-issue",
        "matchpoint/template-cluster",
    ):
        assert (project / "site" / page / "index.html").is_file(), page
    html = (project / "site/matchpoint/template-cluster/index.html").read_text(encoding="utf-8")
    assert "someone@example.org" not in html  # the contact is private until contact_public: true


def test_unfilled_templates_are_caught(tmp_path):
    project = copy_project(tmp_path)
    shutil.copy(TEMPLATES / "event.md", project / "content/events/new-event.md")
    shutil.copy(TEMPLATES / "newsletter.md", project / "content/newsletter/2019-05-08-new.md")
    _, problems = load_content(Sources(project))
    named = {(p.file, p.field) for p in problems}
    assert ("content/events/new-event.md", "start") in named
    assert ("content/newsletter/2019-05-08-new.md", "date") in named
