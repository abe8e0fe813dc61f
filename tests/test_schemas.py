"""JSON Schemas for editors: current, valid, and faithful to the loader.

The schemas are generated from ncsite/content/fields.py. They must accept every file
of the real content and reject the bad-content cases that one file alone can
show; the other cases are beyond what a schema can express, each for a stated
reason, so a new case in tests/cases/bad/ forces a decision here.
"""

from __future__ import annotations

import fnmatch
import json

import pytest
import yaml
from conftest import BASE, CASES, ROOT
from jsonschema import Draft202012Validator

from ncsite.content import schemas
from ncsite.content.yamlsrc import YamlFault, parse, split_front_matter
from ncsite.features import PAGE_PATHS

VALIDATORS = {
    name: Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for name, schema in schemas.schemas().items()
}

# Case -> the files of that case that the schema alone must reject. (In bad-date,
# "2019-02-30" has the right form: only the loader knows February has no 30th.)
SCHEMA_REJECTS = {
    # The other two files contradict themselves across fields (attendance against online, location).
    "attendance-and-project": {"content/events/2019-07-online.md"},
    "bad-date": {
        "content/events/2019-07-bad-date.md",
        "content/events/2019-07-only-year.md",
        "content/events/2019-07-sexagesimal.md",
    },
    "bad-url-email": {"data/clusters.yaml", "content/events/2019-07-url.md"},
    "cluster-status": {"data/clusters.yaml"},  # the project value; the status rules are beyond a schema
    "every-problem-of-a-file": {"content/events/2026-12-kick-off.md"},
    "missing-required": {"content/events/2019-07-no-start.md"},
    "norway-is-not-false": {"content/livinglabs/harbour-lab.md"},
    "partners": {"data/partners.yaml"},
    "bad-places": {"data/places.yaml"},  # a text latitude, a missing source; the area and duplicates are beyond it
    "unknown-country": {"content/livinglabs/harbour-lab.md", "data/clusters.yaml"},
    "unknown-field": {"content/events/2019-07-typo.md"},
    "unknown-timezone": {"content/events/2019-07-tz.md"},
    "wrong-type": {"content/events/2019-07-wrong-type.md", "data/clusters.yaml"},
    # The templates' exact samples ("What the cluster offers"); a sample line inside a longer value is make check's.
    "template-samples": {"content/events/2019-07-kiel.md", "data/clusters.yaml"},
    # Members below 0, a year before 1990; a year in the future or a skipped hour needs the build's date and zone.
    "implausible": {"data/clusters.yaml", "content/events/2019-07-old.md"},
    "label-instead-of-id": {"content/livinglabs/harbour-lab.md"},
    # The malformed e-mail; a person's details without contact_public: true are judged across fields by make check.
    "contact-without-consent": {"data/clusters.yaml"},
    # The date in curly quotes is no date, the id with a zero-width space no id; the quotes are make check's.
    "curly-quotes": {"content/events/2019-07-curly.md"},
    "invisible-zero-width-space": {"content/events/2019-07-zwsp.md"},
    "id-as-file-name": {"content/events/2019-07-ids.md"},
    # Abbreviations and offsets are no zone names; Etc/GMT+1 is one (its reversed sign is make check's).
    "timezone-abbreviations": {
        "content/events/2019-07-cest.md",
        "content/events/2019-12-offset.md",
        "content/events/2019-07-bst.md",
        "content/events/2019-07-edt.md",
    },
}

