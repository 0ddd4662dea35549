"""Layouts of real pages, in texts written here: a site banner and a menu in another
script above the headline, a page laid out in a table."""
from __future__ import annotations

from tipgraph.reading import read_text
from tipgraph.testing.extraction import extract_text
from datetime import date


def test_a_site_banner_and_a_menu_in_another_script_are_not_the_title_or_the_dateline():
    doc = read_text("KNA - Khmer News Agency\n\nទំព័រដើម   នយោបាយ   សេដ្ឋកិច្ច   English\n\n"
                    "Ministers agree on joint shelters for trafficked workers\n\n"
                    "PHNOM PENH, May 3 (KNA) — The ministers of Cambodia and Thailand met on Monday "
                    "and agreed to open joint shelters.\n\nThe talks lasted two hours.")
    assert doc.title == "Ministers agree on joint shelters for trafficked workers"
    assert doc.dateline_place == "Phnom Penh"


def test_a_page_laid_out_in_a_table_keeps_its_paragraphs():
    body = " ".join(["The ministry and IOM opened a shelter in the capital on 3 May."] * 12)
    html = ("<html><head><title>Activities</title></head><body><table><tr><td><p>Home | About</p></td>"
            f"<td><p>3 May 2022</p><p>{body}</p><p>The second paragraph names UNICEF.</p></td>"
            "</tr></table></body></html>")
    doc = read_text(html, media_type="text/html")
    assert "\n" in doc.text
    assert not any(line.startswith("| ") for line in doc.text.split("\n"))


def test_regions_in_a_post_are_no_persons():
    x = extract_text("On 3 May 2022 the minister met Dana Hollis, regional president for Asia Pacific of "
                     "the International Justice Mission, and Lee Brant, manager for Southeast Asia of IOM, "
                     "in Bangkok.", date(2022, 5, 4))
    names = {p.person.label for p in x.persons}
    assert "Asia Pacific" not in names and "Southeast Asia" not in names


def test_a_breadcrumb_ending_in_a_cut_title_and_a_handle_before_the_date_line():
    doc = read_text("Example Network | Example News\n\n"
                    "Home > Middle East > Committee against trafficking holds first meeting with ...\n\n"
                    "Committee against trafficking holds first meeting with Kenya\n\n"
                    "(@deskwriter) Published March 06, 2022 | 01:40 PM\n\n"
                    "DOHA, (Example News / QNA - 06th Mar, 2022) The national committee met the Kenyan "
                    "delegation on Sunday.\n\nThe talks covered shelters.")
    assert doc.title == "Committee against trafficking holds first meeting with Kenya"
    assert doc.published == date(2022, 3, 6)
    assert doc.dateline_place == "Doha"
    assert not doc.text.startswith("Home")


def test_wire_credits_after_the_dateline_take_no_part_and_a_council_in_a_state_is_that_states():
    x = extract_text("DOHA, (Example News / Kuwait News Agency - 06th Mar, 2022) The National Committee to "
                     "Combat Human Trafficking of Qatar met the Inter-Agency Council to Combat Trafficking in "
                     "the Philippines on Sunday.", date(2022, 3, 6), dateline="Doha")
    names = {e.label for m in x.meetings for e in m.participants}
    assert "Kuwait News Agency" not in names
    assert any(n.endswith("in the Philippines") for n in names), names


def test_a_two_line_paragraph_of_wide_lines_opens_the_body():
    doc = read_text("Example Times\nNews | Politics | Sport\n\nChildren are half of the victims, officials say\n\n"
                    "date 2021-01-20\n\n"
                    "Anna Berg, an official of the United Nations Office on Drugs and Crime (UNODC), said in\n"
                    "Lagos on Tuesday that children made up half of the victims of trafficking in 2020.\n\n"
                    "She spoke at a training for prosecutors and judges.\n")
    assert doc.text.startswith("Anna Berg")
