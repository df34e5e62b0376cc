"""Tags that mean something: places, bodies, documents and topics, one spelling each.

* :mod:`.normalise`  -- NFC, old-style tone marks, spaces, proper-name case
* :mod:`.vocabulary` -- ``places.yaml`` (generated) + ``vocabulary.yaml`` (by hand)
* :mod:`.documents`  -- "Chỉ thị số 42-CT/TU" -> "Chỉ thị 42-CT/TU"
* :mod:`.matching`   -- spellings found in text, longest first
* :mod:`.tagger`     -- the few tags that matter for one article
"""

from .normalise import normalise
from .tagger import tag_article
from .vocabulary import load as vocabulary


def canonical(tag: str) -> str:
    """One spelling for a tag written anywhere: vocabulary name, document form, or normalised text."""
    return vocabulary().canonical(tag)


def canonical_tags(tags) -> list[str]:
    """A tag list with every tag in canonical form, duplicates dropped, order kept."""
    return list(dict.fromkeys(t for t in (canonical(str(tag)) for tag in tags) if t))


__all__ = ["canonical", "canonical_tags", "normalise", "tag_article", "vocabulary"]
