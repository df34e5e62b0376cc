"""One raw scrape -> one Article, or the reason it was quarantined.

One :class:`record.Record` passes through the stages, each its own module; the stages only
propose candidates for the fields, and one decider picks:

1. ``decode``    bytes -> NFC text (encodings, mojibake, binary files)
2. ``extract``   an HTML page -> its lines and what its markup says (portal selectors, else trafilatura)
3. ``portals``   which portal's rules apply (host, signature lines), else generic
4. ``clean``     drop debris, spam and the related-articles tail
5. ``structure`` pages that are not articles (listings, menus, tickers, home pages), by structure
6. ``metadata``  title, date and section candidates from the head; ``naming``: the outlet's name;
   ``byline``: authors at the end and under the title; values given by hand, the URL's date
7. ``decide``    one decision per field, by the portal's priority table
8. ``body``      the body without what the decisions took, furniture and captions
9. ``media``     the page's pictures put back between the paragraphs, with their captions, and its
   attached documents (``media_files``: found among the saved files, checked, named by content)
10. ``convert``  paragraphs -> Markdown; ``tagging``: places, bodies, documents, topics
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from ..article import Article
from ..vietnamese import has_diacritics, slugify
from . import body, byline, clean, convert, decode, extract, media_files, metadata, naming, portals, structure, tagging
from .dates import date_from_url
from .decide import decide
from .record import Given, Record

VIETNAMESE_SHARE = 0.2  # Vietnamese prose has about half its words accented; English quoting names, a few
LEDE_MIN_WORDS = 8
LANGUAGE_SAMPLE = 20_000  # characters enough to tell accents lost to "?"
LANGUAGE_WORDS = 3_000    # characters of the kept text enough to tell its language (five hundred words)
QUOTE = 70                # characters of a line quoted in a reason
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
    """The input is not publishable: the message says why in words that match the page
    (Vietnamese); ``kind`` is its class (listing, home, schedule, menu-only, no-title, no-date,
    not-vietnamese, other)."""

    def __init__(self, message: str, kind: str = "other", found: dict | None = None):
        super().__init__(message)
        self.kind = kind
        self.found = found or {}       # what the page did show (title, date...): the archivist adds the rest


@dataclass(slots=True)
class Options:
    portal: str | None = None          # force a portal's rules
    default_date: datetime | None = None
    now: datetime | None = None        # "today", for the no-future-dates rule


def _quote(line: str) -> str:
    return f"“{line[:QUOTE]}{'…' if len(line) > QUOTE else ''}”"


def _read(raw: bytes, raw_name: str, options: Options, given: Given) -> extract.Page:
    try:
        text = decode.decode(raw)
        if extract.looks_html(raw_name, text):
            forced = portals.by_id(options.portal or given.portal or "")
            return extract.extract(text, options.now, forced)
        return extract.from_front_matter(text, options.now) or extract.from_text(text)
    except (decode.NotText, extract.NotArticle) as exc:
        raise Quarantine(str(exc), getattr(exc, "kind", "other")) from None


def _rules_for(page: extract.Page, record: Record, options: Options) -> portals.Rules:
    for portal_id in (options.portal, record.given.portal):
        rules = portals.by_id(portal_id) if portal_id else None
        if rules is not None:
            return rules
    return page.rules or portals.by_host(record.host) or portals.identify(page.lines, record.host)


def _accented_words(sample: str, words: list[str] | None = None) -> int:
    """``len(_ACCENTED.findall(sample))``; ``words`` are ``_WORD.findall(sample)`` when known."""
    if _NOT_LETTER.search(sample):
        return len(_ACCENTED.findall(sample))
    return len(_ACCENTED_WORD.findall(" ".join(_WORD.findall(sample) if words is None else words)))


def _check_language(kept: list[str]) -> None:
    head, size = [], 0
    for line in kept:                 # the first lines only: joining a long page costs more than the test
        head.append(line)
        size += len(line) + 1
        if size >= LANGUAGE_WORDS:
            break
    sample = "\n".join(head)[:LANGUAGE_WORDS]
    words = _WORD.findall(sample)
    if not has_diacritics(sample) or _accented_words(sample, words) < VIETNAMESE_SHARE * len(words):
        raise Quarantine("không phải bài tiếng Việt (quá ít chữ mang dấu)", "not-vietnamese")


def _propose_given(record: Record, page: extract.Page, options: Options) -> None:
    """What the archivist gave, what the markup says, the URL's date, --default-date."""
    given = record.given
    record.propose("title", given.title, "hand")
    record.propose("date", given.date, "hand", timed=bool(given.date and (given.date.hour or given.date.minute)))
    record.propose("author", given.author, "hand")
    if given.portal and portals.by_id(given.portal) is None:
        record.propose("portal", given.portal, "hand")
    record.propose("title", page.title, page.source)
    for source, moment, timed in page.dates:
        record.propose("date", moment, source, timed=timed)
    record.propose("category", page.category, page.source)
    record.propose("portal", page.site_name, "markup")
    record.propose("date", date_from_url(record.url or ""), "url")
    record.propose("date", options.default_date, "default")


def _shown(chosen: dict) -> dict[str, str]:
    """What the page showed of title, date and author, as the --given table writes them."""
    shown = {name: str(chosen[name].value) for name in ("title", "author") if chosen.get(name)}
    date = chosen.get("date")
    if date is not None:
        shown["date"] = date.value.strftime("%Y-%m-%dT%H:%M" if date.timed else "%Y-%m-%d")
    return shown


