"""Run the pipeline over many inputs and account for every one of them.

Each input ends ``written``, ``unchanged``, ``duplicate`` (with
``duplicate_of``) or ``quarantined`` (with a reason). Writes are atomic, and a
second run over the same inputs changes no byte.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..article import render
from ..frontmatter import FrontMatterError, parse
from ..tree import escapes, outside_message
from .dedup import Index, fingerprint
from .given import for_input
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


@dataclass(slots=True)
class Report:
    inputs: list[Entry] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for entry in self.inputs:
            counts[entry.status] += 1
        counts["total"] = len(self.inputs)
        return counts

    def as_dict(self) -> dict:
        return {"inputs": [asdict(e) for e in self.inputs], "counts": self.counts}


def collect(sources: list[Path], outside: dict[Path, str] | None = None) -> list[Path]:
    """Files named on the command line, and files under folders, recursively, sorted.

    Under a folder, a symlink (file or folder) leading out of it is listed but never read:
    it goes into ``outside`` (path -> where it leads), and ``run`` quarantines it."""
    found = []
    for source in sources:
        if source.is_dir():
            for path in sorted(source.rglob("*")):
                real = escapes(path, source) if path.is_symlink() else None
                if real and outside is not None:
                    outside[path] = outside_message(real, str(source))
                    found.append(path)
                elif not real and path.is_file() and not path.name.startswith("."):
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
    paths = collect(sources, outside)
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
            article = process(raw, path.name, options, for_input(given or {}, path, sources))
        except Quarantine as exc:
            entry.reason, entry.kind, entry.found = str(exc), exc.kind, exc.found or None
            continue
        except Exception as exc:  # noqa: BLE001 - a bad file is a report line, never a traceback
            entry.reason = f"lỗi khi xử lý tệp ({type(exc).__name__}: {exc})"
            continue
        _place(article, entry, content_dir, seen, owners, force)
    if progress:
        progress(len(paths), len(paths))
    return report


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


def _place(article, entry: Entry, content_dir: Path, seen: Index, owners: dict, force: bool) -> None:
    original, exact, mine = seen.find(article.body, article.title)
    if original is not None and owners.get(original, "") == article.raw_sha256:
        original = None          # our own earlier output: unchanged, rewritten or kept-edited below
        _, exact, mine = Index().find(article.body, article.title)
    if original is not None:
        entry.status, entry.duplicate_of = "duplicate", original
        return
    target = content_dir / article.relative_path
    text = render(article)
    old_text, old_sha, old_fingerprint = _existing(target)
    if old_text is not None and old_sha != article.raw_sha256:
        if old_fingerprint == exact:
            entry.status, entry.duplicate_of = "duplicate", str(target)
            seen.add(str(target), exact, mine)
            return
        # Another article already holds this slug: make ours distinct, stably.
        article.slug = f"{article.slug}-{article.raw_sha256[:8]}"
        target = content_dir / article.relative_path
        text = render(article)
        old_text, old_sha, _ = _existing(target)
    entry.output = str(target)
    seen.add(str(target), exact, mine)
    if old_text == text:
        entry.status = "unchanged"
    elif old_text is not None and not force:
        entry.status = "unchanged"
        entry.reason = "kept-edited: bài đã được sửa sau khi nhập; dùng --force để ghi đè"
    else:
        write_atomic(target, text)
        entry.status = "written"
