"""Pelican settings for the archive (development: relative to the server root).

Settings are a plain dict of UPPER_CASE names; ``publishconf.py`` imports
these and overrides what the public site needs.
"""

import logging
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # so `plugins` resolve when run from anywhere

from newsarchive.ingest.portals import portal_names  # noqa: E402
from newsarchive.site import urls  # noqa: E402

SITENAME = "Kho lưu trữ tin tức"
SITESUBTITLE = "Tin tức của các cổng thông tin Đảng và chính quyền địa phương"
SITEURL = ""
RELATIVE_URLS = False
# A development build has no site URL, so its feeds link to paths, not addresses: true, and
# said once per build by Pelican; publishconf gives SITEURL and the feeds are whole there.
LOG_FILTER = [(logging.WARNING, "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid")]

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]   # editors' pictures: content/images/YYYY/MM/*.jpg (plugins/photos publishes the photos)
THEME = str(HERE / "theme")
OUTPUT_PATH = "output"

TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
# Dates are spelled by our own filters (newsarchive.vietnamese): no OS locale needed.
LOCALE = ("C.UTF-8", "C")
DEFAULT_DATE_FORMAT = "%d/%m/%Y"

PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["build_errors", "fast_build", "archive_reader", "content_guard", "tag_vocabulary", "sanitize", "photos",
           "legacy_links", "archive_structure", "vietnamese", "pagefind_search", "sitemap", "reproducible",
           "offline_reading"]

# URLs: /YYYY/MM/<slug>/, /tag/<slug>/, /tags/, /category/<slug>/, /author/<slug>/
ARTICLE_URL = urls.ARTICLE_URL   # "{date:%Y}/{date:%m}/{slug}/": newsarchive check reads the same rule
ARTICLE_SAVE_AS = urls.ARTICLE_SAVE_AS
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = ""  # tag, category, author and home listings: archive_structure (stable pages)
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = ""
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = ""
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_SAVE_AS = ""   # year and month archives /YYYY/, /YYYY/MM/: archive_structure
MONTH_ARCHIVE_SAVE_AS = ""  # (ARCHIVE_STRUCTURE year_url, month_url)
DAY_ARCHIVE_SAVE_AS = ""
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
DIRECT_TEMPLATES = ["tags", "categories", "authors", "archives", "search"]
# Listings that grow are paginated by the archive_structure plugin, numbered from the
# oldest article so a full page never changes (README, "Stable listing pages"):
# /tag/<slug>/ shows the newest, /tag/<slug>/page/<n>/ page n counted from the oldest.
PAGINATED_TEMPLATES = {}
DEFAULT_PAGINATION = False
# The theme's Content-Security-Policy meta tag (theme/templates/base.html); tests turn it
# off only to prove the sanitiser alone stops hostile markup.
CONTENT_SECURITY_POLICY = True

ARCHIVE_STRUCTURE = {
    "page_size": 20,
    "page_url": "{base}page/{number}/",
    "portal_url": "portal/{slug}/",
    "portals_url": "portals/",
}

# Slugs: đ -> d through unidecode (as newsarchive.vietnamese.slugify), "/" -> "-".
SLUG_REGEX_SUBSTITUTIONS = [
    (r"/", "-"),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]
TAG_REGEX_SUBSTITUTIONS = SLUG_REGEX_SUBSTITUTIONS
CATEGORY_REGEX_SUBSTITUTIONS = SLUG_REGEX_SUBSTITUTIONS
AUTHOR_REGEX_SUBSTITUTIONS = SLUG_REGEX_SUBSTITUTIONS

# Feeds: the whole site, each category and each tag (Atom, latest FEED_MAX_ITEMS).
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_ATOM_URL = "feeds/tag/{slug}.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
CATEGORY_FEED_ATOM_URL = "feeds/category/{slug}.atom.xml"
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = True

SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.7, "indexes": 0.5, "pages": 0.3},
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
    "exclude": [r"^404\.html$", r"^offline/$"],   # offline/: the page the service worker shows offline
}

# Portal id -> display name, from the ingest rule files (one source of truth). Articles no rule
# recognised carry generic.yaml's id, "unknown": readers see generic.yaml's name instead (a test
# reads both from the file).
PORTALS = {"editor": "Biên tập viên", "unknown": "Nguồn không xác định", **portal_names()}

# Old portal hosts this archive now answers for (plugins/legacy_links): their articles' old paths
# redirect here (_redirects, and a page at each old path for hosts without redirects).
LEGACY_HOSTS = []

# Search: Pagefind over the written site, in Vietnamese.
PAGEFIND = {"language": "vi"}

# Read uncached articles and render pages on every core (plugins/fast_build); 1: serial.
FAST_BUILD = {"processes": 0}

# One language: no translations to pair up. Pelican's pairing (by slug) also tests each
# article against a list of all the others, ~0.7 s at 10,000 articles and 100x that at
# 100,000; duplicate slugs are refused by archive_reader instead.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
# Templates are read once per build: no check of each file's time at every include.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "auto_reload": False}

# Newest first, and articles of the same moment (ingested articles often share a day at 00:00)
# by slug: Pelican's "reversed-date" keeps such ties in the order the files were found, which
# is a set's, so two builds of one archive could order feeds and month pages differently.
def newest_first(article):
    return (-article.date.timestamp(), article.slug)


ARTICLE_ORDER_BY = newest_first

USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Tin tổng hợp"
READERS = {"rst": None, "htm": None, "html": None}  # articles are Markdown only
DEFAULT_METADATA = {}
SUMMARY_MAX_LENGTH = 50
TYPOGRIFY = False
# Finished articles are cached between builds (Pelican's generator layer, checked by content
# hash); archive_reader keeps one cache folder per settings + plugin code (see its cache.py).
# `make html` puts the cache beside the output; `pelican --ignore-cache` reads everything afresh.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "generator"
CHECK_MODIFIED_METHOD = "sha1"
GZIP_CACHE = False   # a plain pickle: gzip cost 2 s of a 10,000-article build
DELETE_OUTPUT_DIRECTORY = False
