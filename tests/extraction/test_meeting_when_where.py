"""When and where a meeting took place: general rules of round twelve (from the real-page
sets' misses), each on sentences written here, not taken from any example set."""
from __future__ import annotations

from datetime import date

from tipgraph.testing.extraction import extract_text, held, labels


def run(text: str, published: date | None = date(2024, 5, 10), dateline: str | None = None):
    return extract_text(text, published, dateline=dateline)  # type: ignore[arg-type]


def days(m) -> list[str]:
    return [v.value for v in m.dates]


def test_a_town_the_registry_lacks_named_before_its_state_is_the_venue():
    x = run("UNICEF and the Ministry of Justice of Georgia held a seminar in Borjomi Valley, Georgia, "
            "on 3 May.")
    assert "Borjomi Valley" in labels(held(x)[0].locations)


def test_a_town_that_was_the_venue():
    x = run("Mwanza, Tanzania, was the venue of a workshop of IOM and the Ministry of Home Affairs "
            "of Tanzania.")
    assert "Mwanza" in labels(held(x)[0].locations)


def test_a_dateline_with_a_hyphen_opening_a_body_sentence_is_where_the_event_was():
    x = run("Lilongwe - IOM and the Ministry of Homeland Security of Malawi held a consultation on "
            "victim referral. Officials of the Department of Immigration of Malawi attended.")
    m = held(x)[0]
    assert "Lilongwe" in labels(m.locations)
    assert "International Organization for Migration" in labels(m.participants)


def test_a_newspaper_masthead_is_no_dateline():
    from tipgraph.reading.metadata import find_dateline

    assert find_dateline("CHAIRMAN: DR. SAMIR BIN HAMAD AL ZAHRANI AL OTAIBI") is None
    assert find_dateline("EDITOR: PROF. LAYLA BINT SAAD AL QAHTANI AL HARBI") is None


def test_a_posting_time_and_a_year_glued_to_its_comma_still_date_the_page():
    from tipgraph.reading.metadata import date_line, meta_line

    assert date_line("Published: 09:15, Mar 4,2021") == date(2021, 3, 4)
    assert meta_line("Ana Lima | Published: 09:15, Mar 4,2021") == (None, date(2021, 3, 4))


def test_a_byline_beside_the_date_is_no_place():
    from tipgraph.reading.metadata import meta_line

    assert meta_line("March 4, 2021 | Posted by The Harbour Herald staff") == (None, date(2021, 3, 4))


def test_a_range_over_two_months():
    from tipgraph.extraction.dates import find_dates

    found = [v.value for dm in find_dates("The course ran from the 29th April to 2nd May 2023.", None) for v in dm.values]
    assert found == ["2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02"]
    found = [v.value for dm in find_dates("It met on 30 June and 1 July.", date(2022, 7, 9)) for v in dm.values]
    assert found == ["2022-06-30", "2022-07-01"]



def test_a_range_of_ordinal_days_in_one_month():
    """"from the 12th to the 14th of March 2021": every day, not only the last."""
    from tipgraph.extraction.dates import find_dates

    found = [v.value for dm in find_dates("The seminar ran from the 12th to the 14th of March 2021.", None) for v in dm.values]
    assert found == ["2021-03-12", "2021-03-13", "2021-03-14"]

def test_days_without_a_year_take_the_one_year_of_their_sentence_when_the_page_has_no_date():
    from tipgraph.extraction.dates import find_dates

    found = [v.value for dm in find_dates("Two seminars were held in Osh in 2018, on 3 May and on 9 June.", None)
             for dm_v in [dm] for v in dm_v.values]
    assert "2018-05-03" in found and "2018-06-09" in found


def test_the_same_day_points_back_to_the_day_before_it():
    x = run("The Council of Europe published its annual report in Strasbourg on 6 May 2024. The same day, "
            "in Vilnius, a meeting of IOM and the Ministry of the Interior of Lithuania was held.")
    assert "2024-05-06" in days(held(x)[0])


def test_last_week_makes_the_dateline_day_the_day_of_issue_only():
    x = run("Tirana, 10 May 2024 - Last week officials of IOM and of the Ministry of Interior of Albania "
            "met in Tirana to review the referral mechanism.", dateline="Tirana")
    assert "2024-05-10" not in days(held(x)[0])


