"""An article body, Markdown -> HTML, with markdown-it-py (CommonMark).

CommonMark is the dialect editors see when they look at an article on GitHub or
in their editor's preview, and markdown-it-py renders the archive's bodies about
five times faster than Python-Markdown. What editors are told to write
(docs/huong-dan-bien-tap.md: paragraphs, ``##`` headings, bold, italics, ``- ``
lists, links, images) renders the same in both; after the sanitiser the two
differ only where CommonMark is right (a list that starts at 6 keeps its number).
Tables are GitHub's; footnotes (``[^1]``) come from mdit-py-plugins.

Pelican's intra-site links (``{static}/images/a.jpg``, ``{filename}/x.md``,
``|static|...``) are resolved after rendering, in the HTML: their prefix is
kept as written, where markdown-it would percent-encode the braces.
"""

from __future__ import annotations

import importlib
import re

from markdown_it import MarkdownIt

# What Pelican's INTRASITE_LINK_REGEX ('[{|](?P<what>.*?)[|}]') takes as a link to resolve.
_INTRASITE = re.compile(r"^[{|]\w+[|}]")


def _footnote_ref(self, tokens, idx, options, env) -> str:
    """A footnote mark with its id on the ``<sup>``, where the sanitiser keeps ids (on anchor
    targets, not links: newsarchive.html_policy.ANCHOR_TARGETS), so the note links back to it."""
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    caption = self.rules["footnote_caption"](tokens, idx, options, env)
    sub = tokens[idx].meta.get("subId", -1)
    refid = ident + (f":{sub}" if sub > 0 else "")
    return f'<sup class="footnote-ref" id="fnref{refid}"><a href="#fn{ident}">{caption}</a></sup>'


class BodyRenderer:
    """``options``: ``ARCHIVE_READER_MARKDOWN`` (settings.py): a preset, rules to enable and
    plugins of mdit-py-plugins by module name (``"footnote"``: ``mdit_py_plugins.footnote``)."""

    def __init__(self, options: dict):
        self._md = MarkdownIt(options["preset"], {"html": True}).enable(list(options.get("enable", [])))
        for name in options.get("plugins", []):
            module = importlib.import_module(f"mdit_py_plugins.{name}")
            self._md.use(getattr(module, f"{name}_plugin"))
        if "footnote_ref" in self._md.renderer.rules:
            self._md.add_render_rule("footnote_ref", _footnote_ref)
        normalize = self._md.normalizeLink

        def keep_intrasite(url: str) -> str:
            prefix = _INTRASITE.match(url)
            if prefix is None:
                return normalize(url)
            return prefix.group(0) + normalize(url[prefix.end():])

        self._md.normalizeLink = keep_intrasite

    def __call__(self, body: str) -> str:
        return self._md.render(body)