def _media(page: extract.Page, paragraphs: list[str], record: Record, title: str, taken: set[int],
           source: media_files.Source | None, date: datetime) -> media_files.Gathered | None:
    """The page's pictures and documents (an HTML page's); ``source``: where it was saved."""
    if page.media is None or not page.media.found:
        return None
    source = source or media_files.Source(None, None)
    source.page_url = source.page_url or record.url
    return media_files.gather(page.media, paragraphs, record.lines, title, taken | record.furniture, source,
                              f"images/{date:%Y}/{date:%m}")


def process(raw: bytes, raw_name: str, options: Options | None = None, given: Given | None = None,
            source: media_files.Source | None = None) -> Article:
    """``source``: the folder and file the page was saved in, to find its pictures' files."""
    options, given = options or Options(), given or Given()
    if _FOLDER_NOTES.fullmatch(raw_name):
        raise Quarantine("tệp ghi chú đi kèm thư mục (README, giấy phép, danh sách nguồn), không phải bài cào về")
    record = Record(raw_name, given)
    page = _read(raw, raw_name, options, given)
    record.set_url(given.url or page.url)
    rules = record.rules = _rules_for(page, record, options)
    if decode.lost_accents("\n".join(page.lines[:2000])[:LANGUAGE_SAMPLE]):
        raise Quarantine("văn bản đã mất dấu tiếng Việt (chữ có dấu bị thay bằng '?'), không khôi phục được")
    if extract.is_home_url(record.url) and not (given.title and given.date):
        raise Quarantine(f"trang chủ của trang tin ({record.url}), không phải một bài viết", "home")
    kept = record.lines = clean.clean_lines(page.lines, rules)
    if not kept:
        raise Quarantine("không còn nội dung sau khi lọc rác trang (trình đơn, chân trang, bộ đếm)")
    _check_language(kept)
    stated = bool(given.title and given.date)     # the archivist says it is an article: no structural test
    record.dated = [metadata.meta_line(line, rules, options.now) for line in kept]
    found = None if stated else structure.by_structure(kept, record.dated)
    if found:
        raise Quarantine(found[1], found[0])

    _propose_given(record, page, options)
    for index, line in enumerate(kept[:metadata.HEAD_SIZE]):
        if naming.banner_name(line):       # the site's own name at the top: furniture, never a title
            record.furniture.add(index)
    metadata.propose_head(record, options.now, rules.clean_title(page.title) if page.title else None)
    found = None if stated else structure.by_address(record.url, kept, bool(record.proposed("date", "head")))
    if found:
        raise Quarantine(found[1], found[0])
    start = record.title_at + 1 if record.title_at is not None else 0
    metadata.mark_meta_lines(record, start, options.now)
    naming.propose(record, page.lines, rules)
    outlets = {str(c.value).casefold() for c in record.proposed("portal")} | {rules.name.casefold()}
    if page.author:
        found = byline.parse(page.author, rules, options.now)
        if found and found.author and not byline.is_outlet(found.author, outlets, rules):
            record.propose("author", found.author, page.source)
    byline.propose(record, [i for i in range(start, len(kept)) if i not in record.furniture], outlets,
                   options.now)
    first = next((i for i in range(start, len(kept)) if i not in record.furniture), None)
    if first is not None:
        metadata.propose_lede_date(record, first, options.now)
    chosen = decide(record.candidates, rules.priorities)

    shown = _shown(chosen)
    if chosen.get("title") is None:
        opening = kept[first] if first is not None else kept[0]
        raise Quarantine("không thấy tiêu đề: trang mở đầu bằng đoạn văn " + _quote(opening)
                         + " (nếu là bài viết, hãy cho tiêu đề trong bảng --given)", "no-title", shown)
    title = shown["title"] = rules.clean_title(chosen["title"].value)
    taken = {i for c in chosen.values() if c is not None for i in c.span}
    paragraphs = body.paragraphs(record, taken)
    if not title or len(title) > 300 or not paragraphs:
        raise Quarantine(f"không thấy nội dung bài viết dưới tiêu đề {_quote(title)}")
    if chosen.get("date") is None:
        raise Quarantine(f"không thấy ngày đăng của bài {_quote(title)} (các ngày trong bài chỉ là ngày được "
                         "nhắc tới); hãy cho ngày trong bảng --given hoặc dùng --default-date", "no-date", shown)
    name = chosen.get("portal").value if chosen.get("portal") else None
    body_text = "\n".join(paragraphs)
    author = chosen["author"].value if chosen.get("author") else None
    found = _media(page, paragraphs, record, title, taken, source, chosen["date"].value)
    prose = found.paragraphs if found and found.paragraphs else paragraphs   # less the captions media took
    article = Article(
        title=title,
        date=chosen["date"].value,
        slug=slugify(title) or hashlib.sha256(raw).hexdigest()[:12],
        portal=naming.portal_id(record, name),
        portal_name=None if rules.known else name,
        body=convert.to_markdown(found.paragraphs if found else paragraphs, rules, found and found.inserts),
        author=author or None,
        tags=tagging.tag(title, prose[0], body_text, rules, date=chosen["date"].value),
        category=chosen["category"].value if chosen.get("category") else None,
        summary=metadata.summarise(next((p for p in prose if len(p) > 200 or len(p.split()) >= LEDE_MIN_WORDS),
                                        prose[0])),
        source_url=record.url if record.url and record.url.startswith(("http://", "https://")) else None,
        raw_name=raw_name,
        raw_sha256=hashlib.sha256(raw).hexdigest(),
        by_hand=given.by_hand,
    )
    if found:
        article.images, article.missing_images = found.images, found.missing_images
        article.attachments, article.media, article.copies = found.attachments, found.media, found.copies
        article.links = found.links
    return article
