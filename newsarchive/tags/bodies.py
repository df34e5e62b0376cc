"""Bodies composed from an office and a place, not listed: "UBND huyện Văn Yên", "Huyện ủy Văn Yên".

The offices, committees, departments, boards and titles are data (``bodies.yaml``); the places are the
vocabulary's (``places.yaml``). A mention is an office spelling (found like any vocabulary spelling,
:mod:`.matching`) and the place that follows it, which says the level:

* ``tỉnh`` [+ province] or a province's name: the province's own body, generic ("UBND tỉnh", "Sở Tài
  chính", "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy");
* a centrally-run city, named or (``thành phố``, ``Thành ủy`` alone) the article's own: the body names
  the city ("UBND thành phố Hà Nội", "Công an Thành phố Hồ Chí Minh", "Ban Thường vụ Thành ủy Đà Nẵng");
* ``huyện`` / ``quận`` / ``thị xã`` / ``thành phố`` + a district: "UBND huyện Văn Yên" (the level word as
  the article writes it); a district's Party bodies are its committee ("Ban Thường vụ Quận ủy Ba Đình",
  "Đảng bộ quận Ba Đình": "Quận ủy Ba Đình");
* ``xã`` / ``phường`` / ``thị trấn`` + a capitalised name: "Đảng ủy xã Tứ Cường", "UBND phường Mỹ An".

The level is part of the name: "LĐLĐ huyện Mỹ Đức" is the district's trade union, never "Liên đoàn Lao
động tỉnh". A body right after a person's title ("Chủ tịch UBND huyện Văn Yên") is marked ``titled``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from .matching import Matcher, Mention, Phrases, Words, words_of
from .normalise import normalise
from .vocabulary import Entry, Vocabulary, VocabularyError, context_rules

BODIES = Path(__file__).with_name("bodies.yaml")
COMMUNES = Path(__file__).with_name("communes.yaml")      # generated with places.yaml
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Level words as articles write them (case-folded words) -> the level in a tag.
LEVELS = {("tỉnh",): "tỉnh", ("thành", "phố"): "thành phố", ("tp",): "thành phố", ("huyện",): "huyện",
          ("h",): "huyện", ("quận",): "quận", ("q",): "quận", ("thị", "xã"): "thị xã", ("tx",): "thị xã",
          ("xã",): "xã", ("phường",): "phường", ("p",): "phường", ("thị", "trấn"): "thị trấn",
          ("tt",): "thị trấn", ("đặc", "khu"): "đặc khu"}
DISTRICT_LEVELS = {"huyện", "quận", "thị xã", "thành phố"}
COMMUNE_LEVELS = {"xã", "phường", "thị trấn", "đặc khu"}
COMMITTEE_OF = {"huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}
LEVEL_OF = {committee: level for level, committee in COMMITTEE_OF.items()}


@dataclass(frozen=True, slots=True)
class Office:
    name: str                 # in a tag: "UBND", "Ban Tuyên giáo", "Sở Y tế", "Huyện ủy"
    kind: str                 # office | party (committee or its organ) | department | named
    province: str | None      # the province's own body, generic ("UBND tỉnh"); None: none
    district: bool = True     # exists in districts ("UBND huyện X"; a Party organ: the committee)
    commune: bool = True      # exists in communes ("UBND xã X")
    committee: str | None = None   # party: the committee word written ("Huyện ủy"); None: any level's


@dataclass(frozen=True, slots=True)
class BodyMention:
    name: str | None          # None: an office without a place to name it by
    start: int                # offset in the text
    first: int                # word span, the place included
    end: int
    titled: bool              # right after a person's title
    former: bool = False      # ... a former holder's ("nguyên Chủ tịch UBND huyện")
    named: bool = False       # a unit's own name follows the office ("Đồn Biên phòng Trà Cổ"), not a place


@dataclass(frozen=True, slots=True)
class Home:
    """What an article is about, for offices written without a place ("UBND thành phố", "Thành ủy")."""
    city: Entry | None = None           # the centrally-run city it is about
    districts: tuple[Entry, ...] = ()   # the districts it is about
    communes: tuple[tuple[str, str], ...] = ()   # (level, name) of the communes its bodies name


def _office(item: dict) -> tuple[Office, list[str]]:
    name = normalise(item["name"])
    levels = set(item.get("levels") or ("district", "commune"))
    province = item.get("province", f"{name} tỉnh")
    office = Office(name, item.get("kind", "office"), normalise(province) if province else None,
                    "district" in levels, "commune" in levels, item.get("committee"))
    return office, [normalise(s) for s in item.get("spellings") or [name]]


def _load_offices(data: dict) -> list[tuple[Office, list[str]]]:
    offices = [_office(item) for item in data.get("offices") or []]
    for committee, level in (data.get("committees") or {}).items():
        province = committee if level == "province" else None
        offices.append((Office(committee, "party", province, level == "district", False, committee), [committee]))
    for organ in data.get("committee_organs") or []:
        name = normalise(organ["name"])
        spellings = [normalise(s) for s in organ.get("spellings") or [name]]
        for committee, level in (data.get("committees") or {}).items():
            province = f"{name} {committee}" if level == "province" else None
            offices.append((Office(f"{name} {committee}", "party", province, level == "district", False,
                                   committee), [f"{s} {committee}" for s in spellings]))
    for item in data.get("named") or []:
        name = normalise(item["name"])
        offices.append((Office(name, "named", None, False, False), [normalise(s) for s in item.get("spellings") or [name]]))
    for item in data.get("departments") or []:
        field = normalise(item["name"])
        spellings = [normalise(s) for s in item.get("spellings") or [field]]
        offices.append((Office(f"Sở {field}", "department", f"Sở {field}", False, False),
                        [f"Sở {s}" for s in spellings]))
        offices.append((Office(f"Phòng {field}", "office", None, True, False), [f"Phòng {s}" for s in spellings]))
    return offices


def city_form(generic: str, city: Entry) -> str:
    """A province's generic body, for a centrally-run city: 'UBND tỉnh' -> 'UBND thành phố Hà Nội',
    'Ban Thường vụ Tỉnh ủy' -> 'Ban Thường vụ Thành ủy Hà Nội'; 'Sở Y tế' stays."""
    named = city.name if city.name.startswith("Thành phố ") else f"thành phố {city.name}"
    if generic.endswith("Tỉnh ủy"):
        return f"{generic[:-len('Tỉnh ủy')]}Thành ủy {city.name}"
    if generic.endswith(" tỉnh"):
        return f"{generic[:-len('tỉnh')]}{named}"
    return generic


class Composer:
    """Finds composed bodies in text: an office matcher, then the place read after each office."""

    def __init__(self, vocabulary: Vocabulary, data: dict, communes: list[str] = ()):
        self.offices: dict[str, Office] = {}
        entries = []
        for office, spellings in _load_offices(data):
            self.offices[office.name] = office
            # Acronyms and the committees' own words are matched as written: "tỉnh ủy" in lower case is
            # any province's committee ("chờ kết luận của tỉnh ủy"), not a body the article names.
            committee = office.kind == "party" and office.name == office.committee
            exact = [s for s in spellings if committee or len(s.split()) == 1]
            entries.append(Entry(office.name, "office", aliases=[s for s in exact if s != office.name],
                                 loose_aliases=[s for s in spellings if s not in exact]))
        # The province's own bodies' names ("UBND tỉnh"): bodies of a province whether composed or listed.
        self.provincial = {o.province for o in self.offices.values() if o.province}
        # One matcher for the offices and the vocabulary's bodies, topics and stop phrases: the longest
        # spelling wins; where an office and a vocabulary body are spelled alike ("Sở Y tế", "MTTQ"), the
        # office (composed with its place).
        self.matcher = Matcher(entries + [e for e in vocabulary.entries.values()
                                          if e.kind in ("organisation", "topic", "ignore")])
        # Places as they follow an office or a level word, in any case ("Công an quận Ngô quyền"): bare
        # ("Văn Yên", "Hà Nội", "10" of "Quận 10") or with the vocabulary's spellings ("TP.HCM", "huyện Văn Yên").
        self.places = Matcher([Entry(e.name, "place", loose_aliases=[e.place or e.name, _bare(e), *e.aliases],
                                     parent=e.parent, level=e.level, place=e.place, division=e.division)
                               for e in vocabulary.entries.values() if e.kind == "place"])
        self.titles = Phrases(context_rules().get("titles") or [])
        self.communes = Matcher([Entry(name, "commune") for name in communes])

    def mentions(self, text: str, home: Home = Home()) -> list[BodyMention]:
        """Every office mention in ``text``; ``name`` is None where no body can be named ("Ủy ban MTTQ
        phường" alone, in an article naming no ward): a vocabulary body inside it is still not that body."""
        cut = words_of(text)
        mentions = self.matcher.mentions(text)
        offices, composed = self._explicit(text)
        composed = list(composed)
        if any(c is None for c in composed):       # "UBND phường" alone: the ward the article names
            named = {tuple(n.split(" ", 1)[1].split(" ", 1)) for n, _ in filter(None, composed)
                     if n.split(" ", 2)[1:2] and n.split(" ")[1] in ("xã", "phường")}
            home = Home(home.city, home.districts, tuple(sorted(named)))
            composed = [c or self._compose(office, cut, m.end, home) for c, (office, m) in zip(composed, offices)]
        found = []
        for c, (office, m) in zip(composed, offices):
            found.append(BodyMention(c[0] if c else None, m.start, m.first, c[1] if c else m.end,
                                     *self.title_before(cut, m.first), named=office.kind == "named"))
            # "UBND huyện Gia Lâm và xã Bát Tràng": the same office of a second place.
            end = c[1] if c else len(cut.words)
            if end + 1 < len(cut.words) and cut.folded[end] == "và" and cut.gaps[end] == " " \
                    and self._level(cut, end + 1)[0] is not None:
                other = self._compose(office, cut, end + 1, home)
                if other is not None and other[0] != c[0]:
                    found.append(BodyMention(other[0], cut.starts[end + 1], end + 1, other[1], False))
        # The province's own bodies the vocabulary spells longer than an office ("UBND tỉnh", "Công an tỉnh").
        found += [BodyMention(m.candidates[0].entry.name, m.start, m.first, m.end, *self.title_before(cut, m.first))
                  for m in mentions if self._provincial(m)]
        return sorted(found, key=lambda b: b.first)

    @lru_cache(maxsize=4)       # noqa: B019 - the composer lives as long as the vocabulary
    def _explicit(self, text: str) -> tuple[list[tuple[Office, Mention]], tuple[tuple[str, int] | None, ...]]:
        """The offices in ``text`` and the bodies they name by the place written after them (the same
        whatever the article is about: tagging asks for them before and after its places are known)."""
        cut = words_of(text)
        offices = [(self._office(office.name, cut, m), m) for m in self.matcher.mentions(text)
                   if (office := _office_of(m)) is not None]
        return offices, tuple(self._compose(office, cut, m.end, Home()) for office, m in offices)

    def _provincial(self, mention: Mention) -> bool:
        return _office_of(mention) is None and mention.candidates[0].entry.name in self.provincial

    def _office(self, name: str, cut: Words, mention: Mention) -> Office:
        """"Phó Bí thư Thường trực Tỉnh ủy" is a title and the committee, not the committee's Thường trực."""
        office = self.offices[name]
        if name.startswith("Thường trực ") and self.titles.before(cut, mention.first):
            return self.offices.get(name.removeprefix("Thường trực "), office)
        return office

    def title_before(self, cut: Words, i: int) -> tuple[bool, bool]:
        """(a person's title ends right before word ``i``, a former holder's: "nguyên Chủ tịch")."""
        title = self.titles.before(cut, i)
        return bool(title), bool(title) and i - title > 0 and cut.folded[i - title - 1] == "nguyên"

    def _level(self, cut: Words, j: int) -> tuple[str | None, int]:
        """The level word at ``j`` ("huyện", "TP.", "thị xã") and the index after it."""
        if j >= len(cut.words) or cut.gaps[j] != " ":
            return None, j
        for n in (2, 1):
            level = LEVELS.get(tuple(cut.folded[j:j + n]))
            if level and (n == 1 or cut.gaps[j + 1] == " "):
                return level, j + n
        return None, j

    def _places(self, cut: Words, k: int) -> tuple[list[Entry], int]:
        """The vocabulary places a name at word ``k`` may be, and the index after it."""
        if k >= len(cut.words) or cut.gaps[k] not in (" ", ". ", "."):
            return [], k
        mention = self.places.at(cut, k, inside_names=True)
        if mention is None:
            return [], k
        return list({s.entry.name: s.entry for s in mention.candidates}.values()), mention.end

    def _compose(self, office: Office, cut: Words, j: int, home: Home) -> tuple[str, int] | None:
        if office.kind == "named":
            name_end = _proper_name(cut, j)
            return (f"{office.name} {' '.join(w[0].upper() + w[1:] for w in cut.words[j:name_end])}", name_end) \
                if name_end > j else None
        level, k = self._level(cut, j)
        places, end = self._places(cut, j)          # "TP.HCM", "tỉnh Yên Bái": the vocabulary's own spellings
        if level is not None and end <= k:
            places, end = self._places(cut, k)
        end = max(end, k)
        province = next((p for p in places if p.level == "province"), None)
        districts = [p for p in places if p.level == "district"]
        district = next((d for d in districts if home.city is None or d.parent == home.city.name),
                        districts[0] if districts else None)
        committee = office.committee
        if committee == "Tỉnh ủy":
            return office.province, end
        if committee == "Thành ủy" and province is not None and province.division == "thành phố":
            return city_form(office.name.replace("Thành ủy", "Tỉnh ủy"), province), end
        if committee and district is not None and level in (None, *DISTRICT_LEVELS):
            return self._district_body(office, LEVEL_OF[committee], district), end
        if committee:        # "Thành ủy" alone: the article's city, or its district-level city
            return self._implicit(office, LEVEL_OF[committee], home, end)
        if level == "thành phố" and province is not None and district is not None and province.division != "thành phố":
            province = None                          # "thành phố Bắc Giang": the district-level city
        if level == "tỉnh" or (province is not None and level in (None, "thành phố")):
            if province is not None and province.division == "thành phố" and level != "tỉnh" and office.province:
                return city_form(office.province, province), end
            return (office.province, end) if office.province else None
        if level in DISTRICT_LEVELS:
            if district is not None:
                return self._district_body(office, level, district), end
            return self._implicit(office, level, home, k)
        if level in COMMUNE_LEVELS and office.commune:
            known = self.communes.at(cut, k, inside_names=True) if cut.gaps[k:k + 1] == [" "] else None
            name_end = known.end if known is not None else _capitalised_run(cut, k)
            if name_end > k:
                return f"{office.name} {level} {' '.join(cut.words[k:name_end])}", name_end
            same = [name for at, name in home.communes if at == level]
            return (f"{office.name} {level} {same[0]}", k) if len(same) == 1 else None
        if level is None and office.kind == "department":
            return office.name, j
        return None

    @staticmethod
    def _district_body(office: Office, level: str, district: Entry) -> str | None:
        if office.kind == "party":                      # a district's Party organs are its committee
            return f"{office.committee or COMMITTEE_OF[level]} {district.place}"
        if office.name == "Đảng ủy":                    # "Đảng bộ huyện X": the district's committee
            return f"{COMMITTEE_OF[level]} {district.place}"
        return f"{office.name} {level} {_bare(district)}" if office.district else None

    def _implicit(self, office: Office, level: str, home: Home, end: int) -> tuple[str, int] | None:
        """An office with a level but no place ("UBND thành phố", "Thành ủy", "UBND huyện"): the article's."""
        if level == "thành phố" and home.city is not None:
            generic = office.name.replace("Thành ủy", "Tỉnh ủy") if office.kind == "party" else office.province
            return (city_form(generic, home.city), end) if generic else None
        matching = [d for d in home.districts if d.division == level or level == "huyện" and d.division is None]
        if len(matching) == 1:
            return self._district_body(office, level, matching[0]), end
        return None


def _office_of(mention: Mention) -> Entry | None:
    return next((s.entry for s in mention.candidates if s.entry.kind == "office"), None)


def vocabulary_mentions(bodies: Composer, text: str) -> list[Mention]:
    """The matcher's mentions of vocabulary entries, where no office is spelled alike (and not the province's
    own bodies: :meth:`Composer.mentions` has those)."""
    return [m for m in bodies.matcher.mentions(text) if _office_of(m) is None and not bodies._provincial(m)]


def _bare(place: Entry) -> str:
    """A place's name after a level word: "Văn Yên"; "10" for "Quận 10"."""
    name = place.place or place.name
    return name.split()[-1] if name.split()[-1].isdigit() else name


# Words that end a commune's name after two others: "Phong Dụ Hạ", "Quy Nhơn Nam", "Tân Phước 2".
_NAME_ENDS = {"Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Ngoại", "Nội"}


def _capitalised_run(cut: Words, k: int) -> int:
    """End of a commune's name at ``k`` that ``communes.yaml`` does not know: two capitalised words (a
    person's name often follows), a third only when it is a direction or a number; or a number alone
    ("phường 5")."""
    words, gaps = cut.words, cut.gaps
    if k < len(words) and words[k].isdigit():
        return k + 1
    end = k
    while end < len(words) and end - k < 3 and (end == k or gaps[end] == " "):
        word = words[end]
        if not word[0].isupper() or (end - k == 2 and word not in _NAME_ENDS and not word.isdigit()):
            break
        end += 1
    return end


def _proper_name(cut: Words, k: int, most: int = 4) -> int:
    """End of a unit's own name at ``k``: capitalised words, and directions in lower case after the first
    ("Đông bắc Chư Păh")."""
    words, gaps = cut.words, cut.gaps
    end = k
    while end < len(words) and end - k < most and gaps[end] == " ":
        word = words[end]
        if not (word[0].isupper() or word.isdigit() or end > k and word.capitalize() in _NAME_ENDS):
            break
        end += 1
    return end


@cache
def composer(vocabulary: Vocabulary, path: Path = BODIES) -> Composer:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        communes = (yaml.load(COMMUNES.read_text(encoding="utf-8"), Loader=_LOADER) or {}).get("communes") or []
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"không đọc được danh sách cơ quan: {exc}") from None
    return Composer(vocabulary, data, communes)
