"""``tipgraph serve`` on the command line: refusals with exit 2, and a real start."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

from click.testing import CliRunner

from tipgraph.cli import cli

from .conftest import REPO, TOKEN

TIPGRAPH = [sys.executable, "-c", "from tipgraph.cli import main; main()"]


def test_missing_store_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "no store at" in result.output


def test_allow_update_needs_a_token(sample_store, monkeypatch):
    monkeypatch.delenv("TIPGRAPH_SERVE_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--store", str(sample_store), "--allow-update"])
    assert result.exit_code == 2 and "TIPGRAPH_SERVE_TOKEN" in result.output
    monkeypatch.setenv("TIPGRAPH_SERVE_TOKEN", "short")
    result = CliRunner().invoke(cli, ["serve", "--store", str(sample_store), "--allow-update"])
    assert result.exit_code == 2 and "at least 16 characters" in result.output
    assert "short" not in result.output  # the value itself is never echoed


def test_serve_starts_and_answers(sample_store):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([*TIPGRAPH, "serve", "--store", str(sample_store), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
                            env={**__import__("os").environ, "TIPGRAPH_SERVE_TOKEN": TOKEN})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/queries", timeout=5) as r:
                    names = [q["name"] for q in json.load(r)]
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.2)
        assert "who-met-whom" in names
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", timeout=10) as r:
            assert json.load(r)["boolean"] is True
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err.decode()
    assert TOKEN not in err.decode()
