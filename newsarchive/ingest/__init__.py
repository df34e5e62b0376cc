"""``newsarchive ingest``: raw scrapes in, one Markdown article per input out.

The pipeline (and trafilatura, lxml, ...) is imported on first use: the site build reads
only the portal names (``portals.portal_names``) and should not pay for the rest.
"""

from importlib import import_module

_EXPORTS = {"Report": ".batch", "run": ".batch", "Options": ".pipeline", "Quarantine": ".pipeline",
            "process": ".pipeline"}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
