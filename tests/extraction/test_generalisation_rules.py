"""Rules added in round five for press releases in general (each on sentences written here)."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text, held, labels


def run(text: str, published: date = date(2024, 4, 18)):
    return extract_text(text, published)


def test_every_state_of_a_list_after_to_is_a_place():
    x = run("Officials of IOM met the Ministry of Justice of Armenia in Yerevan today. "
            "They spoke about workers heading to the Russian Federation and Kazakhstan.")
    names = labels(held(x)[0].participants)
    assert "Kazakhstan" not in names and "Russian Federation" not in names


def test_the_home_state_of_a_private_person_is_not_a_participant():
    x = run("Officials from Jordan and Egypt met IOM in Amman today. "
            "A domestic worker from Sri Lanka addressed the meeting by video.")
    assert "Sri Lanka" not in labels(held(x)[0].participants)


def test_the_issuer_in_an_instrument_name_is_not_a_participant():
    x = run("Officials from Jordan and Egypt met IOM in Amman today. They discussed how the "
            "United Nations Protocol to Prevent, Suppress and Punish Trafficking in Persons applies.")
    assert "United Nations" not in labels(held(x)[0].participants)


def test_a_state_in_a_post_is_not_a_participant():
    x = run("The memorandum was signed in Lima today by the Attorney General of Peru, Ana Rojas, "
            "and the UNODC Representative for Peru and Ecuador, Pablo Ruiz.")
    m = held(x)[0]
    assert "Ecuador" not in labels(m.participants)
    assert "United Nations Office on Drugs and Crime" in labels(m.participants)


def test_a_meeting_in_an_earlier_year_is_its_own_meeting():
    x = run("The agreement was signed at the Ministry of Justice in Niamey on 16 April by the EU Ambassador "
            "to Niger, Jan Smit, and Niger's Minister of Justice, Ali Maman. "
            "When EU and ECOWAS ministers met in Abuja in 2019, they agreed on shared priorities.")
    ms = held(x)
    assert len(ms) == 2
    main = next(m for m in ms if any(d.value.startswith("2024") for d in m.dates))
    assert "Economic Community of West African States" not in labels(main.participants)
    assert "Niamey" in labels(main.locations)


def test_an_agreed_next_round_is_planned():
    x = run("The Ministry of Justice of Ghana received a delegation of the Ministry of Interior of Togo "
            "in Accra today. The two delegations agreed to hold the next round of talks in Lome.")
    assert "Lomé" not in labels(held(x)[0].locations) and "Lome" not in labels(held(x)[0].locations)


def test_an_article_before_a_capitalised_phrase_is_not_a_person():
    x = run("The launch in Lima today brought together the ILO Director for the Andean Countries, "
            "Javier Moreno, and the Minister of Justice of Peru.")
    names = {p.person.label for p in x.persons}
    assert "Javier Moreno" in names and "Andean Countries" not in names


def test_of_the_ministry_points_back_to_the_ministry():
    x = run("UN Women met the Ministry of Women, Children and Senior Citizens of Nepal in Kathmandu today. "
            "Joint Secretary Mina Thapa of the Ministry said the law would be amended.")
    p = next(p for p in x.persons if p.person.label == "Mina Thapa")
    assert p.affiliation is not None and p.affiliation.label.startswith("Ministry of Women, Children")


def test_the_owner_of_a_project_implements_it():
    x = run("The session is part of IOM's \"Safe Return\" initiative, which is financed by Global Affairs Canada.")
    pr = x.programmes[0]
    assert "International Organization for Migration" in labels(pr.implementers)
    assert "Global Affairs Canada" in labels(pr.funders)


def test_regions_named_with_their_kind_and_in_a_bulleted_list():
    x = run("UNICEF implements the project in Madhesh Province and Sudurpashchim Province.")
    assert len(x.programmes[0].regions) == 2
    y = run("The project is funded by Norway with USD 2 million. Its activities will concentrate on three regions:"
            "\n\n- Madre de Dios\n\n- Loreto\n\n- Puno\n\nMore will follow.")
    assert {"Madre de Dios", "Loreto", "Puno"} <= labels(y.programmes[0].regions)


def test_a_longer_ministry_name_is_not_cut_to_the_generic_one():
    x = run("The ILO and Peru's Ministry of Labour and Employment Promotion launched a project today.")
    names = labels(e for e in x.entities if e.kind == "Organization")
    assert any("Employment Promotion" in n for n in names)
