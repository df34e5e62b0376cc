"""Stage 4 (convert): a paragraph's text shows on the built page exactly as it was scraped.

The body is rendered as the build renders it (archive_reader's markdown-it-py setup, then
the sanitiser), so a character that would turn into markup by accident fails here.
"""

from __future__ import annotations

import html
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from newsarchive.ingest.convert import escape

sys.path.insert(0, str(ROOT / "plugins"))
from archive_reader.markdown_body import BodyRenderer  # noqa: E402
from archive_reader.settings import DEFAULTS as READER_DEFAULTS  # noqa: E402
from sanitize.sanitize import sanitize  # noqa: E402

render = BodyRenderer(READER_DEFAULTS["ARCHIVE_READER_MARKDOWN"])


def shown(markdown: str) -> str:
    """The text a reader sees of a one-paragraph body, and the element it is in."""
    page = sanitize(render(markdown)).strip()
    assert page.startswith("<p>") and page.endswith("</p>") and page.count("<p>") == 1, page
    assert not re.search(r"<(?!/?p>)", page), page   # no element but the paragraph
    return html.unescape(page[3:-4])


# "&" is left alone on purpose: scraped text holds entities ("&nbsp;") meant as characters.
MARKUP = "\\`*_[]<>#=-+~|!().:0123456789 "
paragraphs = st.text(alphabet=st.sampled_from(MARKUP + "aăđ"), min_size=1) \
    .map(lambda text: " ".join(text.split())).filter(bool)


@settings(max_examples=400, deadline=None)
@given(paragraphs)
def test_a_paragraph_is_shown_as_scraped(text):
    assert shown(escape(text)) == text


def test_a_year_that_opens_a_paragraph_is_not_a_list_nor_a_backslash():
    assert shown(escape("2019. Năm bản lề của nhiệm kỳ.")) == "2019. Năm bản lề của nhiệm kỳ."
    assert shown(escape("2020) Giai đoạn mới")) == "2020) Giai đoạn mới"


def test_fences_and_lone_bullets_stay_text():
    for text in ("~~~ mã", "+", "- - -", "==", "# Không phải tiêu đề"):
        assert shown(escape(text)) == text
