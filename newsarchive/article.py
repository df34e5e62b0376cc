"""The article file: the contract every part of the archive shares.

``content/articles/YYYY/MM/<slug>.md``: UTF-8 (NFC), YAML front matter between
``---`` lines, then a Markdown body. Ingest and ``new`` write it through
:func:`render`; ``check`` and the Pelican reader read it through
:mod:`newsarchive.frontmatter`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from .vietnamese import nfc

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")



@dataclass(frozen=True, slots=True)
class Key:
    """One front-matter key: its type (a name in ``newsarchive.frontmatter.TYPES``), whether
    every article needs it, and how editors are told about it (Vietnamese)."""
    type: str
    required: bool = False
    label: str = ""       # what the key is, in the editors' words
    hint: str = ""        # added to the "missing" message


# The closed set of front-matter keys, in the order they are written. Anything else in an
# article is an error in ``check`` and the build (Pelican's save_as, url, template, status...
# would otherwise be honoured as written). Adding a key: one line here with its type, and a
# line in docs/huong-dan-bien-tap.md; the reader passes it to Pelican as text unless
# plugins/archive_reader converts it.
KEYS: dict[str, Key] = {
    "title": Key("line", required=True, label="tiêu đề"),
    "date": Key("date", required=True, label="ngày đăng", hint="ví dụ: 2024-05-01T08:00:00+07:00"),
    "author": Key("line", label="tác giả"),
    "tags": Key("tags", required=True, label="danh sách thẻ", hint="để trống thì ghi: tags: []"),
    "category": Key("line", label="chuyên mục"),
    "portal": Key("portal", required=True, label="nguồn", hint="bài biên tập viên viết thì ghi: portal: editor"),
    # How readers see a portal that has no rule file (ingest: from the page's dateline or site name).
    "portal_name": Key("line", label="tên nguồn"),
    "summary": Key("text", label="tóm tắt"),
    "slug": Key("slug", required=True, label="đường dẫn"),
    "source_url": Key("url", label="địa chỉ bài gốc"),
    "raw_name": Key("line", label="tên tệp gốc"),
    "raw_sha256": Key("sha256", label="mã SHA-256 của tệp gốc"),
    # The fields the archivist gave by hand on a re-run from quarantine (ingest --given).
    "by_hand": Key("by_hand", label="các trường nhập tay"),
    # An editor takes an article off the site and says why: no page, no listing, no search;
    # the file stays, so a re-run of ingest over the same scrape does not bring it back.
    "withdrawn": Key("line", label="lý do gỡ bài"),
    # Old addresses that lead to the article (plugins/legacy_links): paths or http(s) addresses.
    "aliases": Key("aliases", label="các địa chỉ cũ"),
    # Ingested photos (in the body as /images/YYYY/MM/<hash>.<ext>): each one's address on the old site.
    "images": Key("images", label="địa chỉ gốc của ảnh"),
    # Photos the saved page did not have: their old address and caption (never linked to).
    "missing_images": Key("missing_images", label="ảnh không có trong trang đã lưu"),
    # Documents attached to the article (shown under it as "Văn bản đính kèm").
    "attachments": Key("attachments", label="văn bản đính kèm"),
}
FIELDS = tuple(KEYS)
BY_HAND_FIELDS = ("title", "date", "author", "portal")   # what ingest --given may set
REQUIRED = tuple(name for name, key in KEYS.items() if key.required)


@dataclass(slots=True)
class Article:
    title: str
    date: datetime
    slug: str
    portal: str
    body: str
    author: str | None = None
    tags: list[str] = field(default_factory=list)
    category: str | None = None
    summary: str | None = None
    source_url: str | None = None
    raw_name: str | None = None
    raw_sha256: str | None = None
    portal_name: str | None = None     # how readers see a portal that has no rule file
    by_hand: list[str] = field(default_factory=list)   # fields the archivist gave by hand (ingest --given)
    images: list[dict] = field(default_factory=list)           # {src, original}
    missing_images: list[dict] = field(default_factory=list)   # {url, caption}
    attachments: list[dict] = field(default_factory=list)      # {name, type, file, size, original}
    media: list = field(default_factory=list)       # ingest: the report's line for each picture and document
    copies: list = field(default_factory=list)      # ingest: (saved file, images/YYYY/MM/name) to copy in
    links: list = field(default_factory=list)       # ingest: (text, address) of links to the mirror's other pages

    @property
    def relative_path(self) -> Path:
        """Where the file lives under ``content/articles``."""
        return Path(f"{self.date:%Y}", f"{self.date:%m}", f"{self.slug}.md")


def format_iso(moment: datetime) -> str:
    """ISO 8601 in the archive's zone: 2019-07-16T00:00:00+07:00."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TIMEZONE)
    return moment.astimezone(TIMEZONE).isoformat(timespec="seconds")


