"""Charts drawn at build time: articles per month of the archive, articles per year of a term.

Only the geometry is worked out here; ``theme/templates/partials/charts.html`` draws it as
inline SVG with no script. Positions across are in % of the chart's width and heights in em,
so a chart follows the width of the screen and the reader's text size (A- A A+); colours come
from the stylesheet, so it follows light and dark. Every bar with articles links to a page that
lists them; an empty month or year has no bar and no link (its page does not exist).

The results are plain dataclasses: fast_build keys a page by its variables, so a chart given to
a page (``timeline=``) counts in its key with every number it shows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from operator import attrgetter

_WHEN = attrgetter("date", "slug")
# Share of a slot a bar fills, and the smallest height a bar with one article gets (em), so
# that a month with one article among months with hundreds is still seen and clicked.
BAR_SHARE = 0.8
MIN_HEIGHT = 0.2


@dataclass(frozen=True)
class Bar:
    key: int              # the month (1-12) or the year
    count: int
    url: str | None       # the page listing these articles; None when there are none
    x: float              # left edge, % of the chart's width
    width: float          # % of the chart's width
    slot: float           # the slot's left edge (%): the whole column is the link's target
    slot_width: float
    y: float              # top edge, em from the chart's top
    height: float         # em


@dataclass(frozen=True)
class YearRow:
    """One year of the archive chart: its twelve months."""

    year: int
    url: str
    count: int
    bars: list


@dataclass(frozen=True)
class MonthChart:
    """``/archives/``: a row of twelve months per year, newest year first, one scale for all."""

    rows: list
    peak: int             # the most articles in one month
    height: float         # em, of each row's chart
    count: int


@dataclass(frozen=True)
class YearChart:
    """A term's articles per year, from its first year to its last (years between included)."""

    bars: list
    peak: int
    height: float
    count: int
    first: object         # the oldest article and the newest: "first and last citation"
    last: object


def _bar(index: int, slots: int, key: int, count: int, url, peak: int, height: float) -> Bar:
    slot = 100 / slots
    tall = 0.0 if not count else max(MIN_HEIGHT, height * count / peak)
    return Bar(key=key, count=count, url=url if count else None,
               x=round(slot * (index + (1 - BAR_SHARE) / 2), 3), width=round(slot * BAR_SHARE, 3),
               slot=round(slot * index, 3), slot_width=round(slot, 3),
               y=round(height - tall, 3), height=round(tall, 3))


def month_chart(articles, month_url: str, year_url: str, height: float = 2.5) -> MonthChart:
    """Articles per month, each bar linking to its month page (``month_url`` formatted with the
    date of one of its articles, as archive_structure writes those pages)."""
    counts: dict[tuple[int, int], int] = defaultdict(int)
    sample = {}
    for article in articles:
        when = (article.date.year, article.date.month)
        counts[when] += 1
        sample.setdefault(when, article.date)
    peak = max(counts.values(), default=0)
    rows = []
    for year in sorted({year for year, _ in counts}, reverse=True):
        bars = [_bar(month - 1, 12, month, counts.get((year, month), 0),
                     month_url.format(date=sample[(year, month)]) if (year, month) in sample else None,
                     peak, height)
                for month in range(1, 13)]
        first = next(date for (y, _), date in sorted(sample.items()) if y == year)
        rows.append(YearRow(year, year_url.format(date=first), sum(bar.count for bar in bars), bars))
    return MonthChart(rows=rows, peak=peak, height=height, count=sum(counts.values()))


def year_chart(articles, link, height: float = 3.0, ordered: bool = False) -> YearChart | None:
    """Articles per year from the first year to the last; ``link(year, index)`` gives the page of
    a year whose newest article is ``index`` in the oldest-first order (``ordered``: the articles
    are in that order already). None without articles."""
    ordered = list(articles) if ordered else sorted(articles, key=_WHEN)
    if not ordered:
        return None
    counts: dict[int, int] = defaultdict(int)
    newest: dict[int, int] = {}
    for index, article in enumerate(ordered):
        counts[article.date.year] += 1
        newest[article.date.year] = index
    years = range(ordered[0].date.year, ordered[-1].date.year + 1)
    peak = max(counts.values())
    bars = [_bar(index, len(years), year, counts.get(year, 0),
                 link(year, newest[year]) if year in newest else None, peak, height)
            for index, year in enumerate(years)]
    return YearChart(bars=bars, peak=peak, height=height, count=len(ordered), first=ordered[0], last=ordered[-1])
