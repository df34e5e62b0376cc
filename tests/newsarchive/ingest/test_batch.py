"""Every input accounted for; re-runs change nothing; edited articles are kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newsarchive.cli import main

RAW = Path(__file__).resolve().parents[2] / "fixtures" / "raw"


def _ingest(tmp_path, *extra) -> dict:
    report = tmp_path / "report.json"
    code = main(["ingest", str(tmp_path / "raw"), "--content", str(tmp_path / "content"),
                 "--report", str(report), *extra])
    assert code == 0
    return json.loads(report.read_text(encoding="utf-8"))


def _raw(tmp_path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(RAW, folder, ignore=shutil.ignore_patterns("*.md", "*.yaml", "corpus"))
    return folder


def test_five_samples_written_then_unchanged(tmp_path):
    _raw(tmp_path)
    first = _ingest(tmp_path)
    assert first["counts"] == {"written": 5, "unchanged": 0, "duplicate": 0, "quarantined": 0, "total": 5}
    files = sorted((tmp_path / "content").rglob("*.md"))
    before = {p: p.read_bytes() for p in files}
    second = _ingest(tmp_path)
    assert second["counts"]["unchanged"] == 5
    assert {p: p.read_bytes() for p in files} == before
    entry = second["inputs"][0]
    assert set(entry) == {"path", "sha256", "status", "output", "reason", "duplicate_of", "kind", "found", "media"}


def test_duplicates_and_junk_are_accounted_for(tmp_path):
    raw = _raw(tmp_path)
    sample = (raw / "tinhuy-longan.chi-thi-42.txt").read_bytes()
    (raw / "nested").mkdir()
    (raw / "nested" / "copy.txt").write_bytes(sample)                          # same bytes
    (raw / "nested" / "crlf.txt").write_bytes(sample.replace(b"\n", b"\r\n"))  # same article
    (raw / "empty.txt").write_bytes(b"")
    (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    report = _ingest(tmp_path)
    by_name = {Path(e["path"]).name: e for e in report["inputs"]}
    assert report["counts"]["total"] == 9
    same = [by_name[n] for n in ("copy.txt", "crlf.txt", "tinhuy-longan.chi-thi-42.txt")]
    assert sorted(e["status"] for e in same) == ["duplicate", "duplicate", "written"]
    first = next(e for e in same if e["status"] == "written")
    assert {e["duplicate_of"] for e in same if e["status"] == "duplicate"} <= {first["path"], first["output"]}
    assert by_name["empty.txt"]["status"] == "quarantined" and by_name["empty.txt"]["reason"]
    assert by_name["image.txt"]["status"] == "quarantined"
    assert len(list((tmp_path / "content").rglob("*.md"))) == 5


def _ingested_then_edited(tmp_path, edit) -> Path:
    """The samples ingested, then the first article's text changed by ``edit``, as an editor would."""
    _raw(tmp_path)
    _ingest(tmp_path)
    target = next((tmp_path / "content").rglob("*.md"))
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def _entry_of(report: dict, target: Path) -> dict:
    return [e for e in report["inputs"] if e["output"] == str(target)][0]


def test_edited_article_is_never_overwritten_without_force(tmp_path):
    target = _ingested_then_edited(tmp_path, lambda text: text.replace(
        "\n\n", "\n\nBiên tập viên đã sửa đoạn này.\n\n", 1))
    edited = target.read_text(encoding="utf-8")
    kept = _entry_of(_ingest(tmp_path), target)
    assert kept["status"] == "unchanged" and kept["reason"].startswith("kept-edited")
    assert target.read_text(encoding="utf-8") == edited
    assert _entry_of(_ingest(tmp_path, "--force"), target)["status"] == "written"


def test_an_article_an_editor_withdrew_stays_withdrawn_when_ingested_again(tmp_path):
    target = _ingested_then_edited(tmp_path, lambda text: text.replace(
        "\n---\n", "\nwithdrawn: Gỡ theo yêu cầu\n---\n", 1))
    again = _entry_of(_ingest(tmp_path), target)
    assert again["status"] == "unchanged" and not again.get("reason")   # nothing of ingest's changed
    _ingest(tmp_path, "--force")
    assert "\nwithdrawn: Gỡ theo yêu cầu\n---\n" in target.read_text(encoding="utf-8")


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "missing")]) == 2
    assert main(["ingest"]) == 2
    assert main(["ingest", str(RAW), "--portal", "no-such-portal"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_near_duplicates_from_two_portals_are_written_once(tmp_path):
    body = (RAW / "angiang.gov.vn.nang-cao-vai-tro.txt").read_bytes().decode("utf-8")
    raw = tmp_path / "raw"
    (raw / "a").mkdir(parents=True)
    (raw / "b").mkdir()
    (raw / "a" / "portal-one.txt").write_text(body, encoding="utf-8")
    # The same article saved by another site: other banner, other widgets, a share row, no dateline.
    other = body.replace("Chào mừng bạn đến với Cổng thông tin điện tử Tỉnh An Giang", "Site banner")
    other = other.replace("(Cổng TTĐT AG)-", "") + "\nChia sẻ\nIn bài viết\n"
    (raw / "b" / "portal-two.txt").write_text("Responsive image\n" + other, encoding="utf-8")
    report = _ingest(tmp_path)
    statuses = sorted(e["status"] for e in report["inputs"])
    assert statuses == ["duplicate", "written"], report
    duplicate = next(e for e in report["inputs"] if e["status"] == "duplicate")
    assert duplicate["duplicate_of"].endswith(".md")


def test_different_articles_are_not_near_duplicates(tmp_path):
    _raw(tmp_path)
    report = _ingest(tmp_path)
    assert report["counts"]["duplicate"] == 0


def test_strict_makes_quarantine_exit_non_zero(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.html").write_bytes(b"")
    args = ["ingest", str(raw), "--content", str(tmp_path / "content")]
    assert main(args) == 0
    assert main([*args, "--strict"]) == 1


def test_default_date_rescues_a_batch_without_dates(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bai.txt").write_text("Tiêu đề bài viết về tỉnh\nNội dung bài viết không ghi ngày đăng ở đâu cả.\n",
                                 encoding="utf-8")
    report = _ingest(tmp_path, "--default-date", "2020-05-01")
    assert report["counts"]["written"] == 1
    assert next((tmp_path / "content").rglob("*.md")).parent.name == "05"


def test_near_duplicate_of_an_article_ingested_in_an_earlier_run(tmp_path):
    body = (RAW / "quanuy-camle.toa-dam.txt").read_bytes().decode("utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "first.txt").write_text(body, encoding="utf-8")
    assert _ingest(tmp_path)["counts"]["written"] == 1
    (raw / "first.txt").unlink()
    (raw / "second.txt").write_text("Site banner\n" + body + "\nChia sẻ\n", encoding="utf-8")
    second = _ingest(tmp_path)
    assert second["counts"]["duplicate"] == 1, second
    assert len(list((tmp_path / "content").rglob("*.md"))) == 1


def test_summary_table_in_vietnamese():
    import io

    from rich.console import Console

    from newsarchive.ingest.batch import Entry, Report
    from newsarchive.ingest.terminal import print_summary

    report = Report([Entry("a.txt", "x", "written"), Entry("b.html", "y", "quarantined", reason="tệp trống")])
    out = io.StringIO()
    print_summary(report, Console(file=out, width=100))
    text = out.getvalue()
    assert "đã ghi" in text and "cách ly" in text and "tệp trống" in text
