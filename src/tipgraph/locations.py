"""Where a node is described in a steward's file: the file and line a report points to.

pyoxigraph parses fast but gives no position for a triple, so the lines are found in
the text: each line's IRIs (``<...>``, resolved against ``@base``) and prefixed names
(expanded with the ``@prefix`` lines seen so far) are read once, and a node is placed
on the first line that starts with it (where Turtle, TriG, N-Triples and N-Quads
describe a subject), else on the first line that names it at all.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urljoin

from rdflib import BNode, URIRef
from rdflib.term import Node

_DIRECTIVE = re.compile(
    r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>|^\s*(?:@base|BASE)\s+<([^>]*)>", re.IGNORECASE
)
_TOKEN = re.compile(r"<([^<>\"{}|^`\\\s]*)>|(?<![\w<\"@])([A-Za-z][\w.-]*)?:([\w%-](?:[\w.%-]*[\w%-])?)")


def _line_iris(text: str) -> tuple[dict[str, int], dict[str, int]]:
    """(IRI -> first line starting with it, IRI -> first line naming it), lines 1-based."""
    prefixes: dict[str, str] = {}
    base = ""
    first_at_start: dict[str, int] = {}
    first_anywhere: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        directive = _DIRECTIVE.match(line)
        if directive:
            if directive.group(3) is not None:
                base = urljoin(base, directive.group(3)) if base else directive.group(3)
            else:
                prefixes[directive.group(1) or ""] = urljoin(base, directive.group(2)) if base else directive.group(2)
            continue
        stripped = line.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        for m in _TOKEN.finditer(line):
            if m.group(1) is not None:
                iri = urljoin(base, m.group(1)) if base else m.group(1)
            else:
                ns = prefixes.get(m.group(2) or "")
                if ns is None:
                    continue
                iri = ns + m.group(3)
            first_anywhere.setdefault(iri, number)
            if m.start() == len(line) - len(stripped):
                first_at_start.setdefault(iri, number)
    return first_at_start, first_anywhere


def locate(paths: Sequence[Path | str], nodes: Iterable[Node],
           bnode_files: dict[str, str] | None = None) -> dict[Node, tuple[str, int | None]]:
    """``{node: (file, line)}`` for the nodes found in ``paths``; blank nodes get their file
    (``bnode_files`` maps a file's blank-node label prefix to it) and no line."""
    wanted = {n for n in nodes if isinstance(n, URIRef)}
    found: dict[Node, tuple[str, int | None]] = {}
    fallback: dict[Node, tuple[str, int | None]] = {}
    for path in paths:
        if not wanted - set(found):
            break
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        at_start, anywhere = _line_iris(text)
        for iri in wanted - set(found):
            if str(iri) in at_start:
                found[iri] = (str(path), at_start[str(iri)])
            elif str(iri) in anywhere and iri not in fallback:
                fallback[iri] = (str(path), anywhere[str(iri)])
    for node, where in fallback.items():
        found.setdefault(node, where)
    for node in nodes:
        if isinstance(node, BNode) and bnode_files:
            for prefix, path in bnode_files.items():
                if str(node).startswith(prefix):
                    found[node] = (path, None)
    return found
