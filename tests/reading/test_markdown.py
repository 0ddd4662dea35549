"""Markdown releases: front matter and headings give the metadata, markup goes."""
from __future__ import annotations

from tipgraph.reading import read_document


def test_markdown_release(fixtures_dir):
    doc = read_document(fixtures_dir / "release.md")
    assert doc.media_type == "text/markdown"
    assert doc.title == "National rapporteur presents annual report"
    assert str(doc.published) == "2023-10-18"
    assert doc.publisher == "Example Office of the National Rapporteur"
    assert doc.dateline_place == "The Hague"
    assert doc.text == (
        "THE HAGUE – The national rapporteur on trafficking in human beings presented her annual "
        "report to parliament on Wednesday. The report counts more victims of labour "
        "exploitation than in any year before.")
    assert doc.contacts == ["press office"]
