"""Markdown releases: front matter as metadata, markup reduced to plain lines.

Only what press releases written in Markdown use: YAML front matter, ATX/Setext headings,
emphasis, links, images, block quotes. A heading becomes its own paragraph.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

_SCALARS = (str, int, float, datetime.date)
_FRONT = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_QUOTE = re.compile(r"^\s*>\s?")
_BULLET = re.compile(r"^\s*(?:[*+]|\d+[.)])\s+")


@dataclass
class MarkdownText:
    """Markdown turned into plain text, with its front matter and first heading kept as metadata."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    h1: str | None = None


def strip_markdown(text: str) -> MarkdownText:
    """Plain text of a Markdown document: front matter and first heading taken out, markup removed."""
    meta: dict[str, Any] = {}
    m = _FRONT.match(text)
    if m:
        import yaml

        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, dict):
            # Scalars only: YAML aliases can nest lists exponentially ("billion laughs"),
            # and turning such a value into text would exhaust memory.
            meta = {str(k).lower(): v for k, v in loaded.items() if isinstance(v, _SCALARS)}
        text = text[m.end():]
    out: list[str] = []
    h1 = None
    in_code = False
    for line in text.split("\n"):
        if line.startswith("```") or line.startswith("~~~"):
            in_code = not in_code
            continue
        if _REF_DEF.match(line):
            continue
        heading = _HEADING.match(line)
        if heading is None and out and out[-1] and _SETEXT.match(line) and not in_code:
            heading_text, level = out.pop(), 1 if line.startswith("=") else 2
        elif heading:
            heading_text, level = heading.group(2), len(heading.group(1))
        else:
            heading_text = None
        if heading_text is not None:
            heading_text = _inline(heading_text)
            if level == 1 and h1 is None:
                h1 = heading_text
            out += ["", heading_text, ""]
            continue
        line = _QUOTE.sub("", line)
        line = _BULLET.sub("- ", line)
        out.append(_inline(line))
    return MarkdownText("\n".join(out), meta, h1)


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    for _ in range(2):
        line = _EMPHASIS.sub(r"\2", line)
    return line.rstrip("\\ ")
