"""Nothing from outside the tree, and one output path per page, checked before anything is written.

* ``static_generator_finalized``: every static file Pelican is about to copy (images
  under ``STATIC_PATHS``, and files an article names with ``{static}``/``{attach}``)
  must resolve inside the content folder and be written inside the output; the theme's
  static files must resolve inside the theme. A symlink leading out is refused and
  the file is never copied (Pelican copies through symlinks: a pull-request preview
  would publish a file of the build machine).
* ``all_generators_finalized``: no two sources may write one output path -- an article
  or page and a site page (home, a direct template, a year archive, a tag page...),
  a static file and anything. Two articles or pages with one slug are archive_reader's
  to report (``newsarchive check`` gives the same lines).

Problems are ``path:line: message`` lines in Vietnamese, as newsarchive check gives them;
then the build stops (exit 1, no traceback) -- or, when not fatal (``make devserver``),
goes on without the refused files.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict

from pelican import signals

from newsarchive.frontmatter import display
from newsarchive.site.options import merged
from newsarchive.tree import escapes, outside_message

from .outputs import content_claims, normal, site_claims, where
from .settings import DEFAULTS

# Problems found while the generators ran; reported (and the build stopped) before any write.
ERRORS: list[str] = []


def options_of(settings) -> dict:
    options = merged("CONTENT_GUARD", DEFAULTS, settings.get("CONTENT_GUARD"))
    if options["fatal"] is None:
        options["fatal"] = settings.get("ARCHIVE_READER_FATAL", True)
    return options


def _static_problem(static, content_root: str) -> str | None:
    real = escapes(static.source_path, content_root)
    if real:
        return outside_message(real, "content")
    target = normal(static.save_as or "")
    if target == ".." or target.startswith("../") or os.path.isabs(static.save_as or ""):
        return f"tệp này sẽ được chép ra ngoài thư mục trang web ({static.save_as}): hãy để tệp trong content/images/"
    return None


def guard_static_files(generator):
    """Refuse the static files that come from outside the content folder or would land outside the output."""
    kept = []
    for static in generator.staticfiles:
        problem = _static_problem(static, generator.path)
        if problem:
            ERRORS.append(f"{display(static.source_path)}:1: {problem}")
        else:
            kept.append(static)
    generator.staticfiles[:] = kept          # the context holds the same list
    for path in generator.settings.get("THEME_STATIC_PATHS", []):
        for folder, dirs, files in os.walk(os.path.join(generator.theme, path)):
            for name in dirs + files:
                real = escapes(os.path.join(folder, name), generator.theme)
                if real:
                    ERRORS.append(f"{display(os.path.join(folder, name))}:1: {outside_message(real, 'theme')}")


def _collision(content, path: str, other: str) -> str:
    if type(content).__name__ == "Static":
        return f"{where(content)}: tệp này được chép ra {path}, trùng với {other}: một bên sẽ mất; hãy đổi tên tệp"
    return f"{where(content)}: bài này được ghi ra {path}, trùng với {other}: một bên sẽ mất; hãy đổi slug"


def output_collisions(generators, settings) -> list[tuple[object, str]]:
    """(content object, message) for each content object whose output path another source writes."""
    options = options_of(settings)
    claims: dict[str, list] = defaultdict(list)
    for path, content in content_claims(generators):
        claims[path].append(content)
    site = defaultdict(list)
    for path, what in site_claims(generators, settings, options["site_files"]):
        site[normal(path)].append(what)
    found = []
    for path, contents in claims.items():
        others = site.get(path, [])
        if not others and len(contents) < 2:
            continue
        for content in contents:
            rivals = [where(c) for c in contents if c is not content
                      and not (hasattr(c, "slug_line") and hasattr(content, "slug_line"))]   # archive_reader's
            for other in [*others, *rivals]:
                found.append((content, _collision(content, path, other)))
    return found


def guard_outputs(generators):
    """After every generator has read its files: report, then stop or leave the refused files out."""
    generators = list(generators)
    settings = generators[0].settings
    collisions = output_collisions(generators, settings)
    errors = list(dict.fromkeys([*ERRORS, *(message for _, message in collisions)]))
    ERRORS.clear()
    if not errors:
        return
    print("\n".join(errors), file=sys.stderr)
    if options_of(settings)["fatal"]:
        print(f"Dừng dựng trang: {len(errors)} lỗi (chạy 'newsarchive check' để xem lỗi của bài viết).",
              file=sys.stderr)
        raise SystemExit(1)
    refused = {id(content) for content, _ in collisions}
    for generator in generators:
        for name in ("pages", "hidden_pages", "draft_pages", "staticfiles"):
            contents = getattr(generator, name, None)
            if contents:
                contents[:] = [c for c in contents if id(c) not in refused]
    print(f"{len(errors)} lỗi: các tệp lỗi chưa hiện trên trang cho đến khi được sửa.", file=sys.stderr)


def check_settings(pelican_object):
    """``initialized``: an unknown CONTENT_GUARD key stops the build before anything is read."""
    options_of(pelican_object.settings)


def register():
    signals.initialized.connect(check_settings)
    signals.static_generator_finalized.connect(guard_static_files)
    signals.all_generators_finalized.connect(guard_outputs)
