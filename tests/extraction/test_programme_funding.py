"""Round twelve: who funds and who carries out a programme, its budget, length and regions,
as real pages write them (texts written here)."""
from __future__ import annotations

from datetime import date

from tipgraph.extraction import extract
from tipgraph.extraction.amounts import parse_amounts, parse_durations
from tipgraph.model import SourceDocument
from tipgraph.reading import read_text
from tipgraph.resolution import Resolver
from tipgraph.testing.extraction import extract_text, labels


def _programme(text: str):
    ps = extract_text(text, date(2021, 5, 4)).programmes
    assert ps, "no programme read"
    return ps[0]


def test_a_compound_names_the_funder_and_the_owner_the_implementer():
    p = _programme("Vienna, 4 May 2021 - A two-year EU-funded UNODC project will train border guards in "
                   "Albania to spot victims of trafficking.")
    assert labels(p.funders) == {"European Union"}
    assert labels(p.implementers) == {"United Nations Office on Drugs and Crime"}
    assert p.duration_months == 24


def test_an_owner_with_lowercase_modifiers_implements_its_project():
    p = _programme("The seminar in Bishkek belongs to an OSCE capacity-building project on labour "
                   "exploitation. Germany and Sweden support the project with financial contributions.")
    assert labels(p.implementers) == {"Organization for Security and Co-operation in Europe"}
    assert labels(p.funders) == {"Germany", "Sweden"}


def test_a_joint_programme_of_bodies_names_its_implementers_and_donors():
    p = _programme("The campaign is a joint programme of the European Union and the International "
                   "Labour Organization against forced labour in Cambodia.")
    assert labels(p.funders) == {"European Union"}
    assert labels(p.implementers) == {"International Labour Organization"}


def test_launched_by_counts_for_a_programme_named_far_before_it():
    p = _programme("A 12-month project called \"Safe Roads Home for Young Workers in the Northern Provinces "
                   "of Laos\" has been launched by the International Organization for Migration.")
    assert labels(p.implementers) == {"International Organization for Migration"}
    assert p.duration_months == 12


def test_the_financial_support_of_a_ministry_funds_the_project():
    p = _programme("Trainers of the NGO met police officers in Osh under the project \"Safe Work\", which "
                   "has the financial support of the German Foreign Ministry.")
    assert {"Federal Foreign Office"} <= labels(p.funders)


def test_money_that_came_from_a_body_names_the_funder():
    p = _programme("The International Organization for Migration runs the project in Irbid. "
                   "Its money comes from the European Union.")
    assert labels(p.funders) == {"European Union"}


def test_an_event_held_with_the_support_of_a_body_is_no_programme():
    x = extract_text("On 3 May the OSCE held a workshop in Tashkent. It was held in co-operation with the "
                     "Ministry of Justice of Uzbekistan, and it ran with the support of UNICEF.",
                     date(2021, 5, 4))
    assert not x.programmes


def test_the_subject_of_its_own_clause_starts_the_project():
    p = _programme("The United Nations marks the World Day against Trafficking, and the mission of the "
                   "International Organization for Migration in Georgia uses the day to start a project.")
    assert "United Nations" not in labels(p.implementers)
    assert "International Organization for Migration" in labels(p.implementers)


def test_a_donor_carrying_out_a_project_with_a_body_pays_for_it():
    p = _programme("Since March 2019 USAID and the International Organization for Migration have been "
                   "carrying out together the project \"Safe Return\" in Armenia.")
    assert labels(p.funders) == {"United States Agency for International Development"}
    assert labels(p.implementers) == {"International Organization for Migration"}


def test_peso_amounts_and_year_long_durations():
    assert [(a, c) for _, _, a, c in parse_amounts("a grant worth P45 million ($900,000)")][0] == (45000000, "PHP")
    assert [(a, c) for _, _, a, c in parse_amounts("a Php 12 million fund")] == [(12000000, "PHP")]
    assert parse_amounts("see Annex P 5") == []
    assert [m for _, _, m in parse_durations("the Mission's year-long project")] == [12]
    assert parse_durations("built on fifteen years of partnership") == []


def test_an_amount_for_programmes_in_the_plural_is_no_budget():
    p = _programme("The USAID Safe Migration Project is carried out by Winrock International in Nepal. "
                   "Since 1995 USAID has provided more than $600 million in programmes for Nepal.")
    assert p.budget_amount is None


def test_who_organised_a_paid_seminar_implements_it():
    p = _programme("The seminar was organized by the International Organization for Migration in "
                   "partnership with the Red Crescent, with funding from the United States Agency for "
                   "International Development.")
    assert "International Organization for Migration" in labels(p.implementers)
    assert labels(p.funders) == {"United States Agency for International Development"}


