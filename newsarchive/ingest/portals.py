"""Portal rules, kept as data: one YAML file per portal in ``portals/``.

``generic.yaml`` is the base every portal extends; a portal file adds lines to
its lists and may set its single values. Adding a portal means adding a file
(and fixtures), no Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path

from ..vietnamese import nfc
from .rulefile import RuleError, load as _load_yaml

RULES_DIR = Path(__file__).with_name("portals")
LIST_KEYS = ("tail_markers", "meta_labels", "byline_prefixes", "source_prefixes",
             "not_authors", "caption_prefixes", "outlet_prefixes")
FIELDS = ("title", "date", "author", "category", "portal")
TAIL_LABEL = 60     # characters: a tail marker is a short heading, or a short label before ":"


@dataclass(slots=True)
class Rules:
    id: str
    name: str
    province: str | None = None
    district: str | None = None
    identify: list[re.Pattern] = field(default_factory=list)
    debris_lines: frozenset[str] = frozenset()
    debris_patterns: re.Pattern | None = None   # every debris pattern as one alternation: one search a line
    inline_debris: list[re.Pattern] = field(default_factory=list)
    title_debris: list[re.Pattern] = field(default_factory=list)
    tail_markers: frozenset[str] = frozenset()
    meta_labels: list[str] = field(default_factory=list)
    meta_pattern: re.Pattern | None = None    # the labels as one expression
    byline_prefixes: list[str] = field(default_factory=list)
    source_prefixes: list[str] = field(default_factory=list)
    not_authors: frozenset[str] = frozenset()
    caption_prefixes: list[str] = field(default_factory=list)
    outlet_prefixes: list[str] = field(default_factory=list)
    names: tuple[str, ...] = ()               # how the page text names this outlet ("NSHN", a banner line)
    dateline: re.Pattern | None = None
    hosts: tuple[str, ...] = ()
    html: dict = field(default_factory=dict)   # CSS selectors: identify, title, date, author, section, body, remove
    priorities: dict = field(default_factory=dict)   # field -> candidate sources, best first (decide.py)

    def is_debris(self, line: str) -> bool:
        text = line.strip()
        if text.casefold() in self.debris_lines:
            return True
        return self.debris_patterns is not None and self.debris_patterns.search(text) is not None

    def strip_inline(self, line: str) -> str:
        for pattern in self.inline_debris:      # one by one: each keeps its own fast literal scan
            line = pattern.sub(" ", line)
        return line

    def clean_title(self, title: str) -> str:
        """The headline without the outlet's name tacked on ("... - VnExpress")."""
        for pattern in self.title_debris:
            title = pattern.sub("", title).strip()
        return title

    def is_tail_marker(self, line: str) -> bool:
        """"Các tin khác", "Tin liên quan:", "Từ khóa: hội nghị, Đảng bộ" start another list."""
        text = line[:TAIL_LABEL].strip().rstrip(":").casefold()
        if len(line) <= TAIL_LABEL and text in self.tail_markers:
            return True
        label, colon, _ = text.partition(":")
        return bool(colon) and label.strip() in self.tail_markers

    @property
    def known(self) -> bool:
        """A portal with its own rule file (not the generic rules)."""
        return self.id != "unknown"


def _compile(pattern: str) -> re.Pattern:
    return re.compile(nfc(pattern), re.IGNORECASE)   # rulefile.load has checked that it compiles


def _html_rules(data: dict) -> dict:
    """The ``html:`` block (selectors checked by rulefile.load): a list for identify and remove,
    the first selector for the others."""
    checked = {}
    for key, value in (data.get("html") or {}).items():
        selectors = value if isinstance(value, list) else [value]
        checked[key] = list(selectors) if key in ("identify", "remove") else selectors[0]
    return checked


def _priorities(base: dict, data: dict) -> dict:
    """The generic table with the fields a portal file sets replaced: a portal states a whole order."""
    table = {**(base.get("priorities") or {}), **(data.get("priorities") or {})}
    return {key: tuple(sources) for key, sources in table.items()}


