"""Resolution: names in text -> :class:`~tipgraph.model.Entity` with deterministic IRIs.

``Registry`` / ``load_registry`` hold the reference data (registry.yaml, states,
places); ``Resolver`` finds and resolves names against it and against entities seen
before; ``registry_graph`` is the registry as RDF for the registry named graph.
"""
from __future__ import annotations

from .registry import Registry, load_registry, registry_graph
from .resolver import Mention, Resolver

__all__ = ["Mention", "Registry", "Resolver", "load_registry", "registry_graph"]
