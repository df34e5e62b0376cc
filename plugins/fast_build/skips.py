"""Skip the quadratic parts of Pelican's ArticlesGenerator this site does not need.

* Tag, category and author pages: with ``TAG_SAVE_AS`` etc. empty (archive_structure
  writes those listings), Pelican still builds each one's list of dates by testing
  every article against every other (``article in articles``) and then writes
  nothing; ``generate_tags``/``_categories``/``_authors`` are not called then.
* File stamps: with ``CHECK_MODIFIED_METHOD = "sha1"`` Pelican hashes each article
  twice per build (to check its cache entry, and again to store it); ``remembered_stamps``
  hashes it once per build (files do not change while the site is built).
* Period archives: Pelican matches each period's articles with ``a in dates`` over
  a list, O(articles x period size). ``fast_period_archives`` gives the same lists
  (in the order of ``articles``) by each article's position (Content objects compare
  by identity).
* Cache file: Pelican pickles the whole content cache again after every build, with
  the settings and the whole context each article points to; ``saved_only_when_changed``
  skips that when no entry was added or replaced, and writes the articles alone.
"""

from __future__ import annotations

UNWRITTEN = {"TAG_SAVE_AS": "generate_tags", "CATEGORY_SAVE_AS": "generate_categories",
             "AUTHOR_SAVE_AS": "generate_authors"}


def _nothing(write) -> None:
    return None


def fast_period_archives(original):
    def build(sorted_articles, articles, settings):
        archives = original(sorted_articles, [], settings)
        position = {id(article): number for number, article in enumerate(articles)}
        for group in archives.values():
            for archive in group:
                found = sorted(position[id(a)] for a in archive["dates"] if id(a) in position)
                archive["articles"] = [articles[number] for number in found]
        return archives

    return build


def remembered_stamps(stamp):
    stamps: dict[str, object] = {}

    def get(filename):
        if filename not in stamps:
            stamps[filename] = stamp(filename)
        return stamps[filename]

    return get


def saved_only_when_changed(generator, detach, attach) -> None:
    """Call once the cache is loaded: ``save_cache`` then writes only if an entry changed, and
    writes the articles without the settings and context they point to (``detach``): those
    are this build's, rebuilt by the next one, which ``attach``-es its own."""
    loaded = dict(generator._cache)   # the entries themselves: compared by identity
    save = generator.save_cache

    def save_if_changed():
        if len(generator._cache) == len(loaded) and all(
                loaded.get(name) is entry for name, entry in generator._cache.items()):
            return
        articles = [entry[1] for entry in generator._cache.values()]
        for article in articles:
            detach(article)
        try:
            save()
        finally:
            for article in articles:
                attach(article, generator.settings, generator.context)

    generator.save_cache = save_if_changed


def skip_unneeded_work(generator, detach, attach) -> None:
    for setting, method in UNWRITTEN.items():
        if not generator.settings.get(setting):
            setattr(generator, method, _nothing)
    generator._build_period_archives = fast_period_archives(generator._build_period_archives)
    generator._get_file_stamp = remembered_stamps(generator._get_file_stamp)
    saved_only_when_changed(generator, detach, attach)
