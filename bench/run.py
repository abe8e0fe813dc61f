"""`make bench`: build speed and memory at scale, against plain mkdocs-material.

Generates synthetic content (bench/generate.py) into temporary copies of the
project at two scales, "single" (1,000 events, 300 clusters, 50 living labs,
200 newsletter issues) and "double", and two floors of the same Markdown pages
without our hooks or overrides: the **plain** floor (a plain mkdocs-material
project: `search` only, default Markdown, no theme features; what a user would
build without us) and the **same-config** floor (our mkdocs.yml minus hooks).
Each build runs in a fresh process, after one unmeasured warm-up, `--runs`
times, in rounds: each build and the check once per round, in turn;
reported are the median wall time, the median CPU time (user + system) and the
peak memory (the child's max RSS), with the ratios and their targets:

    site / plain floor          <= 1.3   (what we cost over a plain site)
    double / single (site)      <= 2.1   (nothing slower per page as content grows)
    memory, site / plain floor  <= 1.4
    check / plain floor         <= 0.15  (`make check` stays fast)

and, without a target, the hook-free build of the same site (`ncsite generate DIR`, then stock
mkdocs-material with no hooks builds DIR: "single generate", "single hook-free build").

    python -m bench.run [--runs 5] [--fraction 1.0] [--profile] [--strict]

Quick look while working: `make bench BENCH_ARGS="--runs 1"` (add `--fraction 0.2`
for a fifth of the content). `--strict` exits 1 when a target is missed. Wall times
decide: the median of the ratios of two builds' runs of the same round ("paired"),
which a drift of the machine's speed between minutes moves least;
the ratios of the medians and of CPU time are printed beside it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from bench.generate import SINGLE, Scale, floor_site, generate, plain_site

ROOT = Path(__file__).resolve().parent.parent

PROJECT_FILES = ("mkdocs.yml", "content", "data", "overrides", "hooks", "ncsite")
EPOCH = "1795435200"
TARGETS = {
    "site / plain floor": 1.3,
    "double / single (site)": 2.1,
    "memory, site / plain floor": 1.4,
    "check / plain floor": 0.15,
}


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def measure(cmd: list[str], cwd: Path) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: the warm-up leaves bytecode for the runs
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"failed in {cwd}: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def in_turn(commands: dict[str, tuple[list[str], Path]], runs: int) -> dict[str, dict]:
    """Each command measured `runs` times, in turn (site, floor, check, site, floor, check, ...),
    not one series after another: a change of the machine's speed then moves every build alike,
    and the i-th runs of two builds, a few seconds apart, can be compared as a pair."""
    samples: dict[str, list] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (cmd, folder) in commands.items():
            samples[name].append(measure(cmd, folder))
    return {name: summary(found) for name, found in samples.items()}


def summary(samples: list) -> dict:
    return {
        "wall": statistics.median(s[0] for s in samples),
        "rss": max(s[1] for s in samples),
        "cpu": statistics.median(s[2] for s in samples),
        "all": [round(s[0], 2) for s in samples],
        "walls": [s[0] for s in samples],
        "cpus": [s[2] for s in samples],
    }


def paired(a: dict, b: dict, key: str) -> float:
    """The median of the ratios of runs made one after the other (a's i-th run over b's i-th)."""
    return statistics.median(x / y for x, y in zip(a[key], b[key], strict=True))


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0"
    )
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {int(mem) / 1024 / 1024:.1f} GiB RAM, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fraction", type=float, default=1.0, help="scale down for a quick look (0.1 = a tenth)")
    parser.add_argument("--profile", action="store_true", help="also profile one 'single' site build (cProfile)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    base = SINGLE
    if args.fraction != 1.0:
        base = Scale(*(max(1, round(n * args.fraction)) for n in (base.events, base.clusters, base.labs, base.issues)))
    build = [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"]
    check = [sys.executable, "-m", "ncsite", "check", "."]
    print(f"Machine: {machine()}")
    print(
        f"Date: {time.strftime('%Y-%m-%d')}; MkDocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}"
    )
    print(f"Scale 'single': {base}; 'double': twice that; warm-up, then {args.runs} runs of each, medians.\n")
    with tempfile.TemporaryDirectory(prefix="ncsite-bench-") as tmp:
        commands: dict[str, tuple[list[str], Path]] = {}
        for label, factor in (("single", 1), ("double", 2)):
            project = generate(copy_project(Path(tmp) / label / "site"), base.times(factor))
            floor = floor_site(project, Path(tmp) / label / "floor")
            plain = plain_site(floor, Path(tmp) / label / "plain")
            commands[f"{label} site"] = (build, project)
            commands[f"{label} plain floor"] = (build, plain)
            if label == "single":
                commands["single config floor"] = (build, floor)
                commands["single check"] = (check, project)
                # The hook-free build: DIR written from the project, then built by stock MkDocs (in this order).
                hookfree = Path(tmp) / label / "hookfree"
                commands["single generate"] = ([sys.executable, "-m", "ncsite", "generate", str(hookfree)], project)
                commands["single hook-free build"] = (build + ["-f", "mkdocs.yml"], hookfree)
        for cmd, folder in commands.values():  # warm the disk cache and Python's bytecode cache; not measured
            measure(cmd, folder)
        single, plain = commands["single site"][1], commands["single plain floor"][1]
        pages = sum(1 for _ in (single / "site").rglob("*.html"))
        sources = sum(1 for _ in (plain / "content").rglob("*.md"))
        print(f"'single': {sources} Markdown pages in the plain floor, {pages} HTML pages in our site")
        results = in_turn(commands, args.runs)
        if args.profile:
            profile(single)
    print(f"\n{'build':<22}{'wall s':>8}{'CPU s':>8}{'peak MiB':>10}   wall of each run (s)")
    for name, r in results.items():
        print(f"{name:<22}{r['wall']:>8.2f}{r['cpu']:>8.2f}{r['rss'] / 1024:>10.0f}   {r['all']}")
    pairs = {
        "site / plain floor": ("single site", "single plain floor"),
        "site / config floor": ("single site", "single config floor"),
        "config floor / plain": ("single config floor", "single plain floor"),
        "double / single (site)": ("double site", "single site"),
        "double / single (plain)": ("double plain floor", "single plain floor"),
        "site / plain (double)": ("double site", "double plain floor"),
        "check / plain floor": ("single check", "single plain floor"),
        "generate / plain floor": ("single generate", "single plain floor"),
        "hook-free build / plain": ("single hook-free build", "single plain floor"),
        "hook-free build / site": ("single hook-free build", "single site"),
    }
    print(
        "\nRatios: of the medians (wall, CPU), and the median of the ratios of runs made in turn"
        "\n(paired wall, paired CPU: every build and check runs once per round, in turn, so the i-th runs"
        "\nare seconds apart; the verdict is on paired wall, steady when the machine's speed drifts)."
    )
    print(f"\n{'ratio':<28}{'wall':>7}{'CPU':>7}{'paired':>8}{'p. CPU':>8}   target")
    missed = []
    for name, (a, b) in pairs.items():
        ra, rb = results[a], results[b]
        wall, cpu = ra["wall"] / rb["wall"], ra["cpu"] / rb["cpu"]
        pair_wall, pair_cpu = paired(ra, rb, "walls"), paired(ra, rb, "cpus")
        print(
            f"{name:<28}{wall:>7.2f}{cpu:>7.2f}{pair_wall:>8.2f}{pair_cpu:>8.2f}   {verdict(name, pair_wall, missed)}"
        )
    both = [g + b for g, b in zip(results["single generate"]["walls"], results["single hook-free build"]["walls"])]
    walls = results["single site"]["walls"]
    print(
        f"{'generate + hook-free / site':<28}"
        f"{statistics.median(both) / results['single site']['wall']:>7.2f}{'':>7}"
        f"{statistics.median(x / y for x, y in zip(both, walls)):>8.2f}{'':>8}   (no target)"
    )
    memory = results["single site"]["rss"] / results["single plain floor"]["rss"]
    name = "memory, site / plain floor"
    print(f"{name:<28}{memory:>7.2f}{'':>23}   {verdict(name, memory, missed)}")
    if missed:
        print(f"\nMissed: {', '.join(missed)}")
    return 1 if args.strict and missed else 0


def verdict(name: str, value: float, missed: list[str]) -> str:
    target = TARGETS.get(name)
    if target is None:
        return ""
    if value > target:
        missed.append(name)
        return f"<= {target}  MISSED"
    return f"<= {target}  ok"


PHASES = {  # (file, function) whose cumulative time is a phase of the build
    "on_config (content loading, views)": ("hooks/ncsite_hooks.py", "on_config"),
    "  of which content loading": ("ncsite/content/load.py", "load_content"),
    "Markdown to HTML, all pages": ("mkdocs/structure/pages.py", "render"),
    "  of which setting up Markdown per page": ("markdown/core.py", "registerExtensions"),
    "templates (Material's base.html included)": ("jinja2/environment.py", "render"),
    "search index (Material's search plugin)": ("material/plugins/search/plugin.py", "on_page_context"),
    "on_post_build (feeds, calendars, JSON)": ("hooks/ncsite_hooks.py", "on_post_build"),
    "  of which iCalendar files": ("ncsite/outputs/ical.py", "outputs"),
}


def profile(project: Path):
    """Where a 'single' site build spends its time: the top functions by own and by cumulative time."""
    out = project / "build.prof"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(out),
            "-m",
            "mkdocs",
            "build",
            "-q",
            "--site-dir",
            "site-profiled",
        ],
        cwd=project,
        env=env,
        check=True,
    )
    import pstats

    stats = pstats.Stats(str(out))
    print(f"\nProfile of one 'single' site build: {stats.total_tt:.2f} s under cProfile, by phase:")
    for label, (file, func) in PHASES.items():
        found = [v[3] for k, v in stats.stats.items() if k[0].endswith(file) and k[2] == func]
        if found:
            print(f"  {label:<44}{max(found):7.2f} s {max(found) / stats.total_tt:6.1%}")
    for order in ("tottime", "cumulative"):
        print(f"\nProfile of one 'single' site build, top 25 by {order}:")
        pstats.Stats(str(out)).strip_dirs().sort_stats(order).print_stats(25)


if __name__ == "__main__":
    sys.exit(main())
