"""Shared test helpers: project copies, builds and content cases."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CASES = ROOT / "tests" / "cases"
BASE = CASES / "base"
PROJECT_FILES = ("mkdocs.yml", "content", "data", "overrides", "hooks", "ncsite")
BUILD_EPOCH = "1795435200"  # the fixed "now" of `built_site`: 2026-11-23 12:00 UTC


def copy_project(dest: Path, parts=PROJECT_FILES) -> Path:
    """A copy of the real project (content included) to build or break."""
    for name in parts:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def run(cmd, cwd: Path, env: dict | None = None, timeout=600) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout)


def mkdocs_build(project: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], project, env)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with a fixed 'now' (2026-11-23)."""
    project = copy_project(tmp_path_factory.mktemp("real"))
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stderr
    return project / "site"


class _QuietHandler:
    """http.server handler factory serving one folder without logging."""

    @staticmethod
    def make(directory: Path):
        import functools
        from http.server import SimpleHTTPRequestHandler

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        return functools.partial(Handler, directory=str(directory))


def serve_folder(directory: Path):
    """Serve a folder on a free loopback port; returns (base_url, server). Call server.shutdown() to stop."""
    import threading
    from http.server import ThreadingHTTPServer

    server = ThreadingHTTPServer(("127.0.0.1", 0), _QuietHandler.make(directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(built_site):
    """The real site served on loopback, as http://127.0.0.1:PORT/."""
    url, server = serve_folder(built_site)
    yield url
    server.shutdown()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh desktop-sized page that records console errors in `page.console_errors`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: page.console_errors.append(str(err)))
    yield page
    context.close()
