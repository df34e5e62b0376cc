"""Build speed: read uncached articles and render pages on every core, URLs once.

* ``article_generator_init``: ``reading.pre_read`` reads the articles not in the
  content cache in parallel, into the cache Pelican reads from; ``skips`` drops
  the quadratic work Pelican does for listings this site does not write.
* ``all_generators_finalized``: ``urls.remember_urls`` makes each article's URL
  computed once, not at every link to it.
* ``get_writer``: ``writing.ParallelWriter`` records the pages to write;
  ``get_generators``: ``writing.FlushGenerator`` renders them in parallel once
  every generator has recorded its pages.

``FAST_BUILD = {"processes": 1}`` is a plain serial build; the output is the
same byte for byte (tests/plugins/test_fast_build.py).
"""

from __future__ import annotations

from pelican import signals

from .reading import pre_read
from .skips import skip_unneeded_work
from .urls import remember_urls
from .writing import FlushGenerator, ParallelWriter, options_of, processes_of


def prepare_articles(generator):
    skip_unneeded_work(generator)
    pre_read(generator, processes_of(generator.settings), options_of(generator.settings)["min_items"])


def writer(pelican_object):
    return ParallelWriter


def flush_generator(pelican_object):
    return FlushGenerator


def register():
    signals.article_generator_init.connect(prepare_articles)
    signals.all_generators_finalized.connect(remember_urls)
    signals.get_writer.connect(writer)
    signals.get_generators.connect(flush_generator)
