"""The build refuses what newsarchive check refuses, with the very same lines."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import FIXTURES, ROOT, build_site, ingest_fixtures

ARTICLES = FIXTURES / "check" / "articles"


def test_broken_articles_and_duplicate_slugs_stop_the_build_like_check(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ARTICLES / "duplicates", content / "articles" / "duplicates")
    for name in ("placeholder.md", "not-utf8.md", "yaml-syntax.md", "tags-not-list.md"):
        shutil.copy(ARTICLES / name, content / "articles" / name)
    shutil.copy(ARTICLES / "good.md", content / "articles" / "good.md")

    build = build_site(content, tmp_path / "output")
    check = subprocess.run([sys.executable, "-m", "newsarchive", "check", "--content", str(content)],
                           cwd=ROOT, capture_output=True, text=True)

    assert build.returncode == 1 and check.returncode == 1
    assert "Traceback" not in build.stderr + build.stdout
    expected = check.stdout.splitlines()
    assert len(expected) == 10         # 6 duplicate lines, 4 broken files
    built = [line for line in build.stderr.splitlines() if line.startswith(str(content))]
    assert sorted(built) == sorted(expected)
    assert not (tmp_path / "output" / "2024").exists()


def test_an_image_as_the_editors_guide_shows_is_published(tmp_path):
    guide = (ROOT / "docs" / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    markdown = next(line for line in guide.splitlines() if line.startswith("![") and "{static}" in line)
    content = tmp_path / "content"
    image = content / "images" / "2024" / "05" / "hoi-nghi-so-ket.jpg"
    image.parent.mkdir(parents=True)
    from PIL import Image   # a real JPEG: plugins/photos refuses a file that is not the picture it says

    Image.new("RGB", (640, 480), (40, 90, 160)).save(image, "JPEG")
    article = (ARTICLES / "good.md").read_text(encoding="utf-8") + "\n" + markdown + "\n"
    (content / "articles").mkdir()
    (content / "articles" / "good.md").write_text(article, encoding="utf-8")

    build = build_site(content, tmp_path / "output")
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "output" / "2024" / "05" / "hoi-nghi-so-ket-cong-tac-6-thang" / "index.html").read_text(
        encoding="utf-8")
    assert 'src="/images/2024/05/hoi-nghi-so-ket.jpg"' in page
    assert (tmp_path / "output" / "images" / "2024" / "05" / "hoi-nghi-so-ket.jpg").is_file()


# Pelican as a venv made from pyproject.toml alone runs it: without the ``markdown`` package
# (the developer's venv may have it from elsewhere; here its import fails either way).
WITHOUT_MARKDOWN = "import sys; sys.modules['markdown'] = None; from pelican import main; sys.exit(main())"
NOISE = re.compile(r"\b(WARNING|ERROR|CRITICAL)\b|Traceback")


def test_a_fresh_build_of_the_samples_prints_no_warning(tmp_path):
    content = tmp_path / "content"
    ingest_fixtures(content)
    build = subprocess.run([sys.executable, "-c", WITHOUT_MARKDOWN, str(content), "-o", str(tmp_path / "output"),
                            "-s", str(ROOT / "pelicanconf.py"), "--cache-path", str(tmp_path / "cache")],
                           cwd=ROOT, capture_output=True, text=True)
    printed = build.stdout + build.stderr
    assert build.returncode == 0, printed
    assert (tmp_path / "output" / "index.html").is_file()
    assert not NOISE.search(printed), printed
    assert "Processed 5 articles" in " ".join(printed.split())
