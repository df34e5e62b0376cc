"""The article URL rule, in one place: Pelican's ``ARTICLE_URL`` (pelicanconf), the build's
duplicate-address check (archive_reader) and ``newsarchive check`` all use it."""

from __future__ import annotations

from datetime import datetime

# /YYYY/MM/<slug>/: relative to the site root, as Pelican's *_URL settings are.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"


def article_url(date: datetime, slug: str, pattern: str = ARTICLE_URL) -> str:
    """The address an article is published at, from the site root: ``/2019/07/slug/``."""
    return "/" + pattern.format(date=date, slug=slug)
