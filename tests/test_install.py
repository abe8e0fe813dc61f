"""The package installs on its own: every module ncsite/ and hooks/ import is a dependency in
pyproject.toml, and `pip install .` into an empty venv (with its dependencies, from PyPI)
gives a working `ncsite check` and a hook module that imports."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
import venv
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from conftest import ROOT, run


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(folders: tuple[str, ...] = ("ncsite", "hooks")) -> dict[str, str]:
    """Top-level modules imported by the files under `folders`, other than the standard library and
    ncsite itself, each with one file that imports it."""
    found: dict[str, str] = {}
    for path in sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "ncsite":
                    found.setdefault(top, path.relative_to(ROOT).as_posix())
    # Read as data files, not imported: the time zone tables (importlib.resources) and text-unidecode's table.
    for path in sorted((ROOT / "ncsite").rglob("*.py")):
        for match in re.finditer(r"""(?:files|find_spec)\("([a-z_]+)"\)""", path.read_text(encoding="utf-8")):
            found.setdefault(match.group(1), path.relative_to(ROOT).as_posix())
    return found


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_canonical(re.split(r"[<>=!~ ;\[]", dep, maxsplit=1)[0]) for dep in project["dependencies"]}


def test_every_module_the_code_imports_is_a_declared_dependency():
    modules = imported_modules()
    assert {"yaml", "markdown", "text_unidecode", "mkdocs", "tzdata"} <= modules.keys()  # the code was read
    distributions = packages_distributions()
    missing = {
        module: where
        for module, where in modules.items()
        if not {_canonical(d) for d in distributions.get(module, [module])} & declared()
    }
    assert missing == {}, "imported but not in pyproject.toml's dependencies"


@pytest.mark.slow
def test_pip_install_into_an_empty_venv_gives_ncsite_check_and_the_hook(tmp_path):
    source = tmp_path / "source"  # a copy: pip builds in the source folder, and must not write into the project
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "ncsite", source / "ncsite", ignore=shutil.ignore_patterns("__pycache__"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(source)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert install.returncode == 0, install.stderr

    # Run outside the project, so that nothing but the installed package can be imported.
    check = run([str(env_dir / "bin" / "ncsite"), "check", str(ROOT)], tmp_path)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("Content OK: ")
    hook = run(
        [
            str(python),
            "-c",
            "import importlib.util, ncsite\n"
            f"spec = importlib.util.spec_from_file_location('ncsite_hooks', {str(ROOT / 'hooks/ncsite_hooks.py')!r})\n"
            "module = importlib.util.module_from_spec(spec)\n"
            "spec.loader.exec_module(module)\n"
            "print(ncsite.__file__, callable(module.on_config), callable(module.on_page_context))",
        ],
        tmp_path,
    )
    assert hook.returncode == 0, hook.stderr
    where, *hooks = hook.stdout.split()
    assert Path(where).is_relative_to(env_dir) and hooks == ["True", "True"]
