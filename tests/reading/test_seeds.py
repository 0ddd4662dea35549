"""The five real press releases in ../shared/seeds read cleanly."""
from __future__ import annotations

import re
from datetime import date

import pytest

from tipgraph.reading import read_document

pytestmark = pytest.mark.shared

EXPECTED = {
    # file prefix: (title starts with, published, dateline place, publisher)
    "000_": ("Working meeting with representatives of the General Prosecutor", date(2019, 5, 28),
             "Moscow", None),
    "001_": ("Prevention of Human Trafficking", None, None, None),
    "002_": ("Important to step up coordination of anti-trafficking efforts", None, None, None),
    "003_": ("Experts Agree on Cooperation as Key", date(2018, 5, 2), None, None),
    "004_": ("OSCE Special Representative meets Russian officials", date(2009, 11, 20),
             "Moscow", "OSCE Secretariat"),
}


def _seeds(shared_dir):
    files = sorted((shared_dir / "seeds").glob("*.txt"))
    assert files
    return files


def test_seed_metadata(shared_dir):
    for path in _seeds(shared_dir):
        expected = EXPECTED.get(path.name[:4])
        if expected is None:
            continue
        doc = read_document(path)
        title, published, place, publisher = expected
        assert doc.title and doc.title.startswith(title), (path.name, doc.title)
        assert doc.published == published, path.name
        assert doc.dateline_place == place, path.name
        assert doc.publisher == publisher, path.name


def test_seed_text_is_clean(shared_dir):
    for path in _seeds(shared_dir):
        doc = read_document(path)
        paras = doc.text.split("\n\n")
        assert len(paras) >= 3, path.name
        assert not re.search(r"[\w.]+@[\w.]+", doc.text), path.name
        assert "mailto" not in doc.text and "Tel:" not in doc.text
        for para in paras:
            assert "\n" not in para
            assert not para.startswith("- "), (path.name, para)
            assert para != "-"
            # every paragraph is prose: it ends a sentence (a hard-wrapped line would not)
            assert re.search(r"[.!?…][\"”’)]*$", para), (path.name, para[-60:])
        lines = set(paras)
        for furniture in ("Albania", "Andorra", "Who we are", "Our Work", "What We Do",
                          "Fields of work", "Press release", "Press Release", "News", "Local",
                          "SDG 17 - Partnerships for the Goals", "2022 Assembly", "IOM",
                          "Goals we are supporting through this initiative"):
            assert furniture not in lines, (path.name, furniture)
        assert not any(p.startswith("SDG") for p in paras)
        if doc.title:
            assert paras.count(doc.title) == 0, path.name


def test_seed_contacts(shared_dir):
    docs = {p.name[:4]: read_document(p) for p in _seeds(shared_dir)}
    if "001_" in docs:
        contacts = docs["001_"].contacts
        assert len(contacts) == 1
        assert "Maria Melnikova" in contacts[0] and "IOM Moscow" in contacts[0]
        assert not re.search(r"\d{3}|@|mailto|Tel", contacts[0])
        assert "Melnikova" not in docs["001_"].text


def test_seed_byline_stays_and_dateline_kept(shared_dir):
    docs = {p.name[:4]: read_document(p) for p in _seeds(shared_dir)}
    if "002_" in docs:
        assert docs["002_"].text.split("\n\n")[-1].startswith("Adapted by ")
    if "004_" in docs:
        assert docs["004_"].text.startswith("MOSCOW, 20 November 2009 - ")
    if "000_" in docs:
        assert docs["000_"].text.startswith("Moscow – On May 28, 2019, ")
