"""The same content builds the same bytes: no build clock in the output.

Pelican itself writes deterministic pages and feeds (their dates are the articles'
dates). The one clock that leaks in is ``pelican-sitemap``'s: index pages (home,
tags, archives, ...) get ``<lastmod>`` = the moment of the build. This sets that
moment to the newest article's date (or modification date), which is also when the
index pages last changed. (Pagefind's own unstable files are rewritten by
``pagefind_search.stable`` right after it runs.)
"""

from __future__ import annotations

from pelican import signals


def newest_moment(articles):
    moments = [getattr(a, "modified", None) or a.date for a in articles]
    return max(moments, default=None)


def pin_sitemap_clock(generators):
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        return
    articles = [a for g in generators for a in getattr(g, "articles", [])]
    moment = newest_moment(articles)
    if moment is not None:
        sitemap.generator.now = moment


def register():
    signals.all_generators_finalized.connect(pin_sitemap_clock)
