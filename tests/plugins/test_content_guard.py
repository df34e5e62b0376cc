"""The build refuses what an article may not do, on real Pelican and the real `make html`.

* Every hostile front matter (tests/fixtures/hostile/front-matter) stops `make html` with its
  `path:line: message`, no traceback, and yesterday's output/ stays byte for byte.
* Symlinks out of content/ (an article, a folder of articles, an image) and {static}/{attach}
  links that leave it are refused; the linked file's bytes appear nowhere.
* One output path per page: a page or static file that would write over a site page or an
  article is a `path:line` error (plugins/content_guard).
* 'withdrawn' takes an article off the site; the build goes on.
"""

from __future__ import annotations

import shutil

import pytest
import yaml

from conftest import FIXTURES, build_site
from test_atomic_build import make_html, previous_site, tree

GOOD = FIXTURES / "check" / "articles" / "good.md"
HOSTILE = FIXTURES / "hostile" / "front-matter"
EXPECTED = yaml.safe_load((FIXTURES / "hostile" / "front-matter.yaml").read_text(encoding="utf-8"))
SECRET = b"BI-MAT-CUA-MAY-DUNG-TRANG 7f3a"


def _content(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(GOOD, content / "articles" / "good.md")
    return content


def _article(slug: str, extra: str = "", body: str = "Nội dung bài.") -> str:
    return (f"---\ntitle: Bài {slug}\ndate: 2024-05-01T08:00:00+07:00\nauthor: null\ntags: [An Giang]\n"
            f"portal: editor\nslug: {slug}\n{extra}---\n\n{body}\n")


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


def test_every_hostile_front_matter_stops_make_html_and_keeps_the_previous_output(tmp_path):
    content, output = _content(tmp_path), tmp_path / "output"
    for name in EXPECTED:
        shutil.copy(HOSTILE / name, content / "articles" / name)
    before = previous_site(output)
    process = make_html(content, output)
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode != 0
    assert "Traceback" not in stdout + stderr, stderr
    for name, expected in EXPECTED.items():
        line, fragment = expected.split(": ", 1)
        shown = [row for row in stderr.splitlines() if row.startswith(f"{content}/articles/{name}:{line}: ")]
        assert shown and fragment in shown[0], (name, stderr)
    assert tree(output) == before


@pytest.fixture
def secret(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "passwd").write_bytes(SECRET)
    (elsewhere / "bai.md").write_text(_article("bai-ngoai-cay", body=SECRET.decode()), encoding="utf-8")
    return elsewhere


def _leaked(folder) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and SECRET in p.read_bytes()] if folder.exists() else []


def _refused_by_make_html(tmp_path, content, expected: list[str]) -> None:
    output = tmp_path / "output"
    before = previous_site(output)
    process = make_html(content, output)
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode != 0 and "Traceback" not in stdout + stderr, stderr
    for where in expected:
        assert f"{content}/{where}" in stderr, (where, stderr)
    assert tree(output) == before
    assert not _leaked(tmp_path / "output.new") and not _leaked(output)


def test_articles_and_links_out_of_content_stop_make_html(tmp_path, secret):
    content = _content(tmp_path)
    (content / "articles" / "ngoai.md").symlink_to(secret / "bai.md")
    (content / "articles" / "thu-muc").symlink_to(secret, target_is_directory=True)
    depth = len(content.parts)
    links = f"![a]({{static}}/{'../' * depth}{str(secret / 'passwd').lstrip('/')})\n\n[b]({{attach}}../../x)"
    (content / "articles" / "lien-ket.md").write_text(_article("lien-ket", body=links), encoding="utf-8")
    _refused_by_make_html(tmp_path, content, [
        "articles/ngoai.md:1: tệp này là liên kết (symlink) dẫn ra ngoài thư mục content",
        "articles/thu-muc/bai.md:1: tệp này là liên kết (symlink)",
        "articles/lien-ket.md:10: liên kết '{static}/../", "articles/lien-ket.md:12: liên kết '{attach}../../x'"])


