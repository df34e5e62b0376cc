"""`make html` publishes all or nothing: a killed or failed build leaves the previous output/ as it was.

The real Makefile target runs with CONTENT and OUTPUT pointed at temporary folders.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, ingest_fixtures

ARTICLES = 150  # enough that the build is still running when the test kills it


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_html(content: Path, output: Path) -> subprocess.Popen:
    """`make html` of the real Makefile; never reinstalls (-o the install stamp)."""
    command = ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.installed", "html",
               f"CONTENT={content}", f"OUTPUT={output}", f"BIN={Path(sys.executable).parent}"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def previous_site(output: Path) -> dict[str, str]:
    """A stand-in for yesterday's published site."""
    (output / "2019" / "07").mkdir(parents=True)
    (output / "index.html").write_text("<!DOCTYPE html><title>bản hôm qua</title>", encoding="utf-8")
    (output / "2019" / "07" / "index.html").write_text("hôm qua", encoding="utf-8")
    return tree(output)


@pytest.fixture(scope="module")
def big_content(tmp_path_factory) -> Path:
    """The samples, copied under new slugs until the build takes a few seconds."""
    content = tmp_path_factory.mktemp("atomic") / "content"
    ingest_fixtures(content)
    samples = sorted((content / "articles").rglob("*.md"))
    for number in range(ARTICLES - len(samples)):
        source = samples[number % len(samples)]
        text = source.read_text(encoding="utf-8")
        slug = source.stem
        copy = source.with_name(f"{slug}-{number}.md")
        copy.write_text(text.replace(f"slug: {slug}", f"slug: {slug}-{number}"), encoding="utf-8")
    return content


def test_a_successful_build_is_swapped_in_whole(tmp_path, big_content):
    output = tmp_path / "output"
    previous_site(output)
    process = make_html(big_content, output)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr
    assert "bản hôm qua" not in (output / "index.html").read_text(encoding="utf-8")
    assert (output / "pagefind" / "shards.json").is_file()   # the search index went in too
    assert not (tmp_path / "output.new").exists() and not (tmp_path / "output.old").exists()


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_a_killed_build_leaves_the_previous_output(tmp_path, big_content, how):
    output = tmp_path / "output"
    before = previous_site(output)
    process = make_html(big_content, output)
    staging = tmp_path / "output.new"
    deadline = time.monotonic() + 300
    while not (staging.is_dir() and sum(1 for _ in staging.rglob("*.html")) >= 20):
        assert process.poll() is None, "the build ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.killpg(process.pid, how)
    process.communicate(timeout=120)
    assert process.returncode != 0
    assert tree(output) == before


def test_a_failed_build_leaves_the_previous_output(tmp_path, big_content):
    """One editor file without its front matter among 150 good articles stops the build."""
    output = tmp_path / "output"
    before = previous_site(output)
    content = tmp_path / "content"
    shutil.copytree(big_content, content)
    (content / "articles" / "khong-co-phan-dau.md").write_text("Nội dung không có phần đầu.\n", encoding="utf-8")
    process = make_html(content, output)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode != 0
    assert "khong-co-phan-dau.md:1:" in stderr
    assert tree(output) == before


@pytest.fixture
def small_disk(tmp_path):
    """A file system of its own (tmpfs, 64 MB) that the test can fill; needs root (CI is)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Take all the free space of ``disk`` but ``leave`` bytes."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with open(filler, "wb") as handle:
        handle.truncate(0)
        handle.write(b"\0" * max(0, free - leave))
    return filler


@pytest.mark.parametrize("share", [0.1, 0.5, 0.9])
def test_a_full_disk_stops_the_build_with_one_line_and_the_next_build_recovers(tmp_path, big_content, small_disk,
                                                                              share):
    """The disk fills at a tenth, half or nine tenths of what a build writes (pages, listings,
    the search index): one line names the file, no traceback, output/ as it was; with room
    again the next build is the site a clean build makes."""
    output = small_disk / "output"
    clean = make_html(big_content, output)
    assert clean.communicate(timeout=600)[0] is not None and clean.returncode == 0
    needed = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    before = tree(output)
    shutil.rmtree(small_disk / "output.cache")   # a build that writes it all again: the worst case
    filler = fill(small_disk, int(needed * share))
    failed = make_html(big_content, output)
    _, stderr = failed.communicate(timeout=600)
    assert failed.returncode != 0
    lines = [line for line in stderr.splitlines() if line.startswith("Dừng dựng trang:")]
    assert len(lines) == 1 and "ổ đĩa đầy" in lines[0] and str(small_disk) in lines[0], stderr
    assert "Traceback" not in stderr and "Error" not in stderr.replace("Error 1", ""), stderr
    assert tree(output) == before
    filler.unlink()
    again = make_html(big_content, output)
    _, stderr = again.communicate(timeout=600)
    assert again.returncode == 0, stderr
    assert tree(output) == before
