"""Matchpoint in real builds: 300 generated clusters, privacy, hostile YAML, exports, and Chromium.

One project copy (real content plus 300 generated clusters, extra topics, two
clusters holding HTML and script in their values, and an event and a lab naming
generated clusters) is built once for this module.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, mkdocs_build, serve_folder

from ncsite import Sources, load_content
from ncsite.features.matchpoint.ranking import rank_by_topics

GENERATED = 300
COUNTRIES = ["DK", "DE", "NO", "SE", "NL", "BE", "GB"]
INDUSTRIES = ["Offshore energy", "Food", "Robotics", "Health & care", "Logistics", "Plastics"]
XSS_NAME = "<script>alert(1)</script>"
XSS_TITLE = "</title><script>alert(5)</script> & Co"
XSS_FOCUS = "<img src=x onerror=alert(1)>"
XSS_INDUSTRY = '"><svg onload=alert(1)>'
XSS_VALUES = (XSS_NAME, XSS_TITLE, XSS_FOCUS, XSS_INDUSTRY)


def secret(i):  # a contact without consent: the check refuses a name, e-mail or phone; a role may stay, unshown
    return {"role": f"Zzhidden manager {i:03d}"}


def public(i):  # a contact person who consented
    return {
        "name": f"Yyshown Person{i:03d}",
        "role": "Cluster manager",
        "email": f"yyshown{i:03d}@example.org",
        "phone": f"+00 8{i:03d} 6666",
    }


def generated_clusters(topic_ids: list[str]) -> list[dict]:
    rnd = random.Random(4)
    out = []
    for i in range(GENERATED):
        entry = {"id": f"gen-{i:03d}", "name": f"Generated Cluster {i:03d}", "country": COUNTRIES[i % len(COUNTRIES)]}
        if i % 10 != 9:  # every tenth is sparse: id, name, country only
            entry.update(
                {
                    "industry": INDUSTRIES[i % len(INDUSTRIES)],
                    "focus": f"Focusword{i:03d} and shared work on things",
                    "services": [f"Service{i:03d} matchmaking", "Joint projects"],
                    "topics": rnd.sample(topic_ids, rnd.randint(1, 3)),
                    "looking_for": rnd.sample(topic_ids, rnd.randint(0, 2)),
                    "contact": public(i) if i % 3 == 0 else secret(i),
                    "contact_public": i % 3 == 0,
                }
            )
        if i in (5, 55):  # two clusters that cover both topics of the picker test
            entry["topics"] = ["robotics", "food"]
        out.append(entry)
    out.append(
        {
            "id": "xss-one",
            "name": XSS_NAME,
            "country": "DK",
            "region": "<b>bold</b> region",
            "address": "<iframe src=//evil.example>\nLine 2",
            "focus": XSS_FOCUS,
            "industry": XSS_INDUSTRY,
            "services": ["[click](javascript:alert(1))", '{: onclick="alert(1)" }'],
            "members_note": "<style>body{display:none}</style>",
            "topics": ["food"],
            "contact": {"name": "<script>alert(3)</script>", "email": "x@example.org"},
            "contact_public": True,
        }
    )
    out.append({"id": "xss-two", "name": XSS_TITLE, "country": "SE", "focus": XSS_FOCUS, "topics": ["food"]})
    return out


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """(project, site, clusters as written) for the real content plus the generated clusters."""
    project = copy_project(tmp_path_factory.mktemp("matchpoint300"))
    topics_file = project / "data" / "topics.yaml"
    topics = yaml.safe_load(topics_file.read_text(encoding="utf-8"))
    topics["topics"] += [{"id": f"gen-topic-{k}", "label": f"Generated topic {k}"} for k in range(10)]
    topics_file.write_text(yaml.safe_dump(topics, allow_unicode=True), encoding="utf-8")
    clusters_file = project / "data" / "clusters.yaml"
    data = yaml.safe_load(clusters_file.read_text(encoding="utf-8"))
    data["clusters"] += generated_clusters([t["id"] for t in topics["topics"]])
    clusters_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    events = project / "content" / "events"
    (events / "2031-05-generated-late.md").write_text(
        '---\ntitle: Generated late meeting\ntype: meeting\nstart: "2031-05-02"\nclusters: [gen-001]\n---\n\nLate.\n'
    )
    (events / "2030-01-generated-early.md").write_text(
        '---\ntitle: Generated early meeting\ntype: meeting\nstart: "2030-01-10"\nclusters: [gen-001, gen-002]\n---\n\nEarly.\n'
    )
    (project / "content" / "livinglabs" / "generated-lab.md").write_text(
        '---\ntitle: Generated lab\ncity: Bergen\ncountry: "NO"\nhost: gen-001\nclusters: [gen-002]\n'
        'start: "2030-03"\n---\n\nA lab.\n'
    )
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": "1795435200"})
    assert result.returncode == 0, result.stderr
    return project, project / "site", data["clusters"]


class _Page(HTMLParser):
    """Tags with their attributes, inline script bodies, and the text of chosen elements."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        self.text.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


