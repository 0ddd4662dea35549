"""XML and friends: no external entity, DTD, XInclude, stylesheet or remote context is
ever resolved or fetched, whatever the input.

A local HTTP server stands in for "the network" and records every request; a local
file with a marker stands in for "a secret". Each payload must leave the server
untouched and the marker out of everything tipgraph produces.
"""
from __future__ import annotations

import http.server
import threading
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef

from tipgraph.cli import cli
from tipgraph.reading import UnreadableDocument, read_document

from .conftest import good_document


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []
    body = b""

    def do_GET(self):  # noqa: N802 - http.server's naming
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.end_headers()
        self.wfile.write(self.body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(secret_file):
    """A local server that answers every request with the secret marker, and logs it."""
    _, marker = secret_file
    handler = type("Handler", (_Recorder,), {"hits": [], "body": (
        f'<!ENTITY leak "{marker}"><!ENTITY % p "{marker}">{{"@context": {{"x": "{marker}"}}}}'
    ).encode()})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.hits
    httpd.shutdown()
    httpd.server_close()


BODY = good_document(1).split("\n\n", 1)[1].replace("\n\n", "</p><p>")
_LAUGHS = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))

HTML_PAYLOADS = {
    "internal-subset-file-entity": '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret}">]>'
                                   "<html><body><p>&xxe;</p><p>{body}</p><p title='&xxe;'>x</p></body></html>",
    "parameter-entity-remote-dtd": '<!DOCTYPE html [<!ENTITY % dtd SYSTEM "{url}/evil.dtd"> %dtd;]>'
                                   "<html><body><p>{body}</p><p>&leak;</p></body></html>",
    "external-dtd": '<!DOCTYPE html SYSTEM "{url}/external.dtd"><html><body><p>{body}</p><p>&leak;</p></body></html>',
    "public-dtd": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/xhtml1-strict.dtd">'
                  '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{body}</p></body></html>',
    "doctype-mid-page": '<html><body><p>{body}</p><!DOCTYPE x [<!ENTITY e SYSTEM "{secret}">]><p>&e;</p></body></html>',
    "xinclude": '<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><p>{body}</p>'
                '<xi:include href="{secret}" parse="text"/><xi:include href="{url}/inc.xml"/></body></html>',
    "xml-stylesheet": '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="{url}/style.xsl"?>'
                      "<html><body><p>{body}</p></body></html>",
    "billion-laughs": '<?xml version="1.0"?><!DOCTYPE html [' + _LAUGHS.replace("{", "{{").replace("}", "}}")
                      + "]><html><body><p>{body}</p><p>&lol9;</p></body></html>",
    "remote-resources": '<html><head><base href="{url}/base/"><link rel="stylesheet" href="{url}/a.css">'
                        '<meta http-equiv="refresh" content="0;url={url}/refresh"><script src="{url}/a.js"></script>'
                        "<style>@import url({url}/b.css); p {{ background: url({url}/c.png) }}</style></head>"
                        '<body><img src="{url}/d.png"><iframe src="{url}/e.html"></iframe><object data="{url}/f">'
                        '</object><svg><image href="{url}/g.svg"/></svg><p>{body}</p></body></html>',
}


def _payload(name: str, secret: Path, url: str) -> str:
    return HTML_PAYLOADS[name].format(secret=secret.as_uri(), url=url, body=BODY)


@pytest.mark.parametrize("suffix", [".html", ".txt"])
@pytest.mark.parametrize("name", sorted(HTML_PAYLOADS))
def test_html_payloads_are_never_resolved(tmp_path, server, secret_file, name, suffix):
    url, hits = server
    secret, marker = secret_file
    path = tmp_path / f"{name}{suffix}"
    path.write_text(_payload(name, secret, url), encoding="utf-8")
    seen = len(hits)
    doc = read_document(path)
    everything = "\n".join(str(v) for v in (doc.text, doc.title, doc.publisher, doc.contacts))
    assert marker not in everything
    assert "lollollol" not in everything and len(doc.text) < 5000  # no entity was expanded
    assert "working meeting" in doc.text  # the page itself was read
    assert hits[seen:] == []


