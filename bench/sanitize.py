"""What the build-time sanitiser costs per article, on real bodies.

    .venv/bin/python bench/sanitize.py [N]

Bodies: the raw-HTML bodies of ``../shared/corpus/daibangsamac_baomoi_html_2014`` (entities, image
tables) and the first N plain bodies of ``magizbox_baomoi_2017`` rendered by markdown-it-py the way
the archive reader renders ingested articles. Prints milliseconds per body for each set.
"""

from __future__ import annotations

import json
import lzma
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from archive_reader.markdown_body import BodyRenderer  # noqa: E402
from archive_reader.settings import DEFAULTS as READER_DEFAULTS  # noqa: E402
from sanitize.sanitize import sanitize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def bodies(name: str, limit: int) -> list[str]:
    found = []
    with lzma.open(CORPUS / name, "rt", encoding="utf-8") as handle:
        for row in handle:
            body = json.loads(row).get("body")
            if body:
                found.append(body)
            if len(found) >= limit:
                break
    return found


def measure(label: str, documents: list[str]) -> None:
    times = []
    for document in documents:
        start = time.perf_counter()
        sanitize(document)
        times.append((time.perf_counter() - start) * 1000)
    size = statistics.mean(len(d) for d in documents)
    print(f"{label}: {len(documents)} bodies, mean {size:.0f} chars: mean {statistics.mean(times):.3f} ms, "
          f"p95 {sorted(times)[int(len(times) * 0.95)]:.3f} ms, total {sum(times) / 1000:.2f} s")


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    render = BodyRenderer(READER_DEFAULTS["ARCHIVE_READER_MARKDOWN"])
    measure("HTML bodies (daibangsamac)", bodies("daibangsamac_baomoi_html_2014.jsonl.xz", limit))
    plain = [render(b) for b in bodies("magizbox_baomoi_2017.jsonl.xz", limit)]
    measure("Markdown bodies (magizbox)", plain)


if __name__ == "__main__":
    main()
