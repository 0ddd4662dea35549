"""tipgraph: a knowledge graph of international cooperation against human trafficking.

The stages of the data's way each have a module or package:
reading (documents) -> extraction -> resolution -> rdfbuild -> validation -> store
-> queries -> network (analysis and export). The CLI (:mod:`tipgraph.cli`) is a thin
layer over these, so notebooks can use the same API.
"""
from __future__ import annotations

__version__ = "0.1.0"



def _rules_digest() -> str:
    """A short hash of the code and data that turn a document into facts.

    Part of the extractor version, so that re-ingesting after any change of the rules
    (reading, extraction, resolution, RDF building) re-extracts a document instead of
    keeping its graph as "unchanged"; a version number bumped by hand is forgotten.
    """
    import hashlib
    from pathlib import Path

    here = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    parts = [here / "rdfbuild.py", here / "model.py"]
    for package in ("reading", "extraction", "resolution"):
        parts += sorted(p for p in (here / package).rglob("*") if p.is_file() and p.suffix in {".py", ".yaml", ".yml",
                                                                                                ".json", ".csv", ".tsv"})
    for p in parts:
        digest.update(p.relative_to(here).as_posix().encode())
        digest.update(p.read_bytes())
    return digest.hexdigest()[:12]


#: Recorded on every document graph, so a graph says which extractor built it.
EXTRACTOR_VERSION = f"tipgraph-extractor/{__version__}+{_rules_digest()}"
