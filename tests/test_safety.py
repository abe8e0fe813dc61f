"""The partners' safety net: template copies, what `make check` refuses, escaping, and the pure helpers."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys

import icalendar
import lxml.html
import pytest
from conftest import BASE, ROOT, copy_project, mkdocs_build, run

from ncsite import Sources, load_content
from ncsite.content import markup, published
from ncsite.content.dates import country_timezone
from ncsite.content.examples import TEMPLATES, read_templates
from ncsite.content.mkdocsyml import read_mkdocs_yml
from ncsite.content.text import slug_hint
from ncsite.outputs import csp

# Each template: where a partner saves the copy, and the required fields a partner fills in first.
COPIES = {
    "event-in-person.md": (
        "content/events/2019-06-kiel.md",
        {"title: Name of the event": "title: Kiel working days", '"YYYY-MM-DD"': '"2019-06-12"'},
    ),
    "event-online.md": (
        "content/events/2020-03-webinar.md",
        {"title: Name of the event": "title: Hydrogen webinar", '"YYYY-MM-DDTHH:MM"': '"2020-03-03T10:00"'},
    ),
    "event-hybrid.md": (
        "content/events/2019-11-conference.md",
        {
            "title: Name of the event": "title: Esbjerg conference",
            '"YYYY-MM-DD"': '"2019-11-20"',
            "city: City": "city: Esbjerg",
        },
    ),
    "livinglab.md": (
        "content/livinglabs/kiel-lab.md",
        {
            "title: Name of the living lab": "title: Kiel harbour lab",
            "city: City": "city: Esbjerg",
            '"YYYY-MM"': '"2019-06"',
        },
    ),
    "newsletter.md": (
        "content/newsletter/2019-06-01-news.md",
        {"title: Title of the issue": "title: News from Kiel", '"YYYY-MM-DD"': '"2019-06-01"'},
    ),
    "cluster.yaml": (
        "data/clusters.yaml",
        {"id: name-of-the-cluster": "id: kiel-cluster", "name: Name of the cluster organisation": "name: Kiel Cluster"},
    ),
}


def test_every_template_is_covered():
    assert set(TEMPLATES) == {p.name for p in (ROOT / "templates").iterdir()}
    assert set(COPIES) == {name for name, (spec, _) in TEMPLATES.items() if spec is not None}


def _project(tmp_path, fill_all: bool, real: bool = False):
    if real:
        copy_project(tmp_path)
    else:
        shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    samples = read_templates(ROOT / "templates")
    for name, (target, required) in COPIES.items():
        text = (ROOT / "templates" / name).read_text(encoding="utf-8")
        for old, new in required.items():
            assert old in text, f"{name} no longer holds {old!r}: update COPIES"
            text = text.replace(old, new)
        if fill_all:  # every remaining sample line of the fields and the body becomes real text
            spec = TEMPLATES[name][0]
            lines = {
                line for examples in samples.for_spec(spec).values() for e in examples for line in e.text.splitlines()
            }
            for number, line in enumerate(sorted(lines)):  # field values: text that looks like markup
                text = text.replace(line, f'"Real <text> {number} & <b>more</b>"' if ":" not in line else line)
            for number, line in enumerate(sorted(samples.body.get(id(spec), {}).values())):
                text = text.replace(line, f"Real report {number}.")
        path = tmp_path / target
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a" if name == "cluster.yaml" else "w", encoding="utf-8") as handle:
            handle.write(text)
    return tmp_path


def test_a_template_copy_with_only_the_required_fields_names_every_sample(tmp_path):
    _, problems = load_content(Sources(_project(tmp_path, fill_all=False)))
    text = "\n".join(map(str, problems))
    assert all("still holds the template's example" in str(p) for p in problems), text
    for target, _ in COPIES.values():
        assert target in text, f"no sample found in the copy at {target}:\n{text}"
    for field in (
        "'organisers[1]'",
        "'summary'",
        "'clusters[kiel-cluster].address'",
        "'clusters[kiel-cluster].services[1]'",
    ):
        assert field in text, text
    assert text.count("the text still holds the template's example") == 5  # three events, lab, newsletter bodies


def test_the_same_copies_with_real_values_build_and_are_escaped_everywhere(tmp_path):
    project = _project(tmp_path, fill_all=True, real=True)
    assert load_content(Sources(project))[1] == []
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": "1795435200"})
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = lxml.html.parse(str(site / "events/2019-06-kiel/index.html")).getroot()
    organisers = page.xpath('//dt[.="Organisers"]/following-sibling::dd[1]')[0]
    assert "Real <text>" in organisers.text_content() and not organisers.xpath(".//b")
    [event] = [e for e in json.loads((site / "events/events.json").read_text()) if e["id"] == "2019-06-kiel"]
    assert "<b>more</b>" in json.dumps(event)  # JSON holds the text as written, as text
    ical = icalendar.Calendar.from_ical((site / "events/2019-06-kiel.ics").read_bytes())
    assert "Real <text>" in str(ical.walk("VEVENT")[0]["DESCRIPTION"])
    rows = list(csv.DictReader(io.StringIO((site / "matchpoint/clusters.csv").read_text(encoding="utf-8-sig"))))
    assert any("Real <text>" in row["services"] for row in rows)


def test_make_check_fails_on_what_the_strict_build_would_refuse(tmp_path):
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("docs_dir: content\n", encoding="utf-8")
    meeting = tmp_path / "content/events/2019-06-meeting.md"
    meeting.write_text(meeting.read_text() + "\nSee [Kiel](2017-12-kiel.md).\n", encoding="utf-8")
    shutil.copy(meeting, tmp_path / "content/events/2019-07-other.markdown")
    result = run([sys.executable, "-m", "ncsite", "check", str(tmp_path)], ROOT)
    assert result.returncode == 1
    assert 'content/events/2019-06-meeting.md:11: the link "2017-12-kiel.md" leads to no page' in result.stderr
    assert 'the file "2019-07-other.markdown" will not become a page' in result.stderr
    assert "Traceback" not in result.stderr


def test_rename_hints_transliterate():
    assert slug_hint("Øresund møde") == "oresund-mode"
    assert slug_hint("Ærø Ålborg Straße Über") == "aero-alborg-strasse-uber"
    assert slug_hint("???", "my-event") == "my-event"


@pytest.fixture(scope="module")
def site_html():
    """A body as the site renders it (its Markdown extensions, from mkdocs.yml)."""
    names, configs = published.extension_settings(read_mkdocs_yml(ROOT))
    return published.Renderer(published.markdown_extensions(names, configs)).html


@pytest.mark.parametrize(
    "body, found",
    [
        ("<script>x</script>", "<script>"),
        ("<p onmouseover='x()'>hi</p>", '"onmouseover"'),
        ("<a href=' javascript:x()'>a</a>", "(javascript:)"),
        ("[a](JAVASCRIPT:x())", "(javascript:)"),
        ("[r]: vbscript:x\n\n[a][r]", "(vbscript:)"),
        ("![a](data:image/svg+xml,x)", "(data:)"),
        ("<object data='x.swf'></object>", "<object>"),
        ("<style>body{}</style>", "<style>"),
        ("# Title {: onclick=x() }", '"onclick"'),
    ],
)
def test_script_is_found(site_html, body, found):
    text = "Text.\n\n" + body + "\n"
    refused = published.refused(published.Body("x.md", text, 7), site_html(text))
    assert any(found in r.message for _, r in refused) and {line for line, _ in refused} == {9}, refused


@pytest.mark.parametrize(
    "body",
    [
        "<table><tr><th scope='col'>A</th></tr><tr><td colspan='2'>b<br>c<sup>1</sup></td></tr></table>",
        "<details markdown='1'><summary>More</summary>Text</details> <abbr title='x'>X</abbr>",
        "[mail](mailto:a@example.org) [tel](tel:+4512345678) [web](https://example.org) [page](../about.md#top)",
        "`<script>` and\n\n```\n<script>alert(1)</script>\n```\n<https://example.org> <a@example.org>",
        "a < b and 3 > 2; <!-- a note -->",
    ],
)
def test_what_partners_need_passes(site_html, body):
    assert published.judge(site_html(body)) == []


def test_anchors_are_the_headings_slugs():
    assert {"programme", "programme_1", "the-report-2019", "own"} <= markup.anchors(
        "## Programme\n\n## Programme\n\n### The *report* 2019\n\n## Other {#own}\n"
    )


def test_policy_hashes_exactly_the_templates_inline_scripts():
    template = (
        '<html><head><meta charset="utf-8"><script>a()</script><script src="x.js"></script>'
        '<script type="application/ld+json">{}</script><script id="__config" type="application/json">{}</script>'
        "</head><body>{}<script>b()</script></body></html>"
    )
    html = template.replace("{}<script>b", "<p>Text</p><script>c()</script><script>b")
    assert csp.inline_scripts(html) == ["a()", "c()", "b()"]
    policy = csp.Policy()
    policy.trust("main.html", template.replace("{}<script>b", "<script>b"))  # the page with an empty body
    out = policy.apply(html)
    assert out.index("Content-Security-Policy") < out.index("<script")
    rule = re.search(r'content="([^"]+)"', out).group(1)
    assert (
        csp.script_hash("a()") in rule and csp.script_hash("b()") in rule and "unsafe-inline" not in rule.split(";")[1]
    )
    assert csp.script_hash("{}") not in rule
    assert csp.script_hash("c()") not in rule, "a script only the content holds is never trusted"


def test_a_country_with_one_clock_gives_its_zone():
    assert country_timezone("DE") == "Europe/Berlin"  # Busingen keeps Berlin's clock
    assert country_timezone("GB") == "Europe/London"
    assert country_timezone("ES") is None  # the Canary Islands keep another


def test_an_event_without_timezone_takes_its_countrys(tmp_path):
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "content/events/2019-07-bremen.md").write_text(
        '---\ntitle: Bremen\ntype: meeting\nstart: "2019-07-01T10:00"\ntimezone:\nlocation:\n  country: DE\n---\n',
        encoding="utf-8",
    )
    content, problems = load_content(Sources(tmp_path))
    assert problems == []
    bremen = next(e for e in content.events if e.slug == "2019-07-bremen")
    meeting = next(e for e in content.events if e.slug == "2019-06-meeting")
    assert (bremen.timezone, bremen.timezone_from) == ("Europe/Berlin", "country")
    assert meeting.timezone_from in ("site", "country")
