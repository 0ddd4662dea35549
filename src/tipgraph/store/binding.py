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

from ..rqfile import BIND_MARK
from .base import StoreError
from .sparql_text import tokens

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


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




def bind_marks(query: str) -> list[int]:
    """Offsets of the :data:`BIND_MARK` comments (not inside a string or an IRI)."""
    spans = [(t.start, t.start + len(t.text)) for t in tokens(query) if t.kind in ("string", "iri")]
    out, at = [], query.find(BIND_MARK)
    while at >= 0:
        if not any(a <= at < b for a, b in spans):
            out.append(at)
        at = query.find(BIND_MARK, at + 1)
    return out


def _where_brace(query: str) -> int:
    """Index of the '{' that opens the outermost WHERE group.

    Read with the tokenizer, so braces and the word WHERE inside strings, IRIs and
    comments do not count. Without a WHERE keyword (``SELECT * { ... }``) the first
    top-level group is the WHERE group, except in a short-form CONSTRUCT.
    """
    depth, first_open, previous, first_keyword = 0, -1, None, None
    for token in tokens(query):
        if first_keyword is None and token.kind == "keyword" and token.text.upper() not in ("PREFIX", "BASE"):
            first_keyword = token.text.upper()
        if token.kind == "punct" and token.text == "{":
            if depth == 0:
                if previous is not None and previous.kind == "keyword" and previous.text.upper() == "WHERE":
                    return token.start
                if first_open < 0:
                    first_open = token.start
            depth += 1
        elif token.kind == "punct" and token.text == "}":
            depth -= 1
        previous = token
    if first_open >= 0 and first_keyword != "CONSTRUCT":
        return first_open
    raise BindingError("cannot find the WHERE group of the query to bind parameters")


def bind_values(query: str, bindings: Mapping[str, Identifier] | None, *, at_marks: bool = False) -> str:
    """The query with ``bindings`` joined in as a VALUES block (unchanged when empty).

    ``at_marks``: the block goes where each :data:`BIND_MARK` comment is, instead of the
    head of the outermost WHERE group: a stored query's variant selects its rows by the
    parameters inside a sub-select (and each branch of a UNION in it, which SPARQL
    evaluates on its own), then joins labels to the grouped rows outside it.
    """
    if not bindings:
        return query
    names, terms = [], []
    for name, term in bindings.items():
        if not _VAR.match(name):
            raise BindingError(f"not a variable name: {name!r}")
        names.append("?" + name)
        terms.append(check_term(term))
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "
    if at_marks:
        marks = bind_marks(query)
        if not marks:
            raise BindingError(f"the query has no {BIND_MARK} comment to bind the parameters at")
        for at in reversed(marks):
            query = query[:at] + block + query[at:]
        return query
    at = _where_brace(query) + 1
    return query[:at] + block + query[at:]
