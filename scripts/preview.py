#!/usr/bin/env python3
"""Build the site for a pull request's preview address, or print that address.

    python3 scripts/preview.py 7            # build site/ for <site_url>pr-preview/pr-7/ (make preview PR=7)
    python3 scripts/preview.py --url 7      # print the address only (standard library only)

The preview is the same strict build as `make build`, with one difference: `site_url`
is the preview's address, so that canonical links, feeds, calendars and exports
point at the preview and not at the published site; and `extra.preview_of`, which puts
a banner on every page and keeps search engines out. MkDocs reads them from a small
configuration that inherits mkdocs.yml (`INHERIT`), written beside mkdocs.yml for
the build and removed afterwards. Where the preview is published: scripts/publish-pages.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREVIEWS = "pr-preview"  # the folder of the Pages branch that holds the previews


def site_url(root: Path = ROOT) -> str:
    """`site_url` of mkdocs.yml, read without a YAML library (the publishing job has none)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"""^site_url:\s*["']?([^"'\s#]+)""", text, re.M)
    if not found:
        raise SystemExit("mkdocs.yml has no site_url: a preview needs the site's address")
    return found.group(1).rstrip("/") + "/"


def folder(number: int) -> str:
    """The preview's folder in the Pages branch, e.g. pr-preview/pr-7."""
    return f"{PREVIEWS}/pr-{number}"


def preview_url(number: int, root: Path = ROOT) -> str:
    return f"{site_url(root)}{folder(number)}/"


def build(number: int, site_dir: str, root: Path = ROOT) -> int:
    config = root / ".preview-mkdocs.yml"
    config.write_text(
        f'INHERIT: mkdocs.yml\nsite_url: "{preview_url(number, root)}"\nextra:\n  preview_of: {number}\n',
        encoding="utf-8",
    )
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", site_dir]
        return subprocess.run(command, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}).returncode
    finally:
        config.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("number", type=int, help="the pull request's number")
    parser.add_argument("--url", action="store_true", help="print the preview's address and build nothing")
    parser.add_argument("--site-dir", default="site", help="where to build (default: site)")
    args = parser.parse_args(argv)
    if args.number < 1:
        parser.error("the pull request's number is 1 or more")
    if args.url:
        print(preview_url(args.number))
        return 0
    return build(args.number, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
