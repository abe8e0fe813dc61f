"""GitHub workflows, issue forms, pre-commit and editor settings: valid and wired as intended."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from ncsite.content import schemas
from ncsite.content.yamlsrc import parse

GITHUB = ROOT / ".github"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def load(path: Path) -> dict:
    # Our loader keeps `on:` a string key (PyYAML's YAML 1.1 would make it True).
    data, fault = parse(path.read_text(encoding="utf-8"))
    assert fault is None, fault
    return data


def steps_text(job: dict) -> str:
    return "\n".join(str(step.get("run", "")) + str(step.get("uses", "")) for step in job["steps"])


def test_pull_requests_check_build_test_and_attach_the_site():
    workflow = load(GITHUB / "workflows" / "check.yml")
    assert set(workflow["on"]) == {"pull_request", "workflow_dispatch"}
    job = workflow["jobs"]["check"]
    assert job["permissions"] == {"contents": "read"}
    assert "bookworm" in job["container"]  # Debian: apt's chromium is the real browser
    text = steps_text(job)
    for command in (
        "apt-get install",
        "chromium",
        "make check",
        "make build",
        "make test",
        "actions/checkout@",
        "actions/upload-artifact@",
    ):
        assert command in text, command
    upload = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    # The preview: built as `make preview` does, published by scripts/publish-pages, linked in a comment.
    assert "make preview" in steps_text(workflow["jobs"]["preview-build"])
    publish = steps_text(workflow["jobs"]["preview-publish"])
    assert "scripts/publish-pages" in publish and "pr-preview/pr-" in publish and "scripts/preview-comment" in publish


def test_main_and_nightly_builds_deploy_to_pages():
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    triggers = workflow["on"]
    assert set(triggers) == {"push", "schedule", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    assert len(cron.split()) == 5 and cron.split()[2:] == ["*", "*", "*"], cron  # every day
    assert workflow["concurrency"]["group"] == "pages" and workflow["concurrency"]["cancel-in-progress"] is False
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"} and deploy["permissions"] == {"contents": "write"}
    assert "make build" in steps_text(build) and "actions/upload-artifact@" in steps_text(build)
    assert deploy["needs"] == "build"
    # The site goes to the root of gh-pages; the previews in pr-preview/ stay (tests/test_workflows.py runs it).
    assert "scripts/publish-pages built-site" in steps_text(deploy)


@pytest.mark.parametrize(
    "schema, files",
    [
        ("vendor.github-workflows", sorted((GITHUB / "workflows").glob("*.yml"))),
        ("vendor.github-issue-forms", sorted((GITHUB / "ISSUE_TEMPLATE").glob("[!c]*.yml"))),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ],
)
def test_github_files_match_githubs_schemas(schema, files):
    assert files
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_event_form_asks_for_what_an_event_file_needs():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "announce-event.yml")
    ids = {item.get("id") for item in form["body"]}
    assert {"title", "type", "start", "end", "place", "summary"} <= ids
    kinds = next(item for item in form["body"] if item.get("id") == "type")["attributes"]["options"]
    from ncsite.content.fields import EVENT_TYPES

    assert tuple(kinds) == EVENT_TYPES


def test_pull_request_template_has_a_partner_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5 and "contact_public" in text and "CONTRIBUTING.md" in text


def test_pre_commit_runs_the_content_check():
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["content-check"]["entry"] == "make check"
    assert hooks["content-check"]["language"] == "system" and hooks["content-check"]["pass_filenames"] is False


def test_editor_settings_point_data_files_at_the_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    data_targets = {name: glob for name, glob in schemas.TARGETS.items() if glob.endswith(".yaml")}
    assert {Path(path).name: glob for path, glob in mapping.items()} == data_targets
    for path, glob in mapping.items():
        assert (ROOT / path).is_file()
        modeline = (ROOT / glob).read_text(encoding="utf-8").splitlines()[0]
        assert modeline == f"# yaml-language-server: $schema=../{path.removeprefix('./')}"
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_data_files_pass_the_schemas_as_an_editor_reads_them():
    """check-jsonschema reads YAML 1.2 with JavaScript regexes, as the editor's YAML extension does."""
    for name, glob in schemas.TARGETS.items():
        if glob.endswith(".yaml"):
            result = subprocess.run(
                [str(CHECK_JSONSCHEMA), "--schemafile", str(ROOT / "schemas" / name), str(ROOT / glob)],
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_ask_only_for_what_may_be_published_and_say_so():
    for name in ("announce-event.yml", "register-cluster.yml"):
        form = load(GITHUB / "ISSUE_TEMPLATE" / name)
        intro = form["body"][0]["attributes"]["value"]
        assert form["body"][0]["type"] == "markdown" and "public" in intro, name
        assert "agree" in intro, f"{name} does not say that people are named only with their consent"
        required = [
            option
            for item in form["body"]
            if item["type"] == "checkboxes"
            for option in item["attributes"]["options"]
            if option.get("required")
        ]
        assert any("public" in o["label"] or "published" in o["label"] for o in required), name
    register = load(GITHUB / "ISSUE_TEMPLATE" / "register-cluster.yml")
    fields = {item["id"]: item["attributes"] for item in register["body"] if "id" in item}
    for contact in ("contact_name", "contact_role", "contact_email", "contact_phone"):
        assert "(published" in fields[contact]["label"], contact
    assert "general address" in fields["contact_email"]["description"]
    intro = register["body"][0]["attributes"]["value"]
    assert "privately" in intro and "Contact page" in intro  # the private route, outside the repository