# -- scale -----------------------------------------------------------------------


def test_every_cluster_has_a_page_and_a_card(big):
    _, site, clusters = big
    page = parse(site / "matchpoint" / "index.html")
    cards = [attrs for tag, attrs in page.tags if tag == "li" and "nc-card" in attrs.get("class", "")]
    links = {attrs["href"] for tag, attrs in page.tags if tag == "a"}
    assert len(cards) == len(clusters) > GENERATED
    for entry in clusters:
        assert (site / "matchpoint" / entry["id"] / "index.html").is_file(), entry["id"]
        assert f"{entry['id']}/" in links
    html = (site / "matchpoint" / "index.html").read_text(encoding="utf-8")
    assert len(html.encode()) / len(clusters) < 1000, "the directory must stay light (< 1 kB per card)"


def test_directory_is_sorted_by_project_then_name(big):
    _, site, clusters = big
    html = (site / "matchpoint" / "index.html").read_text(encoding="utf-8")
    current, _, former = html.partition('id="nc-former"')
    card = r'data-project="([^"]*)".*?<h[23] class="nc-card__title"><a href="[^"]*">([^<]*)</a>'
    import html as html_lib

    order = ["northern-connections", "intra-net", "joined-later"]
    cards = re.findall(card, current, re.S)
    projects = [p for p, _ in cards]
    assert projects == sorted(projects, key=order.index) and projects[0] == "northern-connections"
    for project in order:
        titles = [html_lib.unescape(t) for p, t in cards if p == project]
        assert titles == sorted(titles, key=str.casefold) and titles
    # Clusters that merged or were renamed are listed apart, after the current ones.
    gone = re.findall(card, former, re.S)
    assert {html_lib.unescape(t) for _, t in gone} == {
        c["name"] for c in clusters if c.get("status", "active") != "active"
    }
    assert len(cards) + len(gone) == len(clusters)


# -- privacy ---------------------------------------------------------------------


def _text_files(site: Path):
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".ics", ".txt", ".js"):
            yield path, path.read_text(encoding="utf-8", errors="replace")


def test_no_contact_person_without_consent_anywhere(big):
    _, site, clusters = big
    # Every generated contact without consent is "Zzhidden manager NNN" (a role: the check refuses
    # a name, e-mail or phone without consent, tests/cases/bad/contact-without-consent.yaml).
    assert sum(1 for c in clusters if c.get("contact", {}).get("role", "").startswith("Zzhidden")) > 150
    forbidden = ["zzhidden"]
    # The real data once held AluCluster's and CEwind's contact persons, who had not consented.
    forbidden += ["nedergaard", "mn@alucluster.com", "2035 3255", "axel wiese", "wiese@cewind.de", "805 1245"]
    phone = re.compile(r"\+00 9\d{3} 7777")
    assert (site / "search" / "search_index.json").is_file()
    checked = 0
    for path, text in _text_files(site):
        folded = text.casefold()
        for value in forbidden:
            assert value not in folded, f"{path.relative_to(site)} publishes {value!r}"
        assert not phone.search(text), f"{path.relative_to(site)} publishes a phone number"
        checked += 1
    assert checked > GENERATED


