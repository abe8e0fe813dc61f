"""`make lighthouse`: Lighthouse scores of every kind of page of the built site.

Serves `site/` on 127.0.0.1 under the site's own path (/site/, from site_url),
compressed the way GitHub Pages serves it (gzip for text), and runs Lighthouse
(npm, pinned in tools/lighthouse/) in Debian's Chromium: mobile, simulated
throttling, best of `--runs` runs per page. Prints a table and exits 1 when a
page misses a target: performance >= 0.95; accessibility, best practices and
SEO 1.0. For a missed target it lists the audits that lost the points.

    python scripts/lighthouse.py [--runs 2] [--site site] [--keep DIR] [PATH ...]

Not part of `make test`: Lighthouse measures, it does not assert behaviour.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
PAGES = ["", "events/", "matchpoint/", "livinglabs/", "newsletter/", "about/"]
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".ics", ".txt", ".map"}


class Handler(SimpleHTTPRequestHandler):
    """Static files under a path prefix, gzip-compressed for text as GitHub Pages does."""

    prefix = "/site/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "-outside-the-site-" / "404")  # no such file: a 404
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL with a slash
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path, prefix: str) -> ThreadingHTTPServer:
    handler = functools.partial(type("SiteHandler", (Handler,), {"prefix": prefix}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def site_prefix() -> str:
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return "/" + urlsplit(line.split(":", 1)[1].strip()).path.strip("/") + "/"
    return "/"


def sample_pages(site: Path) -> list[str]:
    """The index pages, plus the first event and the first cluster page."""
    pages = list(PAGES)
    for section in ("events", "matchpoint"):
        found = sorted(p.parent.name for p in (site / section).glob("*/index.html"))
        if found:
            pages.append(f"{section}/{found[0]}/")
    return pages


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROME}
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode or not out.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def lost_points(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    lost = []
    for ref in refs:
        audit = report["audits"][ref["id"]]
        if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
            lost.append(
                f"{ref['id']} ({audit['score']:.2f}{', ' + audit['displayValue'] if audit.get('displayValue') else ''})"
            )
    return lost


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/lighthouse.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="runs per page; the best score of each category counts")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (make build)")
    parser.add_argument("--keep", type=Path, help="keep the JSON reports in this folder")
    parser.add_argument("pages", nargs="*", help="site paths such as events/ (default: one of each kind)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: npm ci --prefix tools/lighthouse")
    if not (args.site / "index.html").exists():
        raise SystemExit(f"no built site in {args.site}: make build")
    prefix = site_prefix()
    server = serve(args.site.resolve(), prefix)
    base = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    pages = args.pages or sample_pages(args.site)
    version = json.loads((LIGHTHOUSE.parent.parent / "lighthouse" / "package.json").read_text())["version"]
    print(f"Lighthouse {version}, mobile, simulated throttling, best of {args.runs} runs; Chromium {CHROME}")
    print(f"\n| page | {' | '.join(CATEGORIES)} | runs (performance) |")
    print(f"| --- | {' | '.join('---:' for _ in CATEGORIES)} | --- |")
    missed = []
    with tempfile.TemporaryDirectory(prefix="ncsite-lighthouse-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for page in pages:
            reports = [
                lighthouse(base + page, folder / f"{page.strip('/').replace('/', '_') or 'home'}-{n}.json")
                for n in range(args.runs)
            ]
            best = {c: max(r["categories"][c]["score"] or 0 for r in reports) for c in CATEGORIES}
            runs = ", ".join(f"{r['categories']['performance']['score']:.2f}" for r in reports)
            print(f"| `/{page}` | {' | '.join(f'{best[c]:.2f}' for c in CATEGORIES)} | {runs} |", flush=True)
            for c in CATEGORIES:
                if best[c] < TARGETS[c]:
                    top = max(reports, key=lambda r: r["categories"][c]["score"] or 0)
                    missed.append(f"/{page} {c} {best[c]:.2f} < {TARGETS[c]}: " + "; ".join(lost_points(top, c)))
    server.shutdown()
    if missed:
        print("\nMissed:\n" + "\n".join(missed))
        return 1
    print("\nEvery page meets every target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
