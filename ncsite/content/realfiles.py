"""Only real files of the project are published: what under content/ is not one is refused.

MkDocs follows symbolic links when it reads docs_dir and copies every file it finds
into site/: a link to `/proc/self/environ`, `../../.git/config` or `/etc/ssl/certs`
would publish the build machine's environment, the checkout's credentials or a system
folder. A link, a named pipe (which would block the build reading it), a device or a
socket, and any path whose real location is outside the project, is refused here, with
the file named, before anything reads it (`make check` and the build alike).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
FIX = "put the file itself in its place (a copy, not a link), or remove it: only the project's own files are published"


@dataclass(frozen=True)
class Refused:
    """A path under docs_dir that is not a real file or folder of the project, and why."""

    path: Path
    message: str
    hint: str = FIX


def _hidden(name: str) -> bool:
    return name.startswith(".")  # MkDocs leaves out hidden files and folders (exclude_docs: .*)


def refused_paths(docs: Path, root: Path) -> list[Refused]:
    """Every path under `docs` (not hidden) that is a link, not a regular file or folder, or
    whose real location is outside `root`; folders are not entered through links."""
    real_root = root.resolve()
    found: list[Refused] = []
    for folder, dirs, files in os.walk(docs, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in [*dirs, *sorted(f for f in files if not _hidden(f))]:
            path = here / name
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                target = os.readlink(path)
                if path.is_dir():
                    message = f'"{name}" is a link to the folder "{target}", not a folder of the project'
                else:
                    message = f'"{name}" is a link to the file "{target}", not a file of the project'
                found.append(Refused(path, message))
                if name in dirs:
                    dirs.remove(name)
                continue
            kind = next((label for test, label in _KINDS if test(info.st_mode)), None)
            if kind:
                found.append(
                    Refused(
                        path,
                        f'"{name}" is {kind}, not a file',
                        "remove it: only images, PDF files and pages are published",
                    )
                )
                continue
            if not path.resolve().is_relative_to(real_root):  # a folder mounted or bound from elsewhere
                found.append(Refused(path, f'"{name}" is outside the project ({path.resolve()})'))
    return found
