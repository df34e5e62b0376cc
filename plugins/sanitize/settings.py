"""Defaults of the SANITIZE setting; pelicanconf's values are merged over them.

What an article body may keep is an allow-list: anything not named here is
dropped (the tag is unwrapped and its text kept, except for the tags in
``drop_with_content``, which go with everything inside them).
"""

DEFAULTS = {
    # False publishes bodies as the reader made them (only for tests that prove the sanitiser matters).
    "enabled": True,
    "tags": {
        "p", "br", "hr", "div", "span", "blockquote", "pre", "code",
        "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
        "a", "img", "figure", "figcaption",
        "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small",
        "abbr", "cite", "q", "time",
    },
    "attributes": {
        "a": {"href", "title"},
        "img": {"src", "alt", "title", "width", "height"},
        "ol": {"start", "reversed"},
        "td": {"colspan", "rowspan"},
        "th": {"colspan", "rowspan", "scope"},
        "col": {"span"},
        "colgroup": {"span"},
        "abbr": {"title"},
        "blockquote": {"cite"},
        "q": {"cite"},
        "time": {"datetime"},
    },
    # Removed together with their content: executable, styling and embedding markup.
    # Other unknown tags (svg, math, form, textarea, ...) are unwrapped: their text stays,
    # so a stray unclosed <svg> in a pasted page cannot swallow the rest of the article.
    "drop_with_content": {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object",
        "embed", "applet", "noembed", "noframes",
    },
    # Everything else (javascript:, data:, vbscript:, file:, ...) is removed from href/src.
    "url_schemes": {"http", "https", "mailto", "tel"},
    # Hosts that count as this site: links to them get no rel="noopener".
    "internal_hosts": set(),
    # alt for an image that has none and no figure caption to borrow one from.
    "default_alt": "Ảnh minh họa",
}
