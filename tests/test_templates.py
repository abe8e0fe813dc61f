"""The partner templates: each one, filled in as CONTRIBUTING.md says, passes `make check` and builds (strict).

Every file in templates/ is covered (a new template without a case here fails the first
test); left as they are, the templates are caught.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
from conftest import PROJECT_FILES, ROOT, copy_project, mkdocs_build, run

from ncsite import Sources, load_content

TEMPLATES = ROOT / "templates"
FIRST_CLUSTER = re.search(r"^  - id: (\S+)", (ROOT / "data" / "clusters.yaml").read_text(), re.M).group(1)
FIRST_TOPIC = re.search(r"^  - id: (\S+)", (ROOT / "data" / "topics.yaml").read_text(), re.M).group(1)

# What a partner does with each template: where the copy goes (appended to data files),
# and the placeholders and empty fields they fill in.
CASES: dict[str, tuple[str, dict[str, str]]] = {
    "event-in-person.md": (
        "content/events/2019-09-kiel-template-workshop.md",
        {
            "title: Name of the event": "title: Kiel workshop",
            '"YYYY-MM-DD"': '"2019-09-24"',
            "end:   ": 'end: "2019-09-25"',
            "  city:   ": "  city: Kiel",
            'country: "DK"': 'country: "DE"',
            "  - Name of the organising organisation": "  - Kiel organisers",
            "clusters:   ": f"clusters: [{FIRST_CLUSTER}]",
            "registration:   ": "registration: https://example.org/register",
            "summary: One or two sentences for the calendar, the lists and the feeds.": "summary: Two days in Kiel.",
            "Write the programme here before the event, and the report after it.": "Day one: talks.",
        },
    ),
    "event-online.md": (
        "content/events/2020-03-template-webinar.md",
        {
            "title: Name of the event": "title: Hydrogen webinar",
            '"YYYY-MM-DDTHH:MM"': '"2020-03-03T10:00"',
            "end:   ": 'end: "2020-03-03T11:00"',
            "online: true": "online: https://example.org/join",
            "  - Name of the organising organisation": "  - Webinar organisers",
            "summary: One or two sentences for the calendar, the lists and the feeds.": "summary: One hour online.",
            "Write the programme here before the event, and the report after it.": "Three short talks.",
        },
    ),
    "event-hybrid.md": (
        "content/events/2019-11-template-conference.md",
        {
            "title: Name of the event": "title: Esbjerg conference",
            '"YYYY-MM-DD"': '"2019-11-20"',
            "city: City": "city: Esbjerg",
            "  - Name of the organising organisation": "  - Conference organisers",
            "summary: One or two sentences for the calendar, the lists and the feeds.": "summary: In Esbjerg and online.",
            "Write the programme here before the event, and the report after it.": "Programme to follow.",
        },
    ),
    "livinglab.md": (
        "content/livinglabs/template-lab.md",
        {
            "title: Name of the living lab": "title: Ribe harbour lab",
            "city: City": "city: Ribe",
            "host:   ": f"host: {FIRST_CLUSTER}",
            "topics:   ": f"topics: [{FIRST_TOPIC}]",
            "status: planned": "status: completed",
            '"YYYY-MM"': '"2019-05"',
            "summary: One or two sentences for the list of living labs.": "summary: The harbour's heat.",
            "outcome:   ": "outcome: Two companies now test heat storage with the harbour.",
            "What the challenge is, who takes part and how the lab works.": "The harbour brings its challenge.",
            "What came out of the lab: the solutions chosen, the companies that go on with the": "The harbour",
            "owner of the challenge, the projects it started. Write it once it is known.": "chose two solutions.",
        },
    ),
    "newsletter.md": (
        "content/newsletter/2019-05-08-template-issue.md",
        {
            "title: Title of the issue": "title: Green week",
            '"YYYY-MM-DD"': '"2019-05-08"',
            "summary: One or two sentences for the archive and the feed.": "summary: The partners at Green Week.",
            'The text of the issue. Headings start with ##, lists with "- ".': "The partners met at Green Week.",
        },
    ),
    "news-reported-elsewhere.md": (
        "content/newsletter/index.md",  # the list item goes under "## Reported elsewhere"
        {
            "**Month YYYY**": "**March 2021**",
            "Who published it: what the article says, in one sentence.": "Template Times: the partners' results.",
            "[Title of the article](https://example.org/the-article)": "[Results](https://example.org/results)",
        },
    ),
    "cluster.yaml": (
        "data/clusters.yaml",
        {
            "name-of-the-cluster": "template-cluster",
            "name: Name of the cluster organisation": "name: Template Cluster",
            "    town:   ": "    town: Ribe",
            "      Street 1\n      1234 City": "      Havnegade 1\n      6760 Ribe",
            "      email:   ": "      email: info@example.org",
            "contact_public: false": "contact_public: true",
            "      - What the cluster offers": "      - Matchmaking",
            "    topics:   ": f"    topics: [{FIRST_TOPIC}]",
        },
    ),
    "place.yaml": (
        "data/places.yaml",
        {"town: Name of the town": "town: Ribe", "lat: 55.4765": "lat: 55.328", "lon: 8.4594": "lon: 8.762"},
    ),
    "page.md": (
        "content/privacy.md",
        {
            "title: Title of the page": "title: Privacy",
            "description: One sentence for search engines and link previews.": "description: What we keep.",
            'Write the page here. Headings start with ##, lists with "- ".': "The site sets no cookie.",
        },
    ),
}


def fill(name: str) -> str:
    """The template with its placeholders replaced (and every comment line left in, as partners do)."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for placeholder, value in CASES[name][1].items():
        found = re.search(re.escape(placeholder).replace(r"\ \ \ ", r" +"), text)
        assert found, f"templates/{name} no longer holds {placeholder!r}: update CASES"
        gap = "  " if placeholder.endswith("   ") else ""  # keep the comment apart from the value
        text = text[: found.start()] + value + gap + text[found.end() :]
    return text


