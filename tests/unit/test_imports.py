"""The core's imports run one way: no cycle between ncsite's modules, and no import
hidden inside a function to dodge one. Read from the source, so a new module is covered."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "ncsite"


def _imports(path: Path) -> tuple[set[str], list[str]]:
    """The ncsite modules `path` imports at module level, and any import made inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top: set[str] = set()
    nested: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested += [f"{path.name}:{n.lineno}" for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                top.add(node.module.split(".")[0])
            else:
                top.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ncsite"):
            parts = node.module.split(".")
            top.update([parts[1]] if len(parts) > 1 else [a.name for a in node.names])
    return top, nested


def _graph() -> tuple[dict[str, set[str]], list[str]]:
    graph, nested = {}, []
    for path in sorted(PACKAGE.glob("*.py")):
        deps, inner = _imports(path)
        graph[path.stem] = deps
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
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_no_import_inside_a_function():
    _, nested = _graph()
    assert nested == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