def test_a_body_in_a_list_of_regions_is_no_region():
    p = _programme("Through the project in the countries of the Sahel, Expertise France and the European "
                   "Union will train judges of Mali, Niger and Chad. Japan funds the project.")
    assert not {"Expertise France", "European Union"} & labels(p.regions)


def test_a_state_department_report_is_no_department():
    p = _programme("The European Union funds a project that will help Moldova move up in the US State "
                   "Department report on trafficking.")
    assert not [r for r in labels(p.regions) if "Department" in r]


def test_the_publisher_carries_out_its_own_programme():
    doc = SourceDocument(path="/tmp/rules.txt", published=date(2021, 5, 4), publisher="UNODC",
                         text="The project, funded by the Netherlands, trains prosecutors in Lagos. "
                              "UNODC staff led the first course.")
    p = extract(doc, Resolver()).programmes[0]
    assert labels(p.funders) == {"Netherlands"}
    assert labels(p.implementers) == {"United Nations Office on Drugs and Crime"}


PAGE = """Winrock International

Safe Harbours for Migrant Children

Funder: Office to Monitor and Combat Trafficking in Persons

Project Timeline: March 1, 2022 - February 28, 2025

Activity Locations: Kyrgyzstan

The project helps shelters to look after children who travel with migrant workers.
"""


def test_project_page_labels_give_the_timeline_and_locations():
    p = extract(read_text(PAGE), Resolver()).programmes[0]
    assert p.duration_months == 36
    assert labels(p.regions) == {"Kyrgyzstan"}


def test_a_budget_label_in_brackets_gives_the_currency():
    doc = read_text("International Organization for Migration\n\nHelp Desks in Khatlon\n\n- Start Date\n  2019\n"
                    "- Budget Amount (USD)\n  150000.00\n\nThe International Organization for Migration opens "
                    "help desks in Khatlon for people at risk of trafficking.\n")
    doc.publisher = "International Organization for Migration"
    p = extract(doc, Resolver()).programmes[0]
    assert (p.budget_amount, p.budget_currency) == (150000, "USD")
    assert labels(p.implementers) == {"International Organization for Migration"}


def test_a_payers_verb_with_an_amount_and_an_award_to_bodies():
    p = _programme("The Government of Norway intends to give $400,000 to help Ghana protect children. "
                   "The embassy announced an award of $400,000 to two organizations: the International "
                   "Organization for Migration and UNICEF.")
    assert "Norway" in labels(p.funders)
    assert labels(p.implementers) == {"International Organization for Migration", "United Nations Children's Fund"}


def test_a_cut_off_last_paragraph_is_kept():
    doc = read_text("Ministers meet in Accra\n\nThe ministers of Ghana and Togo met in Accra on Monday to talk "
                    "about\nchildren trafficked across the border between the two countries.\n\nThe meeting "
                    "belongs to a regional project on child protection, funded by\nItaly's Minis\n\n"
                    "Share | Print\n")
    assert "funded by Italy's Minis" in " ".join(doc.text.split())


def test_the_body_that_leads_the_project_carries_it_out():
    p = _programme("The Swiss Agency for Development and Cooperation funds the Project in Moldova. "
                   "The Ministry of the Interior of Lithuania leads the Project.")
    assert "Ministry of the Interior of Lithuania" in {e.label for e in p.implementers} | \
        {a for e in p.implementers for a in e.alt_labels}


def test_a_commissioned_by_field_names_the_funder_of_a_sheet_with_its_countries():
    doc = read_text("Regional Work > West Africa\n\nSafe Journeys\n\nProgramme title: Safe Journeys\n"
                    "Commissioned by: Swiss Agency for Development and Cooperation\n"
                    "Countries: Ghana, Togo and Benin\n\n"
                    "The programme helps border posts find people moved against their will.\n")
    ps = [p for p in extract(doc, Resolver()).programmes if p.regions]
    assert ps, "no sheet programme with regions read"
    assert labels(ps[0].regions) == {"Ghana", "Togo", "Benin"}
    assert "Swiss Agency for Development and Cooperation" in labels(ps[0].funders)


def test_implementing_partners_as_a_noun_make_no_launchers_of_the_guests():
    doc = read_text("Mombasa, 4 May 2021\n\nShelter staff from Kenya met in Mombasa for a workshop on "
                    "trafficking. Guests from UNICEF, UNHCR and implementing partners of the EU Safe Routes "
                    "programme were also there.\n")
    implementers = {label for p in extract(doc, Resolver()).programmes for label in labels(p.implementers)}
    assert not implementers & {"United Nations Children's Fund", "Office of the United Nations High Commissioner for Refugees"}
