"""Every output path the build will write, and who claims it, known before anything is written.

Content claims come from the read objects themselves (articles and pages of every status,
static files: their ``save_as``). Site claims are the pages Pelican and this site's
plugins write from the context: the home page, the direct templates, the year and month
archives, a page per tag, category, author, portal and cited document (archive_structure
writes them at ``url + "index.html"``), the feeds, the theme's static files and the files
named in ``CONTENT_GUARD["site_files"]``. Numbered listing pages (``.../page/<n>/``) and
the search index are left out: no content object can be written under them.
"""

from __future__ import annotations

import os
import posixpath

from newsarchive.frontmatter import display

CONTENT_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                 "drafts_translations", "pages", "hidden_pages", "draft_pages", "draft_translations", "staticfiles")
_TERMS = (("tags", "TAG"), ("categories", "CATEGORY"), ("authors", "AUTHOR"))


def normal(path: str) -> str:
    if "/." in path or "//" in path or path.startswith(("/", ".")) or os.sep in path.replace("/", ""):
        return posixpath.normpath(path.replace(os.sep, "/")).lstrip("/")
    return path             # already normal (every save_as of a 10,000-article build but a few)


def content_claims(generators):
    """(output path, content object) for everything read from the content folder."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or []:
                save_as = content.save_as
                if save_as:
                    yield normal(save_as), content


def _terms(generator, name: str):
    terms = getattr(generator, name, None) or []
    return list(terms) if isinstance(terms, dict) else [term for term, _ in terms]


def _front(term) -> str | None:
    save_as = getattr(term, "save_as", "")
    return save_as or (term.url + "index.html" if term.url.endswith("/") else None)


def site_claims(generators, settings, site_files):
    """(output path, what it is) for the pages the site writes besides content."""
    yield settings.get("INDEX_SAVE_AS") or "index.html", "trang chủ"
    for name in settings.get("DIRECT_TEMPLATES", []):
        yield settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"), f"trang '{name}'"
    for path in site_files:
        yield path, f"tệp {path} của trang web"
    for key in ("FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS"):
        if settings.get(key):
            yield settings[key], "nguồn tin (feed)"
    portals = generators[0].context.get("PORTALS_URL") if generators else None   # archive_structure
    if portals:
        yield portals + "index.html", "trang danh sách nguồn tin"
    for generator in generators:
        periods = [pattern for pattern in (settings.get(f"{period}_ARCHIVE_SAVE_AS") for period in
                                           ("YEAR", "MONTH", "DAY")) if pattern]
        days = {article.date.date(): article.date for article in getattr(generator, "dates", None) or []}
        for date in days.values():     # a period archive's path is its date's (Pelican formats the first)
            for pattern in periods:
                yield pattern.format(date=date), "trang lưu trữ theo thời gian"
        for name, prefix in _TERMS:
            feeds = [settings.get(f"{prefix}_FEED_{kind}") for kind in ("ATOM", "RSS")]
            for term in _terms(generator, name):
                if _front(term):
                    yield _front(term), f"trang của '{term}'"
                for pattern in filter(None, feeds):
                    yield pattern.format(slug=term.slug), f"nguồn tin (feed) của '{term}'"
        for _, _, url in getattr(generator, "archive_periods", None) or []:   # archive_structure's
            yield url + "index.html", "trang lưu trữ theo thời gian"
        for portal, _ in getattr(generator, "archive_portals", None) or []:
            yield portal.url + "index.html", f"trang nguồn tin '{portal}'"
        for document in getattr(generator, "documents", None) or []:
            yield document.save_as, f"trang văn bản '{document}'"
        theme = getattr(generator, "theme", None)
        if theme and name_of(generator) == "StaticGenerator":
            yield from _theme_files(theme, settings)


def name_of(generator) -> str:
    return type(generator).__name__


def _theme_files(theme: str, settings):
    for path in settings.get("THEME_STATIC_PATHS", []):
        root = os.path.join(theme, path)
        for folder, _, files in os.walk(root):
            for name in files:
                relative = os.path.relpath(os.path.join(folder, name), root)
                yield posixpath.join(settings.get("THEME_STATIC_DIR", "theme"), relative), "tệp của giao diện (theme)"


def where(content) -> str:
    """How a content object is named in messages: path:line (an article's slug line)."""
    return f"{display(content.source_path)}:{getattr(content, 'slug_line', 1)}"
