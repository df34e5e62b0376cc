"""A fixture archive made in the test: articles across several years, written with
``newsarchive.article.render`` (the same writer as ingest), so listings paginate."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import yaml

from newsarchive.article import TIMEZONE, Article, render

# Tags that are neither bodies, places nor documents: they land in "Khác" on /tags/,
# and this is their Vietnamese order (a ă â ... d đ ... u ư). Tags differing only by tone
# share a slug, and so a Pelican tag: tone order is checked on a plain list instead.
VIETNAMESE_ORDER = ["An ninh", "Ăn Tết", "Âm nhạc", "Bảo tàng", "Dân vận", "Đảng viên", "Đời sống",
                    "Hòa giải", "Hỏa hoạn", "Uy tín", "Ưu đãi", "Xây dựng"]
DOCUMENT = "Chỉ thị 42-CT/TU"
CATEGORIES = ["Xây dựng Đảng", "Kinh tế", "Văn hóa - Xã hội"]
AUTHORS = ["Công Mạo", "Thu Thảo", "Ánh Dương"]
PORTALS = ["angiang.gov.vn", "tinhuy-longan", "editor"]
# Page size the fixture site is built with: small, so every listing has full pages.
PAGE_SIZE = 5
EXTRA = ["-e", f'ARCHIVE_STRUCTURE={{"page_size": {PAGE_SIZE}}}']


def fixture_article(number: int) -> Article:
    """Article number N: one every 5 weeks from January 2019, so N=60 reaches 2024."""
    date = datetime(2019, 1, 3, 7, 30, tzinfo=TIMEZONE) + timedelta(days=35 * number, minutes=number)
    pool = VIETNAMESE_ORDER
    tags = [pool[number % len(pool)], pool[(number * 7 + 3) % len(pool)]]
    if number % 4 == 0:
        tags.append(DOCUMENT)
    words = " ".join(f"Nội dung bài số {number} về {tag}." for tag in tags)
    return Article(
        title=f"Bài số {number}: {tags[0]} và {tags[1]}",
        date=date,
        slug=f"bai-so-{number}",
        portal=PORTALS[number % len(PORTALS)],
        author=AUTHORS[number % len(AUTHORS)],
        tags=list(dict.fromkeys(tags)),
        category=CATEGORIES[number % len(CATEGORIES)],
        summary=f"Tóm tắt bài số {number}.",
        body=(words + "\n\n") * 30,
    )


def write_articles(content: Path, numbers) -> list[Article]:
    articles = [fixture_article(n) for n in numbers]
    for article in articles:
        path = content / "articles" / article.relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(article), encoding="utf-8")
    return articles


def read_fields(content: Path) -> list[dict]:
    """What each article file under ``content/articles`` says of itself (an oracle for pages built
    from them): its front matter, the date as written, in the archive's zone (YAML's own reading
    of a timestamp may move it to UTC, and another day)."""
    found = []
    for path in sorted((content / "articles").rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("---\n")[1]
        fields = yaml.safe_load(head)
        fields["date"] = datetime.fromisoformat(re.search(r"^date: (\S+)$", head, re.MULTILINE).group(1))
        found.append(fields)
    return found
