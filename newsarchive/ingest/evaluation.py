"""How right ingest is on hand-labelled pages: every field of every page, as a reader judges it.

A labelled folder holds ``<name>.txt`` (the page, byte for byte) and ``<name>.yaml`` (its label,
in the form of the labelling guide for portal pages, issue 15). A page is right only when all of
it is:

* ``status``: an article without a ``reason`` must be written; every other page (a non-article,
  or an article whose title or date the text does not show) must be quarantined, and
* ``reason``: with the reason the label names (listing, home, schedule, menu-only, no-title,
  no-date, not-vietnamese, other);
* for a written article: ``title``, ``date`` (the day, and the time when the label has one),
  ``author``, ``portal_name``, ``category``, every ``must_contain`` fragment in the body and no
  ``must_not_contain`` string in it.

Texts are compared as a reader sees them: NFC, runs of white space as one space (a page shows
"a  b" as "a b"), the body as the built page renders its Markdown. Authors are compared without
letter case (a byline set in capitals, "KHÁNH NGUYỄN", credits Khánh Nguyễn); the count of authors
right only that way is reported beside.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from ..vietnamese import nfc

FIELDS = ("status", "reason", "title", "date", "author", "portal_name", "category",
          "must_contain", "must_not_contain")
ARTICLE_FIELDS = FIELDS[2:]
REASONS = ("listing", "home", "schedule", "menu-only", "no-title", "no-date", "not-vietnamese", "other")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|pre|tr|figcaption)>|<br\s*/?>", re.IGNORECASE)


@dataclass(slots=True)
class Outcome:
    """What ingest made of one page."""
    written: bool
    reason: str | None = None          # the reason's class, for a quarantined page
    message: str | None = None
    title: str | None = None
    date: datetime | None = None
    author: str | None = None
    portal_name: str | None = None
    category: str | None = None
    text: str = ""                     # the body as a reader sees it
    seen: dict = field(default_factory=dict)   # a quarantined page: the title, date, author it did show


@dataclass
class Score:
    pages: int = 0
    right: int = 0
    fields: Counter = field(default_factory=Counter)     # field -> pages where it counts
    correct: Counter = field(default_factory=Counter)    # field -> pages where it is right
    errors: Counter = field(default_factory=Counter)     # class of error -> pages
    author_case_only: int = 0                            # authors right only without letter case
    # Author and date over every page the label calls an article, written or not (for a quarantined one,
    # what ingest saw on it, as --todo reports it): how well bylines and dates are read, not published.
    seen: Counter = field(default_factory=Counter)
    seen_right: Counter = field(default_factory=Counter)
    wrong_pages: list = field(default_factory=list)      # (name, [errors]); printed for tuning only

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.fields[name] if self.fields[name] else 1.0

    @property
    def share(self) -> float:
        return self.right / self.pages if self.pages else 0.0


def same_text(a: str | None, b: str | None) -> bool:
    return (a is None) == (b is None) and (a is None or _norm(a) == _norm(b))


def _norm(text: str) -> str:
    return " ".join(nfc(text).split())


def reader_text(markdown: str) -> str:
    """The body as the built page shows it: Markdown rendered (CommonMark), tags dropped."""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(markdown)
    rendered = _BLOCK_END.sub("\n", rendered)
    lines = (_norm(html.unescape(_TAG.sub("", line))) for line in rendered.split("\n"))
    return "\n".join(line for line in lines if line)


def _label_date(value) -> tuple[str, str | None]:
    text = str(value)
    day, _, clock = text.partition("T")
    return day, clock[:5] or None


def compare(label: dict, outcome: Outcome) -> tuple[dict[str, bool], list[str]]:
    """({field: right?} for the fields that count on this page, [classes of error])."""
    publish = label["status"] == "article" and not label.get("reason")
    result, errors = {"status": outcome.written == publish}, []
    if not result["status"]:
        errors.append("published a page to quarantine" if outcome.written else
                      f"quarantined an article ({outcome.reason or 'no reason'})")
    if not publish:
        result["reason"] = not outcome.written and outcome.reason == label["reason"]
        if not outcome.written and not result["reason"]:
            errors.append(f"reason {outcome.reason} for {label['reason']}")
        return result, errors
    if not outcome.written:
        result.update(dict.fromkeys(ARTICLE_FIELDS, False))
        return result, errors
    result["title"] = same_text(outcome.title, label["title"])
    if not result["title"]:
        errors.append("title")
    result["date"] = _date_right(label["date"], outcome.date, errors)
    result["author"] = _same_name(outcome.author, label["author"])
    if not result["author"]:
        errors.append("author: " + ("missing" if outcome.author is None else
                                    "given where the page has none" if label["author"] is None else "wrong name"))
    for name in ("portal_name", "category"):
        result[name] = same_text(getattr(outcome, name), label[name])
        if not result[name]:
            errors.append(f"{name}: " + ("missing" if getattr(outcome, name) is None else
                                          "given where the page has none" if label[name] is None else "wrong"))
    text = _norm(outcome.text.replace("\n", " \n "))
    lost = [t for t in label.get("must_contain") or [] if _norm(str(t)) not in text]
    kept = [t for t in label.get("must_not_contain") or [] if _norm(str(t)) in text]
    result["must_contain"], result["must_not_contain"] = not lost, not kept
    if lost:
        errors.append("text lost")
    if kept:
        errors.append("debris kept")
    return result, errors


def read_right(label: dict, outcome: Outcome) -> dict[str, bool]:
    """Author and date as ingest read them, published or not (dates compared as for articles)."""
    if outcome.written:
        author, moment = outcome.author, outcome.date
    else:
        author = outcome.seen.get("author")
        moment = datetime.fromisoformat(outcome.seen["date"]) if outcome.seen.get("date") else None
    return {"author": _same_name(author, label["author"]), "date": _date_right(label["date"], moment, [])}


def _same_name(ours: str | None, labelled: str | None) -> bool:
    return (ours is None) == (labelled is None) and (
        labelled is None or _norm(ours).casefold() == _norm(labelled).casefold())


def author_case_only(label: dict, outcome: Outcome) -> bool:
    """Right only when letter case is not compared ("Khánh Nguyễn" for "KHÁNH NGUYỄN")."""
    return (outcome.written and label["author"] is not None and _same_name(outcome.author, label["author"])
            and not same_text(outcome.author, label["author"]))


def _date_right(expected, moment: datetime | None, errors: list[str]) -> bool:
    if expected is None:
        if moment is not None:
            errors.append("date: given where the page has none")
        return moment is None
    if moment is None:
        errors.append("date: missing")
        return False
    day, clock = _label_date(expected)
    if moment.strftime("%Y-%m-%d") != day:
        errors.append("date: wrong day")
        return False
    if clock is not None and moment.strftime("%H:%M") != clock:
        errors.append("date: wrong time")
        return False
    return True


def load_labels(folder: Path) -> list[tuple[Path, dict]]:
    """(page, label) for every labelled page of the folder, by name."""
    found = []
    for label_path in sorted(folder.glob("*.yaml")):
        label = yaml.safe_load(label_path.read_text(encoding="utf-8"))
        found.append((folder / label["file"], label))
    return found


def evaluate(folder: Path, run=None, keep_pages: bool = False) -> Score:
    """Score ingest (``run(path, label) -> Outcome``, by default :func:`ingest_page`) on a folder."""
    run = run or ingest_page
    score = Score()
    for path, label in load_labels(folder):
        outcome = run(path, label)
        result, errors = compare(label, outcome)
        score.author_case_only += author_case_only(label, outcome)
        score.pages += 1
        score.right += all(result.values())
        for name, right in result.items():
            score.fields[name] += 1
            score.correct[name] += right
        score.errors.update(set(errors))
        if label["status"] == "article":
            for name, right in read_right(label, outcome).items():
                score.seen[name] += 1
                score.seen_right[name] += right
        if keep_pages and not all(result.values()):
            score.wrong_pages.append((path.name, errors, outcome))
    return score


def ingest_page(path: Path, label: dict, with_url: bool = True) -> Outcome:
    """One page through ``newsarchive.ingest.process`` as the archivist runs it: with the page's
    address as the crawl recorded it (the label's ``source``, SOURCES.tsv's URL), as ``--given``
    passes it; or the text alone."""
    from . import Options, Quarantine, process

    try:
        if with_url:
            from .record import Given

            article = process(path.read_bytes(), path.name, Options(), Given(url=label.get("source")))
        else:
            article = process(path.read_bytes(), path.name, Options())
    except Quarantine as exc:
        return Outcome(written=False, reason=getattr(exc, "kind", None) or old_reason(str(exc)), message=str(exc),
                       seen=getattr(exc, "found", None) or {})
    return Outcome(written=True, title=article.title, date=article.date, author=article.author,
                   portal_name=_portal_name(article), category=article.category,
                   text=reader_text(article.body))


def _portal_name(article) -> str | None:
    name = getattr(article, "portal_name", None)
    if name:
        return name
    from .portals import portal_names

    return portal_names().get(article.portal)


# Quarantine messages of the code before reasons had a class (to measure it as it was).
_OLD_REASONS = (("danh mục", "listing"), ("trang chủ", "home"), ("tiếng Việt", "not-vietnamese"),
                ("ngày đăng", "no-date"), ("tiêu đề", "no-title"))


def old_reason(message: str) -> str:
    return next((kind for words, kind in _OLD_REASONS if words in message), "other")


def ingest_text_only(path: Path, label: dict) -> Outcome:
    return ingest_page(path, label, with_url=False)
