"""A key per page: a digest of everything its rendering reads, so an unchanged page is not rendered.

A page is a template applied to the settings-like part of the context and to the
page's own variables (``article``, ``listing``, ``tag`` ...). Its key hashes

* what is the same for every page: the versions of Pelican, Jinja and markdown-it-py, the
  source of every module the build imported from outside the Python installation
  (plugins, newsarchive), every file of the theme;
* the context's settings (UPPER-CASE keys) and its plain values (``period_num``);
  collections (``articles``, ``tags``) are left out, so only templates that take what
  they show from their own variables may be keyed (the ``cached_templates`` setting);
* the page's variables, followed through objects and lists. An article that is the page
  (``article=``) counts with what the page shows of its neighbours, related articles and
  cited documents; an article listed on a page counts with its own fields only.

An article's own fields are most of the work, and almost all of them are set while it
is read (by the reader and every ``content_object_init`` plugin), as a function of its
file: ``mark_read`` digests them there, in the reading workers, and the digest travels
with the article into the content cache. A key then digests only the fields set since
(``read_fields`` names those that were there). Fields set while reading are not set
again later; ``FAST_BUILD["check_read_digests"]`` makes every key check that
(tests/plugins/test_fast_build_reuse.py builds with it).

Two pages with one key render to the same bytes (``tests/plugins/test_fast_build.py``
compares incremental builds with clean ones).
"""

from __future__ import annotations

import hashlib
import sys
import sysconfig
from datetime import date, datetime, time
from importlib.metadata import version
from pathlib import Path

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from .pelican_internals import CONTENT_BOOKKEEPING

# Attributes that are the whole build's, not the object's (settings, context) or Pelican's
# bookkeeping of where a file came from.
_NOT_OWN = CONTENT_BOOKKEEPING
# Pelican makes an attribute of every metadata key: the attributes are digested, not both.
_CONTENT_NOT_OWN = _NOT_OWN | {"metadata"}
_PACKAGES = ("pelican", "jinja2", "markdown-it-py", "markupsafe")
# Settings naming where files are or how the build runs, which no page shows (the theme's
# files are digested themselves).
_PLACES = {"PATH", "OUTPUT_PATH", "CACHE_PATH", "PUBLISHED_PATH", "PLUGIN_PATHS", "THEME", "FAST_BUILD",
           "PAGEFIND", "LOAD_CONTENT_CACHE", "CACHE_CONTENT"}


def _installation_folders() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    folders = {paths[name] for name in ("stdlib", "platstdlib", "purelib", "platlib") if name in paths}
    return tuple(sorted(str(Path(folder).resolve()) for folder in folders))


def code_digest() -> bytes:
    """Versions of the packages that render, and the source of every project module loaded
    (named by module, not by path: a fresh clone elsewhere has the same keys)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr([version(name) for name in _PACKAGES]).encode())
    installed = _installation_folders()
    files = {}
    for name, module in list(sys.modules.items()):
        filename = getattr(module, "__file__", None)
        if filename and filename.endswith(".py") and not str(Path(filename).resolve()).startswith(installed):
            files[name] = filename
    for name in sorted(files):
        digest.update(name.encode() + b"\0")
        try:
            digest.update(Path(files[name]).read_bytes())
        except OSError:
            digest.update(b"missing")
    return digest.digest()


def folder_digest(folders) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.digest()


_ATOMS = {str, int, float, bool, type(None), datetime, date, time, bytes}


def _is_relation(value) -> bool:
    if type(value) in _ATOMS:
        return False
    if isinstance(value, Content):
        return True
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, Content) for v in value)


class Unkeyable(TypeError):
    """A page variable holds a value with no stable description: that page is always rendered."""


class ChangedSinceRead(AssertionError):
    """A field set while the article was read has another value now (``check_read_digests``)."""


READ_DIGEST, READ_FIELDS = "_read_digest", "_read_fields"
_SHARED_NAMES: dict[frozenset, frozenset] = {}
_BOOKKEEPING = {READ_DIGEST, READ_FIELDS}


def _own(name: str) -> bool:
    return name not in _CONTENT_NOT_OWN and name not in _BOOKKEEPING and not name.startswith("_remembered")


def _fields(value) -> dict | None:
    """An object's attributes: its ``__dict__`` and its ``__slots__`` (dataclasses(slots=True))."""
    found = dict(vars(value)) if hasattr(value, "__dict__") else {}
    slots = [name for cls in type(value).__mro__ for name in getattr(cls, "__slots__", ())]
    for name in slots:
        if name not in ("__dict__", "__weakref__") and hasattr(value, name):
            found[name] = getattr(value, name)
    return found if found or slots or hasattr(value, "__dict__") else None


