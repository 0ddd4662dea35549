"""Ministries named by a remit of several parts, and speakers at a reported event
(sentences written here)."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text, held, labels


def run(text: str):
    return extract_text(text, date(2023, 3, 9))


def _affiliations(x) -> dict[str, str | None]:
    return {p.person.label: (p.affiliation.label if p.affiliation else None) for p in x.persons}


def test_a_remit_listed_with_commas_is_one_ministry():
    x = run("On 7 March 2023 in Kathmandu, Gita Thapa, Minister for Women, Children and Senior "
            "Citizens of Nepal, met the IOM Chief of Mission.")
    assert _affiliations(x)["Gita Thapa"].startswith("Ministry of Women, Children and Senior Citizens")


def test_a_comma_after_a_remit_before_a_name_is_no_list():
    x = run("On 7 March 2023 the Minister of Justice, Ivan Petrov and UNODC met in Sofia.")
    names = labels(held(x)[0].participants)
    assert not any("Ivan" in n and "Ministry" in n for n in names)


def test_the_ministry_told_in_full_with_its_state_is_the_one_a_post_names():
    x = run("On 7 March 2023 in Bishkek, UN Women and the Ministry of Labour, Social Security and "
            "Migration of the Kyrgyz Republic held a round table. Opening remarks: Aida Bekova, "
            "Deputy Minister of Labour, Social Security and Migration.")
    meeting = held(x)[0]
    ministries = [n for n in labels(meeting.participants) if n.startswith("Ministry of Labour")]
    assert ministries == ["Ministry of Labour, Social Security and Migration of the Kyrgyz Republic"]
    assert _affiliations(x)["Aida Bekova"] == ministries[0]


def test_a_remit_of_several_words_before_the_post_names_the_ministry():
    x = run("Social Development and Human Security Minister Anan Wong met UNICEF in Bangkok on "
            "7 March 2023.")
    assert _affiliations(x)["Anan Wong"].startswith("Ministry of Social Development and Human Security")


def test_who_welcomed_the_participants_of_a_reported_workshop_took_part():
    x = run("A workshop on victim protection was held in Durban on 7 March 2023 with the "
            "governments of Malawi and Zambia. In his words of welcome to all participants, "
            "Mr Hans Berg, IOM Regional Representative for Southern Africa, recalled earlier workshops.")
    assert "International Organization for Migration" in labels(held(x)[0].participants)


def test_who_is_quoted_about_something_else_did_not_take_part():
    x = run("A workshop on victim protection was held in Durban on 7 March 2023 with the "
            "governments of Malawi and Zambia. Mr Hans Berg, IOM Regional Representative for "
            "Southern Africa, said last year that funding was short.")
    assert "International Organization for Migration" not in labels(held(x)[0].participants)


def test_a_statement_in_the_first_person_is_its_headline_authors():
    from tipgraph.extraction import extract
    from tipgraph.reading import read_text
    from tipgraph.resolution import Resolver

    page = ("Statements\n\nEnd-of-mission remarks on the visit to Jordan by Anna Berg,\n"
            "Special Rapporteur on trafficking in persons, especially women and children -\n"
            "3-6 May 2019\n\n"
            "Amman (7 May 2019) - I made an official visit to the country from 3 to 6 May 2019 at the\n"
            "invitation of the Government of Jordan.\n\n"
            "My talks took me to officials of the Ministry of Justice and of the Ministry of Labour.\n")
    x = extract(read_text(page), Resolver())
    meeting = held(x)[0]
    assert "Anna Berg" in labels(meeting.participants)
    assert {"Ministry of Justice of Jordan", "Ministry of Labour of Jordan"} <= {
        n.replace(" and Social Protection", "") for n in labels(meeting.participants)}
    author = next(p for p in x.persons if p.person.label == "Anna Berg")
    assert "Special Rapporteur" in author.affiliation.label


def test_a_byline_above_a_report_in_the_third_person_names_no_participant():
    from tipgraph.extraction import extract
    from tipgraph.reading import read_text
    from tipgraph.resolution import Resolver

    page = ("News\n\nWorkshop on victim referral in Amman, by Anna Berg, Special Rapporteur on trafficking in "
            "persons, especially women and children\n\nAmman (7 May 2019) - UNODC and the Ministry of "
            "Justice of Jordan held a workshop on victim referral on 6 May 2019.\n")
    x = extract(read_text(page), Resolver())
    assert "Anna Berg" not in labels(held(x)[0].participants)


def test_the_ministers_of_two_remits_are_two_ministries_the_text_named_in_full():
    x = run("On Wednesday the ministries of Justice and Public Order, of Labour and Social Insurance "
            "of Cyprus signed a memorandum in Nicosia. The Ministers of Justice and Labour signed it "
            "on 1 February 2023. Labour Minister Andreas Pavlou said it would help.")
    names = labels(held(x)[0].participants)
    assert {"Ministry of Justice and Public Order of Cyprus", "Ministry of Labour and Social Insurance of Cyprus"} <= names
    assert not any("Justice and Labour" in n for n in names)
    assert _affiliations(x)["Andreas Pavlou"] == "Ministry of Labour and Social Insurance of Cyprus"


def test_and_of_the_after_a_remit_opens_a_second_body():
    x = run("On 7 March 2023 in Kuwait City the Special Rapporteur met officials of the Ministry of "
            "Social Affairs and Labor and of the Public Authority for Manpower of Kuwait.")
    names = labels(held(x)[0].participants)
    assert not any("and of the" in n for n in names), names


def test_a_division_is_a_body_of_its_own():
    x = run("On 4 March 2023 in Apia the IOM office and the Fisheries Division met to validate the findings.")
    assert any(n.startswith("Fisheries Division") for n in labels(held(x)[0].participants))


def test_a_unit_of_the_commission_named_before_speaks_for_that_body():
    x = run("On 4 March 2023 the African Union Commission hosted consultations in Addis Ababa with IGAD "
            "and IOM. They were chaired by Ambassador Sara Alemu, Head of the Migration and Mobility "
            "Division of the Commission.")
    assert _affiliations(x)["Sara Alemu"] == "African Union Commission"


def test_the_signatories_listed_after_a_colon_signed_together():
    x = run("On 13 June 2018, a Joint Statement was signed by ten EU agencies.\nThe agencies that signed are:\n"
            "- The European Police Office (Europol);\n- The EU Judicial Cooperation Unit (Eurojust);\n"
            "- The European Border and Coast Guard Agency (FRONTEX).\n")
    names = labels(held(x)[0].participants)
    assert {"European Border and Coast Guard Agency"} <= names and len(names) >= 3, names


def test_a_remit_joined_by_and_after_a_known_ministry_continues_its_name():
    x = run("On 4 March 2023 in Apia, IOM met the Ministry of Justice and Courts Administration, the "
            "Office of the Prime Minister and UNICEF.")
    names = labels(held(x)[0].participants)
    assert any(n.startswith("Ministry of Justice and Courts Administration") for n in names), names
    assert any(n.startswith("Office of the Prime Minister") for n in names), names


def test_an_unknown_acronym_before_a_post_names_the_persons_body():
    x = run("Amman, 7 March 2023 - A visit was paid by NCFA to the Anti-Human Trafficking Unit of Jordan. "
            "NCFA Secretary-General Fadel Hmoud praised the unit's work.")
    assert _affiliations(x)["Fadel Hmoud"] == "NCFA"
    names = labels(held(x)[0].participants)
    assert "NCFA" in names and not any(n.startswith("NCFA to") for n in names), names


def test_a_field_director_belongs_to_the_directorate_of_that_field():
    x = run("Amman, 7 March 2023 - Public Security Director Major General Atef Khalil met UNODC. The Public "
            "Security Directorate of Jordan works with every authority concerned.")
    assert _affiliations(x)["Atef Khalil"].startswith("Public Security Directorate")


def test_a_family_name_with_al_is_no_national_adjective():
    x = run("On 7 March 2023 in Amman, Major General Omar Al-Saudi of the Public Security Directorate met "
            "UNODC and the Ministry of Justice.")
    assert not any("Saudi Arabia" in n for n in labels(held(x)[0].participants))


def test_a_post_of_title_words_only_is_not_a_name():
    x = run("The meetings matter, said Saeed Ghafli, Assistant Undersecretary in the Ministry of Justice "
            "of the United Arab Emirates, in Abu Dhabi on 7 March 2023.")
    assert _affiliations(x).get("Saeed Ghafli", "").startswith("Ministry of Justice")
    assert "Assistant Undersecretary" not in _affiliations(x)


def test_a_posts_remit_named_after_a_council_is_not_the_council():
    x = run("On 7 March 2023 in Abu Dhabi, Dr. Saeed Ghafli, Assistant Undersecretary for Federal National "
            "Council Affairs in the Ministry of State for Federal National Council Affairs, met UNODC.")
    names = labels(held(x)[0].participants)
    assert not any(n.startswith("Assistant Undersecretary") for n in names), names


def test_the_four_countries_are_the_four_states_listed_before():
    x = run("On Wednesday the governments of the United States, Mexico, Guatemala and Honduras made public "
            "a working group. It was agreed on 6 March 2023 at a meeting of authorities of the four "
            "countries, held in Washington.")
    assert {"United States of America", "Mexico", "Guatemala", "Honduras"} <= labels(held(x)[0].participants)


def test_a_foreign_minister_of_a_named_state_is_that_states_minister():
    x = run("On 6 March 2023 in Washington, the Foreign Minister of Guatemala, Mario Perez, met the "
            "Secretary of Homeland Security of the United States, Ana Ruiz.")
    assert _affiliations(x)["Mario Perez"] == "Ministry of Foreign Affairs of Guatemala"


def test_a_remit_after_for_is_not_a_persons_name():
    x = run("On 6 March 2023 in Washington, the interim undersecretary for Border Policy of the United "
            "States, Blas Nunez, met the Foreign Minister of Guatemala, Mario Perez.")
    assert "Border Policy" not in _affiliations(x)
    assert "Blas Nunez" in _affiliations(x)


def test_what_a_group_set_up_will_do_is_no_plan_to_meet():
    x = run("On 6 March 2023 a meeting on trafficking was held in Washington. At the meeting, the United "
            "States, Mexico and Honduras agreed to set up an action group that will share information.")
    assert {"Mexico", "Honduras"} <= labels(held(x)[0].participants)


def test_the_bodies_listed_for_one_side_are_that_states():
    x = run("On 7 March 2023 Thailand and the United Arab Emirates held talks in Bangkok on a memorandum "
            "between Thailand's Ministry of Justice and the Thai police. Attending for the UAE were "
            "representatives of the Ministry of Interior, the Ministry of Foreign Affairs and the Ministry "
            "of Labour.")
    names = labels(held(x)[0].participants)
    assert any(n.startswith("Ministry of") and "United Arab Emirates" in n for n in names), names
    assert not any(n.startswith("Ministry of Foreign Affairs") and "Thailand" in n for n in names), names


def test_a_plural_post_before_a_name_is_no_part_of_it():
    x = run("On 7 March 2023 in Mexico City the ambassador met Deputy Rosa Perez and Senators Adriana "
            "Dávila, President of the Trafficking in Persons Committee of the Senate of Mexico.")
    assert "Adriana Dávila" in _affiliations(x), _affiliations(x)


def test_a_state_inside_a_bodys_name_before_its_remit():
    x = run("On 7 March 2023 a forum was organized in Tashkent by the National Center of the Republic of "
            "Uzbekistan for Human Rights together with IOM.")
    assert "National Center of the Republic of Uzbekistan for Human Rights" in labels(held(x)[0].participants)


def test_a_weekday_after_a_bodys_state_is_no_remit():
    x = run("IOM met the Department of Migrant Workers of the Philippines on Monday in Abu Dhabi, "
            "on 6 March 2023.")
    assert not any("Monday" in n for n in labels(held(x)[0].participants))


def test_a_body_being_set_up_took_no_part():
    x = run("On 7 March 2023 in Nairobi, IOM, UNHCR and the African Union Commission met and reviewed the "
            "setting up of the Regional Operations Centre in Khartoum.")
    assert not any("Regional Operations Centre" in n for n in labels(held(x)[0].participants))


def test_who_paid_for_the_event_took_no_part():
    x = run("At a seminar in Santiago, Chile, on 6 March 2023, participants discussed trafficking. The OAS "
            "and the Government of Chile organized the event. The seminar could take place thanks to "
            "funding from the State Department of the United States of America and from Save the Children.")
    names = labels(held(x)[0].participants)
    assert "Save the Children" not in names and "United States of America" not in names, names


def test_a_body_naming_its_agencies_is_a_modifier():
    x = run("On 7 March 2023 in Kuwait City the Special Rapporteur met the Ministry of Justice of Kuwait, IOM "
            "and people from the United Nations Agencies and Programmes.")
    assert "United Nations" not in labels(held(x)[0].participants)
