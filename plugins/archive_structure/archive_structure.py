"""Links between articles that Pelican does not make: previous / next in time.

``article.prev_article`` is the next older article, ``article.next_article``
the next newer one, across the whole archive.
"""

from __future__ import annotations

from pelican import signals


def link_neighbours(generator):
    ordered = sorted(generator.articles, key=lambda a: (a.date, a.slug))
    for index, article in enumerate(ordered):
        article.prev_article = ordered[index - 1] if index else None
        article.next_article = ordered[index + 1] if index + 1 < len(ordered) else None


def register():
    signals.article_generator_finalized.connect(link_neighbours)
