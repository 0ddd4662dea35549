"""Hard-wrapped lines back into paragraphs.

Text copied from old pages or e-mails is often wrapped at a fixed width; the extractor
reads sentences, so a sentence split over lines must become one line again. A line runs
on when the next one starts in lower case, when it ends mid-phrase ("... of the"), or
when it is about as long as the wrap width and has no sentence end. A sentence that ends
on a short line closes the paragraph.
"""
from __future__ import annotations

import re

from .boilerplate import _FUNCTION_END, ends_sentence, is_bullet
from .factsheet import is_table_row, sheet_field

_HYPHEN_BREAK = re.compile(r"[^\W\d_]-$")


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None when lines are whole paragraphs."""
    lengths = [len(line) for k, line in enumerate(lines[:-1])
               if line and lines[k + 1] and not ends_sentence(line) and 25 <= len(line) <= 110]
    filled = [line for line in lines if line]
    if len(lengths) < 3 or len(lengths) < 0.25 * len(filled):
        return None
    lengths.sort()
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _continues(prev: str, nxt: str, width: int | None, *, always: bool) -> bool:
    if is_bullet(nxt) or sheet_field(nxt) is not None or sheet_field(prev) is not None \
            or is_table_row(prev) or is_table_row(nxt):
        return False
    if always:
        return True
    if nxt[:1].islower() and not prev.endswith(":"):
        return True
    if width is None:
        return bool(_FUNCTION_END.search(prev)) and not is_bullet(prev)
    if ends_sentence(prev):
        return len(prev) >= 0.9 * width
    return (len(prev) >= 0.6 * width or bool(_FUNCTION_END.search(prev))
            or prev.endswith((",", ";", "-", "–")))


def _join(parts: list[str]) -> str:
    out = parts[0]
    pieces = [out]
    for prev, line in zip(parts, parts[1:]):
        if _HYPHEN_BREAK.search(prev) and line[:1].isalpha():
            # "counter-" + "trafficking", "Anti-" + "Trafficking": keep the hyphen, lose the break
            pieces.append(line)
        else:
            pieces.append(" " + line)
    return "".join(pieces)


def paragraphs(lines: list[str], *, markdown: bool = False) -> list[str]:
    """Blank lines always separate paragraphs; within a block, join lines that run on."""
    width = None if markdown else wrap_width(lines)
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                out.append(_join(current))
            current = []
            continue
        if current and _continues(current[-1], line, width, always=markdown):
            current.append(line)
        else:
            if current:
                out.append(_join(current))
            current = [line]
    if current:
        out.append(_join(current))
    return out
