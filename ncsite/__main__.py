"""`ncsite check [ROOT]`: validate the content without rendering the site.

`ncsite schemas [ROOT] [--check]`: write the JSON Schemas for editors
to schemas/ (with --check: only report whether the committed ones are current).

`ncsite generate DIR [--root ROOT]`: write the site without hooks, for any engine that reads
mkdocs.yml: DIR/mkdocs.yml, DIR/docs/ and DIR/overrides/ (ncsite/generate.py); then
`mkdocs build -f DIR/mkdocs.yml` or `zensical build -f DIR/mkdocs.yml` builds DIR/site/.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from ncsite import load_content
from ncsite.content import schemas as schema_files
from ncsite.content.dates import build_now
from ncsite.content.problems import report
from ncsite.content.verdicts import CACHE_FILE

from .config import sources_from_mkdocs_yml
from .generate import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ncsite", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate content/ and data/ and report every problem")
    check.add_argument("root", nargs="?", default=".", type=Path, help="project folder (with mkdocs.yml)")
    make = sub.add_parser("schemas", help="write the JSON Schemas for editors to schemas/")
    make.add_argument("root", nargs="?", default=".", type=Path, help="project folder (with mkdocs.yml)")
    make.add_argument("--check", action="store_true", help="write nothing; fail if the files are not current")
    gen = sub.add_parser("generate", help="write the site without hooks into DIR, for any engine")
    gen.add_argument("dest", type=Path, metavar="DIR", help="folder to write (its docs/ and overrides/ are replaced)")
    gen.add_argument("--root", default=".", type=Path, help="project folder (with mkdocs.yml)")
    args = parser.parse_args(argv)
    if args.command == "generate":
        return _generate(args.root.resolve(), args.dest.resolve())
    if args.command == "schemas":
        return _schemas(args.root.resolve(), args.check)

    started = time.perf_counter()
    try:
        sources = sources_from_mkdocs_yml(args.root.resolve())
    except (OSError, ValueError) as err:
        print(err, file=sys.stderr)
        return 1
    content, problems = load_content(replace(sources, verdict_cache=sources.root / CACHE_FILE))
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    print(
        f"Content OK: {len(content.events)} events, {len(content.livinglabs)} living labs, "
        f"{len(content.newsletter)} newsletter issues, {len(content.clusters)} clusters, "
        f"{len(content.topics)} topics, {len(content.partners)} partners, {len(content.pages)} other pages ({took:.2f} s)."
    )
    today = sources.today or build_now().date()
    for note in filter(None, (issue.far_ahead(today) for issue in content.newsletter)):
        print(f"Note: {note}")
    return 0


def _generate(root: Path, dest: Path) -> int:
    started = time.perf_counter()
    pages, problems = generate(root, dest, build_now())
    if problems:
        print(problems, file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    print(
        f"Wrote {pages} pages and the data files to {dest} ({took:.2f} s): build it with `mkdocs build -f {dest}/mkdocs.yml`."
    )
    return 0


def _schemas(root: Path, check_only: bool) -> int:
    if check_only:
        stale = schema_files.stale(root)
        if stale:
            print(f"Out of date in {schema_files.FOLDER}/: {', '.join(stale)}. Run `make schemas`.", file=sys.stderr)
            return 1
        print(f"Schemas in {schema_files.FOLDER}/ are current.")
        return 0
    for path in schema_files.write(root):
        print(f"wrote {path.relative_to(root).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
