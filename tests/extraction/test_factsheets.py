"""Donor fact sheets: records of labelled fields (texts written here)."""
from __future__ import annotations

from decimal import Decimal

from tipgraph.extraction import extract
from tipgraph.extraction.factsheets import _span_months
from tipgraph.reading import read_text
from tipgraph.resolution import Resolver

SHEET = """Example Relief USA

Our Projects > Protection > Ghana

SAFE RETURN FOR TRAFFICKED CHILDREN

PROJECT SUMMARY
  Donor:                  United States Agency for International
                          Development
  Implementing partner:   Example Relief, with Lantern House
  Budget:                 $1.5 Million
  Duration:               01/03/2019 to 28/02/2022
  Country:                Ghana

The project helps children who return home after trafficking.
"""

RECORDS = """Grants of the office in 2020

Country: Regional Project - Kenya, Uganda and Tanzania
Implementer: UN Office on Drugs and Crime
Amount: $400,000
Start Date: 10/1/2019
Prospective End Date: 3/30/2022
Description: UNODC trains prosecutors of the region.

Country: Nepal
Implementer: International Organization for Migration
Amount: $250,000
Duration: 24 months
Description: IOM supports shelters.
"""


def _programmes(text: str):
    doc = read_text(text)
    return extract(doc, Resolver()).programmes


def test_a_fact_sheet_with_wrapped_values_gives_one_programme():
    (p,) = _programmes(SHEET)
    assert [e.label for e in p.funders] == ["United States Agency for International Development"]
    assert {e.label for e in p.implementers} == {"Example Relief", "Lantern House"}
    assert p.budget_amount == Decimal("1500000") and p.budget_currency == "USD"
    assert p.duration_months == 36
    assert [e.label for e in p.regions] == ["Ghana"]


def test_records_one_after_another_are_programmes_of_their_own():
    ps = _programmes(RECORDS)
    assert len(ps) == 2
    first, second = ps
    assert {e.label for e in first.regions} == {"Kenya", "Uganda", "Tanzania"}
    assert first.duration_months == 30 and first.budget_amount == Decimal("400000")
    assert second.duration_months == 24 and [e.label for e in second.regions] == ["Nepal"]


def test_start_and_end_dates_are_read_in_the_order_the_numbers_allow():
    assert _span_months("10/1/2016", "3/30/2020") == 42  # month first: 30 cannot be a month
    assert _span_months("01/03/2009", "28/02/2013") == 48  # day first
    assert _span_months("May 2021", "April 2023") == 24  # whole months, both counted
