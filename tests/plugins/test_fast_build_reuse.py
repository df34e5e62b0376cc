"""Incremental `make html`: pages and search shards whose inputs did not change are kept from
the published output, not rendered nor written again (plugins/fast_build/reuse.py, keys.py,
commit.py), and the site after each change is byte for byte the site a clean build writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archive_fixture import EXTRA, write_articles
from conftest import ROOT
from test_archive_reader_cache import assert_same_tree

sys.path.insert(0, str(ROOT))
from plugins.fast_build.commit import commit  # noqa: E402

# Read and render in two forked workers even for this small site, and check at every key
# that no article field set while reading changed afterwards (keys.py).
FORKED = 'FAST_BUILD={"processes": 2, "min_items": 1, "check_read_digests": true}'


def make_html(content: Path, output: Path, *settings: str) -> str:
    """The real `make html` (never reinstalling), small listing pages; returns Pelican's log."""
    command = ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.installed", "html",
               f"CONTENT={content}", f"OUTPUT={output}", f"BIN={Path(sys.executable).parent}",
               "SETTINGS=" + " ".join(f"'{setting}'" for setting in [EXTRA[1], FORKED, *settings])]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def identities(output: Path) -> dict[str, int]:
    """Inode of every file: a file kept from the last build keeps its inode."""
    return {str(p.relative_to(output)): p.stat().st_ino for p in output.rglob("*") if p.is_file()}


def clean_build(content: Path, folder: Path) -> Path:
    output = folder / "output"
    shutil.rmtree(folder, ignore_errors=True)
    make_html(content, output)
    return output


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    base = tmp_path_factory.mktemp("reuse")
    write_articles(base / "content", range(60))   # 2019-2024: six year shards, full listing pages
    make_html(base / "content", base / "site" / "output")
    return base


def article_path(content: Path, number: int) -> Path:
    return next((content / "articles").rglob(f"bai-so-{number}.md"))


# Numbers not divisible by 4: those cite a document, whose count every citing article shows.
CHANGES = {
    "add": lambda content: write_articles(content, [61]),
    "edit the text": lambda content: article_path(content, 30).write_text(
        article_path(content, 30).read_text(encoding="utf-8") + "\nĐoạn văn thêm khi sửa bài.\n", encoding="utf-8"),
    "retitle": lambda content: article_path(content, 59).write_text(
        article_path(content, 59).read_text(encoding="utf-8").replace("Bài số 59:", "Bài năm mươi chín:"),
        encoding="utf-8"),
    "delete": lambda content: article_path(content, 13).unlink(),
    "cite a document": lambda content: article_path(content, 33).write_text(
        article_path(content, 33).read_text(encoding="utf-8").replace("tags: [", "tags: [Chỉ thị 42-CT/TU, "),
        encoding="utf-8"),
    # to another year: it leaves one search shard and its folder of pages for another
    "redate": lambda content: article_path(content, 22).write_text(
        article_path(content, 22).read_text(encoding="utf-8").replace("date: 2021-", "date: 2020-"),
        encoding="utf-8"),
}


def test_each_change_builds_the_bytes_of_a_clean_build_and_keeps_the_rest(archive, tmp_path):
    """One incremental site, the changes in a row; after each, a clean build to compare with."""
    content, output = archive / "content", archive / "site" / "output"
    for name, change in CHANGES.items():
        before = identities(output)
        text_before = {path: path.read_bytes() for path in (content / "articles").rglob("*.md")}
        change(content)
        assert text_before != {path: path.read_bytes() for path in (content / "articles").rglob("*.md")}, name
        log = make_html(content, output)
        assert "Traceback" not in log
        after = identities(output)
        assert_same_tree(clean_build(content, tmp_path / name.replace(" ", "-")), output)
        if name == "cite a document":   # every citing article shows the count: many pages change
            continue
        kept = [page for page, inode in after.items() if before.get(page) == inode]
        rewritten = [page for page in after if page.endswith(".html") and page not in kept]
        # Most article pages and the older years' search shards stay where they are.
        assert sum(1 for page in kept if page.endswith("/index.html")) > 40, name
        assert any(page.startswith("pagefind/2019/") for page in kept), name
        assert 0 < len(rewritten) < 60, (name, len(rewritten))
        assert not (output.parent / "output.new").exists()


def test_a_build_with_nothing_changed_rewrites_no_page(archive):
    content, output = archive / "content", archive / "site" / "output"
    make_html(content, output)
    before = identities(output)
    make_html(content, output)
    after = identities(output)
    rewritten = sorted(page for page in after if before.get(page) != after[page])
    pages = [page for page in rewritten if page.endswith("/index.html") and page.split("/")[0].isdigit()]
    assert pages == [] and not any(page.startswith(("pagefind/20", "feeds/")) for page in rewritten), rewritten
    assert any(page.startswith("feeds/") for page in after)


