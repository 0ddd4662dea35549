"""Ratifications told by laws, lists and entry into force; protocols named through their
treaty; lists of ministries and of bodies (sentences written here)."""
from __future__ import annotations

from datetime import date

from tipgraph.extraction import extract
from tipgraph.reading import read_text
from tipgraph.resolution import Resolver
from tipgraph.testing.extraction import extract_text, held, names


def _rats(text: str, published: date = date(2021, 5, 4)):
    return {(r.state.label, r.instrument.label, r.date.value if r.date else None)
            for r in extract_text(text, published).ratifications}


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(s, i) for s, i, _ in _rats(text)}


def test_the_protocol_to_a_treaty_is_the_protocol_not_the_treaty():
    rats = _pairs("Yesterday Kenya ratified the Protocol to the Forced Labour Convention, the ILO said.")
    assert rats == {("Kenya", "Protocol of 2014 to the Forced Labour Convention, 1930")}


def test_a_protocol_of_a_treaty_with_several_needs_its_own_word():
    # the Convention against Transnational Organized Crime has three protocols: the sentence
    # must say which one
    rats = _pairs("In March Ghana acceded to the Protocol to the United Nations Convention against "
                  "Transnational Organized Crime.")
    assert not any(i.startswith("Protocol against") or i.startswith("Protocol to Prevent") for _, i in rats)


def test_the_states_a_treaty_enters_into_force_for_ratified_it():
    rats = _pairs("The Council of Europe Convention on Action against Trafficking in Human Beings opened "
                  "for signature in 2005. For Iceland, Malta and Portugal, the Convention takes effect on "
                  "1 June.")
    assert {s for s, _ in rats} == {"Iceland", "Malta", "Portugal"}


def test_the_first_countries_to_ratify_a_treaty_listed_after_a_colon():
    rats = _pairs("The Council of Europe Convention on Action against Trafficking in Human Beings is now "
                  "in force for the first countries to ratify it: Latvia, Norway and Poland.")
    assert {s for s, _ in rats} == {"Latvia", "Norway", "Poland"}


def test_a_law_on_the_ratification_of_a_treaty_is_the_states_ratification():
    x = extract_text("In its session of 3 May 2021 the Parliament of Armenia adopted the Law on the Ratification "
                     "of the Council of Europe Convention on Action against Trafficking in Human Beings.", date(2021, 5, 4))
    rats = {(r.state.label, r.instrument.label, r.act) for r in x.ratifications}
    assert ("Armenia", "Council of Europe Convention on Action against Trafficking in Human Beings", "ratified") in rats


def test_a_bill_not_yet_passed_is_no_ratification():
    assert not _pairs("A Bill on the Ratification of the Palermo Protocol was sent to the Parliament of Chile.")


def test_hereby_ratified_takes_the_date_of_the_act_not_the_treaty():
    doc = read_text("Law of the Republic of Tajikistan of 2 March 2019 No. 12\n\n"
                    "The Protocol to Prevent, Suppress and Punish Trafficking in Persons, adopted in New York "
                    "on 15 November 2000, is hereby ratified on 2 March 2019.\n")
    rats = {(r.state.label, r.instrument.label, r.date.value if r.date else None)
            for r in extract(doc, Resolver()).ratifications}
    assert rats == {("Tajikistan", "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially "
                     "Women and Children", "2019-03-02")}


def test_a_list_of_ministries_whose_items_hold_their_own_and():
    x = extract_text("On 4 May 2021 IOM met officials of the Ministries of the Interior, Labour and Social "
                     "Policy, Health and Justice in Podgorica, Montenegro.", date(2021, 5, 4))
    got = names(held(x)[0].participants)
    assert any("Labour" in n and "Social" in n for n in got), got
    assert not any(n.startswith("Ministry of Social Policy") for n in got), got
    assert any("Health" in n for n in got) and any("Justice" in n for n in got), got


def test_and_the_opens_a_second_body():
    x = extract_text("On 4 May 2021 the delegation met the State Labour Inspectorate and the Child Rights "
                     "Protection and Adoption Service of Latvia in Riga.", date(2021, 5, 4))
    got = names(held(x)[0].participants)
    assert any(n.startswith("State Labour Inspectorate") for n in got)
    assert any(n.startswith("Child Rights Protection and Adoption Service") for n in got)


