"""Date-stable pagination: a listing page, once full, never changes.

Pages are numbered from the **oldest** article: page 1 holds the oldest
``size`` articles, page 2 the next ``size``, and so on. A new article (newer
than every other) only ever lands on the last, *open* page, which holds the
``len % size`` newest articles and may be empty; every full page keeps the
same articles, the same links (older = number - 1, newer = number + 1, which
always exists) and so the same bytes.

The listing's own URL (``/tag/x/``, ``/``) is the *front*: the open page plus
the last full page, newest first, so a reader always lands on the newest
articles, then walks back through numbered pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

_WHEN = attrgetter("date", "slug")


def chronological(articles) -> list:
    """Oldest first; the slug breaks ties so the order never depends on reading order."""
    return sorted(articles, key=_WHEN)


@dataclass
class ListingPage:
    """One page of a listing, as the templates see it (``listing``)."""

    url: str
    save_as: str
    items: list                       # newest first
    number: int | None = None         # None for the front page
    full: bool = False
    older_url: str | None = None
    newer_url: str | None = None
    front_url: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def is_front(self) -> bool:
        return self.number is None

    @property
    def first_date(self):
        return self.items[-1].date if self.items else None

    @property
    def last_date(self):
        return self.items[0].date if self.items else None


def numbered_url(pattern: str, base: str, number: int) -> str:
    return pattern.format(base=base, number=number)


def stable_pages(articles, size: int, base: str, pattern: str, ordered: bool = False) -> list[ListingPage]:
    """Front page first, then numbered pages 1..n (the last one open, maybe empty).
    ``ordered``: ``articles`` are already ``chronological``."""
    if size < 1:
        raise ValueError("page_size must be at least 1")
    ordered = list(articles) if ordered else chronological(articles)
    count = len(ordered) // size + 1          # full pages + the open page
    pages: list[ListingPage] = []
    for number in range(1, count + 1):
        chunk = ordered[(number - 1) * size: number * size]
        url = numbered_url(pattern, base, number)
        pages.append(ListingPage(
            url=url, save_as=url + "index.html", items=chunk[::-1], number=number,
            full=len(chunk) == size,
            older_url=numbered_url(pattern, base, number - 1) if number > 1 else None,
            newer_url=numbered_url(pattern, base, number + 1) if number < count else None,
            front_url=base,
        ))
    shown = pages[-2:]                         # the last full page and the open page
    first_shown = shown[0].number
    front = ListingPage(
        url=base, save_as=base + "index.html",
        items=[item for page in reversed(shown) for item in page.items],
        older_url=numbered_url(pattern, base, first_shown - 1) if first_shown > 1 else None,
        front_url=base,
    )
    return [front, *pages]
