"""Names of bodies and the country a release is about (sentences written here)."""
from __future__ import annotations

from datetime import date

from tipgraph.reading import read_text
from tipgraph.extraction import extract
from tipgraph.resolution import Resolver
from tipgraph.testing.extraction import extract_text, held, labels


def run(text: str):
    return extract_text(text, date(2022, 7, 8))


def test_a_hyphenated_head_names_a_body():
    x = run("On 5 July 2022 UNODC and the Sub-committee on Labour Migration of Tajikistan met in Dushanbe.")
    assert any(n.startswith("Sub-committee on Labour Migration") for n in labels(held(x)[0].participants))


def test_an_embassy_after_its_states_name_and_before_its_host():
    x = run("On 5 July 2022 UNODC met the Canadian High Commission and the U.S. Embassy in Kyrgyzstan in Bishkek.")
    names = {n for e in held(x)[0].participants for n in (e.label, *e.alt_labels)}
    assert "U.S. Embassy in Kyrgyzstan" in names


def test_a_quoted_name_after_a_generic_one_is_the_bodys_own():
    x = run("On 5 July 2022 IOM met the Public Association \"Ray of Hope\" in Osh.")
    names = {n for e in held(x)[0].participants for n in (e.label, *e.alt_labels)}
    assert "Ray of Hope" in names


def test_the_headline_names_the_country_that_a_list_of_foreign_donors_does_not_outweigh():
    doc = read_text("UNODC held a coordination meeting on trafficking in persons in Uzbekistan\n\n"
                    "On 5 July 2022 UNODC convened a meeting in Uzbekistan with the Ministry of Internal "
                    "Affairs. They represented the U.S. Embassy, the U.S. State Department, USAID, the "
                    "United States Department of Justice and the Ministry of Foreign Affairs. Officials "
                    "said that citizens of Uzbekistan still fall victim abroad; Uzbekistan needs help.")
    x = extract(doc, Resolver())
    names = labels(held(x)[0].participants)
    assert "Ministry of Internal Affairs of Uzbekistan" in names, names


def test_plural_bodies_and_a_possessive_unit_are_no_participants():
    x = run("On 5 July 2022 the OSCE held a workshop in Almaty. About 50 prosecutors and representatives of "
            "Foreign Ministries took part, together with IOM and UNHCR, which make up the Initiative's "
            "Secretariat.")
    names = labels(held(x)[0].participants)
    assert not any("Ministries" in n or "Initiative" in n for n in names), names
    assert "International Organization for Migration" in names


def test_two_names_glued_to_a_remit_and_a_hyphenated_post():
    x = run("On 5 July 2022 talks were held in Ashgabat between Minister of Foreign Affairs Anna Berdy and "
            "Mark Dale, Ambassador-at-Large of the U.S. Department of State.")
    posts = {p.person.label: p.title for p in x.persons}
    assert posts.get("Anna Berdy") == "Minister of Foreign Affairs"
    assert posts.get("Mark Dale", "").startswith("Ambassador-at-Large")


def test_a_bodys_parent_is_described_so_the_document_is_not_refused(tmp_path, repo_dir):
    """A unit of a generated national body (Moldova's police) points at a node that the
    document must describe: otherwise validation refuses it as an unknown IRI."""
    from tipgraph.ingest import ingest_paths
    from tipgraph.store import open_store

    doc = next((repo_dir / "examples" / "corpus" / "dev-a" / "documents").glob("813_*"))
    report = ingest_paths(open_store(tmp_path / "store"), [doc])
    assert not report.refused, [o.reason for o in report.refused]
