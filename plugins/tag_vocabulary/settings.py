"""Defaults of the TAG_VOCABULARY setting; pelicanconf's values are merged over them."""

DEFAULTS = {
    # Rewrite every tag to its one spelling (newsarchive.tags.canonical), editor-written or automatic.
    "normalise": True,
    # Pages listing every article citing a document ("Chỉ thị 42-CT/TU"), newest first.
    "document_url": "document/{slug}/",
    "document_save_as": "document/{slug}/index.html",
    # Template of those pages (theme/templates/document.html).
    "document_template": "document",
    # The place_note filter: a place's tag page says which place its name became on 1/7/2025.
    "place_notes": True,
}
