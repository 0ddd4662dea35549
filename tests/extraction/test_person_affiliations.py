"""Whom a person in a public role represents: posts, envoys, owners and lists of names
(issue 15, round twelve; sentences written here)."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text


def run(text: str):
    return extract_text(text, date(2023, 5, 9))


def _affiliations(x) -> dict[str, str | None]:
    return {p.person.label: (p.affiliation.label if p.affiliation else None) for p in x.persons}


def test_a_state_after_the_remit_is_the_ministry_s_country():
    x = run("On 5 May 2023 in Baku, Nino Beridze, Minister of Internal Affairs of Georgia, and Elnur "
            "Aliyev, Minister of Internal Affairs of the Republic of Azerbaijan, signed an agreement.")
    aff = _affiliations(x)
    assert aff["Nino Beridze"].endswith("Georgia")
    assert aff["Elnur Aliyev"].endswith("Azerbaijan")


def test_a_prime_minister_of_a_state_invents_no_ministry():
    x = run("On 5 May 2023 in Castries, Karl Mason, Prime Minister of Barbados, opened a seminar of the OAS.")
    assert _affiliations(x)["Karl Mason"] == "Barbados"


def test_a_remit_after_a_foreign_minister_is_inside_the_foreign_ministry():
    x = run("On 5 May 2023 in Kuwait City, Kuwait's Deputy Assistant Foreign Minister for Legal Affairs "
            "Ahmad Al-Rashed met UNODC.")
    assert _affiliations(x)["Ahmad Al-Rashed"].startswith("Ministry of Foreign Affairs")


def test_an_envoy_never_represents_the_state_they_are_sent_to():
    x = run("On 5 May 2023 in Bangkok, the Philippine Ambassador to Thailand, Jose Santos, and US "
            "Ambassador to Thailand Mark Hill met IOM. Ambassador to Nepal Ellen Kerr joined them.")
    aff = _affiliations(x)
    assert aff["Jose Santos"] == "Philippines"
    assert aff["Mark Hill"] == "United States of America"
    assert aff.get("Ellen Kerr") != "Nepal"


def test_a_body_owning_the_post_by_a_possessive_is_the_affiliation():
    x = run("On 5 May 2023 in Kathmandu, Gita Rai, Minister for Women, Children and Senior Citizens, "
            "opened a workshop. The Ministry's Secretary, Hari Adhikari, spoke on rescues.")
    aff = _affiliations(x)
    assert aff["Hari Adhikari"] == aff["Gita Rai"]
    assert aff["Hari Adhikari"].startswith("Ministry of Women, Children and Senior Citizens")


def test_represented_by_after_a_name_is_not_that_person_s_post():
    x = run("On 5 May 2023 in Lagos, the Director-General, Mary Okafor, represented by the Director "
            "(Research and Planning), John Eze, told the meeting that IOM would help.")
    titles = {p.person.label: p.title for p in x.persons}
    assert titles["Mary Okafor"] == "Director-General"


def test_a_plural_post_before_a_list_of_names_is_each_one_s():
    x = run("On 5 May 2023 GRETA visited Hungary. Two members of GRETA, Ms Anna Weber and Mr Paul "
            "Dekker, made up the delegation.")
    aff = _affiliations(x)
    assert aff["Anna Weber"] == aff["Paul Dekker"]
    assert aff["Anna Weber"].startswith("Group of Experts")


def test_a_hyphenated_post_before_a_name_and_the_office_its_remit_names():
    x = run("On 5 May 2023 in Riyadh, Ambassador-at-Large Tom Reed met the Saudi Human Rights "
            "Commission. On 6 May 2023 Cindy Dyer, Ambassador-at-Large to Monitor and Combat "
            "Trafficking in Persons, met ECOWAS in Abuja.")
    aff = _affiliations(x)
    assert "Tom Reed" in aff
    assert aff["Cindy Dyer"] == "Office to Monitor and Combat Trafficking in Persons"


def test_a_charge_d_affaires_of_a_state():
    x = run("On 5 May 2023 in Freetown, U.S. Chargé d'Affaires Ruth Bell met ECOWAS.")
    assert _affiliations(x)["Ruth Bell"] == "United States of America"


def test_a_surname_with_a_capital_inside():
    x = run("On 5 May 2023 in Bishkek, \"we act now,\" said John MacGregor, Acting Head of the "
            "OSCE Centre in Bishkek.")
    assert "John MacGregor" in _affiliations(x)


def test_an_honorific_name_of_a_body_is_someone_from_that_body():
    x = run("On 5 May 2023 GRETA visited Serbia. Mr Tom Berg and Ms Lea Holm of UNICEF went with "
            "them. Anthony Room of the Ministry of Foreign Affairs was booked.")
    aff = _affiliations(x)
    assert aff["Tom Berg"] == aff["Lea Holm"] == "United Nations Children's Fund"
    assert "Anthony Room" not in aff


def test_a_name_before_of_is_not_glued_into_the_body_s_name():
    x = run("On 5 May 2023 a delegation with Ms Cindy Hale of the Hale Institute for Global "
            "Leadership met UNODC in Mexico City.")
    assert _affiliations(x)["Cindy Hale"] == "Hale Institute for Global Leadership"


def test_a_state_owning_a_post_by_a_possessive_is_the_affiliation():
    x = run("On 5 May 2023 in Split, Ivana Horvat, Croatia's National Anti-Trafficking Coordinator, "
            "opened a UNODC conference.")
    assert _affiliations(x)["Ivana Horvat"] == "Croatia"


def test_a_permanent_secretary_for_a_remit_belongs_to_that_ministry():
    x = run("On 5 May 2023 in Bangkok, Somchai Rattana, Permanent Secretary for Foreign Affairs of "
            "Thailand, and Niran Thongdee, permanent secretary for foreign affairs of Thailand, met IOM.")
    aff = _affiliations(x)
    assert aff["Somchai Rattana"] == aff["Niran Thongdee"] == "Ministry of Foreign Affairs of Thailand"


def test_a_body_after_the_post_before_a_reporting_verb():
    x = run("On 5 May 2023 in Nairobi, \"we are ready,\" Grace Achieng, Executive Secretary, "
            "Commission for Refugees and Migrants, told reporters after meeting IOM.")
    assert _affiliations(x)["Grace Achieng"].startswith("Commission for Refugees and Migrants")
