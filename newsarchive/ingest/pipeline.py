"""One raw scrape -> one Article, or the reason it was quarantined.

Stages, each its own module:

1. ``decode``   bytes -> NFC text (encodings, mojibake, binary files)
1b. ``extract`` an HTML page -> its article's lines (portal selectors, else trafilatura)
2. ``portals``  which portal's rules apply (signature lines), else generic
3. ``clean``    drop debris, spam and the related-articles tail
4. ``metadata`` section, title, date (head, else the lede, else the URL), byline, summary
5. ``convert``  paragraphs -> Markdown
6. ``tagging``  places, bodies, documents, topics
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from ..article import Article
from ..vietnamese import has_diacritics, slugify
from . import clean, convert, decode, extract, metadata, portals, tagging
from .dates import date_from_url


VIETNAMESE_SHARE = 0.2  # Vietnamese prose has about half its words accented; English quoting names, a few
LEDE_MIN_WORDS = 8
LANGUAGE_SAMPLE = 20_000  # characters enough to tell the language
_WORD = re.compile(r"[^\W\d_]+")
_ACCENTED = re.compile(r"[^\W\d_]*[\u00c0-\u1ef9][^\W\d_]*")   # NFC text: accents are precomposed
# Characters of that range that are not letters ("×", combining marks): without them an
# accented run above is exactly one word with an accent, counted fast in the words joined.
_NOT_LETTER = re.compile("[%s]" % re.escape("".join(
    ch for ch in map(chr, range(0xC0, 0x1EFA)) if not _WORD.fullmatch(ch))))
_ACCENTED_WORD = re.compile("[\u00c0-\u1ef9][^ ]*")
# The notes a folder of scrapes comes with (a README saying where the pages came from, a
# licence, a list of sources): read as text they look like an article, so they go by name.
# README.md, LICENSE-MIT, SOURCES.tsv, README_vi.txt; not "notice-of-meeting.html".
_FOLDER_NOTES = re.compile(r"(readme|licen[cs]e|copying|notice|authors|changelog|changes|contributing|sources)"
                           r"([._-][a-z0-9]{2,4})?(\.[a-z0-9]{1,5})?", re.IGNORECASE)


class Quarantine(ValueError):
    """The input is not publishable; the message says why (Vietnamese)."""


@dataclass(slots=True)
class Options:
    portal: str | None = None          # force a portal's rules
    default_date: datetime | None = None
    now: datetime | None = None        # "today", for the no-future-dates rule


def _rules_for(lines: list[str], options: Options, found: portals.Rules | None = None) -> portals.Rules:
    if options.portal:
        rules = portals.by_id(options.portal)
        if rules is not None:
            return rules
    return found or portals.identify(lines)


def _read(raw: bytes, raw_name: str, options: Options) -> tuple[extract.Page, portals.Rules]:
    try:
        text = decode.decode(raw)
        if extract.looks_html(raw_name, text):
            forced = portals.by_id(options.portal) if options.portal else None
            page = extract.extract(text, options.now, forced)
        else:
            page = extract.from_front_matter(text, options.now) or extract.from_text(text)
    except (decode.NotText, extract.NotArticle) as exc:
        raise Quarantine(str(exc)) from None
    return page, _rules_for(page.lines, options, page.rules)


def _accented_words(sample: str, words: list[str] | None = None) -> int:
    """``len(_ACCENTED.findall(sample))``; ``words`` are ``_WORD.findall(sample)`` when known."""
    if _NOT_LETTER.search(sample):
        return len(_ACCENTED.findall(sample))
    return len(_ACCENTED_WORD.findall(" ".join(_WORD.findall(sample) if words is None else words)))


def _check_text(kept: list[str]) -> None:
    joined = "\n".join(kept)
    sample = joined[:LANGUAGE_SAMPLE]
    words = _WORD.findall(sample)
    if not has_diacritics(sample) or _accented_words(sample, words) < VIETNAMESE_SHARE * len(words):
        raise Quarantine("không phải bài tiếng Việt (quá ít chữ mang dấu)")
    if clean.is_listing(kept):
        raise Quarantine("trang danh mục: chỉ có tin tóm tắt của các bài khác, không có bài viết")


def _head(page: extract.Page, kept: list[str], rules: portals.Rules, options: Options) -> metadata.Head:
    if page.title is None:
        return metadata.read_head(kept, rules, options.now)
    # The markup named the title: drop what comes before its repeat in the text
    # (breadcrumbs, section label) and a date line right after it.
    start = 0
    for index, line in enumerate(kept[:metadata.HEAD_SIZE]):
        if line == page.title:
            start = index + 1
            break
    date = page.date
    for index in range(start, min(start + 2, len(kept))):
        moment = metadata.meta_line_date(kept[index], rules, options.now)
        if moment is not None:
            date, start = date or moment, index + 1
            break
    return metadata.Head(title=page.title, date=date, category=page.category, body_start=start)


def process(raw: bytes, raw_name: str, options: Options | None = None) -> Article:
    options = options or Options()
    if _FOLDER_NOTES.fullmatch(raw_name):
        raise Quarantine("tệp ghi chú đi kèm thư mục (README, giấy phép, danh sách nguồn), không phải bài cào về")
    page, rules = _read(raw, raw_name, options)
    if decode.lost_accents("\n".join(page.lines[:2000])[:LANGUAGE_SAMPLE]):
        raise Quarantine("văn bản đã mất dấu tiếng Việt (chữ có dấu bị thay bằng '?'), không khôi phục được")
    kept = clean.clean_lines(page.lines, rules)
    if not kept:
        raise Quarantine("không còn nội dung sau khi lọc rác trang")
    _check_text(kept)

    head = _head(page, kept, rules, options)
    paragraphs = kept[head.body_start:]
    title = rules.clean_title(head.title) if head.title else None
    if not title or len(title) > 300 or not paragraphs:
        raise Quarantine("không tìm thấy tiêu đề và nội dung bài viết")

    author = None
    if page.author:
        _, author = metadata.read_byline(page.author, rules)
    if len(paragraphs) > 1:
        is_byline, last_author = metadata.read_byline(paragraphs[-1], rules)
        if is_byline:
            paragraphs = paragraphs[:-1]
            author = author or last_author
    if rules.dateline is not None and rules.dateline.search(paragraphs[0]):
        if not (len(paragraphs) > 1 and rules.dateline.search(paragraphs[1])):
            paragraphs[0] = rules.dateline.sub("", paragraphs[0], count=1)
    paragraphs = [p for p in paragraphs if p.strip()]
    if not paragraphs:
        raise Quarantine("không tìm thấy tiêu đề và nội dung bài viết")

    date = (head.date or metadata.date_from_lede(paragraphs, options.now)
            or date_from_url(page.url or "") or options.default_date)
    if date is None:
        raise Quarantine("không tìm thấy ngày đăng (dùng --default-date nếu biết ngày của cả lô)")

    body_text = "\n".join(paragraphs)
    return Article(
        title=title,
        date=date,
        slug=slugify(title) or hashlib.sha256(raw).hexdigest()[:12],
        portal=rules.id,
        body=convert.to_markdown(paragraphs, rules),
        author=author,
        tags=tagging.tag(title, paragraphs[0], body_text, rules, date=date),
        category=head.category,
        summary=metadata.summarise(next((p for p in paragraphs if len(p.split()) >= LEDE_MIN_WORDS), paragraphs[0])),
        source_url=page.url if page.url and page.url.startswith("http") else None,
        raw_name=raw_name,
        raw_sha256=hashlib.sha256(raw).hexdigest(),
    )
