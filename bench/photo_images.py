"""Photo-like pictures made with Pillow, for the photo benchmarks and tests (no photo is committed).

A picture is a gradient with coloured discs, blurred, with a little noise, so JPEG and WebP work
on it about as hard as on a real press photo (1200x800: ~60-150 KB as JPEG q85). Seeded: the same
arguments give the same bytes.
"""

from __future__ import annotations

import io
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter

BASES = 16   # distinct scenes; each seed draws its own marks over one of them (cheap)


def picture(width: int = 1200, height: int = 800, seed: int = 0) -> Image.Image:
    image = _scene(width, height, seed % BASES).copy()
    rng = random.Random(seed)
    draw = ImageDraw.Draw(image)
    for _ in range(3):
        x, y, radius = rng.randrange(width), rng.randrange(height), rng.randrange(5, max(6, width // 12))
        draw.ellipse([x - radius, y - radius, x + radius, y + radius],
                     fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    return image


@lru_cache(maxsize=BASES)
def _scene(width: int, height: int, seed: int) -> Image.Image:
    rng = random.Random(seed)
    image = Image.linear_gradient("L").rotate(rng.randrange(360)).resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(24):
        x, y, radius = rng.randrange(width), rng.randrange(height), rng.randrange(10, max(11, width // 5))
        draw.ellipse([x - radius, y - radius, x + radius, y + radius],
                     fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    image = image.filter(ImageFilter.GaussianBlur(2))
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    return Image.blend(image, noise, 0.06)


def encoded(width: int = 1200, height: int = 800, seed: int = 0, kind: str = "JPEG", **save) -> bytes:
    """The picture's file bytes (``kind``: a Pillow format name)."""
    image = picture(width, height, seed)
    if kind == "PNG":
        image = image.quantize(64)
    out = io.BytesIO()
    image.save(out, kind, **({"quality": 85} if kind == "JPEG" else {}) | save)
    return out.getvalue()
