"""What the site's build, its plugins, ``newsarchive check`` and the commit script agree on.

* ``urls``: the article URL rule, written once (``pelicanconf`` takes ``ARTICLE_URL`` from it).
* ``staging``: where a staged build writes, what it keeps from the published site, its markers.
* ``options``: a plugin's settings dict merged over its defaults; an unknown key is an error.
* ``errors``: a failed build said in one Vietnamese line.

Like the rest of ``newsarchive``, nothing here imports Pelican.
"""
