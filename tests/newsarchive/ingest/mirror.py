"""Saved-page fixtures for the media tests: real portal pages with generated pictures and documents.

The pages are the byte copies and excerpts of ``tests/fixtures/html/`` (sources in its SOURCES.md):
Báo Nghệ An (a photo in a one-cell caption table), Báo An Giang (related-article thumbnails after the
body), Sở TT&TT Hà Nội (an HTTrack mirror, Liferay, a ``.doc`` linked in the body). Each test makes the
files anew with Pillow; only the addresses in the pages are changed, so that each picture points at a
generated file (or at none, for a picture the scrape did not save), and a few pictures are added
where the brief's cases need them (a ``<figure>``, an "Ảnh: …" line under a picture, a logo).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image

FIXTURES = Path(__file__).parents[2] / "fixtures" / "html"
NGHEAN = (FIXTURES / "baonghean.vn.tiem-vac-xin.html").read_text(encoding="utf-8")
ANGIANG = (FIXTURES / "baoangiang.com.vn.ngoay-tai.html").read_text(encoding="utf-8")
HANOI = (FIXTURES / "sotttt.hanoi.gov.vn.chien-luoc-quy-hoach.html").read_text(encoding="utf-8")
NGHEAN_PHOTO = "https://bna.1cdn.vn/2021/09/11/uploaded-dinhnguyetbna-2021_09_11-_bna_bna_31238137599_1192021.jpg"
NGHEAN_CAPTION = ("Điểm tiêm chủng vắc-xin Covid-19 tại Trường Cao đẳng Việt - Đức do Bệnh viện Đa khoa thành phố "
                  "Vinh thực hiện được tổ chức khoa học, bài bản, đảm bảo an toàn trong công tác phòng, chống dịch.")
ANGIANG_PARAGRAPH = "<p>Bác sĩ chuyên khoa 2 Nguyễn Thị Chi Mai"
HANOI_DOC = "http://ict-hanoi.gov.vn/UploadFile/Tinbai/Bieu 7- Danh gia hien trang (Huong dan KH 2010).doc"
# A link in the body to another page of the folder (the browser-saved Báo Nghệ An page).
LINK_TEXT = "Bệnh viện Đa khoa thành phố Vinh"
LINK_PARAGRAPH = (f'<p>Theo kinh nghiệm của <a href="../nghean/tiem-vac-xin.html">{LINK_TEXT}</a>, người bệnh nên '
                  "khám tai mũi họng định kỳ sáu tháng một lần.</p>")
# A document the body cites, linked as an attachment: its /document/ page is linked beside it.
DOCUMENT = "Quyết định 1369/QĐ-TTg"
DOCUMENT_PARAGRAPH = ('<p>Việc khám, chữa bệnh tai mũi họng thực hiện theo <a href="van-ban/qd-1369.pdf">Quyết định '
                      "số 1369/QĐ-TTg</a> của Thủ tướng Chính phủ về danh mục kỹ thuật.</p>")
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)   # the first bytes of a Word 97-2003 file


def picture(width: int = 640, height: int = 427, shade: int = 0, kind: str = "JPEG") -> bytes:
    """A photo-like picture, different for each ``shade``."""
    image = Image.new("RGB", (width, height), (40 + shade * 17 % 200, 90, 160))
    for x in range(0, width, 16):
        image.paste((shade * 31 % 255, x % 255, 90), (x, 0, x + 8, height // 2))
    out = BytesIO()
    image.save(out, kind)
    return out.getvalue()


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def nghean_browser_save(folder: Path) -> dict:
    """Báo Nghệ An saved by a browser ("save page, complete"): ``tiem-vac-xin.html`` and
    ``tiem-vac-xin_files/``. The caption-table photo saved; a ``<figure>`` added after the second
    paragraph, saved; a lazy-loaded photo with an "Ảnh: …" line under it, not saved; the site's logo
    in the header and a share button in the body."""
    files = "tiem-vac-xin_files"
    page = NGHEAN.replace(NGHEAN_PHOTO, f"{files}/uploaded-dinhnguyetbna.jpg")
    page = page.replace("<p>Chiến dịch tiêm chủng diễn ra", (
        f'<figure><img src="./{files}/hang-nguoi.jpg" alt="anh"><figcaption>Người dân xếp hàng chờ tiêm tại '
        f'Trường Cao đẳng Việt - Đức. Ảnh: Đức Anh</figcaption></figure>'
        f'<p><img class="share-zalo" src="{files}/zalo.png"></p>'
        "<p>Chiến dịch tiêm chủng diễn ra"), 1)
    page = page.replace("<p>Bệnh viện trả Giấy xác nhận", (
        f'<p><img src="{files}/blank.gif" data-src="https://bna.1cdn.vn/2021/09/11/qr-xac-nhan.jpg"></p>'
        "<p>Giấy xác nhận tiêm chủng có mã QR. Ảnh: Đinh Nguyệt</p>"
        "<p>Bệnh viện trả Giấy xác nhận"), 1)
    page = page.replace("<body", f'<body><header><img src="{files}/logo-bna.png" alt="Báo Nghệ An"></header><div', 1)
    write(folder / "tiem-vac-xin.html", page)
    write(folder / files / "uploaded-dinhnguyetbna.jpg", picture(shade=1))
    write(folder / files / "hang-nguoi.jpg", picture(800, 533, shade=2))
    write(folder / files / "zalo.png", picture(32, 32, shade=3, kind="PNG"))
    write(folder / files / "logo-bna.png", picture(300, 60, shade=4, kind="PNG"))
    write(folder / files / "blank.gif", picture(1, 1, kind="GIF"))
    write(folder / files / "style.css", "body{}")
    return {"page": folder / "tiem-vac-xin.html", "copied": 2, "missing": 1}


def angiang_mirror(folder: Path, photo: bytes) -> dict:
    """Báo An Giang as a wget/HTTrack mirror (``baoangiang.com.vn/``): a photo with the line under it
    as its caption added in the body (the same bytes as ``photo``: stored once), a paragraph linking
    to the Nghệ An page of the folder, one linking a PDF of the document it cites, the related
    articles' thumbnails after the body saved beside it."""
    site = folder / "baoangiang.com.vn"
    page = ANGIANG.replace(ANGIANG_PARAGRAPH, (
        '<p style="text-align:center"><img src="image/news/2023/tai-mui-hong.jpg"></p>'
        "<p>Khám tai mũi họng cho người bệnh tại Bệnh viện đa khoa khu vực Thủ Đức (Ảnh: Hoàng Giang)</p>"
        + ANGIANG_PARAGRAPH), 1)
    page = page.replace("https://images.baoangiang.com.vn/image/news/2026/", "image/thumbnail/")
    page = page.replace("<p>Nếu bạn cảm thấy sưng đau", LINK_PARAGRAPH + DOCUMENT_PARAGRAPH
                        + "<p>Nếu bạn cảm thấy sưng đau", 1)
    write(site / "ly-do-khong-nen-ngoay-tai-a367201.html", page)
    write(site / "image/news/2023/tai-mui-hong.jpg", photo)
    write(site / "van-ban/qd-1369.pdf", PDF)
    for number, name in enumerate(("20260928/thumbnail/510x286/thong-bao-ngung-gia_4887_1790563271.jpg",
                                   "20260925/thumbnail/510x286/dong-chi-dinh-van-no_6006_1790348214.jpg")):
        write(site / "image/thumbnail" / name, picture(510, 286, shade=10 + number))
    return {"page": site / "ly-do-khong-nen-ngoay-tai-a367201.html", "copied": 1, "attachments": 1}


def hanoi_mirror(folder: Path) -> dict:
    """Sở TT&TT Hà Nội, an HTTrack mirror: the Word document its body links to saved where wget puts
    it (``<host>/<path>``)."""
    site = folder / "sotttt.hanoi.gov.vn"
    write(site / "chien-luoc-quy-hoach84a0.html", HANOI)
    write(folder / "ict-hanoi.gov.vn/UploadFile/Tinbai/Bieu 7- Danh gia hien trang (Huong dan KH 2010).doc", OLE)
    return {"page": site / "chien-luoc-quy-hoach84a0.html", "attachments": 1}
