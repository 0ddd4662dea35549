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
