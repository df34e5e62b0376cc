"""Every part of Pelican that fast_build reaches without a signal or a setting, in one room.

fast_build was written against Pelican 4.12.0 (``WRITTEN_FOR``). ``incompatibility()`` is
asked at ``register()``: on any other Pelican, or if a signature listed in ``SIGNATURES``
differs, fast_build says so in one line and registers nothing, so the site is built by plain
Pelican (one process, slower, the same bytes: tests/plugins/test_fast_build.py). No other
module of fast_build names a private Pelican attribute, patches a Pelican method or copies
Pelican code; each function here says which Pelican 4.12.0 code it reaches or mirrors.

Private attributes and patched methods
* ``cached_entries``, ``put_cached``: ``FileDataCacher._cache`` (pelican/cache.py), the
  generator's ``{file: (stamp, content)}``; filled by the parallel reading.
* ``file_stamp``, ``use_file_stamps``: ``CachingGenerator._get_file_stamp``
  (pelican/generators.py), replaced by a table that hashes each file once.
* ``skip_unwritten_listings``: ``ArticlesGenerator.generate_tags``, ``generate_categories``,
  ``generate_authors`` replaced by no-ops on the live generator when their ``*_SAVE_AS`` is
  empty (upstream patch: plugins/fast_build/upstream/).
* ``wrap_save_cache``: ``FileDataCacher.save_cache`` wrapped on the live generator.
* ``remember_file_lists``: ``Generator.get_files`` memoised on the live generator for one
  build (it walks the content folder: once to read, once more for the disabled readers'
  extensions, and fast_build asks once more for what to pre-read).
* ``save_cache_atomically``: a copy of ``FileDataCacher.save_cache`` (``_cache_path``,
  ``_cache_open``, ``_cache_data_policy``) that writes beside the file and renames it over,
  so a build or save killed halfway never leaves a cut pickle; ``drop_cut_caches`` removes one
  left by an older build (Pelican would stop on its ``EOFError``: it only catches PickleError).
* ``set_context``: ``Content._context`` (pelican/contents.py), re-pointed after unpickling.
* ``remember_urls``, ``remember_now``, ``plain_class``: the class of each Content object is
  swapped for a subclass whose ``url``, ``save_as`` and ``url_format`` properties are computed
  once (and back to Pelican's before it is pickled).
* ``SAFE_THREADS``: rich's ``rich.live._RefreshThread`` (Pelican's status spinner), by name.

Pieces of Pelican copied
* ``read_article``: the read step of ``ArticlesGenerator.generate_context``.
* ``written_at_once``: ``Writer.write_file``'s guard (empty names; paginated templates).
* ``local_context``: ``Writer.write_file``'s ``_get_localcontext``.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import os
import pickle

import pelican
from pelican import signals
from pelican.cache import FileDataCacher, FileStampDataCacher
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator, CachingGenerator, Generator
from pelican.readers import Readers, SkipStub
from pelican.utils import get_relative_path, path_to_url
from pelican.writers import Writer

logger = logging.getLogger(__name__)

WRITTEN_FOR = "4.12.0"

SIGNATURES = {
    Writer.write_file: "(self, name, template, context, relative_urls=False, paginated=None, template_name=None, "
                       "override_output=False, url=None, **kwargs)",
    Readers.read_file: "(self, base_path, path, content_class=<class 'pelican.contents.Page'>, fmt=None, "
                       "context=None, preread_signal=None, preread_sender=None, context_signal=None, "
                       "context_sender=None)",
    CachingGenerator._get_file_stamp: "(self, filename)",
    FileStampDataCacher.get_cached_data: "(self, filename, default=None)",
    FileStampDataCacher.cache_data: "(self, filename, data)",
    FileDataCacher.save_cache: "(self)",
    ArticlesGenerator.generate_tags: "(self, write)",
    ArticlesGenerator.generate_categories: "(self, write)",
    ArticlesGenerator.generate_authors: "(self, write)",
    ArticlesGenerator.generate_context: "(self)",
    Generator.get_files: "(self, paths, exclude: list[str] | None = None, extensions=None) -> set[str]",
}
# Properties of Content that ``remember_urls`` overrides in a subclass.
URL_PROPERTIES = ("url", "save_as", "url_format")


def incompatibility() -> str | None:
    """Why fast_build must not run on this Pelican (a sentence), or None."""
    if pelican.__version__ != WRITTEN_FOR:
        return f"viết cho Pelican {WRITTEN_FOR}, đang chạy Pelican {pelican.__version__}"
    for function, expected in SIGNATURES.items():
        if str(inspect.signature(function)) != expected:
            return f"{function.__qualname__} của Pelican có chữ ký khác {expected}"
    missing = [name for name in URL_PROPERTIES if not isinstance(getattr(Content, name, None), property)]
    if missing:
        return f"Content.{missing[0]} của Pelican không còn là property"
    return None


# ---- the generator's content cache (pelican/cache.py, FileDataCacher._cache)

def cached_entries(generator) -> dict:
    """``{file: (stamp, content)}``: what the cache holds, loaded from disk or put in since."""
    return generator._cache


def put_cached(generator, name: str, content) -> None:
    """As ``FileStampDataCacher.cache_data``, stored even with CACHE_CONTENT off: the article a
    worker read is then taken by ``generate_context`` as cached, not read a second time."""
    generator._cache[name] = (generator._get_file_stamp(name), content)


def file_stamp(generator):
    """Pelican's stamp of a file named relative to the content folder (``_get_file_stamp``)."""
    return generator._get_file_stamp


