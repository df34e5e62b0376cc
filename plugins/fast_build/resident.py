"""What a build process that stays (``make devserver``) keeps from one build to the next.

A build run by ``devserver`` in the same process as the last one (``ACTIVE``):

* takes the articles read last time from memory (``remember`` at ``article_generator_finalized``,
  ``recall`` at ``article_generator_init``) instead of unpickling the whole content cache again;
  Pelican compares each one's stamp with its file's as for any cached article, so only the
  files that changed are read;
* saves the content cache in a forked child (``in_background``), not while the editor waits;
* remembers each page it recorded (``Job``), so that ``render_now`` can render an edited
  article's page the moment it is saved, with the templates and context of the last build
  and the article read again, before the whole build that follows brings every other page,
  the listings and the search index up to date.
"""

from __future__ import annotations

import logging
import os
import signal

from .pelican_internals import cached_entries, read_article, set_context

logger = logging.getLogger(__name__)

ACTIVE = False
_MEMO: dict[str, tuple] = {}        # file (as Pelican names it) -> (stamp, article), last build's
_JOBS: dict[str, object] = {}       # output path -> the Job that wrote it, last build's
_LAST: dict[str, object] = {}       # "generator": the last ArticlesGenerator, "writer": its writer
_CHILDREN: list[int] = []


def remember(generator) -> None:
    """``article_generator_finalized``: the articles of this build, for the next one."""
    if ACTIVE:
        _MEMO.clear()
        _MEMO.update(cached_entries(generator))
        _LAST["generator"] = generator


def recall(generator) -> int:
    """``article_generator_init``: last build's articles into this generator's cache."""
    if not (ACTIVE and _MEMO):
        return 0
    entries = cached_entries(generator)
    for name, entry in _MEMO.items():
        entries.setdefault(name, entry)
    return len(_MEMO)


def remember_jobs(writer, jobs) -> None:
    if ACTIVE:
        _JOBS.clear()
        _JOBS.update((job.name, job) for job in jobs)
        _LAST["writer"] = writer


def in_background(work) -> bool:
    """Run ``work()`` in a forked child and return at once (True); False: not resident, not run."""
    if not ACTIVE or not hasattr(os, "fork"):
        return False
    reap()
    pid = os.fork()
    if pid == 0:   # the child: its own copy of everything, gone when the work is done
        signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C stops the server, not a save halfway
        code = 0
        try:
            work()
        except BaseException:  # noqa: BLE001 - a cache not saved is a cache read again next time
            code = 1
        finally:
            os._exit(code)
    _CHILDREN.append(pid)
    return True


def reap(wait: bool = False) -> None:
    for pid in list(_CHILDREN):
        try:
            done, _ = os.waitpid(pid, 0 if wait else os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            _CHILDREN.remove(pid)


def _later_fields(old) -> dict:
    """What the last build set on an article after it was read (neighbours, related, documents)."""
    read = vars(old).get("_read_fields", frozenset())
    return {name: value for name, value in vars(old).items()
            if name not in read and not name.startswith(("_read", "_remembered"))}


def render_now(relative_name: str, output):
    """Read ``relative_name`` (a file of the content folder) again and render its article's page
    into ``output`` (the site served) at once, with the last build's templates and context.
    Returns the page's output path, or None (not an article page of the last build, or the file
    cannot be read: the build that follows reports it)."""
    generator, writer = _LAST.get("generator"), _LAST.get("writer")
    entry = _MEMO.get(relative_name)
    if generator is None or writer is None or entry is None:
        return None
    old = entry[1]
    job = _JOBS.get(getattr(old, "save_as", None))
    if job is None:
        return None
    new = read_article(generator, relative_name)
    if new is None:
        return None
    set_context(new, generator.settings, generator.context)
    for name, value in _later_fields(old).items():
        vars(new).setdefault(name, value)
    name = new.save_as
    if name != job.name:   # the address changed: the whole build writes it
        return None
    kwargs = {**job.kwargs, "article": new, "category": getattr(new, "category", None)}
    writer.render_one(type(job)(job.name, job.template, job.context, job.relative_urls, job.override_output,
                                kwargs), output)
    return name
