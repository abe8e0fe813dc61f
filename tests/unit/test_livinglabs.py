"""Living labs without MkDocs: grouping, the clusters of a lab, and the labs of a cluster."""

from __future__ import annotations

from ncsite.content.dates import parse_when
from ncsite.content.models import Cluster, Content, Event, LivingLab, Topic, events_of_lab, labs_of_cluster
from ncsite.features.livinglabs.feature import COULD_JOIN_MAX, LivingLabsFeature, by_status, countries


def lab(slug, host=None, clusters=(), topics=(), status="running", country="DK", city="Aalborg") -> LivingLab:
    return LivingLab(
        slug=slug,
        source=f"content/livinglabs/{slug}.md",
        title=slug.title(),
        city=city,
        country=country,
        summary="",
        host=host,
        clusters=tuple(clusters),
        topics=tuple(topics),
        status=status,
    )


def cluster(cid, topics=(), name=None, country="DE", **more) -> Cluster:
    return Cluster(id=cid, name=name or cid.title(), country=country, line=1, topics=tuple(topics), **more)


LABS = [
    lab("harbour", host="a", clusters=["b", "c"]),
    lab("grid", host="b"),
    lab("school", clusters=["a"]),
    lab("alone"),
]


def test_labs_of_cluster_counts_hosting_and_taking_part():
    assert [x.slug for x in labs_of_cluster(LABS, "a")] == ["harbour", "school"]
    assert [x.slug for x in labs_of_cluster(LABS, "b")] == ["harbour", "grid"]
    assert [x.slug for x in labs_of_cluster(LABS, "c")] == ["harbour"]
    assert labs_of_cluster(LABS, "nobody") == []


def test_could_join_uses_matchpoint_ranking_abroad_first_and_leaves_out_who_is_in():
    class settings:  # what LivingLabsFeature reads of the Settings
        root = "/nonexistent"

    the_lab = lab("heat", host="host", clusters=["member"], topics=["district-heating", "energy-grids", "ict"])
    clusters = [
        cluster("host", ["district-heating"]),
        cluster("member", ["ict"]),
        cluster("one", ["ict"], name="Zeta"),
        cluster("two", ["energy-grids", "ict", "food"], name="Beta"),
        cluster("also-one", ["district-heating"], name="Alpha", country="DK"),
        cluster("none", ["food"]),
        cluster("gone", ["ict", "energy-grids"], name="Aaa", status="merged", successor="two"),
    ]
    topics = tuple(
        Topic(t, t.replace("-", " ").capitalize()) for t in ("district-heating", "energy-grids", "ict", "food")
    )
    content = Content(livinglabs=(the_lab,), clusters=tuple(clusters), topics=topics)
    view = LivingLabsFeature(settings, content).views()["livinglabs/heat.md"]
    matches = view.context["could_join"]
    # Abroad (not DK) first, then by how many of the lab's topics they work on; host, members and
    # merged clusters (no partner any more) never.
    assert [m.cluster.id for m in matches] == ["two", "one", "also-one"]
    assert matches[0].why == "works on energy grids and ict"
    assert len(matches) <= COULD_JOIN_MAX


def test_labs_grouped_running_planned_completed_without_empty_groups():
    labs = [
        lab("z", status="completed"),
        lab("y", status="running", country="SE", city="Gothenburg"),
        lab("x", status="running", country="BE", city="Antwerp"),
    ]
    assert [(s, [x.slug for x in g]) for s, g in by_status(labs)] == [("running", ["x", "y"]), ("completed", ["z"])]
    assert by_status([]) == []


def test_countries_by_name_with_their_labs():
    labs = [
        lab("a", country="SE", city="Gothenburg"),
        lab("b", country="DK", city="Esbjerg"),
        lab("c", country="DK", city="Aarhus"),
    ]
    assert [(code, name, [x.slug for x in g]) for code, name, g in countries(labs)] == [
        ("DK", "Denmark", ["c", "b"]),
        ("SE", "Sweden", ["a"]),
    ]


def test_events_of_a_lab_keep_the_calendar_order():
    def event(name, livinglab):
        return Event(
            slug=name,
            source="",
            title=name,
            type="living-lab",
            start=parse_when("2019-06-12"),
            timezone="Europe/Copenhagen",
            summary="",
            livinglab=livinglab,
        )

    events = [event("1", "a"), event("2", None), event("3", "b"), event("4", "a"), event("5", ("b", "a"))]
    assert [e.slug for e in events_of_lab(events, "a")] == ["1", "4", "5"]  # one event may serve several labs
    assert [e.slug for e in events_of_lab(events, "b")] == ["3", "5"]
