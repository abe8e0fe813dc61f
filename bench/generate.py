"""Synthetic content at scale, for `make bench` and the page-weight tests.

Everything generated is plainly synthetic ("Synthetic cluster 0042"): no fact
about a real person or organisation. Content is deterministic (no randomness,
no clock), valid per CONTENT_MODEL.md, and uses every form of date.

`generate(project, ...)` adds files to a copy of the project (never to the
real `content/`). Two floors hold the same Markdown pages without our hooks or
overrides (cluster pages as .md files, the four index pages as lists of links):
`floor_site(project, dest)` with our `mkdocs.yml` (same Markdown extensions and
theme features), and `plain_site(floor, dest)` as a plain mkdocs-material project
(the `search` plugin only, default Markdown, no theme features): what a user
would build without us.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

TYPES = ["working-days", "meeting", "workshop", "conference", "webinar", "networking", "living-lab", "other"]
COUNTRIES = ["DK", "DE", "NO", "SE", "NL", "BE", "GB"]
CITIES = ["Aarhus", "Kiel", "Oslo", "Gothenburg", "Groningen", "Antwerp", "Edinburgh"]
TZ = [
    "Europe/Copenhagen",
    "Europe/Berlin",
    "Europe/Oslo",
    "Europe/Stockholm",
    "Europe/Amsterdam",
    "Europe/Brussels",
    "Europe/London",
]

PARAGRAPHS = [
    "This is synthetic text for measuring the build. The partners meet to compare how clusters in "
    "the North Sea Region help small companies find partners in other countries, and what a region "
    "can learn from another one.",
    "The programme has three parts: a morning of short talks, an afternoon of workshops in small "
    "groups, and a visit to a site where a challenge owner explains the problem to solve. Each part "
    "ends with a summary that the organisers publish afterwards.",
    "Participants are asked to bring one example of a project that worked and one that did not. "
    "The examples are collected and compared, and the results are shared with every partner.",
]


@dataclass(frozen=True)
class Scale:
    events: int
    clusters: int
    labs: int
    issues: int

    def times(self, factor: int) -> Scale:
        return Scale(self.events * factor, self.clusters * factor, self.labs * factor, self.issues * factor)


SINGLE = Scale(events=1000, clusters=300, labs=50, issues=200)


def body(n: int, heading: str) -> str:
    parts = [PARAGRAPHS[(n + i) % len(PARAGRAPHS)] for i in range(3)]
    return (
        f"{parts[0]}\n\n## {heading}\n\n{parts[1]}\n\n- first point {n}\n- second point\n- third point\n\n{parts[2]}\n"
    )


def _dates(n: int) -> dict:
    """Every form of date the content model allows, in turn."""
    year, month, day = 2012 + n % 12, 1 + n % 12, 1 + n % 27
    ym, ymd = f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-{day:02d}"
    form = n % 6
    if form == 0:
        return {"start": ym}
    if form == 1:
        return {"start": ym, "end": f"{year:04d}-{min(month + 1, 12):02d}"}
    if form == 2:
        return {"start": ymd}
    if form == 3:
        return {"start": ymd, "end": f"{year:04d}-{month:02d}-{day + 1:02d}"}
    if form == 4:
        return {"start": f"{ymd}T09:30", "end": f"{ymd}T16:00", "timezone": TZ[n % len(TZ)]}
    return {"start": f"{ymd}T10:00", "end": f"{year:04d}-{month:02d}-{day + 1:02d}T13:00"}


def _front_matter(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n\n"


def cluster_id(n: int) -> str:
    return f"synthetic-cluster-{n:04d}"


def lab_slug(n: int) -> str:
    return f"synthetic-lab-{n:03d}"


def topic_ids(project: Path) -> list[str]:
    data = yaml.safe_load((project / "data" / "topics.yaml").read_text(encoding="utf-8"))
    return [t["id"] for t in data["topics"]]


def _cluster(n: int, topics: list[str]) -> dict:
    return {
        "id": cluster_id(n),
        "name": f"Synthetic cluster {n:04d}",
        "country": COUNTRIES[n % len(COUNTRIES)],
        "region": f"Region {n % 40}",
        "website": f"https://cluster-{n:04d}.example.org",
        "founded": 1990 + n % 30,
        "members": 10 + n % 200,
        "industry": f"Industry {n % 25}",
        "focus": PARAGRAPHS[n % len(PARAGRAPHS)][:160],
        "services": ["Matchmaking", "Training", "Innovation projects"][: 1 + n % 3],
        "topics": [topics[(n + i) % len(topics)] for i in range(1 + n % 3)],
        "looking_for": [topics[(n * 7 + i) % len(topics)] for i in range(1 + n % 2)],
    }


def generate(project: Path, scale: Scale) -> Path:
    """Add `scale` synthetic events, clusters, labs and issues to the project copy at `project`."""
    docs = project / "content"
    topics = topic_ids(project)
    clusters_file = project / "data" / "clusters.yaml"
    extra = yaml.safe_dump([_cluster(n, topics) for n in range(scale.clusters)], allow_unicode=True, sort_keys=False)
    text = clusters_file.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    clusters_file.write_text(text + "".join("  " + line + "\n" for line in extra.splitlines()), encoding="utf-8")
    (docs / "livinglabs").mkdir(exist_ok=True)
    for n in range(scale.labs):
        fields = {
            "title": f"Synthetic living lab {n:03d}",
            "city": CITIES[n % len(CITIES)],
            "country": COUNTRIES[n % len(COUNTRIES)],
            "challenge_owner": f"Synthetic city {n}",
            "status": ["planned", "running", "completed"][n % 3],
            "topics": [topics[n % len(topics)]],
            "start": f"{2017 + n % 4}-{1 + n % 12:02d}",
        }
        if scale.clusters:
            fields["host"] = cluster_id(n % scale.clusters)
            fields["clusters"] = [cluster_id((n + i) % scale.clusters) for i in range(2)]
        (docs / "livinglabs" / f"{lab_slug(n)}.md").write_text(
            _front_matter(fields) + body(n, "The challenge"), encoding="utf-8"
        )
    for n in range(scale.events):
        fields = {"title": f"Synthetic event {n:04d}", "type": TYPES[n % len(TYPES)], **_dates(n)}
        if n % 5:
            fields["location"] = {
                "venue": f"Hall {n % 9}",
                "city": CITIES[n % len(CITIES)],
                "country": COUNTRIES[n % len(COUNTRIES)],
            }
        else:
            fields["online"] = f"https://meet.example.org/{n}"
        if n % 11 == 0:
            fields["status"] = ["cancelled", "postponed"][n % 2]
        fields["organisers"] = [f"Synthetic organiser {n % 13}"]
        if scale.clusters:
            fields["clusters"] = [cluster_id(n % scale.clusters)]
        if scale.labs and n % 4 == 0:
            fields["livinglab"] = lab_slug(n % scale.labs)
        if n % 3 == 0:
            fields["summary"] = f"Synthetic event number {n} for measuring the build."
        (docs / "events" / f"synthetic-{n:04d}.md").write_text(
            _front_matter(fields) + body(n, "Programme"), encoding="utf-8"
        )
    (docs / "newsletter").mkdir(exist_ok=True)
    for n in range(scale.issues):
        date = f"{2016 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        fields = {"title": f"Synthetic newsletter {n:03d}", "date": date, "author": "Synthetic editor"}
        (docs / "newsletter" / f"{date}-synthetic-{n:03d}.md").write_text(
            _front_matter(fields) + body(n, "In this issue"), encoding="utf-8"
        )
    return project


def floor_site(project: Path, dest: Path) -> Path:
    """The same pages as a plain mkdocs-material site: no hooks, no overrides, cluster pages as .md files."""
    shutil.copytree(project / "content", dest / "content")
    docs = dest / "content"
    for md in docs.rglob("*.md"):  # a page naming one of our templates (contact.html) gets the theme's own
        text = md.read_text(encoding="utf-8")
        if re.search(r"^template: ", text, re.M):
            md.write_text(re.sub(r"^template: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    clusters = yaml.safe_load((project / "data" / "clusters.yaml").read_text(encoding="utf-8"))["clusters"]

    def listing(folder: str, title: str, entries: list[tuple[str, str]]):
        lines = [f"- [{json.dumps(text)[1:-1]}]({target})" for target, text in entries]
        (docs / folder).mkdir(exist_ok=True)
        (docs / folder / "index.md").write_text(f"# {title}\n\n" + "\n".join(lines) + "\n", encoding="utf-8")

    def titled(folder: str):
        out = []
        for md in sorted((docs / folder).glob("*.md")):
            if md.name != "index.md":
                match = re.search(r"^title: (.+)$", md.read_text(encoding="utf-8"), re.M)
                out.append((md.name, match.group(1).strip('"') if match else md.stem))
        return out

    listing("events", "Events", titled("events"))
    listing("livinglabs", "Living labs", titled("livinglabs"))
    listing("newsletter", "Newsletter", titled("newsletter"))
    (docs / "matchpoint").mkdir(exist_ok=True)
    for c in clusters:
        facts = "\n".join(
            f"- **{key}**: {c[key]}"
            for key in ("country", "region", "industry", "focus", "founded", "members", "topics", "looking_for")
            if key in c
        )
        (docs / "matchpoint" / f"{c['id']}.md").write_text(
            f"---\ntitle: {json.dumps(c['name'])}\n---\n\n# {c['name']}\n\n{facts}\n", encoding="utf-8"
        )
    listing("matchpoint", "Matchpoint", [(f"{c['id']}.md", c["name"]) for c in clusters])
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^  custom_dir: .*\n", "", config, flags=re.M)
    config = re.sub(r"^hooks:\n(  - .*\n)+", "", config, flags=re.M)
    config = re.sub(r"^watch:\n(  - .*\n)+", "", config, flags=re.M)
    config = re.sub(r"^strict: true\n", "strict: false\n", config, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def plain_site(floor: Path, dest: Path) -> Path:
    """The floor's pages as a plain mkdocs-material project: the same nav and pages out of it, nothing else."""
    shutil.copytree(floor / "content", dest / "content")
    ours = yaml.safe_load((floor / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {key: ours[key] for key in ("site_name", "site_url", "docs_dir", "nav", "not_in_nav") if key in ours}
    config |= {"theme": {"name": "material"}, "plugins": ["search"]}
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest
