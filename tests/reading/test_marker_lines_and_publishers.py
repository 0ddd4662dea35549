"""Dateline forms (bar-separated marker lines, a full stop after the date) and the
publisher named in the first line of a scraped page (texts written here; first written
in round six)."""
from __future__ import annotations

from datetime import date

from tipgraph.reading import read_text
from tipgraph.reading.metadata import find_dateline, meta_line

BODY = "The Ministry of Women met IOM on Monday to discuss the plan for shelters in the north of the country."


def test_bar_separated_marker_line_gives_place_and_date():
    assert meta_line("*Press release | Lima | May 10, 2024*") == ("Lima", date(2024, 5, 10))
    assert meta_line("News · Geneva · 3 March 2021") == ("Geneva", date(2021, 3, 3))
    assert meta_line("Home | News | Contact") is None
    assert meta_line("Press release | UNHCR Representation in Lima") is None


def test_bar_separated_marker_line_in_a_page():
    for media in ("text/plain", "text/markdown"):
        doc = read_text(f"A title for the page here\n\n*Press release | Lima | May 10, 2024*\n\n{BODY}\n",
                        media_type=media)
        assert doc.published == date(2024, 5, 10) and doc.dateline_place == "Lima"
        assert doc.title == "A title for the page here"


def test_dateline_with_a_full_stop_after_the_date():
    d = find_dateline("Chisinau, 16 August 2023. Officials of the ministry met a delegation.")
    assert d is not None and d.place == "Chisinau" and d.date == date(2023, 8, 16)
    assert find_dateline("Mr. Smith met the delegation.") is None
    assert find_dateline("Geneva, Switzerland. The talks began.") is None


def test_a_wrapped_first_paragraph_keeps_its_first_line():
    text = ("A title for the page here\n\nSantiago, 5 June 2024\n\n"
            "Chile's Minister of Justice, Marta Rojas, and Peru's\n"
            "Minister of Women, Lucia Vargas, signed today in Arica a joint\n"
            "protocol on the referral of victims of trafficking in persons\n"
            "detected in the border area between the two countries.\n")
    doc = read_text(text)
    assert doc.text.startswith("Chile's Minister of Justice")


def test_publisher_from_the_first_line_of_a_scraped_page():
    text = ("MINISTRY OF INTERIOR OF THE REPUBLIC OF LATVIA\nHome | News | Contacts\n\n"
            f"A title for the page here\n\nRiga, 9 May 2023 – {BODY}\n")
    assert read_text(text).publisher == "MINISTRY OF INTERIOR OF THE REPUBLIC OF LATVIA"
    text = ("Working meeting with the delegation of the Police Office - Local\n\n"
            f"Riga, 9 May 2023 – {BODY}\n")
    assert read_text(text).publisher is None


def test_news_marker_is_not_a_dateline_place():
    doc = read_text(f"NEWS - 3 July 2024\n\nA title for the page here\n\nAmsterdam - {BODY}\n")
    assert doc.dateline_place != "News"
