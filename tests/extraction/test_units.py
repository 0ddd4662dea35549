"""Extraction rules on short sentences written for these tests."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from tipgraph.extraction import extract
from tipgraph.extraction.amounts import parse_amounts, parse_durations
from tipgraph.extraction.dates import find_dates
from tipgraph.extraction.sentences import split_sentences
from tipgraph.model import DateValue, SourceDocument


def doc(text: str, published: date | None = date(2021, 6, 10), **kw) -> SourceDocument:
    return SourceDocument(path="/tmp/unit.txt", text=text, published=published, **kw)


# -- sentences, dates, amounts ---------------------------------------------------------
def test_sentences_keep_abbreviations():
    s = split_sentences("Mr. Ivan Petrov met the U.S. Ambassador in St. Gallen. Dr. Kim agreed. A new one.")
    assert [x.text for x in s] == ["Mr. Ivan Petrov met the U.S. Ambassador in St. Gallen.", "Dr. Kim agreed.", "A new one."]


def test_sentences_never_cross_paragraphs():
    s = split_sentences("A title without a stop\n\nThe body starts here.")
    assert len(s) == 2 and s[1].paragraph == 1


def test_dates_absolute_and_relative():
    pub = date(2021, 6, 10)
    assert find_dates("On 3 March 2020 the sides met", pub)[0].values == (DateValue("2020-03-03", "day"),)
    assert find_dates("held on March 3, 2020", pub)[0].values == (DateValue("2020-03-03", "day"),)
    assert find_dates("in April 2019", pub)[0].values == (DateValue("2019-04", "month"),)
    assert find_dates("a meeting in 2012", pub)[0].values == (DateValue("2012", "year"),)
    assert find_dates("the talks held yesterday", pub)[0].values == (DateValue("2021-06-09", "day"),)
    span = find_dates("a three-day seminar that concluded today", pub)[0].values
    assert [v.value for v in span] == ["2021-06-08", "2021-06-09", "2021-06-10"]


def test_amounts_and_durations():
    assert [(a, c) for *_, a, c in parse_amounts("a 2.5 million euro budget")] == [(Decimal(2500000), "EUR")]
    assert [(a, c) for *_, a, c in parse_amounts("US$ 640,000 in grants")] == [(Decimal(640000), "USD")]
    assert [(a, c) for *_, a, c in parse_amounts("3.1 million Swiss francs")] == [(Decimal(3100000), "CHF")]
    assert [(a, c) for *_, a, c in parse_amounts("£120,000 from London")] == [(Decimal(120000), "GBP")]
    assert [m for *_, m in parse_durations("a 24-month effort")] == [24]
    assert [m for *_, m in parse_durations("a two-year effort")] == [24]
    assert [m for *_, m in parse_durations("over 15 months")] == [15]
    assert parse_durations("a 17-year-old girl") == []


# -- persons ------------------------------------------------------------------------------
def test_person_apposition_and_title_before(resolver):
    x = extract(doc(
        "Chisinau – Olga Marin, Deputy Head of the Legal Department of the Ministry of Justice of Moldova, "
        "met IOM experts today. IOM Moldova Chief of Mission, Pieter Jansen, opened the meeting."), resolver)
    people = {p.person.label: p for p in x.persons}
    assert "Olga Marin" in people and "Pieter Jansen" in people
    assert people["Pieter Jansen"].affiliation.label == "International Organization for Migration"
    assert "Legal Department" in people["Olga Marin"].title
    assert people["Olga Marin"].affiliation is not None


def test_minister_title_gets_the_main_countrys_ministry(resolver):
    x = extract(doc("In Chisinau, the OSCE delegation met Foreign Minister Radu Ceban of Moldova "
                    "to discuss co-operation with Moldova."), resolver)
    p = next(p for p in x.persons if p.person.label == "Radu Ceban")
    assert p.affiliation is not None and "Foreign Affairs" in p.affiliation.label


def test_victims_never_become_persons(resolver):
    x = extract(doc("One survivor, Elena Rusu, told the conference how she escaped. "
                    "A 19-year-old woman, Ana Popa, was rescued by the police."), resolver)
    names = {p.person.label for p in x.persons}
    assert "Elena Rusu" not in names and "Ana Popa" not in names


def test_names_without_title_are_not_persons(resolver):
    x = extract(doc("Maria Lungu arrived in Chisinau on Monday."), resolver)
    assert x.persons == []


# -- meetings -----------------------------------------------------------------------------
def test_working_meeting_with_date_place_and_instrument(resolver):
    text = ("Vienna, 4 May 2021 – UNODC held a working meeting with IOM on 4 May 2021 in Vienna. "
            "The participants discussed the implementation of the Palermo Protocol.")
    x = extract(doc(text, date(2021, 5, 4), dateline_place="Vienna"), resolver)
    held = [m for m in x.meetings if m.status == "held"]
    assert len(held) == 1
    m = held[0]
    labels = {e.label for e in m.participants}
    assert {"United Nations Office on Drugs and Crime", "International Organization for Migration"} <= labels
    assert DateValue("2021-05-04", "day") in m.dates
    assert any(e.label == "Vienna" for e in m.locations)
    assert any("Trafficking in Persons" in e.label for e in m.instruments)


def test_cited_actors_do_not_take_part(resolver):
    text = ("IOM met UNODC in Vienna yesterday. According to the OSCE, cases have doubled; "
            "the meeting was funded by the European Union.")
    x = extract(doc(text), resolver)
    labels = {e.label for m in x.meetings for e in m.participants}
    assert "Organization for Security and Co-operation in Europe" not in labels
    assert "European Union" not in labels


def test_planned_meeting_is_not_held(resolver):
    x = extract(doc("IOM and UNODC will hold a conference in Geneva next month."), resolver)
    assert all(m.status == "planned" for m in x.meetings)


def test_past_meeting_in_passing_is_separate(resolver):
    text = ("UNODC met IOM in Vienna today. They recalled the agreement reached during the meeting "
            "between the OSCE and IOM in 2015.")
    x = extract(doc(text), resolver)
    dates = sorted(d.value for m in x.meetings for d in m.dates)
    assert "2015" in dates
    assert len([m for m in x.meetings if m.status == "held"]) == 2


# -- programmes and ratifications -----------------------------------------------------------
def test_programme_funders_budget_duration_regions(resolver):
    text = ("IOM has launched a 24-month, 1.5 million euro project to protect migrants in Moldova. "
            "The project is funded by the European Union with co-financing support from the Swiss and "
            "Norwegian governments.")
    x = extract(doc(text), resolver)
    assert len(x.programmes) == 1
    p = x.programmes[0]
    assert {e.label for e in p.funders} >= {"European Union", "Switzerland", "Norway"}
    assert [e.label for e in p.implementers] == ["International Organization for Migration"]
    assert p.budget_amount == Decimal(1500000) and p.budget_currency == "EUR"
    assert p.duration_months == 24
    assert any(e.label == "Moldova" or "Moldova" in e.label for e in p.regions)


def test_ratification_with_date(resolver):
    x = extract(doc("In 2006, the Parliament of Moldova ratified the Palermo Protocol."), resolver)
    assert [(r.state.label, r.date) for r in x.ratifications] == [("Moldova", DateValue("2006", "year"))]


def test_no_ratification_when_negated(resolver):
    x = extract(doc("Moldova has not yet ratified the Palermo Protocol."), resolver)
    assert x.ratifications == []


def test_entities_cover_every_fact(resolver):
    x = extract(doc("IOM met UNODC in Vienna yesterday."), resolver)
    iris = {e.iri for e in x.entities}
    for m in x.meetings:
        assert all(e.iri in iris for e in m.participants + m.locations)