def test_consented_contact_person_is_published_everywhere_it_belongs(big):
    _, site, _ = big
    person = public(3)
    page = (site / "matchpoint" / "gen-003" / "index.html").read_text(encoding="utf-8")
    for value in person.values():
        assert value in page
    assert f'href="mailto:{person["email"]}"' in page
    rows = {r["id"]: r for r in json.loads((site / "matchpoint" / "clusters.json").read_text(encoding="utf-8"))}
    assert rows["gen-003"]["contact"] == person
    assert "contact" not in rows["gen-001"] and "contact" not in rows["alucluster"]
    table = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO((site / "matchpoint" / "clusters.csv").read_text(encoding="utf-8-sig")))
    }
    assert table["gen-003"]["contact_email"] == person["email"]
    assert table["gen-001"]["contact_email"] == ""


def test_exports_agree_with_the_pages(big):
    _, site, clusters = big
    rows = json.loads((site / "matchpoint" / "clusters.json").read_text(encoding="utf-8"))
    table = list(csv.DictReader(io.StringIO((site / "matchpoint" / "clusters.csv").read_text(encoding="utf-8-sig"))))
    assert [r["id"] for r in rows] == [r["id"] for r in table]
    assert {r["id"] for r in rows} == {c["id"] for c in clusters}
    for row in rows:
        assert row["url"] == f"https://northern-connections.github.io/site/matchpoint/{row['id']}/"
        assert {"id", "name", "url", "country"} <= row.keys()
    by_id = {r["id"]: r for r in rows}
    assert by_id["cewind"]["founded_note"] == "2005 as a research initiative, 2009 as a legal entity"
    assert by_id["xss-one"]["name"] == XSS_NAME  # data, shown as data
    gen = next(c for c in clusters if c["id"] == "gen-004")
    assert by_id["gen-004"]["topics"] == gen["topics"] and by_id["gen-004"]["focus"] == gen["focus"]


# -- hostile values ----------------------------------------------------------------


