"""Every property-based (hypothesis) test of the project: hostile input never gives a traceback.

* ``newsarchive.ingest.process``: arbitrary bytes, arbitrary Unicode (in several encodings),
  article-shaped text and arbitrary HTML trees either become an Article that honours the file
  contract or are quarantined with a Vietnamese reason -- never another exception.
* ``newsarchive.ingest.run`` / ``newsarchive ingest``: one report line per input, whatever the inputs.
* ``newsarchive.frontmatter.parse`` / ``problems``: arbitrary text and arbitrary YAML values give a
  Document or a FrontMatterError with a line number, and a list of (line, message).
* ``newsarchive check``: arbitrary bytes, arbitrary front matter and bodies full of HTML, in files
  next to each other, give one ``path:line: message`` line per problem and exit 0 or 1 -- never a
  traceback.
* Valid articles with hostile keys (Pelican's save_as, url, template, status...; typos) and YAML
  constructs (anchors, aliases, tags, merge keys, a key twice, nesting, oversize values) mixed in:
  ``check`` exits 1 and names the line of each one (of the first, for what stops the YAML reader).

Examples per test come from a profile: ``HYPOTHESIS_PROFILE=deep make test`` fuzzes 50x longer
than the default that keeps ``make test`` quick.
"""

from __future__ import annotations

import io
import os
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.article import FIELDS, TIMEZONE, Article, render
from newsarchive.cli import main
from newsarchive.frontmatter import SLUG_RE, Document, FrontMatterError, parse, problems
from newsarchive.ingest import Options, Quarantine, process, run
from newsarchive.ingest.batch import STATUSES

