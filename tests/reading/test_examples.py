"""Every sample document shipped in ``examples/documents`` reads cleanly."""
from __future__ import annotations

import re

import pytest

from tipgraph.reading import SUPPORTED_SUFFIXES, read_document


def test_example_documents(repo_dir):
    folder = repo_dir / "examples" / "documents"
    files = [p for p in sorted(folder.glob("*")) if p.suffix.lower() in SUPPORTED_SUFFIXES] \
        if folder.is_dir() else []
    if not files:
        pytest.skip("no example documents")
    for path in files:
        doc = read_document(path)
        paras = doc.text.split("\n\n")
        assert doc.title, path.name
        assert len(paras) >= 3, path.name
        assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", doc.text), path.name
        assert not re.search(r"\+\s?\d[\d ]{6,}", doc.text), path.name
        assert not any(" | " in p for p in paras), path.name
        assert all("\n" not in p for p in paras)
        for contact in doc.contacts:
            assert not re.search(r"@|\+\d|https?:", contact), (path.name, contact)
