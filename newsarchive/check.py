"""``newsarchive check``: every problem in the article files, as ``path:line: message``.

1. Find the files: the ones asked for, and all of ``content/`` (duplicates and
   tag spellings are judged against the whole archive, even when pre-commit
   passes only the staged files).
2. Read each file once (:func:`scan`): the front matter contract of
   :mod:`newsarchive.frontmatter` -- the same messages the build gives -- plus
   the warnings only the checker gives (future date, raw HTML the build strips).
3. Across files: two articles with one slug or one URL (:func:`collisions`),
   tags spelled two ways (:mod:`newsarchive.tagvariants`).

Errors make the exit code 1; warnings do not.
"""

from __future__ import annotations

import html
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from . import html_policy, images
from .article import TIMEZONE, format_iso
from .frontmatter import SLUG_RE, Document, FrontMatterError, display, load, parse_date, problems
from .checkcache import Cache
from .site.urls import article_url
from .tagvariants import Spellings
from .tree import escapes, link_problems, outside_message

EXTENSIONS = (".md", ".markdown")
ERROR, WARNING = "error", "warning"
PARALLEL_FROM = 4000          # below this many files, one process is faster

# Raw HTML in a Markdown body is warned about exactly where the build's sanitiser
# (newsarchive.html_policy, the same allow-list) will strip it, so an editor is
# told before the text silently vanishes.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?=[\s/>])((?:\s+[^<>]*?)?)\s*/?>")
_ATTRIBUTE = re.compile(r"([^\s=/\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_MARKDOWN_URL = re.compile(r"\]\(\s*<?\s*([^\s)>]*)")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        label = "cảnh báo: " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {label}{self.message}"


@dataclass(slots=True)
class Record:
    """What the checks across files need from one article."""
    path: str
    slug: str | None = None
    slug_line: int = 1
    url: str | None = None
    date: str | None = None                                      # valid date, ISO 8601
    date_line: int = 1
    tags: list[tuple[str, int]] = field(default_factory=list)   # (tag, line)
    images: list[tuple[int, str]] = field(default_factory=list)  # (line, src) of each picture shown


@dataclass(slots=True)
class Report:
    files: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    def as_dict(self) -> dict:
        return {"files": self.files, "errors": self.errors, "warnings": self.warnings,
                "problems": [asdict(f) for f in self.findings]}


def article_files(root: Path | str, content: Path | str | None = None,
                  escaping: list[Finding] | None = None) -> list[str]:
    """Every article file under ``root`` (hidden files and folders skipped, as Pelican skips them),
    sorted, as normalised paths. A symlink under ``root`` -- an article, an image, a folder --
    that leads out of ``content`` is not listed but added to ``escaping`` as an error: the build
    would read or publish a file of the machine (symlinked folders are never followed)."""
    root = os.path.normpath(root)
    if os.path.isfile(root):
        if escaping is not None and os.path.islink(root):
            _escape(root, content, escaping)
        return [root]
    found: list[str] = []
    _walk(root, "" if root == "." else root + os.sep, content, escaping, found)
    return found


def _escape(path: str, content, escaping: list[Finding]) -> bool:
    """Add an error when ``path`` (inside ``content``) leads out of it; True when it does."""
    if content is None or not os.path.abspath(path).startswith(os.path.abspath(content) + os.sep):
        return False     # a file outside the archive, named on the command line: not the build's
    real = escapes(path, content)
    if real:
        escaping.append(Finding(display(path), 1, outside_message(real, os.path.basename(
            os.path.abspath(content)) or "content")))
    return real is not None


def _walk(folder: str, prefix: str, content, escaping, found: list[str]) -> None:
    with os.scandir(folder) as scan:
        entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    folders = []
    for entry in entries:
        path = prefix + entry.name
        if entry.is_symlink():
            if escaping is not None and _escape(path, content, escaping) or entry.is_dir():
                continue
            if entry.name.endswith(EXTENSIONS):
                found.append(path)
        elif entry.is_dir():
            folders.append(path)
        elif entry.name.endswith(EXTENSIONS):
            found.append(path)
    for path in folders:
        _walk(path, path + os.sep, content, escaping, found)


def raw_html(doc: Document) -> list[tuple[int, str]]:
    """Raw HTML the build will strip, as (line, message); code is not HTML."""
    if "<" not in doc.body and "](" not in doc.body:
        return []
    found, fenced = [], False
    for number, line in enumerate(doc.body.split("\n"), start=doc.body_line):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or line.startswith(("    ", "\t")):
            continue
        line = _CODE_SPAN.sub("", line)
        for match in _MARKDOWN_URL.finditer(line):
            scheme = html_policy.refused_scheme(match.group(1))
            if scheme:
                found.append((number, f"liên kết '{scheme}:' sẽ bị xóa khi dựng trang"))
        for match in _TAG.finditer(line):
            found.extend((number, message) for message in _tag_problems(match))
    return list(dict.fromkeys(found))


