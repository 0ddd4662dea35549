"""tipgraph: a knowledge graph of international cooperation against human trafficking.

The stages of the data's way each have a module or package:
reading (documents) -> extraction -> resolution -> rdfbuild -> validation -> store
-> queries -> network (analysis and export). The CLI (:mod:`tipgraph.cli`) is a thin
layer over these, so notebooks can use the same API.
"""
from __future__ import annotations

__version__ = "0.1.0"

#: Recorded on every document graph, so a graph says which extractor built it.
EXTRACTOR_VERSION = f"tipgraph-extractor/{__version__}"
