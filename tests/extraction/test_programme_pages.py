"""Project pages whose labels sit on lines of their own, donors' own projects and
launches, month ranges (texts written here)."""
from __future__ import annotations

from tipgraph.extraction import extract
from tipgraph.reading import read_text
from tipgraph.resolution import Resolver


def _programmes(text: str):
    return extract(read_text(text), Resolver()).programmes


PAGE = """Support to victims in the Danube region

Budget

EUR 800,000

Main Implementing partner

International Organization for Migration (IOM)

Countries/Region - Serbia, Hungary

Duration: January 2019 - June 2020

The project helps shelters in both countries to assist victims of trafficking.
"""


def test_labels_on_lines_of_their_own_give_their_values():
    (p,) = _programmes(PAGE)
    assert {e.label for e in p.implementers} == {"International Organization for Migration"}
    assert (p.budget_amount, p.budget_currency) == (800000, "EUR")
    assert {e.label for e in p.regions} == {"Serbia", "Hungary"}


def test_a_range_of_whole_months_counts_both_months():
    (p,) = _programmes(PAGE)
    assert p.duration_months == 18


def test_a_wrapped_line_starting_with_a_field_word_is_prose():
    doc = read_text("Leaders trained\n\nOSH, Kyrgyzstan, 17 May 2016 - Leaders from the Osh and Batken\n"
                    "regions - heads of councils and young people - came together for\n"
                    "a course on trafficking and met the police of the region.\n")
    assert "Batken regions - heads" in doc.text, doc.text  # one paragraph, not a field


def test_a_donors_own_project_is_one_it_pays_for():
    ps = _programmes("The USAID Safe Migration Project works with IOM in Nepal. The project is implemented "
                     "by the International Organization for Migration in five districts.")
    assert ps and "United States Agency for International Development" in {e.label for e in ps[0].funders}


def test_a_project_launched_by_a_donor_is_paid_by_it():
    ps = _programmes("Brussels, 3 March 2013 - A new EUR 2 million project launched by the European Union "
                     "will help Albania and Kosovo fight trafficking.")
    assert ps and {e.label for e in ps[0].funders} == {"European Union"}
    assert ps[0].budget_amount == 2000000


def test_press_release_words_inside_a_wrapped_sentence_are_no_marker():
    doc = read_text("Moldova joins project\n\nA new project of the European Union is to strengthen the fight against\n"
                    "trafficking in Moldova and Georgia, and a\npress release of the European Commission says it will "
                    "train police\nofficers in both countries to share data on cases.\n")
    assert doc.text.startswith("A new project of the European Union")