def test_a_remit_told_with_and_before_minister():
    x = extract_text("On 4 May 2021 Labour and Social Policy Minister Darko Ilic of Serbia met IOM in "
                     "Belgrade.", date(2021, 5, 4))
    aff = {p.person.label: p.affiliation.label if p.affiliation else None for p in x.persons}
    assert aff.get("Darko Ilic") and "Labour" in aff["Darko Ilic"] and "Social" in aff["Darko Ilic"]


def test_a_gerund_remit_is_not_a_glued_name():
    x = extract_text("On 4 May 2021 IOM met the Council for Combating Illegal Migrations of Serbia in Belgrade.",
                     date(2021, 5, 4))
    assert any(n.startswith("Council for Combating Illegal Migrations") for n in names(held(x)[0].participants))


def test_a_place_and_date_line_with_a_credit_after_it():
    doc = read_text("Ministers sign agreements against trafficking\n\nSkopje, 9 October 2018, press office\n\n"
                    "Today the Minister of the Interior of North Macedonia and IOM signed an agreement.\n")
    assert doc.dateline_place == "Skopje" and str(doc.published) == "2018-10-09"


def test_a_paragraph_opening_a_quotation_starts_the_body():
    doc = read_text("NEWS DAILY\nHome | World | Sport\n\nPresident backs the treaty\n\n"
                    "\"The President has signed the law on joining the Protocol of the Labour Organization\n"
                    "Convention on forced labour,\" the ministry said.\n\nMore text follows here.\n")
    assert doc.text.startswith("\"The President has signed")


def test_a_preposition_opening_a_sentence_is_not_part_of_a_body():
    x = extract_text("On 4 May 2021 the senators met officials of Peru in Lima to discuss trafficking. With Federal "
                     "Police Commissioner General Ana Ruiz, and with the Deputy Minister of Interior, they "
                     "discussed border checks.", date(2021, 5, 4))
    assert not any(n.startswith("With ") for m in x.meetings for n in names(m.participants))


def test_two_remits_joined_by_and_before_a_head_are_one_body():
    x = extract_text("On 4 May 2021 IOM met the Department of Health and Social Services of Belize in Belmopan.",
                     date(2021, 5, 4))
    got = names(held(x)[0].participants)
    assert any(n.startswith("Department of Health and Social Services") for n in got), got


def test_a_demonym_before_a_post_names_the_ministrys_state():
    x = extract_text("On 4 May 2021 Korean Deputy Minister of Justice Shin Jae-Hyun met the Minister of Interior "
                     "of Cambodia in Phnom Penh.", date(2021, 5, 4))
    aff = {p.person.label: p.affiliation.label if p.affiliation else None for p in x.persons}
    assert aff.get("Shin Jae-Hyun") == "Ministry of Justice of South Korea", aff


def test_a_list_of_recommendations_is_not_a_list_of_participants():
    doc = read_text("Experts meet on trafficking\n\nOn 4 May 2021 IOM and the Ministry of Interior of Qatar held a "
                    "meeting in Doha.\n\nThe meeting discussed many issues and came up with these recommendations:\n"
                    "• Build partnerships with UNICEF and the Supreme Judicial Council.\n"
                    "• Train police officers.\n")
    x = extract(doc, Resolver())
    got = names(held(x)[0].participants)
    assert "UNICEF" not in got and not any("Judicial" in n for n in got), got


def test_the_body_a_headline_opens_with_hosts_the_event():
    doc = read_text("IOM Trains Border Officials on Victim Identification\n\nOn 4 May 2021 officials of the "
                    "Ministry of Interior and the Ministry of Labour of Jordan took part in a workshop in Amman.\n")
    x = extract(doc, Resolver())
    assert "International Organization for Migration" in {e.label for e in held(x)[0].organizers}


def test_a_public_prosecution_is_a_body_of_its_own():
    x = extract_text("On 4 May 2021 officials of the Ministry of Interior and of the Public Prosecution of Qatar "
                     "met UNODC in Doha.", date(2021, 5, 4))
    got = names(held(x)[0].participants)
    assert not any(n.startswith("Ministry of the Public Prosecution") for n in got), got
    assert any(n.startswith("Public Prosecution") for n in got), got


