"""Only real files of the project are published: links, pipes and paths outside the project
are refused by `make check` and the build alike, each named, and nothing is read or copied."""

from __future__ import annotations

import os

import pytest
from test_cases_build import _build, _case_project, _check

from ncsite.content.realfiles import refused_paths


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")
    project = _case_project(tmp_path / "project", {})
    (project / ".git").mkdir()
    (project / ".git/config").write_text("[credential]\n\thelper = store\n", encoding="utf-8")
    return project


def test_links_pipes_and_outside_paths_are_refused_by_check_and_build(project, capsys):
    docs = project / "content"
    (docs / "hostname.png").symlink_to("/etc/hostname")
    (docs / "events/config.md").symlink_to("../../.git/config")
    (docs / "certs").symlink_to("/etc/ssl/certs", target_is_directory=True)
    (docs / "environ.pdf").symlink_to("/proc/self/environ")
    (docs / "inside.md").symlink_to("events/2019-06-meeting.md")  # a link inside the project is still a link
    os.mkfifo(docs / "pipe.jpg")
    checked = _check(project, capsys)
    assert checked is not None
    for expected in (
        'content/certs: "certs" is a link to the folder "/etc/ssl/certs", not a folder of the project',
        'content/environ.pdf: "environ.pdf" is a link to the file "/proc/self/environ"',
        'content/events/config.md: "config.md" is a link to the file "../../.git/config"',
        'content/hostname.png: "hostname.png" is a link to the file "/etc/hostname"',
        'content/inside.md: "inside.md" is a link to the file "events/2019-06-meeting.md"',
        'content/pipe.jpg: "pipe.jpg" is a named pipe (FIFO), not a file',
        "6 problems in the content",
    ):
        assert expected in checked, checked
    assert "put the file itself in its place (a copy, not a link)" in checked
    built = _build(project)  # a pipe read by the build would block it: the test would hang
    assert built is not None and built.strip() == checked
    assert not (project / "site").exists() or not any((project / "site").rglob("*.png"))


def test_a_real_project_has_no_refused_path(tmp_path):
    (tmp_path / "content/events").mkdir(parents=True)
    (tmp_path / "content/events/a.md").write_text("x", encoding="utf-8")
    (tmp_path / "content/.hidden").symlink_to("/etc/hostname")  # hidden: MkDocs leaves it out
    assert refused_paths(tmp_path / "content", tmp_path) == []
