"""Documents in a language the extractor does not read: stored as documents, without facts.

A Russian press release used to be refused as "no usable text after cleanup", which
was not true and told the user nothing. Its language is now detected (py3langid, an
offline model shipped in the package); the document is stored with its title, date,
source and ``dcterms:language``, no facts, and the summary says why.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from tipgraph.ingest import survey
from tipgraph.reading import read_document, read_text
from tipgraph.reading.language import detect_language

from .conftest import REPO, run_tipgraph, write_good_documents

# Our own wording: a short release in Russian about a meeting (no text from outside).
RUSSIAN = """Министерство внутренних дел и МОМ обсудили защиту пострадавших от торговли людьми

Кишинёв, 3 мая 2021 года – Министерство внутренних дел Республики Молдова провело рабочую встречу с представителями Международной организации по миграции (МОМ).

Стороны обсудили работу горячей линии, помощь приютам и совместное обучение пограничников выявлению признаков эксплуатации.

Участники договорились встретиться снова осенью и обменяться опытом.
"""

RUSSIAN_PAGE = """<html><head><title>Совместное обучение пограничников</title>
<meta name="dc.date" content="2020-06-05"></head><body>
<nav><a href="/">Главная</a> | <a href="/news">Новости</a> | <a href="/contacts">Контакты</a></nav>
<article><h1>Совместное обучение пограничников</h1>
<p>Вена, 5 июня 2020 года – ОБСЕ и УНП ООН провели совместное обучение пограничников из пяти стран.</p>
<p>Участники изучили признаки торговли людьми и порядок передачи пострадавших в приюты.</p>
</article><footer>© Министерство</footer></body></html>"""


def test_russian_is_detected_and_english_is_english():
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language("The ministry met the International Organization for Migration in Vienna "
                           "to discuss shelters for people at risk of exploitation.") == "en"
    # too little text to tell: taken as English, so short notes are extracted as before
    assert detect_language("IOM, OSCE, 2021") == "en"


def test_plain_english_does_not_load_the_model():
    """The model costs about 100 MB of memory per process: not spent on plainly English text."""
    from tipgraph.reading import language

    language._identifier.cache_clear()
    assert detect_language("The ministry met the International Organization for Migration in Vienna "
                           "to discuss shelters for people at risk of exploitation.") == "en"
    assert language._identifier.cache_info().currsize == 0
    assert detect_language(RUSSIAN) == "ru"
    assert language._identifier.cache_info().currsize == 1


def test_read_keeps_title_date_and_language():
    doc = read_text(RUSSIAN, path="/tmp/ru.txt")
    assert doc.language == "ru"
    assert doc.title.startswith("Министерство внутренних дел и МОМ")
    assert doc.published.isoformat() == "2021-05-03"


def _document_graph(store: Path) -> tuple[URIRef, list[tuple]]:
    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store, read_only=True)
    try:
        rows = s.select("PREFIX tip: <https://w3id.org/tipgraph/ontology#> "
                        "SELECT ?g WHERE { GRAPH ?g { ?g a tip:Document ; <http://purl.org/dc/terms/language> \"ru\"^^<http://www.w3.org/2001/XMLSchema#language> } }")
        rows = list(rows)
        assert len(rows) == 1, rows
        name = URIRef(str(rows[0]["g"]))
        return name, list(s.graph(name))
    finally:
        s.close()


@pytest.mark.parametrize("name, content", [("release-ru.txt", RUSSIAN), ("page-ru.html", RUSSIAN_PAGE)])
def test_a_russian_release_is_stored_without_facts(tmp_path, name, content):
    docs = tmp_path / "docs"
    write_good_documents(docs, 1)
    path = docs / name
    path.write_text(content, encoding="utf-8")
    store = tmp_path / "store"
    run = run_tipgraph("ingest", str(docs), "--store", str(store), "--quiet")
    assert run.returncode == 0, run.stderr
    assert "refused" not in run.stderr
    assert f"note {path}: language ru: not supported yet, stored without facts" in run.stderr
    summary = [line for line in run.stdout.splitlines() if line.startswith("language ru")]
    assert summary and summary[0].split()[-1] == "1", run.stdout
    graph_name, triples = _document_graph(store)
    subjects = {s for s, _, _ in triples}
    assert subjects == {graph_name}, "no node but the document itself: no facts, no actors"
    values = {p: o for _, p, o in triples}
    assert values[DCTERMS.source] == Literal(str(path))
    assert values[DCTERMS.language] == Literal("ru", datatype=XSD.language)
    assert str(values[DCTERMS.title]).startswith(("Министерство", "Совместное обучение"))
    assert values[DCTERMS.issued] in (Literal("2021-05-03", datatype=XSD.date), Literal("2020-06-05", datatype=XSD.date))


def test_english_documents_carry_their_language(tmp_path):
    docs = tmp_path / "docs"
    write_good_documents(docs, 1)
    store = tmp_path / "store"
    assert run_tipgraph("ingest", str(docs), "--store", str(store), "--quiet").returncode == 0
    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store, read_only=True)
    try:
        assert s.ask("ASK { ?d a <https://w3id.org/tipgraph/ontology#Document> ; "
                     "<http://purl.org/dc/terms/source> ?src ; <http://purl.org/dc/terms/language> "
                     "\"en\"^^<http://www.w3.org/2001/XMLSchema#language> FILTER(CONTAINS(?src, 'good-000')) }")
    finally:
        s.close()


def _english_folders() -> list[Path]:
    shared = REPO.parent / "shared"
    if not shared.is_dir():
        shared = Path("/work/shared")
    folders = [REPO / "examples", shared / "seeds", *sorted((shared / "corpora").glob("*/documents"))]
    return [f for f in folders if f.is_dir()]


def test_every_english_release_we_have_is_detected_as_english():
    files = survey(_english_folders()).files
    assert len(files) >= 50, "the examples alone hold more"
    wrong = [(str(p), d.language) for p in files if (d := read_document(p)).language != "en"]
    assert wrong == []