def test_states_named_as_the_countries_a_discussion_is_about_took_no_part():
    x = extract_text("On 4 May 2021 IOM and the Ministry of Interior of Ghana met in Accra to discuss how trafficking "
                     "can be fought in five West African countries, namely Ghana, Togo, Benin, Nigeria and Cameroon.",
                     date(2021, 5, 4))
    got = {e.label for e in held(x)[0].participants}
    assert not {"Togo", "Benin", "Cameroon"} & got, got


def test_every_country_that_has_ratified_it_then_a_dashed_list():
    rats = _pairs("The Protocol of 2014 to the Forced Labour Convention enters into force today. Every country "
                  "that has ratified it - Niger, Norway and Panama - must now apply it.")
    assert {s for s, _ in rats} >= {"Niger", "Norway", "Panama"}


STATUS_PAGE = """Treaty Library | Home | Search | Status
UNITED NATIONS CONVENTION AGAINST CORRUPTION

Status of the Convention as last reported by the depositary.

Participant | Signature | Ratification, Accession (a) | Notes

Fiji | | 14 May 2008 a |

Palau | 24 Mar 2009 | 24 Mar 2009 |

Tonga | 12 Dec 2003 | |

Samoa | 9 Dec 2003 | 18 Apr 2018 |
"""


def test_a_status_table_gives_the_states_with_a_ratification_date():
    x = extract(read_text(STATUS_PAGE), Resolver())
    got = {(r.state.label, r.act, r.date.value if r.date else None) for r in x.ratifications}
    assert got == {("Fiji", "acceded", "2008-05-14"), ("Palau", "ratified", "2009-03-24"),
                   ("Samoa", "ratified", "2018-04-18")}, got
    assert {r.instrument.label for r in x.ratifications} == {"United Nations Convention against Corruption"}


def test_a_bar_menu_without_a_ratification_column_stays_furniture():
    doc = read_text("Site | Home | News | Contact\nAbout | Team | Jobs | Press\nMore | Links | Help | Login\n"
                    "Ghana | Togo | Benin | Niger\n\nOn 3 May 2021 IOM met the Minister of Interior of Ghana in Accra.\n")
    assert "|" not in doc.text


def test_a_treaty_that_would_take_effect_for_a_state_is_no_ratification():
    assert not _pairs("The Council of Europe Convention on Action against Trafficking in Human Beings would take "
                      "effect for Ireland and Malta only if their parliaments approved it.")


STACKED_PAGE = """Treaty Finder
Treaties | States | Topics | Help

United Nations Convention against Corruption, 2003

In force since 14 December 2005

Participant Signature date Ratification date Notes
 Togo

-

6 July 2005

Declaration
"Togo names its Ministry of Justice as the authority for mutual legal assistance under the Convention."
-
 Nauru

-

12 July 2012

- -
 Oman

-

-

- -
 Peru

10 Dec 2003

16 Nov 2004

- -
"""


def test_a_status_table_laid_out_one_cell_a_line_gives_each_row():
    x = extract(read_text(STACKED_PAGE), Resolver())
    got = {(r.state.label, r.date.value if r.date else None) for r in x.ratifications}
    assert got == {("Togo", "2005-07-06"), ("Nauru", "2012-07-12"), ("Peru", "2004-11-16")}, got
    assert {r.instrument.label for r in x.ratifications} == {"United Nations Convention against Corruption"}


def test_a_header_with_one_line_per_column_and_bars_after_each_cell():
    page = ("The states below deposited their instruments with the Secretary-General of the United "
            "Nations for the United Nations Convention against Corruption.\n\nStates: |\n"
            "Date of deposit of the instrument of ratification or accession: |\nGhana |\n21 August 2012 |\n"
            "Nauru |\n12 July 2012 |\nBurundi |\n24 May 2012 |\n")
    x = extract(read_text(page), Resolver())
    assert {r.state.label for r in x.ratifications} == {"Ghana", "Nauru", "Burundi"}
