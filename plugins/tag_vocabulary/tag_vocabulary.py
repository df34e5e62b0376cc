"""One spelling per tag on the site, and a page per cited document.

* ``content_object_init``: every tag of an article, whoever wrote it, becomes its
  canonical form (``newsarchive.tags.canonical``: NFC, old-style tone marks,
  vocabulary name, "Chỉ thị 42-CT/TU"); duplicates after that are dropped, so
  "Đảng uỷ ..." and "Đảng ủy ..." make one tag page.
* ``article_generator_finalized``: group articles by the documents among their
  tags; give each article ``documents`` (name, url, count) for the theme's
  ``partials/documents.html``.
* ``article_writer_finalized``: write ``/document/<slug>/`` with every article
  citing the document, newest first (template ``document.html``).
* ``generator_init``: the Jinja filter ``place_note``: for a place's tag, which
  place the name became on 1/7/2025 (``newsarchive.tags.history``), shown on
  its tag page; empty for every other tag.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field

from pelican import signals
from pelican.contents import Tag

from newsarchive.tags import canonical_tags
from newsarchive.tags.documents import document_slug, is_document
from newsarchive.site.options import merged
from newsarchive.tags.history import place_note
from newsarchive.tags.vocabulary import VocabularyError

from .settings import DEFAULTS

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class CitedDocument:
    name: str
    slug: str
    url: str
    save_as: str
    articles: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.articles)

    def __str__(self) -> str:
        return self.name


def settings_of(pelican_settings) -> dict:
    return merged("TAG_VOCABULARY", DEFAULTS, pelican_settings.get("TAG_VOCABULARY"))


def check_settings(pelican_object):
    """``initialized``: an unknown TAG_VOCABULARY key stops the build before anything is read."""
    settings_of(pelican_object.settings)


def normalise_tags(content):
    if content.__class__.__name__ != "Article" or not getattr(content, "tags", None):
        return
    if not settings_of(content.settings)["normalise"]:
        return
    try:
        names = canonical_tags(tag.name for tag in content.tags)
    except VocabularyError as exc:
        print(f"Lỗi từ vựng thẻ: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    content.tags = [Tag(name, content.settings) for name in names]
    content.metadata["tags"] = content.tags


def collect_documents(generator):
    options = settings_of(generator.settings)
    documents: dict[str, CitedDocument] = {}
    others: set[str] = set()   # tag names known not to be documents (each is asked once)
    for article in generator.articles:
        cited = []
        for tag in getattr(article, "tags", []) or []:
            document = documents.get(tag.name)
            if document is None:
                if tag.name in others or not is_document(tag.name):
                    others.add(tag.name)
                    continue
                slug = document_slug(tag.name)
                document = documents[tag.name] = CitedDocument(
                    tag.name, slug, options["document_url"].format(slug=slug),
                    options["document_save_as"].format(slug=slug))
            document.articles.append(article)
            cited.append(document)
        article.documents = cited
    for document in documents.values():
        document.articles.sort(key=lambda a: (a.date, a.slug), reverse=True)
    generator.documents = sorted(documents.values(), key=lambda d: d.name)


def write_documents(generator, writer):
    options = settings_of(generator.settings)
    template = generator.get_template(options["document_template"])
    for document in getattr(generator, "documents", []):
        writer.write_file(document.save_as, template, generator.context, generator.settings["RELATIVE_URLS"],
                          paginated={}, template_name=options["document_template"], url=document.url,
                          document=document, articles=document.articles, page_name=document.url.rstrip("/"))


def add_filters(generator):
    if settings_of(generator.settings)["place_notes"]:
        generator.env.filters["place_note"] = lambda name: place_note(str(name)) or ""


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(normalise_tags)
    signals.article_generator_finalized.connect(collect_documents)
    signals.article_writer_finalized.connect(write_documents)
