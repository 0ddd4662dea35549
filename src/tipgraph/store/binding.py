"""Binding query parameters for engines without native substitution.

Values enter the query as data in a ``VALUES`` block of RDF terms serialised by
rdflib (literals escaped, IRIs checked), placed at the start of the outermost
``WHERE`` group. The query text around them is never altered, and a tokenizer finds
the group, skipping strings, IRIs and comments, so no value can change the query's
meaning.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from .base import StoreError

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


class BindingError(StoreError, ValueError):
    """A value that cannot be bound (bad variable name, IRI with forbidden characters)."""


def check_term(term: Identifier) -> str:
    """The term in N-Triples syntax, or BindingError when it cannot be written safely."""
    if isinstance(term, URIRef):
        if _IRI_FORBIDDEN.search(str(term)) or not is_valid_iri(str(term)):
            raise BindingError(f"not a valid IRI (spaces or forbidden characters): {str(term)[:80]!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        return literal_nt(term)
    if isinstance(term, BNode):
        raise BindingError("blank nodes cannot be bound as query parameters")
    raise BindingError(f"cannot bind a {type(term).__name__}")


def is_valid_iri(iri: str) -> bool:
    """An RFC 3987 IRI, checked by Oxigraph's parser (control characters, bad %-escapes...)."""
    import pyoxigraph as ox

    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LANG = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")


def literal_nt(lit: Literal) -> str:
    """A literal on one line with N-Triples escapes, whatever its text holds."""
    body = "".join(_ESCAPES.get(ch, ch) for ch in str(lit))
    if lit.language:
        if not _LANG.match(lit.language):
            raise BindingError(f"not a language tag: {lit.language!r}")
        return f'"{body}"@{lit.language}'
    if lit.datatype is not None:
        return f'"{body}"^^{check_term(URIRef(lit.datatype))}'
    return f'"{body}"'


def _where_brace(query: str) -> int:
    """Index of the '{' that opens the outermost WHERE group."""
    i, n, depth = 0, len(query), 0
    first_open = -1
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j
            continue
        if c in "\"'":
            triple = query[i : i + 3] == c * 3
            quote = c * 3 if triple else c
            j = i + len(quote)
            while j < n:
                if query[j] == "\\":
                    j += 2
                    continue
                if query.startswith(quote, j):
                    break
                j += 1
            i = j + len(quote)
            continue
        if c == "<":
            m = _IRIREF.match(query, i)
            if m:
                i = m.end()
                continue
        if c == "{":
            if depth == 0:
                before = query[:i].rstrip()
                if before[-5:].upper() == "WHERE" and (len(before) == 5 or not before[-6].isalnum()):
                    return i
                if first_open < 0:
                    first_open = i
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    head = query.lstrip().upper()
    if first_open >= 0 and not re.search(r"\bCONSTRUCT\b", _strip_prologue(head)[:20]):
        return first_open
    raise BindingError("cannot find the WHERE group of the query to bind parameters")


def _strip_prologue(upper_query: str) -> str:
    return re.sub(r"^\s*((PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", upper_query)


def bind_values(query: str, bindings: Mapping[str, Identifier] | None) -> str:
    """The query with ``bindings`` joined in as a VALUES block (unchanged when empty)."""
    if not bindings:
        return query
    names, terms = [], []
    for name, term in bindings.items():
        if not _VAR.match(name):
            raise BindingError(f"not a variable name: {name!r}")
        names.append("?" + name)
        terms.append(check_term(term))
    at = _where_brace(query) + 1
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "
    return query[:at] + block + query[at:]