def use_file_stamps(generator, stamps) -> None:
    generator._get_file_stamp = stamps


def wrap_save_cache(generator, wrapper) -> None:
    """``generator.save_cache = wrapper(original)``: the live generator's only."""
    generator.save_cache = wrapper(generator.save_cache)


def save_cache_atomically(generator) -> None:
    """``FileDataCacher.save_cache``, written to ``<file>.tmp`` and renamed over the cache file."""
    if not generator._cache_data_policy:
        return
    target = generator._cache_path
    temporary = f"{target}.tmp"
    try:
        os.makedirs(generator.settings["CACHE_PATH"], exist_ok=True)
        with generator._cache_open(temporary, "wb") as handle:
            pickle.dump(generator._cache, handle)
        os.replace(temporary, target)
    except (OSError, pickle.PicklingError, TypeError) as err:
        logger.warning("Không lưu được bộ nhớ đệm %s: %s", target, err)
        with contextlib.suppress(OSError):
            os.unlink(temporary)


# The cache files CachingGenerator names after its class (pelican/generators.py).
CACHE_FILES = ("ArticlesGenerator", "PagesGenerator")


def drop_cut_caches(settings) -> list[str]:
    """Cache files that do not end as a pickle ends (the STOP opcode), cut by a killed write,
    are removed before Pelican reads them: such a build reads every article again instead."""
    if settings.get("GZIP_CACHE"):
        return []
    dropped = []
    for name in CACHE_FILES:
        path = os.path.join(settings["CACHE_PATH"], name)
        try:
            with open(path, "rb") as handle:
                handle.seek(-1, os.SEEK_END)
                whole = handle.read(1) == pickle.STOP
        except OSError:   # absent, or empty (a seek before the start)
            whole = not os.path.exists(path)
        if not whole:
            with contextlib.suppress(OSError):
                os.unlink(path)
            dropped.append(path)
    return dropped


def remember_file_lists(generator) -> None:
    """``generator.get_files`` walks once per set of arguments in a build (files do not change
    while the site is built, as file stamps assume); with an empty list of extensions it
    returns what Pelican's would after walking the whole folder: nothing."""
    original, known = generator.get_files, {}

    def get_files(paths, exclude=None, extensions=None):
        if extensions is not None and extensions is not False and not extensions:
            return set()
        key = (tuple([paths] if isinstance(paths, str) else paths), tuple(exclude or ()),
               extensions if extensions is None or extensions is False else tuple(sorted(extensions)))
        if key not in known:
            known[key] = original(paths, exclude=exclude, extensions=extensions)
        return set(known[key])

    generator.get_files = get_files


def _no_listing(write) -> None:
    return None


LISTING_PASSES = {"TAG_SAVE_AS": "generate_tags", "CATEGORY_SAVE_AS": "generate_categories",
                  "AUTHOR_SAVE_AS": "generate_authors"}


def skip_unwritten_listings(generator) -> list[str]:
    """With ``TAG_SAVE_AS`` (etc.) empty, Pelican's pass still builds each term's list of
    dates by testing every article against every other, then writes nothing."""
    skipped = [method for setting, method in LISTING_PASSES.items() if not generator.settings.get(setting)]
    for method in skipped:
        setattr(generator, method, _no_listing)
    return skipped


# ---- content objects (pelican/contents.py)

