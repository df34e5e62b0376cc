"""newsarchive check on fixture files: every error and warning at its exact ``path:line:``."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES
from newsarchive.article import TIMEZONE
from newsarchive.check import run
from newsarchive.cli import main

CHECK = FIXTURES / "check"
EXPECTED = yaml.safe_load((CHECK / "expected.yaml").read_text(encoding="utf-8"))
NOW = datetime(2026, 1, 1, tzinfo=TIMEZONE)


@pytest.fixture
def archive(monkeypatch) -> Path:
    """Work inside the fixture archive so paths print as 'duplicates/a.md'."""
    monkeypatch.chdir(CHECK / "articles")
    return Path(".")


@pytest.fixture(scope="module")
def report():
    import os

    cwd = os.getcwd()
    os.chdir(CHECK / "articles")
    try:
        return run(None, content=Path("."), now=NOW)
    finally:
        os.chdir(cwd)


def test_every_fixture_is_listed_in_the_expectations():
    files = sorted(str(p.relative_to(CHECK / "articles")) for p in (CHECK / "articles").rglob("*.md"))
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_of_each_fixture(report, name):
    found = [f for f in report.findings if f.path == name]
    assert len(found) == len(EXPECTED[name]), "\n".join(map(str, found))
    for finding, expected in zip(found, EXPECTED[name]):
        where, fragment = expected.split(": ", 1)
        line, severity = where.split()
        assert finding.severity == severity, finding
        label = "cảnh báo: " if severity == "warning" else ""
        assert str(finding).startswith(f"{name}:{line}: {label}"), finding
        assert fragment in finding.message, finding


def test_exit_code_is_1_on_errors_0_on_warnings(archive, capsys):
    assert main(["check", "--content", ".", "."]) == 1
    out = capsys.readouterr().out
    assert "bad-slug.md:6: slug 'Slug có dấu'" in out
    assert main(["check", "--content", ".", "future-date.md", "raw-html.md", "good.md"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("future-date.md:3: cảnh báo: ngày đăng 2999-01-01")
    assert len(out) == 5


def test_json_format(archive, capsys):
    assert main(["check", "--content", ".", "--format", "json", "yaml-syntax.md", "good.md"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["files"] == 2 and data["errors"] == 1 and data["warnings"] == 0
    assert data["problems"][0]["path"] == "yaml-syntax.md" and data["problems"][0]["line"] == 5


def test_a_staged_file_is_compared_with_the_whole_archive(archive, capsys):
    """pre-commit passes one file; its duplicate slug elsewhere is still found."""
    assert main(["check", "--content", ".", "duplicates/c.md"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "duplicates/c.md:7: slug 'bai-trung' đã được dùng ở bài duplicates/a.md:6; "
        "mỗi bài cần một slug riêng, ví dụ 'bai-trung-2'",
        "duplicates/c.md:7: slug 'bai-trung' đã được dùng ở bài duplicates/b.md:6; "
        "mỗi bài cần một slug riêng, ví dụ 'bai-trung-2'",
    ]


def test_missing_path_is_a_usage_error(archive, capsys):
    assert main(["check", "khong-co.md"]) == 2
    assert "không tìm thấy: khong-co.md" in capsys.readouterr().err


def test_ingested_samples_are_clean(tmp_path):
    from conftest import ingest_fixtures

    ingest_fixtures(tmp_path / "content")
    report = run(None, content=tmp_path / "content", now=NOW)
    assert report.files == 5
    assert [str(f) for f in report.findings if f.severity == "error"] == []


def test_parallel_scan_gives_the_same_report(tmp_path, monkeypatch):
    import newsarchive.check as check

    for name in ("good.md", "raw-html.md", "tag-variants.md"):
        shutil.copy(CHECK / "articles" / name, tmp_path / name)
    monkeypatch.setattr(check, "PARALLEL_FROM", 1)
    assert run(None, content=tmp_path, now=NOW, jobs=2) == run(None, content=tmp_path, now=NOW, jobs=1)


HOSTILE = {
    "deep.md": ("---\ntitle: x\ntags: " + "[" * 3000 + "]" * 3000 + "\n---\nbody\n", 3, "YAML"),
    "deep-map.md": ("---\ntitle: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n---\nbody\n", 2, "YAML"),
    "python-tag.md": ("---\ntitle: !!python/object:os.system x\n---\nbody\n", 2, "YAML"),
    "nul.md": ("---\ntitle: a\x00b\n---\nbody\n", 2, "U+0000"),
    "unhashable-key.md": ("---\n? [a]\n: b\ntitle: x\n---\nbody\n", 2, "YAML"),
    "not-a-mapping.md": ("---\n- a\n---\nbody\n", 2, "khóa: giá trị"),
    "empty.md": ("", 1, "thiếu phần thông tin đầu bài"),
    "binary.md": ("\x00\x01\x02", 1, "thiếu phần thông tin đầu bài"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_front_matter_is_one_line_at_its_line(tmp_path, name):
    text, line, fragment = HOSTILE[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    report = run(None, content=tmp_path, now=NOW)
    first = report.findings[0]
    assert str(first).startswith(f"{tmp_path / name}:{line}: ") and fragment in first.message, first
    assert all("\n" not in str(f) for f in report.findings)


def test_cache_gives_the_same_report_and_rereads_changed_files(tmp_path):
    content, cache = tmp_path / "content", tmp_path / "cache" / "check.json"
    shutil.copytree(CHECK / "articles", content)
    cold = run(None, content=content, now=NOW, cache=cache)
    assert cache.is_file()
    assert run(None, content=content, now=NOW, cache=cache) == cold
    # the future date is judged against the clock of each run, never cached
    later = run(None, content=content, now=datetime(3000, 1, 1, tzinfo=TIMEZONE), cache=cache)
    assert later.warnings == cold.warnings - 1

    good = content / "good.md"
    good.write_text(good.read_text(encoding="utf-8").replace("slug: hoi-nghi", "slug: Hoi-nghi"), encoding="utf-8")
    changed = run([good], content=content, now=NOW, cache=cache)
    assert [str(f).split(": ")[0] for f in changed.findings] == [f"{good}:7"]


HOSTILE_FRONT_MATTER = FIXTURES / "hostile" / "front-matter"
HOSTILE_EXPECTED = yaml.safe_load((FIXTURES / "hostile" / "front-matter.yaml").read_text(encoding="utf-8"))


def test_every_hostile_front_matter_fixture_is_listed():
    assert sorted(p.name for p in HOSTILE_FRONT_MATTER.glob("*.md")) == sorted(HOSTILE_EXPECTED)


@pytest.mark.parametrize("name", sorted(HOSTILE_EXPECTED))
def test_hostile_front_matter_fails_check_at_its_line(tmp_path, monkeypatch, capsys, name):
    """Each file alone: exit 1 and one `path:line: message`, no traceback."""
    (tmp_path / "articles").mkdir()
    shutil.copy(HOSTILE_FRONT_MATTER / name, tmp_path / "articles" / name)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "."]) == 1
    captured = capsys.readouterr()
    line, fragment = HOSTILE_EXPECTED[name].split(": ", 1)
    assert captured.out.splitlines()[0].startswith(f"articles/{name}:{line}: ") and fragment in captured.out
    assert len(captured.out.splitlines()) == 1 and "Traceback" not in captured.out + captured.err


def _article(path: Path, slug: str, body: str = "Nội dung.", tags: str = "[An Giang]", extra: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Bài {slug}\ndate: 2024-05-01T08:00:00+07:00\nauthor: null\ntags: {tags}\n"
                    f"portal: editor\nslug: {slug}\n{extra}---\n\n{body}\n", encoding="utf-8")
    return path


def test_symlinks_out_of_the_content_folder_are_errors(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    secret = _article(elsewhere / "bai.md", "bi-mat")
    (elsewhere / "anh.png").write_bytes(b"\x89PNG secret")
    content = tmp_path / "content"
    _article(content / "articles" / "that.md", "that")
    (content / "articles" / "ngoai.md").symlink_to(secret)
    (content / "articles" / "thu-muc").symlink_to(elsewhere, target_is_directory=True)
    (content / "images").mkdir()
    (content / "images" / "leak.png").symlink_to(elsewhere / "anh.png")
    (content / "images" / "trong.png").write_bytes(b"\x89PNG")
    (content / "images" / "lien-ket-trong.png").symlink_to(content / "images" / "trong.png")
    monkeypatch.chdir(tmp_path)
    report = run(None, content=Path("content"), now=NOW)
    errors = sorted(str(f) for f in report.findings if f.severity == "error")
    assert [e.split(": ")[0] for e in errors] == [
        "content/articles/ngoai.md:1", "content/articles/thu-muc:1", "content/images/leak.png:1"], errors
    assert all("liên kết (symlink) dẫn ra ngoài thư mục content" in e for e in errors)
    assert "thư mục này" in errors[1] and "tệp này" in errors[0]
    # pre-commit passes the staged file itself
    staged = run([Path("content/articles/ngoai.md")], content=Path("content"), now=NOW)
    assert [str(f).split(": ")[0] for f in staged.findings] == ["content/articles/ngoai.md:1"]


def test_links_that_leave_the_content_folder_are_errors(tmp_path):
    content = tmp_path / "content"
    body = ("![a]({static}/images/2024/05/a.jpg) ![b]({static}/../../etc/hostname)\n\n"
            "[c]({attach}../../../../../../etc/os-release) [d]({attach}anh.jpg) ![e](|static|/../x)")
    _article(content / "articles" / "2024" / "05" / "bai.md", "bai", body)
    report = run(None, content=content, now=NOW)
    found = [(f.line, f.message.split("'")[1]) for f in report.findings]
    assert found == [(10, "{static}/../../etc/hostname"), (10, "{static}/images/2024/05/a.jpg"),
                     (12, "{attach}../../../../../../etc/os-release"), (12, "|static|/../x")]   # a.jpg: no such file


def test_a_new_spelling_is_warned_against_the_archives(tmp_path, monkeypatch):
    """The staged article gets the warning, with the spelling the archive already has, even when
    the two are used as often; a tag typed without its marks is found too."""
    monkeypatch.chdir(tmp_path)
    _article(Path("content/articles/cu.md"), "cu", tags="[Tỉnh ủy An Giang]")
    new = _article(Path("content/articles/moi.md"), "moi", tags="[Tỉnh Ủy An Giang, Ban Thuong vu Tinh uy, Hóa]")
    _article(Path("content/articles/khac.md"), "khac", tags="[Hòa]")
    report = run([new], content=Path("content"), now=NOW)
    assert sorted(str(f) for f in report.findings) == sorted([
        "content/articles/moi.md:5: cảnh báo: thẻ 'Tỉnh Ủy An Giang' chỉ khác thẻ 'Tỉnh ủy An Giang' ở chữ hoa, "
        "chữ thường hoặc khoảng trắng; hãy viết 'Tỉnh ủy An Giang'",
        "content/articles/moi.md:5: cảnh báo: thẻ 'Ban Thuong vu Tinh uy' thiếu dấu so với thẻ "
        "'Ban Thường vụ Tỉnh ủy' đã có; hãy viết 'Ban Thường vụ Tỉnh ủy'",
    ])   # "Hóa" and "Hòa" are two words: nothing said


def test_a_withdrawn_article_has_no_page_to_collide(tmp_path):
    content = tmp_path / "content"
    _article(content / "articles" / "a.md", "trung")
    _article(content / "articles" / "b.md", "trung", extra="withdrawn: Gỡ theo yêu cầu của tác giả\n")
    assert run(None, content=content, now=NOW).findings == []
    (content / "articles" / "b.md").write_text((content / "articles" / "b.md").read_text(encoding="utf-8")
                                               .replace("withdrawn: Gỡ theo yêu cầu của tác giả\n", ""),
                                               encoding="utf-8")
    assert run(None, content=content, now=NOW).errors == 2     # one URL, reported on each


def test_ingested_photo_and_document_lists_are_checked_at_their_lines(tmp_path):
    """images, missing_images, attachments (ingest writes them): each item's keys and values, and a
    document's file in the content folder."""
    content = tmp_path / "content"
    (content / "images" / "2024" / "05").mkdir(parents=True)
    (content / "images" / "2024" / "05" / "co.pdf").write_bytes(b"%PDF-1.4")
    extra = ("images:\n- src: /images/2024/05/a.jpg\n  original: ftp://cu.vn/a.jpg\n"
             "missing_images:\n- caption: Quang cảnh\n"
             "attachments:\n- name: Kế hoạch\n  file: /images/2024/05/co.pdf\n  size: 8\n"
             "- name: Quyết định\n  file: /images/2024/05/khong-co.pdf\n  type: PDF\n"
             "- name: Thông báo\n  file: ../../etc/passwd\n  colour: đỏ\n")
    _article(content / "articles" / "2024" / "05" / "bai.md", "bai", extra=extra)
    found = sorted((f.line, f.message) for f in run(None, content=content, now=NOW).findings)
    assert [line for line, _ in found] == [9, 12, 17, 20, 20, 20], found     # each item's first line
    assert "mục thứ 1 của images: original 'ftp://cu.vn/a.jpg' không hợp lệ" in found[0][1]
    assert "mục thứ 1 của missing_images phải có 'url:' hoặc 'address:'" in found[1][1]
    assert found[2][1].startswith("văn bản đính kèm '/images/2024/05/khong-co.pdf' không có tệp")
    last = " | ".join(message for _, message in found[3:])
    assert "mục thứ 3 của attachments: file '../../etc/passwd' không hợp lệ" in last
    assert "khóa 'colour' không dùng được" in last and "văn bản đính kèm '../../etc/passwd'" in last
