"""A paragraph hard-wrapped at the page's width keeps its first line, even when that line
holds no comma; a date line with a note of its update; an HTML page's date in a block of
metadata (texts written here; round twelve)."""
from __future__ import annotations

from datetime import date

from tipgraph.reading import read_text
from tipgraph.reading.metadata import date_line


def test_a_first_line_as_long_as_the_wrap_width_opens_the_body():
    text = ("Police services of two countries agree on joint patrols\n\n"
            "The Border Police of Moldova and the General Inspectorate of the Border\n"
            "Police of Romania have agreed on joint patrols along the river Prut. The\n"
            "two services will also share data on routes used by traffickers, the\n"
            "ministry said in a statement issued on Tuesday afternoon in Chisinau.\n")
    assert read_text(text).text.startswith("The Border Police of Moldova and the General Inspectorate")


def test_a_short_standfirst_line_stays_out_of_the_body():
    text = ("Police services of two countries agree on joint patrols\n\n"
            "Joint patrols start in May\n"
            "The Border Police of Moldova and the General Inspectorate of the Border\n"
            "Police of Romania have agreed on joint patrols along the river Prut. The\n"
            "two services will also share data on routes used by traffickers, the\n"
            "ministry said in a statement issued on Tuesday afternoon in Chisinau.\n")
    assert not read_text(text).text.startswith("Joint patrols start in May")


def test_a_date_line_with_a_note_of_its_update():
    assert date_line("Monday, 3 June 2019, 09:10 Last update: about a year ago") == date(2019, 6, 3)
    assert date_line("Posted: 3 June 2019 - 9:10 am | Last Updated: 4 June 2019 - 8:00 am") == date(2019, 6, 3)
    assert date_line("3 June 2019 and the update of the plan") is None


def test_an_html_page_dated_in_a_block_of_metadata():
    page = ("<html><head><title>Two ministries sign a memorandum</title></head><body><article>"
            "<h1>Two ministries sign a memorandum</h1><div class=\"meta\">Monday, 3 June 2019, 09:10</div>"
            "<p>The Ministry of Justice of Malta and the Ministry for Home Affairs signed a memorandum of "
            "understanding on the referral of victims of trafficking in Valletta this morning.</p>"
            "<p>The two ministers said the memorandum would speed up the referral of victims to shelters.</p>"
            "</article></body></html>")
    assert read_text(page, media_type="text/html").published == date(2019, 6, 3)
