"""Refusing federated queries: ``SERVICE <url> { ... }`` unless the user allows it.

A SERVICE clause makes the engine fetch a URL while it evaluates the query:
pyoxigraph does so from the user's machine, a remote endpoint from its server. An
ad-hoc query (``tipgraph sparql``, ``tipgraph network --query``) that someone else
wrote could thus reach internal addresses or send data out. So these paths refuse
SERVICE unless ``--allow-service`` (``allow_service=True``) is given.

The keyword is found by a SPARQL tokenizer, not by a text search: ``"SERVICE"`` in a
string, ``<http://x/SERVICE>``, ``# SERVICE`` in a comment, ``?service`` and
``ex:service`` are not SERVICE clauses; ``service``, ``Service`` and ``SERVICE SILENT``
are. When in doubt (text the tokenizer reads as a keyword but a parser might not)
it errs on the side of refusing.
"""
from __future__ import annotations

import re

from ..store.sparql_text import Token, tokens  # noqa: F401  (Token: part of this module's API)
from .params import QueryError

SERVICE_FLAG = "--allow-service"

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _decode_codepoints(query: str) -> str:
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group()

    return _CODEPOINT.sub(char, query)


def service_clauses(query: str) -> list[int]:
    """Offsets of every SERVICE keyword in ``query`` (empty when it has none).

    SPARQL 1.1 lets ``\\u0053ERVICE`` stand for ``SERVICE`` anywhere in the text (some
    engines decode such escapes before parsing, Oxigraph only in strings), so the text
    is read both as it is and with those escapes decoded.
    """
    found = {t.start for t in tokens(query) if t.kind == "keyword" and t.text.upper() == "SERVICE"}
    decoded = _decode_codepoints(query)
    if decoded != query:
        found |= {t.start for t in tokens(decoded) if t.kind == "keyword" and t.text.upper() == "SERVICE"}
    return sorted(found)


class ServiceNotAllowedError(QueryError, ValueError):
    """The query holds a SERVICE clause and the user did not allow federated queries."""

    def __init__(self, where: str = "the query", advice: str | None = None):
        super().__init__(
            f"{where} contains a SERVICE clause (a federated query: the engine would fetch the "
            f"URL it names); " + (advice or f"refused unless {SERVICE_FLAG} is given")
        )


def check_no_service(query: str, *, allow_service: bool = False, where: str = "the query",
                     advice: str | None = None) -> None:
    """Raise :class:`ServiceNotAllowedError` if ``query`` has a SERVICE clause and it is not allowed."""
    if not allow_service and service_clauses(query):
        raise ServiceNotAllowedError(where, advice)
