"""Every stored query against the fixture graph, on every engine, with expected rows.

The same rows must come back from the embedded store (Oxigraph substitutions), from
rdflib's own engine (initBindings) and from rdflib with the VALUES binding that a
remote SPARQL endpoint sees: the queries are portable SPARQL 1.1.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tipgraph.queries import run_query

ID = "https://w3id.org/tipgraph/id/"


def cells(rows, *columns):
    return sorted(tuple(r[c] for c in columns) for r in rows)


def items(value):
    """A ' | '-separated list cell as a set (engines concatenate in different orders)."""
    return frozenset(value.split(" | ")) if value else frozenset()


def test_who_met_whom_all_pairs(engine):
    rows = run_query(engine, "who-met-whom").rows
    pairs = {(r["labelA"], r["labelB"]): r for r in rows}
    assert len(rows) == 18
    # The planned follow-up (IOM with OSCE in 2019-09) does not count: they met once, in 2018.
    iom_osce = pairs[("International Organization for Migration", "Organization for Security and Co-operation in Europe")]
    assert (iom_osce["meetings"], iom_osce["first"], iom_osce["last"]) == (1, "2018", "2018")
    # Two meetings, one dated by day and one by month; the second has no instrument.
    iom_mfa = pairs[("International Organization for Migration", "Ministry of Foreign Affairs of Turkmenistan")]
    assert (iom_mfa["meetings"], iom_mfa["first"], iom_mfa["last"]) == (2, "2017-03-15", "2017-06")
    assert items(iom_mfa["instruments"]) == {"National Action Plan on Counter-trafficking for 2016-2018"}
    assert items(iom_mfa["documents"]) == {"Training for Turkmen officials"}
    # A meeting typed only with a subclass (tip:WorkingMeeting) counts.
    gpo = pairs[("Prosecutor General's Office of the Russian Federation", "International Organization for Migration")]
    assert items(gpo["instruments"]) == {
        "Global Compact for Safe, Orderly and Regular Migration",
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children",
    }
    assert all(r["actorA"] < r["actorB"] for r in rows)
    assert rows[0]["meetings"] == 2  # most meetings first


def test_who_met_whom_names_its_meetings_and_counts_the_undated(engine):
    rows = run_query(engine, "who-met-whom").rows
    pairs = {(r["labelA"], r["labelB"]): r for r in rows}
    # OSCE and UNODC met at the 2018 round table and once more on a day no source gives.
    osce_unodc = pairs[("Organization for Security and Co-operation in Europe", "United Nations Office on Drugs and Crime")]
    assert (osce_unodc["meetings"], osce_unodc["first"], osce_unodc["last"], osce_unodc["undated"]) == (2, "2018", "2018", 1)
    assert osce_unodc["meetingIris"] == f"{ID}meeting/b2 | {ID}meeting/e1"  # sorted, on every engine
    iom_mfa = pairs[("International Organization for Migration", "Ministry of Foreign Affairs of Turkmenistan")]
    assert (iom_mfa["undated"], iom_mfa["meetingIris"]) == (0, f"{ID}meeting/c1 | {ID}meeting/c2")
    # Every row names as many meetings as it counts, and only held ones.
    assert all(len(items(r["meetingIris"])) == r["meetings"] for r in rows)
    assert not any("planned-meeting" in r["meetingIris"] for r in rows)


def test_who_met_whom_filters(engine):
    iom = run_query(engine, "who-met-whom", actor="IOM").rows
    assert len(iom) == 7 and all(ID + "org/iom" in (r["actorA"], r["actorB"]) for r in iom)
    # Overlap rule: from 2017-04 keeps the 2017-06 meeting and the year-only 2018 one.
    later = run_query(engine, "who-met-whom", actor="IOM", from_="2017-04").rows
    assert cells(later, "labelB", "first") == sorted([
        ("International Organization for Migration", "2019-05-28"),
        ("International Organization for Migration", "2019-05-28"),
        ("Ministry of Foreign Affairs of Turkmenistan", "2017-06"),
        ("Organization for Security and Co-operation in Europe", "2018"),
        ("United Nations Office on Drugs and Crime", "2018"),
    ])
    until = run_query(engine, "who-met-whom", to="2018-06").rows
    assert {r["first"] for r in until} == {"2017-03-15", "2018"} and len(until) == 9
    # Country: Vienna is a place within Austria (ISO code AT).
    austria = run_query(engine, "who-met-whom", country="AT").rows
    assert {r["first"] for r in austria} == {"2018", "2020-02-10"} and len(austria) == 6
    untoc = run_query(engine, "who-met-whom", instrument="UNTOC", actor="OSCE").rows
    assert cells(untoc, "labelA", "labelB") == [
        ("Ministry of Foreign Affairs of the Russian Federation", "Organization for Security and Co-operation in Europe"),
        ("Organization for Security and Co-operation in Europe", "Russian Federation"),
    ]


def test_meetings_under_instrument(engine):
    rows = run_query(engine, "meetings-under-instrument", instrument="Palermo Protocol").rows
    assert cells(rows, "meeting", "date", "places", "participantCount") == [
        (ID + "meeting/a1", "2019-05-28", "Moscow", 3),
        (ID + "meeting/b2", "2018", "Vienna", 3),
    ]
    b2 = next(r for r in rows if r["meeting"].endswith("b2"))
    assert items(b2["participants"]) == {
        "Organization for Security and Co-operation in Europe",
        "International Organization for Migration",
        "United Nations Office on Drugs and Crime",
    }
    assert [r["date"] for r in rows] == ["2018", "2019-05-28"]  # in date order; planned a2 left out


def test_actor_profile(engine):
    rows = run_query(engine, "actor-profile", actor="IOM").rows
    by_aspect = {}
    for r in rows:
        by_aspect.setdefault(r["aspect"], {})[r["item"].removeprefix(ID)] = r
    assert set(by_aspect["meeting"]) == {"meeting/a1", "meeting/b2", "meeting/c1", "meeting/c2"}
    assert by_aspect["partner"]["org/mfa-tm"]["meetings"] == 2
    assert len(by_aspect["partner"]) == 7
    assert by_aspect["instrument"]["instrument/palermo"]["meetings"] == 2
    assert set(by_aspect["programme"]) == {"programme/c-capacity", "programme/d-hotline", "programme/d-central-asia"}
    assert all(r["details"] == "implements" and r["meetings"] == 0 for r in by_aspect["programme"].values())
    person = run_query(engine, "actor-profile", actor="Aygul Nurova").rows
    post = [r for r in person if r["aspect"] == "post"]
    assert cells(post, "label", "details") == [("Ministry of Foreign Affairs of Turkmenistan", "Deputy Minister of Foreign Affairs")]
    people = run_query(engine, "actor-profile", actor="Ministry of Foreign Affairs of Turkmenistan").rows
    assert cells([r for r in people if r["aspect"] == "person"], "label") == [("Aygul Nurova",)]
    state = run_query(engine, "actor-profile", actor="Turkmenistan").rows
    assert ("ratified",) in cells([r for r in state if r["aspect"] == "instrument"], "details")
    assert ("ratified", ID + "ratification/c-tm-palermo") in {(r["details"], r["ratificationIris"]) for r in state}


def test_actor_profile_counts_undated_meetings(engine):
    rows = run_query(engine, "actor-profile", actor="OSCE").rows
    by_item = {(r["aspect"], r["item"].removeprefix(ID)): r for r in rows}
    unodc = by_item[("partner", "org/unodc")]
    assert (unodc["meetings"], unodc["first"], unodc["last"], unodc["undated"]) == (2, "2018", "2018", 1)
    assert unodc["meetingIris"] == f"{ID}meeting/b2 | {ID}meeting/e1"
    assert (by_item[("meeting", "meeting/e1")]["undated"], by_item[("meeting", "meeting/b2")]["undated"]) == (1, 0)
    assert all(r["undated"] == 0 for r in rows if r["aspect"] == "programme")


def test_funding_by_funder_totals_per_currency(engine):
    rows = run_query(engine, "funding-by-funder").rows
    assert cells(rows, "funderLabel", "currency", "programmes", "total") == [
        ("European Union", "EUR", 3, Decimal("6000000.5")),
        ("U.S. Department of State", "EUR", 1, Decimal("1000000")),
        ("U.S. Department of State", "USD", 2, Decimal("1750000")),
    ]
    assert cells(run_query(engine, "funding-by-funder", currency="usd").rows, "funderLabel") == [("U.S. Department of State",)]
    assert len(run_query(engine, "funding-by-funder", funder="EU").rows) == 1


def test_funding_by_funder_marks_co_funding_and_shares_it(engine):
    """The shelters programme (1,000,000 EUR) has two funders: each is credited the budget
    in full in total, half of it in equalShare, and the shares add up to the budget once."""
    rows = run_query(engine, "funding-by-funder").rows
    assert cells(rows, "funderLabel", "currency", "coFunded", "equalShare") == [
        ("European Union", "EUR", 1, Decimal("5500000.5")),
        ("U.S. Department of State", "EUR", 1, Decimal("500000")),
        ("U.S. Department of State", "USD", 0, Decimal("1750000")),
    ]
    eur = [r for r in rows if r["currency"] == "EUR"]
    budgets = Decimal("4400000") + Decimal("600000.50") + Decimal("1000000")
    assert sum(r["equalShare"] for r in eur) == budgets < sum(r["total"] for r in eur)
    eu = next(r for r in eur if r["funderLabel"] == "European Union")
    assert eu["programmeIris"] == " | ".join(ID + p for p in ("programme/d-central-asia", "programme/d-russia", "programme/e-shelters"))


def test_programmes_in_region(engine):
    everywhere = run_query(engine, "programmes-in-region").rows
    assert len(everywhere) == 5
    rows = run_query(engine, "programmes-in-region", region="Turkmenistan").rows
    assert cells(rows, "label", "budget", "budgetCurrency", "durationMonths") == [
        ("Capacity building against trafficking in Turkmenistan", Decimal("1500000"), "USD", 24),
        ("Hotline for migrants", Decimal("250000"), "USD", None),
        ("Regional cooperation against trafficking in Central Asia", Decimal("4400000"), "EUR", 30),
    ]
    central = next(r for r in rows if r["label"].startswith("Regional"))
    assert items(central["implementers"]) == {"United Nations Office on Drugs and Crime", "International Organization for Migration"}


def test_ratifications(engine):
    rows = run_query(engine, "ratifications").rows
    assert cells(rows, "stateLabel", "instrument", "date") == [
        ("Russian Federation", ID + "instrument/palermo", None),
        ("Russian Federation", ID + "instrument/untoc", "2004-05-26"),
        ("Turkmenistan", ID + "instrument/palermo", "2005"),
    ]
    # The ratification facts behind each row; Russia's Palermo party status has none (no date, no sentence).
    assert {(r["stateLabel"], r["ratificationIris"]) for r in rows} == {
        ("Russian Federation", None), ("Russian Federation", ID + "ratification/d-ru-untoc"),
        ("Turkmenistan", ID + "ratification/c-tm-palermo"),
    }
    assert len(run_query(engine, "ratifications", instrument="Palermo Protocol").rows) == 2
    assert len(run_query(engine, "ratifications", state="RU", instrument="UNTOC").rows) == 1


def test_cooperation_timeline(engine):
    rows = run_query(engine, "cooperation-timeline").rows
    assert cells(rows, "year", "meetings", "actors", "documents") == [
        ("2017", 2, 4, 1), ("2018", 2, 5, 1), ("2019", 1, 3, 1), ("2020", 1, 3, 1),
    ]
    assert [r["year"] for r in rows] == ["2017", "2018", "2019", "2020"]
    assert rows[1]["meetingIris"] == f"{ID}meeting/b1 | {ID}meeting/b2"  # the undated e1 is in no year
    assert cells(run_query(engine, "cooperation-timeline", actor="IOM").rows, "year", "meetings") == [
        ("2017", 2), ("2018", 1), ("2019", 1),
    ]
    assert cells(run_query(engine, "cooperation-timeline", instrument="UNTOC").rows, "year") == [("2018",), ("2020",)]


def test_people_of_organization_includes_sub_units(engine):
    rows = run_query(engine, "people-of-organization", organization="Prosecutor General's Office of the Russian Federation").rows
    assert cells(rows, "name", "titles", "unitLabel", "documents") == [
        ("Oleg Markov", "Deputy Head of the Department", "Department of International Legal Cooperation", 1)
    ]
    assert cells(run_query(engine, "people-of-organization", organization="TM").rows, "name") == [("Aygul Nurova",)]


def test_instruments_of_actor(engine):
    rows = run_query(engine, "instruments-of-actor", actor="Russia").rows
    assert sorted((r["instrument"].removeprefix(ID), items(r["how"]), r["meetings"], r["first"]) for r in rows) == [
        ("instrument/palermo", {"ratified"}, 0, None),
        ("instrument/untoc", {"meetings", "ratified"}, 1, "2018-11"),
    ]
    untoc = next(r for r in rows if r["instrument"].endswith("untoc"))
    assert (untoc["undated"], untoc["meetingIris"], untoc["ratificationIris"]) == (
        0, ID + "meeting/b1", ID + "ratification/d-ru-untoc")
    iom = run_query(engine, "instruments-of-actor", actor="IOM").rows
    assert [r["instrument"].removeprefix(ID) for r in iom][0] == "instrument/palermo"


def test_documents_about_actor(engine):
    rows = run_query(engine, "documents-about-actor", actor="IOM").rows
    assert [r["document"].removeprefix(ID) for r in rows] == [
        "document/d-regional-programmes", "document/a-moscow-meeting",
        "document/b-osce-visit", "document/c-ashgabat-training",
    ]
    assert rows[0]["issued"] == dt.date(2020, 2, 10)
    # IOM in document C: its type, label and altLabel, publisher, 2 meetings, 1 programme.
    c = next(r for r in rows if r["document"].endswith("c-ashgabat-training"))
    assert c["statements"] == 8 and c["publisher"] == "International Organization for Migration"
    assert run_query(engine, "documents-about-actor", actor="USA").rows[0]["statements"] == 3  # type, label, a sub-unit part of it


def test_most_connected_actors(engine):
    rows = run_query(engine, "most-connected-actors").rows
    assert rows[0]["label"] == "International Organization for Migration"
    assert (rows[0]["partners"], rows[0]["meetings"]) == (7, 4)
    assert len(rows) == 12
    top = run_query(engine, "most-connected-actors", minimum=4).rows
    assert cells(top, "label", "partners") == [
        ("International Organization for Migration", 7),
        ("Organization for Security and Co-operation in Europe", 4),
        ("United Nations Office on Drugs and Crime", 4),
    ]
    recent = run_query(engine, "most-connected-actors", **{"from": "2019"}).rows
    assert {r["partners"] for r in recent} == {2}


def test_possible_duplicates(engine):
    rows = run_query(engine, "possible-duplicates").rows
    assert cells(rows, "entity", "other", "key") == [
        (ID + "org/iom", ID + "org/iom-2", "iom"),
        (ID + "org/unodc", ID + "org/unodc-2", "unitednationsofficeondrugsandcrime"),
    ]


def test_facts_without_evidence(engine):
    rows = run_query(engine, "facts-without-evidence").rows
    assert cells(rows, "fact", "class", "document") == [
        (ID + "meeting/c2", "https://w3id.org/tipgraph/ontology#Meeting", ID + "document/c-ashgabat-training")
    ]


@pytest.mark.parametrize("name", ["who-met-whom", "most-connected-actors", "cooperation-timeline", "funding-by-funder",
                                  "programmes-in-region", "ratifications", "possible-duplicates", "facts-without-evidence"])
def test_same_rows_on_every_engine(name, embedded, rdflib_engine, values_engine):
    def canonical(rows):
        return sorted(
            (tuple((k, items(v) if isinstance(v, str) and " | " in v else v) for k, v in r.items()) for r in rows),
            key=repr,
        )

    expected = canonical(run_query(embedded, name).rows)
    assert expected
    assert canonical(run_query(rdflib_engine, name).rows) == expected
    assert canonical(run_query(values_engine, name).rows) == expected


def test_to_dataframe_explains_when_pandas_is_missing(embedded):
    result = run_query(embedded, "cooperation-timeline")
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install"):
            result.to_dataframe()
    else:
        frame = result.to_dataframe()
        assert list(frame.columns) == result.columns and len(frame) == 4
