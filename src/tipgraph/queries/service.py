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
from collections.abc import Iterator
from dataclasses import dataclass

from .params import QueryError

SERVICE_FLAG = "--allow-service"

# SPARQL 1.1 terminals, enough to tell keywords from everything that may contain a word.
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_VAR = re.compile(r"[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?")
_LANGTAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
#: A name: keyword, or the prefix of a prefixed name / blank node label when ':' follows.
_NAME = re.compile(r"[^\W\d][\w\-\u00B7\u0300-\u036F\u203F-\u2040]*")
#: The local part of a prefixed name (may hold '.', ':' and escapes, never end in '.').
_LOCAL = re.compile(r"(?:[\w\-:%\u00B7\u0300-\u036F\u203F-\u2040]|\\.|\.(?=[\w\-:%\\]))*")


@dataclass(frozen=True)
class Token:
    kind: str  # "keyword", "var", "pname", "iri", "string", "number", "lang", "punct"
    text: str
    start: int


def tokens(query: str) -> Iterator[Token]:
    """The tokens of a SPARQL query or update; comments and whitespace are dropped.

    Tolerant: text that is no valid SPARQL still yields tokens (an unterminated string
    runs to the end), so a check never fails open on a syntax error.
    """
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
            continue
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j
            continue
        if c in "\"'":
            quote = c * 3 if query.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n:
                if query[j] == "\\":
                    j += 2
                    continue
                if query.startswith(quote, j):
                    break
                if len(quote) == 1 and query[j] in "\r\n":
                    break  # a short string ends at the line; what follows is code
                j += 1
            end = min(n, j + (len(quote) if query.startswith(quote, j) else 0))
            yield Token("string", query[i:end], i)
            i = max(end, i + 1)
            continue
        m = None
        if c == "<":
            m = _IRIREF.match(query, i)
            kind = "iri"
        elif c in "?$":
            m = _VAR.match(query, i)
            kind = "var"
        elif c == "@":
            m = _LANGTAG.match(query, i)
            kind = "lang"
        elif c.isdigit() or (c == "." and i + 1 < n and query[i + 1].isdigit()):
            m = _NUMBER.match(query, i)
            kind = "number"
        elif c == ":":
            m = _LOCAL.match(query, i + 1)
            yield Token("pname", query[i : m.end()], i)
            i = m.end()
            continue
        else:
            m = _NAME.match(query, i)
            kind = "keyword"
            if m and m.end() < n and query[m.end()] == ":":
                local = _LOCAL.match(query, m.end() + 1)
                yield Token("pname", query[i : local.end()], i)
                i = local.end()
                continue
        if m and m.end() > i:
            yield Token(kind, m.group(), i)
            i = m.end()
            continue
        yield Token("punct", c, i)
        i += 1


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
