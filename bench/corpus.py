"""Corpus records (``../shared/corpus/*.jsonl.xz``) written out as raw text scrapes.

A record becomes what a scraper saves: title, the date as the source wrote it,
the body (boilerplate and all), the byline, then the page's URL.
"""

from __future__ import annotations

import json
import lzma
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FILES = ("magizbox_baomoi_2017", "phenikaa_newsmds_2024", "leduchuy20_24h_2026",
         "underthesea_unc_dantri_2020", "daibangsamac_baomoi_html_2014")


def records(name: str):
    with lzma.open(CORPUS / f"{name}.jsonl.xz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("body") and record.get("title"):
                yield record


def raw_text(record: dict, fallback_date: str = "") -> str:
    lines = [record["title"].strip(), str(record.get("date") or fallback_date), "", record["body"].strip(), ""]
    if record.get("author"):
        lines.append(str(record["author"]).strip())
    if record.get("url"):
        lines.append(str(record["url"]))
    return "\n".join(lines) + "\n"
