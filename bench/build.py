"""Build speed and memory: stock Pelican 4.12 + Pagefind against our ``make html``.

Generates an archive of N articles (``bench/generate.py``: real corpus text, 20
years of dates, tags, authors), then times, for each system, a full build, a
build after adding one article, a build after editing one article and a full
build without the search index, each ``--repeat`` times, and prints medians of
wall time and peak RSS (summed over the whole process tree, polled) with the
ratio ours/stock.

(a) stock: Pelican 4.12 in its own venv (``bench/work/stock-venv``: pelican,
    pelican-yaml-metadata, pagefind-bin, nothing of ours) with
    ``bench/stock_pelicanconf.py``, then the Pagefind CLI over its output.
(b) ours: ``make html CONTENT=... OUTPUT=...`` (Pagefind runs inside it), and ``make devserver``:
    one article edited while it runs, timed until the article's page shows the edit when asked
    for as the editor's browser asks, and until the whole site and its search index are built.

    .venv/bin/python bench/build.py [--count 10000 | --full] [--repeat 3]
                                    [--only ours|stock] [--profile FILE] [--photos 0.1]
                                    [--no-devserver]

Every time is given as wall time and CPU time (user + system of the whole process tree): the
machine is shared, and CPU time is what other loads change least. ``--photos 0.1`` gives a tenth of
the articles a 1200x800 photo each (resized by plugins/photos); "nothing changed" is a build right
after the full one, with no change at all.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import DEFAULT_COUNT, LARGE_COUNT, generate  # noqa: E402

WORK = HERE / "work" / "build"
STOCK_VENV = HERE / "work" / "stock-venv"
STOCK_PACKAGES = ["pelican==4.12.0", "pelican-yaml-metadata==2.2.0", "pagefind-bin>=1.5.2,<1.6", "markdown"]
STOCK_CONF = HERE / "stock_pelicanconf.py"
SCENARIOS = ("full", "nochange", "add", "edit", "nosearch")
LABELS = {"full": "dựng toàn bộ", "nochange": "không đổi gì", "add": "thêm một bài", "edit": "sửa một bài",
          "nosearch": "toàn bộ, không tìm"}   # no search index: what Hugo's ~10-11.5 s (FACTS.md) compares with

NEW_ARTICLE = """---
title: Bài mới thêm để đo dựng tăng dần
date: 2026-11-20T08:00:00+07:00
author: Minh Đức
tags: [Kinh tế, Hội nghị]
category: Thời sự
portal: editor
slug: bai-moi-them-de-do-dung-tang-dan
---

