"""Run a function over chunks of work in forked copies of this process.

Fork (not spawn) is the point: each child starts with everything the build has
built so far -- settings, Jinja environment, every article -- without pickling
it. Only each child's result travels back, pickled through a pipe. Chunk 0 runs
here, so N chunks use N-1 children.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
import sys
import threading
from typing import Callable

from newsarchive.site.errors import BuildFailure

from .pelican_internals import SAFE_THREADS


class WorkerError(BuildFailure):
    """A child failed; its message, never its traceback, is carried back."""


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    # Forking a process with other threads running (Pelican's --listen server, a test's
    # HTTP server) can copy a lock held by one of them: stay serial then.
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    return hasattr(os, "fork") and all(type(t).__name__ in SAFE_THREADS for t in others)


def _plain_logging() -> None:
    """In a child: log without rich's console, whose locks the spinner thread may have held."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if type(handler).__module__.startswith("rich"):
            plain = logging.StreamHandler(sys.stderr)
            plain.setLevel(handler.level)
            plain.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
            for found in handler.filters:
                plain.addFilter(found)
            root.removeHandler(handler)
            root.addHandler(plain)


def _child(func: Callable, chunk, write_fd: int) -> None:
    code = 0
    _plain_logging()
    try:
        payload = pickle.dumps(("ok", func(chunk)), protocol=pickle.HIGHEST_PROTOCOL)
    except BuildFailure as exc:   # already the line a user reads
        payload, code = pickle.dumps(("failure", str(exc))), 1
    except BaseException as exc:  # noqa: BLE001 - reported by the parent, as one line
        payload, code = pickle.dumps(("error", f"{type(exc).__name__}: {exc}")), 1
    try:
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def fork_map(func: Callable, chunks: list) -> list:
    """``[func(chunk) for chunk in chunks]``, the chunks after the first in forked children."""
    if len(chunks) <= 1 or not can_fork():
        return [func(chunk) for chunk in chunks]
    sys.stdout.flush()
    sys.stderr.flush()
    children: list[tuple[int, int]] = []
    # A collection in a child would touch, and so copy, every shared object. The objects
    # stay frozen after: the build's objects live until it ends (see fast_build.py).
    gc.freeze()
    try:
        for chunk in chunks[1:]:
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_fd)
                _child(func, chunk, write_fd)
            os.close(write_fd)
            children.append((pid, read_fd))
        results = [func(chunks[0])]
        while children:
            pid, read_fd = children.pop(0)
            with os.fdopen(read_fd, "rb") as pipe:
                data = pipe.read()
            os.waitpid(pid, 0)
            status, value = pickle.loads(data) if data else ("error", "tiến trình con dừng đột ngột")
            if status == "failure":
                raise BuildFailure(value)
            if status != "ok":
                raise WorkerError(value)
            results.append(value)
        return results
    finally:
        for pid, read_fd in children:  # only after a failure: stop and reap the rest
            os.close(read_fd)
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except OSError:
                pass


def split(items: list, parts: int) -> list[list]:
    """Every ``parts``-th item into one chunk: neighbours (similar cost) spread evenly."""
    return [chunk for chunk in (items[start::parts] for start in range(parts)) if chunk]
