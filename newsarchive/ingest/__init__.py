"""``newsarchive ingest``: raw scrapes in, one Markdown article per input out."""

from .batch import Report, run
from .pipeline import Options, Quarantine, process

__all__ = ["Options", "Quarantine", "Report", "process", "run"]
