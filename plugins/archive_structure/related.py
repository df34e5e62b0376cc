"""Related articles ("Các tin khác"): the ones that share the most telling tags.

A shared tag weighs ``1 / log(2 + n)`` where ``n`` is how many articles carry it,
so a shared document ("Chỉ thị 42-CT/TU") outweighs a shared province. Only
the ``window`` nearest articles in time of each shared tag are candidates, which
keeps the work linear on a tag that thousands of articles share. Ties go to
the article closest in time. Every related article shares at least one tag.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import defaultdict

from .pagination import chronological


def _terms(article) -> list[str]:
    # Cited documents are tags too (newsarchive.tags), so they weigh in here.
    return [tag.name for tag in getattr(article, "tags", None) or []]


def related_articles(articles, count: int, window: int) -> dict:
    """{article: [related articles, best first]} for every article."""
    by_term: dict[str, list] = defaultdict(list)
    for article in chronological(articles):
        for term in _terms(article):
            by_term[term].append(article)
    keys = {term: [(a.date, a.slug) for a in members] for term, members in by_term.items()}
    weight = {term: 1.0 / math.log(2 + len(members)) for term, members in by_term.items()}
    seconds = {id(a): a.date.timestamp() for a in articles}    # times compared as numbers, once each
    result = {}
    for article in articles:
        scores: dict = defaultdict(float)
        for term in set(_terms(article)):
            members = by_term[term]
            where = bisect.bisect_left(keys[term], (article.date, article.slug))
            for other in members[max(0, where - window // 2): where + window // 2 + 1]:
                if other is not article:
                    scores[other] += weight[term]
        at = seconds[id(article)]
        # nsmallest(n, ...) is sorted(...)[:n] without sorting every candidate
        result[article] = heapq.nsmallest(count, scores, key=lambda o: (-scores[o], abs(seconds[id(o)] - at), o.slug))
    return result
