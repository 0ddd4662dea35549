"""resolve / resolve_or_create: registry variants, national bodies, countries kept apart."""
from __future__ import annotations

import pytest

from tipgraph.namespaces import entity_iri
from tipgraph.resolution import Resolver

ORG = "https://w3id.org/tipgraph/id/org/"


@pytest.mark.parametrize(
    ("name", "rid"),
    [
        ("International Organization for Migration", "iom"), ("IOM", "iom"), ("UN Migration Agency", "iom"),
        ("International Organisation for Migration", "iom"), ("IOM Moscow", "iom"), ("IOM office in Moscow", "iom"),
        ("IOM Turkmenistan", "iom"), ("IOM Moscow Office", "iom"), ("the IOM", "iom"),
        ("OSCE", "osce"), ("OSCE Secretariat", "osce"), ("OSR/CTHB", "osce"),
        ("Organization for Security and Cooperation in Europe", "osce"),
        ("Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings", "osce"),
        ("ODIHR", "odihr"), ("OSCE Centre in Ashgabat", "osce-ashgabat"),
        ("UNODC", "unodc"), ("UN Office on Drugs and Crime", "unodc"), ("United Nations", "un"), ("UN", "un"),
        ("International Labour Organisation", "ilo"), ("International Labor Organization", "ilo"),
        ("Council of Europe", "coe"), ("CoE", "coe"), ("GRETA", "greta"), ("European Union", "eu"), ("EU", "eu"),
        ("Europol", "europol"), ("Frontex", "frontex"), ("UN Women", "unwomen"), ("Interfax news agency", "interfax"),
        ("RENATE", "renate"), ("Religious in Europe Networking Against Trafficking and Exploitation", "renate"),
        ("U.S. Department of State", "us-state-dept"), ("State Department", "us-state-dept"),
        ("INL", "inl"), ("Bureau of International Narcotics and Law Enforcement Affairs", "inl"),
        ("CIS Executive Committee", "cis-executive-committee"), ("Executive Committee of the CIS", "cis-executive-committee"),
        ("Secretariat of the Russian Union of Journalists", "ru-union-of-journalists"),
    ],
)
def test_registry_organizations(resolver, name, rid):
    e = resolver.resolve(name)
    assert e is not None, name
    assert e.iri == ORG + rid


@pytest.mark.parametrize(
    ("name", "rid"),
    [
        ("Palermo Protocol", "palermo-protocol"), ("Trafficking in Persons Protocol", "palermo-protocol"),
        ("Protocol to prevent, suppress and punish trafficking in persons", "palermo-protocol"),
        ("UNTOC", "untoc"), ("Palermo Convention", "untoc"), ("GCM", "gcm"), ("Global Compact for Migration", "gcm"),
        ("Warsaw Convention", "coe-trafficking-convention"), ("Lanzarote Convention", "lanzarote-convention"),
        ("C029", "ilo-c029"), ("ILO Convention No. 182", "ilo-c182"), ("Directive 2011/36/EU", "eu-directive-2011-36"),
        ("CIS Programme", "cis-programme"), ("TVPA", "us-tvpa"), ("Modern Slavery Act 2015", "uk-modern-slavery-act"),
        ("Sustainable Development Goals", "agenda-2030"), ("OSCE Action Plan", "osce-action-plan"),
    ],
)
def test_registry_instruments(resolver, name, rid):
    e = resolver.resolve(name, "LegalInstrument")
    assert e is not None and e.iri == str(entity_iri("LegalInstrument", rid)), name


@pytest.mark.parametrize(
    ("name", "pid"),
    [
        ("Moscow", "moscow"), ("Moscow Region", "moscow-oblast"), ("Moscow oblast", "moscow-oblast"),
        ("Karelia", "republic-of-karelia"), ("Astrakhan Province", "astrakhan-oblast"), ("Tatarstan", "republic-of-tatarstan"),
        ("Ashkhabad", "ashgabat"), ("Saint Petersburg", "st-petersburg"), ("St. Petersburg", "st-petersburg"),
        ("Kiev", "kyiv"), ("Chișinău", "chisinau"), ("Geneva", "geneva"),
    ],
)
def test_places(resolver, name, pid):
    e = resolver.resolve(name, "Place")
    assert e is not None and e.iri == str(entity_iri("Place", pid)), name
    assert e.part_of and "/state/" in e.part_of


