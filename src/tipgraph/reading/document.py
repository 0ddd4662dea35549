"""The reading pipeline: a file (or a string) to a :class:`~tipgraph.model.SourceDocument`.

Order matters: contact blocks go first (their short lines look like menus), then labelled
fields, then furniture; the body is found between head and tail, re-paragraphed, and
scrubbed of contact details; metadata comes from the head, the fields and the dateline.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..model import SourceDocument
from . import boilerplate as bp
from .contacts import clean_contact, extract_contacts, scrub_details, split_inline_contact
from .encoding import BinaryContent, declared_html_charset, decode_bytes, normalise_text
from .errors import UnreadableDocument
from .factsheet import join_sheet_values, join_stacked_tables, sheet_lines, status_table_lines
from .language import detect_language, foreign_date, is_supported
from .metadata import (date_line, find_dateline, meta_line, parse_iso_or_text_date,
                       place_date_line, readable_place, release_marker, take_fields)
from .unwrap import paragraphs

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".text", ".md", ".html", ".htm"})
_MEDIA_TYPES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
                ".html": "text/html", ".htm": "text/html"}
_LOOKS_HTML = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html\b)",
                         re.I | re.S)
_HEAD_ATTEMPTS = 40  # how far into the head a date alone on a line still counts
#: "Home / 2024 / 09 / Title", "Home » 2014 » June » Title": an archive path's year and month
_BREADCRUMB_YEAR = re.compile(r"^Home\s*[/»>|]\s*((?:19|20)\d\d)\s*[/»>|]\s*(?:[01]?\d|[A-Z][a-z]{2,8})\s*[/»>|]\s*\S", re.I)


@dataclass
class Cleaned:
    """A reader's output before the document is assembled: paragraphs and the metadata the page gave."""

    paragraphs: list[str]
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    place: str | None = None
    contacts: list[str] = field(default_factory=list)
    #: The date of a "Date:" field, which beats the page's metadata.
    field_date: date | None = None
    #: The body named by the page's first line (the publisher when nothing better says so).
    header: str | None = None
    #: The year of a breadcrumb in the head ("Home » 2014 » June » ...").
    year: int | None = None


#: Files larger than this are refused before they are read (``ingest --max-bytes``). Press
#: releases are a few kilobytes of text, pages with inline scripts a few hundred.
DEFAULT_MAX_BYTES = 5_000_000


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one press release file; raise :class:`UnreadableDocument` when it has no text."""
    given = Path(path).expanduser()
    try:
        absolute = given.resolve()
    except (OSError, RuntimeError):
        absolute = Path(os.path.abspath(given))
    shown = absolute.as_posix()
    suffix = given.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(shown, f"unsupported file type {suffix or '(no suffix)'!r}; "
                                        f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    try:
        info = absolute.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableDocument(shown, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableDocument(shown, "not a regular file")
        if info.st_size > max_bytes:
            raise UnreadableDocument(shown, f"too large ({info.st_size} bytes; limit {max_bytes}, "
                                            "raise it with --max-bytes)")
        with open(absolute, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UnreadableDocument(shown, "no such file") from None
    except PermissionError:
        raise UnreadableDocument(shown, "permission denied") from None
    except IsADirectoryError:
        raise UnreadableDocument(shown, "is a directory") from None
    except OSError as exc:
        raise UnreadableDocument(shown, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise UnreadableDocument(shown, f"too large (over {max_bytes} bytes)")
    if not raw.strip():
        raise UnreadableDocument(shown, "empty file")
    media_type = _MEDIA_TYPES[suffix]
    declared = declared_html_charset(raw) if media_type == "text/html" else None
    try:
        text, encoding = decode_bytes(raw, declared)
    except BinaryContent as exc:
        raise UnreadableDocument(shown, str(exc)) from None
    return _build(text, shown, media_type, encoding, hashlib.sha1(raw).hexdigest())


def read_text(text: str, *, path: str = "<text>", media_type: str = "text/plain") -> SourceDocument:
    """Clean a string as if it were a file's content (tests, notebooks)."""
    sha1 = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _build(text, path, media_type, "utf-8", sha1)


def _build(text: str, path: str, media_type: str, encoding: str, sha1: str) -> SourceDocument:
    text = normalise_text(text)
    if not text.strip():
        raise UnreadableDocument(path, "empty or whitespace-only")
    if media_type == "text/plain" and _LOOKS_HTML.match(text):
        media_type = "text/html"
    title = published = publisher = place = None
    page_contacts: list[str] = []
    markdown = False
    if media_type == "text/html":
        from .html import extract_html

        page = extract_html(text)
        body = normalise_text(page.text)
        title = _clean_page_title(page.title, page.publisher)
        published = parse_iso_or_text_date(page.date)
        publisher = page.publisher
        page_contacts = [c for c in (clean_contact(b) for b in page.contacts) if c]
    elif media_type == "text/markdown":
        from .markdown import strip_markdown

        md = strip_markdown(text)
        body, markdown = md.text, True
        title = _as_str(md.meta.get("title")) or md.h1
        published = _as_date(md.meta.get("date") or md.meta.get("published"))
        publisher = _as_str(md.meta.get("publisher") or md.meta.get("source"))
        place = _as_str(md.meta.get("place") or md.meta.get("location"))
        place = readable_place(place) if place else None
    else:
        body = text
    language = detect_language(body)
    cleaned = clean_lines(body.split("\n"), one_per_line=media_type == "text/html",
                          markdown=markdown)
    if not cleaned.paragraphs and not is_supported(language):
        # The cleanup knows English furniture; in another language it may keep nothing.
        # The document is still stored (without facts), so keep its lines as they are.
        lines = [" ".join(line.split()) for line in body.split("\n")]
        cleaned.paragraphs = [p for p in (scrub_details(line) for line in lines if line) if re.search(r"\w", p)]
        cleaned.title = cleaned.title or (cleaned.paragraphs[0][:300] if cleaned.paragraphs else None)
    if not cleaned.paragraphs:
        raise UnreadableDocument(path, "no usable text after cleanup")
    if not is_supported(language) and not (cleaned.field_date or published or cleaned.published):
        cleaned.published = foreign_date("\n".join(cleaned.paragraphs), language)
    return SourceDocument(
        path=path,
        text="\n\n".join(cleaned.paragraphs),
        title=title or cleaned.title,
        published=cleaned.field_date or published or cleaned.published,
        publisher=cleaned.publisher or publisher or cleaned.header,
        dateline_place=place or cleaned.place,
        year=cleaned.year,
        media_type=media_type,
        encoding=encoding,
        content_sha1=sha1,
        contacts=list(dict.fromkeys(cleaned.contacts + page_contacts)),
        language=language,
    )


