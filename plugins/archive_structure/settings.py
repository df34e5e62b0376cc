"""Defaults of the ``ARCHIVE_STRUCTURE`` setting (user values are merged over them)."""

DEFAULTS = {
    # Articles on one numbered listing page. Changing it renumbers every page:
    # pick it once for the life of the archive.
    "page_size": 20,
    # Numbered pages of a listing whose first page is at ``base`` ("tag/x/", "" for home).
    "page_url": "{base}page/{number}/",
    # Portal pages and the portal index.
    "portal_url": "portal/{slug}/",
    "portals_url": "portals/",
    # Year and month archives (one page each, every article of the period), formatted with the
    # date of one of its articles. Pelican's own are off (YEAR/MONTH_ARCHIVE_SAVE_AS empty).
    "year_url": "{date:%Y}/",
    "month_url": "{date:%Y}/{date:%m}/",
    # "Các tin khác" under an article.
    "related_count": 5,
    # How many neighbours in time, per shared tag, are considered as related candidates
    # (bounds the work on a tag that thousands of articles share).
    "related_window": 60,
    # Reading speed for "N phút đọc".
    "words_per_minute": 200,
    # Extra files: a Vietnamese 404 page and robots.txt (sitemap URL from SITEURL).
    "not_found_template": "404",
    "robots": True,
    # "Ngày này năm xưa" on the home page: one JSON file per day of the year in this folder,
    # read by the reader's browser for the reader's date. Empty: no files, no section.
    "this_day_path": "this-day/",
    # Articles shown per year there; the others are reached through the month's page.
    "this_day_per_year": 5,
}
