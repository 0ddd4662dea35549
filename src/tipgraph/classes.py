"""The class closure (``rdfs:subClassOf*``), computed one way for every caller.

The ontology's hierarchy is walked upwards (a class's superclasses: the validators, the
network's kinds) and downwards (a class's subclasses: queries, loading). Each caller
brings its own source of axioms (the packaged ontology, a data index, the store's
axioms); the walk is this function, so cycles and repeats are handled the same everywhere.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def closure(start: T, step: Callable[[T], Iterable[T]]) -> set[T]:
    """``start`` and everything reachable from it through ``step`` (a reflexive, transitive closure).

    ``step`` gives a class's direct superclasses (or subclasses); a cycle in the axioms
    ends the walk instead of looping.

    >>> parents = {"Training": ["Meeting"], "Meeting": ["Event"], "Event": ["Meeting"]}
    >>> sorted(closure("Training", lambda c: parents.get(c, ())))
    ['Event', 'Meeting', 'Training']
    """
    found = {start}
    todo = [start]
    while todo:
        for nxt in step(todo.pop()):
            if nxt not in found:
                found.add(nxt)
                todo.append(nxt)
    return found
