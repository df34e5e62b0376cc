"""Building the same content twice gives byte-identical output/, Pagefind index included."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, build_site, ingest_fixtures


def tree(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under folder."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def same_moment(articles: Path, copies: int) -> None:
    """Copies of one sample under other slugs, all of its moment (ingested articles often share
    a day at 00:00): their order in feeds and month pages must not depend on reading order."""
    source = min(articles.rglob("*.md"))
    text, slug = source.read_text(encoding="utf-8"), source.stem
    for number in range(copies):
        source.with_name(f"{slug}-{number}.md").write_text(
            text.replace(f"slug: {slug}", f"slug: {slug}-{number}"), encoding="utf-8")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("reproducible")
    content = base / "content"
    ingest_fixtures(content)
    shutil.copytree(FIXTURES / "hostile" / "editor", content / "articles" / "editor")
    same_moment(content / "articles", copies=12)
    outputs = []
    for name, seed in (("first", "1"), ("second", "2")):   # files are found in a set's order
        result = build_site(content, base / name, env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.append(base / name)
    return outputs[0], outputs[1]


def test_two_builds_are_byte_identical(two_builds):
    first, second = map(tree, two_builds)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    assert any(path.startswith("pagefind/") and "/filter/" in path for path in first)


def test_no_file_carries_the_day_of_the_build(two_builds):
    """Two builds a second apart would miss a clock read to the minute or the day; this does not."""
    today = date.today()
    stamps = [today.isoformat(), today.strftime("%d/%m/%Y"), today.strftime("%Y%m%d")]
    dated = [str(p) for p in two_builds[0].rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json")
             and any(stamp in p.read_text(encoding="utf-8") for stamp in stamps)]
    assert dated == []


def test_no_build_clock_in_the_sitemap(two_builds):
    sitemap = (two_builds[0] / "sitemap.xml").read_text(encoding="utf-8")
    # The newest article (the hostile Word paste, 2024-03-06) dates the index pages.
    assert "<loc>/</loc>\n<lastmod>2024-03-06T08:00:00+07:00</lastmod>" in sitemap


FILTERS_JS = """async () => {
  // Every shard (one Pagefind index per year, plugins/pagefind_search) read on its own.
  const manifest = await (await fetch('/pagefind/shards.json')).json();
  const filters = {year: {}}, year2019 = [], tag = [];
  const urls = async (search) => Promise.all(search.results.map(async (r) => (await r.data()).url));
  for (const shard of manifest.shards) {
    const pagefind = await import(`/pagefind/${shard.path}pagefind.js`);
    await pagefind.options({basePath: `/pagefind/${shard.path}`});
    for (const [year, count] of Object.entries((await pagefind.filters()).year || {})) {
      filters.year[year] = (filters.year[year] || 0) + count;
    }
    year2019.push(...await urls(await pagefind.search(null, {filters: {year: '2019'}})));
    tag.push(...await urls(await pagefind.search(null, {filters: {tag: 'Chỉ thị 42-CT/TU'}})));
  }
  return {filters, year2019, tag};
}"""


def test_rewritten_filter_index_still_reads_in_the_browser(two_builds, browser, serve):
    page = browser.new_page()
    try:
        page.goto(serve(two_builds[0]) + "/search/")
        found = page.evaluate(FILTERS_JS)
    finally:
        page.close()
    assert found["filters"]["year"] == {"2017": 13, "2019": 1, "2020": 1, "2022": 1, "2023": 1, "2024": 6}
    assert [u.rstrip("/").rsplit("/", 1)[-1] for u in found["year2019"]] == [
        "nang-cao-vai-tro-lanh-dao-truc-tiep-toan-dien-cua-cap-uy-dang-trong-cac-co-quan"]
    assert len(found["tag"]) == 1 and "tang-cuong-cong-tac" in found["tag"][0]
