"""Stage 1b: a saved HTML page -> the lines of its article, like a text scrape.

A portal whose rule file has an ``html:`` block (CSS selectors for title,
date, author, section, body, and parts to remove) is read with BeautifulSoup.
Any other page goes through trafilatura, the field's best general extractor.
Either way the result is a :class:`Page`: plain lines plus what the markup
says outright (title, date, author, section, URL); the text stages then apply
the same Vietnamese rules as to a text scrape.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from bs4 import BeautifulSoup

from ..article import TIMEZONE
from ..frontmatter import FrontMatterError, parse
from ..vietnamese import nfc
from . import media
from .dates import find_timed_date
from .portals import Rules, by_host, identify_html

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|table)\b",
                         re.IGNORECASE | re.DOTALL)
_HOST = re.compile(r"(?:Mirrored from|https?://)\s*([a-z0-9.-]+\.[a-z]{2,})", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---(json|ya?ml)?[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_FRAGMENT = re.compile(r"<(p|div|br|table|h[1-6]|ul|ol|strong|span)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<(p|div|br|tr|li|h[1-6])\b[^<>]{0,300}>", re.IGNORECASE)
_BARE_URL = re.compile(r"^https?://\S+$")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
# A site's root, its index page, or a language edition's root ("/english"): its home page.
_HOME_URL = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]+/?(((index|default|home|trang-chu)(\.\w+)?)|"
                       r"(en|english|vi|fr|zh|cn|ko|ja|lo|km|ru))?/?$", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s+[-|–—:»]+\s+")
# The publication time in a page's schema.org data (NewsArticle, Article), read from the raw page.
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
LEDE_WORDS = 8
# A one-cell table row as trafilatura writes it ("| caption |"): news sites set photos and their
# captions in one-column tables; the cell's text is the line.
_TABLE_CELL = re.compile(r"^\|\s*([^|]*?)\s*\|$")
_ISO_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_AMBIGUOUS_DATE = re.compile(r"^\s*(0?[1-9]|1[0-2])[/.-](0?[1-9]|1[0-2])[/.-]\d{4}")   # 9/11/2021: day or month?
_DATE_CLASS = re.compile(r"(pub|publish|post|created|news|detail|article|header)[-_]?(date|time)|^(date|time)$",
                         re.IGNORECASE)
_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "blockquote", "table", "ul", "ol")
MAX_HTML = 8_000_000        # characters: a bigger "page" is not one article
HEADLINE_WORDS = 5          # a link this long names another article


class NotArticle(ValueError):
    """The page holds no article; the message is the quarantine reason, ``kind`` its class."""

    def __init__(self, message: str, kind: str = "other"):
        super().__init__(message)
        self.kind = kind


@dataclass(slots=True)
class Page:
    """A page's lines, and what its markup says outright, each with where it said it (a source
    :mod:`decide` ranks): ``markup`` for a page's own tags, ``selector`` for a portal's selectors."""
    lines: list[str]
    rules: Rules | None = None
    title: str | None = None
    author: str | None = None
    category: str | None = None
    url: str | None = None
    site_name: str | None = None
    source: str = "markup"
    dates: list[tuple[str, datetime, bool]] = field(default_factory=list)   # (source, moment, timed)
    media: media.Collected | None = None    # the page's pictures and document links (HTML pages)


def is_home_url(url: str | None) -> bool:
    return bool(url and _HOME_URL.match(url))


def looks_html(name: str, text: str) -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml", ".shtml")):
        return True
    return bool(_HTML_START.match(text[:2000]))


def _text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split()) if node is not None else ""


def _lines(node) -> list[str]:
    """One line per block element, as a text scrape would keep them."""
    for br in node.find_all("br"):
        br.replace_with("\n")
    for block in node.find_all(_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    return [" ".join(line.split()) for line in node.get_text().split("\n") if line.strip()]


def _page_url(soup, text: str) -> str | None:
    for selector, attribute in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        node = soup.select_one(selector)
        if node and str(node.get(attribute, "")).startswith("http"):
            return str(node[attribute])
    mirrored = re.search(r"Mirrored from (\S+)", text[:3000])
    if mirrored:
        return "http://" + mirrored.group(1)
    saved = _SAVED_FROM.search(text, 0, 3000)     # a browser's "save page, complete"
    return saved.group(1) if saved else None


def _meta(soup, *names: str) -> str | None:
    for name in names:
        node = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if node and node.get("content", "").strip():
            return " ".join(node["content"].split())
    return None


def _title(soup, page_text: str) -> str | None:
    """og:title, else the longest front part of <title> that the page shows as text, else <h1>."""
    candidates = []
    og = _meta(soup, "og:title")
    if og:
        candidates.append(og)
    if soup.title and soup.title.string:
        full = " ".join(soup.title.string.split())
        cuts = [m.start() for m in _TITLE_SPLIT.finditer(full)] + [len(full)]
        for cut in sorted(cuts, reverse=True):
            if full[:cut] in page_text:
                candidates.append(full[:cut])
                break
    h1 = soup.find("h1")
    if h1 and _text(h1):
        candidates.append(_text(h1))
    for candidate in candidates:
        if len(candidate.split()) >= 3:
            return candidate
    return candidates[0] if candidates else None


def _parse_date(value: str | None, now: datetime | None) -> tuple[datetime, bool] | None:
    """(moment, has a time of day) of an ISO date (2020-09-02T08:15) or any form dates.py reads."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return find_timed_date(value, now)
    moment = moment.astimezone(TIMEZONE) if moment.tzinfo else moment.replace(tzinfo=TIMEZONE)
    if not (1945 <= moment.year and moment <= (now or datetime.now(TIMEZONE))):
        return None
    return moment, len(value.strip()) > 10