def test_html_in_yaml_is_text_in_every_page(big):
    _, site, _ = big
    pages = [
        site / "matchpoint" / "index.html",
        site / "matchpoint" / "xss-one" / "index.html",
        site / "matchpoint" / "xss-two" / "index.html",
    ]
    pages += [p for p in (site / "matchpoint").glob("*/index.html") if "xss" not in p.parent.name][:5]
    for path in pages:
        page = parse(path)
        # The directory's own <style> (the no-JavaScript country filter of matchpoint.html): rules on country codes only.
        own = re.findall(r"<style data-nc-nojs-filters>(.*?)</style>", path.read_text(encoding="utf-8"), re.S)
        assert len(own) == (path.parent.name == "matchpoint")
        for css in own:
            assert re.fullmatch(r'[\sa-z0-9_#:(),.\[\]="\-{};~A-Z]*', css) and "url" not in css and "@" not in css
        for tag, attrs in page.tags:
            if tag == "style" and "data-nc-nojs-filters" in attrs:
                continue
            assert tag not in ("iframe", "svg", "style") or tag == "svg" and "onload" not in attrs, (path, tag)
            assert not (tag == "img" and attrs.get("src") == "x"), path
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            assert not attrs.get("href", "").startswith("javascript:"), (path, attrs)
        assert not any("alert(" in s for s in page.scripts), path
    directory = parse(site / "matchpoint" / "index.html")
    text = "".join(directory.text)
    assert XSS_NAME in text and XSS_TITLE in text
    cards = {attrs.get("data-name") for tag, attrs in directory.tags if tag == "li"}
    assert "script alert 1" in cards  # folded words: the search holds no markup at all
    one = parse(site / "matchpoint" / "xss-one" / "index.html")
    shown = "".join(one.text)
    for value in (
        XSS_NAME,
        XSS_FOCUS,
        XSS_INDUSTRY,
        "<script>alert(3)</script>",
        "<iframe src=//evil.example>",
        "[click](javascript:alert(1))",
        "<style>body{display:none}</style>",
    ):
        assert value in shown, value
    two = (site / "matchpoint" / "xss-two" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", two, re.S).group(1)
    import html as html_lib

    assert html_lib.unescape(title).startswith(XSS_TITLE)


def test_search_index_holds_profiles_as_text(big):
    _, site, _ = big
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    for doc in docs:
        for key in ("title", "text"):
            assert not re.search(r"<(script|img|iframe|svg|style)\b", doc[key], re.I), doc
            assert "javascript:" not in doc[key] or "[click](javascript:" in doc[key], doc
    entries = [d for d in docs if d["location"].startswith("matchpoint/gen-004/")]
    assert entries and "Focusword004" in " ".join(d["text"] for d in entries)
    assert "Service004 matchmaking" in " ".join(d["text"] for d in entries)
    xss = " ".join(d["title"] + " " + d["text"] for d in docs if d["location"].startswith("matchpoint/xss-one/"))
    assert "&lt;img src=x onerror=alert(1)&gt;" in xss


# -- the cluster page -------------------------------------------------------------


def test_events_and_labs_of_a_cluster_in_date_order(big):
    _, site, _ = big
    html = (site / "matchpoint" / "gen-001" / "index.html").read_text(encoding="utf-8")
    early, late = html.index("Generated early meeting"), html.index("Generated late meeting")
    assert early < late
    assert 'href="../../events/2030-01-generated-early/"' in html
    assert 'href="../../livinglabs/generated-lab/"' in html and "Host" in html
    two = (site / "matchpoint" / "gen-002" / "index.html").read_text(encoding="utf-8")
    assert "Generated early meeting" in two and "Generated late meeting" not in two and "Taking part" in two


def test_sparse_cluster_page_shows_what_is_known_and_a_small_edit_link(big):
    _, site, _ = big
    html = (site / "matchpoint" / "gen-009" / "index.html").read_text(encoding="utf-8")
    assert "still to come" not in html and 'id="partners"' not in html  # nothing to suggest: no section
    # What the profile lacks, in a line a cluster manager can act on, and how to update it.
    assert re.search(r'class="nc-lacks">This profile does not yet say [^<]*what it works on', html)
    assert 'href="../register/">edit it through GitHub</a>' in html
    assert 'href="../../contact/"' in html  # no website: the project's contact route
    full = (site / "matchpoint" / "gen-004" / "index.html").read_text(encoding="utf-8")
    assert "what it works on" not in full and 'id="partners"' in full


def test_suggested_partners_on_the_page_match_the_core(big):
    project, site, _ = big
    content, problems = load_content(Sources(project))
    assert problems == []
    from ncsite.features.matchpoint.ranking import suggested_partners

    for cid in ("gen-004", "gen-010", "gen-100"):
        cluster = content.cluster(cid)
        expected = suggested_partners(cluster, content.clusters, content.topics)
        html = (site / "matchpoint" / cid / "index.html").read_text(encoding="utf-8")
        section = html[html.index('id="partners"') :]
        shown = re.findall(r'<li><a href="\.\./([^/]+)/">', section)
        assert shown == [m.cluster.id for m in expected] and 0 < len(shown) <= 5
        assert expected[0].why[1:] in section


def test_real_cluster_pages(built_site):
    content, _ = load_content(Sources(ROOT))
    for event in content.events:
        for cid in event.clusters:
            html = (built_site / "matchpoint" / cid / "index.html").read_text(encoding="utf-8")
            assert f'href="../../events/{event.slug}/"' in html, (cid, event.slug)
    html = (built_site / "matchpoint" / "cewind" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/northern-connections/site/edit/main/data/clusters.yaml"' in html
    for text in (
        "Kanzleistrasse 91-93<br>DE-24943 Flensburg",
        "2005 as a research initiative",
        "Research and development joint projects",
        "Wind energy",
    ):
        assert text in html
    assert (built_site / "matchpoint" / "register" / "index.html").is_file()
    directory = (built_site / "matchpoint" / "index.html").read_text(encoding="utf-8")
    assert 'href="register/"' in directory


def test_issue_form_has_the_fields_and_the_topics():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "register-cluster.yml").read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= form.keys()
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    for item in form["body"]:
        assert item["type"] in ("markdown", "input", "textarea", "dropdown", "checkboxes")
        assert item["type"] == "markdown" or item["attributes"]["label"]
        assert re.fullmatch(r"[a-z_]+", item.get("id", "x"))
    for field in (
        "name",
        "country",
        "id",
        "region",
        "address",
        "website",
        "founded",
        "founded_note",
        "members",
        "members_note",
        "industry",
        "focus",
        "services",
        "topics",
        "looking_for",
        "contact_name",
        "contact_role",
        "contact_email",
        "contact_phone",
        "contact_public",
    ):
        assert field in ids, field
    topics = yaml.safe_load((ROOT / "data" / "topics.yaml").read_text(encoding="utf-8"))["topics"]
    wanted = [f"{t['label']} ({t['id']})" for t in topics]
    for item in form["body"]:
        if item["type"] == "dropdown":
            assert item["attributes"]["options"] == wanted, "regenerate the options from data/topics.yaml"


# -- in Chromium -------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_url(big):
    url, server = serve_folder(big[1])
    yield url
    server.shutdown()


def _visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        ".nc-clusters > li:not([hidden]) .nc-card__title a", "els => els.map(a => a.getAttribute('href'))"
    )


