"""Keep pages whose key did not change from the published output instead of rendering them.

With ``PUBLISHED_PATH`` set (``make html``: the live ``output/``, while Pelican writes
into ``output.new/``), a page of a ``cached_templates`` template whose key (``keys``)
equals the key of the page now published there is not rendered nor written: its path
goes into ``<output>/.kept``, and ``commit.py`` keeps that file when it moves the new
ones in. The keys of a build are stored in ``CACHE_PATH/pages/<id>.json``; the output
carries ``.build-id`` = ``<id>``, so keys are only trusted for the output they describe
(a deleted cache, a different output or an interrupted commit: every page is rendered).

``PUBLISHED_PATH`` = the output itself (``make devserver``, which writes in place) keeps
an unchanged page where it is; ``.build-id`` is removed when such a build starts and
written when it ends, so a build stopped halfway leaves keys trusted for nothing. The
folders and markers are ``newsarchive.site.staging``'s, shared with pagefind_search and
``commit.py``.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from newsarchive.site.staging import Staging

from .keys import PageKeys, Unkeyable, code_digest, folder_digest

logger = logging.getLogger(__name__)


class Reuse:
    def __init__(self, settings: dict, staging: Staging, options: dict):
        self.staging = staging
        # In place (``make devserver``): the output is the published site, kept pages stay
        # where they are, and no marker says what it holds until this build is done.
        self.published = staging.live
        self.templates = set(options["cached_templates"])
        self.store = Path(settings["CACHE_PATH"]) / "pages"
        self.previous_build = staging.published_build()
        self.previous = self._previous_keys()
        if staging.in_place:
            staging.unmark_build()
        theme = [settings["THEME"], *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
        self.keys = PageKeys(code_digest() + folder_digest(theme), options["unused_variables"],
                             options["check_read_digests"])
        self.current: dict[str, str] = {}
        self.kept: list[str] = []

    def _previous_keys(self) -> dict[str, str]:
        if not self.previous_build:
            return {}
        try:
            return json.loads((self.store / f"{self.previous_build}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def key_of(self, job) -> str | None:
        template = job.template.name.rsplit(".", 1)[0]
        if template not in self.templates or job.override_output:
            return None
        try:
            key = self.keys.key(job.name, template, job.context, job.relative_urls, job.kwargs)
        except (Unkeyable, RecursionError, TypeError) as exc:   # no stable description: render it
            logger.debug("%s: luôn dựng lại (%s)", job.name, exc)
            return None
        self.current[job.name] = key
        return key

    def feed_key(self, path: str, feed_type: str, context: dict, items: list, url, title) -> str | None:
        """A feed's key: its path, type, title and URL, the settings, and each item as listed."""
        if "feed" not in self.templates:
            return None
        try:
            key = self.keys.key(path, f"feed:{feed_type}", context, False,
                                {"items": list(items), "url": url, "title": title})
        except (Unkeyable, RecursionError, TypeError) as exc:
            logger.debug("%s: luôn viết lại (%s)", path, exc)
            return None
        self.current[path] = key
        return key

    def unchanged(self, name: str, key: str | None) -> bool:
        if key is None or self.previous.get(name) != key or not (self.published / name).is_file():
            return False
        self.kept.append(name)
        return True

    def save(self) -> None:
        """Store this build's keys and mark the output with them; list the pages kept."""
        if not self.current:
            return
        data = json.dumps(self.current, sort_keys=True, separators=(",", ":"))
        build = hashlib.blake2b(data.encode(), digest_size=16).hexdigest()
        self.store.mkdir(parents=True, exist_ok=True)
        for old in self.store.glob("*.json"):   # the published build's keys stay until the next
            if old.stem not in (build, self.previous_build):
                old.unlink()
        (self.store / f"{build}.json").write_text(data, encoding="utf-8")
        self.staging.mark_build(build)
        self.staging.keep(self.kept)
        logger.info("Giữ nguyên %d trang không đổi, dựng %d trang",
                    len(self.kept), len(self.current) - len(self.kept))
