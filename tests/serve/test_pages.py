"""The HTML pages (without a browser): content, escaping, links, the ego network and its GEXF."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest

from tipgraph.queries import load_catalogue

IOM = "https://w3id.org/tipgraph/id/org/iom"


def test_index_lists_the_queries_and_has_a_search_box(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for name in load_catalogue():
        assert f'href="/queries/{name}"' in r.text
    assert 'action="/search"' in r.text and 'name="q"' in r.text


def test_pages_load_nothing_from_elsewhere(client):
    for path in ("/", "/editor", f"/ego?iri={quote(IOM)}", f"/actor?iri={quote(IOM)}"):
        r = client.get(path)
        assert "'self'" in r.headers["content-security-policy"]
        assert "script-src 'self';" in r.headers["content-security-policy"]
        for src in re.findall(r'(?:src|href)="([^"]+)"', r.text):
            assert not src.startswith(("http:", "https:", "//")) or src.startswith("https://w3id.org/"), src
        assert "<script>" not in r.text  # no inline script (the policy would block it)


@pytest.mark.parametrize("q, expected", [("IOM", IOM), ("international organization for migration", IOM),
                                         ("MD", "https://w3id.org/tipgraph/id/state/md")])
def test_search_by_name_acronym_or_code(client, q, expected):
    r = client.get("/search", params={"q": q})
    assert r.status_code == 200
    assert f'href="/actor?iri={quote(expected)}"' in r.text


def test_search_escapes_what_it_shows(client):
    r = client.get("/search", params={"q": "<script>alert(1)</script>"})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "&lt;script&gt;alert(1)" in r.text


def test_query_form_has_typed_fields(client):
    r = client.get("/queries/most-connected-actors")
    assert r.status_code == 200
    assert re.search(r'<input id="p-minimum" name="minimum" type="number"', r.text)
    assert re.search(r'<input id="p-from" name="from" type="text" inputmode="numeric" pattern=', r.text)
    r = client.get("/queries/actor-profile")
    assert re.search(r'<input id="p-actor" name="actor" type="text" placeholder="Actor: name, acronym or IRI"[^>]*required', r.text)


def test_query_form_runs_and_shows_rows(client):
    api = client.get("/api/queries/who-met-whom", params={"actor": "IOM"}).json()
    r = client.get("/queries/who-met-whom", params={"_run": "1", "actor": "IOM", "from": ""})
    assert r.status_code == 200
    assert f'{len(api["rows"])} rows' in r.text
    body = r.text.split('<tbody>', 1)[1].split("</tbody>", 1)[0]
    assert body.count("<tr>") == len(api["rows"])
    assert 'value="IOM"' in r.text  # the form keeps what was typed


def test_query_form_shows_errors(client):
    r = client.get("/queries/who-met-whom", params={"_run": "1", "from": "last year"})
    assert r.status_code == 400
    assert 'role="alert"' in r.text and "not a date" in r.text
    r = client.get("/queries/who-met-whom", params={"_run": "1", "actor": "Ministry"})
    assert r.status_code == 400 and "names" in r.text and 'href="/actor?iri=' in r.text


def test_actor_page(client):
    r = client.get("/actor", params={"iri": IOM})
    assert r.status_code == 200
    text = r.text
    assert "International Organization for Migration" in text
    assert 'id="kinds"' in text and "ntergovernmental" in text
    for section in ("partners", "meetings", "instruments", "programmes", "persons"):
        assert f'id="section-{section}"' in text, section
    assert "Facts and evidence" in text
    facts = text.split('id="section-facts"', 1)[1]
    assert facts.count("<blockquote>") >= 5
    assert "from <span" in facts
    # partners come with their first and last meeting dates
    partners = text.split('id="section-partners"', 1)[1].split("</section>", 1)[0]
    assert re.search(r"<td>\d{4}-\d{2}-\d{2}</td><td>\d{4}-\d{2}-\d{2}</td>", partners)


@pytest.mark.parametrize("iri", [IOM, "https://w3id.org/tipgraph/id/person/natalia-stoica"])
def test_actor_page_lists_exactly_the_facts_about_it(client, iri):
    """Each fact that names the entity (or the entity's own statement), once per document."""
    query = f"""SELECT DISTINCT ?fact ?g WHERE {{
      {{ GRAPH ?g {{ ?fact ?p <{iri}> ; tip:evidence ?e }} }}
      UNION {{ GRAPH ?g {{ <{iri}> tip:evidence ?e }} BIND(<{iri}> AS ?fact) }} }}"""
    pairs = client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    page = client.get("/actor", params={"iri": iri}).text
    facts = page.split('id="section-facts"', 1)[1]
    assert f"Facts and evidence <small>({len(pairs)})</small>" in facts
    assert facts.count('<article class="fact">') == len(pairs) > 0
    shown = set(re.findall(r'<a href="/actor\?iri=([^"]+)">', facts))
    assert shown == {quote(row["fact"]["value"]) for row in pairs}


@pytest.mark.parametrize("iri, status", [("", 400), ("javascript:alert(1)", 400), ('https://w3id.org/tipgraph/id/x"y', 400),
                                         ("https://w3id.org/tipgraph/id/org/a\nb", 400),
                                         ("https://w3id.org/tipgraph/id/org/nobody", 404)])
def test_actor_page_refuses_bad_iris(client, iri, status):
    assert client.get("/actor", params={"iri": iri}).status_code == status


def test_gexf_file_name_is_plain_ascii(client):
    r = client.get("/ego.gexf", params={"iri": "https://w3id.org/tipgraph/id/org/caf\u00e9-\u0416", "depth": "0"})
    assert r.status_code == 400  # no such actor: a clear 400, never a 500
    r = client.get("/ego.gexf", params={"iri": IOM, "depth": "0"})
    assert r.headers["content-disposition"] == 'attachment; filename="ego-iom-0.gexf"'


def test_ego_network_and_gexf_hold_the_same_graph(client):
    data = client.get("/ego.json", params={"iri": IOM, "depth": "1"}).json()
    ids = {n["data"]["id"] for n in data["nodes"]}
    assert IOM in ids and len(ids) > 5
    assert [n for n in data["nodes"] if n["data"]["centre"]][0]["data"]["id"] == IOM
    r = client.get("/ego.gexf", params={"iri": IOM, "depth": "1"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/gexf+xml")
    assert "attachment" in r.headers["content-disposition"]
    root = ET.fromstring(r.content)
    ns = {"g": root.tag.split("}")[0][1:]}
    assert {n.get("id") for n in root.iterfind(".//g:nodes/g:node", ns)} == ids
    assert len(root.findall(".//g:edges/g:edge", ns)) == len(data["edges"])


@pytest.mark.parametrize("depth", ["-1", "9", "x"])
def test_ego_depth_is_checked(client, depth):
    assert client.get("/ego.json", params={"iri": IOM, "depth": depth}).status_code == 400
    assert client.get("/ego", params={"iri": IOM, "depth": depth}).status_code == 400


def test_editor_page_uses_the_vendored_yasgui(client):
    r = client.get("/editor")
    assert '/static/vendor/yasgui/yasgui.min.js' in r.text
    js = client.get("/static/vendor/yasgui/yasgui.min.js")
    assert js.status_code == 200 and len(js.content) > 100_000
    assert "MIT" in client.get("/static/vendor/yasgui/LICENSE").text
    assert "MIT" in client.get("/static/vendor/cytoscape/LICENSE").text or "Permission is hereby granted" in \
        client.get("/static/vendor/cytoscape/LICENSE").text
