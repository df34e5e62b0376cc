"""What HTML an article body may keep: one allow-list for the build and for ``check``.

The build's sanitiser (``plugins/sanitize``, nh3) takes its defaults from here,
and ``newsarchive check`` warns an editor about exactly what that sanitiser will
strip, so the two can never disagree. Anything not named is removed: the tag is
unwrapped and its text kept, except for :data:`DROP_WITH_CONTENT`, which goes
with everything inside it.
"""

from __future__ import annotations

import re

TAGS = frozenset({
    "p", "br", "hr", "div", "span", "blockquote", "pre", "code",
    "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "img", "figure", "figcaption",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small",
    "abbr", "cite", "q", "time",
})
# Kept, but written as <h2>: the page has its own <h1>.
DEMOTED = frozenset({"h1"})
ATTRIBUTES = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "ol": frozenset({"start", "reversed"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "abbr": frozenset({"title"}),
    "time": frozenset({"datetime"}),
}
# Allowed on every element (the language of a quoted passage, a tooltip).
GENERIC_ATTRIBUTES = frozenset({"lang", "title"})
# Elements that may carry an id (prefixed by the build): Markdown's heading and footnote anchors.
ANCHOR_TARGETS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"})
# Removed together with their content: executable, styling and embedding markup.
# Other unknown tags (svg, math, form, textarea, ...) are unwrapped: their text stays,
# so a stray unclosed <svg> in a pasted page cannot swallow the rest of the article.
DROP_WITH_CONTENT = frozenset({
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object",
    "embed", "applet", "noembed", "noframes",
})
# Everything else (javascript:, data:, vbscript:, file:, ...) is removed from href/src.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# The attributes whose URLs nh3 checks against URL_SCHEMES (it does not check "cite",
# so "cite" is not allowed at all: browsers never show it anyway).
URL_ATTRIBUTES = frozenset({"href", "src"})

_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.-]*):")


def kept_element(name: str) -> bool:
    return name in TAGS or name in DEMOTED


def kept_attribute(element: str, attribute: str) -> bool:
    return (attribute in GENERIC_ATTRIBUTES or attribute in ATTRIBUTES.get(element, ())
            or (attribute == "id" and element in ANCHOR_TARGETS))


def refused_scheme(url: str) -> str | None:
    """The scheme of ``url`` when the build removes the URL for it ("javascript"), else None."""
    match = _SCHEME.match(url)
    if match and match.group(1).lower() not in URL_SCHEMES:
        return match.group(1).lower()
    return None