Chiều 20/11, Hội đồng nhân dân tỉnh tổ chức hội nghị đánh giá tình hình kinh tế - xã hội năm 2026.
"""


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def measure(command: list[str], cwd: Path) -> tuple[float, int, float]:
    """(wall seconds, peak RSS bytes of the process and all its descendants, CPU seconds of them all)."""
    start, cpu = time.perf_counter(), _children_cpu()
    process = psutil.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        total = 0
        try:
            for proc in [process, *process.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(0.05)
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    if process.returncode != 0:
        raise SystemExit(f"Lệnh lỗi ({process.returncode}): {' '.join(command)}\n"
                         f"{process.stderr.read().decode(errors='replace')[-3000:]}")
    return wall, peak, cpu


def ensure_stock_venv() -> Path:
    python = STOCK_VENV / "bin" / "python"
    if not (STOCK_VENV / ".installed").exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(STOCK_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *STOCK_PACKAGES], check=True)
        (STOCK_VENV / ".installed").touch()
    return python


def stock_command(content: Path, output: Path, search: bool = True) -> list[str]:
    python = ensure_stock_venv()
    pagefind = subprocess.run(
        [str(python), "-c", "from pagefind_bin import get_executable; print(get_executable())"],
        check=True, capture_output=True, text=True).stdout.strip()
    script = f"'{STOCK_VENV}/bin/pelican' '{content}' -o '{output}' -s '{STOCK_CONF}' -q"
    if search:
        script += f" && '{pagefind}' --site '{output}' --quiet"
    return ["bash", "-c", script]


def ours_command(content: Path, output: Path, search: bool = True) -> list[str]:
    return ["make", "--no-print-directory", "-C", str(ROOT), "html", f"CONTENT={content}", f"OUTPUT={output}",
            *([] if search else ["SETTINGS='PAGEFIND={\"enabled\":false}'"])]   # quoted for the recipe's shell


def prepare_content(count: int, photos: float = 0.0) -> Path:
    """The generated archive, written once per N and reused (generation is seeded)."""
    content = WORK / (f"content-{count}" + (f"-photos-{photos:g}" if photos else ""))
    marker = content / ".complete"
    if not marker.exists():
        shutil.rmtree(content, ignore_errors=True)
        started = time.perf_counter()
        generate(content, count, photos=photos)
        marker.touch()
        print(f"Đã tạo {count:,} bài trong {time.perf_counter() - started:.1f} s")
    return content


def edited_article(content: Path) -> Path:
    return min((content / "articles").rglob("*.md"))


def from_nothing(output: Path) -> Path:
    for left in (output, output.with_name(output.name + ".cache")):  # a full build starts from nothing
        shutil.rmtree(left, ignore_errors=True)
    return output


def photo_counts(output: Path) -> str:
    """What plugins/photos did in the last build (its last-build.json), for the log."""
    try:
        counts = json.loads((output.with_name(output.name + ".cache") / "photos" / "last-build.json").read_text())
    except (OSError, ValueError):
        return ""
    (output.with_name(output.name + ".cache") / "photos" / "last-build.json").unlink()
    return f" [ảnh: {counts['resized']} thu nhỏ, {counts['written']} tệp ghi / {counts['files']}]"


def run_scenarios(make_command, content: Path, output: Path) -> dict[str, tuple[float, int]]:
    """Full build from nothing, then one article added, then one edited; content restored after;
    last a full build from nothing without the search index."""
    added = content / "articles" / "2026" / "11" / "bai-moi-them-de-do-dung-tang-dan.md"
    edited = edited_article(content)
    original = edited.read_bytes()
    command = make_command(content, from_nothing(output))
    results = {}
    try:
        results["full"] = measure(command, ROOT)
        print("  full" + photo_counts(output), flush=True)
        results["nochange"] = measure(command, ROOT)
        print("  nochange" + photo_counts(output), flush=True)
        added.parent.mkdir(parents=True, exist_ok=True)
        added.write_text(NEW_ARTICLE, encoding="utf-8")
        results["add"] = measure(command, ROOT)
        edited.write_bytes(original + "\nĐoạn văn thêm khi sửa bài để đo dựng tăng dần.\n".encode())
        results["edit"] = measure(command, ROOT)
    finally:
        added.unlink(missing_ok=True)
        edited.write_bytes(original)
    bare = from_nothing(output.with_name(output.name + "-nosearch"))
    results["nosearch"] = measure(make_command(content, bare, search=False), ROOT)
    return results


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()
    except OSError:
        return b""


def devserver_scenario(content: Path, output: Path) -> tuple[float, float]:
    """(seconds until the edited article's page shows the edit, until the build ending after it
    is done), with ``make devserver`` running on the archive."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(["make", "--no-print-directory", "-C", str(ROOT), "devserver", f"CONTENT={content}",
                                f"OUTPUT={output}", f"PORT={port}"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    edited = edited_article(content)
    original = edited.read_bytes()

    def state() -> dict:
        data = _get(f"{base}/__devserver/state?path=/")
        return json.loads(data) if data else {"build": 0, "busy": True}

    try:
        while not (state()["build"] >= 1 and not state()["busy"]):
            if process.poll() is not None:
                raise SystemExit("make devserver dừng trước khi dựng xong")
            time.sleep(0.2)
        text = original.decode()
        slug = re.search(r"^slug: (.+)$", text, re.M).group(1).strip()
        date = re.search(r"^date: (\d{4})-(\d{2})", text, re.M)
        url = f"{base}/{date.group(1)}/{date.group(2)}/{slug}/"
        build, marker = state()["build"], f"sửa-khi-xem-trước-{time.time_ns()}"
        started = time.perf_counter()
        edited.write_bytes(original + f"\nĐoạn thêm khi xem trước: {marker}.\n".encode())
        shown = done = None
        while done is None:
            now = time.perf_counter() - started
            if shown is None and marker.encode() in _get(url):
                shown = now
            current = state()
            if current["build"] > build and not current["busy"]:
                done = now
            time.sleep(0.02)
        if shown is None:
            shown = done if marker.encode() in _get(url) else float("nan")
        return shown, done
    finally:
        edited.write_bytes(original)
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def medians(runs: list[dict]) -> dict[str, tuple[float, int, float]]:
    return {s: tuple(statistics.median(r[s][i] for r in runs) for i in range(3)) for s in SCENARIOS}


