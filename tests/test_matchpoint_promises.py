"""Matchpoint promises only what its data holds, and every profile says what it lacks and how to
update it without a GitHub account (the contact set once in mkdocs.yml: extra.contact)."""

from __future__ import annotations

import posixpath

import yaml
from conftest import ROOT
from lxml import html as lxml_html


def clusters() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "clusters.yaml").read_text(encoding="utf-8"))["clusters"]


def contact() -> dict:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0]
    return yaml.safe_load(text)["extra"]["contact"]


def doc_of(site, path):
    return lxml_html.fromstring((site / path / "index.html").read_bytes())


def test_every_page_header_links_the_contact(built_site):
    pages = list(built_site.rglob("index.html"))
    assert len(pages) > 50
    for page in pages:
        doc = lxml_html.fromstring(page.read_bytes())
        folder = "/" + page.parent.relative_to(built_site).as_posix() + "/"
        links = [
            posixpath.normpath(posixpath.join(folder, h))
            for h in doc.xpath('//header//a[@class="nc-header-contact"]/@href')
        ]
        assert links == ["/contact"], page


def test_contact_page_shows_the_one_contact(built_site):
    text = " ".join(doc_of(built_site, "contact").text_content().split())
    c = contact()
    assert c["name"] in text and c["address"] in text
    assert doc_of(built_site, "contact").xpath(f'//a[@href="{c["website"]}"]')


def test_every_profile_says_what_it_lacks_and_how_to_update_it(built_site):
    name = contact()["name"]
    for cluster in clusters():
        doc = doc_of(built_site, f"matchpoint/{cluster['id']}")
        update = doc.xpath('//*[@id="update"]')
        assert update, cluster["id"]
        text = " ".join(update[0].text_content().split())
        assert f"write to {name}" in text and update[0].xpath('.//a[contains(@href, "contact/")]'), cluster["id"]
        lacks = " ".join(" ".join(p.text_content().split()) for p in doc.xpath('//p[@class="nc-lacks"]'))
        if cluster.get("status", "active") != "active":
            assert not lacks, cluster["id"]
            continue
        if not cluster.get("looking_for"):
            assert "does not yet say which partners the cluster is looking for" in lacks, cluster["id"]
            assert lacks.endswith("update it."), cluster["id"]
        if not cluster.get("website"):
            assert "its website" in lacks, cluster["id"]
        if all(cluster.get(k) for k in ("looking_for", "topics", "focus", "website")) and (
            cluster.get("town") or cluster.get("offices")
        ):
            assert not lacks, cluster["id"]


def test_other_countries_first_on_every_profile(built_site):
    """Every profile's suggested partners: each one abroad before each one at home."""
    names = {"DK": "Denmark", "DE": "Germany", "NO": "Norway", "SE": "Sweden", "NL": "Netherlands", "BE": "Belgium"}
    checked = 0
    for cluster in clusters():
        doc = doc_of(built_site, f"matchpoint/{cluster['id']}")
        countries = [
            s.text.strip("()")
            for s in doc.xpath('//ul[contains(@class, "nc-partners")]//span[@class="nc-partners__country"]')
        ]
        home = [c == names[cluster["country"]] for c in countries]
        assert home == sorted(home), (cluster["id"], countries)
        checked += bool(countries)
    assert checked >= 15
    cewind = doc_of(built_site, "matchpoint/cewind")
    first = cewind.xpath('//ul[contains(@class, "nc-partners")]//span[@class="nc-partners__country"]')[0].text
    assert first != "(Germany)"


def test_only_figures_and_places_a_source_gives(built_site):
    """CEwind's member count is no sum the site made; CLEAN, with no head office in any source, is not put at one."""
    cewind = doc_of(built_site, "matchpoint/cewind")
    members = cewind.xpath('//dt[.="Members"]/following-sibling::dd[1]')[0].text_content()
    assert "22" not in members and "7 universities" in members
    mp = doc_of(built_site, "matchpoint")
    card = mp.xpath('//li[contains(@class, "nc-card")][.//a[@href="clean/"]]')[0]
    assert "Sønderborg" not in card.xpath('string(.//p[@class="nc-card__meta"])')
    assert not mp.xpath('//a[contains(@class, "nc-map__pin")][@href="clean/"]')


