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
