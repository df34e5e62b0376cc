"""The one record a page passes through the stages.

Each stage adds to it: the page's lines, the rules that apply, the lines that are page
furniture, and *candidates* (:class:`decide.Candidate`) for each field. No stage decides a
field; :func:`decide.decide` does, once, from the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
import re

from .decide import Candidate
from .portals import Rules

_HOST = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)")


@dataclass(slots=True)
class Given:
    """What the archivist knows of one file (``--given`` TSV): the page's URL, and values by hand."""
    url: str | None = None
    title: str | None = None
    date: datetime | None = None
    author: str | None = None
    portal: str | None = None

    @property
    def by_hand(self) -> list[str]:
        """The fields given by hand, in front-matter order (the URL is the crawl's, not a value typed)."""
        return [name for name in ("title", "date", "author", "portal") if getattr(self, name)]


@dataclass(slots=True)
class Record:
    raw_name: str
    given: Given = field(default_factory=Given)
    lines: list[str] = field(default_factory=list)        # the page's lines, debris removed
    dated: list = field(default_factory=list)             # per line: (date, timed) of a page-metadata line, or None
    rules: Rules | None = None
    url: str | None = None
    host: str | None = None                               # the URL's host, without www. / m.
    candidates: list[Candidate] = field(default_factory=list)
    furniture: set[int] = field(default_factory=set)      # lines of page furniture: never body
    title_at: int | None = None                            # the title's line, when the text shows it
    site: str | None = None                                # the outlet's site as its mark names it

    def propose(self, name: str, value, source: str, position: int = -1, timed: bool = False,
                span: tuple[int, ...] = ()) -> None:
        if value is not None and value != "":
            self.candidates.append(Candidate(name, value, source, position, timed, span))

    def proposed(self, name: str, source: str | None = None) -> list[Candidate]:
        return [c for c in self.candidates if c.field == name and (source is None or c.source == source)]

    def set_url(self, url: str | None) -> None:
        self.url, self.host = url, None
        found = _HOST.match(url or "")
        if found:
            host = found.group(1).lower()
            for prefix in ("www.", "m."):
                host = host.removeprefix(prefix)
            self.host = host or None
