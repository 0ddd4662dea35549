"""Provinces and districts as places, and project pages that tell their implementers and
regions a few sentences after their funder (texts written here)."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text, held, labels


def run(text: str):
    return extract_text(text, date(2023, 6, 1))


def test_the_districts_a_project_puts_weight_on_are_its_regions():
    x = run("Funded by USAID, the Safe Roads project in Malawi runs for two years. Its approach rests on "
            "three pillars. While the project's focus is national, it puts weight on the 4 districts seen "
            "as hotspots: Dedza, Ntchisi and Mzimba and Karonga.")
    assert {"Dedza", "Ntchisi", "Mzimba", "Karonga"} <= labels(x.programmes[0].regions)


def test_a_consortium_that_carries_out_a_project_implements_it():
    x = run("Funded by USAID, the Safe Roads project in Malawi runs for two years. It is carried out by "
            "a consortium made up of these institutions: Evangelical Association of Malawi, Salvation "
            "Army, Rivers of Life and Hope House, with World Vision as the prime recipient.")
    names = labels(x.programmes[0].implementers)
    assert {"Evangelical Association of Malawi", "The Salvation Army"} <= names, names


def test_a_district_with_its_head_is_where_a_training_was_held():
    x = run("On 30 May 2023 IOM and the Ministry of Gender of Malawi held a training in Kasungu District.")
    assert any(n.startswith("Kasungu") for n in labels(held(x)[0].locations))


def test_a_district_name_that_starts_a_longer_name_is_no_place():
    x = run("On 30 May 2023 the OSCE held a workshop for the police of Romania in Alba Iulia.")
    assert "Alba" not in labels(held(x)[0].locations)


def test_a_course_that_readers_may_still_join_is_not_where_the_event_was():
    x = run("Nairobi, 30 May 2023 - Forty advocates completed a two-day course held by the Law Society of "
            "Kenya with IOM. Advocates who wish to join the next course in Kisumu may register online.")
    assert not any(n.startswith("Kisumu") for n in labels(held(x)[0].locations))


def test_money_that_comes_from_a_donor_and_a_partner_that_puts_in_the_rest_fund_it():
    x = run("On Tuesday the Ministry of Gender of Ghana, together with the European Union and Expertise "
            "France, launched a regional project of 18 million Euros. Of that sum, 17 million Euros come "
            "from the European Union, and Expertise France puts in the remainder of the project. The "
            "project's other beneficiaries are Nigeria, Benin and Togo.")
    p = x.programmes[0]
    assert {"European Union", "Expertise France"} <= labels(p.funders)
    assert "Expertise France" not in labels(p.implementers)
    assert {"Nigeria", "Benin", "Togo"} <= labels(p.regions)


def test_her_deputy_is_the_deputy_of_the_minister_named_before():
    x = run("The figures were given by Mrs Ama Owusu, the Minister of Gender, Children and Social Protection "
            "of Ghana. The address was read by her deputy, Madam Efua Mensah, on Tuesday in Accra.")
    people = {p.person.label: p.affiliation.label if p.affiliation else None for p in x.persons}
    assert "Efua Mensah" in people, people
    assert people["Efua Mensah"] == people["Ama Owusu"]
