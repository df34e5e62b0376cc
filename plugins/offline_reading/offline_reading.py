"""Reading offline: a service worker, a web app manifest and a Vietnamese offline page.

* ``initialized``: the ``OFFLINE_READING`` settings are checked (an unknown key, a shell glob that
  matches no theme file stop the build) and the theme is told where the worker and manifest are
  (``OFFLINE_WORKER_URL``, ``OFFLINE_MANIFEST_URL``, ``OFFLINE_THEME_COLOR``; empty when off).
* ``article_writer_finalized``: the offline page (template ``offline``), ``sw.js`` at the site's
  root (template ``sw.js`` with its configuration: the shell's files, the articles' address
  pattern, the shell's version) and ``manifest.webmanifest``.

The worker is written at build time from the theme's own files: nothing is fetched. Its version
is a digest of the theme's files and of the settings it is made from, so a changed theme installs
a new shell and drops the old one, and the same site always writes the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
from pathlib import Path

from pelican import signals

from newsarchive.site.errors import BuildFailure
from newsarchive.site.options import merged

from .settings import DEFAULTS

# What an article address's fields may hold ("{date:%Y}/{date:%m}/{slug}/"): one path segment
# unless the field is one of the date's numbers.
_FIELDS = {"%Y": r"\d{4}", "%m": r"\d{2}", "%d": r"\d{2}"}


def options_of(settings) -> dict:
    return merged("OFFLINE_READING", DEFAULTS, settings.get("OFFLINE_READING"))


def static_folder(settings) -> Path:
    return Path(settings["THEME"]) / "static"


def shell_files(settings, options) -> list[str]:
    """The shell's theme files, relative to the site's root, each glob matching at least one."""
    folder, found = static_folder(settings), []
    for pattern in options["shell"]:
        matches = sorted(path for path in folder.glob(pattern) if path.is_file())
        if not matches:
            raise BuildFailure(f"OFFLINE_READING: 'shell' có '{pattern}' không khớp tệp nào trong {folder}")
        found += [f"{settings['THEME_STATIC_DIR']}/{path.relative_to(folder).as_posix()}" for path in matches]
    return list(dict.fromkeys(found))


def article_pattern(article_url: str) -> str:
    """A regular expression of an article's address under the site's root, from ARTICLE_URL."""
    parts = []
    for literal, field, spec, _ in string.Formatter().parse(article_url):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(_FIELDS.get(spec, "[^/]+"))
    return "^" + "".join(parts) + "$"


def configure(pelican_object):
    settings = pelican_object.settings
    options = options_of(settings)
    enabled = options["enabled"]
    if enabled:
        shell_files(settings, options)
    settings["OFFLINE_WORKER_URL"] = options["worker"] if enabled else ""
    settings["OFFLINE_MANIFEST_URL"] = options["manifest"] if enabled else ""
    settings["OFFLINE_THEME_COLOR"] = options["theme_color"] if enabled else ""


def version(settings, options) -> str:
    digest = hashlib.blake2b(digest_size=8)
    theme = Path(settings["THEME"])
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(theme).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(json.dumps([options, settings.get("SITENAME"), settings.get("SITESUBTITLE"),
                              settings.get("SITEURL"), settings["ARTICLE_URL"]], sort_keys=True).encode())
    return digest.hexdigest()


def worker_config(settings, options) -> dict:
    return {
        "version": version(settings, options),
        "prefix": options["cache_prefix"],
        "shell": [options["offline_url"], *shell_files(settings, options)],
        "offline": options["offline_url"],
        "theme": settings["THEME_STATIC_DIR"] + "/",
        "article": article_pattern(settings["ARTICLE_URL"]),
        "kept": options["kept_articles"],
        "timeout": round(options["network_timeout"] * 1000),
    }


def manifest(settings, options) -> dict:
    static = settings["THEME_STATIC_DIR"]
    return {
        "name": settings["SITENAME"],
        "short_name": options["short_name"],
        "description": settings.get("SITESUBTITLE", ""),
        "lang": "vi",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": options["background_color"],
        "theme_color": options["theme_color"],
        "icons": [{"src": f"{static}/{name}", "sizes": sizes, "type": "image/png", "purpose": "any"}
                  for name, sizes in options["icons"].items()],
    }


def write_offline(generator, writer):
    settings = generator.settings
    options = options_of(settings)
    if not options["enabled"]:
        return
    url = options["offline_url"]
    writer.write_file(url + "index.html", generator.get_template(options["offline_template"]), generator.context,
                      relative_urls=settings["RELATIVE_URLS"], url=url, template_name=options["offline_template"],
                      offline_url=url, kept_cache=options["cache_prefix"] + "articles",
                      kept_articles=options["kept_articles"])
    output = Path(settings["OUTPUT_PATH"])
    output.mkdir(parents=True, exist_ok=True)
    worker = generator.env.get_template("sw.js").render(config=worker_config(settings, options))
    (output / options["worker"]).write_text(worker, encoding="utf-8")
    (output / options["manifest"]).write_text(
        json.dumps(manifest(settings, options), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def register():
    signals.initialized.connect(configure)
    signals.article_writer_finalized.connect(write_offline)
