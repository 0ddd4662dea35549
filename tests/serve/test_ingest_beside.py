"""``tipgraph ingest`` on a store that a server holds (docs/serve.md, "Ingest while serving").

A read-only server (the default) does not block the writer and sees the new documents
within about a second; a server started with --allow-update holds the write lock, so
ingest fails at once with a message that says what to do.
"""
from __future__ import annotations

import subprocess
import sys
import time

from tipgraph.queries.adhoc import with_prefixes
from tipgraph.store import open_store

from .conftest import EXAMPLES, REPO, TOKEN, ingest_into, make_client

TIPGRAPH = [sys.executable, "-c", "from tipgraph.cli import main; main()"]
DOCUMENTS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a tip:Document } }"


def documents(client) -> int:
    r = client.get("/sparql", params={"query": DOCUMENTS})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def stored_documents(folder) -> int:
    """The count as a fresh reader of the folder sees it."""
    with open_store(folder, read_only=True) as store:
        return int(store.select(with_prefixes(DOCUMENTS)).rows[0]["n"])


def test_server_sees_what_ingest_adds(tmp_path):
    files = sorted(EXAMPLES.iterdir())
    first, rest = files[:6], files[6:]
    store = tmp_path / "store"
    ingest_into(store, first)
    with make_client(store, reopen_interval=0.2) as client:
        before = documents(client)
        assert before == stored_documents(store)
        proc = subprocess.Popen([*TIPGRAPH, "ingest", *map(str, rest), "--store", str(store), "--quiet"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
        answered = []
        while proc.poll() is None:  # the server keeps answering while ingest writes
            answered.append(documents(client))
            time.sleep(0.05)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        after = stored_documents(store)
        assert after == before + len(rest)
        assert answered and all(before <= n <= after for n in answered)
        deadline = time.monotonic() + 10
        while documents(client) < after and time.monotonic() < deadline:
            time.sleep(0.1)
        assert documents(client) == after
        assert client.app.state.server.holder.reopened >= 1
        r = client.get("/api/queries/documents-about-actor", params={"actor": "IOM"})
        assert r.status_code == 200 and r.json()["rows"]


def test_ingest_fails_at_once_beside_an_updating_server(store_copy):
    with make_client(store_copy, allow_update=True, update_token=TOKEN) as client:
        before = documents(client)
        start = time.monotonic()
        proc = subprocess.run([*TIPGRAPH, "ingest", str(EXAMPLES), "--store", str(store_copy), "--quiet"],
                              capture_output=True, cwd=REPO, timeout=120)
        elapsed = time.monotonic() - start
        err = proc.stderr.decode()
        assert proc.returncode == 2, err
        assert "in use by another process" in err and "tipgraph serve --allow-update" in err
        assert "wait for it to finish, or stop it" in err
        assert elapsed < 30  # it fails on opening the store, before reading any document
        assert documents(client) == before


def test_failed_reopen_keeps_the_old_instance(store_copy, monkeypatch):
    from tipgraph.web import holder as holder_module

    holder = holder_module.StoreHolder(str(store_copy), reopen_interval=0)
    first = holder.current()
    (store_copy / "CHANGED-BY-TEST").write_text("x")  # the folder looks changed

    def mid_compaction(*args, **kwargs):
        raise RuntimeError("Corruption: IO error: No such file or directory: 000016.sst")

    monkeypatch.setattr(holder_module, "open_store", mid_compaction)
    assert holder.current() is first and holder.reopened == 0
    assert holder.call(lambda store: store.ask("ASK { ?s ?p ?o }")) is True
    monkeypatch.undo()
    assert holder.current() is not first and holder.reopened == 1
    holder.close()
