"""Jinja filters that spell dates and names the Vietnamese way, with no OS locale.

``{{ article.date|vi_date }}`` -> "Thứ Ba, 16/07/2019";
``{{ article.date|vi_datetime }}`` -> "Thứ Ba, 16/07/2019 06:26";
``{{ article.portal|portal_name }}`` -> the portal's display name (``PORTALS``; a portal without a rule
file is named by its articles' ``portal_name``).
"""

from __future__ import annotations

from functools import lru_cache

from pelican import signals

from newsarchive.article import format_iso
from newsarchive.vietnamese import format_date


def _spelt_once(spell):
    """``spell(moment)``, once per date: every listing an article is on spells its date again.
    The zone is part of the key because equal instants in two zones are equal datetimes."""
    cached = lru_cache(maxsize=65536)(lambda moment, zone: spell(moment))
    return lambda moment: cached(moment, moment.tzinfo)


vi_date = _spelt_once(format_date)
# Time shown only when the source gave one (00:00 means "unknown").
vi_datetime = _spelt_once(lambda moment: format_date(moment, with_time=bool(moment.hour or moment.minute)))
iso = _spelt_once(format_iso)


def add_filters(generator):
    portals = generator.settings.get("PORTALS", {})
    generator.env.filters.update(
        vi_date=vi_date,
        vi_datetime=vi_datetime,
        iso=iso,
        portal_name=lambda portal_id: portals.get(portal_id, portal_id),
    )


def name_portals(generator):
    """Portals with no rule file take the name their articles carry (ingest writes ``portal_name``),
    before listings and pages are made: readers see the outlet's name, not an id."""
    portals = generator.settings.setdefault("PORTALS", {})
    for article in generator.articles:
        name = getattr(article, "portal_name", None)
        if isinstance(name, str) and name.strip() and getattr(article, "portal", None) not in portals:
            portals[article.portal] = name


def register():
    signals.generator_init.connect(add_filters)
    signals.article_generator_pretaxonomy.connect(name_portals)
