"""`make serve`: live preview that follows edits, reports mistakes and survives them."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from unittest import mock

from conftest import ROOT, copy_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(condition, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}; server output:\n{log.read_text(errors='replace')[-4000:]}")


def test_mkdocs_serve_watches_files_by_default():
    """The click pin: `mkdocs serve` without flags must turn live reload on (mkdocs/mkdocs#4032)."""
    from click.testing import CliRunner
    from mkdocs.__main__ import cli

    with mock.patch("mkdocs.commands.serve.serve") as serve:
        result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 0, result.output
    assert serve.call_args.kwargs["livereload"] is True
    assert serve.call_args.kwargs["build_type"] is None


def test_make_serve_follows_edits_and_survives_mistakes(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    port = free_port()
    log = tmp_path / "serve.log"
    clusters = project / "data" / "clusters.yaml"
    original = clusters.read_text(encoding="utf-8")
    assert "    name: AluCluster\n" in original and '    country: "DK"\n' in original

    with open(log, "wb") as out:
        # -o: never (re)install the shared virtualenv from the test.
        server = subprocess.Popen(
            ["make", "-o", ".venv/bin/mkdocs", "serve", f"PORT={port}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        base = wait_for(
            lambda: re.search(r"Serving on (http://127\.0\.0\.1:\d+/\S*)", log.read_text()),
            90,
            "the server to start",
            log,
        ).group(1)
        assert f":{port}/" in base
        page = base + "matchpoint/alucluster/"
        status, html = wait_for(lambda: (r := fetch(page))[0] == 200 and r, 30, "the cluster page", log)
        assert "<h1" in html and "AluCluster" in html
        assert "livereload" in html  # the served page listens for rebuilds

        clusters.write_text(
            original.replace("    name: AluCluster\n", "    name: AluCluster Renamed\n", 1), encoding="utf-8"
        )
        wait_for(lambda: "AluCluster Renamed" in fetch(page)[1], 30, "the renamed cluster", log)

        broken = original.replace('    country: "DK"\n', "    country: Denmark\n", 1)
        clusters.write_text(broken, encoding="utf-8")
        wait_for(lambda: "is not a country code" in log.read_text(), 30, "the error report", log)
        text = log.read_text()
        assert "1 problem in the content" in text
        assert "data/clusters.yaml:" in text and 'did you mean "DK" (Denmark)?' in text
        assert "Traceback" not in text
        assert "still shows the last version that built" in text
        time.sleep(1)
        assert server.poll() is None, "the server stopped on a content error"
        status, html = fetch(page)
        assert status == 200 and "AluCluster Renamed" in html  # the last good site is still served

        clusters.write_text(
            original.replace("    name: AluCluster\n", "    name: AluCluster Fixed\n", 1), encoding="utf-8"
        )
        wait_for(lambda: "AluCluster Fixed" in fetch(page)[1], 30, "the fixed cluster page", log)
        assert server.poll() is None
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
