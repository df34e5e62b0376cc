"""One raw scrape -> one Article, or the reason it was quarantined.

Stages, each its own module:

1. ``decode``   bytes -> NFC text
2. ``portals``  which portal's rules apply (signature lines), else generic
3. ``clean``    drop debris, spam and the related-articles tail
4. ``metadata`` section, title, date (head, else the lede), byline, summary
5. ``convert``  paragraphs -> Markdown
6. ``tagging``  places, bodies, documents, topics
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from ..article import Article
from ..vietnamese import slugify
from . import clean, convert, decode, metadata, portals, tagging


class Quarantine(ValueError):
    """The input is not publishable; the message says why (Vietnamese)."""


@dataclass(slots=True)
class Options:
    portal: str | None = None          # force a portal's rules
    default_date: datetime | None = None
    now: datetime | None = None        # "today", for the no-future-dates rule


def _rules_for(lines: list[str], options: Options) -> portals.Rules:
    if options.portal:
        rules = portals.by_id(options.portal)
        if rules is not None:
            return rules
    return portals.identify(lines)


def process(raw: bytes, raw_name: str, options: Options | None = None) -> Article:
    options = options or Options()
    try:
        text = decode.decode(raw)
    except decode.NotText as exc:
        raise Quarantine(str(exc)) from None
    lines = text.split("\n")
    rules = _rules_for(lines, options)
    kept = clean.clean_lines(lines, rules)
    if not kept:
        raise Quarantine("không còn nội dung sau khi lọc rác trang")

    head = metadata.read_head(kept, rules, options.now)
    paragraphs = kept[head.body_start:]
    title = head.title
    if not title or len(title) > 300 or not paragraphs:
        raise Quarantine("không tìm thấy tiêu đề và nội dung bài viết")

    author = None
    if len(paragraphs) > 1:
        is_byline, author = metadata.read_byline(paragraphs[-1], rules)
        if is_byline:
            paragraphs = paragraphs[:-1]
    if rules.dateline is not None and rules.dateline.search(paragraphs[0]):
        if not (len(paragraphs) > 1 and rules.dateline.search(paragraphs[1])):
            paragraphs[0] = rules.dateline.sub("", paragraphs[0], count=1)

    date = head.date or metadata.date_from_lede(paragraphs, options.now) or options.default_date
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
        tags=tagging.tag(title, paragraphs[0], body_text, rules),
        category=head.category,
        summary=metadata.summarise(paragraphs[0]),
        raw_name=raw_name,
        raw_sha256=hashlib.sha256(raw).hexdigest(),
    )
