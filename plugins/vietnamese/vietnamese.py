"""Jinja filters that spell dates and names the Vietnamese way, with no OS locale.

``{{ article.date|vi_date }}`` -> "Thứ Ba, 16/07/2019";
``{{ article.date|vi_datetime }}`` -> "Thứ Ba, 16/07/2019 06:26";
``{{ article.portal|portal_name }}`` -> the portal's display name (``PORTALS``).
"""

from __future__ import annotations

from pelican import signals

from newsarchive.article import format_iso
from newsarchive.vietnamese import format_date


def vi_date(moment) -> str:
    return format_date(moment)


def vi_datetime(moment) -> str:
    """Time shown only when the source gave one (00:00 means "unknown")."""
    return format_date(moment, with_time=bool(moment.hour or moment.minute))


def add_filters(generator):
    portals = generator.settings.get("PORTALS", {})
    generator.env.filters.update(
        vi_date=vi_date,
        vi_datetime=vi_datetime,
        iso=format_iso,
        portal_name=lambda portal_id: portals.get(portal_id, portal_id),
    )


def register():
    signals.generator_init.connect(add_filters)