def clean_lines(lines: list[str], *, one_per_line: bool = False, markdown: bool = False) -> Cleaned:
    """Lines of a page to body paragraphs plus the metadata found around them."""
    lines, contacts = extract_contacts(lines, stop=bp.ends_contact_block)
    lines = join_stacked_tables(join_sheet_values(lines))
    sheet = sheet_lines(lines) | status_table_lines(lines)
    lines, fields = take_fields(lines, keep=sheet)
    noise = bp.mark_noise(lines)
    bp.keep_wrapped_lists(lines, noise)
    for i in sheet:
        noise[i] = False  # "Budget: $2 million": a field of a fact sheet, not furniture
    start0 = bp.body_start(lines, noise)
    repeated = bp.repeated_title(lines, noise)
    if repeated and start0 is not None and repeated[2] > start0:
        repeated = None  # the first copy must be in the head (or open the "body")
    start = bp.body_start(lines, noise, repeated[1] + 1) if repeated else start0
    if start is None:
        start = next((i for i, line in enumerate(lines) if line and not noise[i]), len(lines))
    else:
        start = bp.settle_start(lines, noise, start)
        if not one_per_line:
            start = bp.paragraph_start(lines, noise, start)
    if sheet and min(sheet) < start:
        start = min(sheet)  # a fact sheet above the first paragraph of prose is part of the body
    end = bp.body_end(lines, noise, start)
    if sheet and max(sheet) > end:
        end = max(sheet)  # a status table ends the page: its rows end no sentence
    bp.mark_menu_runs(lines, noise, start, end + 1, min_run=6, bullets_only=False)
    for i in sheet:
        noise[i] = False

    title = fields.title or (repeated[0] if repeated else None) or bp.pick_title(lines, noise, start)
    published, by = fields.date, fields.publisher
    head_place = None
    for line in lines[:start][-_HEAD_ATTEMPTS:]:
        if not line:
            continue
        marker = release_marker(line)
        if marker is not None:
            by = by or marker[0]
            published = published or marker[1]
        published = published or date_line(line)
        placed = place_date_line(line) or meta_line(line)
        if placed:
            head_place = head_place or placed[0]
            published = published or placed[1]

    body: list[str] = []
    previous = ""
    for i in range(start, end + 1):
        line = lines[i]
        if noise[i]:
            continue
        if line and (line == previous or (title and line.casefold() == title.casefold()
                                          and len(body) < 4)):
            continue
        if line:
            line = re.sub(r"^[•▪►·*]\s*", "- " if i > start else "", line)
            previous = line
        if line or (body and body[-1]):
            body.append(line)
    if one_per_line:
        paras = [line for line in body if line]
    else:
        paras = paragraphs(body, markdown=markdown)
    kept = []
    for para in paras:
        para, contact = split_inline_contact(para)
        if contact and contact not in contacts:
            contacts.append(contact)
        para = scrub_details(para)
        if re.search(r"\w", para):
            kept.append(para)
    paras = kept

    header = bp.site_header(lines, noise, start)
    if header and title and header.casefold() == title.casefold():
        header = None
    year = next((int(m.group(1)) for m in map(_BREADCRUMB_YEAR.search, lines[:start][-_HEAD_ATTEMPTS:]) if m), None)
    place = fields.place or head_place
    for para in paras[:3]:
        dateline = find_dateline(para)
        if dateline:
            place = dateline.place or place
            published = published or dateline.date
            by = by or dateline.org
            break
    return Cleaned(paras, title=_tidy_title(title), published=published, publisher=by,
                   place=place, contacts=contacts, field_date=fields.date, header=header, year=year)


def _tidy_title(title: str | None) -> str | None:
    if not title:
        return None
    title = bp.strip_bullet(" ".join(title.split())).strip()
    return title or None


def _clean_page_title(title: str | None, site: str | None) -> str | None:
    """"Ministry welcomes shelter | Example Ministry" -> "Ministry welcomes shelter"."""
    if not title:
        return None
    parts = [p.strip() for p in re.split(r"\s+[|–—]\s+|\s+-\s+(?=[^-]*$)", title) if p.strip()]
    if len(parts) > 1:
        parts = [p for p in parts if not site or p.casefold() != site.casefold()] or parts
        return max(parts, key=len)
    return title


def _as_str(value: object) -> str | None:
    return " ".join(str(value).split()) if value not in (None, "") else None


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_iso_or_text_date(str(value)) if value else None
