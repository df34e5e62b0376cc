"""The language check's fast count of accented words equals the plain regex count."""

from __future__ import annotations

import random

from newsarchive.ingest.pipeline import _ACCENTED, _accented_words


def test_accented_word_count_equals_the_regex_count():
    alphabet = list("ab àé×÷ \u0300ΐαβ;·\u0301x1_\n-Đđươ")
    rng = random.Random(2)
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 15)))
        assert _accented_words(text) == len(_ACCENTED.findall(text)), repr(text)
    prose = "Sáng ngày 21/10/2022, UBND tỉnh An Giang họp bàn kế hoạch năm 2023."
    assert _accented_words(prose) == len(_ACCENTED.findall(prose)) == 8
