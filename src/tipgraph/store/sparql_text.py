"""A small SPARQL tokenizer: keywords told apart from strings, IRIs, comments and names.

Used where a query's text must be read, not rewritten by a parser: to find the outermost
WHERE group that bound values join (:mod:`.binding`), and to find SERVICE clauses
(:mod:`tipgraph.queries.service`). One tokenizer for both, so that both read a query
the same way.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

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
    """One token of a SPARQL text, with its kind and offset, for the checks that read queries."""

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
            assert m is not None  # _LOCAL matches the empty string
            yield Token("pname", query[i : m.end()], i)
            i = m.end()
            continue
        else:
            m = _NAME.match(query, i)
            kind = "keyword"
            if m and m.end() < n and query[m.end()] == ":":
                local = _LOCAL.match(query, m.end() + 1)
                assert local is not None  # _LOCAL matches the empty string
                yield Token("pname", query[i : local.end()], i)
                i = local.end()
                continue
        if m and m.end() > i:
            yield Token(kind, m.group(), i)
            i = m.end()
            continue
        yield Token("punct", c, i)
        i += 1
