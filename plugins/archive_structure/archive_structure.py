"""Site structure Pelican does not give: stable listings, portals, related articles.

* ``content_object_init``: reading time (``reading_minutes``), ``portal_url`` and the
  plain-text summary listings and descriptions show (``summary_text``), which only the
  article decides (so they are worked out once, where it is read, and cached).
* ``article_generator_finalized``: previous/next in time (``prev_article`` is the
  next older article, ``next_article`` the next newer), related articles
  (``related_articles``), the tag index grouped by kind in Vietnamese order
  (``tag_groups``) and the portals.
* ``article_writer_finalized``: home, tag, category, author and portal listings
  with date-stable pages (``pagination``; the front page of a term with its chart of
  articles per year, ``timeline``), the year and month archives, the portal index, the
  404 page, ``robots.txt`` and the data of "Ngày này năm xưa" (``this_day``).
* ``generator_init``: Jinja filters ``vi_sort`` (Vietnamese collation),
  ``inline_script`` / ``script_hash`` (theme scripts allowed by the CSP by hash) and
  ``month_chart`` / ``year_chart`` (``timeline``: the charts of ``/archives/`` and of a
  document's page, from the articles the page is given).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.utils import truncate_html_words

from newsarchive.site.options import merged

from .collation import grouped_tags, vi_sorted
from .listings import period_archives, portals_of, write_listings, write_period_archives, write_portal_index
from .pagination import chronological
from .related import remembered_related
from .settings import DEFAULTS
from .this_day import write_this_day
from .timeline import month_chart, year_chart

_TAG = re.compile(r"<[^>]+>")


def options_of(settings) -> dict:
    return merged("ARCHIVE_STRUCTURE", DEFAULTS, settings.get("ARCHIVE_STRUCTURE"))


def check_options(pelican_object):
    """``initialized``: an unknown ARCHIVE_STRUCTURE key stops the build before anything is read."""
    options_of(pelican_object.settings)


def reading_minutes(html_text: str, words_per_minute: int) -> int:
    words = len(_TAG.sub(" ", html_text or "").split())
    return max(1, round(words / words_per_minute))


def link_neighbours(articles) -> None:
    ordered = chronological(articles)
    for index, article in enumerate(ordered):
        article.prev_article = ordered[index - 1] if index else None
        article.next_article = ordered[index + 1] if index + 1 < len(ordered) else None


def summary_text(content) -> str:
    """The text of Pelican's ``summary`` (the summary given, else the body cut after
    SUMMARY_MAX_LENGTH words), without its markup. Listings and descriptions show only
    that, so it is made once here rather than on every page from the linked body."""
    summary = content.metadata.get("summary")
    if summary is None:
        limit, body = content.settings["SUMMARY_MAX_LENGTH"], getattr(content, "_content", "") or ""
        summary = body if limit is None else truncate_html_words(body, limit, content.settings["SUMMARY_END_SUFFIX"])
    return str(Markup(summary).striptags())


def describe(content):
    if content.__class__.__name__ != "Article":
        return
    options = options_of(content.settings)
    # _content, not .content: reading .content now would memoise it before the
    # static files are known, leaving {static} links unresolved (they are in attributes,
    # which the summary's text does not show).
    content.reading_minutes = reading_minutes(getattr(content, "_content", ""), options["words_per_minute"])
    content.portal_url = options["portal_url"].format(slug=getattr(content, "portal", ""))
    content.summary_text = summary_text(content)


def structure(generator):
    options = options_of(generator.settings)
    link_neighbours(generator.articles)
    store = Path(generator.settings["CACHE_PATH"]) / "archive_structure" / "related.json" \
        if generator.settings.get("CACHE_PATH") else None
    related = remembered_related(generator.articles, options["related_count"], options["related_window"], store,
                                 reuse=generator.settings.get("LOAD_CONTENT_CACHE", True))
    for article in generator.articles:
        article.related_articles = related[article]
    portals = portals_of(generator.articles, generator.settings.get("PORTALS", {}), options["portal_url"])
    generator.archive_portals = portals
    generator.archive_periods = period_archives(generator.articles, options)   # written, and guarded
    generator.context["tag_groups"] = grouped_tags(generator.tags.items())
    generator.context["archive_portals"] = portals
    generator.context["PORTALS_URL"] = options["portals_url"]
    generator.context["THIS_DAY_PATH"] = options["this_day_path"]
    generator.context["THIS_DAY_PER_YEAR"] = options["this_day_per_year"]


def write_structure(generator, writer):
    options = options_of(generator.settings)
    portals = getattr(generator, "archive_portals", [])
    write_listings(generator, writer, options, portals)
    write_period_archives(generator, writer, options)
    write_portal_index(generator, writer, options, portals)
    if options["not_found_template"]:
        writer.write_file("404.html", generator.get_template(options["not_found_template"]),
                          generator.context, relative_urls=False, url="404.html")
    if options["robots"]:
        write_robots(generator.settings)
    if options["this_day_path"]:
        write_this_day(generator.articles, generator.settings, options["this_day_path"], options["month_url"])


def write_robots(settings) -> None:
    lines = ["User-agent: *", "Disallow: /pagefind/", "Allow: /"]
    if settings.get("SITEURL"):
        lines.append(f"Sitemap: {settings['SITEURL']}/sitemap.xml")
    output = Path(settings["OUTPUT_PATH"])
    output.mkdir(parents=True, exist_ok=True)   # a build that keeps every page may have written nothing yet
    (output / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _lookup(item, path: str | None):
    """Follow "0.name"-style paths (index or attribute), as Jinja's sort(attribute=...)."""
    for part in (path.split(".") if path else []):
        item = item[int(part)] if part.isdigit() else getattr(item, part)
    return str(item)


def add_filters(generator):
    env = generator.env
    # a theme script's text and hash, once per build: every page inlines one and hashes it
    source = functools.lru_cache(maxsize=None)(lambda name: env.loader.get_source(env, name)[0])
    env.filters["vi_sort"] = lambda items, attribute=None: vi_sorted(
        items, key=lambda item: _lookup(item, attribute))
    env.filters["inline_script"] = lambda name: Markup(source(name))
    env.filters["script_hash"] = functools.lru_cache(maxsize=None)(lambda name: "sha256-" + base64.b64encode(
        hashlib.sha256(source(name).encode("utf-8")).digest()).decode("ascii"))
    options = options_of(generator.settings)
    env.filters["month_chart"] = lambda articles: month_chart(articles, options["month_url"], options["year_url"])
    # a page listing every article of a term at once (a document's): bars link to its year headings
    env.filters["year_chart"] = lambda articles, anchor="#nam-{year}": year_chart(
        articles, lambda year, index: anchor.format(year=year))


def register():
    signals.initialized.connect(check_options)
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(describe)
    signals.article_generator_finalized.connect(structure)
    signals.article_writer_finalized.connect(write_structure)
