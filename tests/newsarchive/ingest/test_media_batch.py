"""A fixture mirror of real portal pages in both saved layouts: every picture, caption and document
accounted for, stored once by content, never hot-linked (newsarchive/ingest/media_batch.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsarchive.cli import main
from newsarchive.frontmatter import load, problems
from newsarchive.ingest.media_files import stored_name

import mirror


def _ingest(source: Path, content: Path, capsys=None) -> dict:
    report = content.parent.parent / "report.json"
    assert main(["ingest", str(source), "--content", str(content), "--report", str(report)]) == 0
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture
def saved(tmp_path):
    source = tmp_path / "in"
    pages = {"nghean": mirror.nghean_browser_save(source / "nghean"),
             "angiang": mirror.angiang_mirror(source, mirror.picture(shade=1)),
             "hanoi": mirror.hanoi_mirror(source)}
    return source, pages


def _by_page(report: dict) -> dict[str, dict]:
    return {Path(entry["path"]).name: entry for entry in report["inputs"]}


def _article(entry: dict):
    return load(entry["output"])


def test_every_picture_and_document_is_accounted_for(saved, tmp_path):
    source, _ = saved
    report = _ingest(source, tmp_path / "content" / "articles")
    assert report["counts"]["written"] == 3 and report["counts"]["total"] == 3   # the page files are no inputs
    entries = _by_page(report)
    shown = [m for entry in report["inputs"] for m in entry["media"]]
    assert {m["status"] for m in shown} <= {"copied", "duplicate", "missing", "refused"}
    assert all(m["reason"] for m in shown if m["status"] != "copied")
    # Every generated file is either used by an article (copied, duplicate, refused) or listed as unused.
    generated = {p for p in source.rglob("*") if p.is_file() and p.suffix in (".jpg", ".png", ".gif", ".doc", ".pdf")}
    accounted = {source / m["file"] for m in shown if m["file"]} | {Path(u["file"]) for u in report["unused"]}
    assert generated <= accounted, generated - accounted

    nghean = {m["address"]: m for m in entries["tiem-vac-xin.html"]["media"]}
    assert nghean["tiem-vac-xin_files/uploaded-dinhnguyetbna.jpg"]["caption"].startswith(mirror.NGHEAN_CAPTION[:40])
    assert nghean["./tiem-vac-xin_files/hang-nguoi.jpg"]["status"] == "copied"
    assert "ngoài thân bài" in nghean["tiem-vac-xin_files/logo-bna.png"]["reason"]
    assert "zalo" in nghean["tiem-vac-xin_files/zalo.png"]["reason"]
    lazy = nghean["https://bna.1cdn.vn/2021/09/11/qr-xac-nhan.jpg"]
    assert lazy["status"] == "missing" and lazy["caption"] == "Giấy xác nhận tiêm chủng có mã QR. Ảnh: Đinh Nguyệt"
    angiang = entries["ly-do-khong-nen-ngoay-tai-a367201.html"]["media"]
    thumbnails = [m for m in angiang if "thumbnail" in m["address"]]
    assert len(thumbnails) == 3 and all("ngoài thân bài" in m["reason"] for m in thumbnails)
    assert report["media_counts"]["attachment"] == {"copied": 2, "duplicate": 0, "missing": 1, "refused": 0,
                                                    "unused": 0}


def test_photos_sit_in_the_body_as_figures_stored_once_by_content(saved, tmp_path):
    source, _ = saved
    content = tmp_path / "content"
    report = _ingest(source, content / "articles")
    entries = _by_page(report)
    nghean = _article(entries["tiem-vac-xin.html"])
    angiang = _article(entries["ly-do-khong-nen-ngoay-tai-a367201.html"])
    assert problems(nghean) == [] and problems(angiang) == []
    # The same bytes on two pages of two months: one file, both bodies name it.
    [shared] = [line for line in angiang.body.split("\n") if line.startswith("![")]
    assert shared.startswith("![Khám tai mũi họng cho người bệnh tại Bệnh viện đa khoa khu vực Thủ Đức](/images/2023/06/")
    assert shared.endswith(' "Ảnh: Hoàng Giang")')
    address = shared.split("](")[1].split(" ")[0]
    assert f"]({address} " in nghean.body and (content / address.lstrip("/")).is_file()
    assert "![Người dân xếp hàng chờ tiêm tại Trường Cao đẳng Việt - Đức](/images/2021/09/" in nghean.body
    stored = sorted(p.name for p in (content / "images").rglob("*") if p.is_file())
    assert len(stored) == 4      # two photos (one shared), the Word file and the PDF
    # In place: the caption-table photo after the first paragraph of the body, the figure before "Chiến dịch".
    blocks = nghean.body.strip().split("\n\n")
    assert blocks[2].startswith("![Điểm tiêm chủng") and blocks[3].startswith("![Người dân")
    assert blocks[4].startswith("Chiến dịch tiêm chủng")
    # Never hot-linked: the missing photo is listed, its caption kept in italics where it stood.
    assert "bna.1cdn.vn" not in nghean.body and "https://" not in nghean.body
    assert nghean.meta["missing_images"] == [{"url": "https://bna.1cdn.vn/2021/09/11/qr-xac-nhan.jpg",
                                              "caption": "Giấy xác nhận tiêm chủng có mã QR. Ảnh: Đinh Nguyệt"}]
    assert "\n*Giấy xác nhận tiêm chủng có mã QR. Ảnh: Đinh Nguyệt*\n" in nghean.body
    # A mirror's relative address gives the photo's original address.
    assert angiang.meta["images"] == [{"src": address,
                                       "original": "https://baoangiang.com.vn/image/news/2023/tai-mui-hong.jpg"}]


def test_documents_are_listed_with_name_type_size(saved, tmp_path):
    source, _ = saved
    content = tmp_path / "content"
    hanoi = _article(_by_page(_ingest(source, content / "articles"))["chien-luoc-quy-hoach84a0.html"])
    first, second = hanoi.meta["attachments"]
    assert first["name"] == "Phần 1" and first["type"] == "Word" and first["size"] == len(mirror.OLE)
    assert first["file"].startswith("/images/2012/12/") and first["file"].endswith(".doc")
    assert (content / first["file"].lstrip("/")).read_bytes() == mirror.OLE
    assert first["original"] == mirror.HANOI_DOC
    assert second == {"name": "Phần 2", "type": "Excel",
                      "original": "http://ict-hanoi.gov.vn/UploadFile/Tinbai/Danh muc bieu KH 2012.xls"}
    [cited] = _article(_by_page(_ingest(source, content / "articles"))["ly-do-khong-nen-ngoay-tai-a367201.html"]
                       ).meta["attachments"]
    assert cited["name"] == "Quyết định số 1369/QĐ-TTg" and cited["document"] == mirror.DOCUMENT
    assert cited["type"] == "PDF" and cited["original"] == "https://baoangiang.com.vn/van-ban/qd-1369.pdf"


def test_a_second_run_changes_no_byte(saved, tmp_path):
    source, _ = saved
    content = tmp_path / "content"
    _ingest(source, content / "articles")
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    again = _ingest(source, content / "articles")
    assert again["counts"]["unchanged"] == 3
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before
    statuses = {m["status"] for entry in again["inputs"] for m in entry["media"]}
    assert "copied" not in statuses and "duplicate" in statuses


def test_a_picture_every_page_shows_is_the_sites_not_an_articles(saved, tmp_path):
    """The same section banner inside the body of the three pages, each page with its own copy (as a
    browser saves it): the site's furniture, not an article's photo."""
    source, pages = saved
    banner = mirror.picture(700, 400, shade=7)
    anchors = {"nghean": "<p>Trong 2 ngày", "angiang": "<p>Trước tiên bạn cần biết", "hanoi": "   Nội dung:</p>"}
    for name, info in pages.items():
        page = info["page"].read_text(encoding="utf-8")
        assert anchors[name] in page
        info["page"].write_text(page.replace(anchors[name], '<p><img src="chuyen-muc.jpg"></p>' + anchors[name], 1),
                                encoding="utf-8")
        mirror.write(info["page"].parent / "chuyen-muc.jpg", banner)
    report = _ingest(source, tmp_path / "content" / "articles")
    shown = [m for entry in report["inputs"] for m in entry["media"] if m["address"] == "chuyen-muc.jpg"]
    assert len(shown) == 3 and all(m["status"] == "refused" and "nhiều trang" in m["reason"] for m in shown)
    assert all(stored_name(banner, "jpg") not in load(entry["output"]).body for entry in report["inputs"])
    assert report["media_counts"]["image"]["copied"] == 2      # the article photos still are


def test_a_mirrors_links_between_its_pages_lead_to_the_archives_articles(saved, tmp_path):
    source, _ = saved
    entries = _by_page(_ingest(source, tmp_path / "content" / "articles"))
    angiang = _article(entries["ly-do-khong-nen-ngoay-tai-a367201.html"])
    target = Path(entries["tiem-vac-xin.html"]["output"]).relative_to(tmp_path / "content").as_posix()
    assert f"Theo kinh nghiệm của [{mirror.LINK_TEXT}](<{{filename}}/{target}>), người bệnh" in angiang.body
    # Links to pages the folder does not have stay plain text (no address of the old site).
    hanoi = _article(entries["chien-luoc-quy-hoach84a0.html"])
    assert "](" not in hanoi.body


def test_the_summary_counts_pictures_and_documents(saved, tmp_path, capsys):
    import io

    from rich.console import Console

    from newsarchive.ingest import run
    from newsarchive.ingest.terminal import media_line, print_summary

    source, _ = saved
    report = run([source], tmp_path / "content" / "articles")
    assert media_line(report) == ("Ảnh: đã chép 2, trùng (đã có) 1, thiếu (bản lưu không có) 1, từ chối 30, "
                                  "không bài nào dùng 1; Văn bản đính kèm: đã chép 2, thiếu (bản lưu không có) 1.")
    out = io.StringIO()
    print_summary(report, Console(file=out, width=100))
    assert "Ảnh và văn bản đính kèm" in out.getvalue() and "từ chối" in out.getvalue()
