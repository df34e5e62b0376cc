"""The fast front-matter reader must agree with PyYAML whenever it answers, and with the
strict reader (``safeyaml``) on what is refused: it never accepts what the archive refuses."""

import random

import pytest
import yaml

from newsarchive import safeyaml, simpleyaml
from newsarchive.frontmatter import _Loader

# Pieces that YAML treats specially, mixed with ordinary Vietnamese text.
PIECES = ["Đảng ủy", "hòa", " ", "  ", ":", ": ", " #", "#", "'", "''", '"', "\\", "[", "]", ",", ", ", "{", "}",
          "-", "- ", "?", "&a", "*a", "!x", "|", ">", "%", "@", "`", "\t", "yes", "No", "on", "null", "~",
          "12", "0x1f", "1.5", "1_000", "2024-05-01", "2024-05-01T08:00:00+07:00", ".inf", "=", "<<", "\u2028",
          "\x85", "\x07", "\ufeff", "tỉnh", "42-CT/TU", "a:b", "C#", "!!str ", "!!binary ", "&x ", "*x"]
BENIGN = ["Đảng ủy", "hòa", " ", "tỉnh", "42-CT/TU", "a:b", "C#", "yes", "null", "12", "2024-05-01", "x"]
KEYS = ["title", "date", "tags", "slug", "on", "null", "1", "x-y", "_k", "Title", "a b", "-k", "'q'", "<<", "? a"]
# Whole lines of what the archive refuses although YAML takes it: anchors and aliases,
# tags, merge keys, a key written twice (PyYAML keeps the last), nesting.
HOSTILE_LINES = ["x: &x [a, b]", "y: *x", "z: [*x, *x]", "<<: {title: t}", "<<: *x", "title: !!str 12",
                 "tags: !!set {a, b}", "title: again", "tags:", "  - &t a", "  - *t", "  - !!int 3",
                 "m: {a: {b: {c: {d: 1}}}}", "k: [[[[[1]]]]]", "? [a]", ": b", "date: !!timestamp 2024-05-01"]


def pyyaml(text):
    """PyYAML's own composer and constructor; keys as written (``on:`` is the key 'on', not True)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None or (isinstance(node, yaml.ScalarNode) and loader.construct_object(node) is None):
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            return None
        meta = {str(k.value): loader.construct_object(v, deep=True) for k, v in node.value}
    finally:
        loader.dispose()
    return meta, {str(k.value): k.start_mark.line for k, _ in node.value}


def strict(text):
    """safeyaml's answer with 0-based lines, as simpleyaml gives them: (meta, lines) or a refusal."""
    meta, lines, _ = safeyaml.load(text, _Loader, first_line=0)
    return meta or {}, lines


def random_doc(rng: random.Random, hostile: bool = False) -> str:
    lines = []
    pieces = BENIGN if rng.random() < 0.6 else PIECES
    for _ in range(rng.randint(1, 5)):
        value = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        if rng.random() < 0.3:
            value = "[" + ", ".join("".join(rng.choice(pieces) for _ in range(rng.randint(0, 2)))
                                    for _ in range(rng.randint(0, 3))) + "]"
        elif rng.random() < 0.2:
            value = rng.choice(["'", '"']) + value + rng.choice(["'", '"'])
        sep = rng.choice([": ", ": ", ":", ":  ", " : ", ":\t"])
        lines.append(rng.choice(KEYS[:4] if pieces is BENIGN else KEYS) + sep + value)
        if rng.random() < 0.1:
            lines.append(rng.choice(["# comment", "  - item", "", "   "]))
        if hostile and rng.random() < 0.3:
            lines.append(rng.choice(HOSTILE_LINES))
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(20))
def test_agrees_with_pyyaml_on_random_documents(seed):
    rng = random.Random(seed)
    answered = 0
    for _ in range(1000):
        text = random_doc(rng)
        fast = simpleyaml.load(text)
        if fast is None:
            continue
        answered += 1
        try:
            expected = pyyaml(text)
        except yaml.YAMLError as exc:
            pytest.fail(f"fast reader accepted what PyYAML refuses: {text!r} ({exc})")
        assert fast == expected, text
    assert answered > 30   # the fast path is really exercised


@pytest.mark.parametrize("seed", range(20))
def test_never_accepts_what_the_strict_reader_refuses(seed):
    """Whatever the fast reader answers, the strict reader answers the same; what the strict reader
    refuses (or PyYAML cannot read), the fast reader leaves to it."""
    rng = random.Random(1000 + seed)
    refused = answered = 0
    for _ in range(1000):
        text = random_doc(rng, hostile=True)
        fast = simpleyaml.load(text)
        try:
            expected = strict(text)
        except (safeyaml.Refused, yaml.YAMLError) as exc:
            refused += isinstance(exc, safeyaml.Refused)
            assert fast is None, f"fast reader accepted what the archive refuses: {text!r} ({exc})"
            continue
        if fast is not None:
            answered += 1
            assert fast == expected, text
    assert refused > 100 and answered > 30   # both sides are really exercised


@pytest.mark.parametrize("seed", range(10))
def test_what_the_strict_reader_accepts_is_what_pyyaml_reads(seed):
    rng = random.Random(2000 + seed)
    accepted = 0
    for _ in range(1000):
        text = random_doc(rng, hostile=rng.random() < 0.5)
        try:
            meta, lines = strict(text)
        except (safeyaml.Refused, yaml.YAMLError):
            continue
        accepted += 1
        assert (meta, lines) == pyyaml(text), text
    assert accepted > 100


def test_limits_make_the_fast_reader_step_aside(monkeypatch):
    monkeypatch.setitem(safeyaml.LIMITS, "string_chars", 10)
    monkeypatch.setitem(safeyaml.LIMITS, "list_items", 3)
    for text in ("title: " + "x" * 11, "tags: [a, b, c, d]", "a: 1\nb: 2\nc: 3\nd: 4", "k" * 11 + ": x"):
        assert simpleyaml.load(text) is None, text
        with pytest.raises(safeyaml.Refused):
            strict(text)
    assert simpleyaml.load("tags: [a, b, c]\ntitle: " + "x" * 10) is not None


def test_what_render_writes_is_read_without_pyyaml():
    text = ("title: 'Tiêu đề: có dấu hai chấm'\ndate: 2024-05-01T08:00:00+07:00\nauthor: null\n"
            "tags: [An Giang, Chỉ thị 42-CT/TU, Đảng ủy]\nportal: editor\nslug: tieu-de\n")
    meta, lines = simpleyaml.load(text)
    assert meta["title"] == "Tiêu đề: có dấu hai chấm" and meta["author"] is None
    assert meta["date"] == "2024-05-01T08:00:00+07:00" and meta["tags"][1] == "Chỉ thị 42-CT/TU"
    assert lines["slug"] == 5


@pytest.mark.parametrize("text", ["tags:\n  - a\n", "title: x # note\n", "title: &a x\n", "n: 12\n", "title: |\n  x\n",
                                  "title: a\ntitle: b\n", "<<: x\n", "tags: [*a]\n", "title: !x y\n"])
def test_outside_the_subset_it_steps_aside(text):
    assert simpleyaml.load(text) is None