def _tag_problems(match: re.Match) -> list[str]:
    name = match.group(2).lower()
    if not html_policy.kept_element(name):
        if match.group(1):
            return []          # the closing tag of an element already reported
        if name in html_policy.DROP_WITH_CONTENT:
            return [f"thẻ HTML <{name}> sẽ bị xóa khi dựng trang, cùng mọi thứ bên trong nó"]
        return [f"thẻ HTML <{name}> sẽ bị xóa khi dựng trang (chữ bên trong vẫn giữ); hãy dùng cú pháp "
                "Markdown (xem docs/huong-dan-bien-tap.md)"]
    messages = []
    for attribute, value in _ATTRIBUTE.findall(match.group(3)):
        attribute = attribute.lower()
        if not html_policy.kept_attribute(name, attribute):
            messages.append(f"thuộc tính '{attribute}' của thẻ <{name}> sẽ bị xóa khi dựng trang")
        elif attribute in html_policy.URL_ATTRIBUTES:
            scheme = html_policy.refused_scheme(html.unescape(value.strip("\"'")))
            if scheme:
                messages.append(f"liên kết '{scheme}:' trong thẻ <{name}> sẽ bị xóa khi dựng trang")
    return messages


def _date(value) -> datetime | None:
    try:
        return parse_date(value)
    except (ValueError, TypeError):
        return None


def check_file(path: str, content: str | None = None) -> tuple[list[Finding], Record]:
    """One file's own problems, and what the checks across files need (cacheable: no clock).

    ``content``: the archive's folder, which ``{static}``/``{attach}`` links may not leave."""
    shown = display(path)
    record = Record(shown)
    try:
        doc = load(path)
    except FrontMatterError as exc:
        return [Finding(shown, exc.line, exc.message)], record
    except OSError as exc:
        return [Finding(shown, 1, f"không đọc được tệp: {exc.strerror or exc}")], record
    found = [Finding(shown, line, message) for line, message in problems(doc)]
    if content and ("static" in doc.body or "attach" in doc.body):     # a {static}/{attach} link, maybe
        article_dir = os.path.relpath(os.path.dirname(os.path.abspath(path)), content)
        if article_dir != ".." and not article_dir.startswith(".." + os.sep):
            found.extend(Finding(shown, line, message)
                         for line, message in link_problems(doc.body, doc.body_line, article_dir))
    meta, lines = doc.meta, doc.key_lines
    moment = _date(meta.get("date"))
    if moment is not None:
        record.date, record.date_line = format_iso(moment), lines["date"]
    slug = meta.get("slug")
    if isinstance(slug, str) and SLUG_RE.fullmatch(slug) and not meta.get("withdrawn"):   # withdrawn: no page
        record.slug, record.slug_line = slug, lines["slug"]
        if moment is not None:
            record.url = article_url(moment, slug)
    tags = meta.get("tags")
    if isinstance(tags, list):
        tag_lines = doc.item_lines.get("tags") or [lines.get("tags", 1)] * len(tags)
        record.tags = [(str(t).strip(), n) for t, n in zip(tags, tag_lines) if t is not None and str(t).strip()]
    found.extend(Finding(shown, line, message, WARNING) for line, message in raw_html(doc))
    record.images = list(images.references(doc.body, doc.body_line))
    record.images += images.attached(meta.get("attachments"), doc.item_lines.get("attachments") or [])
    return found, record


def _check_many(paths: list[str], content: str | None = None) -> list[tuple[list[Finding], Record]]:
    return [check_file(path, content) for path in paths]


def _to_json(result: tuple[list[Finding], Record]) -> list:
    found, record = result
    return [[[f.line, f.message, f.severity] for f in found],
            [record.slug, record.slug_line, record.url, record.date, record.date_line, record.tags, record.images]]


def _from_json(path: str, data: list) -> tuple[list[Finding], Record]:
    found, (slug, slug_line, url, date, date_line, tags, pictures) = data
    shown = display(path)
    return ([Finding(shown, line, message, severity) for line, message, severity in found],
            Record(shown, slug, slug_line, url, date, date_line, [tuple(tag) for tag in tags],
                   [tuple(picture) for picture in pictures]))