def test_deeply_nested_markup_is_read_or_refused_cleanly(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 20000 + f"<p>{BODY}</p>" + "</div>" * 20000 + "</body></html>",
                    encoding="utf-8")
    try:
        doc = read_document(path)
    except UnreadableDocument as exc:
        assert exc.reason
    else:
        assert "working meeting" in doc.text


def test_yaml_alias_bomb_in_markdown_front_matter(tmp_path):
    """Nine levels of nine aliases: 387 million strings if expanded. Read in a moment."""
    lines = ["---", "a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    lines += ["title: *i", "publisher: *i", "date: *i", "---", "", good_document(2)]
    path = tmp_path / "bomb.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = read_document(path)
    assert "lol" not in (doc.title or "") and "lol" not in (doc.publisher or "")
    assert "working meeting" in doc.text


def test_a_whole_ingest_of_the_payloads_fetches_nothing(tmp_path, server, secret_file):
    url, hits = server
    secret, marker = secret_file
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in HTML_PAYLOADS:
        (corpus / f"{name}.html").write_text(_payload(name, secret, url), encoding="utf-8")
    seen = len(hits)
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--store", str(tmp_path / "store"), "--quiet"])
    assert result.exit_code == 0, result.output
    exported = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "store")])
    assert exported.exit_code == 0
    assert marker not in exported.output and "lollollol" not in exported.output
    assert hits[seen:] == []


# -- RDF/XML and JSON-LD for stewards ----------------------------------------------------
def _rdfxml(secret: Path, url: str) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
            f'<!ENTITY % remote SYSTEM "{url}/evil.dtd"> %remote;]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">'
            '<rdf:Description rdf:about="https://w3id.org/tipgraph/id/org/x"><rdfs:label>&xxe;</rdfs:label>'
            "</rdf:Description></rdf:RDF>\n")


@pytest.mark.parametrize("command", ["load", "validate"])
@pytest.mark.parametrize("suffix,extra", [(".rdf", []), (".owl", []), (".xml", []), (".ttl", []),
                                          (".rdf", ["--rdf-format", "turtle"]), (".rdf", ["--rdf-format", "rdfxml"])])
def test_rdf_xml_is_never_parsed(tmp_path, server, secret_file, command, suffix, extra):
    url, hits = server
    secret, marker = secret_file
    path = tmp_path / f"data{suffix}"
    path.write_text(_rdfxml(secret, url), encoding="utf-8")
    seen = len(hits)
    where = ["--store", str(tmp_path / "store"), "--create"] if command == "load" else ["--no-store"]
    result = CliRunner().invoke(cli, [command, str(path), *where, *extra])
    assert result.exit_code == 2, result.output
    assert marker not in result.output
    assert hits[seen:] == []
    if (tmp_path / "store" / "CURRENT").exists():
        exported = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "store")])
        assert marker not in exported.output


JSONLD_CONTEXTS = {
    "remote-context": '"{url}/context.jsonld"',
    "context-array": '[{{"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}}, "{url}/context.jsonld"]',
    "context-import": '{{"@version": 1.1, "@import": "{url}/context.jsonld"}}',
    "file-context": '"{secret}"',
}


@pytest.mark.parametrize("name", sorted(JSONLD_CONTEXTS))
def test_json_ld_contexts_are_never_fetched(tmp_path, server, secret_file, name):
    url, hits = server
    secret, marker = secret_file
    context = JSONLD_CONTEXTS[name].format(url=url, secret=secret.as_uri())
    path = tmp_path / f"{name}.jsonld"
    path.write_text('{"@context": ' + context + ', "@id": "https://w3id.org/tipgraph/id/org/x", '
                    '"http://www.w3.org/2000/01/rdf-schema#label": "X"}', encoding="utf-8")
    seen = len(hits)
    result = CliRunner().invoke(cli, ["load", str(path), "--store", str(tmp_path / "store"), "--create"])
    assert result.exit_code == 2, result.output
    assert "context" in result.output.lower()
    assert marker not in result.output
    assert hits[seen:] == []


