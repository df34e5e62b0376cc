"""`make audit`: Lighthouse on five pages and the Nu Html Checker over the whole site.

1. Build the site with ``publishconf.py`` into ``build/audit/site``, SITEURL set to a
   loopback server so canonical URLs and feeds point at what is audited.
2. Install the pinned npm tools into ``.audit/`` (``lighthouse@12.2.3``: newer releases do
   not install on this Node; ``vnu-jar``: the current v.Nu checker) unless present. The
   browser is Debian's ``/usr/bin/chromium`` (CHROME_PATH); nothing else is downloaded.
3. Run Lighthouse (mobile, simulated throttling: its defaults) on an article, a tag page,
   the archive index, the home page and the search page with a query; run vnu.jar on every
   HTML file (``--no-validate``: not, e.g. for a 10,000-article site).
4. Print one table and write ``build/audit/report.json``. Exit 1 when a score is under
   ``--min-score`` or the checker reports an error.

``--photos``: the content gets one more article, with six photos (1200x800, made by
``bench/photo_images.py``) under ``content/images/``; Lighthouse audits it too, and again on a
site built with ``PHOTOS={"enabled": false}`` (the same page showing the originals), and the
report gives both pages' bytes until the first photo has arrived.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from plugins.archive_structure.serve import SiteHandler, server  # noqa: E402

TOOLS = ROOT / ".audit"
WORK = ROOT / "build" / "audit"
CHROMIUM = "/usr/bin/chromium"
NPM_PACKAGES = ["lighthouse@12.2.3", "vnu-jar@26.9.27"]
LIGHTHOUSE = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
VNU = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
               "--disable-component-update --disable-sync --no-first-run"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "content"), help="content folder to build")
    parser.add_argument("--min-score", type=int, default=95, help="lowest acceptable Lighthouse score")
    parser.add_argument("--article", help="article URL path (default: the newest article)")
    parser.add_argument("--tag", help="tag page URL path (default: the tag with most articles)")
    parser.add_argument("--query", default="cam le", help="search query for the search page")
    parser.add_argument("--photos", action="store_true", help="also audit an article with six photos")
    parser.add_argument("--no-validate", action="store_true", help="skip the Nu Html Checker")
    return parser.parse_args(argv)


def install_tools() -> None:
    if LIGHTHOUSE.exists() and VNU.exists():
        return
    subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "-E",
                    *NPM_PACKAGES], check=True)


class _Host(SiteHandler):
    """Serves like a production static host: gzip for text, long cache for theme and index files,
    the site's 404 page for a missing one."""

    compress = True

    def end_headers(self):
        if self.path.startswith(("/theme/", "/pagefind/")):
            self.send_header("Cache-Control", "public, max-age=31536000")
        super().end_headers()


def start_server(folder: Path):
    site = server(folder, handler=_Host)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return site


def build(content: Path, site: Path, siteurl: str, extra: tuple = ()) -> None:
    env = {**os.environ, "SITEURL": siteurl}
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(site),
               "-s", str(ROOT / "publishconf.py"), "-q", *extra]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def default_pages(site: Path, args) -> dict[str, str]:
    articles = sorted(p.parent.relative_to(site) for p in site.glob("[0-9]*/[0-9]*/*/index.html"))
    tags = sorted(site.glob("tag/*/index.html"), key=lambda p: -p.read_text(encoding="utf-8").count("<li>\n    <h2>"))
    return {
        "article": args.article or f"{articles[-1]}/",
        "tag": args.tag or f"{tags[0].parent.relative_to(site)}/",
        "archives": "archives/",
        "home": "",
        "search": f"search/?q={args.query.replace(' ', '+')}",
    }


def lighthouse(url: str, out: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                   env=env, check=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def failed_audits(out: Path) -> list[str]:
    report = json.loads(out.read_text(encoding="utf-8"))
    return [f"{key}: {audit['title']}" for key, audit in report["audits"].items()
            if audit.get("score") is not None and audit["score"] < 0.9
            and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]


def validate(site: Path) -> list[dict]:
    result = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only",
                             "--format", "json", str(site)], capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [m for m in messages if m.get("type") == "error"]


PHOTO_ARTICLE = "2099/01/hoi-nghi-sau-anh/"


