"""Defaults of the FAST_BUILD setting; pelicanconf's values are merged over them."""

DEFAULTS = {
    # Processes that read articles and render pages: 0 = one per available core, 1 = a
    # plain serial build (the output is byte-identical either way; tests compare them).
    "processes": 0,
    # Below this many files to read or pages to write, forking costs more than it saves.
    "min_items": 200,
    # Templates whose pages show only the settings and their own variables (article, listing
    # page, term): with PUBLISHED_PATH set, such a page whose key is unchanged is kept, not
    # rendered (see reuse.py). Templates reading site-wide lists (tags, archives) always render.
    # "feed": Atom/RSS feeds, keyed by their items and settings, kept the same way.
    "cached_templates": ["article", "index", "tag", "category", "author", "portal", "document",
                         "period_archives", "feed"],
    # Page variables no cached template reads: left out of the keys (Pelican hands every
    # period archive the whole article list as all_articles).
    "unused_variables": ["all_articles"],
    # Check at every key that the fields an article got while read still have the values its
    # read digest describes (keys.py); the build stops if one does not. For tests.
    "check_read_digests": False,
}
