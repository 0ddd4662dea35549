"""The readers' libraries: declared with version ranges, and checked once before ingest starts.

A virtualenv where lxml came without its HTML cleaner used to refuse every HTML page
on its own (the same ImportError, once per page, exit 1). Now ingest stops before
reading anything, with one message naming the missing library, and exit 2.
"""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from click.testing import CliRunner

from tipgraph.cli import cli
from tipgraph.reading import readers

from .conftest import REPO, run_tipgraph, write_good_documents

_PAGE = ("<html><head><title>Partners meet on shelters {i}</title></head><body><article>"
         "<p>VIENNA, 5 June 2020 - The Organization for Security and Co-operation in Europe (OSCE) "
         "held a working meeting with the United Nations Office on Drugs and Crime (UNODC) on shelters.</p>"
         "<p>The participants agreed to meet again (item {i}).</p></article></body></html>")


def _corpus(folder: Path, pages: int = 5) -> Path:
    write_good_documents(folder, 2)
    for i in range(pages):
        (folder / f"page-{i}.html").write_text(_PAGE.format(i=i), encoding="utf-8")
    return folder


def _declared() -> dict[str, str]:
    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    out = {}
    for dep in deps:
        m = re.match(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)", dep)
        out[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return out


def test_every_library_the_readers_import_is_declared_with_a_range():
    declared = _declared()
    for _module, dist, _needed_by in readers.REQUIRED:
        key = re.sub(r"[-_.]+", "-", dist).lower()
        assert key in declared, f"{dist} is imported by a reader but not declared in pyproject.toml"
        spec = declared[key]
        assert ">=" in spec and "<" in spec.replace("<=", ""), f"{dist} has no version range: {spec!r}"


def test_the_check_passes_here():
    assert readers.reader_problems() == []


def test_a_missing_library_stops_ingest_with_one_message(tmp_path, monkeypatch):
    real = readers._import

    def without_cleaner(name):
        if name in ("lxml_html_clean", "lxml.html.clean"):
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")
        return real(name)

    monkeypatch.setattr(readers, "_import", without_cleaner)
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["ingest", str(_corpus(tmp_path / "docs")), "--store", str(store)])
    assert result.exit_code == 2, result.output
    assert result.output.count("lxml_html_clean") >= 1
    assert "pip install 'lxml_html_clean'" in result.output
    assert "refused" not in result.output
    assert not store.exists(), "the store must not be touched when the readers cannot work"


def test_a_missing_cleaner_in_a_real_process_fails_once_not_per_page(tmp_path):
    """The failure of the issue, reproduced: lxml_html_clean made unimportable in the child."""
    docs = _corpus(tmp_path / "docs", pages=8)
    store = tmp_path / "store"
    code = ("import sys; sys.modules['lxml_html_clean'] = None; "
            "from tipgraph.cli import main; main()")
    import subprocess
    import os

    proc = subprocess.run([sys.executable, "-c", code, "ingest", str(docs), "--store", str(store), "--quiet"],
                          capture_output=True, text=True, timeout=120, cwd=REPO,
                          env={**os.environ, "COLUMNS": "250"})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "refused" not in proc.stderr + proc.stdout
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "lxml_html_clean" in errors[0] and "pip install" in errors[0], proc.stderr
    assert not store.exists()


def test_a_trafilatura_that_finds_nothing_is_caught(monkeypatch):
    real = readers._import

    class Broken:
        @staticmethod
        def extract(*args, **kwargs):
            return None

    monkeypatch.setattr(readers, "_import", lambda name: Broken if name == "trafilatura" else real(name))
    problems = readers.reader_problems()
    assert [p.module for p in problems] == ["trafilatura"]


def test_good_run_unaffected(tmp_path):
    run = run_tipgraph("ingest", str(_corpus(tmp_path / "docs", pages=2)), "--store", str(tmp_path / "s"), "--quiet")
    assert run.returncode == 0, run.stderr


def test_only_the_readers_the_run_needs_are_checked(monkeypatch):
    """Plain text needs no HTML reader: its libraries (and the trafilatura probe) are not loaded."""
    real = readers._import
    asked: list[str] = []

    def recording(name):
        asked.append(name)
        return real(name)

    monkeypatch.setattr(readers, "_import", recording)
    assert readers.reader_problems({".txt", ".md"}) == []
    assert not set(asked) & readers.HTML_ONLY
    asked.clear()
    assert readers.reader_problems({".txt", ".HTML"}) == []
    assert set(asked) >= readers.HTML_ONLY


def test_a_missing_html_library_does_not_stop_a_run_of_plain_text(tmp_path, monkeypatch):
    real = readers._import

    def without_cleaner(name):
        if name in ("lxml_html_clean", "lxml.html.clean"):
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")
        return real(name)

    monkeypatch.setattr(readers, "_import", without_cleaner)
    docs = tmp_path / "docs"
    write_good_documents(docs, 2)
    result = CliRunner().invoke(cli, ["ingest", str(docs), "--store", str(tmp_path / "store"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "lxml_html_clean" not in result.output
