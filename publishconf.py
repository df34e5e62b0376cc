"""Settings for the public site: absolute URLs for feeds, canonical links and the sitemap."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F401,F403,E402

SITEURL = os.environ.get("SITEURL", "https://luutru.example.vn").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