def test_a_changed_setting_renders_every_page_again(archive, tmp_path):
    content, output = archive / "content", archive / "site" / "output"
    renamed = 'SITENAME="Lưu trữ mới"'
    make_html(content, output, renamed)
    clean = tmp_path / "output"
    make_html(content, clean, renamed)
    assert_same_tree(clean, output)
    assert "Lưu trữ mới" in next((output / "2019").rglob("bai-so-*/index.html")).read_text(encoding="utf-8")


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


def _stage(staging: Path, files: dict[str, str], kept: str) -> None:
    for name, text in files.items():
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_text(text, encoding="utf-8")
    (staging / ".kept").write_text(kept, encoding="utf-8")


def test_commit_moves_the_staging_in_keeps_what_is_listed_and_deletes_the_rest(tmp_path):
    published, staging = tmp_path / "output", tmp_path / "output.new"
    for name, text in {"old.html": "cũ", "kept/page.html": "giữ", "shard/a": "1", "shard/b": "2",
                       "gone/page.html": "bỏ", ".build-id": "x", "replaced.html": "cũ"}.items():
        (published / name).parent.mkdir(parents=True, exist_ok=True)
        (published / name).write_text(text, encoding="utf-8")
    _stage(staging, {"new/page.html": "mới", "replaced.html": "mới", ".build-id": "y"}, "kept/page.html\nshard/\n")
    commit(staging, published)   # no list of files yet: the whole tree is walked
    assert _tree(published) == {"new/page.html": "mới", "replaced.html": "mới", "kept/page.html": "giữ",
                                "shard/a": "1", "shard/b": "2", ".build-id": "y"}
    assert not staging.exists() and not (published / "gone").exists()
    assert (tmp_path / "output.files").read_text(encoding="utf-8").splitlines() == [
        ".build-id", "kept/page.html", "new/page.html", "replaced.html", "shard/"]

    # From the list: the shard is indexed again (its old files go), a page goes, a file no
    # build wrote stays.
    (published / "notes.txt").write_text("của người quản trị", encoding="utf-8")
    _stage(staging, {"shard/c": "3", ".build-id": "z"}, "kept/page.html\nnew/page.html\n")
    commit(staging, published)
    assert _tree(published) == {"new/page.html": "mới", "kept/page.html": "giữ", "shard/c": "3",
                                ".build-id": "z", "notes.txt": "của người quản trị"}

    # The shard kept again as a folder: its files listed one by one last time stay.
    _stage(staging, {".build-id": "w"}, "kept/page.html\nnew/page.html\nshard/\n")
    commit(staging, published)
    assert _tree(published) == {"new/page.html": "mới", "kept/page.html": "giữ", "shard/c": "3",
                                ".build-id": "w", "notes.txt": "của người quản trị"}


def test_commit_without_a_published_output_renames_the_staging(tmp_path):
    staging = tmp_path / "output.new"
    staging.mkdir()
    (staging / "index.html").write_text("mới", encoding="utf-8")
    commit(staging, tmp_path / "output")
    assert (tmp_path / "output" / "index.html").read_text(encoding="utf-8") == "mới"
    assert not staging.exists()


def test_a_key_follows_objects_with_slots_and_refuses_what_it_cannot_describe():
    from dataclasses import dataclass, field

    from plugins.fast_build.keys import PageKeys, Unkeyable

    @dataclass(slots=True)
    class Document:          # like tag_vocabulary's CitedDocument
        name: str
        articles: list = field(default_factory=list)

    class Node:
        def __init__(self):
            self.parent = self

    def key(**variables):
        return PageKeys(b"base").key("a/index.html", "article", {"SITENAME": "Lưu trữ"}, False, variables)

    assert key(document=Document("Chỉ thị 42", [1])) == key(document=Document("Chỉ thị 42", [1]))
    assert key(document=Document("Chỉ thị 42", [1])) != key(document=Document("Chỉ thị 42", [1, 2]))
    for unkeyable in (object(), Node()):
        with pytest.raises(Unkeyable):
            key(value=unkeyable)


def test_in_place_builds_keep_unchanged_pages_and_match_a_clean_build(tmp_path):
    """PUBLISHED_PATH = the output itself, as `make devserver` builds: kept pages stay, untouched."""
    content, output = tmp_path / "content", tmp_path / "site" / "output"
    write_articles(content, range(40))
    in_place = [EXTRA[1], FORKED, f'PUBLISHED_PATH="{output}"']

    def build():
        result = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s",
                                 str(ROOT / "pelicanconf.py"), "--cache-path", str(tmp_path / "cache"),
                                 "-e", *in_place], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr, result.stderr

    build()
    assert (output / ".build-id").is_file() and not (output / ".kept").exists()
    before = {page: (inode, (output / page).stat().st_mtime_ns) for page, inode in identities(output).items()}
    CHANGES["edit the text"](content)
    build()
    assert_same_tree(clean_build(content, tmp_path / "clean"), output)
    untouched = [page for page, inode in identities(output).items()
                 if page.endswith("/index.html") and before.get(page) == (inode, (output / page).stat().st_mtime_ns)]
    assert len(untouched) > 20