def add_filled_templates(project: Path) -> None:
    for name, (target, _) in CASES.items():
        path, text = project / target, fill(name)
        if name.endswith(".yaml"):  # a block pasted at the end of the data file
            path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")
        elif name == "news-reported-elsewhere.md":  # one list item, first under its heading
            item = "\n".join(line for line in text.splitlines() if line.startswith(("- ", "  ")))
            index = path.read_text(encoding="utf-8")
            heading = "## Reported elsewhere\n"
            head, _, rest = index.partition(heading)
            intro, _, items = rest.partition("\n- ")
            path.write_text(f"{head}{heading}{intro}\n{item}\n- {items}", encoding="utf-8")
        else:
            path.write_text(text, encoding="utf-8")
    # The ordinary page gets its place in the menu, as "Add an ordinary page" says.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - About: about.md\n" in text
    config.write_text(text.replace("  - About: about.md\n", "  - About: about.md\n  - Privacy: privacy.md\n"))


def with_make(project: Path) -> Path:
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    return project


def test_every_template_has_a_case_and_none_is_published():
    assert {p.name for p in TEMPLATES.iterdir()} == set(CASES)
    assert not (ROOT / "content" / "templates").exists()


def test_filled_templates_pass_make_check_and_build(tmp_path):
    project = with_make(copy_project(tmp_path))
    add_filled_templates(project)
    result = run(["make", "-o", ".venv/bin/mkdocs", "check"], project)  # -o: leave the shared venv alone
    assert result.returncode == 0, result.stdout + result.stderr
    content, _ = load_content(Sources(project))
    events = {e.slug: e for e in content.events}
    kiel = events["2019-09-kiel-template-workshop"]
    assert kiel.attendance_mode == "in-person" and kiel.location.city == "Kiel" and kiel.clusters == (FIRST_CLUSTER,)
    assert events["2020-03-template-webinar"].attendance_mode == "online"
    assert events["2020-03-template-webinar"].location is None
    assert events["2019-11-template-conference"].attendance_mode == "hybrid"
    lab = next(lab for lab in content.livinglabs if lab.slug == "template-lab")
    assert lab.host == FIRST_CLUSTER and lab.topics == (FIRST_TOPIC,) and lab.outcome.startswith("Two companies")
    cluster = next(c for c in content.clusters if c.id == "template-cluster")
    assert cluster.contact_public is True and cluster.address.startswith("Havnegade 1\n")
    assert any(i.slug == "2019-05-08-template-issue" for i in content.newsletter)

    built = mkdocs_build(project, {"SOURCE_DATE_EPOCH": "1795435200"})
    assert built.returncode == 0, built.stderr
    site = project / "site"

    def page(path: str):
        return lxml.html.parse(str(site / path / "index.html")).getroot()

    webinar = page("events/2020-03-template-webinar").text_content()
    assert "Denmark" not in webinar and "Hydrogen webinar" in webinar
    assert "Esbjerg" in page("events/2019-11-template-conference").text_content()
    lab_page = page("livinglabs/template-lab")
    assert lab_page.xpath('//dt[.="Outcome"]/following-sibling::dd[1]')[0].text_content().startswith("Two companies")
    assert lab_page.xpath('//h2[@id="outcome"]')  # the heading of the template's body stays
    assert "Two companies" in page("livinglabs").text_content()
    assert "Green week" in page("newsletter/2019-05-08-template-issue").text_content()
    newsletter = page("newsletter")
    assert newsletter.xpath('//a[@href="https://example.org/results"]'), "the reported-elsewhere item is missing"
    profile = page("matchpoint/template-cluster")
    assert "info@example.org" in profile.text_content() and "Ribe" in profile.text_content()
    (contact,) = profile.xpath('//dd[contains(@class, "nc-contact")]')
    assert contact[0].tag == "a" and not contact.xpath("./br")  # the general address alone: no empty line above
    assert page("matchpoint").xpath('//*[@data-town][.//a[contains(@href, "template-cluster")]]'), "not on the map"
    for path in ("events/2020-03-template-webinar", "livinglabs/template-lab", "newsletter", "privacy"):
        assert "<!--" not in (site / path / "index.html").read_text(encoding="utf-8"), path  # no note is published
    menu = [a.text_content().strip() for a in page("privacy").xpath('//nav[contains(@class, "md-tabs")]//a')]
    assert "Privacy" in menu, menu


def test_unfilled_templates_are_caught(tmp_path):
    project = copy_project(tmp_path, (*PROJECT_FILES, "templates"))  # the samples are read from templates/
    for name, target in (
        ("event-in-person.md", "content/events/new-event.md"),
        ("event-online.md", "content/events/new-webinar.md"),
        ("event-hybrid.md", "content/events/new-conference.md"),
        ("newsletter.md", "content/newsletter/2019-05-08-new.md"),
    ):
        shutil.copy(TEMPLATES / name, project / target)
    _, problems = load_content(Sources(project))
    named = {(p.file, p.field) for p in problems}
    for file in ("content/events/new-event.md", "content/events/new-webinar.md", "content/events/new-conference.md"):
        assert (file, "start") in named and (file, "title") in named, file
    assert ("content/events/new-conference.md", "location.city") in named
    assert ("content/newsletter/2019-05-08-new.md", "date") in named
