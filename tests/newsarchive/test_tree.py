"""Nothing from outside the tree: the shared rules (newsarchive.tree) and ingest's inputs.

``check`` and the build are tested on symlinks in test_check.py and
tests/plugins/test_content_guard.py; here, what ``newsarchive ingest`` does with a folder
of scrapes holding symlinks out of it.
"""

from __future__ import annotations

import json

import pytest

from conftest import RAW
from newsarchive.cli import main
from newsarchive.tree import escapes, link_target


@pytest.mark.parametrize("value, article_dir, target", [
    ("/images/2024/05/a.jpg", "articles/2024/05", "images/2024/05/a.jpg"),
    ("anh.jpg", "articles/2024/05", "articles/2024/05/anh.jpg"),
    ("../../../images/a%20b.jpg", "articles/2024/05", "images/a b.jpg"),
    ("/images/a.jpg?v=1#x", ".", "images/a.jpg"),
    ("/../../etc/hostname", "articles", None),
    ("../../../../etc/os-release", "articles/2024/05", None),
    ("/images/../../x", ".", None),
])
def test_link_targets_as_pelican_resolves_them(value, article_dir, target):
    assert link_target(value, article_dir) == target


def test_escapes_follows_symlinks_and_dots(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside.txt"
    root.mkdir()
    outside.write_text("x")
    (root / "in.txt").write_text("y")
    (root / "out").symlink_to(outside)
    (root / "in-link").symlink_to(root / "in.txt")
    assert escapes(str(root / "out"), str(root)) == str(outside)
    assert escapes(str(root / "in-link"), str(root)) is None
    assert escapes(str(root / ".." / "outside.txt"), str(root)) == str(outside)
    assert escapes(str(tmp_path / "rootx"), str(root)) is not None       # a sibling sharing the prefix
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.md").write_text("z")
    (root / "sub").mkdir()
    (root / "sub" / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "sub" / "inner").symlink_to(root, target_is_directory=True)
    assert escapes(str(root / "sub" / "link" / "a.md"), str(root)) == str(tmp_path / "elsewhere" / "a.md")
    assert escapes(str(root / "sub" / "inner" / "in.txt"), str(root)) is None
    assert escapes(str(root / "sub" / "inner" / ".." / "outside.txt"), str(root)) == str(outside)  # inner is root
    assert escapes(str(root / "sub" / ".." / ".." / "outside.txt"), str(root)) == str(outside)


def test_ingest_quarantines_symlinks_out_of_the_input_folder(tmp_path, capsys):
    """A folder of scrapes from elsewhere may hold links to the machine's files: they are never
    read, and each is a report line with its reason -- nothing vanishes, nothing leaks."""
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwd.txt").write_bytes((RAW / "quanuy-camle.toa-dam.txt").read_bytes())   # looks like an article
    raw = tmp_path / "raw"
    raw.mkdir()
    real = RAW / "tinhuy-longan.chi-thi-42.txt"
    (raw / real.name).write_bytes(real.read_bytes())
    (raw / "leak.txt").symlink_to(secret / "passwd.txt")
    (raw / "thu-muc").symlink_to(secret, target_is_directory=True)
    (raw / "ban-sao.txt").symlink_to(raw / real.name)        # inside the folder: read (a duplicate)
    report = tmp_path / "report.json"
    assert main(["ingest", str(raw), "--content", str(tmp_path / "content"), "--report", str(report)]) == 0
    entries = {entry["path"].rsplit("/", 1)[1]: entry for entry in json.loads(report.read_text())["inputs"]}
    assert entries["leak.txt"]["status"] == entries["thu-muc"]["status"] == "quarantined"
    assert "dẫn ra ngoài thư mục" in entries["leak.txt"]["reason"] and str(secret) in entries["thu-muc"]["reason"]
    assert sorted(entries[name]["status"] for name in (real.name, "ban-sao.txt")) == ["duplicate", "written"]
    written = list((tmp_path / "content").rglob("*.md"))
    assert len(written) == 1 and "Traceback" not in capsys.readouterr().err