def _dates(soup, html_text: str, now: datetime | None, found: str | None) -> list[tuple[str, datetime, bool]]:
    """Every publication time the markup states, with where: an ISO 8601 meta value (what Open
    Graph requires), the page's schema.org ``datePublished`` (where most Vietnamese news sites put
    it), the date shown in an element named for it (``pubdate``, ``publish-time``..., day first as
    Vietnamese pages write it), a meta value in another form, trafilatura's guess. A meta value
    like "9/11/2021 3:29:47 PM" (.NET's month-first default, day and month swappable) is proposed
    as ``meta-ambiguous``, ranked below everything else. decide.py picks."""
    value = _meta(soup, "article:published_time", "og:published_time", "pubdate", "publishdate", "date",
                  "dc.date.issued", "DC.date.issued")
    linked = _LD_DATE.search(html_text, 0, 400_000)
    kind = "meta-iso" if value and _ISO_DATE.match(value) else (
        "meta-ambiguous" if value and _AMBIGUOUS_DATE.match(value) else "meta")
    found_dates = [(kind, _parse_date(value, now)), ("jsonld", _parse_date(linked.group(1), now) if linked else None),
                   ("shown", _shown_date(soup, now)), ("extractor", _parse_date(found, now))]
    return [(source, *parsed) for source, parsed in found_dates if parsed is not None]


def _shown_date(soup, now: datetime | None) -> tuple[datetime, bool] | None:
    """The first element whose class names a publication date/time and whose text is one."""
    for node in soup.find_all(class_=_DATE_CLASS, limit=5):
        text = _text(node)
        if 6 <= len(text) <= 60:
            found = find_timed_date(text, now)
            if found is not None:
                return found
    return None


def _with_lede(lines: list[str], soup, page_text: str) -> list[str]:
    """The sapo a Vietnamese news page sets apart above the body (in bold, its own block), where
    trafilatura leaves it out: the page's description, when the page shows it as text and the
    body does not have it. Vietnamese only: an English standfirst is not part of the main text
    the extraction benchmark scores (it cost 0.002 F1 there)."""
    lede = _meta(soup, "description", "og:description")
    if not lede or len(lede.split()) < LEDE_WORDS or lede not in page_text or not _VIETNAMESE.search(lede):
        return lines
    if any(lede in line or line in lede for line in lines[:3] if len(line.split()) >= LEDE_WORDS):
        return lines
    return [lede, *lines]


def from_text(text: str) -> Page:
    """A text scrape: its lines, and the page URL when a line at either end is only that."""
    if len(_BLOCK_TAG.findall(text, 0, 200_000)) >= 3:
        # An HTML fragment saved as text (a body with its <p> and <tr>): one line per block.
        text = "\n".join(_lines(BeautifulSoup(text, "lxml")))
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for index in filled[:3] + filled[-3:]:
        if _BARE_URL.match(lines[index].strip()):
            return Page(lines=lines[:index] + lines[index + 1:], url=lines[index].strip())
    return Page(lines=lines)


