"""Ratifications told in several forms (sentences written here, issue 15 point 3)."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text

UNTOC = "United Nations Convention against Transnational Organized Crime"
TIP = "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children"


def _rats(text: str):
    return {(r.state.label, r.instrument.label) for r in extract_text(text, date(2024, 5, 6)).ratifications}


def test_both_of_which_gives_each_state_each_treaty():
    rats = _rats("The plan follows the UN Convention against Transnational Organized Crime and the Palermo "
                 "Protocol, both of which Chile and Peru have ratified.")
    assert {("Chile", UNTOC), ("Chile", TIP), ("Peru", UNTOC), ("Peru", TIP)} <= rats


def test_an_instrument_of_acceptance_is_a_ratification():
    rats = _rats("On 3 May 2024 Ghana lodged with the Secretary-General an instrument of acceptance of the UN "
                 "Convention against Corruption.")
    assert ("Ghana", "United Nations Convention against Corruption") in rats


def test_joined_a_treaty():
    assert ("Oman", TIP) in _rats("Oman joined the Palermo Protocol in 2008.")


def test_an_inset_negation_does_not_deny_the_act():
    rats = _rats("The Council of Europe Convention on Action against Trafficking in Human Beings is open to all. "
                 "Morocco, which is not a member of the Council of Europe, acceded to the convention in 2023.")
    assert any(s == "Morocco" for s, _ in rats)


def test_the_treaty_and_it_stand_for_the_last_treaty_named():
    rats = _rats("The Palermo Protocol sets common definitions. Ecuador ratified the treaty in 2002.")
    assert ("Ecuador", TIP) in rats
    rats = _rats("The Palermo Protocol sets common definitions. By 2010 Bolivia had ratified it.")
    assert ("Bolivia", TIP) in rats


def test_words_before_the_head_choose_among_treaties():
    rats = _rats("The Council of Europe Convention on Action against Trafficking in Human Beings and the Lanzarote "
                 "Convention were discussed. Tunisia acceded to the anti-trafficking convention in 2024.")
    assert ("Tunisia", "Council of Europe Convention on Action against Trafficking in Human Beings") in rats


def test_the_state_after_a_city_is_the_place_not_the_actor():
    rats = _rats("On 2 May 2024 the minister of Kenya, in Geneva, Switzerland, deposited the instrument of "
                 "ratification of the Palermo Protocol.")
    assert ("Kenya", TIP) in rats and all(s != "Switzerland" for s, _ in rats)


def test_variant_names_of_the_organized_crime_convention():
    assert ("Fiji", UNTOC) in _rats("Fiji ratified the United Nations Convention on Transnational Organised Crime.")


def test_an_urged_ratification_is_none():
    assert not _rats("The minister urged Kiribati to ratify the Palermo Protocol.")


def test_the_states_after_after_in_a_count_ratified_before():
    rats = _rats("The deposit makes Laos the fourth ASEAN Member State to ratify the ASEAN Convention against "
                 "Trafficking in Persons, Especially Women and Children, after Brunei and Malaysia.")
    assert {s for s, _ in rats} >= {"Laos", "Brunei Darussalam", "Malaysia"}
    rats = _rats("After Fiji, Samoa is now the second country to have ratified the Palermo Protocol.")
    assert {("Fiji", TIP), ("Samoa", TIP)} <= rats


def test_states_that_lodged_their_instruments_each_ratified():
    rats = _rats("On 4 May 2024 Laos and Brunei lodged their instruments of ratification of the ASEAN Convention "
                 "against Trafficking in Persons, Especially Women and Children with the Secretary-General.")
    assert {s for s, _ in rats} >= {"Laos", "Brunei Darussalam"}


def test_both_countries_are_the_two_states_of_the_text():
    text = ("Officials of Chile and Peru met in Lima on 2 May 2024 to discuss border cases. Chile and Peru agreed "
            "to share data. Both countries have already ratified the Palermo Protocol.")
    assert {("Chile", TIP), ("Peru", TIP)} <= _rats(text)
    text = ("Officials of Chile and Peru met in Lima on 2 May 2024. Chile and Peru agreed to act in line with "
            "the Palermo Protocol, to which both states are parties.")
    assert {("Chile", TIP), ("Peru", TIP)} <= _rats(text)
