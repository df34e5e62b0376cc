"""Defaults of the legacy_links plugin's settings (prefix ``LEGACY_``; README: one heading each)."""

DEFAULTS = {
    # Hosts of old portals whose addresses this archive now answers (their DNS points here). An
    # article whose source_url is on one of them is redirected from its old path.
    "LEGACY_HOSTS": [],
    "LEGACY_LINKS": {
        # The redirect list for hosts that read one (Netlify, Cloudflare Pages); "" writes none.
        "redirects_file": "_redirects",
        # HTTP status of each redirect: 301 (moved for good).
        "status": 301,
        # For hosts without redirects (GitHub Pages): a small page at each old path of a legacy host
        # that sends the reader on at once (rel=canonical, meta refresh).
        "pages": True,
    },
}
