"""`newsarchive check` warns about raw HTML exactly where the build's sanitiser strips it.

Both read newsarchive.html_policy; these tests run the real sanitiser (nh3) on each
element, attribute and URL and compare what it removed with what `check` reported,
so a change to either side that makes them disagree fails here.
"""

from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT
from newsarchive import html_policy
from newsarchive.check import raw_html
from newsarchive.frontmatter import Document

sys.path.insert(0, str(ROOT / "plugins"))
from archive_reader.markdown_body import BodyRenderer  # noqa: E402
from archive_reader.settings import DEFAULTS as READER_DEFAULTS  # noqa: E402
from sanitize.sanitize import sanitize  # noqa: E402

render_markdown = BodyRenderer(READER_DEFAULTS["ARCHIVE_READER_MARKDOWN"])   # as the build renders bodies

OTHERS = {"font", "center", "svg", "math", "form", "input", "button", "select", "textarea", "video", "audio",
          "section", "article", "nav", "header", "footer", "details", "summary", "marquee", "link", "meta",
          "base", "label", "main", "aside", "picture", "source", "canvas", "dialog", "o:p"}
ELEMENTS = sorted(html_policy.TAGS | html_policy.DEMOTED | html_policy.DROP_WITH_CONTENT | OTHERS)
VOID = {"br", "hr", "img", "col", "input", "link", "meta", "base", "source"}
# Where the HTML parser accepts an element (a <td> outside a table is dropped by parsing, not by policy).
CONTEXT = {"tr": "table", "thead": "table", "tbody": "table", "tfoot": "table", "caption": "table",
           "colgroup": "table", "td": "table><tr", "th": "table><tr", "col": "table><colgroup"}
ATTRIBUTES = ["id", "title", "href", "src", "alt", "width", "height", "class", "style", "onclick", "onerror",
              "colspan", "rowspan", "scope", "span", "start", "reversed", "cite", "datetime", "lang", "target"]
URLS = ["https://example.vn/a", "http://example.vn", "mailto:toasoan@example.vn", "tel:0296", "/2024/05/bai/",
        "bai-khac.html", "javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox", "data:text/html,x",
        "file:///etc/passwd", "ftp://example.vn/x"]


def warnings(body: str) -> list[str]:
    return [message for _, message in raw_html(Document(meta={}, body=body, body_line=1))]


def element(name: str, attributes: str = "") -> str:
    tag = f"<{name}{attributes}>" + ("" if name in VOID else f"chữ</{name}>")
    context = CONTEXT.get(name)
    return f"<{context}>{tag}</{context.split('>')[0]}>" if context else tag


def kept(name: str, html: str) -> bool:
    shown = "h2" if name in html_policy.DEMOTED else name
    return re.search(rf"<{re.escape(shown)}[\s>/]", html) is not None


@pytest.mark.parametrize("name", ELEMENTS)
def test_an_element_is_warned_about_exactly_when_the_build_strips_it(name):
    source = element(name)
    stripped = not kept(name, sanitize(source))
    warned = any(f"<{name}>" in message for message in warnings(source))
    assert warned == stripped, (source, sanitize(source), warnings(source))


@pytest.mark.parametrize("name", sorted(html_policy.TAGS | html_policy.DEMOTED))
def test_an_attribute_is_warned_about_exactly_when_the_build_strips_it(name):
    for attribute in ATTRIBUTES:
        source = element(name, f' {attribute}="v"')
        clean = sanitize(source)
        assert kept(name, clean), clean
        stripped = re.search(rf' {attribute}="(nd-)?v"', clean) is None
        warned = any(f"'{attribute}'" in message for message in warnings(source))
        assert warned == stripped, (source, clean, warnings(source))


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("name, attribute", [("a", "href"), ("img", "src")])
def test_a_url_is_warned_about_exactly_when_the_build_strips_it(name, attribute, url):
    source = element(name, f' {attribute}="{url}"')
    clean = sanitize(source)
    stripped = f'{attribute}="{url}"' not in clean
    warned = any("liên kết" in message for message in warnings(source))
    assert warned == stripped, (source, clean, warnings(source))


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("source", ["Xem [bài này]({url}) nhé.", "![Ảnh]({url})", "Xem [bài này](<{url}> \"tựa\")."])
def test_a_markdown_link_is_warned_about_exactly_when_the_build_strips_it(source, url):
    source = source.format(url=url)
    clean = sanitize(render_markdown(source))
    stripped = f'="{url}"' not in clean
    warned = any("liên kết" in message for message in warnings(source))
    assert warned == stripped, (source, clean, warnings(source))


def test_code_is_not_html():
    assert warnings("Gõ `<script>` để chèn mã.\n\n```\n<iframe src=x>\n```\n\n    <font>thụt lề</font>\n") == []
