"""Defaults of the SANITIZE setting; pelicanconf's values are merged over them.

What an article body may keep is an allow-list (``newsarchive.html_policy``):
anything not named is dropped (the tag is unwrapped and its text kept, except
for the tags in ``drop_with_content``, which go with everything inside them).
"""

from newsarchive import html_policy

DEFAULTS = {
    # False publishes bodies as the reader made them (only for tests that prove the sanitiser matters).
    "enabled": True,
    # The allow-list is newsarchive.html_policy's, which `newsarchive check` warns from too.
    "tags": set(html_policy.TAGS),
    "attributes": {tag: set(names) for tag, names in html_policy.ATTRIBUTES.items()},
    "drop_with_content": set(html_policy.DROP_WITH_CONTENT),
    "url_schemes": set(html_policy.URL_SCHEMES),
    # Hosts that count as this site: links to them get no rel="noopener".
    "internal_hosts": set(),
    # alt for an image that has none and no figure caption to borrow one from.
    "default_alt": "Ảnh minh họa",
}
