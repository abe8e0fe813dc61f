"""The core's imports run one way: down the layers the folders show, with no cycle between
ncsite's modules and no import hidden inside a function to dodge one. Read from the source,
so a new module is covered.

Layers, from the bottom: `ncsite/content/` (sources, fields, models, readers and the helpers
they use), `ncsite/feature.py` (the contract between the build and its features),
`ncsite/outputs/` (files the site publishes), `ncsite/features/` (one module or package per
feature), and on top `build.py`, `config.py`, `filters.py`, `__main__.py` and `__init__.py`.
A module imports from its own layer or the ones below it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "ncsite"
LAYERS = ("ncsite.content", "ncsite.feature", "ncsite.outputs", "ncsite.features", "ncsite")


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """The layer a module is in: the index in LAYERS of the longest prefix it has."""
    return max(
        (i for i, prefix in enumerate(LAYERS) if module == prefix or module.startswith(prefix + ".")),
        key=lambda i: len(LAYERS[i]),
    )


def _imports(module: str, path: Path, modules: dict[str, Path]) -> tuple[set[str], list[str]]:
    """The ncsite modules `module` imports at module level, and any import made inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    top: set[str] = set()
    nested: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested += [f"{module}:{n.lineno}" for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            source = f"{base}.{node.module}" if node.module else base
        elif (node.module or "").split(".")[0] == "ncsite":
            source = node.module or ""
        else:
            continue
        for alias in node.names:  # `from ncsite.outputs import ical` imports a module
            top.add(f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source)
    return top, nested


def _graph() -> tuple[dict[str, set[str]], list[str]]:
    modules = _modules()
    graph, nested = {}, []
    for module, path in modules.items():
        deps, inner = _imports(module, path, modules)
        graph[module] = deps
        nested += inner
    return graph, nested


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if dep not in graph:
                continue
            if state.get(dep) == 1:
                return stack[stack.index(dep) :] + [dep]
            if not state.get(dep) and (found := visit(dep)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if not state.get(node) and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_core_modules():
    graph, _ = _graph()
    assert len(graph) > 10  # the package was read
    assert {"ncsite.content.load", "ncsite.outputs.ical", "ncsite.features.matchpoint.feature"} <= graph.keys()
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_imports_run_down_the_layers():
    graph, _ = _graph()
    upward = sorted(f"{m} -> {d}" for m, deps in graph.items() for d in deps if d in graph and layer(d) > layer(m))
    assert upward == []


def test_no_import_inside_a_function():
    _, nested = _graph()
    assert nested == []


def test_the_layer_of_a_module():
    assert layer("ncsite.content.models") == 0
    assert layer("ncsite.feature") == 1
    assert layer("ncsite.outputs.ical") == 2
    assert layer("ncsite.features") == layer("ncsite.features.events.calendar") == 3
    assert layer("ncsite.build") == layer("ncsite") == 4


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
