"""Old addresses keep working: each article's ``source_url`` (on a host in ``LEGACY_HOSTS``) and its
``aliases`` lead to the article.

* ``article_generator_finalized``: every old address of every published article, as a path (and
  query) of this site (``newsarchive.legacy.old_address``); an address two articles claim goes to
  the one listed first (newest), and the other is warned about at its line.
* ``finalized``: ``_redirects`` (``/old/path /2024/05/slug/ 301``, a query as Netlify writes it:
  ``/index.php p=123 /2024/05/slug/ 301``) and, where ``LEGACY_HOSTS`` is set, a page at each old path
  without a query (``tin-tuc/a.html``, ``tin-tuc/a/index.html``) with ``rel=canonical`` and an instant
  refresh, written through ``newsarchive.site.published`` (kept when the live site has it). A path the
  site itself uses is never overwritten.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from pelican import signals

from newsarchive.frontmatter import display
from newsarchive.legacy import old_address
from newsarchive.site.options import check_prefixed, merged
from newsarchive.site.published import Publisher

from .settings import DEFAULTS

_STATE: dict = {}
# Paths of the site's own listings (archive_structure, tag_vocabulary, Pagefind, the theme).
_SITE_PATHS = re.compile(r"^/(?:\d{4}/(?:\d{2}/)?(?:index\.html)?$|(?:tag|tags|category|categories|author|authors|"
                         r"portal|portals|document|archives|search|feeds|page|pagefind|theme|images|articles)(?:/|$)|"
                         r"(?:index|404)\.html$|(?:robots\.txt|sitemap\.xml|_redirects)$)")
PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{target}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>Bài viết đã chuyển đến <a href="{target}">{target}</a>.</p>
</body>
</html>
"""


def options_of(settings) -> tuple[set[str], dict]:
    hosts = settings.get("LEGACY_HOSTS", DEFAULTS["LEGACY_HOSTS"]) or []
    links = merged("LEGACY_LINKS", DEFAULTS["LEGACY_LINKS"], settings.get("LEGACY_LINKS"))
    return {str(host).lower() for host in hosts}, links


def check_settings(pelican_object):
    """``initialized``: an unknown ``LEGACY_`` setting or key stops the build."""
    check_prefixed("LEGACY_", DEFAULTS, pelican_object.settings)
    options_of(pelican_object.settings)
    _STATE.clear()


def _warn(content, line: int, message: str) -> None:
    """One line on stderr, as the build's other article messages."""
    print(f"{display(content.source_path)}:{line}: cảnh báo: {message}", file=sys.stderr)


def _line(content, key: str, item=None) -> int:
    """The line of ``key`` (or of the list item ``item``) in the article's file."""
    try:
        with open(content.source_path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if (item is None and line.startswith(key + ":")) or (item is not None and str(item) in line):
                    return number
    except OSError:
        pass
    return 1


def old_addresses(content, hosts: set[str], own_host: str | None):
    """``(path_and_query, what)`` for each old address of an article (``what``: for messages)."""
    source = old_address(getattr(content, "source_url", None))
    if source and source[0] in hosts:
        yield source[1], source[2], ("source_url", None)
    aliases = getattr(content, "aliases", None) or []
    for item in aliases if isinstance(aliases, list) else []:
        found = old_address(item)
        if found is None or (found[0] is not None and found[0] not in hosts and found[0] != own_host):
            _warn(content, _line(content, "aliases", item), f"địa chỉ cũ '{item}' không chuyển được: cần đường "
                  "dẫn bắt đầu bằng '/' hoặc địa chỉ trên một máy chủ trong LEGACY_HOSTS")
            continue
        yield found[1], found[2], ("aliases", item)


def collect(generator) -> None:
    """``article_generator_finalized``: the old addresses of the published articles."""
    settings = generator.settings
    hosts, _ = options_of(settings)
    own_host = (old_address(settings.get("SITEURL") or "") or (None,))[0]
    claimed: dict[tuple[str, str], object] = {}
    for content in generator.articles:   # newest first: the newest keeps an address two claim
        # Pelican computes an article's URL on each call until fast_build remembers it (after
        # this signal): asked only of the few articles with an old address (0.4 s at 10,000).
        for path, query, (key, item) in old_addresses(content, hosts, own_host):
            if not query and path == "/" + content.url:
                continue
            other = claimed.setdefault((path, query), content)
            if other is not content:
                _warn(content, _line(content, key, item), f"địa chỉ cũ {path}{'?' + query if query else ''} "
                      f"đã chuyển đến bài {display(other.source_path)}")
    _STATE["claimed"] = claimed


def redirects_text(claimed: dict, status: int) -> str:
    lines = []
    for (path, query), content in sorted(claimed.items()):
        match = path + ("".join(" " + pair for pair in query.split("&") if pair) if query else "")
        lines.append(f"{match} /{content.url} {status}\n")
    return "".join(lines)


def page_name(path: str) -> str | None:
    """The file a static host serves at ``path``, or None where the site has its own pages."""
    if _SITE_PATHS.match(path) or ".." in path.split("/"):
        return None
    name = path.lstrip("/")
    if not name or name.endswith("/"):
        return name + "index.html"
    return name if "." in name.rsplit("/", 1)[-1] else name + "/index.html"


def write(pelican_object) -> None:
    """``finalized``: ``_redirects`` and the pages at old paths."""
    claimed = _STATE.pop("claimed", None)
    if claimed is None:
        return
    settings = pelican_object.settings
    hosts, options = options_of(settings)
    publisher = Publisher(settings, Path(settings["CACHE_PATH"]) / "legacy_links.json")
    if options["redirects_file"] and claimed:
        publisher.write(options["redirects_file"], redirects_text(claimed, options["status"]).encode())
    if hosts and options["pages"]:
        site_files = {str(getattr(content, "save_as", "")) for content in _STATE.pop("contents", [])}
        siteurl = settings.get("SITEURL") or ""
        for (path, query), content in sorted(claimed.items()):
            name = None if query else page_name(path)
            if name is None or name in site_files:
                continue
            target = html.escape(f"{siteurl}/{content.url}", quote=True)
            title = html.escape(html.unescape(content.title), quote=False)
            publisher.write(name, PAGE.format(title=title, target=target).encode())
    publisher.close()


def remember_contents(generators) -> None:
    """``all_generators_finalized``: what the site itself publishes (never overwritten)."""
    found = []
    for generator in generators:
        for name in ("articles", "pages", "hidden_pages", "staticfiles", "translations"):
            found.extend(getattr(generator, name, None) or [])
    _STATE["contents"] = found


def register():
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(collect)
    signals.all_generators_finalized.connect(remember_contents)
    signals.finalized.connect(write)
