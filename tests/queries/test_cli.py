"""The analyst commands: queries, query and sparql."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tipgraph.cli import cli


@pytest.fixture()
def run(embedded_dir, embedded):
    # The session's read-only handle stays open; the CLI opens its own read-only one.
    def invoke(*args, input=None):
        return CliRunner().invoke(cli, [*args, "--store", str(embedded_dir)], input=input, catch_exceptions=False)

    return invoke


def test_queries_lists_names_titles_and_parameters(run):
    result = run("queries", "--format", "json")
    assert result.exit_code == 0
    listing = {q["name"]: q for q in json.loads(result.output)}
    assert listing["who-met-whom"]["title"] == "Who met whom"
    assert [p["name"] for p in listing["who-met-whom"]["parameters"]] == ["actor", "instrument", "from", "to", "country"]
    table = run("queries")
    assert table.exit_code == 0 and "meetings-under-instrument" in table.output


def test_query_by_acronym_lists_partners(run):
    result = run("query", "who-met-whom", "--param", "actor=IOM", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    partners = {r["labelA"] if r["labelB"].startswith("International Organization") else r["labelB"] for r in rows}
    assert "Organization for Security and Co-operation in Europe" in partners and len(rows) == 7
    assert list(rows[0]) == ["actorA", "labelA", "actorB", "labelB", "meetings", "first", "last", "instruments", "documents",
                             "undated", "meetingIris"]


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_delimited_formats_keep_select_order(run, fmt, delimiter):
    result = run("query", "funding-by-funder", "--format", fmt)
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.output), delimiter=delimiter))
    assert rows[0] == ["funder", "funderLabel", "currency", "programmes", "total", "coFunded", "equalShare",
                       "programmeIris"]
    eu = next(r for r in rows if r[1] == "European Union")
    assert eu[:7] == ["https://w3id.org/tipgraph/id/org/eu", "European Union", "EUR", "3", "6000000.5", "1", "5500000.5"]


def test_table_output(run):
    result = run("query", "cooperation-timeline", "-p", "actor=OSCE")
    assert result.exit_code == 0 and "2018" in result.output and "1 row" in result.output


@pytest.mark.parametrize(
    "args, text",
    [
        (["query", "who-met-whom", "--param", "from=2019-13"], "from"),
        (["query", "who-met-whom", "--param", "actor=MFA"], "Ministry of Foreign Affairs of Turkmenistan"),
        (["query", "who-met-whom", "--param", "actor=Nobody"], "no Actor is called"),
        (["query", "who-met-whom", "--param", "actor"], "NAME=VALUE"),
        (["query", "actor-profile"], "actor"),
        (["query", "no-such-query"], "no stored query"),
        (["query", "who-met-whom", "--param", "planet=Mars"], "planet"),
    ],
)
def test_usage_errors_exit_2_with_a_reason(run, args, text):
    result = run(*args)
    assert result.exit_code == 2
    assert text in result.output


def test_missing_store_exits_2(tmp_path):
    result = CliRunner().invoke(cli, ["query", "who-met-whom", "--store", str(tmp_path / "none")])
    assert result.exit_code == 2 and "no store" in result.output


def test_sparql_select_and_ask(run):
    result = run("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?m a tip:RoundTable }", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output) == [{"n": 1}]
    assert run("sparql", "ASK { ?s tip:plannedParticipant ?o }").output.strip() == "true"


def test_sparql_from_file(run, tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("SELECT DISTINCT ?l WHERE { <https://w3id.org/tipgraph/id/state/tm> rdfs:label ?l }", encoding="utf-8")
    result = run("sparql", str(path), "--format", "csv")
    assert result.exit_code == 0 and result.output.splitlines() == ["l", "Turkmenistan"]


def test_sparql_refuses_updates_without_allow_update(run, embedded):
    before = embedded.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0]["n"]
    for update in ["DROP ALL", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DELETE WHERE { ?s ?p ?o }"]:
        result = run("sparql", update)
        assert result.exit_code == 2 and "--allow-update" in result.output
    assert embedded.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0]["n"] == before


def test_sparql_update_with_allow_update(tmp_path):
    from tipgraph.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "s")
    store.close()
    runner = CliRunner()
    insert = "INSERT DATA { GRAPH <urn:g> { <urn:a> rdfs:label \"A\" } }"
    assert runner.invoke(cli, ["sparql", insert, "--allow-update", "--store", str(tmp_path / "s")]).exit_code == 0
    result = runner.invoke(cli, ["sparql", "SELECT ?l WHERE { <urn:a> rdfs:label ?l }", "--format", "tsv",
                                 "--store", str(tmp_path / "s")])
    assert result.output.splitlines() == ["l", "A"]


def test_sparql_syntax_error_exits_2(run):
    result = run("sparql", "SELEKT nothing")
    assert result.exit_code == 2
