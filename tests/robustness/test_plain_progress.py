"""Ingest progress where there is no terminal: plain lines now and then, and one at the end."""
from __future__ import annotations

import io

from click.testing import CliRunner

from tipgraph.cli import cli
from tipgraph.cli.progress import PlainProgress


def test_a_line_every_interval_and_one_at_the_end():
    now = [0.0]
    out = io.StringIO()
    progress = PlainProgress(10, lambda: out, every=5.0, clock=lambda: now[0])
    for step in range(10):
        now[0] = step * 2.0  # a document every 2 s: lines at 6 s and 12 s; none at 18 s, the end has its own
        progress.advance(refused=step == 3)
    progress.finish()
    lines = out.getvalue().splitlines()
    assert lines == [
        "ingest: 4/10 documents (40%), 1 refused, after 6 s",
        "ingest: 7/10 documents (70%), 1 refused, after 12 s",
        "ingest: 10/10 documents (100%), 1 refused, done in 18 s",
    ]


def test_ingest_without_a_terminal_prints_plain_progress(tmp_path):
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Nothing of note happened in this short text.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--store", str(tmp_path / "store")])
    assert "ingest: 1/1 documents (100%)" in result.stderr
    assert "\x1b[" not in result.stderr  # no control codes of a bar
    quiet = CliRunner().invoke(cli, ["ingest", str(corpus), "--store", str(tmp_path / "store"), "--quiet"])
    assert "ingest: " not in quiet.stderr
