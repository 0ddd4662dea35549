"""The Python API as the README shows it: the block runs as written, and the two ways of
querying (a stored query, SPARQL of one's own) agree on the same graph."""
from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def readme_api_block() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## The Python API", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_python_example_runs(tmp_path):
    pytest.importorskip("pandas")
    (tmp_path / "examples").symlink_to(REPO / "examples", target_is_directory=True)
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(out):
            namespace: dict = {}
            exec(compile(readme_api_block(), "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert re.search(r"^\d+ stored, 0 refused$", printed, re.M), printed
    pairs, meetings = namespace["pairs"], namespace["meetings"]
    assert len(pairs) > 0 and {"undated", "meetingIris"} <= set(pairs.columns)
    assert list(meetings.columns) == ["meeting", "date"] and len(meetings) > 0
    # Both ways see the same meetings of IOM: each one the stored query names is in the ad-hoc rows.
    named = {iri for cell in pairs["meetingIris"] for iri in cell.split(" | ")}
    assert named <= set(meetings["meeting"])
    assert f"{len(meetings)} meetings with IOM" in printed
