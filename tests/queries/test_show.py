"""`tipgraph show IRI|NAME`: a fact or an entity, its statements by document, with evidence."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from tipgraph.cli import cli
from tipgraph.namespaces import ID
from tipgraph.show import expand_iri


@pytest.fixture()
def run(embedded_dir, embedded):
    def invoke(*args):
        return CliRunner().invoke(cli, [*args, "--store", str(embedded_dir)], catch_exceptions=False)

    return invoke


def test_a_meeting_with_its_document_and_evidence(run):
    result = run("show", "meeting/a1")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("<meeting/a1>  Working meeting in Moscow\n")
    assert ('from "Prosecutors and IOM discuss migrant protection" (/data/a.txt, 2019-05-28) '
            "<document/a-moscow-meeting>") in out
    assert re.search(r"\n  tip:participant +International Organization for Migration <org/iom>\n", out)
    assert 'evidence: "The prosecutors hosted the IOM mission for talks on the compact."' in out


def test_json_names_document_title_source_date_and_evidence(run):
    shown = json.loads(run("show", f"<{ID}meeting/a1>", "--format", "json").stdout)
    assert shown["iri"] == f"{ID}meeting/a1"
    [source] = shown["sources"]
    assert (source["document"], source["title"], source["source"], source["date"]) == (
        f"{ID}document/a-moscow-meeting", "Prosecutors and IOM discuss migrant protection", "/data/a.txt", "2019-05-28")
    assert source["evidence"] == ["The prosecutors hosted the IOM mission for talks on the compact."]
    assert {"predicate": "https://w3id.org/tipgraph/ontology#date", "value": "2019-05-28", "label": None,
            "is_iri": False} in source["statements"]


def test_an_entity_by_acronym_sums_up_the_graphs_that_only_name_it(run):
    result = run("show", "OSCE")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<org/osce>  Organization for Security and Co-operation in Europe\n")
    assert "named by " in result.stdout and "meetings" in result.stdout
    assert "also named (type and name only) in" in result.stdout
    full = run("show", "org/osce", "--all")
    assert "also named" not in full.stdout and full.stdout.count("\nfrom ") >= 2


def test_unknown_nodes_are_input_errors_with_a_suggestion(run):
    typo = run("show", "org/osse")
    assert typo.exit_code == 2 and "did you mean <org/osce>" in typo.output
    nobody = run("show", "Nobody At All")
    assert nobody.exit_code == 2 and "no entity is called" in nobody.output


@pytest.mark.parametrize("text", ["org/un", "<org/un>", "tipid:org/un", f"{ID}org/un", f"<{ID}org/un>"])
def test_short_and_long_iris_are_the_same(text):
    assert expand_iri(text) == ID["org/un"]


@pytest.mark.parametrize("text", ["IOM", "Palermo Protocol", "an/other thing"])
def test_names_are_not_iris(text):
    assert expand_iri(text) is None


def test_short_iris_are_accepted_as_query_parameters_and_ego(run, embedded_dir, tmp_path):
    by_label = json.loads(run("query", "who-met-whom", "--param", "actor=IOM", "--format", "json").stdout)
    by_short = run("query", "who-met-whom", "--param", "actor=org/iom", "--format", "json")
    assert by_short.exit_code == 0, by_short.output
    assert json.loads(by_short.stdout) == by_label and by_label
    out = tmp_path / "ego.gexf"
    ego = run("network", "--ego", "org/iom", "-o", str(out))
    assert ego.exit_code == 0, ego.output
    assert out.stat().st_size > 0