# Case -> why no schema can reject it: only `make check` does.
BEYOND_SCHEMA = {
    "colon-in-value": "the YAML cannot be read, so there is nothing to validate",
    "duplicate-ids": "unique ids need a comparison of one field across entries (uniqueItems compares whole entries)",
    "town-without-position": "a town is checked against another file, data/places.yaml",
    "duplicate-key": "a key written twice is gone once the YAML is read: the schema sees one value",
    "empty-file": "there is no data to validate",
    "end-before-start": "comparing two dates is beyond JSON Schema",
    "file-name": "a schema sees the fields, not the file's name",
    "malformed-yaml": "the YAML cannot be read, so there is nothing to validate",
    "missing-front-matter": "without front matter there is nothing to validate",
    "newsletter-name": "a schema sees the fields, not the file's name",
    "reserved-event-name": "a schema sees the fields, not the file's name",
    "not-utf8": "the text cannot be decoded, so there is nothing to validate",
    "unclosed-front-matter": "the front matter cannot be cut out of the file",
    "index-is-not-a-lab": "ids must exist in other files (content/livinglabs/), and index.md is not a lab",
    "unknown-references": "ids must exist in other files (clusters.yaml, topics.yaml, content/livinglabs/)",
    "script-in-body": "the page's text is below the front matter, which is all a schema sees",
    "svg-script": "an image has no schema",
    "broken-links": "links are in the page's text and lead to other files",
    "not-a-page": "a schema sees the fields, not the file's name or folder",
    "nordic-file-name": "a schema sees the fields, not the file's name",
    "clusters-yaml-error-alone": "the YAML cannot be read, so there is nothing to validate",
    "online-with-only-a-country": "which of online, the location's parts and attendance are filled in is judged together",
    "image-from-another-website": "the page's text is below the front matter, which is all a schema sees",
    "place-in-another-country": "whether a position lies in a country is geography, not the form of a value",
    "code-is-text": "the page's text is below the front matter, which is all a schema sees",
    "duplicate-element-ids": "the page's text is below the front matter, which is all a schema sees",
    "encoded-script-addresses": "the page's text is below the front matter, which is all a schema sees",
    "escaped-backticks-onerror": "the page's text is below the front matter, which is all a schema sees",
    "footnotes": "the page's text is below the front matter, which is all a schema sees",
    "images-from-another-host": "the page's text is below the front matter, which is all a schema sees",
    "script-in-backticks-in-div": "the page's text is below the front matter, which is all a schema sees",
    "script-in-indented-fence": "the page's text is below the front matter, which is all a schema sees",
    "script-in-two-word-fence": "the page's text is below the front matter, which is all a schema sees",
    "unclosed-comment": "the page's text is below the front matter, which is all a schema sees",
    "nul-character": "the page's text is below the front matter, which is all a schema sees",
    "right-to-left-override": "the page's text is below the front matter, which is all a schema sees",
    "links-as-html-and-unpublished": "links are in the page's text and lead to other files",
    "invisible-no-break-space": "the YAML cannot be read, so there is nothing to validate",
    "page-addresses": "a schema sees the fields, not the file's name or folder",
    "reserved-cluster-ids": "the names the site takes are the features' (ncsite/features/*/__init__.py), not a schema's",
    "reserved-event-name-events": "a schema sees the fields, not the file's name",
    "second-front-matter": "the second block is in the page's text, below the front matter a schema sees",
    "folder-named-like-a-page": "a schema sees the fields, not the file's name or folder",
    "svg-inline-script": "the page's text is below the front matter, which is all a schema sees",
    "mixed-case-tags": "the page's text is below the front matter, which is all a schema sees",
    "attribute-list-handler": "the page's text is below the front matter, which is all a schema sees",
    "object-and-embed": "the page's text is below the front matter, which is all a schema sees",
    "form-in-text": "the page's text is below the front matter, which is all a schema sees",
    "meta-refresh-and-base": "the page's text is below the front matter, which is all a schema sees",
    "style-element-and-attribute": "the page's text is below the front matter, which is all a schema sees",
    "details-ontoggle": "the page's text is below the front matter, which is all a schema sees",
    "link-title-javascript": "the page's text is below the front matter, which is all a schema sees",
    "image-data-uri": "the page's text is below the front matter, which is all a schema sees",
    "video-and-audio": "the page's text is below the front matter, which is all a schema sees",
    "stylesheet-link": "the page's text is below the front matter, which is all a schema sees",
    "image-tag-alias": "the page's text is below the front matter, which is all a schema sees",
    "srcset-from-another-host": "the page's text is below the front matter, which is all a schema sees",
    "script-in-admonition": "the page's text is below the front matter, which is all a schema sees",
    "script-in-footnote": "the page's text is below the front matter, which is all a schema sees",
    "markdown-in-html-handler": "the page's text is below the front matter, which is all a schema sees",
    "noscript-and-template": "the page's text is below the front matter, which is all a schema sees",
    "named-entity-colon": "the page's text is below the front matter, which is all a schema sees",
    "size-limits": "file sizes are beyond a schema, and the text limits are make check's (CONTRIBUTING.md, Size limits)",
}


def schema_for(rel: str) -> str | None:
    if rel.removeprefix("content/") in PAGE_PATHS.generated:  # a list page's introduction, not an event, lab or issue
        return None
    return next((name for name, glob in schemas.TARGETS.items() if fnmatch.fnmatch(rel, glob)), None)