def _build(base: dict, data: dict, path: Path) -> Rules:
    def merged(key: str) -> list:
        return list(base.get(key) or []) + list(data.get(key) or [])

    debris_base, debris = base.get("debris") or {}, data.get("debris") or {}
    lines = list(debris_base.get("lines") or []) + list(debris.get("lines") or [])
    patterns = list(debris_base.get("patterns") or []) + list(debris.get("patterns") or [])
    inline = list(debris_base.get("inline") or []) + list(debris.get("inline") or [])
    dateline = data.get("dateline", base.get("dateline"))
    return Rules(
        id=data["id"],
        name=nfc(data.get("name") or data["id"]),
        province=data.get("province"),
        district=data.get("district"),
        identify=[_compile(p) for p in data.get("identify") or []],
        debris_lines=frozenset(nfc(str(x)).strip().casefold() for x in lines),
        debris_patterns=_compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None,
        inline_debris=[_compile(p) for p in inline],
        title_debris=[_compile(p) for p in merged("title_debris")],
        tail_markers=frozenset(nfc(x).casefold() for x in merged("tail_markers")),
        meta_labels=[nfc(x) for x in merged("meta_labels")],
        meta_pattern=re.compile("|".join(re.escape(nfc(x)) for x in sorted(merged("meta_labels"), key=len,
                                                                          reverse=True)), re.IGNORECASE)
        if merged("meta_labels") else None,
        byline_prefixes=[nfc(x) for x in merged("byline_prefixes")],
        source_prefixes=[nfc(x) for x in merged("source_prefixes")],
        not_authors=frozenset(nfc(x).casefold() for x in merged("not_authors")),
        caption_prefixes=[nfc(x) for x in merged("caption_prefixes")],
        outlet_prefixes=[nfc(x) for x in merged("outlet_prefixes")],
        names=tuple(nfc(x) for x in data.get("names") or []),
        dateline=_compile(dateline) if dateline else None,
        hosts=tuple(str(h).lower().removeprefix("www.") for h in data.get("hosts") or []),
        html=_html_rules(data),
        priorities=_priorities(base, data),
    )


@cache
def load_all(rules_dir: Path | None = None) -> tuple[Rules, tuple[Rules, ...]]:
    """(generic rules, portal rules sorted by id); RuleError names the file and line of a mistake."""
    rules_dir = rules_dir or RULES_DIR
    generic_path = rules_dir / "generic.yaml"
    base = _load_yaml(generic_path)
    generic = _build({}, base, generic_path)
    portals = tuple(
        _build(base, _load_yaml(path), path)
        for path in sorted(rules_dir.glob("*.yaml"))
        if path.name != "generic.yaml"
    )
    return generic, portals


def by_id(portal_id: str) -> Rules | None:
    generic, portals = load_all()
    for rules in portals:
        if rules.id == portal_id:
            return rules
    return None


def identify(lines: list[str], host: str | None = None, head_size: int = 12) -> Rules:
    """The portal all of whose signatures match the first lines (the most signatures when several
    do); else generic. A portal that names its hosts is not one of a page whose host is another:
    its signatures (a date line's form) may be shared by sites it does not cover."""
    generic, portals = load_all()
    head = list(islice((s for s in map(str.strip, lines) if s), head_size))
    best, best_score = generic, 0
    for rules in portals:
        if host and rules.hosts:      # by_host found none of these serving it
            continue
        score = len(rules.identify)
        if score > best_score and all(any(p.search(line) for line in head) for p in rules.identify):
            best, best_score = rules, score
    return best


_HOSTS: dict = {}


def _hosts() -> dict[str, Rules]:
    """Host -> the portal serving it, made once per loading of the rule files."""
    _, portals = load_all()
    if _HOSTS.get("of") is not portals:
        _HOSTS.update(of=portals, hosts={host: rules for rules in reversed(portals) for host in rules.hosts})
    return _HOSTS["hosts"]


def by_host(host: str | None) -> Rules | None:
    """The portal serving ``host`` (or one of its subdomains)."""
    if not host:
        return None
    hosts, labels = _hosts(), host.lower().removeprefix("www.").split(".")
    return next((hosts[name] for name in (".".join(labels[i:]) for i in range(len(labels))) if name in hosts), None)


def identify_html(soup) -> Rules:
    """The portal (or CMS) whose ``html.identify`` selectors all match; else generic."""
    generic, portals = load_all()
    for rules in portals:
        selectors = rules.html.get("identify")
        if selectors and all(soup.select_one(s) is not None for s in selectors):
            return rules
    return generic


def portal_names(rules_dir: Path | None = None) -> dict[str, str]:
    """Portal id -> display name, for the site: read from the rule files as ``load_all``
    names them, without compiling their patterns (pelicanconf reads this at every build)."""
    names = {}
    for path in sorted((rules_dir or RULES_DIR).glob("*.yaml")):
        if path.name != "generic.yaml":
            data = _load_yaml(path)
            names[data["id"]] = nfc(data.get("name") or data["id"])
    return names
