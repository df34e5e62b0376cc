"""Defaults of the PHOTOS setting; pelicanconf's values are merged over them (README: one heading each)."""

DEFAULTS = {
    # False: bodies keep their <img> as written and no photo is resized or published by this plugin.
    "enabled": True,
    # Widths (px) of the WebP copies offered in srcset; a photo narrower than one gets none wider
    # than itself (and always one WebP at its own width). The original is the fallback.
    "widths": [480, 960],
    # Width of the listing thumbnail made from an article's first photo; 0: none.
    "thumbnail_width": 240,
    # libwebp quality (0-100) and effort (0 fastest - 6 smallest): 2 costs half of 4 for +3 % bytes.
    "quality": 80,
    "method": 2,
    # How wide the photo shows, for the browser to pick from srcset (the theme's column is 46rem).
    "sizes": "(max-width: 46rem) 100vw, 46rem",
    # A picture of more pixels than this is refused unread (a decompression bomb), as is a file
    # whose content is not the format its name says.
    "max_pixels": 40_000_000,
    # Folder of CACHE_PATH where resized copies and what is known of each source are kept.
    "cache_folder": "photos",
}
