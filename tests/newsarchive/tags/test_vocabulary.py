"""The vocabulary: places generated from vietnam-provinces (before and after 2025), bodies by hand."""

from __future__ import annotations

import pytest
import yaml

from newsarchive.tags.vocabulary import PLACES, VocabularyError, load


@pytest.fixture(scope="module")
def vocabulary():
    return load()


def test_places_cover_the_provinces_before_and_after_the_2025_merger():
    rows = yaml.safe_load(PLACES.read_text(encoding="utf-8"))["provinces"]
    before = {r["name"] for r in rows if r["before_2025"]}
    after = {r["after_2025"] for r in rows if r["after_2025"] == r["name"]}
    assert len(before) == 63 and len(after) == 34
    joined = {name for r in rows if r["before_2025"]
              for name in (r["after_2025"] if isinstance(r["after_2025"], list) else [r["after_2025"]])}
    assert joined == after, "every old province joined a new one (a few were split between two)"


@pytest.mark.parametrize(("old", "new"), [
    ("Long An", "Tây Ninh"), ("Kiên Giang", "An Giang"), ("Quảng Nam", "Đà Nẵng"), ("An Giang", "An Giang"),
    ("Hà Giang", "Tuyên Quang"), ("Bình Dương", "Thành phố Hồ Chí Minh"), ("Tiền Giang", ["Tây Ninh", "Đồng Tháp"]),
])
def test_old_provinces_know_where_they_went(vocabulary, old, new):
    assert vocabulary.entries[old].after_2025 == new


@pytest.mark.parametrize(("district", "province"), [
    ("Cẩm Lệ", "Đà Nẵng"), ("Châu Thành (Long An)", "Long An"), ("Thường Xuân", "Thanh Hóa"),
    ("Thành phố Bắc Giang", "Bắc Giang"), ("Chợ Mới (An Giang)", "An Giang"),
])
def test_districts_have_their_province_as_parent(vocabulary, district, province):
    entry = vocabulary.entries[district]
    assert entry.kind == "place" and entry.level == "district" and entry.parent == province


def test_names_follow_the_old_tone_mark_convention(vocabulary):
    assert "Hòa Bình" in vocabulary.entries and "Hoà Bình" not in vocabulary.entries
    assert "Khánh Hòa" in vocabulary.entries


def test_bodies_and_topics_have_kinds(vocabulary):
    assert vocabulary.kind_of("Liên đoàn Lao động tỉnh") == "organisation"
    assert vocabulary.kind_of("Quận ủy Cẩm Lệ") == "organisation"
    assert vocabulary.kind_of("COVID-19") == "topic"


@pytest.mark.parametrize(("text", "message"), [
    ("- name: Dịch bệnh\n  kind: topic\n  any_case: [phòng, chống dịch]\n", "là một từ thường"),
    ("- name: X\n  kind: body\n", "không hợp lệ"),
    ("- kind: topic\n", "thiếu 'name'"),
    ("- name: [unclosed\n", "không đọc được"),
])
def test_a_broken_vocabulary_file_says_why(tmp_path, text, message):
    broken = tmp_path / "vocabulary.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message):
        load.__wrapped__(PLACES, broken)


@pytest.mark.parametrize(("district", "province", "first_units"), [
    ("Văn Yên", "Lào Cai", ["xã Mậu A", "xã Xuân Ái"]), ("Cẩm Lệ", "Đà Nẵng", ["phường Cẩm Lệ"]),
    ("Vân Đồn", "Quảng Ninh", ["đặc khu Vân Đồn"]), ("Quận 10", "Thành phố Hồ Chí Minh", ["phường Vườn Lài"]),
])
def test_districts_know_what_they_became_in_2025(vocabulary, district, province, first_units):
    entry = vocabulary.entries[district]
    assert entry.after_2025 == province
    assert entry.became[:len(first_units)] == first_units


def test_every_district_went_somewhere(vocabulary):
    districts = [e for e in vocabulary.entries.values() if e.kind == "place" and e.level == "district"]
    assert len(districts) >= 690
    assert all(e.after_2025 for e in districts)
    assert sum(1 for e in districts if e.became) > 680
