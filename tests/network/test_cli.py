"""``tipgraph network`` and ``tipgraph analyze`` on an embedded store holding the fixture."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from tipgraph.cli import cli

ID = "https://w3id.org/tipgraph/id/"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_network_gexf(embedded_dir, tmp_path, validate_gexf):
    out = tmp_path / "iom.gexf"
    result = run("network", "--store", str(embedded_dir), "--ego", "IOM", "--depth", "2", "-o", str(out))
    assert result.exit_code == 0, result.output
    validate_gexf(out)
    H = nx.read_gexf(out, version="1.3")
    assert ID + "org/mfa-ru" in H and ID + "org/osce" in H


@pytest.mark.parametrize("fmt", ["graphml", "svg", "png", "html"])
def test_network_other_formats(embedded_dir, tmp_path, fmt):
    out = tmp_path / f"n.{fmt}"
    result = run("network", "--store", str(embedded_dir), "--kind", "organization,state,person", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith({"graphml": b"<?xml", "svg": b"<?xml", "png": b"\x89PNG", "html": b"<!DOCTYPE html>"}[fmt])
    if fmt in ("svg", "html"):
        assert b">IOM</text>" in data  # the label: IOM's acronym, as SVG text
    if fmt == "html":
        assert b"International Organization for Migration" in data  # the tables: full names


def test_network_timeline_option(embedded_dir, tmp_path, validate_gexf):
    out = tmp_path / "c.gexf"
    result = run("network", "--store", str(embedded_dir), "--timeline", "cumulative", "--format", "gexf",
                 "--size-by", "betweenness", "-o", str(out))
    assert result.exit_code == 0, result.output
    validate_gexf(out)


@pytest.mark.parametrize("args, message", [
    (["--ego", "Nobody At All"], "no Actor is called"),
    (["--ego", "Ministry of Foreign Affairs"], "names 2 entities"),
    (["--from", "yesterday"], "--from"),
    (["--kind", "planet"], "unknown kind"),
    (["--instrument", "No Such Treaty"], "no LegalInstrument"),
    (["--param", "x=1"], "--param needs --query"),
    (["--query", "no-such-query"], "no stored query"),
])
def test_usage_errors_exit_2(embedded_dir, tmp_path, args, message):
    result = run("network", "--store", str(embedded_dir), *args, "-o", str(tmp_path / "x.gexf"))
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "x.gexf").exists()


def test_output_is_required(embedded_dir):
    assert run("network", "--store", str(embedded_dir)).exit_code == 2


def test_missing_store_exit_2(tmp_path):
    result = run("analyze", "--store", str(tmp_path / "nowhere"))
    assert result.exit_code == 2


def test_analyze_formats(embedded_dir, monkeypatch):
    monkeypatch.delenv("TIPGRAPH_METRICS_BACKEND", raising=False)
    result = run("analyze", "--store", str(embedded_dir), "--top", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["nodes"] == 7 and report["edges"] == 11
    assert report["metrics_backend"] == "networkx"  # a graph this small never takes networkit under auto
    pagerank = [r for r in report["top"] if r["metric"] == "pagerank"]
    assert pagerank[0]["label"] == "International Organization for Migration" and len(pagerank) == 2

    result = run("analyze", "--store", str(embedded_dir), "--format", "csv", "--country", "TM")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["label"] for r in rows} == {"International Organization for Migration", "Turkmenistan",
                                          "United Nations Office on Drugs and Crime",
                                          "Ministry of Foreign Affairs of Turkmenistan"}

    result = run("analyze", "--store", str(embedded_dir), "--from", "2019")
    assert result.exit_code == 0
    assert "betweenness" in result.output and "communities" in result.output


def test_network_without_metrics(embedded_dir, tmp_path, validate_gexf):
    out = tmp_path / "plain.gexf"
    result = run("network", "--store", str(embedded_dir), "--no-metrics", "-o", str(out))
    assert result.exit_code == 0, result.output
    validate_gexf(out)
    H = nx.read_gexf(out, version="1.3")
    iom = H.nodes[ID + "org/iom"]
    assert "pagerank" not in iom and iom["meetings"] == 4
    assert iom["viz"]["size"] == max(d["viz"]["size"] for _, d in H.nodes(data=True))


def test_network_stored_query(embedded_dir, tmp_path, validate_gexf):
    out = tmp_path / "q.gexf"
    result = run("network", "--store", str(embedded_dir), "--query", "who-met-whom",
                 "--param", "actor=IOM", "-o", str(out))
    assert result.exit_code == 0, result.output
    validate_gexf(out)
    assert ID + "org/osce" not in nx.read_gexf(out, version="1.3")
