"""Defaults of the CONTENT_GUARD setting; pelicanconf's values are merged over them."""

DEFAULTS = {
    # Stop the build on a refused file (exit 1, every problem listed, nothing written). None: the
    # same as ARCHIVE_READER_FATAL, which `make devserver` sets false; the refused files are then
    # left out of the site and the build goes on.
    "fatal": None,
    # Files the site's plugins write that no Pelican setting names (archive_structure: 404.html,
    # robots.txt; pelican-sitemap: sitemap.xml): a page or a static file may not claim them.
    "site_files": ["404.html", "robots.txt", "sitemap.xml"],
}