def topic_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for cluster in clusters():
        for topic in cluster.get("topics", []):
            counts[topic] = counts.get(topic, 0) + 1
    return counts


def test_claims_about_matching_are_what_the_data_holds(built_site):
    seeking = [c for c in clusters() if c.get("looking_for") and c.get("status", "active") == "active"]
    home = " ".join(doc_of(built_site, "").xpath('string(//section[@aria-labelledby="matchpoint"])').split())
    mp = doc_of(built_site, "matchpoint")
    lead = " ".join(mp.xpath('string(//p[@class="nc-lead"])').split())
    if not seeking:
        assert "looking for" not in home
        assert "no profile says yet which partners it is looking for" in lead
    counts = topic_counts()
    # Every topic example on the register page links to a topic some cluster works on, with its true count.
    register = doc_of(built_site, "matchpoint/register")
    examples = register.xpath('//div[@id="matching-today"]//a[contains(@href, "topic=")]')
    assert examples
    for link in examples:
        topic = link.get("href").split("topic=")[1]
        assert counts.get(topic, 0) > 0, topic
        assert f"({counts[topic]} cluster" in link.tail, topic
    text = " ".join(register.text_content().split())
    assert "offshore wind" not in text.lower() or counts.get("offshore-wind")
    # A topic no cluster works on is offered nowhere: no chip, and its option says so and cannot be chosen.
    for option in mp.xpath('//select[@id="nc-topic"]/option[@value!=""]'):
        n = counts.get(option.get("value"), 0)
        assert (option.get("disabled") is not None) == (n == 0), option.get("value")
        assert option.text.endswith("(no cluster yet)" if n == 0 else f"({n})")
    chips = mp.xpath('//input[@name="want"]/@value')
    assert chips and all(counts.get(v, 0) > 0 for v in chips)
    # The search's examples are a town, a topic and a name the directory holds.
    placeholder = mp.xpath('//input[@id="nc-q"]/@placeholder')[0]
    cards = " ".join(mp.xpath("//li[contains(@class, 'nc-card')]/@data-text")).lower()
    for example in placeholder.removeprefix("e.g. ").split(", "):
        assert example.lower() in cards, example


def test_merged_clusters_are_listed_apart_with_their_successor(built_site):
    mp = doc_of(built_site, "matchpoint")
    current = {h.rstrip("/") for h in mp.xpath('//ul[@id="nc-clusters"]/li//h2/a/@href')}
    former = mp.xpath('//ul[@id="nc-former"]/li')
    gone = {c["id"]: c for c in clusters() if c.get("status", "active") != "active"}
    assert {li.xpath("string(.//h3/a/@href)").rstrip("/") for li in former} == set(gone)
    assert not current & set(gone)
    for li in former:
        cid = li.xpath("string(.//h3/a/@href)").rstrip("/")
        assert li.xpath(f'.//p[@class="nc-card__status"]/a[@href="../{gone[cid]["successor"]}/"]') or li.xpath(
            f'.//p[@class="nc-card__status"]/a[@href="{gone[cid]["successor"]}/"]'
        ), cid


def test_the_intra_net_clusters_left_out_are_named(built_site):
    text = " ".join(doc_of(built_site, "matchpoint").text_content().split())
    assert "Design2Innovate, FURGY, KVCA and ROBIN" in text and "once the country each is based in is confirmed" in text


def test_sources_are_references_with_a_readable_title(built_site):
    """A profile's sources name their publisher or title, not a bare domain; a linked one reads as its title."""
    import re

    bare = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b")
    links = 0
    for cluster in clusters():
        doc = doc_of(built_site, f"matchpoint/{cluster['id']}")
        for li in doc.xpath('//ul[@class="nc-sources"]/li'):
            text = " ".join(li.text_content().split())
            assert not bare.match(text), (cluster["id"], text)
            for a in li.xpath(".//a"):
                links += 1
                assert a.get("href").startswith("https://") and not a.text_content().startswith("http"), text
    assert links >= 10
