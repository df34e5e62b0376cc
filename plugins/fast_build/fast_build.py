"""Build speed: read uncached articles and render pages on every core, URLs once.

* ``generator_init``: compiled templates are kept in the cache folder.
* ``article_generator_init``: ``reading.pre_read`` reads the articles not in the
  content cache in parallel, into the cache Pelican reads from; ``skips`` drops
  the quadratic work Pelican does for listings this site does not write.
* ``article_generator_pretaxonomy``: ``reading.finish_unread`` gives the articles
  Pelican read itself what the workers give theirs (URLs, digest of their fields).
* ``all_generators_finalized``: ``urls.remember_urls`` makes each article's URL
  computed once, not at every link to it.
* ``get_writer``: ``writing.ParallelWriter`` records the pages to write;
  ``get_generators``: ``writing.FlushGenerator`` renders them in parallel once
  every generator has recorded its pages.

* ``finalized``: the objects are frozen, so the process ends without a last collection.

``FAST_BUILD = {"processes": 1}`` is a plain serial build; the output is the
same byte for byte (tests/plugins/test_fast_build.py). What Pelican offers no signal
or setting for is in ``pelican_internals``, which knows the Pelican it was written for:
on another, ``register()`` says so in one line and connects nothing, and the site is
built by plain Pelican.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from .reading import attach, detach, finish_unread, pre_read
from . import resident
from .pelican_internals import drop_cut_caches, incompatibility, remember_urls
from .skips import skip_unneeded_work
from .writing import FlushGenerator, ParallelWriter, options_of, processes_of

logger = logging.getLogger(__name__)


def prepare_articles(generator):
    resident.recall(generator)   # make devserver: last build's articles, from memory
    skip_unneeded_work(generator, detach, attach)
    pre_read(generator, processes_of(generator.settings), options_of(generator.settings)["min_items"])


def compiled_templates(generator):
    """Templates compiled once, not by every generator of every build: Jinja's bytecode
    cache (checked against each template's source) in Pelican's cache folder."""
    folder = Path(generator.settings["CACHE_PATH"]) / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def leave_quickly(pelican_object):
    """``finalized``: everything the build made is freed when the process ends; freezing it
    spares the collector's last pass over it (0.7 s of exit for 10,000 articles)."""
    gc.freeze()


def drop_cut_cache(pelican_object):
    """``get_generators`` (the cache folder is scoped by now): a cache file cut by a killed
    write is removed, not left for Pelican to stop on."""
    for path in drop_cut_caches(pelican_object.settings):
        logger.warning("Bộ nhớ đệm %s bị cắt dở (một lần dựng bị dừng khi đang ghi): đọc lại các bài", path)


def writer(pelican_object):
    return ParallelWriter


def flush_generator(pelican_object):
    # A new build in the same process (``--autoreload``): what the last one froze can go.
    gc.unfreeze()
    return FlushGenerator


def check_options(pelican_object):
    """``initialized``: an unknown FAST_BUILD key stops the build before anything is read."""
    options_of(pelican_object.settings)


def register():
    problem = incompatibility()
    if problem:
        logger.warning("fast_build tắt (%s): trang được dựng bằng Pelican thường, một tiến trình, chậm hơn", problem)
        return
    signals.initialized.connect(check_options)
    signals.generator_init.connect(compiled_templates)
    signals.article_generator_init.connect(prepare_articles)
    signals.article_generator_pretaxonomy.connect(finish_unread)
    signals.article_generator_finalized.connect(resident.remember)
    signals.all_generators_finalized.connect(remember_urls)
    signals.get_writer.connect(writer)
    signals.get_generators.connect(drop_cut_cache)
    signals.get_generators.connect(flush_generator)
    signals.finalized.connect(leave_quickly)
