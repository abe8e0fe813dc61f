"""Content problems as values: collected during loading, reported together."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, in words a partner understands.

    `file` is the path relative to the project root (``content/events/x.md``),
    `line` the 1-based line where YAML gives one, `field` the dotted field name
    (``location.country``), `message` what is wrong and `hint` how to fix it.
    """

    file: str
    line: int | None = None
    field: str | None = None
    message: str = ""
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = f"field '{self.field}': " if self.field else ""
        text = f"{where}: {what}{self.message}"
        if self.hint:
            text += f"\n    Fix: {self.hint}"
        return text


def sort_key(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.field or "", problem.message)


def report(problems: list[Problem]) -> str:
    """The whole list, sorted by file and line, with a count on top."""
    count = len(problems)
    head = (
        f"{count} problem{'s' if count != 1 else ''} in the content. Nothing was published; fix these and build again:"
    )
    body = "\n".join(f"  - {p}".replace("\n    Fix:", "\n      Fix:") for p in sorted(problems, key=sort_key))
    return f"{head}\n{body}"
