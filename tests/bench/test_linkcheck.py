"""`make linkcheck` (bench/linkcheck.py): LinkChecker over a built site, offline."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT


def linkcheck(site) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "bench" / "linkcheck.py"), str(site)],
                          capture_output=True, text=True, timeout=300)


def test_the_built_site_has_no_broken_link(sample_site):
    result = linkcheck(sample_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "không có liên kết hỏng" in result.stdout


def test_a_missing_page_and_a_missing_asset_fail_with_their_urls(sample_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    (site / "theme" / "css" / "style.css").unlink()
    shutil.rmtree(site / "tag" / "an-giang")
    result = linkcheck(site)
    assert result.returncode == 1
    assert "/theme/css/style.css" in result.stdout
    assert "/tag/an-giang/" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_folder_that_is_not_a_site_is_a_usage_error(tmp_path):
    result = linkcheck(tmp_path)
    assert result.returncode == 2
    assert "make html" in result.stderr
