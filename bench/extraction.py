"""HTML path quality on the article-extraction benchmark (``../shared/benchmarks/article-extraction``).

Its own metric (README.rst there): tokens ``\\w+``, 4-word shingles, per-page
precision and recall averaged, F1 from the means. Scores trafilatura as it is,
and the text our HTML stage (``newsarchive.ingest.extract``) hands to the text
stages. Goal: ours >= 0.958 (trafilatura's published F1) and never below
trafilatura here. The pages are English, so the Vietnamese-only text rules
(spam and language tests) are not part of what is scored.

    .venv/bin/python bench/extraction.py
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import trafilatura

from newsarchive.ingest.decode import decode
from newsarchive.ingest.extract import NotArticle, extract

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "article-extraction"
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def precision_recall(true: str, pred: str) -> tuple[float, float]:
    t, p = shingles(true), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def score(truth: dict, predicted: dict) -> tuple[float, float, float]:
    pairs = [precision_recall(truth[key]["articleBody"], predicted.get(key, "")) for key in truth]
    precision = statistics.mean(p for p, _ in pairs)
    recall = statistics.mean(r for _, r in pairs)
    return 2 * precision * recall / (precision + recall), precision, recall


def ours(html: str, url: str) -> str:
    try:
        page = extract(decode(html.encode("utf-8")))
    except NotArticle:
        return ""
    return "\n".join(page.lines)


def main() -> int:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    plain, mine = {}, {}
    for key, item in truth.items():
        html = gzip.decompress((BENCH / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        plain[key] = trafilatura.extract(html, include_comments=False) or ""
        mine[key] = ours(html, item.get("url"))
    for name, predicted in (("trafilatura " + trafilatura.__version__, plain), ("newsarchive HTML path", mine)):
        f1, precision, recall = score(truth, predicted)
        print(f"{name:28s} F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
