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
"""

from __future__ import annotations

import argparse
import json
import os
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


def build(content: Path, site: Path, siteurl: str) -> None:
    env = {**os.environ, "SITEURL": siteurl}
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(site),
               "-s", str(ROOT / "publishconf.py"), "-q"]
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


def main(argv=None) -> int:
    args = parse_args(argv)
    install_tools()
    site = WORK / "site"
    site.mkdir(parents=True, exist_ok=True)
    server = start_server(site)
    try:
        port = server.server_address[1]
        base = f"http://127.0.0.1:{port}"
        build(Path(args.content), site, base)
        pages = default_pages(site, args)
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
