"""Contact blocks out of the text, and contact details out of everything.

The closing "For further information, please contact ..." names press officers (public
roles, useful as persons with an affiliation) next to their phone numbers and e-mail
addresses (never wanted in the graph). The block leaves the body, so the extractor does
not read it as a sentence about the release's subject; its names stay in ``contacts``.
"""
from __future__ import annotations

import re
from collections.abc import Callable

EMAIL = re.compile(r"[\w.+'-]+(?:@|\s?\[at\]\s?|\s\(at\)\s)[\w-]+(?:(?:\.|\s?\[dot\]\s?)[\w-]+)+", re.I)
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')]+", re.I)
_LABEL = (r"(?:tel(?:ephone)?|phone|ph|mob(?:ile)?|cell(?:phone)?|fax|whats[Aa]pp|viber|"
          r"signal|skype|gsm|hotline)")
# In the body only numbers that are surely phone numbers: international prefix or a label.
PHONE_STRICT = re.compile(
    rf"(?:\b{_LABEL}\.?\s*(?:no\.?\s*)?[:.]?\s*)(?:\+\s?)?\(?\d[\d\s().\-/]{{5,}}\d"
    r"|(?<![\w+])\+\s?\d[\d\s().\-/]{6,}\d"
    r"|(?<![\w/.-])\(\d{2,5}\)\s?\d[\d\s.\-]{4,}\d", re.I)
# Inside a contact block any long run of digits is a phone number.
_PHONE_LOOSE = re.compile(r"(?:\+\s?)?\(?\d[\d\s().\-/]{5,}\d")
_MARKUP = re.compile(
    r"<[^<>]{0,300}>|\b(?:mailto|tel|callto|sms):\S*|\b[\w:-]+\s*=\s*(?:\"[^\"]*\"?|'[^']*'?)"
    r"|\"\s*>|&[a-z]+;|[<>\"=]", re.I)
_CONTACT_LABEL = re.compile(
    rf"\b(?:(?:{_LABEL}|e-?mail|email|web(?:site)?|internet)\.?\s*(?:no\.?)?\s*(?::|(?=[+\d(]))"
    r"|(?:address|twitter|x|t|m|e|f|p|w)\.?\s*:)", re.I)

_HEADER = re.compile(
    r"^(?:[-•*·]\s*)?(?:"
    r"for\s+(?:further|more|additional)\s+(?:information|info|details)\b"
    r"|(?:media|press)\s+(?:contacts?|enquiries|inquiries|officers?)\b"
    r"|for\s+(?:media|press)\s+(?:enquiries|inquiries|information|queries)\b"
    r"|(?:media|press)\s+(?:contact\s+)?information\b"
    r"|for\s+interviews?\b"
    r"|contacts?(?:\s+(?:person|persons|details|information|us))?\s*:"
    r"|to\s+(?:arrange|request)\s+an\s+interview\b)", re.I)
_HEADER_TAIL = re.compile(
    r"^[^:]*?\b(?:information|info|details|enquiries|inquiries|interviews?|contacts?|officers?|"
    r"person|us)\b(?:\s+(?:about|on|regarding)\s+[^,:]{1,80}?)?\s*[,:]?\s*(?:please\s+)?"
    r"(?:(?:contact|call|write\s+to|e-?mail|reach|see|visit|go\s+to)\b\s*:?)?\s*", re.I)
_WEAK_WORDS = re.compile(r"^(?:or|and|at|on|via|by|to|from|in|:|-|–|/|\.)+\s+|\s+(?:or|and|at|on|via|by|to|from)$", re.I)
_PROSE_END = re.compile(r"[.!?…][\"'”’»)]*$")


_INLINE_HEADER = re.compile(
    r"(?<=[.!?”\"]\s)(?=(?:for\s+(?:further|more)\s+information|(?:media|press)\s+contacts?\b|"
    r"contacts?\s*:|for\s+(?:media|press)\s+(?:enquiries|inquiries)))", re.I)