def scan(paths: list[str], jobs: int = 1, cache: Cache | None = None,
         content: str | None = None) -> list[tuple[list[Finding], Record]]:
    """check_file over many files: from ``cache`` when unchanged, in ``jobs`` processes when many."""
    results = [None] * len(paths)
    if cache:
        for index, path in enumerate(paths):
            data = cache.get(path)
            if data is not None:
                results[index] = _from_json(path, data)
    missing = [path for path, result in zip(paths, results) if result is None]
    if jobs <= 1 or len(missing) < PARALLEL_FROM:
        fresh = _check_many(missing, content)
    else:
        size = -(-len(missing) // (jobs * 4))
        parts = [missing[i:i + size] for i in range(0, len(missing), size)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            fresh = [r for part in pool.map(_check_many, parts, [content] * len(parts)) for r in part]
    computed = iter(fresh)
    for index, result in enumerate(results):
        if result is None:
            results[index] = next(computed)
            if cache:
                cache.put(paths[index], _to_json(results[index]))
    return results


def future_dates(records: list[Record], now: datetime) -> list[Finding]:
    """A date after ``now``: published at once, but under that date."""
    found, limit = [], format_iso(now)   # same zone, same format: the strings sort as the dates
    for record in records:
        if record.date and record.date > limit:
            found.append(Finding(record.path, record.date_line,
                                 f"ngày đăng {record.date} ở tương lai (bây giờ là {limit}); "
                                 "bài vẫn được đăng ngay với ngày này, hãy kiểm tra lại", WARNING))
    return found


def collisions(records: list[Record]) -> list[Finding]:
    """Two articles with one slug (Pelican keeps one of them) or one URL (one overwrites the other)."""
    by_slug: dict[str, list[Record]] = {}
    for record in records:
        if record.slug:
            by_slug.setdefault(record.slug, []).append(record)
    found = []
    for group in by_slug.values():
        if len(group) < 2:
            continue
        for record in group:
            for other in group:
                if other is record:
                    continue
                where = f"{other.path}:{other.slug_line}"
                if record.url and record.url == other.url:
                    message = (f"bài này và bài {where} cùng ra một địa chỉ {record.url}: một bài sẽ mất; "
                               "hãy đổi slug của một bài")
                else:
                    message = (f"slug '{record.slug}' đã được dùng ở bài {where}; "
                               f"mỗi bài cần một slug riêng, ví dụ '{record.slug}-2'")
                found.append(Finding(record.path, record.slug_line, message))
    return found


def spelling_warnings(records: list[Record], targets: set[str], vocabulary=()) -> list[Finding]:
    """Tags of the ``targets`` spelled otherwise than the archive's existing tag."""
    spellings = Spellings((tag for record in records for tag, _ in record.tags), vocabulary,
                          (tag for record in records if record.path not in targets for tag, _ in record.tags))
    found = []
    for record in records:
        if record.path in targets:
            for tag, line in record.tags:
                message = spellings.problem(tag)
                if message:
                    found.append(Finding(record.path, line, message, WARNING))
    return found


def missing_images(records: list[Record], content: Path) -> list[Finding]:
    """A picture whose file is not in the content folder (looked up now: the cache keeps only the
    references, since adding or deleting a picture does not change the article)."""
    return [Finding(record.path, line, message) for record in records if record.images
            for line, message in images.missing(record.images, Path(record.path), content)]


def _vocabulary():
    """The tag vocabulary's entries (stop phrases excluded), from newsarchive.tags."""
    from .tags import vocabulary

    return [entry for entry in vocabulary().entries.values() if entry.kind != "ignore"]


def run(paths: list[Path] | None = None, content: Path = Path("content"),
        now: datetime | None = None, jobs: int = 1, cache: Path | None = None) -> Report:
    """Check ``paths`` (default: all of ``content``) against the whole archive.

    ``cache``: a file keeping each article's result until the article changes.
    """
    now = now or datetime.now(TIMEZONE)
    escaping: list[Finding] = []      # symlinks out of the content folder among the targets
    targets = list(dict.fromkeys(f for path in (paths or [content])
                                 for f in article_files(path, content, escaping)))
    others = []
    if paths and os.path.isdir(content):
        chosen = {os.path.abspath(f) for f in targets}
        others = [f for f in article_files(content) if os.path.abspath(f) not in chosen]
    root = os.path.abspath(content)
    store = Cache(cache, salt=root) if cache else None
    results = scan(targets + others, jobs, store, root)
    if store:
        store.save()
    records = [record for _, record in results]
    target_names = {record.path for record in records[:len(targets)]}
    findings = [f for own, _ in results[:len(targets)] for f in own] + escaping
    findings += future_dates(records[:len(targets)], now)
    findings += [f for f in collisions(records) if f.path in target_names]
    findings += spelling_warnings(records, target_names, _vocabulary())
    findings += missing_images(records[:len(targets)], content)
    findings.sort(key=lambda f: (f.path, f.line, f.severity != ERROR, f.message))
    return Report(files=len(targets), findings=list(dict.fromkeys(findings)))
