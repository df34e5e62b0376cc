"""A build that stops says why in one Vietnamese line, never with a traceback.

Pelican's ``main`` logs the exception that stopped a build at CRITICAL with its traceback
(``exc_info``), which rich prints in full. A filter on Pelican's logger (Python's logging,
the public way to shape what a logger prints) prints one line to stderr instead, as
archive_reader prints an article's errors: what failed and where
(``newsarchive.site.errors.one_line``; plugins raise ``BuildFailure`` with the file named),
the build's output and cache folders, and, for a staged build (``make html``), that the
published site is as it was. ``pelican --debug`` still shows the traceback.
"""

from __future__ import annotations

import logging
import sys

from pelican import signals

from newsarchive.site.errors import one_line
from newsarchive.site.staging import Staging

PELICAN_LOGGER = "pelican"   # pelican/__init__.py: logging.getLogger(__name__)


class OneLine(logging.Filter):
    def __init__(self):
        super().__init__()
        self.where = ""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if record.levelno >= logging.CRITICAL and error is not None:
            print(f"Dừng dựng trang: {one_line(error)}{self.where}", file=sys.stderr)
            return False
        return True


FILTER = OneLine()


def describe_build(pelican_object) -> None:
    """``initialized``: what the line says about where the build writes."""
    settings = pelican_object.settings
    staging = Staging.of(settings)
    where = f" (thư mục dựng {staging.output}, bộ nhớ đệm {settings.get('CACHE_PATH')})"
    if staging.published is not None and staging.published.is_dir():
        where += f"; {staging.published} vẫn là bản đã xuất bản trước"
    FILTER.where = where


def register():
    logger = logging.getLogger(PELICAN_LOGGER)
    if FILTER not in logger.filters:
        logger.addFilter(FILTER)
    signals.initialized.connect(describe_build)