def test_owl_imports_in_a_steward_file_are_not_followed(tmp_path, server):
    url, hits = server
    path = tmp_path / "imports.ttl"
    path.write_text(f"""@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
<https://w3id.org/tipgraph/id/graph/x> owl:imports <{url}/onto.ttl> ; sh:shapesGraph <{url}/shapes.ttl> .
""", encoding="utf-8")
    seen = len(hits)
    result = CliRunner().invoke(cli, ["validate", str(path), "--no-store"])
    assert result.exit_code in (0, 1), result.output
    assert hits[seen:] == []


# -- what tipgraph writes: GEXF, GraphML, SVG and HTML read back safely --------------------
HOSTILE_LABELS = [
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e; <script>alert(1)</script>',
    ']]> & "quoted" </label></node><node id="evil"/>',
    "--><script>alert(2)</script><!-- &amp; &lt;",
]


@pytest.fixture(scope="module")
def hostile_network_store(tmp_path_factory) -> Path:
    from tipgraph.store import open_store

    doc = "https://w3id.org/tipgraph/id/document/hostile-1"
    orgs = [f"https://w3id.org/tipgraph/id/org/h{i}" for i in range(len(HOSTILE_LABELS))]
    trig = ["@prefix tip: <https://w3id.org/tipgraph/ontology#> .",
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
            "@prefix prov: <http://www.w3.org/ns/prov#> .",
            f"<{doc}> {{ <{doc}> a tip:Document ."]
    for iri, label in zip(orgs, HOSTILE_LABELS):
        escaped = label.replace("\\", "\\\\").replace('"', '\\"')
        trig.append(f'<{iri}> a tip:Organization ; rdfs:label "{escaped}" .')
    trig.append(f"<https://w3id.org/tipgraph/id/meeting/m1> a tip:Meeting ; "
                f"tip:participant {', '.join(f'<{o}>' for o in orgs)} ; tip:date \"2020-01-02\"^^xsd:date ; "
                f"prov:wasDerivedFrom <{doc}> . }}")
    ds = Dataset()
    ds.parse(data="\n".join(trig), format="trig")
    path = tmp_path_factory.mktemp("hostile-net") / "store"
    store = open_store(path)
    store.replace_graphs({g.identifier: list(g) for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)})
    store.close()
    return path


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_network_files_hold_no_dtd_and_read_back_exactly(hostile_network_store, tmp_path, fmt):
    import defusedxml.ElementTree as safe_et

    out = tmp_path / f"net.{fmt}"
    result = CliRunner().invoke(cli, ["network", "--store", str(hostile_network_store), "--format", fmt,
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    # defusedxml refuses any DTD, entity declaration or external reference: there is none
    safe_et.parse(out, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    G = nx.read_gexf(out, version="1.3") if fmt == "gexf" else nx.read_graphml(out)
    labels = {data.get("label") for _, data in G.nodes(data=True)}
    assert set(HOSTILE_LABELS) <= labels
    assert "evil" not in G


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_pictures_and_pages_hold_no_live_markup(hostile_network_store, tmp_path, fmt):
    from html.parser import HTMLParser

    import defusedxml.ElementTree as safe_et

    out = tmp_path / f"net.{fmt}"
    result = CliRunner().invoke(cli, ["network", "--store", str(hostile_network_store), "--format", fmt,
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "svg":
        # matplotlib's public SVG DOCTYPE is allowed; entities and external fetches are not
        safe_et.parse(out, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    tags: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append(tag)

    Tags().feed(out.read_text(encoding="utf-8"))
    assert "script" not in tags and "node" not in tags


def test_the_recording_server_does_record(server):
    """The check above means something: a fetch would be seen."""
    import urllib.request

    url, hits = server
    seen = len(hits)
    with urllib.request.urlopen(f"{url}/probe") as response:
        response.read()
    assert hits[seen:] == ["/probe"]
