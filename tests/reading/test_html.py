"""HTML pages: main text via trafilatura or the lxml fallback, page metadata, no XXE."""
from __future__ import annotations

from tipgraph.reading import read_document, read_text
from tipgraph.reading.html import extract_html, sanitise_markup


def test_article_page(fixtures_dir):
    doc = read_document(fixtures_dir / "release.html")
    assert doc.media_type == "text/html"
    assert doc.title == "Ministry and partners open a shelter in Vilnius"
    assert str(doc.published) == "2021-03-04"
    assert doc.publisher == "Example Ministry of the Interior"
    assert doc.dateline_place == "Vilnius"
    assert doc.contacts == ["Ruta Placeholder, Head of Communications"]
    paras = doc.text.split("\n\n")
    assert paras[0].startswith("VILNIUS, 4 March 2021 – The Ministry of the Interior")
    assert len(paras) == 4
    for absent in ("tracking", "color", "About the ministry", "All rights reserved",
                   "ruta@example.lt", "+370", "Media contact"):
        assert absent not in doc.text, absent


def test_short_page_keeps_its_paragraphs(fixtures_dir):
    doc = read_document(fixtures_dir / "short.html")
    assert doc.text.split("\n\n") == [
        "ASHGABAT (IOM) – Officials of the State Migration Service visited a border crossing "
        "point with the agency's experts on 5 May 2018.",
        "They discussed how to refer possible victims to shelters.",
    ]
    assert (doc.dateline_place, doc.publisher) == ("Ashgabat", "IOM")
    assert doc.title == "Joint visit"


def test_external_entity_is_not_resolved(tmp_path):
    page = ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
            "<html><body><p>BERLIN – The federal police reported &e; new cases of forced labour "
            "in agriculture on Monday.</p><p>Second paragraph about &e; shelters.</p>"
            "</body></html>")
    path = tmp_path / "xxe.html"
    path.write_text(page)
    doc = read_document(path)
    assert "root:" not in doc.text and "/bin/" not in doc.text and "&e;" not in doc.text
    assert "federal police reported" in doc.text


def test_sanitise_removes_dtd_and_entities():
    cleaned = sanitise_markup('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>x</p>')
    assert cleaned == "<p>x</p>"


def test_fallback_when_trafilatura_finds_nothing():
    page = extract_html("<html><body><nav>Menu</nav><div>Only one line of text here.</div>"
                        "<footer>Footer</footer><script>alert(1)</script></body></html>")
    assert "Only one line of text here." in page.text
    assert "alert" not in page.text and "Footer" not in page.text


def test_meta_publisher_and_time_element():
    doc = read_text(
        "<html><head><meta name='publisher' content='Example Office'><title>T</title></head>"
        "<body><article><h1>Office hosts expert meeting</h1><time datetime='2019-05-28'>28 May"
        "</time><p>The office hosted experts from three countries to compare how labour "
        "inspectors detect forced labour.</p></article></body></html>",
        media_type="text/html")
    assert doc.publisher == "Example Office"
    assert str(doc.published) == "2019-05-28"
    assert doc.text.startswith("The office hosted experts")
