"""Run the pipeline over many inputs and account for every one of them.

Each input ends ``written``, ``unchanged``, ``duplicate`` (with
``duplicate_of``) or ``quarantined`` (with a reason). Writes are atomic, and a
second run over the same inputs changes no byte.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..article import render
from ..frontmatter import FrontMatterError, parse
from ..tree import escapes, outside_message
from . import media_batch
from .media import linked
from .dedup import Index, fingerprint
from .given import for_input
from .media_files import Source, Store
from .pipeline import Options, Quarantine, process

STATUSES = ("written", "unchanged", "duplicate", "quarantined")


@dataclass(slots=True)
class Entry:
    path: str
    sha256: str
    status: str
    output: str | None = None
    reason: str | None = None
    duplicate_of: str | None = None
    kind: str | None = None             # the quarantine reason's class (no-title, no-date, listing...)
    found: dict | None = None           # what a quarantined page did show, for the archivist's --todo table
    media: list[dict] | None = None     # the article's pictures and documents (media_files.Media)


@dataclass(slots=True)
class Report:
    inputs: list[Entry] = field(default_factory=list)
    unused: list[dict] = field(default_factory=list)      # pictures and documents of the folder no article shows

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for entry in self.inputs:
            counts[entry.status] += 1
        counts["total"] = len(self.inputs)
        return counts

    @property
    def media_counts(self) -> dict[str, dict[str, int]]:
        """Per kind (image, attachment), how many pictures and documents ended in each status."""
        counts = {kind: dict.fromkeys(media_batch.MEDIA_STATUSES, 0) for kind in ("image", "attachment")}
        for item in [m for e in self.inputs for m in e.media or []] + self.unused:
            counts[item["kind"]][item["status"]] += 1
        return counts

    def as_dict(self) -> dict:
        return {"inputs": [asdict(e) for e in self.inputs], "counts": self.counts, "unused": self.unused,
                "media_counts": self.media_counts}


def collect(sources: list[Path], outside: dict[Path, str] | None = None,
            files: dict[Path, Path] | None = None) -> list[Path]:
    """Files named on the command line, and files under folders, recursively, sorted.

    Under a folder, a symlink (file or folder) leading out of it is listed but never read:
    it goes into ``outside`` (path -> where it leads), and ``run`` quarantines it. The files a
    saved page brings (pictures, documents, styles: ``media_batch.page_file``) are no inputs:
    they go into ``files`` (path -> the folder)."""
    found = []
    for source in sources:
        if source.is_dir():
            for path in sorted(source.rglob("*")):
                real = escapes(path, source) if path.is_symlink() else None
                if real and outside is not None:
                    outside[path] = outside_message(real, str(source))
                    found.append(path)
                elif real or not path.is_file() or path.name.startswith("."):
                    continue
                elif media_batch.page_file(path, source):
                    if files is not None:
                        files[path] = source
                else:
                    found.append(path)
        else:
            found.append(source)
    return found


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".ingest-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _existing(path: Path) -> tuple[str | None, str | None, str | None]:
    """(text, raw_sha256, body fingerprint) of an article file already there."""
    try:
        text = path.read_text(encoding="utf-8")
        doc = parse(text)
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return None, None, None
    return text, doc.meta.get("raw_sha256"), fingerprint(doc.body)


def run(sources: list[Path], content_dir: Path, options: Options | None = None,
        force: bool = False, progress=None, given: dict | None = None) -> Report:
    """Ingest every file under ``sources``; ``progress(done, total)`` is called as it goes;
    ``given``: what the archivist knows per file (given.load)."""
    report = Report()
    by_sha: dict[str, str] = {}          # raw sha -> input path seen first
    seen = Index()                       # bodies in the archive or written in this run -> their file
    owners = _index_existing(content_dir, seen)
    outside: dict[Path, str] = {}
    files: dict[Path, Path] = {}
    paths = collect(sources, outside, files)
    roots = {path: _root(path, sources) for path in paths}
    repeated = media_batch.repeated([(path, root) for path, root in roots.items() if path not in outside])
    media_root = site_folder(content_dir)
    store = Store(media_root / "images")
    used: set[tuple[Path, str]] = set()
    pending: list = []                   # (input, entry, article, where it goes or None)
    pages: dict[tuple[Path, str], Path | str | None] = {}     # (root, input's path under it) -> its article
    for done, path in enumerate(paths):
        if progress:
            progress(done, len(paths))
        if path in outside:
            report.inputs.append(Entry(str(path), "", "quarantined", reason=outside[path]))
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            report.inputs.append(Entry(str(path), "", "quarantined", reason=f"không đọc được tệp: {exc.strerror}"))
            continue
        sha = hashlib.sha256(raw).hexdigest()
        entry = Entry(str(path), sha, "quarantined")
        report.inputs.append(entry)
        if sha in by_sha:
            entry.status, entry.duplicate_of = "duplicate", by_sha[sha]
            continue
        by_sha[sha] = str(path)
        try:
            article = process(raw, path.name, options, for_input(given or {}, path, sources),
                              Source(roots[path], path, repeated=repeated, store=store))
        except Quarantine as exc:
            entry.reason, entry.kind, entry.found = str(exc), exc.kind, exc.found or None
            continue
        except Exception as exc:  # noqa: BLE001 - a bad file is a report line, never a traceback
            entry.reason = f"lỗi khi xử lý tệp ({type(exc).__name__}: {exc})"
            continue
        target = _target(article, entry, content_dir, seen, owners)
        pending.append((path, entry, article, target))
        pages[(roots[path], path.relative_to(roots[path]).as_posix())] = target or entry.duplicate_of
    for path, entry, article, target in pending:    # written once every page's address is known (links)
        if target is not None:
            if article.links:
                article.body = linked(article.body, _links(article.links, path, roots[path], pages, media_root))
            _write(article, entry, target, force)
        if article.media:
            _settle_media(article, entry, media_root)
            used.update((roots[path], m.file) for m in article.media if m.file)
    report.unused = media_batch.unused(files, used)
    if progress:
        progress(len(paths), len(paths))
    return report


def site_folder(content_dir: Path) -> Path:
    """The site's content folder, whose ``images/`` the bodies' ``/images/...`` name: the folder
    above ``content/articles`` (ingest's default), else the folder articles are written to."""
    return content_dir.parent if content_dir.name == "articles" else content_dir


def _root(path: Path, sources: list[Path]) -> Path:
    """The folder an input was found under (nothing outside it is read for the page), else its own."""
    for source in sources:
        if source.is_dir() and path.is_relative_to(source):
            return source
    return path.parent


def _settle_media(article, entry: Entry, content_dir: Path) -> None:
    if entry.status in ("written", "unchanged"):
        media_batch.copy_in(article.media, article.copies, content_dir)
    else:
        media_batch.not_copied(article.media, entry.duplicate_of or "")
    entry.media = [asdict(m) for m in article.media]


def _index_existing(content_dir: Path, seen: Index) -> dict[str, str | None]:
    """Articles already in the archive (an earlier run, another portal): file -> its raw sha256."""
    owners: dict[str, str | None] = {}
    if not content_dir.is_dir():
        return owners
    for path in sorted(content_dir.rglob("*.md")):
        try:
            doc = parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue
        _, exact, mine = seen.find(doc.body, str(doc.meta.get("title") or ""))
        seen.add(str(path), exact, mine)
        owners[str(path)] = doc.meta.get("raw_sha256")
    return owners


_EDITORS_KEYS = re.compile(r"^withdrawn:.*$", re.MULTILINE)   # keys only an editor writes


def _keep_editors_keys(old_text: str | None, text: str) -> str:
    """What an editor added to an ingested article and ingest never writes (``withdrawn``) stays
    when the article is written again (``--force``, a re-run with --given)."""
    kept = _EDITORS_KEYS.findall(old_text.split("\n---", 1)[0]) if old_text else []
    if not kept:
        return text
    head, rest = text.split("\n---\n", 1)
    return head + "\n" + "\n".join(kept) + "\n---\n" + rest


def _links(found: list[tuple[str, str]], page: Path, root: Path, pages: dict, site: Path) -> list[tuple[str, str]]:
    """A mirror's links between its pages, as Pelican's links to the articles they became
    (``{filename}/articles/...md``: the site's address, whatever its SITEURL)."""
    out = []
    for text, address in found:
        key = media_batch.relative(address, page, root)
        target = pages.get((root, key)) if key else None
        if target:
            try:
                out.append((text, "{filename}/" + Path(target).relative_to(site).as_posix()))
            except ValueError:
                continue
    return out


def _target(article, entry: Entry, content_dir: Path, seen: Index, owners: dict) -> Path | None:
    """Where the article goes (its slug made distinct when another article holds it), or None
    when it is a duplicate (the entry says of what)."""
    original, exact, mine = seen.find(article.body, article.title)
    if original is not None and owners.get(original, "") == article.raw_sha256:
        original = None          # our own earlier output: unchanged, rewritten or kept-edited below
        _, exact, mine = Index().find(article.body, article.title)
    if original is not None:
        entry.status, entry.duplicate_of = "duplicate", original
        return None
    target = content_dir / article.relative_path
    old_text, old_sha, old_fingerprint = _existing(target)
    if old_text is not None and old_sha != article.raw_sha256:
        if old_fingerprint == exact:
            entry.status, entry.duplicate_of = "duplicate", str(target)
            seen.add(str(target), exact, mine)
            return None
        # Another article already holds this slug: make ours distinct, stably.
        article.slug = f"{article.slug}-{article.raw_sha256[:8]}"
        target = content_dir / article.relative_path
    entry.output = str(target)
    seen.add(str(target), exact, mine)
    return target


def _write(article, entry: Entry, target: Path, force: bool) -> None:
    old_text = _existing(target)[0]
    text = _keep_editors_keys(old_text, render(article))
    if old_text == text:
        entry.status = "unchanged"
    elif old_text is not None and not force:
        entry.status = "unchanged"
        entry.reason = "kept-edited: bài đã được sửa sau khi nhập; dùng --force để ghi đè"
    else:
        write_atomic(target, text)
        entry.status = "written"
