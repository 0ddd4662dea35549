"""Hosts, partners and occasions of an event (round twelve, issue 15): general rules, each
on sentences written here, not taken from any example set."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text, held, labels


def run(text: str, published: date = date(2022, 3, 9)):
    return extract_text(text, published)


def test_the_occasion_after_on_the_sidelines_of_is_no_participant():
    x = run("The agreement between Chile and Peru was signed by the two foreign ministers on 8 March 2022 "
            "on the sidelines of the United Nations General Assembly in New York.")
    m = held(x)[0]
    names = labels(m.participants)
    assert {"Chile", "Peru"} <= names
    assert not names & {"United Nations", "United Nations General Assembly"}
    assert "New York" in labels(m.locations)


def test_a_launch_in_partnership_with_a_body_is_an_event_of_both():
    x = run("The Government of Moldova, working in partnership with the International Organization for "
            "Migration (IOM), on 8 March 2022 presents its National Programme against Trafficking "
            "for 2022-2025, funded by the European Union.")
    m = held(x)[0]
    assert {"Moldova", "International Organization for Migration"} <= labels(m.participants)
    assert "2022-03-08" in [v.value for v in m.dates]


def test_an_acronym_the_registry_lacks_that_held_the_event_is_its_host():
    x = run("On 7 March 2022 ZORAP, in partnership with UNICEF, held a two-day workshop for social workers "
            "in Lusaka. Officials of Zambia and Malawi took part.")
    m = held(x)[0]
    assert "ZORAP" in labels(m.organizers)
    assert "United Nations Children's Fund" in labels(m.participants)


def test_a_body_that_trained_a_number_of_officers_held_a_training():
    x = run("Acting on the plan, the International Organization for Migration (IOM) trained 30 labour "
            "inspectors of the Ministry of Labour of Kenya from 1 to 3 March 2022 under a project funded by Japan.")
    m = held(x)[0]
    assert {"International Organization for Migration"} <= labels(m.participants)
    assert "Japan" not in labels(m.participants)
    assert "2022-03-01" in [v.value for v in m.dates]


def test_what_a_state_had_trained_before_is_no_event():
    x = run("Kenya had trained 140 border officers with IOM in recent years, the minister said.")
    assert not held(x)


def test_a_body_whose_support_an_event_was_held_with_takes_part():
    x = run("On 8 March 2022 the regional meeting of the Bali Process in Jakarta was held with support from UNHCR.")
    m = held(x)[0]
    assert "Office of the United Nations High Commissioner for Refugees" in labels(m.participants)


def test_a_body_that_only_funded_the_event_takes_no_part():
    x = run("Officials of Laos and Cambodia met in Vientiane on 8 March 2022. The meeting was funded by Japan.")
    m = held(x)[0]
    assert "Japan" not in labels(m.participants)
