"""``newsarchive new``: a new article file for an editor to fill in.

``content/articles/YYYY/MM/<slug>.md`` dated now in Vietnam, ``portal: editor``,
with a placeholder body that ``check`` and the build refuse until it is
replaced. An existing file is never overwritten: the slug gets ``-2``, ``-3``...
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from .article import TIMEZONE, Article, render
from .frontmatter import PLACEHOLDER
from .vietnamese import nfc, slugify

EDITOR_PORTAL = "editor"
PLACEHOLDER_BODY = (
    f"{PLACEHOLDER}\n\n"
    "Thay hai đoạn này bằng nội dung bài. Các đoạn văn cách nhau một dòng trống; "
    "hướng dẫn: docs/huong-dan-bien-tap.md\n"
)


class NewArticleError(ValueError):
    """The article cannot be created (message in Vietnamese)."""


def used_slugs(content: Path) -> set[str]:
    """Slugs taken by the files already under ``content`` (file name = slug)."""
    taken = set()
    for _, _, files in os.walk(content):
        taken.update(name.rsplit(".", 1)[0] for name in files if name.endswith(".md"))
    return taken


def create(title: str, content: Path = Path("content/articles"), author: str | None = None,
           tags: list[str] | None = None, category: str | None = None, now: datetime | None = None) -> Path:
    """Write the new article and return its path."""
    title = " ".join(nfc(title).split())
    if not title:
        raise NewArticleError("tiêu đề trống: hãy ghi --title \"Tiêu đề bài\"")
    base = slugify(title)
    if not base:
        raise NewArticleError(f"không tạo được đường dẫn (slug) từ tiêu đề '{title}': hãy dùng chữ hoặc số")
    moment = (now or datetime.now(TIMEZONE)).astimezone(TIMEZONE).replace(microsecond=0)
    taken = used_slugs(content)
    clean_tags = list(dict.fromkeys(" ".join(nfc(t).split()) for t in tags or [] if t.strip()))
    number = 1
    while True:
        slug = base if number == 1 else f"{base}-{number}"
        article = Article(title=title, date=moment, slug=slug, portal=EDITOR_PORTAL, body=PLACEHOLDER_BODY,
                          author=" ".join(author.split()) if author and author.strip() else None,
                          tags=clean_tags, category=category.strip() if category and category.strip() else None)
        path = content / article.relative_path
        if slug not in taken:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                with open(path, "x", encoding="utf-8", newline="\n") as handle:
                    handle.write(render(article))
                return path
            except FileExistsError:
                pass
        number += 1
