"""Hostile saved pages: nothing is read from outside the folder being ingested, and every file that
is not a photo ends refused with its reason (newsarchive/ingest/media_files.py)."""

from __future__ import annotations

import json
import os
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from newsarchive.cli import main
from newsarchive.frontmatter import load
from newsarchive.ingest.media_files import Refused, Source, check_attachment, check_image, locate

import mirror

SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def _bomb() -> bytes:
    out = BytesIO()
    Image.new("1", (9000, 9000)).save(out, "PNG")      # 81 million pixels in a few kilobytes
    return out.getvalue()


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    mirror.write(tmp_path / "secret.jpg", mirror.picture(shade=9))      # beside the folder, never to be read
    return root


def test_addresses_never_lead_out_of_the_folder(folder, tmp_path):
    page = mirror.write(folder / "site" / "bai.html", "<html></html>")
    source = Source(folder, page)
    outside = tmp_path / "secret.jpg"
    for address in ("../../secret.jpg", "..%2F..%2Fsecret.jpg", "../../in/../secret.jpg"):
        with pytest.raises(Refused, match="ra ngoài"):
            locate(address, source)
    with pytest.raises(Refused, match="file://"):
        locate(outside.as_uri(), source)
    # An absolute path is read from the folder's root: the file outside is not it.
    assert locate(str(outside), source) is None and locate("/etc/passwd", source) is None
    (folder / "site" / "link.jpg").symlink_to(outside)
    (folder / "site" / "linked_files").symlink_to(tmp_path, target_is_directory=True)
    for address in ("link.jpg", "linked_files/secret.jpg"):
        with pytest.raises(Refused, match="ra ngoài"):
            locate(address, source)
    assert locate("a" * 5000 + ".jpg", source) is None and locate("https://x.vn/a%00b.jpg", source) is None
    mirror.write(folder / "site" / "a.jpg?t=1", b"x")                   # wget keeps the query in the name
    assert locate("a.jpg?t=1", source) == folder / "site" / "a.jpg?t=1"
    mirror.write(folder / "cdn.example.vn" / "anh" / "b.jpg", b"x")     # wget's <host>/<path>
    assert locate("https://cdn.example.vn/anh/b.jpg", source) == folder / "cdn.example.vn" / "anh" / "b.jpg"


@pytest.mark.parametrize(("data", "name", "reason"), [
    (SVG, "a.svg", "SVG"),
    (SVG, "a.jpg", "SVG"),
    (_bomb(), "a.png", "bom giải nén"),
    (b"<html><body>404 Not Found</body></html>", "a.jpg", "không phải tệp ảnh"),
    (mirror.picture()[:600], "a.jpg", "không phải tệp ảnh"),
    (mirror.picture(48, 48), "a.jpg", "quá nhỏ"),
    (mirror.picture(1200, 150), "a.jpg", "băng rôn"),
])
def test_files_that_are_not_photos_are_refused_with_a_reason(data, name, reason):
    with pytest.raises(Refused, match=reason):
        check_image(data, name)


def test_a_photo_is_named_by_what_it_is():
    assert check_image(mirror.picture(kind="PNG"), "anh.jpg") == ("png", 640, 427)
    check_attachment(b"%PDF-1.4\n", ".pdf")
    with pytest.raises(Refused, match="không phải tệp PDF"):
        check_attachment(b"<html>", ".pdf")


def test_a_hostile_page_is_ingested_with_every_picture_accounted_for(folder, tmp_path):
    """A real page (Báo An Giang) whose body shows every hostile kind of picture and document."""
    site = folder / "baoangiang.com.vn"
    files = {"bom.png": _bomb(), "script.svg": SVG, "gia.jpg": b"<html>not a picture</html>",
             "that.jpg": mirror.picture(shade=5), "van-ban.pdf": b"<html>not a pdf</html>"}
    for name, data in files.items():
        mirror.write(site / "anh" / name, data)
    (site / "anh" / "lien-ket.jpg").symlink_to(tmp_path / "secret.jpg")
    addresses = ["../../secret.jpg", (tmp_path / "secret.jpg").as_uri(), str(tmp_path / "secret.jpg"),
                 "anh/lien-ket.jpg", "anh/bom.png", "anh/script.svg", "anh/gia.jpg", "anh/that.jpg"]
    pictures = "".join(f'<p><img src="{address}"></p>' for address in addresses)
    page = mirror.ANGIANG.replace(mirror.ANGIANG_PARAGRAPH, pictures + '<p><a href="anh/van-ban.pdf">Kế hoạch số 12'
                                  '</a></p>' + mirror.ANGIANG_PARAGRAPH, 1)
    mirror.write(site / "bai.html", page)
    report_path = tmp_path / "report.json"
    content = tmp_path / "content"
    assert main(["ingest", str(folder), "--content", str(content / "articles"), "--report", str(report_path)]) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    # The symlink is also an input of the folder, quarantined as such (batch.collect).
    assert [e["status"] for e in report["inputs"] if e["path"].endswith("lien-ket.jpg")] == ["quarantined"]
    [entry] = [e for e in report["inputs"] if e["path"].endswith("bai.html")]
    media = {m["address"]: m for m in entry["media"]}
    expected = {"../../secret.jpg": ("refused", "ra ngoài"), addresses[1]: ("refused", "file://"),
                addresses[2]: ("missing", "không có tệp"), "anh/lien-ket.jpg": ("refused", "ra ngoài"),
                "anh/bom.png": ("refused", "bom giải nén"), "anh/script.svg": ("refused", "SVG"),
                "anh/gia.jpg": ("refused", "không phải tệp ảnh"), "anh/that.jpg": ("copied", None),
                "anh/van-ban.pdf": ("refused", "không phải tệp PDF")}
    for address, (status, reason) in expected.items():
        assert media[address]["status"] == status, (address, media[address])
        assert reason is None or reason in media[address]["reason"], (address, media[address])
    secret = (tmp_path / "secret.jpg").read_bytes()
    stored = [p for p in content.rglob("*") if p.is_file() and not p.suffix == ".md"]
    assert len(stored) == 1 and stored[0].read_bytes() == files["that.jpg"]
    assert all(p.read_bytes() != secret for p in content.rglob("*") if p.is_file())
    article = load(entry["output"])
    assert article.body.count("](/images/") == 1 and "secret" not in article.body
    assert not os.path.exists(content / "images" / "secret.jpg")
    assert {u["file"] for u in report["unused"]} == set()
