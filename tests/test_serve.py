"""`make serve` builds the site and serves it on 127.0.0.1; every address answers in Vietnamese: a
missing page gets the site's own 404.html with status 404 (plugins/archive_structure/serve.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, fetch, free_port, wait_for


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`make serve` with the project's own content, into a folder of the test's, on a free port."""
    folder = tmp_path_factory.mktemp("serve")
    port = free_port()
    log = (folder / "serve.log").open("w")
    process = subprocess.Popen(["make", "-o", f"{ROOT / '.venv'}/.installed", "serve", f"PORT={port}",
                                f"OUTPUT={folder / 'output'}"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: fetch(base + "/"), timeout=300), (folder / "serve.log").read_text()
        yield base
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)
        log.close()


def answer(url: str, method: str = "GET") -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read()


@pytest.mark.parametrize("missing", ["/khong-co-trang-nay/", "/2019/07/bai-da-xoa/", "/theme/css/khong-co.css"])
def test_a_missing_address_gets_the_sites_own_404_page(served, missing):
    status, kind, body = answer(served + missing)
    text = body.decode("utf-8")
    assert status == 404 and kind == "text/html; charset=utf-8"
    assert "<h1>Không tìm thấy trang</h1>" in text and '<html lang="vi">' in text
    assert "Error response" not in text and "Nothing matches" not in text
    assert answer(served + missing, "HEAD")[:2] == (404, "text/html; charset=utf-8")


def test_pages_and_the_offline_files_are_served_with_their_types(served):
    assert answer(served + "/")[0] == 200
    assert answer(served + "/manifest.webmanifest")[1] == "application/manifest+json"
    assert answer(served + "/sw.js")[1] == "text/javascript"
    status, _, body = answer(served + "/archives")
    assert status == 200 and "Lưu trữ theo thời gian" in body.decode("utf-8")   # /dir is redirected to /dir/


def test_the_server_says_in_vietnamese_when_there_is_nothing_to_serve(tmp_path):
    result = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "plugins.archive_structure.serve", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "chưa có trang nào (chạy make html trước)" in result.stderr
    assert "Traceback" not in result.stderr