class PageKeys:
    """Keys of the pages of one build; objects are digested once (they live as long as the jobs).

    A value is turned into plain data (strings, numbers, dates, lists, digests of objects)
    whose ``repr`` is hashed: one hash per object instead of one update per field."""

    def __init__(self, base: bytes, unused_variables=(), check_read_digests: bool = False):
        self._base = base
        self._check = check_read_digests
        self._unused = set(unused_variables)
        self._memo: dict[tuple[int, str], bytes] = {}
        self._listed: dict[int, bytes] = {}
        self._page: dict[int, bytes] = {}
        self._relations: dict[int, list] = {}

    def key(self, name: str, template_name: str, context: dict, relative_urls: bool, kwargs: dict) -> str:
        variables = [(variable, self.page_content(value) if isinstance(value, Content)
                      else self._plain(value, self.listed_content))
                     for variable, value in sorted(kwargs.items()) if variable not in self._unused]
        data = repr((name, template_name, relative_urls, self._context(context), variables))
        return hashlib.blake2b(self._base + data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def _context(self, context: dict) -> bytes:
        memo = (id(context), "context")
        if memo not in self._memo:
            plain = [(name, self._plain(value, self.link)) for name, value in sorted(context.items())
                     if name not in _PLACES
                     and (name.isupper() or isinstance(value, (str, int, float, bool, tuple, type(None))))]
            self._memo[memo] = self._hash(plain)
        return self._memo[memo]

    def link(self, content) -> str:
        """An article another one's fields point to (a document's list): where it is."""
        return "link:" + str(content.url)

    def read_digest(self, content, names) -> bytes:
        """The article's fields ``names`` (those it has once read), as ``mark_read`` digests them."""
        own = vars(content)
        return self._hash([(name, self._plain(own.get(name), self.link)) for name in sorted(names)])

    @staticmethod
    def mark_read(content) -> None:
        """Digest the fields of an article just read (see the module's docstring), but links to
        other articles (counted as relations). A fresh instance each time: its memo (by ``id``)
        must not outlive the article's objects."""
        names = frozenset(name for name, value in vars(content).items() if _own(name) and not _is_relation(value))
        content._read_digest = PageKeys(b"").read_digest(content, names)
        content._read_fields = _SHARED_NAMES.setdefault(names, names)   # pickled once, not per article

    def listed_content(self, content) -> bytes:
        """An article as an item of a page: its own fields; its neighbours only by link."""
        found = self._listed.get(id(content))
        if found is None:
            own = vars(content)
            read, names = own.get(READ_DIGEST), own.get(READ_FIELDS, frozenset())
            if read is not None and self._check and self.read_digest(content, names) != read:
                raise ChangedSinceRead(content.source_path)
            plain, relations = [read], []
            for name, value in sorted((name, own[name]) for name in own.keys() - names):
                if not _own(name):
                    continue
                if _is_relation(value):
                    relations.append((name, value if isinstance(value, (list, tuple)) else [value]))
                else:
                    plain.append((name, self._plain(value, self.link)))
            plain.append((content.url, content.save_as))
            # {filename} links in the text resolve to other articles' URLs at render time.
            raw = getattr(content, "_content", "") or ""
            if "{" in raw or "|" in raw:
                plain.append(str(content.content))
            found = self._listed[id(content)] = self._hash(plain)
            self._relations[id(content)] = relations
        return found

    def page_content(self, content) -> bytes:
        """An article as the page itself: its own fields and what it shows of its relations."""
        found = self._page.get(id(content))
        if found is None:
            own = self.listed_content(content)
            relations = [(name, [self.listed_content(item) for item in items])
                         for name, items in self._relations[id(content)]]
            found = self._page[id(content)] = self._hash([own, relations])
        return found

    @staticmethod
    def _hash(plain) -> bytes:
        return hashlib.blake2b(repr(plain).encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def _plain(self, value, content_digest):
        kind = type(value)
        if kind is str and len(value) > 200:   # an article's text: hashed, not copied by repr
            return hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if kind in _ATOMS:
            return value
        if isinstance(value, Content):
            return content_digest(value)
        if isinstance(value, URLWrapper):   # a tag, category or author: its name and slug make its URL
            return (type(value).__name__, value.name, value.slug)
        if isinstance(value, (list, tuple)):
            return [self._plain(item, content_digest) for item in value]
        if isinstance(value, dict):
            return sorted((repr(name), self._plain(item, content_digest)) for name, item in value.items())
        if isinstance(value, (set, frozenset)):
            return sorted(repr(self._plain(item, content_digest)) for item in value)
        if isinstance(value, (str, int, float, datetime, date)):   # Markup and other subclasses
            return repr(value)
        if callable(value) and hasattr(value, "__qualname__"):
            return f"f:{getattr(value, '__module__', '')}.{value.__qualname__}"
        fields = _fields(value)
        if fields is not None:
            return self._object(value, fields, content_digest)
        text = repr(value)
        if " at 0x" in text:
            raise Unkeyable(type(value).__qualname__)
        return type(value).__qualname__ + text

    def _object(self, value, fields: dict, content_digest) -> bytes:
        memo = (id(value), content_digest.__name__)
        found = self._memo.get(memo, b"")
        if found is None:   # met again while being described: a cycle
            raise Unkeyable(f"{type(value).__qualname__} (vòng lặp)")
        if not found:
            self._memo[memo] = None
            plain = [(name, self._plain(item, content_digest)) for name, item in sorted(fields.items())
                     if name not in _NOT_OWN]
            found = self._memo[memo] = self._hash([type(value).__qualname__, plain])
        return found
