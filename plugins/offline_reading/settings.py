"""Defaults of the ``OFFLINE_READING`` setting (user values are merged over them)."""

DEFAULTS = {
    # False: no service worker, no manifest, no offline page; pages link to none of them.
    "enabled": True,
    # The service worker, at the site's root so that its scope is the whole site.
    "worker": "sw.js",
    # The web app manifest that makes the archive installable.
    "manifest": "manifest.webmanifest",
    # The page shown for any page not kept, when the network is gone; and its template.
    "offline_url": "offline/",
    "offline_template": "offline",
    # The shell, fetched when the worker installs: theme files (under THEME_STATIC_DIR), as globs;
    # each must match a file. Other theme files (latin-ext fonts) are kept once a page uses them.
    "shell": ["css/style.css", "css/print.css", "js/reader.js", "js/offline.js", "favicon.svg",
              "icon-192.png", "icon-512.png",
              "fonts/noto-serif-latin-[0-9]*.woff2", "fonts/noto-serif-vietnamese-*.woff2"],
    # Articles kept for reading offline: every one opened, the least recently opened dropped
    # beyond this many (an article page is 20-60 KB).
    "kept_articles": 300,
    # Seconds to wait for the network before showing the kept copy of an article on a weak
    # signal (the fresh copy still replaces it in the cache when it arrives).
    "network_timeout": 4,
    # Names of the browser caches: <prefix>shell-<version> and <prefix>articles.
    "cache_prefix": "na-",
    # The manifest: the name under the icon on a phone's home screen, colours, icons (PNG under
    # THEME_STATIC_DIR, 192 and 512 px, as installing asks for).
    "short_name": "Lưu trữ tin",
    "theme_color": "#a31515",
    "background_color": "#fdfcf9",
    "icons": {"icon-192.png": "192x192", "icon-512.png": "512x512"},
}