def test_the_dateline_day_gives_way_to_the_days_of_the_event():
    x = run("DURRES/TIRANA, 9 January 2024 - Thirty officers of the State Police of Albania attended the "
            "first seminar of a project that IOM has started in Durres. The seminar was held from 12 to 14 "
            "December 2023 by IOM and UNICEF.", published=date(2024, 1, 9), dateline="Durres/Tirana")
    got = days(held(x)[0])
    assert "2023-12-12" in got and "2024-01-09" not in got


def test_an_event_a_body_is_to_host_is_planned():
    x = run("GENEVA, 2 May 2024 - IOM is to host a conference of the Ministry of Justice of Kenya and "
            "UNODC on 20 and 21 May 2024 at the Palais des Nations.", dateline="Geneva")
    assert not held(x)


def test_the_day_a_body_was_set_up_is_not_the_meeting_day():
    x = run("The National Council against Trafficking of Chile, which was set up by a decree of the "
            "President on 3 March 2019, met IOM in Santiago.")
    assert "2019-03-03" not in days(held(x)[0])


def test_the_lead_sentence_dates_an_event_told_after_it():
    x = run("On 4 March 2024 the Ministry of Justice of Armenia took a further step in its work against "
            "trafficking. The Ministry of Justice of Armenia held a round table with UNODC and IOM in Yerevan.")
    assert "2024-03-04" in days(held(x)[0])


def test_a_lead_about_someone_else_does_not_date_the_event():
    x = run("On 1 March 2024 the Ministry of Finance of Armenia published its budget. "
            "UNODC held talks with the Ministry of Justice of Armenia and met IOM.")
    assert not days(held(x)[0])


def test_a_state_talked_about_is_no_venue_beside_a_town_of_another_state():
    x = run("Officials of the Ministry of Labour of Nepal met IOM in Geneva. "
            "Their meeting covered recruitment practices in Qatar.")
    locs = labels(held(x)[0].locations)
    assert "Geneva" in locs and "Qatar" not in locs


def test_a_breadcrumb_year_completes_days_of_an_undated_page():
    from tipgraph.reading import read_text

    doc = read_text("Ministry of Labour of Fiji\n\nHome » 2023 » March » Labour officials trained\n\n"
                    "Labour officials trained\n\nIOM and the Ministry of Employment of Fiji held a training in "
                    "Suva from 6 to 8 March for labour inspectors.\n\nThe training covered forced labour.\n")
    assert doc.year == 2023 and doc.published is None


def test_the_days_in_brackets_after_this_week():
    from tipgraph.extraction.dates import find_dates

    found = [v.value for dm in find_dates("Suva - This week (06/03) IOM met the Ministry.", None, 2023) for v in dm.values]
    assert found == ["2023-03-06"]
    found = [v.value for dm in find_dates("Last week (14 - 15 March) a workshop was held.", date(2023, 3, 20))
             for v in dm.values]
    assert found == ["2023-03-14", "2023-03-15"]


def test_a_venue_sentence_after_the_first():
    x = run("Border officials met to share practice. Mwanza, Tanzania, was the venue of the meeting of "
            "IOM and the Ministry of Home Affairs of Tanzania.")
    assert "Mwanza" in labels(held(x)[0].locations)


def test_a_lead_sentence_that_says_where_the_workshop_was_held_places_the_event():
    x = run("Thirty police officers were trained at the \"Course on victim identification\", held in "
            "Nairobi, Kenya, from 4 to 6 March as part of the Global Programme against Trafficking. "
            "The opening session was chaired by IOM and the Ministry of Interior of Kenya.")
    assert "Nairobi" in labels(held(x)[0].locations)


def test_a_delegation_that_travelled_to_a_city_met_there():
    x = run("A delegation of the OSCE travelled to Tbilisi to discuss victim protection. The "
            "delegation met the Ministry of Internal Affairs of Georgia and UNICEF.")
    assert "Tbilisi" in labels(held(x)[0].locations)


def test_a_town_the_registry_lacks_right_after_the_event_noun_is_the_venue():
    x = run("IOM held a regional workshop in Kotor, together with the Ministry of Interior of "
            "Montenegro, on 3 May.")
    assert "Kotor" in labels(held(x)[0].locations)
    y = run("IOM held a regional workshop in March with the Ministry of Interior of Montenegro.")
    assert "March" not in labels(held(y)[0].locations)
