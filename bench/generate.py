"""Write a synthetic archive of N real-text articles for the benchmarks.

Text comes from ``../shared/corpus`` (real Vietnamese news); dates are spread
over 20 years, each article gets tags from a topic vocabulary matched in its
text, an author and one of the archive's portals. Files are written through
``newsarchive.article.render``, exactly like ingest writes them, so any build
benchmark can reuse the result::

    python bench/generate.py OUT            # 10,000 articles into OUT/articles
    python bench/generate.py OUT --large    # 100,000
    python bench/generate.py OUT -n 500
    python bench/generate.py OUT --photos 0.1  # a tenth of the articles with a 1200x800 photo beside them

The same arguments always give the same files (seeded).
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from newsarchive.article import TIMEZONE, Article, render  # noqa: E402
from newsarchive.ingest.portals import portal_names  # noqa: E402
from newsarchive.vietnamese import nfc, slugify  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = ("magizbox_baomoi_2017", "phenikaa_newsmds_2024", "leduchuy20_24h_2026",
           "underthesea_unc_dantri_2020")
DEFAULT_COUNT = 10_000
LARGE_COUNT = 100_000
FIRST_YEAR, YEARS = 2006, 20

# Topic tags, each with the words that earn it (matched in title and body).
TOPICS = {
    "Xây dựng Đảng": ("Đảng", "đảng viên", "chi bộ"),
    "Hội nghị": ("hội nghị",),
    "Liên đoàn Lao động": ("Liên đoàn Lao động", "công đoàn"),
    "Kinh tế": ("kinh tế", "doanh nghiệp", "đầu tư"),
    "Giáo dục": ("giáo dục", "học sinh", "trường"),
    "Y tế": ("y tế", "bệnh viện", "bệnh nhân"),
    "Giao thông": ("giao thông", "đường", "cầu"),
    "Nông nghiệp": ("nông nghiệp", "nông dân", "lúa"),
    "An ninh trật tự": ("công an", "an ninh", "tội phạm"),
    "Văn hóa - Thể thao": ("văn hóa", "bóng đá", "lễ hội"),
    "Đà Nẵng": ("Đà Nẵng",),
    "Hà Nội": ("Hà Nội",),
    "Thành phố Hồ Chí Minh": ("TP.HCM", "TP HCM", "Hồ Chí Minh"),
}
CATEGORIES = ("Tin tổng hợp", "Thời sự", "Xây dựng Đảng", "Kinh tế - Xã hội", "Văn hóa - Xã hội")
AUTHORS = ("Minh Đức", "Thanh Hà", "Ngọc Ánh", "Quốc Dũng", "Hoàng Yến", "Văn Đông", "Phương Thảo",
           "Đình Trọng", None)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])")
_SPACES = re.compile(r"\s+")


def corpus_records(corpus: Path = CORPUS):
    """(title, body) of every corpus article that has both, in file order."""
    for name in SOURCES:
        with lzma.open(corpus / f"{name}.jsonl.xz", "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                title = _SPACES.sub(" ", nfc(record.get("title") or "")).strip()
                body = nfc(record.get("body") or "").replace("\u200b", "").strip()
                if title and len(body) > 200 and "<" not in body[:200]:
                    yield title, body


def paragraphs(body: str, per_paragraph: int = 3) -> str:
    """A long one-line body cut into Markdown paragraphs of a few sentences."""
    sentences = [s.strip() for s in _SENTENCE_END.split(_SPACES.sub(" ", body)) if s.strip()]
    chunks = [" ".join(sentences[i:i + per_paragraph]) for i in range(0, len(sentences), per_paragraph)]
    return "\n\n".join(chunks)


def tags_for(text: str, rng: random.Random) -> list[str]:
    lowered = text.lower()
    matched = [tag for tag, words in TOPICS.items() if any(w.lower() in lowered for w in words)]
    rng.shuffle(matched)
    return sorted(matched[:4])


def article_at(index: int, title: str, body: str, portals: list[str], rng: random.Random) -> Article:
    start = datetime(FIRST_YEAR, 1, 1, tzinfo=TIMEZONE)
    moment = start + timedelta(seconds=rng.randrange(YEARS * 365 * 86400))
    moment = moment.replace(second=0)
    return Article(
        title=title,
        date=moment,
        slug=f"{slugify(title, max_length=60) or 'bai'}-{index}",
        portal=rng.choice(portals),
        body=paragraphs(body),
        author=rng.choice(AUTHORS),
        tags=tags_for(f"{title} {body}", rng),
        category=rng.choice(CATEGORIES),
    )


def with_photo(article: Article, path: Path, number: int) -> None:
    """A photo beside the article (photo_images.py: photo-like, distinct bytes each), shown after the
    first paragraph with a caption, as an editor adds one."""
    from photo_images import encoded

    name = f"anh-{number}.jpg"
    (path.parent / name).write_bytes(encoded(1200, 800, seed=number))
    first, _, rest = article.body.partition("\n\n")
    article.body = f"{first}\n\n![Quang cảnh sự kiện số {number}]({name} \"Ảnh: Phóng viên\")\n\n{rest}"


def generate(out: Path, count: int, seed: int = 2026, corpus: Path = CORPUS, photos: float = 0.0) -> int:
    """Write ``count`` articles under ``out/articles``; returns how many were written. ``photos``: the
    share of them (every n-th) that shows a photo."""
    rng = random.Random(seed)
    every = round(1 / photos) if photos else 0
    portals = sorted(portal_names())
    records = list(corpus_records(corpus))
    written = 0
    for index in range(count):
        title, body = records[index % len(records)]
        if index >= len(records):  # a second pass over the corpus: same text, new article
            title = f"{title} ({index // len(records) + 1})"
        article = article_at(index, title, body, portals, rng)
        path = out / "articles" / article.relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if every and index % every == 0:
            with_photo(article, path, index)
        path.write_text(render(article), encoding="utf-8")
        written += 1
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="content folder to write (articles/ goes inside)")
    parser.add_argument("-n", "--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--large", action="store_true", help=f"{LARGE_COUNT:,} articles")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--photos", type=float, default=0.0, help="share of articles with a photo (0.1: a tenth)")
    args = parser.parse_args(argv)
    count = LARGE_COUNT if args.large else args.count
    written = generate(args.out, count, args.seed, photos=args.photos)
    print(f"{written} bài viết trong {args.out / 'articles'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