# A string YAML writes as it is (plain style), as PyYAML's emitter decides it
# (``Emitter.analyze_scalar``): printable characters and no line break, no space at
# either end, no document marker or indicator at the start, no ": " or " #" inside.
_PRINTABLE = "\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe"
_BLOCK_PLAIN = re.compile(
    rf"(?!---|\.\.\.|[#,\[\]{{}}&*!|>'\"%@`]|[?:-](?: |$)| )(?!.*(?:: | #|:$| $))[{_PRINTABLE}]+"
)
_ONE_LINE = re.compile(f"[{_PRINTABLE}]*")     # else YAML may use double quotes
_FLOW_INDICATOR = re.compile(r"[,?\[\]{}:]")
_RESOLVER = yaml.resolver.Resolver()


def _plain(value: str, flow: bool) -> bool:
    """True when ``yaml.safe_dump`` writes ``value`` unquoted, exactly as it is."""
    return (_BLOCK_PLAIN.fullmatch(value) is not None
            and not (flow and _FLOW_INDICATOR.search(value))
            and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == yaml.resolver.Resolver.DEFAULT_SCALAR_TAG)


def _yaml_scalar(value) -> str:
    dumped = yaml.safe_dump(
        value, allow_unicode=True, default_flow_style=True, width=1 << 30, sort_keys=False
    )
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _string(value, flow: bool) -> str | None:
    """How ``yaml.safe_dump`` writes a one-line printable string: plain, else in single quotes
    (a quote doubled); None for anything else (line breaks, control characters: YAML decides)."""
    if type(value) is not str:
        return None
    if _plain(value, flow):
        return value
    return "'" + value.replace("'", "''") + "'" if _ONE_LINE.fullmatch(value) else None


def _scalar(value) -> str:
    """One YAML value on one line, quoted only when YAML needs it.

    Strings and lists of strings skip the emitter (a fifth of ingest time
    otherwise): the result is byte-identical to ``yaml.safe_dump``."""
    if value is None:
        return "null"
    written = _string(value, flow=False)
    if written is None and type(value) is list:
        items = [_string(v, flow=True) for v in value]
        written = None if None in items else "[" + ", ".join(items) + "]"
    return _yaml_scalar(value) if written is None else written


def _block_list(key: str, items: list[dict]) -> list[str]:
    """A list of small mappings in YAML's block style, one key a line (editors read them)."""
    lines = [f"{key}:"]
    for item in items:
        for number, (name, value) in enumerate((n, v) for n, v in item.items() if v is not None):
            lines.append(("- " if number == 0 else "  ") + f"{name}: {_scalar(value)}")
    return lines


def render(article: Article) -> str:
    """The file's full text, byte-stable for the same article."""
    values = {
        "title": article.title,
        "date": None,
        "author": article.author,
        "tags": list(article.tags),
        "category": article.category,
        "portal": article.portal,
        "portal_name": article.portal_name,
        "summary": article.summary,
        "slug": article.slug,
        "source_url": article.source_url,
        "raw_name": article.raw_name,
        "raw_sha256": article.raw_sha256,
        "by_hand": list(article.by_hand) or None,
    }
    records = {"images": article.images, "missing_images": article.missing_images,
               "attachments": article.attachments}
    lines = ["---"]
    for key in FIELDS:
        value = values.get(key)   # keys only editors write (withdrawn) are not in Article
        if key == "date":
            lines.append(f"date: {format_iso(article.date)}")
        elif records.get(key):
            lines += _block_list(key, records[key])
        elif key == "author" or value not in (None, ""):
            lines.append(f"{key}: {_scalar(value)}")
    lines.append("---")
    body = article.body.strip("\n")
    return nfc("\n".join(lines) + "\n\n" + body + "\n")
