"""Text scraped from web pages: furniture goes, paragraphs join, metadata is found."""
from __future__ import annotations

import re

import pytest

from tipgraph.reading import read_document, read_text

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\+\s?\d[\d\s]{6,}")


def paragraphs(doc):
    return doc.text.split("\n\n")


def assert_clean(doc):
    assert not EMAIL.search(doc.text)
    assert not PHONE.search(doc.text)
    assert "mailto" not in doc.text and "target=" not in doc.text
    assert "\n\n\n" not in doc.text
    for para in paragraphs(doc):
        assert para and "\n" not in para and para == para.strip()
        assert not re.fullmatch(r"[-–•*]\s*\S.{0,40}", para), para  # no menu items left


def test_menus_countries_fields_and_related(fixtures_dir):
    doc = read_document(fixtures_dir / "scraped_osce_style.txt")
    assert_clean(doc)
    assert doc.title == "Regional prosecutors agree to share evidence in labour trafficking cases"
    assert str(doc.published) == "2022-03-14"
    assert doc.dateline_place == "Kyiv"
    assert doc.publisher == "Example Regional Secretariat"
    assert doc.contacts == ["Ivan Placeholder, Spokesperson, Example Regional Secretariat"]
    text = doc.text
    for furniture in ("Border security", "Armenia", "Ukraine – Chair", "Office in Tbilisi",
                      "Share", "Tweet", "Related news", "Vilnius", "labour inspectors",
                      "Areas of activity", "Press release"):
        assert furniture not in text, furniture
    assert paragraphs(doc)[0].startswith("KYIV, 14 March 2022 - Senior prosecutors")
    assert len(paragraphs(doc)) == 4
    assert paragraphs(doc)[-1].endswith("in the autumn.")


def test_wrapped_lines_join_and_contact_block(fixtures_dir):
    doc = read_document(fixtures_dir / "wrapped_iom_style.txt")
    assert_clean(doc)
    assert doc.title == "Shelter for Survivors Opens in Almaty"
    assert doc.contacts == ["Aigerim Placeholder, Example Agency Almaty"]
    paras = paragraphs(doc)
    assert paras[0].startswith("The Example Agency office in Kazakhstan and the Embassy of Norway "
                               "have opened a shelter")
    assert paras[0].endswith("the largest city of the country.")
    assert paras[1].startswith("The shelter, funded with 1.2 million Euro for 24 months")
    assert any(p.startswith("The Ministry of Labour and Social Protection of Population will")
               for p in paras)
    assert paras[-1] == ("In 2008, Kazakhstan acceded to the Protocol to Prevent, Suppress and "
                         "Punish Trafficking in Persons.")
    for furniture in ("WHO WE ARE", "Our Work", "What We Do", "Take Action", "Where we work",
                      "Aigerim", "Tel"):
        assert furniture not in doc.text


def test_section_words_and_sdg_tagline(fixtures_dir):
    doc = read_document(fixtures_dir / "news_local_style.txt")
    assert_clean(doc)
    assert doc.title == "Round table on the national referral mechanism held in Tbilisi"
    assert str(doc.published) == "2021-03-03"
    assert doc.dateline_place == "Tbilisi"
    # the dateline stays in the body sentence
    assert paragraphs(doc)[0].startswith("Tbilisi – On March 3, 2021, the Example Agency")
    assert "SDG" not in doc.text and "News" not in doc.text and "Local" not in doc.text
    assert len(paragraphs(doc)) == 3


def test_press_release_marker_date_and_trailers(fixtures_dir):
    doc = read_document(fixtures_dir / "press_release_style.txt")
    assert_clean(doc)
    assert doc.title == "Training for Border Guards on Victim Identification Concludes in Dushanbe"
    assert str(doc.published) == "2020-06-12"
    assert doc.dateline_place is None
    assert doc.contacts == ["Dilnoza Placeholder"]
    assert "•" not in doc.text
    for trailer in ("UN entities", "Goals we are supporting", "United Nations Example Agency",
                    "Contacts:", "Press Release"):
        assert trailer not in doc.text
    assert paragraphs(doc)[-1].endswith("signs of exploitation.")


def test_repeated_title_kept_once_and_byline_stays(fixtures_dir):
    doc = read_document(fixtures_dir / "repeated_title_style.txt")
    assert_clean(doc)
    assert doc.title.startswith("Network welcomes the new national action plan")
    assert "Network welcomes" not in doc.text
    assert "2024 Assembly" not in doc.text
    assert paragraphs(doc)[0].startswith("The network is pleased")
    assert paragraphs(doc)[-1] == "Adapted by Joan Placeholder, Network Communications Officer."


def test_cookie_banner_and_share_buttons_go():
    doc = read_text(
        "We use cookies to improve your experience on this website. By continuing you accept "
        "our cookie policy.\nAccept\nHome > News > Press releases\nMinistry signs agreement "
        "with shelter network\nShare\nPrint\nRIGA, 2 February 2023 – The Ministry of Welfare "
        "signed an agreement with four shelters on Thursday.\nThe agreement runs for three "
        "years.\nShare on Facebook\n")
    assert doc.text == ("RIGA, 2 February 2023 – The Ministry of Welfare signed an agreement "
                        "with four shelters on Thursday.\n\nThe agreement runs for three years.")
    assert doc.title == "Ministry signs agreement with shelter network"
    assert (doc.dateline_place, str(doc.published)) == ("Riga", "2023-02-02")


