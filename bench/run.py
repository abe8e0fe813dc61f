"""`make bench`: build speed and memory at scale, against plain mkdocs-material.

Generates synthetic content (bench/generate.py) into temporary copies of the
project at two scales, "single" (1,000 events, 300 clusters, 50 living labs,
200 newsletter issues) and "double", plus for each a "floor" site: the same
pages as plain Markdown on mkdocs-material without our hooks or overrides.
Each build runs in a fresh process, `--runs` times; the median wall time and
the peak memory (the child's max RSS) are reported with the ratios:

    site / floor      <= 1.3   (what our hooks and templates cost)
    double / single   <= 2.2   (no quadratic growth)
    check / floor     <= 0.2   (`make check` stays fast)

    python -m bench.run [--runs 3] [--fraction 1.0] [--profile] [--strict]
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
from pathlib import Path

from bench.generate import SINGLE, Scale, floor_site, generate

ROOT = Path(__file__).resolve().parent.parent

PROJECT_FILES = ("mkdocs.yml", "content", "data", "overrides", "hooks", "ncsite")
EPOCH = "1795435200"
TARGETS = {"site / floor": 1.3, "double / single": 2.2, "check / floor": 0.2}


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
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"failed in {cwd}: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def series(cmd, cwd, runs: int) -> dict:
    samples = [measure(cmd, cwd) for _ in range(runs)]
    return {"wall": statistics.median(s[0] for s in samples), "rss": max(s[1] for s in samples),
            "cpu": statistics.median(s[2] for s in samples), "all": [round(s[0], 2) for s in samples]}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "0")
    return (f"{os.cpu_count()} CPUs ({cpu}), {int(mem) / 1024 / 1024:.1f} GiB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
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
    print(f"Scale 'single': {base}; 'double': twice that; {args.runs} runs each, median wall time.\n")
    results = {}
    with tempfile.TemporaryDirectory(prefix="ncsite-bench-") as tmp:
        for label, factor in (("single", 1), ("double", 2)):
            scale = base.times(factor)
            project = generate(copy_project(Path(tmp) / label / "site"), scale)
            floor = floor_site(project, Path(tmp) / label / "floor")
            if label == "single":  # warm the disk cache and Python's bytecode cache; not measured
                measure(build, project)
                measure(build, floor)
            results[f"{label} site"] = series(build, project, args.runs)
            results[f"{label} floor"] = series(build, floor, args.runs)
            if label == "single":
                results["single check"] = series(check, project, args.runs)
                pages = sum(1 for _ in (project / "site").rglob("*.html"))
                print(f"'single' site: {pages} HTML pages")
            if args.profile and label == "single":
                profile(project)
    print(f"\n{'build':<16}{'wall s':>8}{'CPU s':>8}{'peak MiB':>10}   wall of each run (s)")
    for name, r in results.items():
        print(f"{name:<16}{r['wall']:>8.2f}{r['cpu']:>8.2f}{r['rss'] / 1024:>10.0f}   {r['all']}")
    print("\nRatios of median wall times (CPU-time ratio in brackets: steadier on a busy machine).")
    wall = lambda a, b: results[a]["wall"] / results[b]["wall"]  # noqa: E731
    cpu = lambda a, b: results[a]["cpu"] / results[b]["cpu"]  # noqa: E731
    pairs = {"site / floor": ("single site", "single floor"), "double / single": ("double site", "single site"),
             "check / floor": ("single check", "single floor"),
             "floor double / single": ("double floor", "single floor"),
             "site / floor (double)": ("double site", "double floor")}
    ratios = {name: wall(*pair) for name, pair in pairs.items()}
    cpu_ratios = {name: cpu(*pair) for name, pair in pairs.items()}
    ratios["site / floor (memory)"] = results["single site"]["rss"] / results["single floor"]["rss"]
    print(f"\n{'ratio':<24}{'value':>8}{'target':>9}")
    missed = []
    for name, value in ratios.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  ok" if value <= target else "  MISSED")
        if target is not None and value > target:
            missed.append(name)
        in_cpu = f"  [{cpu_ratios[name]:.2f}]" if name in cpu_ratios else ""
        print(f"{name:<24}{value:>8.2f}{'' if target is None else f'<= {target}':>9}{verdict}{in_cpu}")
    return 1 if args.strict and missed else 0


def profile(project: Path):
    """Where a 'single' site build spends its time: the top functions by own and by cumulative time."""
    out = project / "build.prof"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "-q",
                    "--site-dir", "site-profiled"], cwd=project, env=env, check=True)
    import pstats

    for order in ("tottime", "cumulative"):
        print(f"\nProfile of one 'single' site build, top 25 by {order}:")
        pstats.Stats(str(out)).strip_dirs().sort_stats(order).print_stats(25)


if __name__ == "__main__":
    sys.exit(main())