def set_context(content, settings: dict | None, context: dict | None):
    """Point a content object (unpickled from a worker or the cache) at this build's settings
    and context (``Content._context``, which its links resolve through)."""
    content.settings, content._context = settings, context
    return content


# Attributes of a content object that are the build's (settings, context) or Pelican's
# bookkeeping of where its file came from, not the article's own fields.
CONTENT_BOOKKEEPING = frozenset({"settings", "_context", "source_path", "relative_source_path"})


def read_article(generator, name: str):
    """The read step of ``ArticlesGenerator.generate_context``: the Article of ``name``, or
    None where Pelican would skip it or report it (it does, when it reads it again)."""
    try:
        article = generator.readers.read_file(
            base_path=generator.path, path=name, content_class=Article, context=generator.context,
            preread_signal=signals.article_generator_preread, preread_sender=generator,
            context_signal=signals.article_generator_context, context_sender=generator)
    except Exception:  # noqa: BLE001 - read again, and reported, by Pelican itself
        return None
    if isinstance(article, SkipStub) or not article.is_valid():
        return None
    return article


# ---- the writer (pelican/writers.py, Writer.write_file)

def written_at_once(settings: dict, name, template_name, paginated, kwargs: dict) -> bool:
    """Pages ``Writer.write_file`` writes nothing for (an empty name) or paginates (a
    ``PAGINATED_TEMPLATES`` template given articles or dates): left to Pelican's writer."""
    return not name or (template_name in settings.get("PAGINATED_TEMPLATES", {})
                        and bool(paginated or {"articles", "dates"} & kwargs.keys()))


def local_context(context: dict, name: str, relative_urls: bool, kwargs: dict) -> dict:
    """``Writer.write_file``'s ``_get_localcontext``: what the template (and ``content_written``) get."""
    local = context.copy()
    local["localsiteurl"] = local.get("localsiteurl", None)
    if relative_urls:
        relative = path_to_url(get_relative_path(name))
        local["SITEURL"], local["localsiteurl"] = relative, relative
    local["output_file"] = name
    local.update(kwargs)
    return local


# ---- URLs computed once (Content.url / save_as / url_format properties)

_CLASSES: dict[type, type] = {}


def _remembered(name: str):
    slot = f"_remembered_{name}"

    def get(self):
        try:
            return self.__dict__[slot]
        except KeyError:
            value = self.__dict__[slot] = getattr(super(type(self), self), name)
            return value

    return property(get)


def remembering_class(cls: type) -> type:
    """A same-named subclass of ``cls`` whose URL properties are computed once per object."""
    if cls not in _CLASSES:
        _CLASSES[cls] = type(cls.__name__, (cls,), {
            "__qualname__": cls.__qualname__, "__module__": cls.__module__,
            **{name: _remembered(name) for name in URL_PROPERTIES}})
    return _CLASSES[cls]


def remember_now(content) -> None:
    """Compute and remember ``content``'s URLs now (an article just read: its slug and date
    are final). The class goes back to Pelican's, which pickle needs (to a worker's parent,
    into the content cache); the remembered values stay, and ``remember_urls`` uses them."""
    plain = type(content)
    content.__class__ = remembering_class(plain)
    try:
        content.url, content.save_as   # noqa: B018 - computed to be remembered
    finally:
        content.__class__ = plain
    # what they were formatted from: a copy of the metadata, not worth its room in the cache
    content.__dict__.pop("_remembered_url_format", None)


def plain_class(content):
    """Give ``content`` Pelican's own class back (pickle finds classes by name: the remembering
    subclass, named like Pelican's, cannot be pickled). Its remembered URLs stay."""
    plain = type(content).__bases__[0] if type(content) in _CLASSES.values() else None
    if plain is not None:
        content.__class__ = plain
    return content


def remember_urls(generators) -> int:
    """``all_generators_finalized`` (slugs and dates final): every content object's URLs are
    computed once from now on, instead of at each of the ~200,000 links a 10,000-article site
    makes to them."""
    count = 0
    for generator in generators:
        for name in ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                     "drafts_translations", "pages", "hidden_pages", "draft_pages"):
            for content in getattr(generator, name, None) or []:
                if type(content) not in _CLASSES.values():
                    content.__class__ = remembering_class(type(content))
                    count += 1
    return count


# ---- threads a fork may leave behind (rich, which Pelican's console uses)

# rich.live._RefreshThread: the refresh of Pelican's "Generating..." status. The child never
# draws it: its log records go through a plain handler (forking._plain_logging).
SAFE_THREADS = frozenset({"_RefreshThread"})
