"""newsarchive check: a picture the body shows must be a file in the content folder (path:line), found
beside the article or from content/; a bad ``aliases`` item is reported at its line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from newsarchive.article import TIMEZONE
from newsarchive.check import run
from newsarchive.images import local_path, references

NOW = datetime(2026, 1, 1, tzinfo=TIMEZONE)
ARTICLE = """---
title: Ảnh trong bài
date: 2024-05-02T08:00:00+07:00
tags: []
portal: editor
slug: anh-trong-bai
aliases: [/tin-cu/a.html, "tin-cu/b.html", "ftp://cu.example/c"]
---

![Có ảnh](co-anh.jpg "Ảnh: Minh Anh")

![Thiếu](thieu.jpg)

![Trong images](/images/2024/05/chung.jpg) và ![Từ static]({static}/images/2024/05/khong.png)

<img src="html-thieu.png" alt="thẻ HTML">

```
![Trong khối mã](khong-tinh.jpg)
```

![Ngoài](https://example.com/x.jpg) ![Ra ngoài](../../../../../../../../../../../../../../../../../../../../etc/hostname)
"""


def test_missing_pictures_and_bad_aliases_at_their_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = Path("content/articles/2024/05")
    folder.mkdir(parents=True)
    (folder / "anh.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "co-anh.jpg").write_bytes(b"x")
    Path("content/images/2024/05").mkdir(parents=True)
    Path("content/images/2024/05/chung.jpg").write_bytes(b"x")
    found = [(f.line, f.message) for f in run(None, content=Path("content"), now=NOW).findings if f.severity == "error"]
    assert [line for line, _ in found] == [7, 7, 12, 14, 16, 22]
    messages = dict(found[2:])
    assert "thieu.jpg" in messages[12] and "không có tệp" in messages[12]
    assert "{static}/images/2024/05/khong.png" in messages[14]
    assert "html-thieu.png" in messages[16]
    assert "etc/hostname' dẫn ra ngoài thư mục nội dung" in messages[22]
    assert {"tin-cu/b.html" in found[0][1], "tin-cu/b.html" in found[1][1]} == {True, False}
    assert all("không dùng được" in message for _, message in found[:2])


def test_what_counts_as_local():
    assert local_path("{static}/images/a.jpg") == "/images/a.jpg"
    assert local_path("quang%20canh.jpg") == "quang canh.jpg"
    assert [local_path(src) for src in ("https://x/a.jpg", "//cdn/a.jpg", "data:image/png;base64,x")] == [None] * 3
    assert list(references("    ![mã](a.jpg)\n`x` ![b](b.jpg)", 5)) == [(6, "b.jpg")]
