"""Stock Pelican 4.12 settings for bench/build.py: what a user would assemble.

Default theme (notmyidea), tags/categories/authors, year and month archives,
Atom feeds, pagination by 20 with directory-style patterns (the default ones
make tag "Chủ đề 7" page 2 collide with tag "Chủ đề 72"), and the
``pelican-yaml-metadata`` reader so it reads the archive's YAML front matter.
Nothing from this project is imported.
"""

SITENAME = "Stock Pelican"
SITEURL = ""
PATH = "content"
ARTICLE_PATHS = ["articles"]
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
LOCALE = ("C.UTF-8", "C")
PLUGINS = ["pelican.plugins.yaml_metadata"]
READERS = {"rst": None, "htm": None, "html": None}

# Articles by date, as archives usually are (generated slugs are unique per month).
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"

DEFAULT_PAGINATION = 20
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/author/{slug}.atom.xml"
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
