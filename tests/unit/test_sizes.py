"""No class in ncsite over 250 lines and no function over 60: a reader finds one thing in one
place. Measured from the source with `ast` (decorators, docstrings and comments inside count)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "ncsite"
LIMITS = {ast.ClassDef: 250, ast.FunctionDef: 60, ast.AsyncFunctionDef: 60}


def too_long(source: str, name: str) -> list[str]:
    """Each class and function of `source` longer than its limit, as "name:line what (n lines)"."""
    out = []
    for node in ast.walk(ast.parse(source)):
        limit = LIMITS.get(type(node))
        if limit is None:
            continue
        assert isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        first = min([node.lineno] + [d.lineno for d in node.decorator_list])
        length = (node.end_lineno or node.lineno) - first + 1
        if length > limit:
            out.append(f"{name}:{node.lineno} {node.name} ({length} lines, at most {limit})")
    return out


def test_no_class_over_250_lines_and_no_function_over_60():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 30  # the package was read
    found = [
        hit for path in files for hit in too_long(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))
    ]
    assert found == []


def test_the_measure_finds_a_long_function_and_a_long_class():
    body = "\n".join(f"    x{i} = {i}" for i in range(60))
    assert too_long(f"def f():\n{body}\n", "m.py") == ["m.py:1 f (61 lines, at most 60)"]
    assert too_long(f"def f():\n{body[: body.rindex(chr(10))]}\n", "m.py") == []
    methods = "\n".join(f"    def m{i}(self):\n        return {i}\n" for i in range(84))
    assert too_long(f"class C:\n{methods}", "m.py") == ["m.py:1 C (252 lines, at most 250)"]
