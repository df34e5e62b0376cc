"""Index the written site with Pagefind (from the ``pagefind-bin`` wheel), in shards.

* ``content_object_init``: give each article ``search_folded``, its words with đ
  written d, with their neighbours (see ``folding``); the theme's
  ``partials/search_index.html`` puts them, hidden, inside ``data-pagefind-body``.
* ``article_generator_finalized``: remember where each article is written and its date.
* ``finalized``: index each shard (one per year by default, see ``shards``) into
  ``<OUTPUT_PATH>/pagefind/<key>/``, the newest articles once more into
  ``pagefind/recent/`` (the small index the first results come from), write the
  directory of which shards hold each word (``directory``) and the cited documents
  (``documents``), ``pagefind/shards.json`` and ``pagefind/pagefind.js`` for
  search-engine.js, and add preloads of the first tier's files to the search page.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import signals

from newsarchive.site.errors import BuildFailure, cannot_write
from newsarchive.site.options import merged
from newsarchive.site.staging import Staging

from .directory import ShardWords, write_directory
from .documents import write_documents
from .folding import MARKER, folded_copy
from .settings import DEFAULTS
from .shards import (KEPT, PageDigests, PagefindError, group, index_shard, preload_first_tier, recent,
                     write_manifest)
from .sources import SourceFolders
from .stable import UnknownIndexFormat

logger = logging.getLogger(__name__)

# OUTPUT_PATH -> the articles of the running build (indexed by save_as and date).
_PAGES: dict[str, list] = {}
# OUTPUT_PATH -> {page: key}: fast_build's key of each page written or kept (``page_key``).
_KEYS: dict[str, dict[str, str]] = {}


def settings_of(pelican_settings) -> dict:
    return merged("PAGEFIND", DEFAULTS, pelican_settings.get("PAGEFIND"))


def check_settings(pelican_object):
    """``initialized``: an unknown PAGEFIND key stops the build before anything is read."""
    settings_of(pelican_object.settings)


def add_folded_copy(content):
    if content.__class__.__name__ != "Article":
        return
    options = settings_of(content.settings)
    content.search_marker = MARKER
    portal = getattr(content, "portal", None)
    portal_name = content.settings.get("PORTALS", {}).get(portal, portal)  # searched as metadata
    content.search_folded = folded_copy(
        content.title, getattr(content, "_content", "") or "", portal_name or "",
        *(t.name for t in getattr(content, "tags", [])), context=options["fold_context"])


def remember_articles(generator):
    # The articles, not their save_as yet: fast_build remembers URLs once all generators are done.
    _PAGES[generator.settings["OUTPUT_PATH"]] = list(generator.articles)


def remember_key(path, context):
    key = context.get("page_key")
    if key:
        _KEYS.setdefault(context.get("OUTPUT_PATH", ""), {})[context["output_file"]] = key


def index_shards(places: Staging | Path, pages: list, options: dict, cache: Path | None, search_page: str = "",
                 keys: dict[str, str] | None = None, articles=()) -> list:
    """Index every shard into ``output/<subdir>/``; returns the keys Pagefind re-indexed.

    In a staged build (``places.published``) a shard whose published index is already the
    right one is not written but listed in ``.kept`` (see plugins/fast_build/commit.py).
    ``articles``: their cited documents are listed for suggestions (``documents``)."""
    places = places if isinstance(places, Staging) else Staging(places)
    subdir = options["output_subdir"]
    folder = places.output / subdir
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shards = group(pages, options["shard_key"], options["shard_years"], options["shard_pages"])
    newest = recent(pages, options["recent_pages"]) if len(pages) > options["recent_pages"] else None
    todo = [*shards, *filter(None, [newest])]
    digests = PageDigests(places, keys or {}, cache / "pages.json" if cache else None)
    inputs = [digests.of(shard.files) for shard in todo]
    sources = SourceFolders(cache / "sources" if cache else None)
    words = ShardWords(cache)

    def index_one(shard, digests):   # then its words, read while the next shard's Pagefind runs
        did, shard.stamp = index_shard(places, shard, folder / shard.key, options, cache, digests, sources)
        words.read(shard.key, shard.stamp, places.find(f"{subdir}/{shard.key}"))
        return did

    # Each shard is its own Pagefind process: index them side by side, one per core.
    try:
        with ThreadPoolExecutor(max_workers=max(1, options["processes"] or os.cpu_count() or 1)) as pool:
            ran = list(pool.map(index_one, todo, inputs))
    finally:
        sources.close([shard.key for shard in todo])
    words.prune([shard.key for shard in todo])
    digests.save()
    kept = [shard.key for shard, did in zip(todo, ran) if did == KEPT]
    places.keep(f"{subdir}/{key}/" for key in kept)
    rebuilt = [shard.key for shard, did in zip(todo, ran) if did == "indexed"]
    order = [shard.key for shard in [*filter(None, [newest]), *shards]]
    entry = places.find(f"{subdir}/{order[0]}/pagefind-entry.json") if order else None
    write_manifest(folder, shards, newest, words=write_directory(folder, order, words.keys),
                   documents=write_documents(folder, articles),
                   include=json.loads(entry.read_text(encoding="utf-8")).get("include_characters", [])
                   if entry else [])
    if shards:  # one copy of the (identical) script at a fixed URL for the search page
        first, tier = shards[0].key, (newest or shards[0]).key
        shutil.copy2(places.find(f"{subdir}/{first}/pagefind.js"), folder / "pagefind.js")
        if search_page:
            preload_first_tier(places.output / search_page, folder, tier,
                               places.find(f"{subdir}/{tier}/pagefind-entry.json"))
    logger.info("Pagefind: %d phân đoạn, lập lại chỉ mục %s, giữ nguyên %d", len(shards),
                ", ".join(rebuilt) or "không", len(kept))
    return rebuilt


def index_site(pelican):
    options = settings_of(pelican.settings)
    output = pelican.settings["OUTPUT_PATH"]
    articles = _PAGES.pop(output, [])
    pages = [(article.save_as, article.date) for article in articles]
    keys = _KEYS.pop(output, {})
    if not options["enabled"]:
        return
    cache = Path(options["cache_path"].format(CACHE_PATH=pelican.settings["CACHE_PATH"])) \
        if options["cache_path"] else None
    places = Staging.of(pelican.settings)
    folder = places.output / options["output_subdir"]
    try:
        index_shards(places, pages, options, cache, pelican.settings.get("SEARCH_SAVE_AS", ""), keys, articles)
    except OSError as error:
        raise cannot_write(f"chỉ mục tìm kiếm {folder}", error) from None
    except (PagefindError, UnknownIndexFormat) as error:
        raise BuildFailure(f"không tạo được chỉ mục tìm kiếm {folder} (Pagefind): {error}") from None
    except ValueError as error:   # a file of the index just written cannot be read back: cut short
        raise BuildFailure(f"chỉ mục tìm kiếm {folder} ghi không trọn ({full_or_not(folder)}): {error}") from None


def full_or_not(folder: Path) -> str:
    """Why a file just written may read back empty: Pagefind exits 0 when its writes fail."""
    try:
        return "ổ đĩa đầy" if shutil.disk_usage(folder).free < 1024 * 1024 else "tệp hỏng"
    except OSError:
        return "không đọc được ổ đĩa"


def register():
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(add_folded_copy)
    signals.article_generator_finalized.connect(remember_articles)
    signals.content_written.connect(remember_key)
    signals.finalized.connect(index_site)