def test_a_symlinked_image_stops_make_html(tmp_path, secret):
    """Pelican would copy it through the link: the machine's file in the PR preview."""
    content = _content(tmp_path)
    (content / "images").mkdir()
    (content / "images" / "leak.png").symlink_to(secret / "passwd")
    _refused_by_make_html(tmp_path, content, [
        "images/leak.png:1: tệp này là liên kết (symlink) dẫn ra ngoài thư mục content"])


def test_under_devserver_a_symlinked_image_is_left_out_and_the_site_built(tmp_path, secret):
    content = _content(tmp_path)
    (content / "images").mkdir()
    (content / "images" / "leak.png").symlink_to(secret / "passwd")
    (content / "images" / "that.png").write_bytes(b"\x89PNG that")
    result = build_site(content, tmp_path / "output", extra=["-e", "ARCHIVE_READER_FATAL=false"])
    assert result.returncode == 0, result.stderr
    assert "images/leak.png:1: tệp này là liên kết (symlink)" in result.stderr
    assert (tmp_path / "output" / "images" / "that.png").is_file()
    assert not (tmp_path / "output" / "images" / "leak.png").exists() and not _leaked(tmp_path / "output")


@pytest.mark.parametrize("slug, written, other", [
    ("tags", "tags/index.html", "trang 'tags'"),
    ("search", "search/index.html", "trang 'search'"),
    ("'2024'", "2024/index.html", "trang lưu trữ theo thời gian"),
    ("archives", "archives/index.html", "trang 'archives'"),
    ("portals", "portals/index.html", "trang danh sách nguồn tin"),
])
def test_a_page_over_a_site_page_is_refused(tmp_path, slug, written, other):
    content = _content(tmp_path)
    (content / "pages").mkdir()
    (content / "pages" / "trang.md").write_text(_article(slug), encoding="utf-8")
    result = build_site(content, tmp_path / "output")
    assert result.returncode == 1
    _no_traceback(result)
    assert f"{content}/pages/trang.md:7: bài này được ghi ra {written}, trùng với {other}" in result.stderr
    assert not (tmp_path / "output" / written).exists()


def test_a_static_file_over_an_article_is_refused(tmp_path):
    """Article and static file claim 2024/05/<slug>/index.html (a site whose STATIC_PATHS reach the year folders)."""
    content = _content(tmp_path)
    page = content / "2024" / "05" / "hoi-nghi-so-ket-cong-tac-6-thang" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<h1>trang giả</h1>", encoding="utf-8")
    result = build_site(content, tmp_path / "output", extra=["-e", 'STATIC_PATHS=["images", "2024"]'])
    assert result.returncode == 1
    _no_traceback(result)
    claim = "2024/05/hoi-nghi-so-ket-cong-tac-6-thang/index.html"
    assert f"{page}:1: tệp này được chép ra {claim}, trùng với {content}/articles/good.md:7" in result.stderr
    assert f"{content}/articles/good.md:7: bài này được ghi ra {claim}, trùng với {page}:1" in result.stderr


def test_a_withdrawn_article_is_not_published(tmp_path):
    content = _content(tmp_path)
    (content / "articles" / "go.md").write_text(
        _article("bai-da-go", extra="withdrawn: Gỡ theo yêu cầu của tác giả ngày 1/6/2024\n"), encoding="utf-8")
    result = build_site(content, tmp_path / "output", extra=["-e", 'PAGEFIND={"enabled": false}'])
    assert result.returncode == 0, result.stderr
    site = tmp_path / "output"
    assert (site / "2024" / "05" / "hoi-nghi-so-ket-cong-tac-6-thang" / "index.html").is_file()
    assert not (site / "2024" / "05" / "bai-da-go").exists()
    assert not [p for p in site.rglob("*") if p.is_file() and b"bai-da-go" in p.read_bytes()]
