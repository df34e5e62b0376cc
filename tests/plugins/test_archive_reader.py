"""The build refuses what newsarchive check refuses, with the very same lines."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import FIXTURES, ROOT, build_site

ARTICLES = FIXTURES / "check" / "articles"


def test_duplicate_slugs_and_placeholder_stop_the_build_like_check(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ARTICLES / "duplicates", content / "articles" / "duplicates")
    shutil.copy(ARTICLES / "placeholder.md", content / "articles" / "placeholder.md")
    shutil.copy(ARTICLES / "good.md", content / "articles" / "good.md")

    build = build_site(content, tmp_path / "output")
    check = subprocess.run([sys.executable, "-m", "newsarchive", "check", "--content", str(content)],
                           cwd=ROOT, capture_output=True, text=True)

    assert build.returncode == 1 and check.returncode == 1
    assert "Traceback" not in build.stderr + build.stdout
    expected = check.stdout.splitlines()
    assert len(expected) == 7          # 6 duplicate lines, 1 placeholder
    built = [line for line in build.stderr.splitlines() if line.startswith(str(content))]
    assert sorted(built) == sorted(expected)
    assert not (tmp_path / "output" / "2024").exists()
