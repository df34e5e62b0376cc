"""Stage 6: a few honest tags (places, bodies, documents, topics).

The vocabulary and the logic live in :mod:`newsarchive.tags`; this stage only
passes the portal's own province and district as context, and the article's date
(places as they were then: no districts after the 1/7/2025 merger).
"""

from __future__ import annotations

from ..tags import tag_article
from .portals import Rules


def tag(title: str, lede: str, body: str, rules: Rules, date=None) -> list[str]:
    """Tags for one article, most telling first, at most ``newsarchive.tags.tagger.MAX_TAGS`` (10)."""
    return tag_article(title, lede, body, province=rules.province, district=rules.district, date=date)
