"""The embedded store on a full disk and in a read-only folder: one clear message, a
consistent store, and after the disk is cleared a rerun equals a clean run.

Both need a small file system of their own: a tmpfs mounted for the test (root only,
as the sessions and CI run here). Where mounting is not allowed the tests are skipped
with that reason. Two writers and a reader beside a writer are tested in
``test_crash_safety.py``.
"""
from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest

from .conftest import export_nquads, run_tipgraph, write_good_documents


def _mount(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=30)


@pytest.fixture
def small_fs(tmp_path):
    """A tmpfs of 1 MB at a fresh mount point; yields (path, resize(size), set_read_only(bool))."""
    point = Path("/tmp") / f"tipgraph-fs-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    done = _mount(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(point)])
    if done.returncode != 0:
        point.rmdir()
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or done.returncode}): needs root")

    def remount(options: str) -> None:
        r = _mount(["mount", "-o", f"remount,{options}", str(point)])
        assert r.returncode == 0, r.stderr

    try:
        yield point, lambda size: remount(f"size={size}"), lambda ro: remount("ro" if ro else "rw")
    finally:
        _mount(["umount", "-l", str(point)])
        point.rmdir()


def _graphs(store: Path) -> dict[str, list[str]]:
    """N-Quads of each named graph."""
    out: dict[str, list[str]] = {}
    for line in export_nquads(store):
        out.setdefault(line.rsplit(" ", 2)[-2], []).append(line)
    return out


def test_full_disk_one_message_store_consistent_and_rerun_equals_clean(tmp_path, small_fs):
    point, resize, _ = small_fs
    docs = tmp_path / "docs"
    write_good_documents(docs, 30)
    clean = tmp_path / "clean"
    assert run_tipgraph("ingest", str(docs), "--store", str(clean), "--quiet").returncode == 0
    clean_graphs = _graphs(clean)

    store = point / "store"
    full = run_tipgraph("ingest", str(docs), "--store", str(store), "--quiet")
    assert full.returncode == 2, full.stdout + full.stderr
    assert "Traceback" not in full.stderr
    errors = [line for line in full.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, full.stderr
    assert f"the disk holding store {store} is full" in errors[0]
    assert "Free some space, then run the same command again" in errors[0]

    resize("64m")  # the disk is cleared
    # whatever the failed run left is whole graphs, each exactly as a clean run writes it
    for name, quads in _graphs(store).items():
        assert quads == clean_graphs.get(name), f"partial or foreign graph {name} after a full disk"
    again = run_tipgraph("ingest", str(docs), "--store", str(store), "--quiet")
    assert again.returncode == 0, again.stderr
    assert export_nquads(store) == export_nquads(clean)


def test_read_only_store_folder_one_message_and_reads_still_work(tmp_path, small_fs):
    point, resize, read_only = small_fs
    resize("64m")
    docs = tmp_path / "docs"
    write_good_documents(docs, 3)
    store = point / "store"
    assert run_tipgraph("ingest", str(docs), "--store", str(store), "--quiet").returncode == 0
    before = export_nquads(store)
    more = tmp_path / "more"
    write_good_documents(more, 2, prefix="more")

    read_only(True)
    try:
        run = run_tipgraph("ingest", str(more), "--store", str(store), "--quiet")
        assert run.returncode == 2
        assert "Traceback" not in run.stderr
        errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1, run.stderr
        assert f"store {store} cannot be written" in errors[0]
        assert "Make the folder writable or use another --store" in errors[0]
        # a new store in a read-only place: the same kind of message
        new = run_tipgraph("ingest", str(more), "--store", str(point / "new"), "--quiet")
        assert new.returncode == 2 and f"store {point / 'new'} cannot be written" in new.stderr
        stats = run_tipgraph("stats", "--store", str(store), "--format", "json")
        assert stats.returncode == 0, stats.stderr
        assert export_nquads(store) == before
    finally:
        read_only(False)
    assert export_nquads(store) == before
