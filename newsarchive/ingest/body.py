"""Stage 6: the article's body, once the fields are decided.

The lines after the title, less the page furniture (lines above the title, the date line, the
byline, menu words), photo captions, a paragraph repeated right after itself, and the
outlet's dateline opening the lede ("(Baohatinh.vn) - ", "BTO - ").
"""

from __future__ import annotations

import re

from .metadata import LONG_LINE, SENTENCE_BREAK
from .record import Record

CAPTION_MAX_WORDS = 45
POSITIONED_MAX_WORDS = 60   # a caption naming where people stand ("(giữa)") may be longer
HEADING_MAX_WORDS = 12      # a shorter unpunctuated line between paragraphs is a subheading
SHORT_CAPTION_WORDS = 25
TERMINAL = re.compile(r"[.!?:;,…\"”)]$")
# "... Ảnh: Đức Anh", "Ảnh: Q.VIỆT |": a photo's credit ends its caption.
_PHOTO_CREDIT = re.compile(r"(^|\s)(Ảnh|Nguồn ảnh)\s*:\s*[^.:;]{1,40}\s*\|?\s*$")
# Where a person stands in the photo: "(giữa)", "(thứ 2 từ trái sang)", "(bên phải)".
_POSITION = re.compile(r"\((giữa|đứng giữa|bên (trái|phải)|ngoài cùng[^()]{0,20}|thứ \w+ từ (trái|phải)[^()]{0,10}|"
                       r"từ (trái|phải) (qua|sang)[^()]{0,10})\)", re.IGNORECASE)


def is_caption(line: str, previous: str | None, following: str | None, prefixes: list[str]) -> bool:
    """A photo's caption, judged by its shape and its neighbours (the photo itself is gone)."""
    if len(line) > LONG_LINE:
        return False
    words = len(line.split())
    if words <= CAPTION_MAX_WORDS and (line.endswith("|") or _PHOTO_CREDIT.search(line)):
        return True
    if previous is None or following is None or words > POSITIONED_MAX_WORDS:
        return False
    one_sentence = not SENTENCE_BREAK.search(line.rstrip(".!?…"))
    if one_sentence and _POSITION.search(line):      # a long caption still says who stands where
        return True
    led = any(line.startswith(prefix) for prefix in prefixes)
    if not TERMINAL.search(line):
        return HEADING_MAX_WORDS < words <= CAPTION_MAX_WORDS or led
    shorter = min(len(previous.split()), len(following.split())) >= 2 * words
    return led and one_sentence and words <= SHORT_CAPTION_WORDS and shorter


def paragraphs(record: Record, taken: set[int]) -> list[str]:
    """The body's paragraphs; ``taken``: lines the decided fields stand on."""
    lines, rules = record.lines, record.rules
    start = record.title_at + 1 if record.title_at is not None else 0
    kept = [i for i in range(start, len(lines)) if i not in record.furniture and i not in taken]
    out: list[str] = []
    for position, index in enumerate(kept):
        line = lines[index]
        previous = lines[kept[position - 1]] if position else None
        following = lines[kept[position + 1]] if position + 1 < len(kept) else None
        if out and line == out[-1]:
            continue
        if is_caption(line, previous, following, rules.caption_prefixes):
            continue
        out.append(line)
    if out and rules.dateline is not None and rules.dateline.search(out[0]):
        if not (len(out) > 1 and rules.dateline.search(out[1])):
            out[0] = rules.dateline.sub("", out[0], count=1)
    return [p for p in out if p.strip()]
