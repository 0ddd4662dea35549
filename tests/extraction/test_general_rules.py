"""The general rules added for press releases of any publisher, on sentences written here."""
from __future__ import annotations

from datetime import date

import pytest

from tipgraph.extraction import extract
from tipgraph.model import SourceDocument
from tipgraph.resolution import Resolver


def run(text: str, **kw):
    doc = SourceDocument(path="/tmp/rules.txt", text=text, published=date(2022, 5, 4), **kw)
    return extract(doc, Resolver())


def labels(entities) -> set[str]:
    return {e.label for e in entities}


def held(x):
    return [m for m in x.meetings if m.status == "held"]


def test_participant_list_sentence_makes_a_meeting():
    x = run("Lima, 4 May 2022 – A round table on labour exploitation was organised in Lima.\n\n"
            "Participants included the Ministry of Health of Peru, the NGO Capital Humano and the "
            "International Organization for Migration.")
    m = held(x)[0]
    assert {"Capital Humano", "International Organization for Migration"} <= labels(m.participants)


def test_names_with_commas_stay_one_body():
    x = run("Officials of the Ministry of Labour, Social Security and Migration of Chile met the ILO in Santiago today.")
    names = labels(held(x)[0].participants)
    assert any(n.startswith("Ministry of Labour, Social Security and Migration") for n in names)


def test_a_list_of_bodies_is_not_one_name():
    x = run("The Ministry of Justice, the Ministry of Health and IOM met in Quito today.")
    names = labels(held(x)[0].participants)
    assert "International Organization for Migration" in names
    assert not any("," in n for n in names)


def test_new_national_body_carries_its_country():
    a = run("The Labour Inspectorate met the ILO in Santiago, Chile today. Chile is the host.")
    b = run("The Labour Inspectorate met the ILO in Lima, Peru today. Peru is the host.")
    ia = {e.iri for e in a.entities if e.label.startswith("Labour Inspectorate")}
    ib = {e.iri for e in b.entities if e.label.startswith("Labour Inspectorate")}
    assert ia and ib and not ia & ib
    assert any("Labour Inspectorate" in e.alt_labels for e in a.entities if e.iri in ia)


def test_generic_prosecutor_office_does_not_imply_a_country():
    x = run("Buenos Aires, 4 May 2022 – The Public Prosecutor's Office of Argentina hosted prosecutors "
            "from Chile and Uruguay in Buenos Aires today. The Prosecutor's Office thanked them.")
    for e in x.entities:
        assert "Russia" not in e.label


def test_possessive_acronym_is_the_organisation():
    x = run("IOM’s office in Quito and UNICEF’s team met the Ministry of Health of Ecuador today.")
    assert {"International Organization for Migration", "United Nations Children's Fund"} <= labels(held(x)[0].participants)


def test_a_post_is_not_an_organisation():
    x = run("The EU Anti-Trafficking Coordinator, Jane Roe, met La Strada International in Brussels today.")
    assert not any(e.kind == "Organization" and e.label.endswith("Coordinator") for e in x.entities)


def test_regions_listed_before_their_noun():
    x = run("The EU funds a project of IOM for EUR 2 million in the Odesa, Mykolaiv and Kherson oblasts of Ukraine.")
    regions = {e.label.split()[0] for e in x.programmes[0].regions}
    assert {"Odesa", "Mykolaiv", "Kherson"} <= regions


def test_contact_block_label_and_name_pairs():
    x = run("UNICEF and IOM met the Ministry of Health of Ecuador in Quito today.",
            contacts=["IOM Ecuador: Rosa Vargas, UNICEF: Pedro Salas"])
    aff = {p.person.label: p.affiliation.label for p in x.persons if p.affiliation}
    assert aff["Rosa Vargas"] == "International Organization for Migration"
    assert aff["Pedro Salas"] == "United Nations Children's Fund"


def test_minister_without_ministry_takes_the_one_named():
    x = run("The meeting took place at the Ministry of Health of Ecuador in Quito today. "
            "It was attended by Deputy Minister Rosa Vargas and by IOM.")
    aff = {p.person.label: p.affiliation for p in x.persons}
    assert aff["Rosa Vargas"] is not None and aff["Rosa Vargas"].label.startswith("Ministry of Health")


def test_acronym_after_a_post_names_its_body():
    x = run("The event was attended by the Secretary against Violence, Abuse and Trafficking (SEVAT), "
            "Rosa Vargas, and by IOM in Quito today.")
    aff = {p.person.label: p.affiliation for p in x.persons}
    assert aff["Rosa Vargas"] is not None and aff["Rosa Vargas"].label.startswith("SEVAT")


def test_embassy_is_one_entity_whatever_the_wording():
    x = run("Quito, 4 May 2022 – The Swiss Embassy and the Embassy of Switzerland met the Ministry of Health of Ecuador in Quito today.")
    emb = {e.iri for e in x.entities if "Embassy" in e.label}
    assert len(emb) == 1


@pytest.mark.parametrize("text", [
    "Jane Roe met the Ministry of Health of Ecuador in Quito today.",
    "The Ministry of Health of Ecuador and Jane Roe met IOM in Quito today.",
])
def test_no_person_without_a_role(text):
    x = run(text)
    described = {p.person.iri for p in x.persons}
    for m in x.meetings:
        for e in m.participants + m.organizers:
            assert e.kind != "Person" or e.iri in described
