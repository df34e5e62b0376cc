"""One decision per field, in one place.

The stages before this one only *propose*: each candidate is a field, a value, where on the
page it came from (its source) and its position (line index; -1 when it is not a line of the
text: markup, the URL, a value given by hand). Here one function picks, per field, by the
priority table of the portal's rules (``priorities:`` in ``generic.yaml``, which a portal's
rule file may override field by field): the candidate of the best-ranked source, and among
those the first on the page.

One refinement is not a matter of rank: a date without a time of day gives way to a date the
page shows *with* its time on the same day (a JSON-LD "2021-09-11" and a visible
"11/09/2021 15:29" are the same publication; the visible one is more precise).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# Every source a priority table may name, per field (what rulefile.load checks against).
SOURCES = {
    # hand: the archivist's per-file values; selector: the portal's CSS selectors; markup: og:title,
    # <title>, <h1>; head: the text line above the page's date line, or its first heading-shaped line
    "title": ("hand", "selector", "markup", "head"),
    # meta-iso: an ISO meta tag; jsonld: schema.org datePublished; shown: an element named for the
    # date; head: the date line under the title; head-above: one right above it; title: a date in
    # brackets ending the title line;
    # byline: the date on a byline line; meta: another meta form; extractor: trafilatura's guess;
    # lede: a date opening the first paragraph (a day quoted in the text on most pages); url: a
    # /2023/01/30/ path; meta-ambiguous: a meta value whose day and month may be swapped
    # ("9/11/2021 3:29:47 PM"); default: --default-date
    "date": ("hand", "selector", "meta-iso", "jsonld", "shown", "head", "head-above", "title", "byline", "meta",
             "extractor", "lede", "url", "meta-ambiguous", "default"),
    # byline-end: a name-shaped last line; byline-top: one under the title; markup: meta author
    "author": ("hand", "selector", "byline-end", "byline-top", "markup"),
    # breadcrumb: a "Trang chủ > ... > X" line; section: the short line above the title
    "category": ("hand", "selector", "breadcrumb", "section", "markup"),
    # the outlet's name: rules: the portal's rule file; dateline: "(Baohatinh.vn)", "BTO - ";
    # banner: the banner's alt text or the owner's name at the top; markup: og:site_name
    "portal": ("hand", "rules", "dateline", "banner", "markup"),
}
# Sources a reader sees on the page (a date of theirs, with its time, refines a date-only one).
VISIBLE = frozenset({"selector", "shown", "head", "head-above", "title", "byline"})


@dataclass(slots=True)
class Candidate:
    field: str
    value: object
    source: str
    position: int = -1                 # line index in the record's lines; -1: not a line of the text
    timed: bool = False                # a date with its time of day
    span: tuple[int, ...] = ()         # the lines it stands on: left out of the body when it is chosen


def decide(candidates: list[Candidate], priorities: dict[str, tuple[str, ...]]) -> dict[str, Candidate | None]:
    """The chosen candidate of every field (None when no source in the table proposed one)."""
    by_field: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_field.setdefault(candidate.field, []).append(candidate)
    chosen = {}
    for name, order in priorities.items():
        rank = _ranks(order)
        pool = [c for c in by_field.get(name, ()) if c.source in rank]
        best = min(pool, key=lambda c: (rank[c.source], c.position if c.position >= 0 else 1 << 30)) if pool else None
        if name == "date" and best is not None and not best.timed:
            refined = [c for c in pool if c.timed and c.source in VISIBLE and c.value.date() == best.value.date()]
            best = min(refined, key=lambda c: (rank[c.source], c.position)) if refined else best
        chosen[name] = best
    return chosen


@cache
def _ranks(order: tuple[str, ...]) -> dict[str, int]:
    return {source: index for index, source in enumerate(order)}
