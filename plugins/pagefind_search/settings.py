"""Defaults of the PAGEFIND setting; pelicanconf's values are merged over them."""

DEFAULTS = {
    # Language of the index (Pagefind's stemming and segmentation).
    "language": "vi",
    # Run the indexer when the build finishes; False skips it (e.g. quick previews).
    "enabled": True,
    # Folder under OUTPUT_PATH where the index is written.
    "output_subdir": "pagefind",
}
