"""Defaults of the FAST_BUILD setting; pelicanconf's values are merged over them."""

DEFAULTS = {
    # Processes that read articles and render pages: 0 = one per available core, 1 = a
    # plain serial build (the output is byte-identical either way; tests compare them).
    "processes": 0,
    # Below this many files to read or pages to write, forking costs more than it saves.
    "min_items": 200,
}
