"""Generic national bodies: "the Interior Ministry" means a different body in every country.

A press release names a ministry by its generic name ("the Foreign Ministry",
"representatives of the Prosecutor General's Office") and leaves the country to the
context. Each generic kind of body here has one canonical name; with a state it
becomes ONE entity per country, labelled "<canonical name> of <state>" ("Ministry of
Internal Affairs of the Russian Federation"), part of that state, whatever variant the
text used. The registry may name the body of a country itself (``national_body:`` in
registry.yaml: the U.S. Department of State is the Foreign Ministry of the United
States); then that entity is used.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Entity
from ..namespaces import entity_iri
from .matching import name_key


@dataclass(frozen=True)
class BodyKind:
    """A kind of national body (ministry of the interior, police ...) that every state may have, with its name variants."""

    key: str
    #: canonical name, the head of every generated label
    name: str
    #: the usual variants (the canonical name is one of them)
    variants: tuple[str, ...]
    types: tuple[str, ...] = ("tip:GovernmentBody",)
    #: the body of a foreign organization in a state (EU delegations): its registry id
    owner: str | None = None
    #: preposition between name and state in the label
    preposition: str = "of"
    #: True for "government": the body IS the state
    is_state: bool = False


_LAW = ("tip:LawEnforcementAgency",)

BODY_KINDS: tuple[BodyKind, ...] = (
    BodyKind("government", "Government", ("Government", "Governments", "Govt", "national government",
                                           "central government", "federal government"), is_state=True),
    BodyKind("interior", "Ministry of Internal Affairs", (
        "Ministry of Internal Affairs", "Ministry of the Interior", "Ministry of Interior", "Interior Ministry",
        "Internal Affairs Ministry", "Ministry of Home Affairs", "Home Affairs Ministry", "Home Ministry", "MVD",
        "Ministry of Interior Affairs")),
    BodyKind("mfa", "Ministry of Foreign Affairs", (
        "Ministry of Foreign Affairs", "Foreign Ministry", "Ministry for Foreign Affairs", "Foreign Affairs Ministry",
        "MFA", "Ministry of External Affairs", "Foreign Office", "Department of Foreign Affairs",
        "Ministry of Foreign Affairs and International Cooperation", "Ministry of Foreign and European Affairs")),
    BodyKind("moj", "Ministry of Justice", (
        "Ministry of Justice", "Justice Ministry", "Department of Justice", "MoJ", "Ministry of Justice and Human Rights")),
    BodyKind("labour", "Ministry of Labour and Social Protection", (
        "Ministry of Labour and Social Protection", "Ministry of Labour", "Labour Ministry", "Ministry of Social Protection",
        "Ministry of Labour and Social Affairs", "Ministry of Labour and Social Policy", "Ministry of Labour and Employment",
        "Ministry of Labour and Social Protection of Population", "Ministry of Labour, Employment and Social Protection",
        "Ministry of Employment and Labour", "Ministry of Labour and Social Welfare", "Department of Labour",
        "Ministry of Labour and Social Development", "Ministry of Labour and Social Security")),
    BodyKind("health", "Ministry of Health", ("Ministry of Health", "Health Ministry", "Ministry of Public Health",
                                              "Ministry of Health and Social Development", "Department of Health")),
    BodyKind("education", "Ministry of Education", ("Ministry of Education", "Education Ministry",
                                                    "Ministry of Education and Science", "Department of Education")),
    BodyKind("finance", "Ministry of Finance", ("Ministry of Finance", "Finance Ministry", "Ministry of Finance and Economy",
                                                "Ministry of Finance and Economic Development", "Department of Finance")),
    BodyKind("defence", "Ministry of Defence", ("Ministry of Defence", "Ministry of Defense", "Defence Ministry",
                                                "Defense Ministry", "Department of Defense", "Department of Defence")),
    BodyKind("economy", "Ministry of Economy", ("Ministry of Economy", "Economy Ministry", "Ministry of the Economy",
                                                "Ministry of Economic Affairs", "Ministry of Economic Development")),
    BodyKind("gpo", "General Prosecutor's Office", (
        "General Prosecutor's Office", "Prosecutor General's Office", "Prosecutor's General Office",
        "Office of the Prosecutor General", "Prosecutor General Office", "General Prosecutor Office",
        "Office of the General Prosecutor", "Prosecutor-General's Office", "Prosecutor's Office",
        "Public Prosecutor's Office", "Prosecutor General's Office", "General Prosecutor's Office",
        "Procuracy", "Prosecutor's Offices", "Office of the Prosecutor-General", "Attorney General's Office",
        "Office of the Attorney General", "State Prosecutor's Office", "Chief Prosecutor's Office"),
        types=("tip:ProsecutionService",)),
    BodyKind("supreme_court", "Supreme Court", ("Supreme Court",), types=("tip:JudicialBody",)),
    BodyKind("constitutional_court", "Constitutional Court", ("Constitutional Court",), types=("tip:JudicialBody",)),
    BodyKind("investigative_committee", "Investigative Committee", (
        "Investigative Committee", "Investigation Committee", "Investigative Committee Office"), types=_LAW),
    BodyKind("parliament", "Parliament", (
        "Parliament", "National Assembly", "National Parliament", "Federal Assembly", "Mejlis", "Majlis", "Milli Majlis",
        "Oliy Majlis", "Jogorku Kenesh", "Verkhovna Rada", "Sejm", "Bundestag", "Knesset", "Grand National Assembly",
        "Congress", "Legislature", "Parliaments"), types=("tip:LegislativeBody",)),
    BodyKind("ombudsperson", "Ombudsperson for Human Rights", (
        "Ombudsperson for Human Rights", "Ombudsman for Human Rights", "Human Rights Ombudsperson", "Human Rights Ombudsman",
        "Ombudsperson", "Ombudsman", "Commissioner for Human Rights", "Human Rights Commissioner",
        "High Commissioner for Human Rights", "Office of the Ombudsperson for Human Rights", "Office of the Ombudsman",
        "Office of the Ombudsperson", "Public Defender", "People's Advocate", "Human Rights Defender",
        "Ombudsperson's Office", "Ombudsman's Office", "Ombudsman for Human Rights Office"),
        types=("tip:HumanRightsInstitution",)),
    BodyKind("children_ombudsman", "Ombudsman for Children's Rights", (
        "Ombudsman for Children's Rights", "Children's Rights Ombudsman", "Children's Ombudsman",
        "Commissioner for Children's Rights", "Children's Rights Commissioner", "Ombudsperson for Children",
        "Ombudsperson for Children's Rights", "Children's Commissioner", "Ombudsman for Children",
        "Office of the Ombudsman for Children's Rights", "Child Rights Ombudsman", "Ombudsman for Child Rights"),
        types=("tip:HumanRightsInstitution",)),
    BodyKind("public_chamber", "Public Chamber", ("Public Chamber", "Civic Chamber")),
    BodyKind("border_service", "Border Service", (
        "Border Service", "State Border Service", "Border Guard Service", "Border Guard", "Border Guards", "Border Police",
        "Federal Border Service", "Border Protection Service", "State Border Guard Service"), types=_LAW),
    BodyKind("police", "National Police", ("National Police", "Police", "State Police", "Police Service", "Police Force",
                                  "National Police Service"), types=_LAW),
    BodyKind("migration_service", "Migration Service", (
        "Migration Service", "State Migration Service", "Federal Migration Service", "FMS", "Migration Agency",
        "State Migration Agency", "Main Directorate for Migration Affairs", "Migration Department",
        "Directorate General of Migration Management", "Immigration Service", "Department of Immigration"),
        types=_LAW),
    BodyKind("security_service", "Security Service", (
        "Security Service", "State Security Service", "National Security Service", "Federal Security Service", "FSB",
        "State Security Committee"), types=_LAW),
    BodyKind("presidential_administration", "Presidential Administration", (
        "Presidential Administration", "Administration of the President", "Office of the President",
        "Executive Office of the President", "President's Office", "Presidential Office")),
    BodyKind("national_coordinator", "National Anti-Trafficking Coordinator", (
        "National Anti-Trafficking Coordinator", "National Coordinator for Combating Trafficking in Human Beings",
        "National Coordinator against Trafficking in Human Beings", "National Anti-Trafficking Co-ordinator",
        "National Rapporteur on Trafficking in Human Beings", "National Rapporteur")),
    BodyKind("eu_delegation", "Delegation of the European Union", (
        "Delegation of the European Union", "EU Delegation", "European Union Delegation", "Delegation of the EU",
        "Delegation of the European Commission", "European Commission Delegation", "EC Delegation",
        "Delegation of the EC", "EU Delegations", "EC Delegations"), types=(), owner="eu", preposition="to"),
)

BODY_BY_KEY: dict[str, BodyKind] = {b.key: b for b in BODY_KINDS}


def _variant_index() -> dict[tuple[str, ...], BodyKind]:
    index: dict[tuple[str, ...], BodyKind] = {}
    for body in BODY_KINDS:
        for v in body.variants:
            k = name_key(v)
            if k in index and index[k] is not body:
                raise ValueError(f"national body variant {v!r} is ambiguous")
            index[k] = body
    return index


#: folded variant -> kind of body
VARIANTS: dict[tuple[str, ...], BodyKind] = _variant_index()
#: words that join a body to its state: "Ministry of Justice of Turkmenistan", "... in the Russian Federation"
CONNECTORS = frozenset({"of", "in", "to", "for"})


def body_label(body: BodyKind, state_label_with_article: str) -> str:
    """The canonical label of ``body`` in a state ("Ministry of the Interior of the Philippines")."""
    return f"{body.name} {body.preposition} {state_label_with_article}"


def make_body(body: BodyKind, state: Entity, the_state: str, *, demonyms: tuple[str, ...] = (),
              short: str | None = None, owner_iri: str | None = None) -> Entity:
    """The one entity for ``body`` in ``state``: a deterministic IRI from its canonical label."""
    label = body_label(body, the_state)
    alts: set[str] = set()
    for v in body.variants:
        if v.endswith("s") and v[:-1] in body.variants:
            continue  # plural forms are for matching only
        alts.add(v)
        if v.isupper():
            continue
        for d in demonyms[:1]:
            alts.add(f"{d} {v}")
        if body.key != "eu_delegation":
            alts.add(f"{v} of {the_state}")
        else:
            alts.add(f"{v} to {the_state}")
        if short:
            alts.add(f"{v} {body.preposition} {short}")
        if body.key != "eu_delegation":
            alts.add(f"{short or state.label} {v}")  # "Ghana Police Service"
    alts.discard(label)
    return Entity(
        iri=str(entity_iri("Organization", label)),
        kind="Organization",
        label=label,
        alt_labels=frozenset(alts),
        types=body.types,
        part_of=owner_iri if body.owner else state.iri,
    )


def make_countryless(body: BodyKind, name: str) -> Entity:
    """A body named without any country (only when the caller insists on an entity)."""
    return Entity(
        iri=str(entity_iri("Organization", name)),
        kind="Organization",
        label=name,
        types=body.types,
    )
