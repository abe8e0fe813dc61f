"""`python -m ncsite check [ROOT]`: validate the content without rendering the site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .config import sources_from_mkdocs_yml
from .load import load_content
from .problems import report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ncsite", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate content/ and data/ and report every problem")
    check.add_argument("root", nargs="?", default=".", type=Path, help="project folder (with mkdocs.yml)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    sources = sources_from_mkdocs_yml(args.root.resolve())
    content, problems = load_content(sources)
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    print(f"Content OK: {len(content.events)} events, {len(content.livinglabs)} living labs, "
          f"{len(content.newsletter)} newsletter issues, {len(content.clusters)} clusters, "
          f"{len(content.topics)} topics, {len(content.pages)} other pages ({took:.2f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
