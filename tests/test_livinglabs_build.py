"""Living labs in real builds: 50 generated labs with their events and clusters, and a site with none."""

from __future__ import annotations

import random
import re
from pathlib import Path

import lxml.html
import pytest
from conftest import copy_project, mkdocs_build

from ncsite import Sources, load_content
from ncsite.content.models import labs_of_cluster

NOW = "1795435200"
TOPICS = ["wind-energy", "district-heating", "energy-grids", "sustainable-mobility", "food", "ict", "robotics"]
STATUSES = ["planned", "running", "completed"]
COUNTRIES = ["DK", "DE", "SE", "NO", "NL", "BE", "GB"]
INSIDE = {"DK": (56.0, 9.5), "DE": (53.5, 10.0), "SE": (57.7, 12.0), "NO": (59.9, 10.7), "NL": (52.5, 5.5)}
INSIDE |= {"BE": (50.9, 4.4), "GB": (55.9, -3.2)}  # a point well inside each country


def _generate(project: Path, rng: random.Random) -> dict:
    """Write 24 clusters, 50 labs and 150 events; returns what each lab and cluster should show."""
    clusters = [f"gen-cluster-{n:02d}" for n in range(24)]
    with open(project / "data" / "clusters.yaml", "a", encoding="utf-8") as out:
        for cid in clusters:
            topics = rng.sample(TOPICS, rng.randint(1, 3))
            out.write(
                f'\n  - id: {cid}\n    name: "Generated cluster {cid[-2:]}"\n    country: "{rng.choice(COUNTRIES)}"\n'
                f"    topics: [{', '.join(topics)}]\n"
            )
    labs = {}
    for n in range(50):
        slug = f"gen-lab-{n:02d}"
        host = rng.choice(clusters + [None])
        members = rng.sample([c for c in clusters if c != host], rng.randint(0, 4))
        topics = rng.sample(TOPICS, rng.randint(0, 3))
        labs[slug] = {"host": host, "clusters": members, "events": []}
        lines = [
            f'title: "Generated lab {n:02d}"',
            f'city: "City {n}"',
            f'country: "{rng.choice(COUNTRIES)}"',
            f"status: {rng.choice(STATUSES)}",
            f"topics: [{', '.join(topics)}]",
            f"clusters: [{', '.join(members)}]",
        ]
        if host:
            lines.append(f"host: {host}")
        (project / "content" / "livinglabs" / f"{slug}.md").write_text(
            "---\n" + "\n".join(lines) + f"\n---\n\nA generated lab number {n}.\n", encoding="utf-8"
        )
    for n in range(150):
        slug = f"gen-event-{n:03d}"
        lab = rng.choice(list(labs) + [None, None])
        day = f"20{rng.randint(17, 28)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        extra = f"livinglab: {lab}\n" if lab else ""
        (project / "content" / "events" / f"{slug}.md").write_text(
            f'---\ntitle: "Generated event {n:03d}"\ntype: workshop\nstart: "{day}"\n{extra}---\n\nEvent {n}.\n',
            encoding="utf-8",
        )
        if lab:
            labs[lab]["events"].append(((day, slug), slug))
    for lab in labs.values():
        lab["events"] = [slug for _, slug in sorted(lab["events"])]
    with open(project / "data" / "places.yaml", "a", encoding="utf-8") as out:  # the maps need every city's position
        for path in sorted((project / "content" / "livinglabs").glob("gen-lab-*.md")):
            n = int(path.stem[-2:])
            country = path.read_text(encoding="utf-8").split('country: "')[1][:2]
            lat, lon = INSIDE[country]  # the check wants a town inside its country
            out.write(
                f'  - town: "City {n}"\n    country: "{country}"\n    lat: {lat + n / 1000}\n    lon: {lon + n / 1000}\n'
                "    source: generated for the test\n"
            )
    return {"labs": labs, "clusters": clusters}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("labs"))
    truth = _generate(project, random.Random(20190613))
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": NOW})
    assert result.returncode == 0, result.stderr
    return project, truth


def _page(site: Path, path: str):
    return lxml.html.fromstring((site / path / "index.html").read_text(encoding="utf-8"))


def _slugs(hrefs) -> list[str]:
    return [h.rstrip("/").split("/")[-1] for h in hrefs]


def _dd(doc, term: str):
    return doc.xpath(f'//dl[@class="nc-facts"]/dt[normalize-space()="{term}"]/following-sibling::dd[1]')


