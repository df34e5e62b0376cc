"""Render and write pages in parallel, byte for byte as Pelican's own Writer would.

``ParallelWriter.write_file`` only records each call while the generators run.
``FlushGenerator``, the last generator before the static files, then replays the
calls: split by output path (every write of one file stays in one process, in
its original order, so Pelican's overwrite checks keep their meaning), rendered
by forked workers that share the finished context, written, and only then is
``content_written`` sent, here, in the original order (the sitemap listens).
Feeds and paginated templates are written at once, as Pelican does, and so is
every page a generator asks for after the flush (one a plugin listed after
``fast_build`` adds runs later): nothing recorded is left unwritten.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from newsarchive.site.errors import cannot_write
from newsarchive.site.options import merged
from newsarchive.site.staging import Staging

from . import resident
from .forking import available_cores, fork_map
from .pelican_internals import local_context, written_at_once
from .reuse import Reuse
from .settings import DEFAULTS


@dataclass(slots=True)
class Job:
    name: str
    template: object
    context: dict
    relative_urls: bool
    override_output: bool
    kwargs: dict


def options_of(settings) -> dict:
    return merged("FAST_BUILD", DEFAULTS, settings.get("FAST_BUILD"))


def processes_of(settings) -> int:
    wanted = options_of(settings)["processes"]
    return wanted if wanted > 0 else available_cores()


class ParallelWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.jobs: list[Job] = []
        self.flushed = False   # after the flush, pages are written when asked for
        self._reuse: Reuse | None | bool = False   # made at the first page or feed that may be kept

    def reuse(self) -> Reuse | None:
        """What the published site holds that this build may keep (None: nothing is kept)."""
        if self._reuse is False:
            staging = Staging.of(self.settings)
            self._reuse = Reuse(self.settings, staging, options_of(self.settings)) if staging.keeps_pages else None
        return self._reuse

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None):
        """A feed whose items and settings are those of the feed published there is kept, as a page."""
        reuse = self.reuse()
        if path and reuse is not None:
            items = elements[: self.settings["FEED_MAX_ITEMS"]]
            if reuse.unchanged(path, reuse.feed_key(path, feed_type, context, items, url, feed_title)):
                return None
        try:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        except OSError as error:
            raise cannot_write(sanitised_join(self.output_path, path or ""), error) from None

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if self.flushed or written_at_once(self.settings, name, template_name, paginated, kwargs):
            try:
                return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                          override_output, url, **kwargs)
            except OSError as error:
                raise cannot_write(sanitised_join(self.output_path, name), error) from None
        self.jobs.append(Job(name, template, context, relative_urls, override_output, kwargs))
        return None

    def _render(self, jobs: list[Job]) -> None:
        with signals.content_written.muted():  # sent by flush, in order, once every file exists
            for job in jobs:
                try:
                    Writer.write_file(self, job.name, job.template, job.context, job.relative_urls,
                                      {}, None, job.override_output, None, **job.kwargs)
                except OSError as error:
                    raise cannot_write(sanitised_join(self.output_path, job.name), error) from None

    def render_one(self, job: Job, output) -> None:
        """Render ``job`` into ``output`` now, with a writer of its own (this one refuses a file
        written twice)."""
        type(self)(str(output), settings=self.settings)._render([job])

    def _keep_or_render(self, jobs: list[Job], reuse: Reuse | None) -> tuple[list, list[str]]:
        """Key each page; render those whose key changed. Returns (keys, pages kept), as a
        forked worker's work must come back to the parent."""
        keys = [reuse.key_of(job) for job in jobs] if reuse else [None] * len(jobs)
        self._render([job for job, key in zip(jobs, keys) if not (reuse and reuse.unchanged(job.name, key))])
        return keys, reuse.kept if reuse else []

    def flush(self, options: dict) -> int:
        """Write every recorded page whose key changed; returns how many processes did.

        Pages are split by output path among the processes, which key them (a no-change
        build of 100,000 articles spends seconds there) and render the changed ones."""
        jobs, self.jobs, self.flushed = self.jobs, [], True
        resident.remember_jobs(self, jobs)
        reuse = self.reuse()
        processes = processes_of(self.settings)
        if processes < 2 or len(jobs) < options["min_items"]:
            chunks = [jobs]
        else:
            chunks = [[] for _ in range(processes)]
            for job in jobs:
                chunks[zlib.crc32(job.name.encode()) % processes].append(job)
            chunks = [chunk for chunk in chunks if chunk]
        keyed: dict[int, str | None] = {}   # id(job) -> key
        kept: list[str] = []
        for chunk, (keys, chunk_kept) in zip(chunks, fork_map(lambda chunk: self._keep_or_render(chunk, reuse),
                                                               chunks)):
            keyed.update((id(job), key) for job, key in zip(chunk, keys))
            kept += chunk_kept
        keys = [keyed.get(id(job)) for job in jobs]
        if reuse:   # what the workers' copies of it found (with the feeds, keyed before the flush)
            reuse.current.update((job.name, key) for job, key in zip(jobs, keys) if key)
            reuse.kept = list(dict.fromkeys([*reuse.kept, *kept]))
            reuse.save()
        for job, key in zip(jobs, keys):
            signals.content_written.send(sanitised_join(self.output_path, job.name),
                                         context=self._local_context(job, key))
        return len(chunks)

    @staticmethod
    def _local_context(job: Job, key: str | None = None) -> dict:
        """What Pelican's Writer hands to ``content_written`` for this page."""
        local = local_context(job.context, job.name, job.relative_urls, job.kwargs)
        if key:   # pagefind_search knows an unchanged page by it, without reading the page
            local["page_key"] = key
        return local


class FlushGenerator:
    """Runs after the content generators (and before the static files and ``finalized``)."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.settings = settings

    def generate_output(self, writer):
        if isinstance(writer, ParallelWriter):
            writer.flush(options_of(self.settings))
