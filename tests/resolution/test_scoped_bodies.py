"""A generic national body belongs to the state its sentence or document is about, never
to a body of another state already in the store or in the registry."""
from __future__ import annotations

from rdflib import RDFS

from tipgraph.namespaces import TIP


def _bodies_of(store) -> dict[str, set[str]]:
    """label of every stored organization -> IRIs of the states it is part of."""
    from io import BytesIO

    from rdflib import Dataset

    buf = BytesIO()
    store.export(buf, "nquads")
    ds = Dataset()
    ds.parse(data=buf.getvalue(), format="nquads")
    labels: dict[str, set[str]] = {}
    for s, _, o, _ in ds.quads((None, RDFS.label, None, None)):
        labels.setdefault(str(s), set()).add(str(o))
    out: dict[str, set[str]] = {}
    for s, _, o, _ in ds.quads((None, TIP.partOf, None, None)):
        for label in labels.get(str(s), ()):
            out.setdefault(label, set()).add(str(o))
    return out


def test_two_documents_of_different_states_share_no_body(tmp_path):
    """The second document's "Prosecutor General's Office" is its own state's, although the
    store already holds the first document's body with that generic name."""
    from tipgraph.ingest import ingest_paths
    from tipgraph.store import open_store

    first = tmp_path / "a.txt"
    first.write_text(
        "Baku hosts anti-trafficking talks\n\n"
        "Officials of the Prosecutor General's Office of Azerbaijan met experts of UNODC in Baku "
        "on 3 May 2022 to discuss the prosecution of trafficking cases in Azerbaijan.\n")
    second = tmp_path / "b.txt"
    second.write_text(
        "Workshop in Bridgetown\n\n"
        "Prosecutors of the Prosecutor General's Office met IOM in Bridgetown, Barbados, on "
        "9 June 2022. Barbados will train more prosecutors, the Barbados officials said.\n")
    store = open_store(tmp_path / "store")
    ingest_paths(store, [first])
    ingest_paths(store, [second])
    bodies = _bodies_of(store)
    prosecutors = {label: states for label, states in bodies.items() if "Prosecutor" in label}
    assert any(label.endswith("of Barbados") for label in prosecutors), prosecutors
    for label, states in prosecutors.items():
        assert len(states) == 1, (label, states)  # two states' bodies are never merged


def test_home_ministry_is_the_ministry_of_the_interior(resolver):
    """"the Home Ministry" (India, Malaysia, Nepal, Pakistan) is the interior ministry of the
    country, the same entity as its "Ministry of Home Affairs"."""
    india = resolver.state("India")
    a = resolver.resolve("Home Ministry", "Organization", country=india)
    b = resolver.resolve("Ministry of Home Affairs", "Organization", country=india)
    assert a is not None and b is not None and a.iri == b.iri
    malaysia = resolver.state("Malaysia")
    c = resolver.resolve("the Home Ministry", "Organization", country=malaysia)
    assert c is not None and c.iri != a.iri


def _affiliations(text: str) -> dict[str, str]:
    from tipgraph.extraction import extract
    from tipgraph.reading.document import read_text
    from tipgraph.resolution import Resolver

    ex = extract(read_text(text), Resolver())
    return {p.person.label: p.affiliation.label for p in ex.persons if p.affiliation is not None}


def test_a_state_ending_the_sentence_before_does_not_own_the_next_post():
    """"... for Thailand. Deputy Minister of Justice of Cambodia X": the full stop ends the
    Thai sentence; the post's own "of Cambodia" scopes the ministry."""
    aff = _affiliations(
        "Regional justice talks in Manila\n\n"
        "MANILA - The Philippines hosted justice officials on Tuesday. Officials came from Thailand. "
        "Deputy Minister of Justice of Cambodia Chan Vuthy thanked the hosts for the talks.\n")
    assert aff.get("Chan Vuthy") == "Ministry of Justice of Cambodia", aff


def test_a_state_named_only_in_a_guests_post_is_not_the_documents_country(resolver):
    """The host state named twice as itself outweighs a guest state named twice in its
    leader's posts ("the Prime Minister of X", "the X Prime Minister"), although the guest
    is named first."""
    text = ("The Foreign Minister met the Prime Minister of Norway, Ola Dahl, at a forum on forced labour. "
            "He thanked the Norway Prime Minister for the forum and spoke of the laws of the Kingdom of Bahrain. "
            "The Kingdom of Bahrain has set up a shelter for migrant workers.")
    assert resolver.main_country(text).label == "Bahrain"
