"""The store contract: one parametrised ``graph_store`` fixture runs the same tests on the embedded store and on
a throwaway Virtuoso server (``virtuoso_server`` and ``remote_store`` in tests/conftest.py).
Virtuoso tests are skipped, with the reason shown, where the server cannot be had."""
from __future__ import annotations

import pytest



@pytest.fixture(params=["embedded", pytest.param("virtuoso", marks=[pytest.mark.virtuoso, pytest.mark.xdist_group("virtuoso")])])
def graph_store(request, tmp_path):
    if request.param == "embedded":
        from tipgraph.store import open_store

        store = open_store(tmp_path / "store")
        yield store
        store.close()
    else:
        yield request.getfixturevalue("remote_store")


