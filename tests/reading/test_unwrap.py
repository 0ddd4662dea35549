"""Hard-wrapped prose becomes one line a paragraph; headings and lists stay apart."""
from __future__ import annotations

from tipgraph.reading.unwrap import paragraphs, wrap_width

WRAPPED = """The ministry and the agency signed a memorandum
on the protection of victims of trafficking on Monday
in the capital, after two years of negotiations.
Under the memorandum, the agency will train
social workers in all regions, and the ministry
will pay for the stay of survivors in shelters for up to
six months.""".split("\n")


def test_wrap_width_detected():
    assert 40 <= wrap_width(WRAPPED) <= 60
    assert wrap_width(["A whole paragraph on one line that ends here.", "Another one."]) is None


def test_paragraphs_joined_and_split_at_short_sentence_end():
    assert paragraphs(WRAPPED) == [
        "The ministry and the agency signed a memorandum on the protection of victims of "
        "trafficking on Monday in the capital, after two years of negotiations.",
        "Under the memorandum, the agency will train social workers in all regions, and the "
        "ministry will pay for the stay of survivors in shelters for up to six months.",
    ]


def test_blank_lines_always_separate():
    assert paragraphs(["First paragraph of the text", "", "second starts lower"]) == [
        "First paragraph of the text", "second starts lower"]


def test_heading_not_joined_to_prose():
    lines = ["Background", *WRAPPED]
    assert paragraphs(lines)[0] == "Background"


def test_hyphen_at_line_end():
    lines = ["The agency supports counter-", "trafficking work in the region and its",
             "partners in the neighbouring countries of the region too."]
    assert paragraphs(lines)[0].startswith("The agency supports counter-trafficking work")


def test_bullets_stay_separate():
    lines = ["The plan has three parts:", "- prevention of exploitation",
             "- protection of victims", "- prosecution of offenders"]
    assert paragraphs(lines) == lines


def test_markdown_joins_every_line_of_a_block():
    assert paragraphs(["Short line.", "Another short line."], markdown=True) == [
        "Short line. Another short line."]


def test_a_capitalised_compound_broken_at_its_hyphen_is_joined_without_a_space():
    """Otherwise "Anti- Trafficking Unit" and "Anti-Trafficking Unit" became two names of
    one body, and the second document naming it was refused."""
    lines = ["Officials of the National Referral Mechanism and of the Anti-",
             "Trafficking Unit met the delegation of the visiting ministry in",
             "the capital on Monday to agree on the next steps of their joint",
             "plan for the protection of people who were exploited abroad."]
    assert "the Anti-Trafficking Unit met" in paragraphs(lines)[0]
