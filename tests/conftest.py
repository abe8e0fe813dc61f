"""Shared test helpers: project copies, builds and content cases."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = ROOT / "tests" / "cases"
BASE = CASES / "base"
PROJECT_FILES = ("mkdocs.yml", "content", "data", "overrides", "hooks", "ncsite")


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
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": "1795435200"})
    assert result.returncode == 0, result.stderr
    return project / "site"
