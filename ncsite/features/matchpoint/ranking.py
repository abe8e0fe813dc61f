"""Who could be whose project partner: ranking clusters by topics, with the reasons in words.

Pure functions over validated clusters and topics; Matchpoint (suggested
partners, the topic picker) and living labs ("clusters that could join") call it.

    rank_by_topics(clusters, wanted, topics, *, abroad_from=None, exclude=(), limit=None) -> list[Match]
    suggested_partners(cluster, clusters, topics, *, limit=SUGGESTIONS) -> list[Match]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ncsite.content.models import Cluster, Topic

SUGGESTIONS = 5  # suggested partners on a cluster page: a handful, not everyone

# Points per topic: the other side offers what you look for, or looks for what you offer,
# counts more than merely working on the same thing.
OFFERS, SEEKS, SHARES = 2, 2, 1


# -- matching ------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """Why a cluster is suggested: what kind of match, on which topics, in words."""

    kind: str  # "offers" (works on what is wanted), "seeks" (looks for what you offer), "shares" (same topics),
    #            "related" (other topics of the same group)
    topics: tuple[str, ...]  # topic ids
    text: str  # e.g. "works on offshore wind, which you are looking for"


@dataclass(frozen=True)
class Match:
    """A cluster that could be a partner, its score (higher is better) and the reasons."""

    cluster: Cluster
    score: int
    reasons: tuple[Reason, ...]
    abroad: bool = False  # in another country than the one asking

    @property
    def why(self) -> str:
        """The reasons as one sentence fragment: "works on food; is looking for robotics, which you work on"."""
        return "; ".join(r.text for r in self.reasons)


def rank_by_topics(
    clusters: Iterable[Cluster],
    wanted: Iterable[str],
    topics: Iterable[Topic],
    *,
    abroad_from: str | None = None,
    exclude: Iterable[str] = (),
    limit: int | None = None,
) -> list[Match]:
    """Clusters that work on any of the `wanted` topic ids, best first.

    The score is the number of wanted topics a cluster works on; the reason reads
    "works on offshore wind and food". With `abroad_from` (a country code), clusters
    in other countries come first (transnational cooperation is the point), then by
    score; ties go by name. `exclude` holds cluster ids to leave out (e.g. a lab's own
    clusters); `limit` cuts the list. Clusters matching nothing are not returned.
    Used by the directory's topic picker and by living labs ("clusters that could join").
    """
    labels = _labels(topics)
    wanted_ids = list(dict.fromkeys(wanted))
    skip = set(exclude)
    matches = []
    for cluster in clusters:
        if cluster.id in skip:
            continue
        hits = tuple(t for t in wanted_ids if t in cluster.topics)
        if hits:
            reason = Reason("offers", hits, f"works on {_words(hits, labels)}")
            abroad = abroad_from is not None and cluster.country != abroad_from
            matches.append(Match(cluster, len(hits), (reason,), abroad))
    return _ordered(matches, abroad_first=abroad_from is not None)[:limit]


@dataclass(frozen=True)
class TopicIndex:
    """Who works on and who looks for each topic, and on each group of topics: made once, it keeps matching linear."""

    works_on: Mapping[str, tuple[Cluster, ...]]
    looks_for: Mapping[str, tuple[Cluster, ...]]
    groups: Mapping[str, str] = field(default_factory=dict)  # topic id -> its group
    in_group: Mapping[str, tuple[Cluster, ...]] = field(default_factory=dict)  # group -> clusters on its topics

    @classmethod
    def of(cls, clusters: Iterable[Cluster], topics: Iterable[Topic] = ()) -> TopicIndex:
        groups = {t.id: t.group for t in topics if t.group}
        works_on: dict[str, list[Cluster]] = {}
        looks_for: dict[str, list[Cluster]] = {}
        in_group: dict[str, list[Cluster]] = {}
        for c in clusters:
            for t in dict.fromkeys(c.topics):
                works_on.setdefault(t, []).append(c)
            for t in dict.fromkeys(c.looking_for):
                looks_for.setdefault(t, []).append(c)
            for g in dict.fromkeys(groups[t] for t in c.topics if t in groups):
                in_group.setdefault(g, []).append(c)
        return cls(
            {t: tuple(cs) for t, cs in works_on.items()},
            {t: tuple(cs) for t, cs in looks_for.items()},
            groups,
            {g: tuple(cs) for g, cs in in_group.items()},
        )


def suggested_partners(
    cluster: Cluster,
    clusters: Iterable[Cluster],
    topics: Iterable[Topic],
    *,
    limit: int | None = SUGGESTIONS,
    index: TopicIndex | None = None,
) -> list[Match]:
    """Clusters that could be `cluster`'s project partners, best first, never itself.

    A partner works on what `cluster` is looking for ("works on offshore wind, which
    you are looking for"), looks for what `cluster` works on ("is looking for
    aluminium, which you work on"), or, weighing less, works on the same topics
    ("also works on food"). Clusters in other countries come first, then by score
    (2 points per topic offered or sought, 1 per topic shared), ties by name.
    Clusters on neighbouring topics (the same group in data/topics.yaml) follow, with
    score 0 ("works on related topics: hydrogen"): after the direct matches of their side
    of the border, so that every cluster abroad comes before every cluster at home.
    Pass `index` (TopicIndex.of(clusters, topics)) when asking for many clusters.
    """
    topics = tuple(topics)
    index = index or TopicIndex.of(clusters, topics)
    mine, wants = dict.fromkeys(cluster.topics), dict.fromkeys(cluster.looking_for)
    score: dict[str, int] = {}
    by_id: dict[str, Cluster] = {}

    def count(other: Cluster, points: int) -> None:
        score[other.id] = score.get(other.id, 0) + points
        by_id[other.id] = other

    for t in wants:
        for other in index.works_on.get(t, ()):
            count(other, OFFERS)
    for t in mine:
        for other in index.looks_for.get(t, ()):
            count(other, SEEKS)
        if t not in wants:
            for other in index.works_on.get(t, ()):
                if t not in other.looking_for:
                    count(other, SHARES)
    score.pop(cluster.id, None)
    matches = [Match(by_id[cid], points, (), by_id[cid].country != cluster.country) for cid, points in score.items()]
    best = _ordered(matches, abroad_first=True)[:limit]
    labels = _labels(topics)
    # Words only for the handful shown: with hundreds of clusters, wording every match costs more than ranking.
    out = [replace(m, reasons=_reasons(*_overlap(cluster, m.cluster), labels)) for m in best]
    if limit is not None and len(out) == limit and all(m.abroad for m in out):
        return out
    # Neighbours abroad come before any match at home: "other countries first" holds over the whole
    # list, not only among the direct matches (CEwind's list had two German clusters on its own topic
    # before the Danish and Belgian ones on related topics).
    out += _neighbours(cluster, index, labels, taken=set(score) | {cluster.id}, room=limit)
    return _ordered(out, abroad_first=True)[:limit]


def _neighbours(
    cluster: Cluster, index: TopicIndex, labels: Mapping[str, str], taken: set[str], room: int | None
) -> list[Match]:
    """Clusters on other topics of the same groups as `cluster`'s, abroad first, by name."""
    mine = set(cluster.topics) | set(cluster.looking_for)
    groups = dict.fromkeys(index.groups[t] for t in (*cluster.topics, *cluster.looking_for) if t in index.groups)
    found: dict[str, Cluster] = {}
    for g in groups:
        for other in index.in_group.get(g, ()):
            if other.id not in taken:
                found.setdefault(other.id, other)
    near = [Match(o, 0, (), o.country != cluster.country) for o in found.values()]
    out = []
    for m in _ordered(near, abroad_first=True)[:room]:
        related = tuple(t for t in m.cluster.topics if index.groups.get(t) in groups and t not in mine)
        if not related:
            continue
        out.append(
            replace(m, reasons=(Reason("related", related, f"works on related topics: {_words(related, labels)}"),))
        )
    return out


def _overlap(cluster: Cluster, other: Cluster) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What `other` offers `cluster`, seeks from it, and shares with it otherwise (topic ids, in other's order)."""
    mine, wants = set(cluster.topics), set(cluster.looking_for)
    offers = tuple(t for t in other.topics if t in wants)
    seeks = tuple(t for t in other.looking_for if t in mine)
    shares = tuple(t for t in other.topics if t in mine and t not in offers and t not in seeks)
    return offers, seeks, shares


def _reasons(
    offers: tuple[str, ...], seeks: tuple[str, ...], shares: tuple[str, ...], labels: Mapping[str, str]
) -> tuple[Reason, ...]:
    reasons = []
    if offers:
        reasons.append(Reason("offers", offers, f"works on {_words(offers, labels)}, which you are looking for"))
    if seeks:
        reasons.append(Reason("seeks", seeks, f"is looking for {_words(seeks, labels)}, which you work on"))
    if shares:
        reasons.append(Reason("shares", shares, f"also works on {_words(shares, labels)}"))
    return tuple(reasons)


def _ordered(matches: list[Match], abroad_first: bool) -> list[Match]:
    return sorted(
        matches,
        key=lambda m: (not m.abroad if abroad_first else False, -m.score, m.cluster.name.casefold(), m.cluster.id),
    )


def _labels(topics: Iterable[Topic] | Mapping[str, str]) -> Mapping[str, str]:
    if isinstance(topics, Mapping):
        return topics
    return {t.id: t.label for t in topics}


def _in_sentence(label: str) -> str:
    """A label inside a sentence: "Offshore wind" → "offshore wind", but "ICT" stays "ICT"."""
    first = label.split(" ", 1)[0]
    return label if first.isupper() or first[1:2].isupper() else label[:1].lower() + label[1:]


def _words(ids: Iterable[str], labels: Mapping[str, str]) -> str:
    names = [_in_sentence(labels.get(t, t)) for t in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
