"""Sanitise every article body at build time with an allow-list (nh3 / Ammonia).

Bodies come from scraped portals (which get hacked) and from editors' Markdown
(which passes raw HTML through, and turns ``[x](javascript:...)`` into a link),
so nothing in them is trusted:

* ``content_object_init``: the body HTML goes through :func:`sanitize`; the
  title and the names of tags, category and author, which are plain text in
  the article contract, are HTML-escaped so that templates can print them.

:func:`sanitize` lets nh3 keep only allowed tags, attributes and URL schemes
(``loading="lazy"`` set on every image, ids prefixed so a body can never shadow
the theme's ``#main`` or ``#search-input``), then finishes what the site wants on
nh3's output: ``rel="noopener"`` on external links, an ``alt`` on every image
(its figure's caption, its title, or a default), body ``<h1>`` demoted to ``<h2>``
(the page has its own). That last pass edits nh3's serialisation, whose shape is
fixed: tags only where markup is, attributes as ``name="value"`` with ``"``, ``<``
and ``>`` escaped inside values, so the patterns below cannot be fooled by content.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from pelican import signals

from newsarchive import html_policy
from newsarchive.site.options import merged

from .settings import DEFAULTS

ID_PREFIX = "nd-"                    # "nội dung": ids and in-page links of the body
_OPEN_TAG = re.compile(r'<(a|img)((?: [a-z-]+="[^"]*")*)>')
_ATTRIBUTE = re.compile(r' ([a-z-]+)="([^"]*)"')
_FIGURE = re.compile(r"<figure>.*?</figure>", re.DOTALL)
_FIGCAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.DOTALL)
_MARKUP = re.compile(r'</?[a-z0-9]+(?: [a-z-]+="[^"]*")*>')


def settings_of(pelican_settings) -> dict:
    """SANITIZE over the defaults; the site's own host (SITEURL) counts as internal."""
    options = merged("SANITIZE", DEFAULTS, pelican_settings.get("SANITIZE"))
    site_host = urlsplit(pelican_settings.get("SITEURL") or "").hostname
    options["internal_hosts"] = set(options["internal_hosts"]) | ({site_host} if site_host else set())
    return options


@lru_cache(maxsize=8)
def _cleaner(tags: frozenset, attributes: tuple, drop: frozenset, schemes: frozenset) -> nh3.Cleaner:
    allowed = {tag: set(names) - {"rel", "loading"} for tag, names in attributes}
    for anchor_target in html_policy.ANCHOR_TARGETS:
        allowed.setdefault(anchor_target, set()).add("id")
    return nh3.Cleaner(
        tags=set(tags) | html_policy.DEMOTED,          # kept only to become <h2>
        clean_content_tags=set(drop) - set(tags),
        attributes={**allowed, "*": set(html_policy.GENERIC_ATTRIBUTES)},   # "*": on every element
        set_tag_attribute_values={"img": {"loading": "lazy"}},
        link_rel=None,
        url_schemes=set(schemes),
        strip_comments=True,
        id_prefix=ID_PREFIX,
    )


def _is_external(href: str, internal_hosts: set) -> bool:
    try:
        parts = urlsplit(html.unescape(href))
        return bool(parts.netloc) and parts.hostname not in internal_hosts
    except ValueError:
        return False


def _finish_tag(match: re.Match, options: dict, caption: str = "") -> str:
    name, attributes = match.group(1), dict(_ATTRIBUTE.findall(match.group(2)))
    if name == "a":
        href = attributes.get("href", "")
        if href.startswith("#") and not href.startswith("#" + ID_PREFIX):
            attributes["href"] = "#" + ID_PREFIX + href[1:]
        if "rel" not in attributes and _is_external(href, options["internal_hosts"]):
            attributes["rel"] = "noopener"
    elif not attributes.get("alt", "").strip():
        attributes["alt"] = caption or attributes.get("title") or html.escape(options["default_alt"])
    return f"<{name}" + "".join(f' {key}="{value}"' for key, value in attributes.items()) + ">"


def _figure_alts(match: re.Match, options: dict) -> str:
    """Images of a figure without alt take the figure's caption as their alt."""
    figure = match.group(0)
    found = _FIGCAPTION.search(figure)
    text = " ".join(_MARKUP.sub(" ", found.group(1)).split()) if found else ""
    caption = html.escape(html.unescape(text), quote=True)
    return _OPEN_TAG.sub(lambda tag: _finish_tag(tag, options, caption), figure)


def sanitize(body: str, options: dict | None = None) -> str:
    """The body HTML, stripped to the allow-list in ``options`` (SANITIZE defaults)."""
    options = merged("SANITIZE", DEFAULTS, options)
    cleaner = _cleaner(
        frozenset(options["tags"]),
        tuple(sorted((tag, frozenset(names)) for tag, names in options["attributes"].items())),
        frozenset(options["drop_with_content"]),
        frozenset(options["url_schemes"]),
    )
    clean = cleaner.clean(body).replace("<h1", "<h2").replace("</h1>", "</h2>")
    if "<figure>" in clean:
        clean = _FIGURE.sub(lambda figure: _figure_alts(figure, options), clean)
    return _OPEN_TAG.sub(lambda tag: _finish_tag(tag, options), clean)


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


def check_settings(pelican_object):
    """``initialized``: an unknown SANITIZE key stops the build before anything is read."""
    settings_of(pelican_object.settings)


def register():
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(sanitize_content)
