"""What readers see is never a placeholder: unseen portals ingested and built into a real site."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_site
from newsarchive.cli import main

TUNING = Path(__file__).resolve().parents[2] / "fixtures" / "portals" / "tuning"
PAGES = {  # page -> the URL the crawl recorded (its label's source)
    "baobinhthuan-2016-khen-thuong-gv-hs-gioi-excerpt.txt":
        "http://www.baobinhthuan.com.vn/en/business/dragon-fruit-flavored-bread-unveils-in-phan-thiet-124905.html",
    "nguoilambaohungyen-2022-cot-moc-chu-quyen-excerpt.txt":
        "http://nguoilambaohungyen.vn/news/nhung-cach-lam-hay/cot-moc-chu-quyen-dac-biet-moc-dau-moc-cuoi-5153.html",
}


def test_unseen_portals_show_a_readable_name(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in PAGES:
        (raw / name).write_bytes((TUNING / name).read_bytes())
    given = tmp_path / "sources.tsv"
    given.write_text("file\turl\n" + "".join(f"{name}\t{url}\n" for name, url in PAGES.items()), encoding="utf-8")
    content = tmp_path / "content"
    assert main(["ingest", str(raw), "--content", str(content / "articles"), "--given", str(given)]) == 0
    result = build_site(content, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    shown = {}
    for page in (tmp_path / "output").glob("20*/*/*/index.html"):
        found = re.search(r'<span class="portal">Nguồn: <a href="[^"]*">([^<]*)</a>', page.read_text(encoding="utf-8"))
        shown[page.parent.name] = found.group(1)
    assert sorted(shown.values()) == ["Báo Bình Thuận", "nguoilambaohungyen.vn"], shown
    portals = (tmp_path / "output" / "portals" / "index.html").read_text(encoding="utf-8")
    assert "Báo Bình Thuận" in portals and "unknown" not in portals