def test_every_lab_page_lists_exactly_its_events_and_links_its_clusters(generated):
    project, truth = generated
    site = project / "site"
    for slug, expected in truth["labs"].items():
        doc = _page(site, f"livinglabs/{slug}")
        events = doc.xpath(
            '//h2[@id="lab-events"]/following-sibling::ul[@class="nc-events"][1]//a[@class="nc-events__title"]/@href'
        )
        assert _slugs(events) == expected["events"], slug
        host = _dd(doc, "Host cluster")
        if expected["host"]:
            assert _slugs(host[0].xpath(".//a/@href")) == [expected["host"]], slug
        else:
            assert host == []
        members = _dd(doc, "Clusters taking part")
        assert _slugs(members[0].xpath(".//a/@href") if members else []) == expected["clusters"], slug
        for href in doc.xpath('//ul[@class="nc-could-join"]//a/@href'):
            assert _slugs([href])[0] not in {expected["host"], *expected["clusters"]}, slug
        for cid in _slugs(doc.xpath('//dl[@class="nc-facts"]//a[contains(@href, "matchpoint/")]/@href')):
            assert (site / "matchpoint" / cid / "index.html").is_file(), cid


def test_labs_of_cluster_gives_each_cluster_exactly_its_labs(generated):
    project, truth = generated
    content, problems = load_content(Sources(project))
    assert not problems
    for cluster in content.clusters:
        expected = sorted(
            slug for slug, lab in truth["labs"].items() if lab["host"] == cluster.id or cluster.id in lab["clusters"]
        )
        assert sorted(lab.slug for lab in labs_of_cluster(content.livinglabs, cluster.id)) == expected, cluster.id


def test_index_groups_every_lab_by_status_with_a_country_index(generated):
    project, truth = generated
    doc = _page(project / "site", "livinglabs")
    cards = doc.xpath('//li[contains(@class, "nc-lab-card")]')
    assert len(cards) == len([p for p in (project / "content" / "livinglabs").glob("*.md") if p.name != "index.md"])
    for card in cards:
        assert card.getparent().getparent().get("data-status") == card.get("data-status")
    groups = [s.get("data-status") for s in doc.xpath('//section[contains(@class, "nc-lab-group")]')]
    assert groups == [s for s in ("running", "planned", "completed") if s in groups] and len(groups) == 3
    indexed = _slugs(doc.xpath('//dl[@class="nc-by-country"]//a/@href'))
    assert sorted(indexed) == sorted(_slugs(c.xpath(".//h4/a/@href")[0] for c in cards))
    # The list page stays small: well under a kilobyte of HTML per lab.
    size = (project / "site" / "livinglabs" / "index.html").stat().st_size
    assert size < 60_000 + 1000 * len(cards), size


def test_method_text_is_in_the_page_body_and_in_search(built_site):
    doc = _page(built_site, "livinglabs")
    text = doc.xpath("string(//article)")
    for phrase in (
        "A laboratory",
        "start-up incubator",
        "only trend topics",
        "only the activities of a public body",
        "strong backing from local politicians",
        "critical mass of companies",
        "real market perspective",
    ):
        assert phrase.lower() in text.lower(), phrase
    assert doc.xpath('//article//a[contains(@href, "reports/what-have-we-learned")]')
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "start-up incubator" in index


def test_a_site_without_labs_explains_the_method(tmp_path):
    project = copy_project(tmp_path)
    for lab in (project / "content" / "livinglabs").glob("*.md"):
        if lab.name != "index.md":  # the method, the page's introduction, stays
            lab.unlink()
    for page in (project / "content").rglob("*.md"):  # unlink the removed labs
        text = re.sub(r"^livinglab: .*\n", "", page.read_text(encoding="utf-8"), flags=re.M)
        page.write_text(re.sub(r"\[([^\]]*)\]\(\.\./livinglabs/[a-z0-9-]+\.md\)", r"\1", text), encoding="utf-8")
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": NOW})
    assert result.returncode == 0, result.stderr
    doc = _page(project / "site", "livinglabs")
    assert not doc.xpath('//li[contains(@class, "nc-lab-card")]') and not doc.xpath('//form[@id="lab-filter"]')
    # How to add a lab is for contributors (CONTRIBUTING.md), not for the public page.
    assert not doc.xpath('//h2[@id="add-a-lab"]') and "content/livinglabs/" not in doc.xpath("string(//article)")
    assert "start-up incubator" in doc.xpath("string(//article)")
