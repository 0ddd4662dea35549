"""Contact blocks become names and organisations; contact details never survive."""
from __future__ import annotations

import pytest

from tipgraph.reading import read_text
from tipgraph.reading.contacts import clean_contact, extract_contacts, scrub_details


@pytest.mark.parametrize("block,expected", [
    (["For further information, please call", "Jane Doe", "Example Agency Geneva",
      "Tel: +41 22 000 00 00", "E-mail:", '"mailto:jdoe@example.int" target="_blank" title=',
      '"">jdoe@example.int'], "Jane Doe, Example Agency Geneva"),
    (["For more information, please contact Jane Doe, Press Officer, Example Agency Geneva, "
      "tel. +41 22 000 0000, email: jdoe@example.int"], "Jane Doe, Press Officer, Example Agency Geneva"),
    (["Media contact:", "", "John Roe | Spokesperson | Ministry of Interior",
      "M: +1 (202) 555-0100 | john.roe@example.gov", "www.example.gov"],
     "John Roe, Spokesperson, Ministry of Interior"),
    (["Contact:", "Anna Sample, Communications Officer, Example NGO (anna [at] example.org)"],
     "Anna Sample, Communications Officer, Example NGO"),
    (["For more information:", "Example Office press team", "https://example.org/press"],
     "Example Office press team"),
])
def test_blocks(block, expected):
    lines, contacts = extract_contacts(["Body sentence.", *block])
    assert contacts == [expected]
    assert lines[0] == "Body sentence." and not any(lines[1:])


def test_block_stops_at_prose_and_blank():
    lines = ["Contact:", "Jane Doe, Example Agency", "",
             "The agency has worked in the country since 1995 and runs three offices."]
    out, contacts = extract_contacts(lines)
    assert contacts == ["Jane Doe, Example Agency"]
    assert out[-1] == lines[-1]


def test_sentence_about_contacts_is_not_a_block():
    lines = ["Contacts between the two agencies have improved since the meeting."]
    assert extract_contacts(lines) == (lines, [])


def test_clean_contact_drops_details_only_entries():
    assert clean_contact("Tel: +7 495 000 00 00\nE-mail: a@b.org") == ""


def test_scrub_keeps_figures_and_dates():
    text = ("In 2001-2003 a 4.4 million Euro programme (Article 127-1) ran for 30 months; "
            "call +380 44 000 00 00 or write to help@example.org.")
    scrubbed = scrub_details(text)
    for kept in ("2001-2003", "4.4 million", "Article 127-1", "30 months"):
        assert kept in scrubbed
    assert "+380" not in scrubbed and "help@" not in scrubbed


def test_details_in_body_are_scrubbed_and_block_removed():
    doc = read_text(
        "BAKU – The hotline (tel. +994 12 000 00 00) received 300 calls in its first month, "
        "the ministry said.\nMore help is available at info@example.az for foreign victims.\n\n"
        "Media contacts:\nLeyla Sample, Press Secretary, Ministry of Internal Affairs\n"
        "leyla@example.az | +994 50 000 00 00\n")
    assert "@" not in doc.text and "+994" not in doc.text and "Leyla" not in doc.text
    assert "300 calls" in doc.text
    assert doc.contacts == ["Leyla Sample, Press Secretary, Ministry of Internal Affairs"]
