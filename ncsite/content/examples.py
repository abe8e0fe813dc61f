"""The templates partners copy (templates/), read as the list of sample text that must not be published.

A copy of a template whose sample values ("Name of the organising organisation",
"Street 1", "Write the programme here…") are left in would publish them on
the page, in the feeds, calendars and exports. The samples are read from the
templates themselves, so a changed template stays covered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import fields as F
from .models import CLUSTER, EVENT, LIVINGLAB, NEWSLETTER
from .yamlsrc import Document, parse, split_front_matter

# Each template, the spec of what it fills in (None: no samples are looked for in copies),
# and the key its entries sit under (data files). Several templates may fill one spec.
TEMPLATES: dict[str, tuple[F.Record | None, str | None]] = {
    "event-in-person.md": (EVENT, None),
    "event-online.md": (EVENT, None),
    "event-hybrid.md": (EVENT, None),
    "livinglab.md": (LIVINGLAB, None),
    "newsletter.md": (NEWSLETTER, None),
    "cluster.yaml": (CLUSTER, "clusters"),
    # A list item for content/newsletter/index.md, an ordinary page, a town of data/places.yaml
    # (whose `source: OpenStreetMap` is meant to stay): no spec names their samples.
    "news-reported-elsewhere.md": (None, None),
    "page.md": (None, None),
    "place.yaml": (None, None),
}
BODY_HINT = "replace the template's sample text with your own text, or delete it"


@dataclass(frozen=True)
class Samples:
    """Sample values by spec (as Context.examples wants them) and the sample lines of each template's body."""

    fields: dict[int, dict[str, list[F.Example]]] = field(default_factory=dict)  # by id() of the spec
    body: dict[int, dict[str, str]] = field(default_factory=dict)  # normalised line -> line as written

    def for_spec(self, spec: F.Record) -> dict[str, list[F.Example]]:
        return self.fields.get(id(spec), {})

    def in_body(self, spec: F.Record, body: str, first_line: int) -> tuple[int, str] | None:
        """The first line of `body` that is a line of the template's sample text: (file line, sample)."""
        lines = self.body.get(id(spec))
        if not lines:
            return None
        for offset, line in enumerate(body.split("\n")):
            key = " ".join(line.split()).casefold()
            if key in lines:
                return first_line + offset, lines[key]
        return None


def read_templates(folder: Path) -> Samples:
    """The samples of every template in `folder` (nothing when there is no such folder)."""
    samples = Samples()
    for name, (spec, key) in TEMPLATES.items():
        path = folder / name
        if spec is None or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if name.endswith(".md"):
            doc = split_front_matter(text)
            if not isinstance(doc, Document):
                continue
            data, _ = parse(doc.front_matter, doc.front_matter_line)
            samples.body.setdefault(id(spec), {}).update(
                {
                    " ".join(line.split()).casefold(): line.strip()
                    for line in doc.body.split("\n")
                    if line.strip() and not line.startswith("#")  # a heading ("## Outcome") is meant to stay
                }
            )
        else:
            data, _ = parse(text)
            data = data[0] if isinstance(data, list) and data else data
        if isinstance(data, dict):
            known = samples.fields.setdefault(id(spec), {})
            for path_, examples in F.template_examples(spec, data, f"{key}." if key else "").items():
                known.setdefault(path_, []).extend(e for e in examples if e not in known.get(path_, []))
    return samples
