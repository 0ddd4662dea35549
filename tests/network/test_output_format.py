"""``tipgraph network -o FILE``: a file name that says another format is refused, not written."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from tipgraph.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("name, fmt, message", [
    ("x.pdf", "gexf", "does not match --format gexf"),
    ("x.svg", "png", "does not match --format png"),
    ("x.pdf", None, "not .pdf"),
])
def test_mismatched_suffix_is_refused_and_nothing_written(embedded_dir, tmp_path, name, fmt, message):
    out = tmp_path / name
    args = ["network", "--store", embedded_dir, "-o", out] + (["--format", fmt] if fmt else [])
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


@pytest.mark.parametrize("name, fmt", [("x.xml", "graphml"), ("network", "gexf"), ("x.htm", "html")])
def test_matching_or_missing_suffix_is_written(embedded_dir, tmp_path, name, fmt):
    out = tmp_path / name
    result = run("network", "--store", embedded_dir, "-o", out, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