def read_data(rel: str, raw: bytes):
    """The data an editor's schema check would see, read by our own loader; None if unreadable."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if rel.endswith(".md"):
        doc = split_front_matter(text)
        if isinstance(doc, YamlFault):
            return None
        text = doc.front_matter
    data, fault = parse(text)
    return None if fault else data


def schema_errors(rel: str, raw: bytes) -> list[str] | None:
    """Schema messages for one file; None when no schema applies or the file cannot be read."""
    name = schema_for(rel)
    data = read_data(rel, raw)
    if name is None or data is None:
        return None
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATORS[name].iter_errors(data)]


def test_committed_schemas_are_current():
    assert schemas.stale(ROOT) == [], "run `make schemas` and commit schemas/"


def test_schemas_are_valid_json_schemas_with_help_text():
    for name, schema in schemas.schemas().items():
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        listed = name in ("clusters.schema.json", "topics.schema.json")
        record = next(iter(schema["properties"].values()))["items"] if listed else schema
        for field, spec in record["properties"].items():
            assert spec["title"] == field and spec["description"], (name, field)


def test_every_target_has_a_schema_and_files():
    assert set(schemas.TARGETS) == set(schemas.schemas())
    for glob in schemas.TARGETS.values():
        assert list(ROOT.glob(glob)), f"no file matches {glob}"


def test_schemas_accept_the_real_content_and_the_base_case():
    checked = 0
    for root in (ROOT, BASE):
        for glob in schemas.TARGETS.values():
            for path in root.glob(glob):
                rel = path.relative_to(root).as_posix()
                if schema_for(rel) is None:
                    continue
                errors = schema_errors(rel, path.read_bytes())
                assert errors == [], f"{path}: {errors}"
                checked += 1
    assert checked > 30


def test_every_bad_case_is_classified():
    names = {p.stem for p in (CASES / "bad").glob("*.yaml")}
    assert not set(SCHEMA_REJECTS) & set(BEYOND_SCHEMA)
    assert set(SCHEMA_REJECTS) | set(BEYOND_SCHEMA) == names


CASE_FILES = sorted((CASES / "bad").glob("*.yaml"))


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[c.stem for c in CASE_FILES])
def test_schema_rejects_exactly_the_schema_level_faults(case_file):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    written = {rel: text.encode("utf-8") for rel, text in (case.get("files") or {}).items()}
    written |= {rel: text.encode("latin-1") for rel, text in (case.get("latin1") or {}).items()}
    outcome = {rel: schema_errors(rel, raw) for rel, raw in written.items()}
    rejected = {rel for rel, errors in outcome.items() if errors}
    assert rejected == SCHEMA_REJECTS.get(case_file.stem, set()), outcome


def test_schema_messages_point_at_the_field():
    raw = b'---\ntitle: T\ntype: meting\nstart: "2019-07-01"\nlocation:\n  country: Denmark\n---\n'
    errors = schema_errors("content/events/x.md", raw)
    assert any(e.startswith("type:") for e in errors), errors
    assert any(e.startswith("location/country:") for e in errors), errors


def test_optional_fields_may_be_left_empty_as_the_loader_allows():
    raw = b'---\ntitle: T\ntype: meeting\nstart: "2019-07-01"\nend:\ntimezone:\nlocation:\nclusters:\nstatus:\n---\n'
    assert schema_errors("content/events/x.md", raw) == []
    raw = b'---\ntitle:\ntype: meeting\nstart: "2019-07-01"\n---\n'
    assert schema_errors("content/events/x.md", raw)


def test_the_clusters_schema_refuses_a_person_without_consent():
    """What an editor underlines as make check refuses it: a name, e-mail or phone without contact_public: true."""
    schema = json.loads((ROOT / "schemas" / "clusters.schema.json").read_text(encoding="utf-8"))

    def valid(**entry) -> bool:
        doc = {"clusters": [{"id": "wind-north", "name": "Wind North", "country": "DK", **entry}]}
        return Draft202012Validator(schema).is_valid(doc)

    assert not valid(contact={"name": "Jane Doe"})
    assert not valid(contact={"email": "jane@example.org"}, contact_public=False)
    assert not valid(contact={"phone": "+45 1234 5678"}, contact_public=None)
    assert valid(contact={"name": "Jane Doe", "email": "jane@example.org"}, contact_public=True)
    assert valid(contact={"email": "info@example.org"}, contact_public=True)
    assert valid(contact={"role": "Cluster manager"})
    assert valid()
