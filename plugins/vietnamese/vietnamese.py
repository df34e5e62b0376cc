"""Jinja filters that spell dates and names the Vietnamese way, with no OS locale.

``{{ article.date|vi_date }}`` -> "Thứ Ba, 16/07/2019";
``{{ article.date|vi_datetime }}`` -> "Thứ Ba, 16/07/2019 06:26";
``{{ article.portal|portal_name }}`` -> the portal's display name (``PORTALS``).
"""

from __future__ import annotations

from functools import lru_cache

from pelican import signals

from newsarchive.article import format_iso
from newsarchive.vietnamese import format_date


def vi_date(moment) -> str:
    return _spelt(moment, moment.tzinfo, False)


def vi_datetime(moment) -> str:
    """Time shown only when the source gave one (00:00 means "unknown")."""
    return _spelt(moment, moment.tzinfo, True)


def iso(moment) -> str:
    return _spelt(moment, moment.tzinfo, None)


# Every listing an article is on spells its date again: spelt once per date. The zone is
# part of the key because equal instants in two zones are equal datetimes.
@lru_cache(maxsize=65536)
def _spelt(moment, zone, with_time: bool | None) -> str:
    if with_time is None:
        return format_iso(moment)
    return format_date(moment, with_time=with_time and bool(moment.hour or moment.minute))


def add_filters(generator):
    portals = generator.settings.get("PORTALS", {})
    generator.env.filters.update(
        vi_date=vi_date,
        vi_datetime=vi_datetime,
        iso=iso,
        portal_name=lambda portal_id: portals.get(portal_id, portal_id),
    )


def register():
    signals.generator_init.connect(add_filters)
