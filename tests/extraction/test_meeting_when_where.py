"""When and where a meeting took place: general rules of round twelve (from the real-page
sets' misses), each on sentences written here, not taken from any example set."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text, held, labels


def run(text: str, published: date | None = date(2024, 5, 10), dateline: str | None = None):
    return extract_text(text, published, dateline=dateline)  # type: ignore[arg-type]


def days(m) -> list[str]:
    return [v.value for v in m.dates]


def test_a_town_the_registry_lacks_named_before_its_state_is_the_venue():
    x = run("UNICEF and the Ministry of Justice of Georgia held a seminar in Borjomi Valley, Georgia, "
            "on 3 May.")
    assert "Borjomi Valley" in labels(held(x)[0].locations)


def test_a_town_that_was_the_venue():
    x = run("Mwanza, Tanzania, was the venue of a workshop of IOM and the Ministry of Home Affairs "
            "of Tanzania.")
    assert "Mwanza" in labels(held(x)[0].locations)


def test_a_dateline_with_a_hyphen_opening_a_body_sentence_is_where_the_event_was():
    x = run("Lilongwe - IOM and the Ministry of Homeland Security of Malawi held a consultation on "
            "victim referral. Officials of the Department of Immigration of Malawi attended.")
    m = held(x)[0]
    assert "Lilongwe" in labels(m.locations)
    assert "International Organization for Migration" in labels(m.participants)


def test_a_newspaper_masthead_is_no_dateline():
    from tipgraph.reading.metadata import find_dateline

    assert find_dateline("CHAIRMAN: DR. SAMIR BIN HAMAD AL ZAHRANI AL OTAIBI") is None
    assert find_dateline("EDITOR: PROF. LAYLA BINT SAAD AL QAHTANI AL HARBI") is None


def test_a_posting_time_and_a_year_glued_to_its_comma_still_date_the_page():
    from tipgraph.reading.metadata import date_line, meta_line

    assert date_line("Published: 09:15, Mar 4,2021") == date(2021, 3, 4)
    assert meta_line("Ana Lima | Published: 09:15, Mar 4,2021") == (None, date(2021, 3, 4))


def test_a_byline_beside_the_date_is_no_place():
    from tipgraph.reading.metadata import meta_line

    assert meta_line("March 4, 2021 | Posted by The Harbour Herald staff") == (None, date(2021, 3, 4))
