"""A small archive with photos, made in the test: pictures generated with Pillow (bench/photo_images.py)
beside an article and under content/images/, and hostile ones (a decompression bomb, a text file named
.jpg, a PNG named .jpg, a symlink out of the content folder, a path leading out of it)."""

from __future__ import annotations

import io
import struct
import sys
import zlib
from pathlib import Path

from PIL import Image

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from photo_images import encoded  # noqa: E402

ARTICLE = """---
title: Hội nghị tổng kết công tác năm
date: 2024-05-02T08:00:00+07:00
author: Minh Anh
tags: [Hội nghị]
portal: editor
slug: hoi-nghi-tong-ket
source_url: https://cu.example.gov.vn/tin-tuc/hoi-nghi-123.html
aliases: [/tin-cu/hoi-nghi.html, "https://cu.example.gov.vn/index.php?p=123"]
---

Sáng 2/5, hội nghị tổng kết công tác năm đã diễn ra tại hội trường tỉnh.

![Quang cảnh hội nghị](quang-canh.jpg "Ảnh: Minh Anh")

Các đại biểu thảo luận về nhiệm vụ năm tới.

![Đại biểu phát biểu](/images/2024/05/dai-bieu.png)

Ảnh chụp bằng điện thoại, xoay theo EXIF: ![Ảnh dọc](xoay.jpg) giữa dòng.

<figure><img src="{static}/images/2024/05/le-hoi.webp" alt="Lễ hội"><figcaption>Lễ hội truyền thống. Ảnh: TTXVN</figcaption></figure>
"""

HOSTILE = """---
title: Bài có ảnh hỏng
date: 2024-06-03T08:00:00+07:00
tags: []
portal: editor
slug: bai-co-anh-hong
---

Đoạn mở đầu của bài có ảnh hỏng.

![Bom giải nén](bom.png)

![Tệp giả](gia.jpg)

![PNG đội lốt](doi-lot.jpg)

![Không có](khong-co.jpg)

![Ra ngoài](../../../../outside/ngoai.jpg)

![Liên kết](lien-ket.jpg)

![Ảnh ngoài trang](https://example.com/anh.jpg)
"""

QUANG_CANH = "articles/2024/05/quang-canh.jpg"


def _png_bomb(width: int = 30000, height: int = 30000) -> bytes:
    """A 1x1 PNG whose header says ``width`` x ``height`` (CRC fixed: only the size lies)."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    header = struct.pack(">II", width, height) + data[24:29]
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(header)))
    return bytes(data)


def _rotated_jpeg() -> bytes:
    """An 800x600 JPEG whose EXIF says: turn me 90° (shown 600x800)."""
    image = Image.open(io.BytesIO(encoded(800, 600, seed=3)))
    exif = image.getexif()
    exif[0x0112] = 6
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


def write_photo_archive(content: Path, outside: Path) -> None:
    """Two articles with photos under ``content`` (``outside``: a folder out of it, for the symlink)."""
    articles, images = content / "articles" / "2024", content / "images" / "2024"
    files = {
        articles / "05" / "hoi-nghi.md": ARTICLE.encode(),
        articles / "05" / "quang-canh.jpg": encoded(1200, 800, seed=1),
        articles / "05" / "xoay.jpg": _rotated_jpeg(),
        images / "05" / "dai-bieu.png": encoded(400, 300, seed=2, kind="PNG"),
        images / "05" / "le-hoi.webp": encoded(1000, 750, seed=4, kind="WEBP"),
        articles / "06" / "bai-co-anh-hong.md": HOSTILE.encode(),
        articles / "06" / "bom.png": _png_bomb(),
        articles / "06" / "gia.jpg": "Đây không phải là ảnh.\n".encode(),
        articles / "06" / "doi-lot.jpg": encoded(300, 200, seed=5, kind="PNG"),
        outside / "ngoai.jpg": encoded(300, 200, seed=6),
    }
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    # beside the article, so not a static file (content_guard refuses those): this plugin's own guard
    (articles / "06" / "lien-ket.jpg").symlink_to(outside / "ngoai.jpg")


def replace_photo(content: Path, width: int, height: int, seed: int) -> None:
    (content / QUANG_CANH).write_bytes(encoded(width, height, seed=seed))
