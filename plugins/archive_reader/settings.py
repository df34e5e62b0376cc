"""Defaults of the archive_reader plugin's settings (prefix ``ARCHIVE_READER_``)."""

DEFAULTS = {
    # Stop the build process on content errors (SystemExit, no traceback). The
    # devserver sets it false so that its autoreload loop survives a bad save.
    "ARCHIVE_READER_FATAL": True,
    # How bodies are rendered: a markdown-it-py preset, the rules enabled on top of it and
    # mdit-py-plugins by module name (CommonMark, GitHub's tables, footnotes; markdown_body.py).
    "ARCHIVE_READER_MARKDOWN": {"preset": "commonmark", "enable": ["table"], "plugins": ["footnote"]},
}