def test_acronyms_are_case_sensitive(resolver):
    assert resolver.resolve("IOM").iri == ORG + "iom"
    assert resolver.resolve("Iom") is None
    assert resolver.resolve("US").iso_code == "US"
    mentions = resolver.find_mentions("Let us meet the WHO team and the US delegation; who knows.")
    assert [m.text for m in mentions] == ["WHO", "US"]


def test_kind_filter(resolver):
    assert resolver.resolve("Moscow", "Organization") is None
    assert resolver.resolve("IOM", "State") is None


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Interior Ministry", "Ministry of Internal Affairs of the Russian Federation"),
        ("Ministry of Internal Affairs", "Ministry of Internal Affairs of the Russian Federation"),
        ("Ministry of the Interior", "Ministry of Internal Affairs of the Russian Federation"),
        ("MVD", "Ministry of Internal Affairs of the Russian Federation"),
        ("Foreign Ministry", "Ministry of Foreign Affairs of the Russian Federation"),
        ("MFA", "Ministry of Foreign Affairs of the Russian Federation"),
        ("Justice Ministry", "Ministry of Justice of the Russian Federation"),
        ("Ministry of Labour", "Ministry of Labour and Social Protection of the Russian Federation"),
        ("Ministry of Labor and Social Protection", "Ministry of Labour and Social Protection of the Russian Federation"),
        ("Prosecutor General's Office", "General Prosecutor's Office of the Russian Federation"),
        ("Prosecutor's General Office", "General Prosecutor's Office of the Russian Federation"),
        ("Office of the Prosecutor General", "General Prosecutor's Office of the Russian Federation"),
        ("Supreme Court", "Supreme Court of the Russian Federation"),
        ("Investigative Committee", "Investigative Committee of the Russian Federation"),
        ("Public Chamber", "Public Chamber of the Russian Federation"),
        ("Parliament", "Federal Assembly of the Russian Federation"),
        ("Ombudsperson for Human Rights", "High Commissioner for Human Rights in the Russian Federation"),
        ("Ombudsman for Children's Rights", "Commissioner for Children's Rights under the President of the Russian Federation"),
        ("EC Delegation", "Delegation of the European Union to the Russian Federation"),
        ("Government", "Russian Federation"),
    ],
)
def test_national_bodies_with_country(resolver, name, label):
    ru = resolver.state("Russia")
    e = resolver.resolve(name, country=ru)
    assert e is not None and e.label == label, name
    assert e.part_of is not None or e.kind == "State"


def test_national_body_entity(resolver):
    ru = resolver.state("RU")
    mvd = resolver.resolve("Interior Ministry", country=ru)
    assert mvd.iri == str(entity_iri("Organization", "Ministry of Internal Affairs of the Russian Federation"))
    assert mvd.part_of == ru.iri and mvd.types == ("tip:GovernmentBody",)
    assert {"Interior Ministry", "MVD", "Russian Interior Ministry"} <= mvd.alt_labels
    assert resolver.resolve("Supreme Court", country=ru).types == ("tip:JudicialBody",)
    assert resolver.resolve("Prosecutor's Office", country=ru).types == ("tip:ProsecutionService",)
    tm = resolver.state("TM")
    assert resolver.resolve("Foreign Ministry", country=tm).label == "Ministry of Foreign Affairs of Turkmenistan"
    assert resolver.resolve("Foreign Ministry", country=resolver.state("US")).iri == ORG + "us-state-dept"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Russian Interior Ministry", "Ministry of Internal Affairs of the Russian Federation"),
        ("Ministry of Internal Affairs of the Russian Federation", "Ministry of Internal Affairs of the Russian Federation"),
        ("Russia's Foreign Ministry", "Ministry of Foreign Affairs of the Russian Federation"),
        ("Turkmen Foreign Ministry", "Ministry of Foreign Affairs of Turkmenistan"),
        ("Ministry of Foreign Affairs of Turkmenistan", "Ministry of Foreign Affairs of Turkmenistan"),
        ("Prosecutor General's Office of Russia", "General Prosecutor's Office of the Russian Federation"),
        ("Supreme Court of the Republic of Moldova", "Supreme Court of Moldova"),
        ("Delegation of the European Commission to the Russian Federation", "Delegation of the European Union to the Russian Federation"),
        ("Kazakh Ministry of Justice", "Ministry of Justice of Kazakhstan"),
    ],
)
def test_national_bodies_with_country_in_name(resolver, name, label):
    e = resolver.resolve(name)
    assert e is not None and e.label == label, name


