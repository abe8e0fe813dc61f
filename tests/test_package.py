"""ncsite is an installed package: the `ncsite` command, no sys.path tricks."""

from __future__ import annotations

import ast
import sys
from importlib.metadata import entry_points
from pathlib import Path

from conftest import ROOT, run


def test_the_ncsite_command_is_installed_next_to_the_interpreter():
    (script,) = [ep for ep in entry_points(group="console_scripts") if ep.name == "ncsite"]
    assert script.value == "ncsite.__main__:main"
    command = Path(sys.executable).parent / "ncsite"
    result = run([str(command), "check", "."], ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Content OK: ")
    usage = run([str(command), "--help"], ROOT)
    assert usage.stdout.startswith("usage: ncsite ") and "check" in usage.stdout and "schemas" in usage.stdout


def test_make_check_runs_the_command():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\t$(BIN)/ncsite check ." in makefile
    assert "pip install --quiet --disable-pip-version-check -e ." in makefile  # with its dependencies
    # the site's venv installs ncsite with its dependencies (ProperDocs' own venv is another matter)
    assert "$(BIN)/pip install --quiet --disable-pip-version-check --no-deps" not in makefile


def _touches_sys_path(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "path"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    ]


def test_no_module_puts_the_project_on_sys_path():
    files = [p for folder in ("ncsite", "hooks", "tests", "bench") for p in (ROOT / folder).rglob("*.py")]
    assert len(files) > 30
    offenders = {p.relative_to(ROOT).as_posix(): lines for p in files if (lines := _touches_sys_path(p))}
    assert offenders == {}