settings.register_profile("default", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

NOW = datetime(2026, 1, 1, tzinfo=TIMEZONE)
OPTIONS = Options(now=NOW)

# Vietnamese letters and the characters scrapes are made of, so generated text reaches the deep stages.
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐ"
letters = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ", min_size=1, max_size=40)
debris = st.sampled_from(["Ngày đăng:", "Xem với cở chữ : A- A A+", "Responsive image", "(Cổng TTĐT AG)-",
                          "// ]]>", "Các tin khác", "Lượt xem: 107", "- ", "1. ", "## ", "* ", "[", "]", "<",
                          ">", "&amp;", "`", "\\", "#", "---", "...", "\t", "\u200b", "\ufeff", "\r"])
date_text = st.builds(lambda d, m, y, sep: f"{d:02d}{sep}{m:02d}{sep}{y}",
                      st.integers(0, 40), st.integers(0, 14), st.integers(1, 9999), st.sampled_from("/.-"))
line = st.lists(st.one_of(letters, debris, date_text, st.text(max_size=20)), min_size=1, max_size=8).map(" ".join)
article_text = st.builds(
    lambda head, date, body: "\n".join([*head, "Ngày đăng: " + date, "", *body]),
    st.lists(line, min_size=0, max_size=3), date_text, st.lists(line, min_size=0, max_size=12))
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258", "latin-1"])

TAGS = ["p", "div", "span", "a", "img", "h1", "h2", "table", "tr", "td", "ul", "li", "script", "style", "svg",
        "math", "iframe", "br", "b", "title", "noscript", "template", "x-widget"]
attributes = st.dictionaries(st.sampled_from(["href", "src", "onerror", "style", "class", "alt", "title", "id"]),
                             st.one_of(st.text(max_size=15), st.just("javascript:alert(1)")), max_size=3)
html_text = st.one_of(letters, st.text(max_size=20), date_text)
html_tree = st.recursive(
    html_text,
    lambda children: st.builds(
        lambda tag, attrs, kids: f"<{tag}{''.join(f' {k}={v!r}' for k, v in attrs.items())}>{''.join(kids)}</{tag}>",
        st.sampled_from(TAGS), attributes, st.lists(children, max_size=4)),
    max_leaves=25)
html_page = st.builds(
    lambda title, date, body: f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
                              f"<p>Ngày đăng: {date}</p>{body}</body></html>",
    letters, date_text, html_tree)


def assert_ingests_or_quarantines(raw: bytes) -> None:
    """The one property of ingest: an Article that honours the contract, or a reason."""
    try:
        article = process(raw, "fuzz.txt", OPTIONS)
    except Quarantine as exc:
        assert str(exc).strip()
        return
    assert SLUG_RE.match(article.slug), article.slug
    doc = parse(render(article))
    assert problems(doc) == [], (problems(doc), render(article))


@given(st.binary(max_size=2000))
def test_ingest_arbitrary_bytes(raw):
    assert_ingests_or_quarantines(raw)


@given(st.text(max_size=1000), encodings)
def test_ingest_arbitrary_unicode(text, encoding):
    assert_ingests_or_quarantines(text.encode(encoding, errors="replace"))


@given(article_text, encodings)
def test_ingest_article_shaped_text(text, encoding):
    assert_ingests_or_quarantines(text.encode(encoding, errors="replace"))


@given(st.one_of(html_tree, html_page))
def test_ingest_arbitrary_html_trees(html):
    assert_ingests_or_quarantines(html.encode("utf-8"))


@given(st.lists(st.one_of(st.binary(max_size=300), article_text.map(str.encode), html_page.map(str.encode)),
                min_size=1, max_size=5))
def test_run_reports_one_line_per_input(inputs):
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "raw"
        raw.mkdir()
        for number, data in enumerate(inputs):
            (raw / f"{number:02d}.txt").write_bytes(data)
        report = run([raw], Path(folder) / "content", OPTIONS)
        assert [Path(e.path).name for e in report.inputs] == [f"{n:02d}.txt" for n in range(len(inputs))]
        for entry in report.inputs:
            assert entry.status in STATUSES
            assert entry.status != "quarantined" or entry.reason
            if entry.status == "written":
                assert problems(parse(Path(entry.output).read_text(encoding="utf-8"))) == []


@settings(max_examples=10)
@given(st.lists(st.binary(max_size=300), min_size=1, max_size=3))
def test_the_command_never_shows_a_traceback(inputs):
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as folder, redirect_stdout(out), redirect_stderr(err):
        for number, data in enumerate(inputs):
            (Path(folder) / f"{number}.txt").write_bytes(data)
        code = main(["ingest", folder, "--content", str(Path(folder) / "out"), "--default-date", "2024-01-01"])
    out, err = out.getvalue(), err.getvalue()
    assert code == 0
    assert "Traceback" not in out + err
    assert f"/ {len(inputs)} tệp." in out


def assert_parses_or_reports(text: str) -> None:
    try:
        doc = parse(text)
    except FrontMatterError as exc:
        assert exc.line >= 1 and exc.message.strip()
        return
    assert isinstance(doc, Document)
    for line_number, message in problems(doc):
        assert isinstance(line_number, int) and line_number >= 1
        assert message.strip()


@given(st.text(max_size=600))
def test_frontmatter_arbitrary_text(text):
    assert_parses_or_reports(text)


@given(st.text(max_size=400), st.text(max_size=200))
def test_frontmatter_arbitrary_text_between_fences(inside, body):
    assert_parses_or_reports(f"---\n{inside}\n---\n{body}")


yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
              st.dates(), st.datetimes()),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.text(max_size=8), children, max_size=3)),
    max_leaves=8)


@given(st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=10)), yaml_values, max_size=12),
       st.text(max_size=200))
def test_frontmatter_arbitrary_yaml_values(meta, body):
    try:
        front = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        return
    assert_parses_or_reports(f"---\n{front}---\n{body}")


article_file = st.one_of(
    st.binary(max_size=400),
    st.builds(lambda inside, body: f"---\n{inside}\n---\n{body}".encode("utf-8", "surrogatepass"),
              st.text(max_size=200), st.one_of(html_tree, st.text(max_size=200))),
    st.builds(lambda meta, body: f"---\n{meta}---\n\n{body}\n".encode(),
              st.dictionaries(st.sampled_from(FIELDS), st.one_of(letters, date_text, st.lists(letters, max_size=3)),
                              max_size=8).map(lambda meta: yaml.safe_dump(meta, allow_unicode=True)),
              st.one_of(html_tree, line)))