def split_inline_contact(paragraph: str) -> tuple[str, str | None]:
    """A contact note closing a paragraph ("... exploitation. Contacts: X, tel.") split off."""
    m = _INLINE_HEADER.search(paragraph)
    if not m:
        return paragraph, None
    contact = clean_contact(_header_remainder(paragraph[m.start():]))
    return paragraph[:m.start()].rstrip(), contact or None


def is_contact_header(line: str) -> bool:
    """Whether ``line`` heads a press-contact block ("For more information", "Media contact"), whose lines never reach the text."""
    return bool(_HEADER.match(line))


_LABELLED_EMAIL = re.compile(rf"(?:\b(?:e-?mail|email)\s*:?\s*)?{EMAIL.pattern}", re.I)
_LINK_SCHEME = re.compile(r"\b(?:mailto|callto|tel):\S*", re.I)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;.)])")
_DOUBLE_PUNCT = re.compile(r"[,;]+([.;,])")
_EMPTY_PARENS = re.compile(r"\(\s*[,;]?\s*\)")
_SPACES = re.compile(r"[ ]{2,}")


def scrub_details(text: str) -> str:
    """Remove e-mail addresses, surely-phone numbers and mail-link debris from body text."""
    before = text
    if "@" in text or "[at]" in text or "(at)" in text:
        text = _LABELLED_EMAIL.sub("", text)
    if ":" in text:
        text = _LINK_SCHEME.sub("", text)
    text = PHONE_STRICT.sub("", text)
    if text == before:
        return text.strip()
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _DOUBLE_PUNCT.sub(r"\1", text)
    text = _EMPTY_PARENS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def clean_contact(raw: str) -> str:
    """Names, titles and organisations of a contact block, without any way to reach them."""
    text = URL.sub(" ", raw)
    text = EMAIL.sub(" ", text)
    text = _MARKUP.sub(" ", text)
    text = _CONTACT_LABEL.sub(" | ", text)
    text = _PHONE_LOOSE.sub(" | ", text)
    parts = []
    for part in re.split(r"[|,;\n()·•]|\s[–—-]\s|\s/\s", text):
        part = " ".join(part.split()).strip(" .:-–—/()'\"")
        for _ in range(3):
            part = _WEAK_WORDS.sub("", part).strip(" .:-–—/()'\"")
        if part and re.search(r"[^\W\d_]{2}", part) and part not in parts:
            parts.append(part)
    return ", ".join(parts)


def _header_remainder(line: str) -> str:
    line = line.strip().lstrip("-•*· ")
    rest = _HEADER_TAIL.sub("", line, count=1)
    return rest if rest != line else ""


def _contact_like(line: str) -> bool:
    words = line.split()
    if EMAIL.search(line) or URL.search(line) or _PHONE_LOOSE.search(line):
        return True
    if _CONTACT_LABEL.search(line) or _MARKUP.search(line):
        return True
    return len(words) <= 12 and not (_PROSE_END.search(line) and len(words) > 6)


def extract_contacts(lines: list[str], stop: Callable[[str], bool] = lambda _l: False
                     ) -> tuple[list[str], list[str]]:
    """Blank out contact blocks in ``lines``; return the lines and one string per block.

    A block is a header line and the short, contact-like lines after it; it ends at a
    blank line (one blank is allowed right after a bare header), at prose, at another
    header, or where ``stop`` says a line is page furniture.
    """
    out = list(lines)
    contacts: list[str] = []
    i = 0
    while i < len(out):
        if not _HEADER.match(out[i]) or len(out[i]) > 300:
            i += 1
            continue
        parts = [_header_remainder(out[i])]
        out[i] = ""
        j = i + 1
        while j < len(out) and j - i <= 14:
            line = out[j]
            if not line:
                if not any(p.strip() for p in parts) and j + 1 < len(out) and out[j + 1]:
                    j += 1
                    continue
                break
            if _HEADER.match(line) or stop(line) or not _contact_like(line):
                break
            parts.append(line)
            out[j] = ""
            j += 1
        cleaned = clean_contact("\n".join(parts))
        if cleaned and cleaned not in contacts:
            contacts.append(cleaned)
        i = j
    return out, contacts
