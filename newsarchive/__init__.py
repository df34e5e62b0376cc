"""The news archive's command line: ingest raw scrapes, check and scaffold articles.

This package never imports Pelican: the site's plugins import it, not the reverse.
"""

__version__ = "0.1.0"
