"""`make check` and `make build` give the same verdict, in the same words: every case of
tests/cases/bad/ goes through both, and the build's one error is the check's report.

The build runs in this process (MkDocs' own `build` with the project's mkdocs.yml, its
hooks and theme overrides), over the same small project the cases are written for
(test_cases.make_project).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import mkdocs.config
import pytest
import yaml
from conftest import ROOT
from mkdocs.commands.build import build
from mkdocs.exceptions import Abort, PluginError
from test_cases import CASE_FILES, make_project

from ncsite.__main__ import main as ncsite_main


def _case_project(tmp_path: Path, case: dict) -> Path:
    project = make_project(tmp_path, case)
    for part in ("overrides", "hooks"):
        shutil.copytree(ROOT / part, project / part)
    return project


def _build(project: Path) -> str | None:
    """What the build says when it fails (its errors and warnings, as MkDocs logs them), or None."""
    said: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: said.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = mkdocs.config.load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (PluginError, Abort) as err:
        return "\n".join(said) or str(err)
    finally:
        logger.removeHandler(handler)
    return None


def _check(project: Path, capsys) -> str | None:
    capsys.readouterr()
    code = ncsite_main(["check", str(project)])
    err = capsys.readouterr().err.strip()
    return err if code else None


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[c.stem for c in CASE_FILES])
def test_check_and_build_give_the_same_verdict(case_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")
    project = _case_project(tmp_path, yaml.safe_load(case_file.read_text(encoding="utf-8")))
    checked = _check(project, capsys)
    assert checked, "the check passed a bad case"
    built = _build(project)
    assert built is not None, "the build passed a bad case"
    assert built.strip() == checked
    assert not (project / "site" / "index.html").exists(), "nothing is written when the build fails"


def test_the_small_project_builds(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")
    project = _case_project(tmp_path, {})
    assert _check(project, capsys) is None
    assert _build(project) is None
    page = (project / "site/events/2019-06-meeting/index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page
