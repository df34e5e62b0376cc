"""One Pagefind index per shard of the archive (by default one per year).

Pagefind has no incremental mode and its memory grows with the site, so each
shard is indexed on its own (memory bounded by the largest shard) into
``<output>/<subdir>/<key>/``, from a folder of links to its pages (``sources``);
the browser merges the shards (``search.js``). A shard whose indexed text is
unchanged is kept or copied from the cache instead of re-indexed, so adding one
article re-indexes only its shard.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from newsarchive.site.staging import Staging

from .sources import SourceFolders
from .stable import canonicalise

# What Pagefind reads of an article page: from the indexed element to its end.
_BODY = re.compile(r"data-pagefind-body.*</article>", re.S)
MANIFEST = "shards.json"


class PagefindError(RuntimeError):
    pass


@dataclass(slots=True)
class Shard:
    key: str
    files: list[str] = field(default_factory=list)  # paths relative to the output folder
    years: set[int] = field(default_factory=set)
    stamp: str = ""   # fingerprint of its index, once known (the browser's cache tag for it)


RECENT = "recent"


def shard_of(date, shard_key: str, years: int = 1) -> str:
    """The shard a date falls in: ``shard_key`` of it, or with ``years`` > 1 the span of that many
    years it starts ("2010-2014"; spans start at multiples of ``years``, so they never move)."""
    if years <= 1:
        return date.strftime(shard_key)
    first = date.year - date.year % years
    return f"{first}-{first + years - 1}"


_PARTS = (1, 2, 3, 4, 6, 12)   # ways of cutting a year into spans of whole months


def _part(key: str, date, parts: int) -> str:
    """The span of ``12 / parts`` months of the year ``key`` that ``date`` falls in: "2015-07"."""
    months = 12 // parts
    return key if parts == 1 else f"{key}-{(date.month - 1) // months * months + 1:02d}"


def group(pages, shard_key: str, years: int = 1, most: int = 0) -> list[Shard]:
    """(save_as, date) pairs -> shards, newest key first, each with the years its pages have.
    ``most`` > 0: a year holding more pages is cut into spans of whole months (halves, thirds,
    quarters... of the year: "2015-07"), the fewest spans that keep each near ``most`` pages."""
    keyed: dict[str, list] = {}
    for save_as, date in pages:
        keyed.setdefault(shard_of(date, shard_key, years), []).append((save_as, date))
    shards: dict[str, Shard] = {}
    for key, members in keyed.items():
        one_year = len({date.year for _, date in members}) == 1
        parts = next((n for n in _PARTS if -(-len(members) // n) <= most), 12) \
            if most and one_year and len(members) > most else 1
        for save_as, date in members:
            shard = shards.setdefault(_part(key, date, parts), Shard(_part(key, date, parts)))
            shard.files.append(save_as)
            shard.years.add(date.year)
    return sorted(shards.values(), key=lambda s: s.key, reverse=True)


def recent(pages, count: int) -> Shard | None:
    """The newest ``count`` pages as one more, small shard (they stay in their own shard too)."""
    newest = sorted(pages, key=lambda page: page[1], reverse=True)[:count]
    return Shard(RECENT, [save_as for save_as, _ in newest], {d.year for _, d in newest}) if newest else None


def indexed_text(places: Staging, names) -> dict[str, str]:
    """What Pagefind reads of each page: from the indexed element to its end."""
    bodies = {}
    for name in names:
        text = places.find(name).read_text(encoding="utf-8")
        body = _BODY.search(text)
        bodies[name] = body.group(0) if body else text
    return bodies


def _digest(body: str) -> str:
    return hashlib.blake2b(body.encode(), digest_size=16).hexdigest()


class PageDigests:
    """A digest of each page's indexed text, read again only when the page's key changed
    (``page_key``, from fast_build): a shard's stamp costs no reading when nothing in it did."""

    def __init__(self, places: Staging, keys: dict[str, str], store: Path | None):
        self.places, self.keys, self.store = places, keys, store
        self.known: dict[str, list] = {}
        if store and store.is_file():
            try:
                self.known = json.loads(store.read_text(encoding="utf-8"))
            except ValueError:
                self.known = {}
        self.digests: dict[str, list] = {}

    def of(self, names) -> dict[str, str]:
        missing = [name for name in names if name not in self.digests]
        todo = []
        for name in missing:
            key, known = self.keys.get(name), self.known.get(name)
            if key and known and known[0] == key:
                self.digests[name] = known
            else:
                todo.append(name)
        for name, body in indexed_text(self.places, todo).items():
            self.digests[name] = [self.keys.get(name), _digest(body)]
        return {name: self.digests[name][1] for name in names}

    def save(self) -> None:
        if self.store:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            self.store.write_text(json.dumps(self.digests, sort_keys=True), encoding="utf-8")


def fingerprint(digests: dict[str, str], flags: list[str]) -> str:
    """Hash of everything that decides the shard's index: pages, their indexed text, options."""
    digest = hashlib.sha256(json.dumps([version("pagefind-bin"), *flags]).encode())
    for name in sorted(digests):
        digest.update(name.encode() + b"\0" + digests[name].encode() + b"\0")
    return digest.hexdigest()