def test_bare_body_without_country(resolver):
    assert resolver.resolve("Interior Ministry") is None
    assert resolver.resolve("Ministry of Justice", "Organization") is None
    e = resolver.resolve_or_create("Interior Ministry", "Organization")
    assert e.label == "Interior Ministry" and e.part_of is None


def test_countries_never_merge(resolver):
    tj = resolver.resolve("Ministry of Justice of Tajikistan")
    tm = resolver.resolve("Ministry of Justice of Turkmenistan")
    assert tj.iri != tm.iri
    resolver.add_known([tm])
    assert resolver.resolve("Ministry of Justice of Tajikistan").iri == tj.iri
    assert resolver.resolve("Justice Ministry", country=resolver.state("TJ")).iri == tj.iri
    assert resolver._fuzzy("Ministry of Justice of Tajikistan", "Organization") is None


def test_resolve_or_create_remembers(resolver):
    a = resolver.resolve_or_create("the Angel Network for Children", "Organization", types=("tip:NonGovernmentalOrganization",))
    assert a.label == "Angel Network for Children"
    assert a.iri == str(entity_iri("Organization", "Angel Network for Children"))
    assert not a.in_registry and a.types == ("tip:NonGovernmentalOrganization",)
    assert resolver.resolve("Angel Network for Children") == a
    assert resolver.resolve_or_create("Angel Network for Children", "Organization") == a
    p = resolver.resolve_or_create("Petr Gorodov", "Person")
    assert p.iri.endswith("/person/petr-gorodov")
    assert resolver.resolve("Pyotr Gorodov", "Person") is None  # persons are never guessed


def test_add_known_skips_registry_and_is_used(registry):
    r = Resolver(registry)
    from tipgraph.model import Entity

    known = Entity(iri="https://w3id.org/tipgraph/id/org/stop-traffic-kz", kind="Organization", label="Stop Traffic Kazakhstan")
    r.add_known([known, registry.by_id["iom"]])
    assert r.resolve("Stop Traffic Kazakhstan") == known
    assert [m.entity for m in r.find_mentions("Stop Traffic Kazakhstan met IOM.")] == [known, registry.by_id["iom"]]
    other = Resolver(registry)
    assert other.resolve("Stop Traffic Kazakhstan") is None  # known names are per resolver


def test_determinism(registry):
    a, b = Resolver(registry), Resolver(registry)
    names = ["Interior Ministry", "IOM Moscow", "New Body of Tests"]
    ru = a.state("RU")
    assert [a.resolve_or_create(n, "Organization", country=ru) for n in names] == \
        [b.resolve_or_create(n, "Organization", country=ru) for n in names]


def test_a_fork_resolves_as_a_new_resolver_told_the_same_and_learns_alone():
    """Ingest forks one resolver per document instead of re-indexing the store's names."""
    from tipgraph.model import Entity
    from tipgraph.resolution import Resolver

    known = [Entity(iri="https://w3id.org/tipgraph/id/org/anti-trafficking-unit-of-ruritania", kind="Organization",
                    label="Anti-Trafficking Unit of Ruritania"),
             Entity(iri="https://w3id.org/tipgraph/id/person/jane-roe", kind="Person", label="Jane Roe")]
    template = Resolver()
    template.add_known(known)
    fresh = Resolver()
    fresh.add_known(known)
    fork = template.fork()
    for name in ("Anti-Trafficking Unit of Ruritania", "Anti Trafficking Unit of Ruritania", "Jane Roe"):
        assert fork.resolve(name) == fresh.resolve(name)
    assert fork.resolve("Anti Trafficking Unit of Ruritania") is not None
    created = fork.resolve_or_create("Ruritanian Migration Board", "Organization")
    assert created.iri in fork.known_iris() and created.iri not in template.known_iris()
    assert template.fork().resolve("Ruritanian Migration Board") is None