@settings(max_examples=15)
@given(st.lists(article_file, min_size=1, max_size=4))
def test_check_reports_every_problem_as_path_line_message(files):
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as folder, redirect_stdout(out), redirect_stderr(err):
        names = []
        for number, data in enumerate(files):
            path = Path(folder) / "articles" / f"bai-{number}.md"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            names.append(str(path))
        code = main(["check", "--content", folder, "--jobs", "1"])
    out, err = out.getvalue(), err.getvalue()
    assert code in (0, 1), (code, out, err)
    assert "Traceback" not in out + err
    for shown in out.splitlines():
        path, line_number, message = shown.split(":", 2)
        assert path in names and int(line_number) >= 1 and message.strip(), shown
    assert f"Đã kiểm tra {len(files)} tệp" in err


# Lines Pelican would honour, or that are not keys of the contract: each is an error at its line.
HOSTILE_KEY_LINES = ["save_as: index.html", "url: https://evil.example/", "template: ../../../../etc/passwd",
                     "status: hidden", "status: draft", "lang: en", "translation: 'true'", "modified: 2024-01-01",
                     "override_url: /", "override_save_as: index.html", "authors: [a, b]", "tag: [An Giang]",
                     "Title: Tiêu đề", "slug_line: 3", "settings: x", "path: /etc", "Save_As: index.html"]
# YAML the archive refuses: the reader stops at the first of them, at its line.
HOSTILE_YAML_LINES = ["anchor: &a [x, x, x]", "alias: &b x\nagain: *b", "title2: !!python/object:os.system x",
                      "<<: {title: x}", "on: x", "'1': &c 1", "deep: [[[[[1]]]]]", "nested: {a: {b: {c: {d: 1}}}}",
                      "big: " + "1" * 5000, "summary2: '" + "x" * 2500 + "'", "tags2: !!set {a, b}"]
valid_article = st.builds(
    lambda title, tags, body, day: render(Article(
        title=title.strip() or "Tiêu đề", date=datetime(2024, 5, day, 8, tzinfo=TIMEZONE), slug="bai-viet",
        portal="editor", tags=[t.strip() for t in tags if t.strip()], body=body.strip() or "Nội dung.")),
    letters, st.lists(letters, max_size=4), line, st.integers(1, 28))


@settings(max_examples=60)
@given(valid_article, st.lists(st.tuples(st.sampled_from(HOSTILE_KEY_LINES + HOSTILE_YAML_LINES), st.integers(0, 20)),
                               min_size=1, max_size=3, unique_by=lambda piece: piece[0]), st.booleans())
def test_hostile_keys_and_yaml_in_valid_articles_are_named_at_their_line(article, pieces, twice):
    lines = article.split("\n")
    closing = lines.index("---", 1)
    front = lines[1:closing]
    inserted = []                 # (piece, index in front) as they end up
    for piece, position in pieces:
        at = position % (len(front) + 1)
        front[at:at] = piece.split("\n")
        inserted = [(p, i + len(piece.split("\n")) if i >= at else i) for p, i in inserted] + [(piece, at)]
    if twice:                     # a key written again after all the others
        front.append(front[0])
        inserted.append(("twice", len(front) - 1))
    text = "\n".join(["---", *front, *lines[closing:]])
    line_of = {index: index + 2 for _, index in inserted}      # file line of front[index]
    yaml_stops = sorted(line_of[i] for piece, i in inserted if piece in HOSTILE_YAML_LINES or piece == "twice")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles" / "bai.md"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["check", "--content", folder, "--jobs", "1"])
    assert code == 1 and "Traceback" not in out.getvalue() + err.getvalue(), (text, out.getvalue())
    reported = {int(shown.split(":", 2)[1]) for shown in out.getvalue().splitlines()
                if shown.startswith(str(path)) and ": cảnh báo: " not in shown}     # errors; tags may warn
    expected = {yaml_stops[0]} if yaml_stops else {line_of[i] for _, i in inserted}
    assert reported == expected, (text, out.getvalue())
