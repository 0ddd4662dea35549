"""Reading: a press release file to clean text plus metadata (:class:`SourceDocument`).

``read_document(path)`` handles encodings, HTML pages and text scraped from web pages
(menus, country lists, share buttons, contact blocks); ``read_text(text)`` does the same
for a string. Anything that yields no text raises :class:`UnreadableDocument`.
"""
from __future__ import annotations

from .document import SUPPORTED_SUFFIXES, read_document, read_text
from .errors import UnreadableDocument

__all__ = ["SUPPORTED_SUFFIXES", "UnreadableDocument", "read_document", "read_text"]
