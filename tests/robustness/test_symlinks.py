"""Folders given to ingest: links that leave them are not followed, special files are not opened.

A link inside an ingested folder to a file elsewhere used to be read (a link named
``.txt`` to any readable file was stored). Now such a link is skipped with its reason
unless ``--follow-symlinks`` is given; links that stay inside the folders given work as
before; FIFOs and sockets are skipped with a reason (opening a FIFO would block).
"""
from __future__ import annotations

import os
import socket

import pytest

from tipgraph.ingest import survey

from .conftest import document_sources, good_document, run_tipgraph, write_good_documents


@pytest.fixture
def layout(tmp_path):
    """docs/ with two good releases and links; outside/ with a release and a secret."""
    docs = tmp_path / "docs"
    write_good_documents(docs, 2)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "elsewhere.txt").write_text(good_document(7), encoding="utf-8")
    secret = outside / ".secret"
    secret.write_text(good_document(8).replace("note 8", "SECRET-MARKER-41"), encoding="utf-8")
    sub = outside / "folder"
    sub.mkdir()
    (sub / "deep.txt").write_text(good_document(9), encoding="utf-8")
    (docs / "link-out.txt").symlink_to(outside / "elsewhere.txt")
    (docs / "secret.txt").symlink_to(secret)
    (docs / "linked-folder").symlink_to(sub, target_is_directory=True)
    inner = docs / "inner"
    inner.mkdir()
    (inner / "good-inner.txt").write_text(good_document(3), encoding="utf-8")
    (docs / "link-in.txt").symlink_to(inner / "good-inner.txt")
    (docs / "loop").symlink_to(docs, target_is_directory=True)
    return tmp_path, docs, outside


def test_links_leaving_the_folder_are_skipped_with_a_reason(layout):
    _, docs, outside = layout
    found = survey([docs])
    names = sorted(p.name for p in found.files)
    assert names == ["good-000.txt", "good-001.txt", "good-inner.txt"]
    reasons = dict(found.skipped)
    for link in ("link-out.txt", "secret.txt", "linked-folder"):
        reason = reasons[str(docs / link)]
        assert "outside the folders given" in reason and "--follow-symlinks" in reason
    assert not any(str(outside) in str(p) for p in found.files)


def test_follow_symlinks_reads_them(layout):
    _, docs, outside = layout
    found = survey([docs], follow_symlinks=True)
    names = sorted(p.name for p in found.files)
    assert names == [".secret", "deep.txt", "elsewhere.txt", "good-000.txt", "good-001.txt", "good-inner.txt"]
    assert found.skipped == []  # the loop back into docs/ is visited once, not reported


def test_a_link_into_another_folder_given_is_followed(layout):
    tmp, docs, outside = layout
    found = survey([docs, outside])
    assert "elsewhere.txt" in {p.name for p in found.files}
    assert str(docs / "link-out.txt") not in dict(found.skipped)


def test_fifos_and_sockets_are_skipped_not_opened(tmp_path):
    docs = tmp_path / "docs"
    write_good_documents(docs, 1)
    os.mkfifo(docs / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    short = tmp_path / "s.md"  # AF_UNIX paths are short; keep it in the folder
    try:
        sock.bind(str(short))
        os.replace(short, docs / "sock.md")
        store = tmp_path / "store"
        run = run_tipgraph("ingest", str(docs), "--store", str(store), "--quiet", timeout=90)
    finally:
        sock.close()
    assert run.returncode == 0, run.stderr
    assert f"skipped {docs / 'pipe.txt'}: a FIFO (named pipe), not a regular file" in run.stderr
    assert f"skipped {docs / 'sock.md'}: a socket, not a regular file" in run.stderr
    assert "skipped (links out, FIFOs, devices)" in run.stdout
    assert len(document_sources(store)) == 1


def test_a_fifo_given_by_name_is_skipped(tmp_path):
    fifo = tmp_path / "given.txt"
    os.mkfifo(fifo)
    found = survey([fifo])
    assert found.files == [] and found.skipped == [(str(fifo), "a FIFO (named pipe), not a regular file")]


def test_ingest_stores_nothing_from_outside(layout):
    tmp, docs, outside = layout
    store = tmp / "store"
    run = run_tipgraph("ingest", str(docs), "--store", str(store), "--quiet", timeout=120)
    assert run.returncode == 0, run.stderr
    sources = document_sources(store)
    assert len(sources) == 3 and not any(s.startswith(str(outside)) for s in sources), sources
    assert f"skipped {docs / 'secret.txt'}: symbolic link to {outside / '.secret'}" in run.stderr
    assert "SECRET-MARKER-41" not in run.stdout + run.stderr

    followed = tmp / "followed"
    run = run_tipgraph("ingest", str(docs), "--store", str(followed), "--quiet", "--follow-symlinks", timeout=120)
    # followed, the links are read as their targets: the dot-file is refused for its suffix
    assert run.returncode == 1, run.stderr
    assert f"refused {outside / '.secret'}: unsupported file type" in run.stderr
    assert len(document_sources(followed)) == 5
