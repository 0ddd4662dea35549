"""Pictures and GEXF files an analyst can trust (issue 16): the same picture on every run,
real SVG text, acronym labels, a title that says what is drawn, colours by community, and
GEXF positions from the same layout."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from tipgraph.cli import cli
from tipgraph.network import Selection, build_selection, compute_metrics
from tipgraph.network.acronyms import pick_acronym
from tipgraph.network.gexf import COMMUNITY_COLORS, KIND_COLORS
from tipgraph.network.layout import gexf_positions

from .conftest import parse_xml

SVG = "{http://www.w3.org/2000/svg}"
VIZ = "{http://gexf.net/1.3/viz}"
GEXF = "{http://gexf.net/1.3}"
SRC = Path(__file__).resolve().parents[2] / "src"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def texts(svg_path) -> list[str]:
    return ["".join(t.itertext()) for t in parse_xml(svg_path).iter(SVG + "text")]


def test_two_runs_on_the_same_store_draw_the_same_svg(sample_store_dir, tmp_path):
    # Separate processes with different hash seeds: set and dict orders may differ, the picture may not.
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"n{seed}.svg"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(SRC)}
        subprocess.run([sys.executable, "-m", "tipgraph.cli", "network", "--store", str(sample_store_dir),
                        "-o", str(out)], check=True, env=env, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_svg_has_real_text_acronym_labels_and_a_title(sample_store_dir, tmp_path):
    out = tmp_path / "by.svg"
    result = run("network", "--store", sample_store_dir, "--country", "BY", "-o", out)
    assert result.exit_code == 0, result.output
    words = texts(out)
    assert "IOM" in words and "International Organization for Migration" not in words
    title = next(w for w in words if w.startswith("Co-operation network"))
    assert "meetings held in Belarus" in title and "actors" in title and "links" in title
    # The Python API: a node's acronym is shown only when acronym labels are asked for.
    from tipgraph.network import draw as draw_mod

    G = nx.Graph()
    G.add_edge("a", "b")
    G.nodes["a"].update(label="International Organization for Migration", acronym="IOM", kind="organization")
    G.nodes["b"].update(label="Ministry of Interior", kind="organization")
    draw_mod.draw(G, tmp_path / "api.svg", "svg", label_style="name")
    assert "International Organization for Migration" in texts(tmp_path / "api.svg")
    draw_mod.draw(G, tmp_path / "api.svg", "svg")
    assert "IOM" in texts(tmp_path / "api.svg")
    full = tmp_path / "by-names.svg"
    assert run("network", "--store", sample_store_dir, "--country", "BY", "--labels", "name", "-o", full).exit_code == 0
    assert "International Organization for Migration" in texts(full)


def test_acronym_is_the_one_made_of_the_label_initials():
    label = "International Organization for Migration"
    assert pick_acronym(label, ["OIM", "UN Migration Agency", "IOM"]) == "IOM"
    # The French acronym sorts first and is as short: the initials decide.
    assert pick_acronym("United Nations Office on Drugs and Crime", ["ONUDC", "UNODC"]) == "UNODC"
    assert pick_acronym("Group of Experts on Action against Trafficking in Human Beings", ["GRETA"]) == "GRETA"
    assert pick_acronym(label, ["UN Migration Agency"]) is None


def test_colour_by_community_in_gexf_and_picture(sample_store_dir, tmp_path, validate_gexf):
    out = tmp_path / "c.gexf"
    assert run("network", "--store", sample_store_dir, "--colour", "community", "-o", out).exit_code == 0
    tree = validate_gexf(out)
    seen = set()
    for node in tree.iter(GEXF + "node"):
        values = {a.get("for"): a.get("value") for a in node.iter(GEXF + "attvalue")}
        c = node.find(VIZ + "color")
        community = int(values["community"])
        if community < len(COMMUNITY_COLORS):
            assert (int(c.get("r")), int(c.get("g")), int(c.get("b"))) == COMMUNITY_COLORS[community]
        seen.add(community)
    assert len(seen) > 1
    svg = tmp_path / "c.svg"
    assert run("network", "--store", sample_store_dir, "--color", "community", "--no-metrics", "-o", svg).exit_code == 0
    assert "community 0" in " ".join(texts(svg)) and "colour: community" in " ".join(texts(svg))
    by_kind = tmp_path / "k.gexf"
    assert run("network", "--store", sample_store_dir, "-o", by_kind).exit_code == 0
    colors = {(int(c.get("r")), int(c.get("g")), int(c.get("b"))) for c in parse_xml(by_kind).iter(VIZ + "color")}
    assert colors <= set(KIND_COLORS.values())


def test_gexf_carries_the_layout_positions(store, tmp_path, validate_gexf):
    G = compute_metrics(build_selection(store, Selection()))
    from tipgraph.network import export

    export(G, tmp_path / "a.gexf", "gexf")
    tree = validate_gexf(tmp_path / "a.gexf")
    expected = gexf_positions(G)
    got = {n.get("id"): (float(n.find(VIZ + "position").get("x")), float(n.find(VIZ + "position").get("y")))
           for n in tree.iter(GEXF + "node")}
    assert got == expected and len(got) == G.number_of_nodes()
    export(G, tmp_path / "b.gexf", "gexf")
    assert (tmp_path / "a.gexf").read_bytes() == (tmp_path / "b.gexf").read_bytes()
    H = nx.read_gexf(tmp_path / "a.gexf", version="1.3")
    assert set(H) == set(G)
