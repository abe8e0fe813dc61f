"""Compare two built sites: every file must be byte-identical, except the `generator` meta tag of pages.

    python scripts/compare_sites.py SITE_A SITE_B

Used to prove that two engines (MkDocs and ProperDocs) or two theme versions build the same
site: the only line allowed to differ names the engine (`<meta name="generator" ...>`).
Exits 1 and lists what differs otherwise.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    return {f.relative_to(site).as_posix(): f.read_bytes() for f in sorted(site.rglob("*")) if f.is_file()}


def without_generator(data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator" content="">', data)


def differences(first: Path, second: Path) -> list[str]:
    """What differs between two sites besides the generator tag, one line each; empty when they match."""
    a, b = files(first), files(second)
    found = [f"only in {first}: {path}" for path in sorted(a.keys() - b.keys())]
    found += [f"only in {second}: {path}" for path in sorted(b.keys() - a.keys())]
    for path in sorted(a.keys() & b.keys()):
        if a[path] != b[path] and without_generator(a[path]) != without_generator(b[path]):
            found.append(f"differs: {path}")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    first, second = (Path(arg) for arg in argv)
    found = differences(first, second)
    for line in found:
        print(line, file=sys.stderr)
    if found:
        return 1
    print(f"{len(files(first))} files identical apart from the generator tag: {first} and {second}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