def from_front_matter(text: str, now: datetime | None = None) -> Page | None:
    """A static-site source: a ``---json`` or ``---`` (YAML) block, then a Markdown or HTML body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    try:
        # YAML through the archive's own reader: a scrape is untrusted, and PyYAML alone expands
        # anchors and aliases (a 1 KB block can be 43 million items)
        meta = json.loads(match.group(2)) if match.group(1) == "json" else parse(text).meta
    except (ValueError, FrontMatterError):
        return None
    if not isinstance(meta, dict) or not isinstance(meta.get("title"), str):
        return None
    body = text[match.end():]
    found = None
    if _FRAGMENT.search(body):
        soup = BeautifulSoup(body, "lxml")
        found = media.collect(soup)
        lines = _lines(soup)
    else:
        lines = body.split("\n")
    category = meta.get("category")
    date = _parse_date(str(meta.get("date") or ""), now)
    return Page(lines=[nfc(line) for line in lines], title=nfc(" ".join(meta["title"].split())),
                dates=[("meta-iso", *date)] if date else [],
                author=meta.get("author") if isinstance(meta.get("author"), str) else None,
                category=category.rsplit(".", 1)[-1].replace("-", " ") if isinstance(category, str) else None,
                url=meta.get("url") if isinstance(meta.get("url"), str) else None, media=found)


def _with_selectors(soup, rules: Rules, now: datetime | None) -> Page | None:
    html = rules.html
    body = soup.select_one(html["body"]) if html.get("body") else None
    if body is None:
        return None
    for selector in html.get("remove", []):
        for node in body.select(selector):
            node.decompose()

    def pick(key: str) -> str | None:
        node = soup.select_one(html[key]) if html.get(key) else None
        return _text(node) or None

    date = find_timed_date(pick("date") or "", now)
    return Page(lines=_lines(body), rules=rules, title=pick("title"), source="selector",
                dates=[("selector", *date)] if date else [], author=pick("author"), category=pick("section"))


def _headline_links(soup) -> set[str]:
    """Texts of links long enough to be other articles' headlines."""
    texts = set()
    for anchor in soup.find_all("a"):
        text = _text(anchor)
        if len(text.split()) >= HEADLINE_WORDS:
            texts.add(text)
    return texts


def _is_teaser_page(lines: list[str], headlines: set[str]) -> bool:
    """Most of what the extractor kept is other articles' headlines (alone or with a short
    teaser after them): a listing or home page."""
    def teaser(line: str) -> bool:
        return len(line) >= 20 and any(h.startswith(line) or (line.startswith(h) and len(h) * 2 >= len(line))
                                       for h in headlines)

    linked = sum(1 for line in lines if teaser(line))
    return linked >= 4 and linked * 2 >= len(lines)


def _with_trafilatura(html_text: str, url: str | None) -> tuple[list[str], str | None, str | None]:
    """(lines, author, date) of the page's main text."""
    import trafilatura

    document = trafilatura.bare_extraction(html_text, url=url, include_comments=False, with_metadata=True,
                                           include_tables=True, deduplicate=False)
    if document is None or not (document.text or "").strip():
        return [], None, None
    lines = [_TABLE_CELL.sub(r"\1", line.strip()) for line in document.text.split("\n") if line.strip()]
    return lines, document.author, document.date


def extract(html_text: str, now: datetime | None = None, portal: Rules | None = None) -> Page:
    if len(html_text) > MAX_HTML:
        raise NotArticle("trang HTML quá lớn để là một bài viết")
    soup = BeautifulSoup(html_text, "lxml")
    for node in soup(["script", "style", "noscript", "template"]):
        node.decompose()
    page_text = _text(soup.body or soup)
    if len(page_text) < 40:
        raise NotArticle("trang HTML không có chữ (chỉ có mã script hoặc định dạng)")
    url = _page_url(soup, html_text)
    if is_home_url(url):
        raise NotArticle(f"trang chủ của một trang tin ({url}), không phải bài viết", "home")
    host = _HOST.search(url).group(1) if url and _HOST.search(url) else None
    found = media.collect(soup.body or soup)
    rules = portal or by_host(host) or identify_html(soup)
    page = _with_selectors(soup, rules, now) if rules.html.get("body") else None
    if page is None and rules.html.get("body"):
        raise NotArticle(f"trang của {rules.name} không có khối bài viết (trang chủ, danh mục hoặc giới thiệu)")
    found_date = None
    if page is None:
        lines, author, found_date = _with_trafilatura(html_text, url)
        if lines and _is_teaser_page(lines, _headline_links(soup)):
            raise NotArticle("trang danh mục hoặc trang chủ: chỉ có tiêu đề và tóm tắt của các bài khác", "listing")
        page = Page(lines=_with_lede(lines, soup, page_text) if lines else lines,
                    rules=rules if rules.id != "unknown" else None,
                    title=_title(soup, page_text), author=author,
                    category=_meta(soup, "article:section"))
    page.url, page.media = url, found
    page.site_name = _meta(soup, "og:site_name")
    page.dates += _dates(soup, html_text, now, found_date)
    page.title = nfc(page.title) if page.title else None
    page.lines = [nfc(line) for line in page.lines]
    if not page.lines:
        raise NotArticle("trang HTML không có bài viết (trang chủ, trang danh mục hoặc trang trống)")
    return page