def with_photo_article(content: Path) -> Path:
    """A copy of ``content`` with an article showing six photos (its URL: PHOTO_ARTICLE)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from photo_images import encoded

    copy = WORK / "content-photos"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(content, copy)
    images, body = copy / "images" / "audit", []
    images.mkdir(parents=True, exist_ok=True)
    for number in range(1, 7):
        (images / f"anh-{number}.jpg").write_bytes(encoded(1200, 800, seed=100 + number))
        body.append(f"Đoạn {number}: hội nghị thảo luận các nhiệm vụ trọng tâm, giải pháp phát triển kinh tế - "
                    f"xã hội và công tác xây dựng Đảng trong năm tới.\n\n"
                    f"![Quang cảnh hội nghị, ảnh {number}]({{static}}/images/audit/anh-{number}.jpg \"Ảnh: Minh Anh\")")
    article = copy / "articles" / "2099" / "01" / "hoi-nghi-sau-anh.md"
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text("---\ntitle: Hội nghị tổng kết với sáu ảnh\ndate: 2099-01-05T08:00:00+07:00\n"
                       "author: Minh Anh\ntags: [Hội nghị]\nportal: editor\nslug: hoi-nghi-sau-anh\n---\n\n"
                       + "\n\n".join(body) + "\n", encoding="utf-8")
    return copy


def bytes_until_first_photo(out: Path) -> dict:
    """From a Lighthouse report: bytes transferred until the first photo's request ended, and LCP."""
    report = json.loads(out.read_text(encoding="utf-8"))
    requests = report["audits"]["network-requests"]["details"]["items"]
    first = min((r for r in requests if "/anh-1." in r["url"]), key=lambda r: r["networkEndTime"])
    before = [r for r in requests if r["networkEndTime"] <= first["networkEndTime"]]
    return {"bytes": sum(r.get("transferSize", 0) for r in before), "requests": len(before),
            "photo": first["url"].rsplit("/", 1)[-1], "photo_bytes": first.get("transferSize", 0),
            "all_bytes": sum(r.get("transferSize", 0) for r in requests),
            "lcp_ms": round(report["audits"]["largest-contentful-paint"]["numericValue"])}


def audit_originals(content: Path) -> dict:
    """The photo article on a site built without plugins/photos: its Lighthouse scores and bytes."""
    originals = WORK / "site-originals"
    shutil.rmtree(originals, ignore_errors=True)
    originals.mkdir(parents=True)
    server = start_server(originals)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        build(content, originals, base, ("-e", 'PHOTOS={"enabled": false}'))
        url = f"{base}/{PHOTO_ARTICLE}"
        out = WORK / "lighthouse-photos-originals.json"
        return {"scores": lighthouse(url, out), **bytes_until_first_photo(out)}
    finally:
        server.shutdown()


def main(argv=None) -> int:
    args = parse_args(argv)
    install_tools()
    site = WORK / "site"
    site.mkdir(parents=True, exist_ok=True)
    server = start_server(site)
    try:
        port = server.server_address[1]
        base = f"http://127.0.0.1:{port}"
        content = with_photo_article(Path(args.content)) if args.photos else Path(args.content)
        build(content, site, base)
        pages = default_pages(site, args)
        if args.photos:
            pages["photos"] = PHOTO_ARTICLE
        scores, problems = {}, {}
        for name, path in pages.items():
            out = WORK / f"lighthouse-{name}.json"
            scores[name] = lighthouse(f"{base}/{path}", out)
            problems[name] = failed_audits(out)
        errors = [] if args.no_validate else validate(site)
    finally:
        server.shutdown()
    report = {"pages": pages, "scores": scores, "failed_audits": problems,
              "validator_errors": errors, "html_files": sum(1 for _ in site.rglob("*.html"))}
    if args.photos:
        report["photos"] = {"responsive": bytes_until_first_photo(WORK / "lighthouse-photos.json"),
                            "originals": audit_originals(content)}
        for name, row in report["photos"].items():
            print(f"{name}: {row['bytes']:,} B in {row['requests']} requests until the first photo "
                  f"({row['photo']}, {row['photo_bytes']:,} B); page {row['all_bytes']:,} B; LCP {row['lcp_ms']} ms")
    (WORK / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{'trang':<10}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, row in scores.items():
        print(f"{name:<10}" + "".join(f"{row[c]:>16}" for c in CATEGORIES) + f"   /{pages[name]}")
        for problem in problems[name]:
            print(f"{'':<10}  - {problem}")
    if args.no_validate:
        print(f"v.Nu: không chạy (--no-validate), {report['html_files']} tệp HTML")
    else:
        print(f"v.Nu: {len(errors)} lỗi trên {report['html_files']} tệp HTML")
    for error in errors[:20]:
        print(f"  {error.get('url')}:{error.get('lastLine')}: {error.get('message')}")
    low = [(n, c) for n, row in scores.items() for c, s in row.items() if s < args.min_score]
    return 1 if low or errors else 0


if __name__ == "__main__":
    sys.exit(main())
