"""The fast front-matter reader must agree with PyYAML whenever it answers."""

import random

import pytest
import yaml

from newsarchive import simpleyaml
from newsarchive.frontmatter import _Loader

# Pieces that YAML treats specially, mixed with ordinary Vietnamese text.
PIECES = ["Đảng ủy", "hòa", " ", "  ", ":", ": ", " #", "#", "'", "''", '"', "\\", "[", "]", ",", ", ", "{", "}",
          "-", "- ", "?", "&a", "*a", "!x", "|", ">", "%", "@", "`", "\t", "yes", "No", "on", "null", "~",
          "12", "0x1f", "1.5", "1_000", "2024-05-01", "2024-05-01T08:00:00+07:00", ".inf", "=", "<<", "\u2028",
          "\x85", "\x07", "\ufeff", "tỉnh", "42-CT/TU", "a:b", "C#"]
BENIGN = ["Đảng ủy", "hòa", " ", "tỉnh", "42-CT/TU", "a:b", "C#", "yes", "null", "12", "2024-05-01", "x"]
KEYS = ["title", "date", "tags", "slug", "on", "null", "1", "x-y", "_k", "Title", "a b", "-k", "'q'"]


def pyyaml(text):
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        meta = loader.construct_document(node)
    finally:
        loader.dispose()
    if not isinstance(meta, dict):
        return None
    return meta, {str(k.value): k.start_mark.line for k, _ in node.value}


def random_doc(rng: random.Random) -> str:
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


def test_what_render_writes_is_read_without_pyyaml():
    text = ("title: 'Tiêu đề: có dấu hai chấm'\ndate: 2024-05-01T08:00:00+07:00\nauthor: null\n"
            "tags: [An Giang, Chỉ thị 42-CT/TU, Đảng ủy]\nportal: editor\nslug: tieu-de\n")
    meta, lines = simpleyaml.load(text)
    assert meta["title"] == "Tiêu đề: có dấu hai chấm" and meta["author"] is None
    assert meta["date"] == "2024-05-01T08:00:00+07:00" and meta["tags"][1] == "Chỉ thị 42-CT/TU"
    assert lines["slug"] == 5


@pytest.mark.parametrize("text", ["tags:\n  - a\n", "title: x # note\n", "title: &a x\n", "n: 12\n", "title: |\n  x\n"])
def test_outside_the_subset_it_steps_aside(text):
    assert simpleyaml.load(text) is None
