"""Names that contain another entity's name (a sea named after a state, a treaty after a
body), one-word posts and body words, and what a dateline does and does not say: general
rules (first written in round eight, from heldout5's errors), each on sentences written
here, not taken from any example set."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text, held, names, person


def run(text: str, published: date = date(2024, 5, 3), dateline: str | None = None):
    return extract_text(text, published, dateline=dateline)


def test_a_sea_named_after_a_state_is_not_the_state():
    x = run("Coast guard chiefs of Nigeria and Cameroon met in Douala on 2 May 2024 to track boats "
            "that carry children across the Gulf of Guinea and the Bay of Bengal.")
    assert "Guinea" not in names(held(x)[0].participants)
    assert "Bangladesh" not in names(held(x)[0].participants)


def test_the_state_of_a_dateline_took_no_part():
    x = run("ROME, Italy - Labour inspectors of Albania and Greece met at the headquarters of the "
            "International Labour Organization on 2 May 2024.", dateline="Rome")
    parts = names(held(x)[0].participants)
    assert "Italy" not in parts and "Albania" in parts and "Greece" in parts


def test_a_treaty_named_after_a_body_is_an_instrument():
    x = run("Border police of Moldova and Ukraine met in Chisinau on 2 May 2024 under the Convention "
            "of the Southeast European Law Enforcement Center to compare cases.")
    m = held(x)[0]
    assert any(n.startswith("Convention of the Southeast European Law Enforcement Center") for n in names(m.instruments))
    assert not any(n.startswith("Convention of") for n in names(m.participants))


def test_an_association_name_with_a_list_before_its_acronym():
    x = run("The Labour Inspectorate of Portugal signed on 2 May 2024 an agreement with the Association for the Protection, "
            "Shelter and Care of Migrant Women (APSCMW) and the police.")
    assert any("Association for the Protection, Shelter and Care of Migrant Women" in names([e])
               for e in held(x)[0].participants)


def test_a_town_before_a_local_body_is_part_of_its_name():
    x = run("The Lisbon City Council signed on 2 May 2024 an agreement with the Association for the "
            "Protection, Shelter and Care of Migrant Women (APSCMW).")
    assert "Lisbon City Council" in names(held(x)[0].participants)


def test_a_body_word_ends_no_persons_name():
    x = run("The agreement was signed on 2 May 2024 by the Chief Inspector of the Porto Regional Police "
            "Headquarters, Rui Matos, and the director of the Association for the Protection, "
            "Shelter and Care of Migrant Women (APSCMW), Ana Prates.")
    labels = {p.person.label for p in x.persons}
    assert "Police Headquarters" not in labels and "Rui Matos" in labels


def test_today_is_the_day_of_the_dateline():
    x = run("VILNIUS, 29 April 2024 - The State Labour Inspectorate and the Lithuanian Police held a "
            "round table today on forced labour in logistics.", published=date(2024, 5, 3), dateline="Vilnius")
    assert [d.value for d in held(x)[0].dates] == ["2024-04-29"]


def test_a_crisis_centre_named_after_its_descriptor():
    x = run("The Ministry of Social Affairs of Estonia and the crisis centre Tugi met in Tallinn on "
            "2 May 2024.")
    assert "Tugi" in names(held(x)[0].participants)


def test_a_one_word_post_is_the_one_body_of_that_kind_the_text_names():
    x = run("The Equal Treatment Ombudsman of Latvia met the State Police in Riga on 2 May 2024. "
            "Ombudsman Inga Berzina said that few cases reach a court.")
    assert "Equal Treatment Ombudsman" in person(x, "Inga Berzina").affiliation.label


def test_a_body_word_before_a_post_is_the_body_named_before():
    x = run("The Social Affairs Committee of the Parliament of Latvia met the State Police in Riga on "
            "2 May 2024. Committee chair Janis Ozols said the law would change.")
    assert "Social Affairs Committee" in person(x, "Janis Ozols").affiliation.label


def test_a_report_presented_to_a_body_is_a_meeting():
    x = run("The Equal Treatment Ombudsman of Latvia presented her annual report to the Social Affairs "
            "Committee of the Parliament of Latvia on 2 May 2024.")
    parts = " ".join(names(held(x)[0].participants))
    assert "Ombudsman" in parts and "Social Affairs Committee" in parts
