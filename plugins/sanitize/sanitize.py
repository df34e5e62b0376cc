"""Sanitise every article body at build time with an allow-list (nh3 / Ammonia).

Bodies come from scraped portals (which get hacked) and from editors' Markdown
(which passes raw HTML through, and turns ``[x](javascript:...)`` into a link),
so nothing in them is trusted:

* ``content_object_init``: the body HTML goes through :func:`sanitize`; the
  title and the names of tags, category and author, which are plain text in
  the article contract, are HTML-escaped so that templates can print them.

:func:`sanitize` first adds what the site wants on every page (``rel="noopener"``
on external links, ``alt`` on images, body ``<h1>`` demoted to ``<h2>``: the page
has its own ``<h1>``), then lets nh3 have the last word: only allowed tags,
attributes and URL schemes survive, ``loading="lazy"`` is set on every image.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from bs4 import BeautifulSoup
from pelican import signals

from .settings import DEFAULTS

# Markdown footnotes link by id ("fn:1" <-> "fnref:1"): the only ids a body keeps,
# so it can never shadow the theme's own (#main, #search-input, ...).
_FOOTNOTE_ID = re.compile(r"^fn(ref)?:[\w-]+$")
_NEEDS_DECORATION = re.compile(r"<\s*(a|img|h1)\b", re.IGNORECASE)


def settings_of(pelican_settings) -> dict:
    """SANITIZE over the defaults; the site's own host (SITEURL) counts as internal."""
    options = {**DEFAULTS, **(pelican_settings.get("SANITIZE") or {})}
    site_host = urlsplit(pelican_settings.get("SITEURL") or "").hostname
    options["internal_hosts"] = set(options["internal_hosts"]) | ({site_host} if site_host else set())
    return options


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return value if _FOOTNOTE_ID.match(value) else None
    return value


@lru_cache(maxsize=8)
def _cleaner(tags: frozenset, attributes: tuple, drop: frozenset, schemes: frozenset) -> nh3.Cleaner:
    allowed = {tag: set(names) for tag, names in attributes}
    for footnote_tag in ("sup", "li"):
        allowed.setdefault(footnote_tag, set()).add("id")
    allowed.setdefault("img", set()).discard("loading")
    return nh3.Cleaner(
        tags=set(tags) | {"sup", "li"},
        clean_content_tags=set(drop) - set(tags),
        attributes=allowed,
        attribute_filter=_keep_attribute,
        tag_attribute_values={"a": {"rel": {"noopener"}}},
        set_tag_attribute_values={"img": {"loading": "lazy"}},
        link_rel=None,
        url_schemes=set(schemes),
        strip_comments=True,
    )


def _is_external(href: str, internal_hosts: set) -> bool:
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    return bool(parts.netloc) and parts.hostname not in internal_hosts


def _decorate(body: str, options: dict) -> str:
    """rel="noopener" on external links, alt on images, <h1> -> <h2>."""
    soup = BeautifulSoup(body, "html.parser")
    for heading in soup.find_all("h1"):
        heading.name = "h2"
    for link in soup.find_all("a"):
        del link["rel"]
        if _is_external(link.get("href") or "", set(options["internal_hosts"])):
            link["rel"] = "noopener"
    for image in soup.find_all("img"):
        if (image.get("alt") or "").strip():
            continue
        figure = image.find_parent("figure")
        caption = figure.find("figcaption") if figure else None
        text = caption.get_text(" ", strip=True) if caption else ""
        image["alt"] = text or image.get("title") or options["default_alt"]
    return str(soup)


def sanitize(body: str, options: dict | None = None) -> str:
    """The body HTML, stripped to the allow-list in ``options`` (SANITIZE defaults)."""
    options = {**DEFAULTS, **(options or {})}
    if _NEEDS_DECORATION.search(body):
        body = _decorate(body, options)
    cleaner = _cleaner(
        frozenset(options["tags"]),
        tuple(sorted((tag, frozenset(names)) for tag, names in options["attributes"].items())),
        frozenset(options["drop_with_content"]),
        frozenset(options["url_schemes"]),
    )
    return cleaner.clean(body)


def _as_text(wrapper) -> None:
    """Escape a tag/category/author name, keeping the slug it was given."""
    wrapper.slug = wrapper.slug
    wrapper.name = html.escape(wrapper.name, quote=False)


def sanitize_content(content) -> None:
    options = settings_of(content.settings)
    if not options["enabled"]:
        return
    if getattr(content, "_content", None):
        content._content = sanitize(content._content, options)
    if isinstance(getattr(content, "title", None), str):
        content.title = html.escape(content.title, quote=False)
    for wrapper in [*getattr(content, "tags", []), getattr(content, "category", None),
                    *getattr(content, "authors", [])]:
        if wrapper is not None and not getattr(wrapper, "_sanitized", False):
            _as_text(wrapper)
            wrapper._sanitized = True


def register():
    signals.content_object_init.connect(sanitize_content)
