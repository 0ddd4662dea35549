"""Issue 16's small breakages in the analyst commands: long inline queries, query help, typos."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tipgraph.cli import cli


@pytest.fixture()
def run(embedded_dir, embedded):
    def invoke(*args):
        return CliRunner().invoke(cli, [*args, "--store", str(embedded_dir)], catch_exceptions=False)

    return invoke


def test_inline_query_longer_than_a_file_name_runs(run):
    # 300 characters: longer than any file name (NAME_MAX 255), so is_file() raised ENAMETOOLONG.
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?m a tip:RoundTable }" + " " * 230 + "# a comment"
    assert len(query) > 256
    result = run("sparql", query, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"n": 1}]


def test_a_missing_query_file_is_an_input_error(run, tmp_path):
    result = run("sparql", str(tmp_path / "nothing-here.rq"))
    assert result.exit_code == 2 and "cannot read" in result.output


def test_query_help_describes_the_query_and_its_parameters(run):
    result = run("query", "who-met-whom", "--help")
    assert result.exit_code == 0
    assert "Query who-met-whom (Who met whom)" in result.output
    assert "Pairs of actors that took part in the same meeting" in result.output
    for signature in ("actor (iri, optional)", "from (date, optional)", "country (iri, optional)"):
        assert signature in result.output
    plain = run("query", "--help")
    assert plain.exit_code == 0 and "Query who-met-whom" not in plain.output


def test_mistyped_query_name_gets_a_suggestion(run):
    result = run("query", "who-met-hom")
    assert result.exit_code == 2
    assert "did you mean who-met-whom?" in result.output
    far = run("query", "zzzzzz")
    assert far.exit_code == 2 and "did you mean" not in far.output


def test_help_for_a_mistyped_query_name_suggests_the_query(run):
    result = run("query", "who-met-hom", "--help")
    assert result.exit_code == 0
    assert "did you mean who-met-whom?" in result.output


def test_query_and_store_errors_become_input_errors():
    # Issue 13: one helper maps them for query, show, sparql, network and analyze.
    from tipgraph.cli.common import InputError, as_input_errors
    from tipgraph.queries import QueryError
    from tipgraph.store import StoreError

    with pytest.raises(InputError, match="^no such query$") as info:
        with as_input_errors(QueryError):
            raise QueryError("no such query")
    assert info.value.exit_code == 2
    with pytest.raises(InputError, match="^store /x: gone$"):
        with as_input_errors(QueryError, store="store /x"):
            raise StoreError("gone")
    with pytest.raises(ValueError):
        with as_input_errors(QueryError):
            raise ValueError("not mapped")
