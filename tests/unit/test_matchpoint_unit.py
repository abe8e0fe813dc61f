"""Matchpoint's pure core: partner matching, ranking by topics, the public view and its exports."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import markdown
import pytest

from ncsite.content.models import Cluster, Contact, LivingLab, Topic
from ncsite.features.matchpoint.exports import as_dict, clusters_csv, clusters_json
from ncsite.features.matchpoint.feature import cluster_labs, directory, profile_description, profile_text
from ncsite.features.matchpoint.public import public_profile
from ncsite.features.matchpoint.ranking import SUGGESTIONS, rank_by_topics, suggested_partners

TOPICS = (
    Topic("offshore-wind", "Offshore wind"),
    Topic("food", "Food"),
    Topic("robotics", "Robotics"),
    Topic("ict", "Information and communication technology (ICT)"),
    Topic("maritime", "Maritime industries"),
)


def cluster(cid, country="DK", topics=(), looking_for=(), name=None, **more) -> Cluster:
    return Cluster(
        id=cid,
        name=name or cid.title(),
        country=country,
        line=1,
        topics=tuple(topics),
        looking_for=tuple(looking_for),
        **more,
    )


def absolute(path):
    return "https://example.org/site/" + path


# -- suggested partners --------------------------------------------------------


def test_reasons_say_why_in_words():
    me = cluster("me", "DK", topics=["food"], looking_for=["offshore-wind"])
    wind = cluster("wind", "DE", topics=["offshore-wind"])
    seeker = cluster("seeker", "NO", looking_for=["food"])
    peer = cluster("peer", "SE", topics=["food", "robotics"])
    by_id = {m.cluster.id: m for m in suggested_partners(me, [me, wind, seeker, peer], TOPICS)}
    assert by_id["wind"].why == "works on offshore wind, which you are looking for"
    assert by_id["seeker"].why == "is looking for food, which you work on"
    assert by_id["peer"].why == "also works on food"
    assert [r.kind for r in by_id["wind"].reasons] == ["offers"]
    assert by_id["wind"].reasons[0].topics == ("offshore-wind",)


def test_both_directions_and_acronyms_read_well():
    me = cluster("me", topics=["ict", "food"], looking_for=["robotics", "maritime"])
    other = cluster("other", "DE", topics=["robotics", "maritime"], looking_for=["ict"])
    [match] = suggested_partners(me, [me, other], TOPICS)
    assert match.why == (
        "works on robotics and maritime industries, which you are looking for; "
        "is looking for information and communication technology (ICT), which you work on"
    )
    assert match.score == 6
    [match] = rank_by_topics([cluster("x", topics=["ict"])], ["ict"], {"ict": "ICT services"})
    assert match.why == "works on ICT services"


def test_other_countries_come_first_then_score_then_name():
    me = cluster("me", "DK", topics=["food"], looking_for=["offshore-wind", "robotics"])
    home_best = cluster("home-best", "DK", topics=["offshore-wind", "robotics", "food"])
    abroad_weak = cluster("abroad-weak", "DE", topics=["food"])
    abroad_strong = cluster("abroad-strong", "NL", topics=["offshore-wind", "robotics"])
    abroad_tie_b = cluster("b-tie", "SE", topics=["offshore-wind"], name="Beta")
    abroad_tie_a = cluster("a-tie", "NO", topics=["offshore-wind"], name="alpha")
    everyone = [me, home_best, abroad_weak, abroad_strong, abroad_tie_b, abroad_tie_a]
    order = [m.cluster.id for m in suggested_partners(me, everyone, TOPICS)]
    assert order == ["abroad-strong", "a-tie", "b-tie", "abroad-weak", "home-best"]
    matches = suggested_partners(me, everyone, TOPICS)
    assert [m.abroad for m in matches] == [True, True, True, True, False]


def test_a_handful_never_itself_and_none_without_common_ground():
    me = cluster("me", topics=["food"], looking_for=["food"])
    many = [cluster(f"c{i:02d}", "DE", topics=["food"]) for i in range(20)]
    matches = suggested_partners(me, [me, *many], TOPICS)
    assert len(matches) == SUGGESTIONS
    assert all(m.cluster.id != "me" for m in matches)
    assert len(suggested_partners(me, [me, *many], TOPICS, limit=None)) == 20
    loner = cluster("loner", topics=["robotics"])
    assert suggested_partners(loner, [loner, *many], TOPICS) == []
    assert suggested_partners(cluster("empty"), [cluster("empty"), *many], TOPICS) == []


# -- ranking by wanted topics (used by the topic picker and by living labs) ------


def test_rank_by_topics_scores_by_topics_covered():
    a = cluster("a", "DK", topics=["food"])
    b = cluster("b", "DE", topics=["food", "robotics"])
    c = cluster("c", "SE", topics=["maritime"])
    ranked = rank_by_topics([a, b, c], ["food", "robotics"], TOPICS)
    assert [(m.cluster.id, m.score) for m in ranked] == [("b", 2), ("a", 1)]
    assert ranked[0].why == "works on food and robotics"
    assert ranked[0].reasons[0].topics == ("food", "robotics")


def test_rank_by_topics_options():
    local = cluster("local", "DK", topics=["food", "robotics"])
    abroad = cluster("abroad", "DE", topics=["food"])
    member = cluster("member", "NO", topics=["food", "robotics"])
    everyone = [local, abroad, member]
    assert [m.cluster.id for m in rank_by_topics(everyone, ["food", "robotics"], TOPICS)] == [
        "local",
        "member",
        "abroad",
    ]
    assert [m.cluster.id for m in rank_by_topics(everyone, ["food", "robotics"], TOPICS, abroad_from="DK")] == [
        "member",
        "abroad",
        "local",
    ]
    assert [m.cluster.id for m in rank_by_topics(everyone, ["food"], TOPICS, exclude=["member"], limit=1)] == ["abroad"]
    assert rank_by_topics(everyone, [], TOPICS) == []
    assert rank_by_topics(everyone, ["food", "food"], TOPICS)[0].score == 1  # a topic counts once


def test_rank_by_topics_accepts_a_label_mapping():
    [match] = rank_by_topics([cluster("a", topics=["food"])], ["food"], {"food": "Good food"})
    assert match.why == "works on good food"


# -- the public view -------------------------------------------------------------


PERSON = Contact(name="Jane Secret", role="Manager", email="jane@example.org", phone="+45 1234 5678")


@pytest.mark.parametrize("consent", [False, True])
def test_contact_person_only_with_consent_in_every_form(consent):
    c = cluster(
        "acme",
        topics=["food"],
        contact=PERSON,
        contact_public=consent,
        focus="Food",
        address="Street 1\nDK-6000 Kolding",
    )
    profile = public_profile(c, TOPICS)
    outputs = [
        json.dumps(as_dict(profile, "u")),
        clusters_json([profile], absolute).decode(),
        clusters_csv([profile], absolute).decode(),
        profile_text(profile),
    ]
    for text in outputs[:3]:
        for value in ("Jane Secret", "jane@example.org", "1234 5678"):
            assert (value in text) is consent
    assert "Jane" not in outputs[3]  # the search text never holds the person
    assert (profile.contact is not None) is consent


def test_json_and_csv_hold_the_same_public_fields():
    c = cluster(
        "acme",
        "DE",
        topics=["food", "ict"],
        looking_for=["robotics"],
        services=("A", "B"),
        founded=2001,
        members=12,
        website="https://acme.example.org",
        contact=PERSON,
        contact_public=True,
    )
    profile = public_profile(c, TOPICS)
    [row_json] = json.loads(clusters_json([profile], absolute))
    [row_csv] = list(csv.DictReader(io.StringIO(clusters_csv([profile], absolute).decode("utf-8-sig"))))
    assert row_json["url"] == row_csv["url"] == "https://example.org/site/matchpoint/acme/"
    assert row_json["topics"] == ["food", "ict"] and row_json["looking_for"] == ["robotics"]
    assert row_csv["topics"] == "Food; Information and communication technology (ICT)"
    assert row_csv["services"] == "A; B" and row_json["services"] == ["A", "B"]
    assert row_json["contact"]["email"] == row_csv["contact_email"] == "jane@example.org"
    assert row_csv["contact_phone"] == "'+45 1234 5678"  # "+..." is a formula to a spreadsheet: shown as text
    assert "region" not in row_json and row_csv["region"] == ""


def test_csv_defuses_spreadsheet_formulas():
    c = cluster("evil", name='=HYPERLINK("http://x")', focus="@SUM(A1)", industry="-2+3")
    [row] = list(csv.DictReader(io.StringIO(clusters_csv([public_profile(c, TOPICS)], absolute).decode("utf-8-sig"))))
    assert row["name"].startswith("'=") and row["focus"].startswith("'@")


def test_address_lines():
    full = public_profile(cluster("full", address="  PO-Box 804\n\nJernbanegade 27 \n"), TOPICS)
    assert full.address_lines == ["PO-Box 804", "Jernbanegade 27"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = set(), ""

    def handle_starttag(self, tag, attrs):
        self.tags.add((tag, tuple(attrs)))

    def handle_data(self, data):
        self.text += data


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '{: onclick="alert(1)" }',
    "**bold** _it_ `code` # head",
    "a\n\n<div>b</div>",
    "&lt;x&gt; & more",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_search_text_is_plain_text_whatever_the_yaml_holds(value):
    c = cluster("x", name=value, focus=value, services=(value,), industry=value)
    html = markdown.markdown(
        profile_text(public_profile(c, TOPICS)), extensions=["attr_list", "md_in_html", "tables", "admonition", "toc"]
    )
    parser = _Tags()
    parser.feed(html)
    assert parser.tags == {("p", ())}, html  # paragraphs of text, no other element, no attribute
    assert parser.text.count(" ".join(value.split())) >= 3, html  # name, industry, focus: shown as written


def test_directory_facets_and_order():
    clusters = [
        cluster("b", "DE", topics=["food"], name="beta", industry="Food"),
        cluster("a", "DK", topics=["food", "robotics"], name="Alpha", industry="Food"),
        cluster("c", "DK", name="Gamma", industry="Robots"),
    ]
    d = directory(clusters, TOPICS)
    assert [p.name for p in d.profiles] == ["Alpha", "beta", "Gamma"]
    assert [(f.value, f.label, f.count) for f in d.countries] == [("DK", "Denmark", 2), ("DE", "Germany", 1)]
    assert [(f.value, f.count) for f in d.projects] == [("joined-later", 3)]
    used = {f.value: f.count for f in d.topics}
    assert len(d.topics) == len(TOPICS) and used["food"] == 2 and used["robotics"] == 1  # every topic, counted


def test_labs_of_a_cluster_in_date_order():
    from ncsite.content.dates import parse_when

    def lab(slug, start=None, host=None, clusters=()):
        return LivingLab(
            slug=slug,
            source="x",
            title=slug,
            city="C",
            country="DK",
            summary="",
            host=host,
            clusters=tuple(clusters),
            start=parse_when(start) if start else None,
        )

    labs = [
        lab("late", "2020-01", clusters=["me"]),
        lab("undated", host="me"),
        lab("early", "2018-05-01", host="me"),
        lab("other", "2019-01", host="you"),
    ]
    assert [(r.lab.slug, r.role) for r in cluster_labs("me", labs)] == [
        ("early", "host"),
        ("late", "taking part"),
        ("undated", "host"),
    ]


def test_indexed_suggestions_equal_the_plain_definition():
    """The topic index is only a speed-up: scores and order equal the pairwise definition."""
    import random

    from ncsite.features.matchpoint.ranking import OFFERS, SEEKS, SHARES, TopicIndex, suggested_partners

    rng = random.Random(7)
    ids = [f"t{i}" for i in range(8)]
    clusters = [
        Cluster(
            id=f"c{i:03d}",
            name=f"Cluster {i:03d}",
            country=rng.choice(["DK", "DE", "SE"]),
            line=1,
            topics=tuple(rng.sample(ids, rng.randint(0, 3))),
            looking_for=tuple(rng.sample(ids, rng.randint(0, 2))),
        )
        for i in range(120)
    ]

    def plain(cluster):
        mine, wants = set(cluster.topics), set(cluster.looking_for)
        out = []
        for other in clusters:
            if other.id == cluster.id:
                continue
            offers = [t for t in other.topics if t in wants]
            seeks = [t for t in other.looking_for if t in mine]
            shares = [t for t in other.topics if t in mine and t not in offers and t not in seeks]
            score = OFFERS * len(offers) + SEEKS * len(seeks) + SHARES * len(shares)
            if score:
                out.append((other.country == cluster.country, -score, other.name.casefold(), other.id))
        return [row[3] for row in sorted(out)][:5]

    index = TopicIndex.of(clusters)
    for cluster in clusters:
        got = suggested_partners(cluster, clusters, (), index=index)
        assert [m.cluster.id for m in got] == plain(cluster), cluster.id
        assert all(m.reasons for m in got)


# -- search, projects, successions ---------------------------------------------------


@pytest.mark.parametrize(
    "typed,written",
    [
        ("malmo", "Malmö"),
        ("lillestrom", "Lillestrøm"),
        ("goteborg", "Göteborg"),
        ("sonderborg", "Sønderborg"),
        ("strasse", "Straße"),
        ("i cleantech", "i-Cleantech"),
        ("aero", "Ærø"),
    ],
)
def test_fold_makes_typed_and_written_forms_equal(typed, written):
    from ncsite.features.matchpoint.search import fold

    assert fold(written) == fold(typed) == typed


def test_search_text_covers_every_published_field():
    c = cluster(
        "x",
        name="Nordic Heat",
        short_name="NH",
        former_names=("Old Heat",),
        town="Malmö",
        offices=("Lund",),
        region="Skåne",
        industry="Energy",
        focus="Heat pumps",
        services=("Matchmaking",),
        topics=["food"],
        nc_role="Hosted the Hoppet lab",
        project="Northern Connections",
    )
    words = set(public_profile(c, TOPICS).search_text.split())
    for word in (
        "nordic",
        "nh",
        "old",
        "malmo",
        "lund",
        "skane",
        "denmark",
        "energy",
        "pumps",
        "matchmaking",
        "food",
        "hoppet",
        "northern",
    ):
        assert word in words, word
    assert set(public_profile(c, TOPICS).name_text.split()) == {"nordic", "heat", "nh", "old"}


def test_successor_and_predecessors_are_linked_both_ways():
    old = cluster(
        "old", name="Old", status="merged", status_date="2020-07", successor="new", project="Northern Connections"
    )
    part = cluster("part", name="Part", successor="new", successor_part="its energy activities", status_date="2020")
    new = cluster("new", name="New")
    d = directory([old, part, new], TOPICS)
    by_id = {p.id: p for p in d.profiles}
    assert by_id["old"].successor.id == "new" and by_id["old"].successor.when == "July 2020"
    assert [(p.id, p.change, p.when) for p in by_id["new"].predecessors] == [
        ("part", "its energy activities", "2020"),
        ("old", "merged", "July 2020"),
    ]
    # The successor takes part in the project through its predecessor, and sorts with it.
    assert by_id["new"].took_part_in == "Northern Connections" and by_id["new"].project_value == "northern-connections"
    assert [p.id for p in d.profiles][:2] == ["new", "old"]
    assert by_id["old"].as_of_text is None and by_id["part"].active


def test_as_of_reads_as_a_record_of_the_past_or_an_update():
    assert public_profile(cluster("a", project="InTra-Net", as_of=2012), TOPICS).as_of_text == "Profile as of 2012"
    assert public_profile(cluster("b", as_of=2020), TOPICS).as_of_text == "Last updated 2020"


def test_suggestions_without_looking_for_use_shared_then_neighbouring_topics():
    from ncsite.features.matchpoint.ranking import suggested_partners

    topics = (Topic("wind", "Wind", "Energy"), Topic("heat", "Heat", "Energy"), Topic("food", "Food", "Food"))
    me = cluster("me", "DK", topics=["wind"])
    same = cluster("same", "SE", topics=["wind"])
    near = cluster("near", "DE", topics=["heat"])
    far = cluster("far", "DE", topics=["food"])
    home = cluster("home", "DK", topics=["wind"])
    matches = suggested_partners(me, [me, same, near, far, home], topics)
    # Abroad first, on the same topic before related ones; then at home, though it shares a topic.
    assert [m.cluster.id for m in matches] == ["same", "near", "home"]
    assert matches[0].why == "also works on wind" and matches[1].why == "works on related topics: heat"
    assert matches[2].why == "also works on wind" and not matches[2].abroad


def test_a_profile_is_described_by_its_focus_else_by_name_place_and_industry():
    def described(**fields):
        return profile_description(public_profile(cluster("kiel", country="DE", name="Kiel Cluster", **fields), TOPICS))

    assert described(town="Kiel", industry="Maritime") == "Kiel Cluster, Kiel, Germany: Maritime"
    assert described() == "Kiel Cluster, Germany"
    assert described(focus="Ships and\n  ports.", industry="Maritime") == "Ships and ports."
    first = "A maritime cluster for shipyards, ports and suppliers along the Baltic and North Sea coasts of Germany."
    second = "Since 2019 it also runs a network of offshore wind companies and research institutes in the region."
    assert described(focus=f"{first} {second}") == first  # a long focus: its first sentence
    words = "word " * 60
    cut = described(focus=words)
    assert cut.endswith("…") and len(cut) <= 200 and cut[:-1] == cut[:-1].rstrip() and words.startswith(cut[:-1])
