"""A body's pictures, twice: marked while the article is read, made responsive when its page is rendered.

While reading (``mark``, after the sanitiser, on nh3's serialisation: attributes always as
``name="value"``), each picture from the content folder gets the address its original is published
at and ``data-photo="N"`` (its place among the article's photos); a picture alone in a paragraph
becomes a ``<figure>`` whose caption is its alt text and title (``![Quang cảnh hội nghị](a.jpg "Ảnh:
Minh Anh")`` → "Quang cảnh hội nghị. Ảnh: Minh Anh"). What the picture's file holds (its size, its
copies) is not in the body, since the body is cached with the article's file and the picture may
change without it: the page's ``photos`` filter (``render``) puts it in from ``article.photos``,
set every build. A marked picture without that is still a working ``<img>``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

from newsarchive import images

_ATTRIBUTE = re.compile(r' ([a-z-]+)="([^"]*)"')
# A picture, with the paragraph around it when it stands alone in one.
_PICTURE = re.compile(r'(<p>\s*)?<img((?: [a-z-]+="[^"]*")*)>(\s*</p>)?')
_MARKED = re.compile(r'<img((?: [a-z-]+="[^"]*")*) data-photo="(\d+)"((?: [a-z-]+="[^"]*")*)>')
_ENDS_SENTENCE = (".", "!", "?", ":", "…")


def _tag(name: str, attributes: dict) -> str:
    return f"<{name}" + "".join(f' {key}="{value}"' for key, value in attributes.items()) + ">"


def caption(alt: str, title: str, default_alt: str) -> str:
    """The figure's caption (HTML-escaped as the attributes are): alt text, then the title."""
    alt = "" if alt == html.escape(default_alt, quote=True) else alt.strip()
    title = title.strip()
    if alt and title and title not in alt:
        return alt + ("" if alt.endswith(_ENDS_SENTENCE) else ".") + " " + title
    return alt or title


def public_path(source: Path, content: Path) -> str:
    """Where a source picture is published: its place in the content folder (``images/...``)."""
    return source.relative_to(content).as_posix()


def mark(body: str, article: Path, content: Path, siteurl: str, default_alt: str):
    """``(body, sources, missing)``: the body with its pictures marked, the content-relative path of
    each marked one in order, and the local addresses that lead to no file."""
    sources: list[str] = []
    missing: list[str] = []

    def picture(match: re.Match) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group(2)))
        src = html.unescape(attributes.get("src", ""))
        if images.local_path(src) is None:
            return match.group(0)
        found, why = images.locate(src, article, content)
        if found is None or found.suffix.lower() not in images.PHOTO_EXTENSIONS:
            if found is None:
                missing.append((src, why))
            return match.group(0)
        path = public_path(found, content)
        attributes["src"] = html.escape(f"{siteurl}/{quote(path)}", quote=True)
        attributes["data-photo"] = str(len(sources))
        sources.append(path)
        tag = _tag("img", attributes)
        if match.group(1) and match.group(3):   # alone in its paragraph: a figure
            text = caption(attributes.get("alt", ""), attributes.get("title", ""), default_alt)
            return f'<figure class="photo">{tag}' + (f"<figcaption>{text}</figcaption>" if text else "") + "</figure>"
        return (match.group(1) or "") + tag + (match.group(3) or "")

    if "<img" not in body:
        return body, sources, missing
    return _PICTURE.sub(picture, body), sources, missing


def picture_html(record: dict, attributes: dict, first: bool, siteurl: str, sizes: str) -> str:
    """``<picture>``: the WebP copies in ``srcset``, the original as the ``<img>``."""
    attributes = {name: value for name, value in attributes.items() if name not in ("loading", "width", "height")}
    attributes["width"], attributes["height"] = str(record["width"]), str(record["height"])
    if first:
        attributes["fetchpriority"] = "high"
    else:
        attributes["loading"] = "lazy"
    attributes["decoding"] = "async"
    img = _tag("img", attributes)
    if not record["webp"]:
        return img
    srcset = ", ".join(f"{siteurl}/{url} {width}w" for url, width in record["webp"])
    return (f'<picture><source type="image/webp" srcset="{html.escape(srcset, quote=True)}" '
            f'sizes="{html.escape(sizes, quote=True)}">{img}</picture>')


def render(body: str, records, siteurl: str, sizes: str) -> str:
    """The rendered body: each marked picture with its copies, size and loading; one whose file is
    gone or refused leaves only its caption."""
    if 'data-photo="' not in body:
        return body

    def replace(match: re.Match) -> str:
        index = int(match.group(2))
        record = records[index] if index < len(records) else None
        if record is None:
            return ""
        attributes = dict(_ATTRIBUTE.findall(match.group(1) + match.group(3)))
        return picture_html(record, attributes, index == 0, siteurl, sizes)

    return _MARKED.sub(replace, body)
