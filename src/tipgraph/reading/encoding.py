"""Bytes to normalised text: byte order marks, UTF-8/16/32, legacy 8-bit code pages.

Press releases arrive from many sites and archives: UTF-8 mostly, but also UTF-16
exports from word processors and cp1251/cp1252 pages from older ministry sites. A wrong
guess garbles names, which then fail to resolve, so the order of guesses matters:
BOM, UTF-16 without BOM (NUL pattern), strict UTF-8, the charset the page declares,
then the 8-bit code pages (charset-normalizer decides between non-Latin ones).
"""
from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BinaryContent(ValueError):
    """The bytes are not text in any encoding we accept."""


def _utf16_without_bom(sample: bytes) -> str | None:
    """ASCII-heavy UTF-16 has a NUL in every other byte; which half tells the byte order."""
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    # Non-Latin scripts put NULs only under spaces, digits and punctuation: fewer, but all
    # on one side.
    if zeros_odd > 0.05 and zeros_even < 0.01:
        return "utf-16-le"
    if zeros_even > 0.05 and zeros_odd < 0.01:
        return "utf-16-be"
    return None


_HIGH = re.compile(rb"[\x80-\xff]+")


def _looks_non_latin(raw: bytes) -> bool:
    """Cyrillic, Greek... in an 8-bit code page: high bytes come in whole words.

    Western European text has isolated accented letters between ASCII ones ("Genève"),
    so most runs of high bytes are one byte long.
    """
    runs = _HIGH.findall(raw[:65536])
    if not runs:
        return False
    long_runs = sum(len(r) for r in runs if len(r) >= 3)
    return long_runs / sum(len(r) for r in runs) > 0.5


_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_textual(text: str) -> None:
    if not text:
        return
    sample = text[:65536]
    if len(_BAD_CONTROL.findall(sample)) > max(3, len(sample) * 0.01):
        raise BinaryContent("binary content (control characters)")


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``raw``; return ``(text, encoding name)`` or raise :class:`BinaryContent`."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(name)
            except UnicodeDecodeError as exc:
                raise BinaryContent(f"undecodable as {name} despite its byte order mark") from exc
            _check_textual(text)
            return text, (name + "-sig" if name == "utf-8" else name)
    guess = _utf16_without_bom(raw[:4096])
    if guess:
        try:
            text = raw.decode(guess)
        except UnicodeDecodeError:
            pass
        else:
            _check_textual(text)
            return text, guess
    if b"\x00" in raw:
        raise BinaryContent("binary content (NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_textual(text)
        return text, "utf-8"
    for name in _candidates(raw, declared):
        try:
            text = raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        _check_textual(text)
        return text, codecs.lookup(name).name
    raise BinaryContent("undecodable bytes")


def _candidates(raw: bytes, declared: str | None) -> list[str]:
    names: list[str] = []
    if declared:
        names.append(declared.strip().lower())
    if _looks_non_latin(raw):
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:262144]).best()
        if best is not None:
            names.append(best.encoding)
        names.append("cp1251")
    names += ["cp1252", "latin-1"]
    return names


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_html_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its first few kilobytes, if any."""
    m = _CHARSET.search(raw[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


# Non-breaking and odd-width spaces become spaces; invisible marks go; tabs are spaces.
_TRANSLATE = {c: " " for c in (0x00A0, 0x2007, 0x202F, 0x2000, 0x2001, 0x2002, 0x2003,
                               0x2004, 0x2005, 0x2006, 0x2008, 0x2009, 0x200A, 0x205F,
                               0x3000, 0x09, 0x0B, 0x0C)}
_TRANSLATE.update({c: None for c in (0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
                                     0x2060, 0xFEFF)})
_TRANSLATE.update({0x2028: "\n", 0x2029: "\n", 0x85: "\n"})
_TRANSLATE.update({c: None for c in range(0x00, 0x20) if c not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D)})
_TRANSLATE.update({c: None for c in range(0x80, 0xA0) if c != 0x85})
_ODD_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TRANSLATE)) + "]")
_SPACES = re.compile(r"[ ]{2,}")
_LINE_EDGES = re.compile(r" *\n *")


def normalise_text(text: str) -> str:
    """NFC, one kind of space, ``\\n`` line ends, no trailing spaces; keeps typographic quotes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_CHARS.search(text):
        text = text.translate(_TRANSLATE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    return _LINE_EDGES.sub("\n", text).strip(" \n")
