"""Text ingest throughput: articles per second on one core.

Writes N corpus bodies (default 10,000, from ``../shared/corpus``) out as raw text
scrapes, then times ``newsarchive.ingest.run`` over them in this one process
(one core). Goal: >= 500 articles/s/core.

    .venv/bin/python bench/ingest.py [--count 10000] [--skip-tagging] [--profile 25]

``--profile N`` runs under cProfile and prints the N functions with the most
time of their own (the numbers then include the profiler's overhead).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import FILES, raw_text, records  # noqa: E402

from newsarchive.ingest import Options, run  # noqa: E402


def write_raw(folder: Path, count: int) -> int:
    """Baomoi 2017 has no dates: each record gets one, as a scraper log would."""
    written = 0
    start = datetime(2017, 1, 1)
    for name in FILES:
        for record in islice(records(name), count - written):
            day = (start + timedelta(hours=written)).strftime("%d/%m/%Y %H:%M")
            (folder / f"{written:06d}.txt").write_text(raw_text(record, day), encoding="utf-8")
            written += 1
        if written >= count:
            break
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--skip-tagging", action="store_true",
                        help="replace the tagging stage by no tags, to see what the other stages cost")
    parser.add_argument("--profile", type=int, metavar="N", help="print the N functions with most own time")
    args = parser.parse_args(argv)
    if args.skip_tagging:
        from newsarchive.ingest import tagging
        tagging.tag = lambda *_args, **_kwargs: []
    with tempfile.TemporaryDirectory() as tmp:
        raw, content = Path(tmp, "raw"), Path(tmp, "content")
        raw.mkdir()
        total = write_raw(raw, args.count)
        profiler = cProfile.Profile() if args.profile else None
        started = time.process_time(), time.perf_counter()
        report = profiler.runcall(run, [raw], content, Options()) if profiler else run([raw], content, Options())
        cpu, wall = time.process_time() - started[0], time.perf_counter() - started[1]
    counts = report.counts
    print(f"inputs: {total}  " + "  ".join(f"{k}: {v}" for k, v in counts.items()))
    print(f"wall {wall:.1f} s, cpu {cpu:.1f} s (one process = one core)")
    print(f"throughput: {total / cpu:.0f} articles/s/core (goal >= 500)")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
