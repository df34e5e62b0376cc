"""One spelling per tag: tone marks, case, spaces, aliases and documents collapse."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
import yaml

from newsarchive.tags import canonical, canonical_tags
from newsarchive.tags.normalise import _move_tones, normalise, old_style_tones

SPELLINGS = yaml.safe_load((Path(__file__).resolve().parents[2] / "fixtures" / "tagging" / "spellings.yaml")
                           .read_text(encoding="utf-8"))


@pytest.mark.parametrize(("written", "expected"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_spellings_collapse_to_one_tag(written, expected):
    assert canonical(written) == expected
    assert canonical(expected) == expected, "a canonical tag must be a fixed point"


@pytest.mark.parametrize(("new_style", "old_style"), [
    ("hoà", "hòa"), ("Hoà", "Hòa"), ("HOÀ", "HÒA"), ("thuỷ", "thủy"), ("uỷ", "ủy"), ("khoẻ", "khỏe"),
    ("tuỳ", "tùy"), ("Đảng uỷ", "Đảng ủy"),
])
def test_tone_marks_move_to_the_old_convention(new_style, old_style):
    assert old_style_tones(new_style) == old_style


@pytest.mark.parametrize("unchanged", ["quý", "Quỳnh", "hoàng", "huyện", "ngoài", "thuyền", "khuya", "của"])
def test_syllables_the_same_in_both_conventions_are_left_alone(unchanged):
    assert old_style_tones(unchanged) == unchanged


def test_decomposed_input_is_composed():
    decomposed = unicodedata.normalize("NFD", "Đảng ủy")
    assert normalise(decomposed) == "Đảng ủy"
    assert unicodedata.is_normalized("NFC", normalise(decomposed))


def test_acronyms_stay_as_written_in_an_all_capitals_tag():
    assert normalise("UBND TỈNH") == "UBND Tỉnh"
    assert canonical("UBND TỈNH") == "UBND tỉnh"


def test_unknown_tags_are_only_normalised():
    assert canonical("  lễ hội   đua ghe ngo ") == "Lễ hội đua ghe ngo"


def test_a_list_loses_duplicates_after_normalising():
    assert canonical_tags(["Đảng uỷ Khối Cơ quan và Doanh nghiệp", "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh",
                           "TP.HCM", "Thành phố Hồ Chí Minh", ""]) == [
        "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh", "Thành phố Hồ Chí Minh"]


def test_piecewise_tone_moving_equals_moving_the_whole_text():
    """old_style_tones decomposes only the pieces with a mark to move: same result as the whole text."""
    alphabet = list("oOuUqQaeyAEYàáảãạòóỏõọùúủũụỳýỷỹỵÀÁẢẠÝỲèéẻẽẹậặệ \n\t.x-\u0301\u0300\u0323\u0302\u0306ơưâêô")
    rng = random.Random(1)
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(1, 12)))
        for value in (text, unicodedata.normalize("NFC", text)):
            assert old_style_tones(value) == _move_tones(value), repr(value)
    prose = "Đảng uỷ xã Hoà Bình khoẻ mạnh, quý, thuỷ lợi\nhoà\nThuỵ Khuê, hoàng hôn, Quý Thuỷ " * 3
    assert old_style_tones(prose) == _move_tones(prose) != prose
