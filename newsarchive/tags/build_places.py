"""Generate ``newsarchive/tags/places.yaml`` from the ``vietnam-provinces`` dataset.

Usage (from the project root; needs PyPI, nothing else)::

    .venv/bin/python -m newsarchive.tags.build_places            # downloads the pinned wheel
    .venv/bin/python -m newsarchive.tags.build_places --wheel-dir /tmp/vp   # an unpacked wheel

Why generated data and not a runtime dependency: the release that carries both
the pre-2025 units (63 provinces, ~700 districts: ``vietnam_provinces.legacy``)
and the 2025 province merger table (``_province_conversion_2025``) declares
Python >= 3.12, while the archive runs on 3.11; its data imports fine on 3.11,
so this script reads it from the downloaded wheel without installing it. Unit
names change once in years, the output is small and reviewable in a diff, and
tagging stays deterministic and offline. Re-run after a new release and commit.

What is written, names in the archive's spelling (NFC, old-style tone marks):
* provinces: every province before 1/7/2025 and after it, short name ("An Giang",
  "Thành phố Hồ Chí Minh" kept long: bare "Hồ Chí Minh" is the President), its
  type, whether it exists since 2025, and which post-2025 province it is part of;
* districts (abolished as a level on 1/7/2025 but named in every older article):
  name, type, province. A tag name carries its province when the name is shared
  ("Châu Thành (Long An)"), and its type when it is also a province's name
  ("Thành phố Bắc Giang"). Where each went on 1/7/2025 (from the ward merger
  table, ``_ward_conversion_2025``): the new province, and the new communes and
  wards that took its old ones, those that took most first (``became``).
Communes and wards are no tags: their names repeat across provinces by the dozen
("Tân Hòa") and would tag unrelated articles. Their names, before and after
2025, go to ``communes.yaml`` (one a line): they tell where a commune's name ends
in "UBND xã Quốc Khánh La Dấu Khèn cho biết" (a person follows).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import yaml

from newsarchive.tags.normalise import old_style_tones

PACKAGE = "vietnam-provinces==2026.9.0"
OUTPUT = Path(__file__).with_name("places.yaml")
COMMUNES = Path(__file__).with_name("communes.yaml")
KEEP_LONG = {"Hồ Chí Minh"}   # bare form is a person's name
PREFIXES = ("Thành phố ", "Tỉnh ", "Quận ", "Huyện ", "Thị xã ", "Xã ", "Phường ", "Thị trấn ", "Đặc khu ")


def download(target: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                    "--python-version", "3.12", PACKAGE, "-d", str(target)], check=True)
    wheel = next(target.glob("vietnam_provinces-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target / "unpacked")
    return target / "unpacked"


def short(name: str) -> str:
    name = old_style_tones(name)
    for prefix in PREFIXES:
        if name.startswith(prefix):
            rest = name[len(prefix):]
            return name if rest in KEEP_LONG or rest.isdigit() else rest
    return name


def unit(ward) -> str:
    """'xã Mậu A', 'phường Cẩm Lệ': a commune or ward as running text names it."""
    kind = str(ward.division_type.value)
    name = old_style_tones(ward.name)
    return f"{kind} {name[len(kind) + 1:]}" if name.lower().startswith(kind + " ") else name


def build(wheel_dir: Path) -> dict:
    sys.path.insert(0, str(wheel_dir))
    import vietnam_provinces as vp
    from vietnam_provinces import Province, Ward
    from vietnam_provinces import legacy
    from vietnam_provinces._province_conversion_2025 import EFFECTIVE_DATE, OLD_TO_NEW
    from vietnam_provinces._ward_conversion_2025 import OLD_TO_NEW as WARDS_OLD_TO_NEW

    new = {int(p.code): short(p.name) for p in Province.iter_all()}
    old = {int(p.code): p for p in legacy.Province.iter_all()}
    provinces: dict[str, dict] = {}
    for code, p in sorted(old.items()):
        name = short(p.name)
        targets = [new[ref.code] for ref in OLD_TO_NEW[code].new_provinces]
        kind = str(p.division_type.value).replace("thành phố trung ương", "thành phố")
        provinces[name] = {"name": name, "type": kind, "code": code,
                           "before_2025": True, "after_2025": targets[0] if len(targets) == 1 else targets}
    for p in Province.iter_all():
        name = short(p.name)
        entry = provinces.setdefault(name, {"name": name, "code": int(p.code), "before_2025": False})
        kind = str(p.division_type.value).replace("thành phố trung ương", "thành phố")
        if entry.setdefault("type", kind) != kind:
            entry["type_2025"] = kind            # "Quảng Ninh": a province before, a city since
        entry["after_2025"] = name

    # Old district -> new communes and wards, by how many of its old wards each one took.
    new_wards = {int(w.code): w for w in Ward.iter_all()}
    successors: dict[int, Counter] = {}
    for change in WARDS_OLD_TO_NEW.values():
        for ref in change.new_wards:
            successors.setdefault(change.old_ward.district_code, Counter())[ref.code] += 1

    province_names = set(provinces)
    districts = [(short(d.name), d) for d in legacy.District.iter_all()]
    shared = Counter(name for name, _ in districts)
    rows = []
    for name, d in districts:
        parent = short(old[int(d.province_code)].name)
        kind = str(d.division_type.value)
        tag = name
        if name in province_names:
            tag = f"{kind.capitalize()} {name}"
        elif shared[name] > 1:
            tag = f"{name} ({parent})"
        went = successors.get(int(d.code), Counter())
        became = [unit(new_wards[code]) for code, _ in sorted(went.items(), key=lambda kv: (-kv[1], kv[0]))]
        targets = {new[new_wards[code].province_code] for code in went} or {provinces[parent]["after_2025"]}
        rows.append({"name": tag, "place": name, "type": kind, "province": parent,
                     "after_2025": targets.pop() if len(targets) == 1 else sorted(targets), "became": became})
    communes = {short(w.name) for w in [*legacy.Ward.iter_all(), *Ward.iter_all()]}
    return {
        "communes": sorted(n for n in communes if n[:1].isupper() and not n.startswith(PREFIXES)),
        "source": f"{PACKAGE} (data {vp.__data_version__}); merger effective {EFFECTIVE_DATE}",
        "provinces": sorted(provinces.values(), key=lambda p: p["code"]),
        "districts": rows,
    }


def dump(data: dict) -> str:
    """YAML with one row per line: a district's ten successors stay on its own line in a diff."""
    def row(item: dict) -> str:
        return "- " + yaml.safe_dump(item, allow_unicode=True, sort_keys=False, width=10**6,
                                     default_flow_style=True).strip()
    lines = [f"source: {data['source']}", "provinces:", *map(row, data["provinces"]),
             "districts:", *map(row, data["districts"])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel-dir", type=Path, help="an unpacked vietnam-provinces wheel")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data = build(args.wheel_dir or download(Path(tmp)))
    header = ("# GENERATED by newsarchive/tags/build_places.py: do not edit by hand (add spellings in vocabulary.yaml).\n"
              "# Places of Vietnam before and after the 1/7/2025 merger of provinces.\n")
    communes = data.pop("communes")
    args.output.write_text(header + dump(data), encoding="utf-8")
    args.output.with_name(COMMUNES.name).write_text(
        "# GENERATED by newsarchive/tags/build_places.py: names of communes and wards, before and after 2025.\n"
        + yaml.safe_dump({"communes": communes}, allow_unicode=True, width=10**6), encoding="utf-8")
    print(f"{args.output}: {len(data['provinces'])} tỉnh/thành, {len(data['districts'])} quận/huyện; "
          f"{len(communes)} tên xã/phường")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
