"""Compute each article's and page's URL once per build, not once per link to it.

Pelican's ``Content.url`` and ``save_as`` format the URL pattern from the metadata
(with a relative source path and slugs) on every access; a 10,000-article site
asks ~200,000 times, as every listing, neighbour and related link does. Once all
generators have finished (``all_generators_finalized``: slugs and dates are final)
each object gets a same-named subclass whose ``url`` and ``save_as`` (and the
``url_format`` fields both are formatted from) are computed once and then remembered.
"""

from __future__ import annotations

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
    if cls not in _CLASSES:
        _CLASSES[cls] = type(cls.__name__, (cls,), {
            "__qualname__": cls.__qualname__, "__module__": cls.__module__,
            "url": _remembered("url"), "save_as": _remembered("save_as"),
            "url_format": _remembered("url_format")})   # the fields both are formatted from
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


def remember_urls(generators) -> int:
    count = 0
    for generator in generators:
        for name in ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                     "drafts_translations", "pages", "hidden_pages", "draft_pages"):
            for content in getattr(generator, name, None) or []:
                if type(content) not in _CLASSES.values():
                    content.__class__ = remembering_class(type(content))
                    count += 1
    return count
