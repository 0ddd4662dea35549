"""Where a page's body ends and which heading is its title (pages written here)."""
from __future__ import annotations

from tipgraph.reading import read_text


def test_a_paragraph_cut_off_in_its_last_sentence_keeps_its_whole_sentences():
    doc = read_text("Kuwait City (14 May 2019) - The delegation met the Minister of Justice on its first\n"
                    "day, and the Public Authority for Manpower later in the week.\n\n"
                    "On the last day the delegation met the Supreme Court and the Public Prosecution\n"
                    "to discuss how victims are identified by courts and prosecutors across the\n"
                    "country. At the\n\nShare | Print\n")
    assert "Supreme Court" in doc.text
    assert "Share" not in doc.text


def test_a_headline_of_four_words_or_more_beats_a_short_section_label_above_it():
    doc = read_text("Statements Special Procedures\n\nPreliminary findings on the visit to Kuwait\n\n"
                    "Kuwait City (14 May 2019) - The Special Rapporteur ended her visit to Kuwait today.\n")
    assert doc.title == "Preliminary findings on the visit to Kuwait"


def test_a_date_line_with_its_weekday_after_the_date_is_the_publication_date():
    import datetime as dt

    doc = read_text("News\n\nFour states create a working group\n\n29 June 2022 Wednesday 12:55\n\n"
                    "The governments of four states made public a working group against trafficking, "
                    "agreed at a meeting in Washington on Tuesday.\n")
    assert doc.published == dt.date(2022, 6, 29)
