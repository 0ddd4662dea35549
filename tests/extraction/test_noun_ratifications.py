"""Ratifications and accessions told as nouns (sentences written here)."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text


def _rats(text: str):
    return {(r.state.label, r.instrument.label) for r in extract_text(text, date(2023, 4, 2)).ratifications}


def test_a_states_accession_told_as_a_noun():
    rats = _rats("On 20 March 2023 the envoy delivered the instrument of Nepal's accession to the United "
                 "Nations Convention against Transnational Organized Crime.")
    assert ("Nepal", "United Nations Convention against Transnational Organized Crime") in rats


def test_with_its_ratification_the_state_named_after_it():
    rats = _rats("With its ratification of the Council of Europe Convention on Action against Trafficking "
                 "in Human Beings, Ireland joins the other member states.")
    assert any(s == "Ireland" for s, _ in rats)


def test_the_convention_that_names_a_protocol_is_not_ratified():
    rats = _rats("With its ratification of the Protocol of 2014 to the Forced Labour Convention, 1930, Niger "
                 "leads the way.")
    assert all("Protocol" in i for _, i in rats) and rats


def test_an_announced_deposit_gives_nothing():
    assert not _rats("Kenya will deposit its instrument of ratification of the United Nations Convention "
                     "against Transnational Organized Crime next year.")


def test_a_list_of_ratifications_after_a_count():
    from tipgraph.reading import read_text
    from tipgraph.extraction import extract
    from tipgraph.resolution import Resolver
    doc = read_text("The United Nations Convention against Transnational Organized Crime has its 60th Party\n\n"
                    "GENEVA, 2 April 2004 - Peru deposited its instrument of ratification of the United Nations "
                    "Convention against Transnational Organized Crime today.\n\n"
                    "The Convention now has the following 60 ratifications, listed alphabetically:\n"
                    "Albania, Algeria, Argentina, Armenia,\nBelarus, Belgium, Brazil,\n...\n")
    states = {r.state.label for r in extract(doc, Resolver()).ratifications}
    assert {"Albania", "Belarus", "Brazil"} <= states, states