def test_list_introduced_by_colon_is_content():
    doc = read_text(
        "ASTANA – The programme works in six regions of the country:\n- Almaty Region\n"
        "- Turkistan Region\n- Zhambyl Region\n- Kyzylorda Region\n- Mangystau Region\n"
        "- Pavlodar Region\nIt is funded by the European Union for three years.\n")
    assert "Zhambyl Region" in doc.text and "Pavlodar Region" in doc.text
    assert doc.text.endswith("It is funded by the European Union for three years.")


def test_labelled_fields(tmp_path):
    doc = read_text("Title: Hotline numbers published\nDate: 5 May 2020\nSource: Example "
                    "NGO\n\nThe NGO published a list of hotlines for people at risk of "
                    "exploitation in the region.\n")
    assert (doc.title, str(doc.published), doc.publisher) == (
        "Hotline numbers published", "2020-05-05", "Example NGO")
    assert doc.text.startswith("The NGO published")


def test_press_release_by_publisher():
    doc = read_text("Press release by Example Foundation, 9 October 2019\n\nFoundation opens "
                    "office\n\nThe foundation opened an office for migrant workers in the port "
                    "city on Tuesday.\n")
    assert doc.publisher == "Example Foundation"
    assert str(doc.published) == "2019-10-09"
    assert doc.title == "Foundation opens office"


@pytest.mark.parametrize("noise", ["Print", "Tweet", "Share this article", "Back to top",
                                   "Skip to main content", "© Example Agency 2021"])
def test_single_furniture_lines_inside_the_body(noise):
    doc = read_text("VIENNA – The conference ended on Friday with a declaration.\n"
                    f"{noise}\nParticipants will meet again next year in Warsaw.\n")
    assert noise not in doc.text
    assert len(paragraphs(doc)) == 2


def test_blog_style_menu_posted_by_and_tags():
    doc = read_text(
        "Home\nAbout\nNews\nContact\nSearch\n\nNGO report: exploitation rising in "
        "construction\n\nPosted on 4 April 2022 by Editor\n\nA new report by the NGO finds "
        "that more migrant workers on building sites report unpaid wages.\n\nThe NGO asks the "
        "government for more labour inspections.\n\nTags: migration, labour\n\nRelated posts"
        "\n\nAnother post title here\n")
    assert doc.title == "NGO report: exploitation rising in construction"
    assert str(doc.published) == "2022-04-04"
    assert doc.contacts == []
    assert doc.text.split("\n\n") == [
        "A new report by the NGO finds that more migrant workers on building sites report "
        "unpaid wages.",
        "The NGO asks the government for more labour inspections."]


def test_ministry_style_date_with_time_and_crlf():
    doc = read_text("Ministry of Internal Affairs\r\nNews\r\n12.03.2021 10:45\r\nMinistry and "
                    "agency sign a plan for 2021\r\nThe ministry and the agency signed a plan of "
                    "joint activities on Friday.\r\nPrint version\r\nShare:\r\nFacebook\r\n")
    assert str(doc.published) == "2021-03-12"
    assert doc.title == "Ministry and agency sign a plan for 2021"
    assert doc.text == "The ministry and the agency signed a plan of joint activities on Friday."


def test_gov_style_cookie_banner_wrapped_title_standfirst(fixtures_dir):
    doc = read_document(fixtures_dir / "govuk_style.txt")
    assert_clean(doc)
    assert doc.title == ("Embassy funds a mobile legal clinic for survivors of trafficking in "
                         "southern Moldova")
    assert str(doc.published) == "2022-07-30"
    assert doc.publisher == "Example Embassy Chisinau and Foreign Affairs Department of Example Country"
    assert doc.contacts == ["Ana Placeholder, Press Officer, Example Embassy Chisinau"]
    paras = paragraphs(doc)
    assert paras[0].startswith("On World Day against Trafficking in Persons, the Embassy")
    assert paras[-1].endswith("signs of exploitation.")
    for furniture in ("cookies", "Government", "£120,000", "useful", "Facebook"):
        assert furniture not in doc.text


def test_pipe_menus_breadcrumbs_and_standfirst(fixtures_dir):
    doc = read_document(fixtures_dir / "ilo_style.txt")
    assert_clean(doc)
    assert doc.title == "Country becomes third in its region to ratify the Protocol on forced labour"
    assert str(doc.published) == "2019-06-04"
    assert (doc.dateline_place, doc.publisher) == ("Geneva", "Example News")
    assert paragraphs(doc)[0].startswith("GENEVA (Example News) – The Minister of Labour")
    assert len(paragraphs(doc)) == 2


def test_place_and_date_on_their_own_line(fixtures_dir):
    doc = read_document(fixtures_dir / "place_date_style.txt")
    assert_clean(doc)
    assert doc.title == "Prosecutors of two countries set up a joint investigation team"
    assert (doc.dateline_place, str(doc.published)) == ("Tirana", "2020-12-09")
    assert paragraphs(doc)[0].startswith("Today, the General Prosecutor's Office")
    assert "Home" not in doc.text and "EN" not in doc.text
