"""One Pagefind index per shard of the archive (by default one per year).

Pagefind has no incremental mode and its memory grows with the site, so each
shard is indexed on its own (memory bounded by the largest shard) into
``<output>/<subdir>/<key>/``; the browser merges the shards (``search.js``).
A shard whose indexed text is unchanged is copied from the cache instead of
re-indexed, so adding one article re-indexes only its shard.
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


RECENT = "recent"


def group(pages, shard_key: str) -> list[Shard]:
    """(save_as, date) pairs -> shards, newest key first."""
    shards: dict[str, Shard] = {}
    for save_as, date in pages:
        key = date.strftime(shard_key)
        shards.setdefault(key, Shard(key)).files.append(save_as)
    return sorted(shards.values(), key=lambda s: s.key, reverse=True)


def recent(pages, count: int) -> Shard | None:
    """The newest ``count`` pages as one more, small shard (they stay in their own shard too)."""
    newest = sorted(pages, key=lambda page: page[1], reverse=True)[:count]
    return Shard(RECENT, [save_as for save_as, _ in newest]) if newest else None


def indexed_text(output: Path, shard: Shard) -> dict[str, str]:
    """What Pagefind reads of each page of the shard: from the indexed element to its end."""
    bodies = {}
    for name in shard.files:
        text = (output / name).read_text(encoding="utf-8")
        body = _BODY.search(text)
        bodies[name] = body.group(0) if body else text
    return bodies


def fingerprint(bodies: dict[str, str], flags: list[str]) -> str:
    """Hash of everything that decides the shard's index: pages, their indexed text, options."""
    digest = hashlib.sha256(json.dumps([version("pagefind-bin"), *flags]).encode())
    for name in sorted(bodies):
        digest.update(name.encode() + b"\0" + bodies[name].encode() + b"\0")
    return digest.hexdigest()


def write_site(site: Path, bodies: dict[str, str]) -> None:
    """Each page reduced to its indexed element, at the same relative URL: Pagefind writes the
    same index as from the whole page (checked byte for byte) and parses less."""
    for name, body in bodies.items():
        page = site / name
        page.parent.mkdir(parents=True, exist_ok=True)
        if body.startswith("data-pagefind-body"):
            body = f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body><article {body}</body></html>'
        page.write_text(body, encoding="utf-8")


def command(site: Path, target: Path, options: dict) -> list[str]:
    from pagefind_bin import get_executable

    excluded = [arg for selector in options["exclude_selectors"] for arg in ("--exclude-selectors", selector)]
    return [str(get_executable()), "--site", str(site), "--output-path", str(target),
            "--force-language", options["language"], "--quiet", *excluded]


def run_pagefind(command_line: list[str]) -> None:
    """The external step, in its own function so tests can call it directly."""
    result = subprocess.run(command_line, capture_output=True, text=True)
    if result.returncode != 0:
        raise PagefindError(result.stderr.strip() or result.stdout.strip())


def _link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def index_shard(output: Path, shard: Shard, target: Path, options: dict, cache: Path | None) -> bool:
    """Write the shard's index to ``target``; True when Pagefind ran, False when cached."""
    bodies = indexed_text(output, shard)
    if cache:   # scratch space beside the cache: the new index is moved there, not copied
        cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-shard-", dir=cache) as tmp:
        site, index = Path(tmp) / "site", Path(tmp) / "index"
        command_line = command(site, index, options)
        stamp = fingerprint(bodies, command_line[5:])
        cached = cache / shard.key if cache else None
        if cached and (cached / ".fingerprint").is_file() \
                and (cached / ".fingerprint").read_text() == stamp:
            shutil.copytree(cached, target, copy_function=_link_or_copy, dirs_exist_ok=True)
            return False
        write_site(site, bodies)
        run_pagefind(command_line)
        canonicalise(index)   # Pagefind 1.5 writes filter indexes in random order
        (index / ".fingerprint").write_text(stamp)
        if cached:
            shutil.rmtree(cached, ignore_errors=True)
            os.replace(index, cached)
            index = cached
        shutil.copytree(index, target, copy_function=_link_or_copy, dirs_exist_ok=True)
        return True


def _entry(shard: Shard) -> dict:
    return {"key": shard.key, "path": f"{shard.key}/", "pages": len(shard.files)}


def write_manifest(folder: Path, shards: list[Shard], newest: Shard | None) -> None:
    """What search.js reads: the recent shard and the shards newest first, with page counts."""
    data = {"recent": _entry(newest) if newest else None, "shards": [_entry(s) for s in shards]}
    (folder / MANIFEST).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


_PAGEFIND_SCRIPT = re.compile(r'<link rel="modulepreload" href="([^"]*)/pagefind/pagefind\.js">')


def preload_first_tier(page: Path, folder: Path, key: str) -> None:
    """Let the search page fetch the first tier's WebAssembly and metadata while it parses,
    instead of after pagefind.js has read the tier's entry file (their names are only known
    once the tier is indexed). The page marks where: its modulepreload of pagefind.js."""
    if not page.is_file() or not (folder / key / "pagefind-entry.json").is_file():
        return
    html = page.read_text(encoding="utf-8")
    found = _PAGEFIND_SCRIPT.search(html)
    if not found:
        return
    entry = json.loads((folder / key / "pagefind-entry.json").read_text(encoding="utf-8"))
    language = next(iter(entry["languages"].values()))
    base = f"{found.group(1)}/{folder.name}/{key}/"
    if f'href="{base}' in html:   # already added (a page Pelican did not rewrite)
        return
    links = "".join(f'\n<link rel="preload" href="{base}{name}" as="fetch" crossorigin>' for name in (
        f"wasm.{language['wasm'] or 'unknown'}.pagefind", f"pagefind.{language['hash']}.pf_meta"))
    page.write_text(html[:found.end()] + links + html[found.end():], encoding="utf-8")