def _ids(hrefs):
    return [h.strip("/") for h in hrefs]


def test_finder_search_facets_and_url_state(page, big, big_url):
    _, _, clusters = big
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(big_url + "matchpoint/")
    count = page.locator("#nc-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.inner_text() == f"{len(clusters)} clusters"
    assert len(_visible_ids(page)) == len(clusters)

    search = page.get_by_label("Search by name, town, country or topic")
    search.focus()
    page.keyboard.type("focusword017")
    assert _ids(_visible_ids(page)) == ["gen-017"]
    assert count.inner_text() == f"1 cluster of {len(clusters)}"
    assert "text=focusword017" in page.url
    page.reload()
    assert search.input_value() == "focusword017" and _ids(_visible_ids(page)) == ["gen-017"]

    search.fill("service020 matchmaking")  # services, several words
    assert _ids(_visible_ids(page)) == ["gen-020"]
    search.fill("")
    page.keyboard.press("Tab")  # past the search button to the country select, then choose with the keyboard
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "nc-country", page.evaluate(
        "document.activeElement.outerHTML.slice(0, 200)"
    )
    page.keyboard.press("ArrowDown")
    chosen = page.locator("#nc-country").input_value()
    assert chosen and f"country={chosen}" in page.url
    expected = {c["id"] for c in clusters if c["country"] == chosen}
    assert set(_ids(_visible_ids(page))) == expected

    page.locator("#nc-project").select_option("joined-later")
    expected = {
        c["id"] for c in clusters if c["country"] == chosen and "project" not in c and c["id"] != "new-energy-coalition"
    }
    assert set(_ids(_visible_ids(page))) == expected and expected
    assert count.inner_text().startswith(f"{len(expected)} clusters of {len(clusters)} (")  # then the filters set
    assert count.inner_text().endswith(", Joined later)")
    page.reload()
    assert page.locator("#nc-project").input_value() == "joined-later"
    assert set(_ids(_visible_ids(page))) == expected

    page.get_by_role("link", name="Clear all").click()
    page.wait_for_function("document.getElementById('nc-count').textContent.indexOf(' of ') === -1")
    assert len(_visible_ids(page)) == len(clusters) and "?" not in page.url

    page.locator("#nc-topic").select_option("gen-topic-3")
    assert set(_ids(_visible_ids(page))) == {c["id"] for c in clusters if "gen-topic-3" in c.get("topics", [])}
    search.fill(XSS_NAME)
    page.locator("#nc-topic").select_option("")
    assert _ids(_visible_ids(page))[0] == "xss-one"  # every word in its name: first
    assert dialogs == [] and page.console_errors == []


def test_topic_picker_ranks_with_reasons_by_keyboard(page, big, big_url):
    project, _, clusters = big
    content, _ = load_content(Sources(project))
    page.goto(big_url + "matchpoint/")
    directory_order = _ids(_visible_ids(page))

    def best_first(matches):  # more topics covered first; ties keep the directory's order
        return sorted(matches, key=lambda m: (-m.score, directory_order.index(m.cluster.id)))

    food = page.get_by_role("checkbox", name="Food", exact=True)
    food.focus()
    page.keyboard.press("Space")
    robotics = page.get_by_role("checkbox", name="Robotics", exact=True)
    robotics.focus()
    page.keyboard.press("Space")
    assert food.is_checked() and robotics.is_checked()
    ranked = best_first(rank_by_topics(content.clusters, ["food", "robotics"], content.topics))
    expected = [m.cluster.id for m in ranked]
    assert _ids(_visible_ids(page)) == expected
    assert ranked[0].score > ranked[-1].score  # a real ranking, not just a filter
    cards = page.locator(".nc-clusters > li:not([hidden])")
    labels = {"food": "Food", "robotics": "Robotics"}
    for position in (0, len(ranked) - 1):
        match = ranked[position]
        why = cards.nth(position).locator(".nc-card__why").inner_text()
        assert why.startswith(f"Matches {match.score} of 2: ")
        assert set(why.split(": ", 1)[1].split(", ")) == {labels[t] for t in match.reasons[0].topics}
    assert page.locator("#nc-count").inner_text().endswith("best match first")
    assert "want=robotics%2Cfood" in page.url  # in the vocabulary's order
    page.reload()
    assert _ids(_visible_ids(page)) == expected
    # A shared link with several filters opens the same view.
    page.goto(big_url + "matchpoint/?country=SE&want=food,gen-topic-1")
    expected = [
        m.cluster.id
        for m in best_first(rank_by_topics(content.clusters, ["food", "gen-topic-1"], content.topics))
        if m.cluster.country == "SE"
    ]
    assert _ids(_visible_ids(page)) == expected and expected
    assert page.locator("#nc-country").input_value() == "SE"
    assert page.console_errors == []


def test_hostile_cluster_pages_fire_nothing(page, big_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for cid in ("xss-one", "xss-two"):
        page.goto(big_url + f"matchpoint/{cid}/")
        page.wait_for_load_state("load")
    assert page.locator("h1").first.inner_text() == XSS_TITLE
    page.goto(big_url + "matchpoint/xss-one/")
    assert page.locator("h1").first.inner_text() == XSS_NAME
    assert page.locator("iframe, img[src='x']").count() == 0
    page.goto(big_url + "matchpoint/?text=" + "%3Cscript%3E")
    page.fill("#nc-q", "<img src=x onerror=alert(9)>")
    page.wait_for_timeout(100)
    assert dialogs == [] and page.console_errors == []


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_screens_fit(browser, big_url, site_url, width, height, tmp_path):
    """Directory and a full cluster page: nothing wider than the screen; PNGs for a person to look at."""
    shots = Path(os.environ.get("NC_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(big_url + "matchpoint/")
    more = page.locator("#nc-more")
    assert more.get_attribute("open") is None
    if width < 700:  # on a phone the filters are one tap (or key) away
        assert not page.get_by_role("checkbox", name="Food", exact=True).is_visible()
        page.locator("#nc-more summary").focus()
        page.keyboard.press("Enter")
        assert more.get_attribute("open") is not None
    assert page.get_by_role("checkbox", name="Food", exact=True).is_visible()
    for name, url in (
        ("directory", big_url + "matchpoint/?want=food"),
        ("cluster", site_url + "matchpoint/cewind/"),
        ("generated", big_url + "matchpoint/gen-001/"),
    ):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        page.screenshot(path=str(shots / f"matchpoint-{name}-{width}.png"), full_page=name != "directory")
    context.close()


def test_exports_carry_no_markdown_link_syntax(built_site):
    """The sources in the real data link their titles; the data exports give them as plain text."""
    data = json.loads((built_site / "matchpoint" / "clusters.json").read_text(encoding="utf-8"))
    sources = [s for c in data for s in c.get("source", [])]
    assert any("(https://" in s for s in sources)  # linked titles exist in the real data
    assert not any("](" in s for s in sources)
    rows = list(
        csv.DictReader((built_site / "matchpoint" / "clusters.csv").read_text(encoding="utf-8-sig").splitlines())
    )
    assert rows and not any("](" in (row.get("source") or "") for row in rows)