def command(site: Path, target: Path, options: dict) -> list[str]:
    from pagefind_bin import get_executable

    excluded = [arg for selector in options["exclude_selectors"] for arg in ("--exclude-selectors", selector)]
    return [str(get_executable()), "--site", str(site), "--output-path", str(target),
            "--force-language", options["language"], "--quiet", *excluded]


CHUNK_SIZE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"   # Pagefind 1.5's knob for its word chunks


def flags(options: dict) -> list[str]:
    """What of the options decides a shard's index, for its fingerprint."""
    return [*command(Path(), Path(), options)[5:], f"chunk={options['index_chunk_size']}"]


def run_pagefind(command_line: list[str], chunk_size: int = 0) -> None:
    """The external step, in its own function so tests can call it directly."""
    env = {**os.environ, CHUNK_SIZE: str(chunk_size)} if chunk_size else None
    result = subprocess.run(command_line, capture_output=True, text=True, env=env)
    if result.returncode < 0:
        raise PagefindError(f"Pagefind bị dừng bởi tín hiệu {-result.returncode}")
    if result.returncode != 0:
        raise PagefindError(result.stderr.strip() or result.stdout.strip()
                            or f"Pagefind dừng với mã {result.returncode}")


def _link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _stamp_of(folder: Path | None) -> str | None:
    try:
        return (folder / ".fingerprint").read_text() if folder else None
    except OSError:
        return None


KEPT, CACHED, INDEXED = "kept", "cached", "indexed"


def index_shard(places: Staging, shard: Shard, target: Path, options: dict, cache: Path | None,
                digests: dict[str, str], sources: SourceFolders) -> tuple[str, str]:
    """Write the shard's index to ``target``: KEPT when the published index is already this one
    (nothing written), CACHED when copied from the cache, INDEXED when Pagefind ran on the
    shard's pages (linked into its folder of ``sources``); with the shard's fingerprint."""
    stamp = fingerprint(digests, flags(options))
    return _index_shard(places, shard, target, options, cache, sources, stamp), stamp


def _index_shard(places, shard, target, options, cache, sources, stamp) -> str:
    relative = target.relative_to(places.output)
    if places.published and _stamp_of(places.published / relative) == stamp:
        return KEPT
    cached = cache / "index" / shard.key if cache else None
    if _stamp_of(cached) == stamp:
        shutil.copytree(cached, target, copy_function=_link_or_copy, dirs_exist_ok=True)
        return CACHED
    site = sources.folder(shard.key, places.find, shard.files)
    if cache:   # scratch space beside the cache: the new index is moved there, not copied
        cached.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-shard-", dir=cache) as tmp:
        index = Path(tmp) / "index"
        run_pagefind(command(site, index, options), options["index_chunk_size"])
        canonicalise(index)   # Pagefind 1.5 writes filter indexes in random order
        (index / ".fingerprint").write_text(stamp)
        if cached:
            if cached.exists():   # out of the way with one rename, deleted with the scratch folder
                os.replace(cached, Path(tmp) / "previous")
            os.replace(index, cached)
            index = cached
        shutil.copytree(index, target, copy_function=_link_or_copy, dirs_exist_ok=True)
        return INDEXED


def _entry(shard: Shard) -> dict:
    return {"key": shard.key, "path": f"{shard.key}/", "pages": len(shard.files),
            "years": [min(shard.years), max(shard.years)] if shard.years else [], "stamp": shard.stamp[:12]}


def write_manifest(folder: Path, shards: list[Shard], newest: Shard | None, **more) -> None:
    """What search-engine.js reads: the recent shard and the shards newest first, with page counts
    and years, and ``more`` (the word directory, the documents, the characters kept in words)."""
    data = {"recent": _entry(newest) if newest else None, "shards": [_entry(s) for s in shards], **more}
    (folder / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                   encoding="utf-8")


_PAGEFIND_SCRIPT = re.compile(r'<link rel="modulepreload" href="([^"]*)/pagefind/pagefind\.js">')


def preload_first_tier(page: Path, folder: Path, key: str, entry_file: Path | None = None) -> None:
    """Let the search page fetch the first tier's WebAssembly and metadata while it parses,
    instead of after pagefind.js has read the tier's entry file (their names are only known
    once the tier is indexed). The page marks where: its modulepreload of pagefind.js."""
    entry_file = entry_file or folder / key / "pagefind-entry.json"
    if not page.is_file() or not entry_file.is_file():
        return
    html = page.read_text(encoding="utf-8")
    found = _PAGEFIND_SCRIPT.search(html)
    if not found:
        return
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    language = next(iter(entry["languages"].values()))
    base = f"{found.group(1)}/{folder.name}/{key}/"
    if f'href="{base}' in html:   # already added (a page Pelican did not rewrite)
        return
    links = "".join(f'\n<link rel="preload" href="{base}{name}" as="fetch" crossorigin>' for name in (
        f"wasm.{language['wasm'] or 'unknown'}.pagefind", f"pagefind.{language['hash']}.pf_meta"))
    page.write_text(html[:found.end()] + links + html[found.end():], encoding="utf-8")
