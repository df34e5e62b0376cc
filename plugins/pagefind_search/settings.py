"""Defaults of the PAGEFIND setting; pelicanconf's values are merged over them."""

DEFAULTS = {
    # Language of the index (Pagefind's stemming and segmentation).
    "language": "vi",
    # Run the indexer when the build finishes; False skips it (e.g. quick previews).
    "enabled": True,
    # Folder under OUTPUT_PATH where the index is written, one sub-folder per shard.
    "output_subdir": "pagefind",
    # Articles are indexed in shards keyed by this strftime pattern of their date
    # ("%Y": one Pagefind index per year); the browser merges them (mergeIndex).
    "shard_key": "%Y",
    # More than 1: shards of this many years each ("2010-2014"), shard_key unused.
    "shard_years": 1,
    # More than 0: a year with more articles is cut into spans of whole months ("2015-07") of
    # about this many articles each (Pagefind's scoring costs grow with the square of a shard's matches).
    "shard_pages": 0,
    # Pagefind's word chunk size (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; its default 20000): a search
    # fetches the chunk of each of its words, so smaller chunks mean fewer bytes per word and a
    # longer chunk list in each shard's metadata. 0: Pagefind's default.
    "index_chunk_size": 500,
    # Shards whose indexed text is unchanged are copied from here instead of
    # re-indexed; "{CACHE_PATH}" is Pelican's cache folder (`make html`: output.cache),
    # so a build without its content cache is a build without its search cache. None: no cache.
    "cache_path": "{CACHE_PATH}/pagefind",
    # Words on either side of a đ-word that the folded copy keeps (so folded multi-syllable
    # words stay together); more finds longer folded phrases, and costs index size.
    "fold_context": 1,
    # CSS selectors Pagefind leaves out (e.g. "[data-search-folded]" to measure the folded copy's cost).
    "exclude_selectors": [],
    # The newest this-many articles are also indexed on their own ("recent"): the browser
    # shows their matches first, from a small index, while it searches all shards; 0: off.
    # 40 keeps it one index chunk (~90 KB at 100,000 articles; 100 pages were two, 193 KB).
    "recent_pages": 40,
    # Shards indexed at once (each is one Pagefind process); 0: one per core.
    "processes": 0,
}
