"""Instruments signed at an event (memoranda, agreements, joint statements): the signing
meeting's instrument, one per document; the signing told by its verb alone; and a time
before or a date after a body's name, which is no part of it (sentences written here;
round twelve)."""
from __future__ import annotations

from datetime import date

from tipgraph.model import Entity
from tipgraph.namespaces import is_signed_instrument
from tipgraph.resolution import Resolver
from tipgraph.testing.extraction import extract_text, held, names


def _signed(x):
    return [e for m in x.meetings for e in m.instruments if is_signed_instrument(e.iri)]


def test_the_memorandum_two_bodies_signed_is_their_meetings_instrument():
    x = extract_text("Lisbon, 3 May 2022 - The Ministry of Internal Administration of Portugal and the "
                     "International Organization for Migration signed a memorandum of understanding on "
                     "the protection of victims of trafficking in Lisbon on 3 May 2022.", date(2022, 5, 4))
    inst = {e.iri: e for m in held(x) for e in m.instruments if is_signed_instrument(e.iri)}
    assert len(inst) == 1
    e = next(iter(inst.values()))
    assert e.label == "memorandum of understanding on the protection of victims of trafficking"
    assert "memorandum of understanding" in names([e])
    assert "tip:MemorandumOfUnderstanding" in e.types


def test_a_memorandum_signed_by_two_bodies_is_a_meeting_of_theirs():
    # no verb of meeting: "was signed ... by" tells the event
    x = extract_text("A Memorandum of Understanding for closer cooperation against trafficking in persons "
                     "was signed today in Lisbon by the Ministry of Internal Administration of Portugal and "
                     "by the International Organization for Migration.", date(2022, 5, 4))
    m = held(x)
    assert m and {"International Organization for Migration"} <= {e.label for e in m[0].participants}
    assert "Memorandum of Understanding" in names(_signed(x))


def test_a_later_bare_mention_is_the_same_instrument_and_its_acronym_a_name():
    x = extract_text("Ghana and Togo signed a Memorandum of Understanding (MoU) on cross-border cooperation "
                     "in Accra on 12 March 2021. The MoU was signed by the two foreign ministers.", date(2021, 3, 13))
    iris = {e.iri for e in _signed(x)}
    assert len(iris) == 1 and "MoU" in names(_signed(x))


def test_two_documents_memoranda_never_merge():
    text = "Ghana and Togo signed a memorandum of understanding in Accra on 12 March 2021."
    a = extract_text(text, date(2021, 3, 13), path="/tmp/one.txt")
    b = extract_text(text.replace("Togo", "Benin"), date(2021, 3, 13), path="/tmp/two.txt")
    assert {e.iri for e in _signed(a)} and not {e.iri for e in _signed(a)} & {e.iri for e in _signed(b)}


def test_a_stored_signed_instrument_is_no_known_name():
    r = Resolver()
    stored = r.signed_instrument("Memorandum of Understanding", identity=("other.txt", "abc"))
    r.add_known([stored, Entity(iri="https://w3id.org/tipgraph/id/instrument/x", kind="LegalInstrument",
                                label="Tirana Charter on Shelters")])
    assert r.resolve("Memorandum of Understanding", "LegalInstrument") is None
    assert r.resolve("Tirana Charter on Shelters", "LegalInstrument") is not None


def test_the_name_up_to_its_parties_is_one_of_its_names():
    x = extract_text("Today the Ministers of Justice and of Labour of Malta signed a Memorandum of Cooperation "
                     "between the Malta Police Force and the Department of Industrial and Employment Relations "
                     "on the inspection of workplaces.", date(2023, 2, 2))
    assert "Memorandum of Cooperation between the Malta Police Force and the Department of Industrial and " \
           "Employment Relations" in names(_signed(x))


def test_an_agreement_signed_years_before_gives_the_meeting_no_date():
    x = extract_text("On Friday in Hanoi Viet Nam and Cambodia signed an agreement that amends their convention "
                     "on trafficking in women and children. The original agreement was signed on 10 October 2005.",
                     None)  # type: ignore[arg-type]  # undated: the event's own day is unknown
    main = [m for m in held(x) if any(e.label == "agreement" for e in m.instruments)]
    assert main and all(not d.value.startswith("2005") for d in main[0].dates)
    assert {"agreement", "original agreement"} <= {e.label for e in _signed(x)}


def test_a_grant_contract_and_a_procedure_are_no_instruments():
    x = extract_text("The European Union and Niger signed a financing agreement for a new programme against "
                     "smuggling. The agreement was signed in Niamey on 3 April 2019.", date(2019, 4, 4))
    assert not _signed(x)
    x = extract_text("The ministers of Chile and Peru signed today in Arica a binational protocol for the joint "
                     "care of victims of trafficking.", date(2019, 4, 4))
    assert not _signed(x)


def test_a_time_that_opens_the_sentence_is_no_part_of_a_body():
    x = extract_text("On Tuesday the National Human Rights Commission of Mongolia and UNICEF signed a joint "
                     "statement against child trafficking.", date(2020, 1, 1))
    labels = {e.label for m in x.meetings for e in m.participants}
    assert not any(label.startswith("On Tuesday") for label in labels)
    assert "Joint Statement" in {n.title() for n in names(_signed(x))} or "joint statement" in names(_signed(x))


def test_a_memorandum_still_to_be_signed_is_none():
    x = extract_text("The Ministry of Labour of Jordan met the International Organization for Migration in Amman "
                     "on 4 May 2022; the two will sign a memorandum of understanding on labour migration next "
                     "month.", date(2022, 5, 5))
    assert not _signed(x)


def test_a_capitalised_instrument_that_names_its_parties_frames_the_event():
    x = extract_text("Officials of the Ministry of Interior of Albania and the International Organization for "
                     "Migration met in Tirana on 9 June 2023 to review the Roadmap for closer cooperation between "
                     "the Ministry of Interior of Albania and the International Organization for Migration for "
                     "2023-2025.", date(2023, 6, 10))
    assert any(e.label.startswith("Roadmap for closer cooperation between") for m in held(x) for e in m.instruments)
    assert {"International Organization for Migration"} <= {e.label for m in held(x) for e in m.participants}


def test_a_date_after_a_body_is_no_part_of_its_name():
    x = extract_text("The national committee was set up by a decision of the Supreme Council of Elders on March 3, "
                     "2019. The Supreme Council of Elders met UNICEF in Bishkek on 4 May 2022.", date(2022, 5, 5))
    labels = {e.label for m in x.meetings for e in m.participants}
    assert not any("March" in label for label in labels)
