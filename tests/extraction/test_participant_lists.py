"""Who took part, told as a list after the event: general forms of real releases
(sentences written here, not taken from any document)."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text, held, labels


def run(text: str):
    return extract_text(text, date(2024, 3, 12))


def test_a_list_after_a_word_of_taking_part_names_the_participants():
    x = run("On 4 March 2024 UNODC convened a coordination meeting on trafficking in persons in Bishkek. "
            "They represented the International Organization for Migration, the OSCE, UNICEF and the "
            "Organization for Security and Co-operation in Europe.")
    names = labels(held(x)[0].participants)
    assert {"United Nations Office on Drugs and Crime", "International Organization for Migration",
            "United Nations Children's Fund"} <= names


def test_events_organised_by_others_are_not_this_event():
    x = run("Prosecutors of Moldova met IOM in Chisinau on 4 March 2024. Its staff regularly take part "
            "in training events organised by UNICEF, UNHCR, the OSCE and the Council of Europe.")
    names = labels(held(x)[0].participants)
    assert "United Nations Children's Fund" not in names
    assert "Council of Europe" not in names


def test_a_state_joined_to_a_body_by_a_hyphen_is_part_of_a_name():
    x = run("On 4 March 2024 IOM and UNICEF opened a workshop in Port of Spain. The Joint Fund for "
            "CARICOM-Spain Cooperation paid for it; officials of Jamaica, Barbados and Grenada took part.")
    names = labels(held(x)[0].participants)
    assert {"Jamaica", "Barbados", "Grenada"} <= names
    assert "Spain" not in names


def test_kinds_of_bodies_after_a_possessive_are_no_bodies():
    x = run("On 4 March 2024 IOM and UNICEF held a training course for forty officers in Kingston. They came on behalf of "
            "their Immigration, Police Service, Customs and Labour Inspectors.")
    assert not any("Police" in n for n in labels(held(x)[0].participants))


def test_a_unit_with_an_acronym_of_its_own_inside_a_known_body():
    x = run("On 4 March 2024 the Economic Community of West African States (ECOWAS) Regional Anti-Trafficking "
            "Unit (RATU) met UNODC in Abuja.")
    names = labels(held(x)[0].participants)
    assert any(n.endswith("Regional Anti-Trafficking Unit") for n in names), names
    assert "United Nations Office on Drugs and Crime" in names


def test_signers_listed_with_their_posts_took_part():
    x = run("Yesterday the Interior Minister, Ana Lind, signed an agreement on referral of victims. "
            "Signing the agreement were Defence Minister Piotr Nowak, Finance Minister Eva Brandt and "
            "Health Minister Mila Horvat.")
    names = labels(held(x)[0].participants)
    assert {"Piotr Nowak", "Eva Brandt", "Mila Horvat"} <= names
    assert not any(n.startswith("Yesterday") for n in names)


def test_ministries_listed_by_remit_are_one_ministry_each_of_the_country():
    x = run("On 4 March 2024 IOM held a workshop in Amman for officials of Jordan. Officials came from the "
            "Ministries of Interior, Labour, Justice and Health, and from the Public Security Department.")
    names = labels(held(x)[0].participants)
    assert {"Ministry of Justice of Jordan", "Ministry of Health of Jordan"} <= names, names
    assert not any(n.startswith("Ministries") for n in names)


def test_a_visitor_received_by_a_minister_and_a_dated_joint_launch():
    x = run("DUSHANBE -- Mr. Karl Stone, Charge d'Affaires of the US Embassy in Dushanbe, was received here on "
            "March 4 by Tajik Interior Minister Ramin Saidov.")
    assert held(x) and len(held(x)[0].participants) >= 2
    y = run("IOM and the Ministry of Gender, Children and Social Protection of Ghana launched a project against "
            "trafficking in persons on 4 March 2024 in Accra.")
    assert "Ministry of Gender, Children and Social Protection of Ghana" in labels(held(y)[0].participants)


def test_a_joint_launch_without_a_day_is_no_meeting():
    x = run("UNICEF and the Ministry of Justice of Ghana have launched a programme against trafficking in persons.")
    assert not held(x)