def print_table(count: int, stock: dict | None, ours: dict | None) -> None:
    print(f"\n{count:,} bài, trung vị của các lần chạy (thời gian s, RSS đỉnh MB cả cây tiến trình):")
    print(f"{'kịch bản':<16}{'stock s':>10}{'stock CPU':>10}{'stock MB':>10}{'ours s':>10}{'ours CPU':>10}"
          f"{'ours MB':>10}{'ours/stock t':>14}{'ours/stock mem':>16}")
    for s in SCENARIOS:
        cells = [f"{LABELS[s]:<16}"]
        for result in (stock, ours):
            cells += [f"{result[s][0]:>10.1f}", f"{result[s][2]:>10.1f}", f"{result[s][1] / 2**20:>10.0f}"] \
                if result else [f"{'-':>10}"] * 3
        if stock and ours:
            cells += [f"{ours[s][0] / stock[s][0]:>14.2f}", f"{ours[s][1] / stock[s][1]:>16.2f}"]
        print("".join(cells))


def profile_ours(content: Path, output: Path, target: Path) -> None:
    """cProfile of one plain full build of ours (no make), top functions by own and total time."""
    shutil.rmtree(output, ignore_errors=True)
    command = [str(ROOT / ".venv" / "bin" / "python"), "-m", "cProfile", "-o", str(target),
               str(ROOT / ".venv" / "bin" / "pelican"), str(content), "-o", str(output),
               "-s", str(ROOT / "pelicanconf.py"), "--ignore-cache", "-q"]
    subprocess.run(command, cwd=ROOT, check=True)
    stats = pstats.Stats(str(target))
    stats.sort_stats("cumulative").print_stats(35)
    stats.sort_stats("tottime").print_stats(25)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--full", action="store_true", help=f"{LARGE_COUNT:,} articles")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("ours", "stock"))
    parser.add_argument("--profile", type=Path, help="write a cProfile of our full build here instead")
    parser.add_argument("--photos", type=float, default=0.0, help="share of articles with a photo (0.1)")
    parser.add_argument("--no-devserver", action="store_true", help="skip the make devserver timing")
    args = parser.parse_args(argv)
    count = LARGE_COUNT if args.full else args.count
    content = prepare_content(count, args.photos)
    if args.profile:
        profile_ours(content, WORK / "profile-output", args.profile)
        return 0
    systems = {"stock": stock_command, "ours": ours_command}
    results: dict[str, dict | None] = {"stock": None, "ours": None}
    for name, make_command in systems.items():
        if args.only and name != args.only:
            continue
        output = WORK / f"output-{name}-{count}" if not args.photos else WORK / f"output-{name}-{count}-photos"
        runs = []
        for attempt in range(args.repeat):
            runs.append(run_scenarios(make_command, content, output))
            print(f"{name} #{attempt + 1}: " + ", ".join(f"{s} {t:.1f} s (CPU {c:.1f} s) {m / 2**20:.0f} MB"
                                                       for s, (t, m, c) in runs[-1].items()), flush=True)
        results[name] = medians(runs)
    print_table(count, results["stock"], results["ours"])
    if results["ours"] is not None and not args.no_devserver:
        shown, done = zip(*(devserver_scenario(content, WORK / f"devserver-{count}") for _ in range(args.repeat)))
        print(f"make devserver, một bài sửa khi đang chạy: trang bài hiện bản sửa sau "
              f"{statistics.median(shown):.2f} s, cả trang và chỉ mục tìm kiếm xong sau {statistics.median(done):.2f} s "
              f"(trung vị {args.repeat} lần: {', '.join(f'{s:.2f}/{d:.2f}' for s, d in zip(shown, done))})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
