"""Read the articles Pelican has no cached copy of in parallel, before it reads them.

At ``article_generator_init`` the files to read are known and nothing is read yet.
Forked workers each run Pelican's own ``Readers.read_file`` (so the reader and every
``content_object_init`` plugin: sanitising, tag spelling, the search's folded copy)
on a share of the uncached files and send the finished ``Article`` objects back.
They go into the generator's cache, keyed by the file's stamp as Pelican keys them,
so ``generate_context`` then takes them exactly as it takes a warm cache's. Each also
gets, in the worker, what only its file decides: its URLs and the digest of its fields
(``finish``), which the cache then keeps.

A file a worker cannot read is left out: Pelican reads it again itself and reports
the error as in a serial build. Objects that come back from a worker or from the
cache on disk carry copies of the settings and context: ``attach`` points them at
the live ones again.
"""

from __future__ import annotations

import gc
import logging

from pelican.urlwrappers import URLWrapper

from .forking import fork_map, split
from .keys import READ_DIGEST, PageKeys
from .pelican_internals import cached_entries, plain_class, put_cached, read_article, remember_now, set_context

logger = logging.getLogger(__name__)


# Where Pelican puts an article's Tag, Category and Author objects (as attributes, and the
# reader's as metadata; DEFAULT_CATEGORY only as an attribute).
_WRAPPER_FIELDS = ("tags", "category", "author", "authors")


def _wrappers(content):
    """The Tag, Category and Author objects of an article, as attributes and as metadata."""
    for fields in (vars(content), content.metadata):
        for name in _WRAPPER_FIELDS:
            value = fields.get(name)
            if isinstance(value, URLWrapper):
                yield value
            elif isinstance(value, list):
                yield from (item for item in value if isinstance(item, URLWrapper))


def detach(content):
    """Before pickling: drop the references to settings and context (the parent has them), and
    give back Pelican's class (an article kept in memory from the last build has the subclass
    that remembers its URLs)."""
    return attach(plain_class(content), None, None)


def attach(content, settings: dict | None, context: dict | None):
    set_context(content, settings, context)
    for wrapper in _wrappers(content):
        wrapper.settings = settings
    return content


def _read(generator, files: list[str]) -> list:
    done = []
    for name in files:
        article = read_article(generator, name)
        if article is None:   # Pelican reads it again, and reports why
            continue
        finish(article)
        done.append((name, detach(article)))
    return done


def finish(article) -> None:
    """Work on a read article that only its file decides, done here (in a worker) and kept
    with it in the content cache: its URLs and the digest of its fields (keys.py)."""
    remember_now(article)
    PageKeys.mark_read(article)


def finish_unread(generator) -> None:
    """``article_generator_pretaxonomy``: the same for the articles Pelican read itself."""
    for article in [*generator.articles, *generator.translations, *generator.hidden_articles,
                    *generator.drafts]:
        if READ_DIGEST not in vars(article):
            finish(article)


def uncached(generator) -> list[str]:
    files = generator.get_files(generator.settings["ARTICLE_PATHS"],
                                exclude=generator.settings["ARTICLE_EXCLUDES"])
    return [name for name in files if generator.get_cached_data(name, None) is None]


def pre_read(generator, processes: int, min_items: int) -> int:
    """Fill the generator's cache with the uncached articles; returns how many were read."""
    settings, context = generator.settings, generator.context
    for stamp_and_article in cached_entries(generator).values():  # loaded from disk: pickled copies
        attach(stamp_and_article[1], settings, context)
    # The cached articles live as long as the build: the collector need not go through them
    # again and again (0.4-0.7 s of a 10,000-article build).
    gc.freeze()
    todo = uncached(generator)
    if processes < 2 or len(todo) < min_items:
        return 0
    read = 0
    for chunk in fork_map(lambda files: _read(generator, files), split(todo, processes)):
        for name, article in chunk:
            # the stamp as Pelican computes it, so generate_context takes the article as cached
            put_cached(generator, name, attach(article, settings, context))
            read += 1
    logger.info("Đọc song song %d bài bằng %d tiến trình", read, processes)
    return read
