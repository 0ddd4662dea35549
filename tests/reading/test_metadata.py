"""Dates and datelines in the forms press releases use."""
from __future__ import annotations

from datetime import date

import pytest

from tipgraph.reading.metadata import (date_line, find_dateline, parse_date, readable_place,
                                       release_marker, take_fields)


@pytest.mark.parametrize("text", ["28 May 2019", "May 28, 2019", "2019-05-28", "28.05.2019",
                                  "28th of May 2019", "Tuesday, 28 May 2019", "28 May, 2019",
                                  "28/05/2019", "Published on May 28th, 2019"])
def test_parse_date_forms(text):
    assert parse_date(text) == date(2019, 5, 28)


@pytest.mark.parametrize("text", ["Article 127-1", "in 2001-2003", "4.4 million", "31.02.2019",
                                  "no date here", "May 2019"])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("line,expected", [
    ("02 May 2018", date(2018, 5, 2)),
    ("Date: 3 March 2021", date(2021, 3, 3)),
    ("Published: 2021-03-03 | 10:30", date(2021, 3, 3)),
    ("Press Release 02 May 2018", date(2018, 5, 2)),
    ("Monday, March 1, 2021", date(2021, 3, 1)),
    ("Posted on 4 April 2022 by Editor", date(2022, 4, 4)),
    ("On 2 May 2018 the ministry met the agency.", None),
    ("The Year 2018", None),
])
def test_date_line(line, expected):
    assert date_line(line) == expected


@pytest.mark.parametrize("para,place,when,org", [
    ("MOSCOW, 20 November 2009 - The Special Representative met", "Moscow", date(2009, 11, 20), None),
    ("Moscow – On May 28, 2019, representatives met", "Moscow", date(2019, 5, 28), None),
    ("Geneva – On 3 March 2021 the agency", "Geneva", date(2021, 3, 3), None),
    ("ASHGABAT (IOM) – The agency organized", "Ashgabat", None, "IOM"),
    ("NEW YORK, 28.05.2019 — The council", "New York", date(2019, 5, 28), None),
    ("BOSNIA AND HERZEGOVINA – The mission", "Bosnia and Herzegovina", None, None),
    ("Vienna, Austria, 5 May 2020 – The office", "Vienna", date(2020, 5, 5), None),
    ("Chisinau – The national committee", "Chisinau", None, None),
    ("VIENNA, 30 July 2021 (UN Information Service) - On the world day", "Vienna",
     date(2021, 7, 30), "UN Information Service"),
])
def test_datelines(para, place, when, org):
    found = find_dateline(para)
    assert found is not None
    assert (found.place, found.date, found.org) == (place, when, org)


@pytest.mark.parametrize("para", [
    "The Special Representative – who arrived on Monday – met officials.",
    "In Moscow, the Special Representative held talks.",
    "IOM – the UN Migration Agency – opened an office.",
    "Ms. Smith – the coordinator – said so.",
    "Participants from three countries attended the event.",
    "Combating trafficking – a shared task – needs data.",
])
def test_not_datelines(para):
    assert find_dateline(para) is None


def test_readable_place():
    assert readable_place("MOSCOW") == "Moscow"
    assert readable_place("ST. PETERSBURG") == "St. Petersburg"
    assert readable_place("Nur-Sultan") == "Nur-Sultan"
    assert readable_place("BISHKEK/ALMATY") == "Bishkek/Almaty"


def test_release_marker():
    assert release_marker("Press release") == (None, None)
    assert release_marker("Press Release by Example NGO") == ("Example NGO", None)
    assert release_marker("News release, 4 June 2021") == (None, date(2021, 6, 4))
    assert release_marker("Press releases are published weekly") is None


def test_fields_value_on_next_line_and_next_key():
    lines, fields = take_fields(["- Date:", "- Place:", "- ODESA", "- Source:", "- Example Office",
                                 "- Topics:", "- Migration, Gender", "Body sentence stays."])
    assert lines[-1] == "Body sentence stays." and not any(lines[:-1])
    assert (fields.date, fields.place, fields.publisher) == (None, "Odesa", "Example Office")
