"""Defaults of the archive_reader plugin's settings (prefix ``ARCHIVE_READER_``)."""

DEFAULTS = {
    # Stop the build process on content errors (SystemExit, no traceback). The
    # devserver sets it false so that its autoreload loop survives a bad save.
    "ARCHIVE_READER_FATAL": True,
}
