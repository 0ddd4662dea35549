"""A paragraph hard-wrapped at the page's width keeps its first line, even when that line
holds no comma (texts written here; round twelve)."""
from __future__ import annotations

from tipgraph.reading import read_text


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
