"""find_mentions and main_country on short texts written for these tests."""
from __future__ import annotations

TEXT = (
    "ASHGABAT, 12 May 2018 - IOM Turkmenistan and the OSCE Centre in Ashgabat held a round table with the "
    "Turkmen Foreign Ministry and the Ministry of Internal Affairs of Turkmenistan. Experts from the "
    "Swiss and U.S. governments discussed the Palermo Protocol and the National Action Plan.\n"
    "The Interior Ministry presented figures; UNODC and the IOM office in Moscow joined online."
)


def labels(mentions):
    return [(m.text, m.entity.label) for m in mentions]


def test_mentions_offsets_and_order(resolver):
    ms = resolver.find_mentions(TEXT)
    for m in ms:
        assert TEXT[m.start:m.end] == m.text
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_mentions_content(resolver):
    got = labels(resolver.find_mentions(TEXT))
    assert ("ASHGABAT", "Ashgabat") in got  # a dateline in capitals still names the place
    assert ("IOM Turkmenistan", "International Organization for Migration") in got
    assert ("OSCE Centre in Ashgabat", "OSCE Centre in Ashgabat") in got
    assert ("Turkmen Foreign Ministry", "Ministry of Foreign Affairs of Turkmenistan") in got
    assert ("Ministry of Internal Affairs of Turkmenistan", "Ministry of Internal Affairs of Turkmenistan") in got
    assert ("Swiss", "Switzerland") in got
    assert ("U.S. governments", "United States of America") in got
    assert ("Palermo Protocol", "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children") in got
    assert ("UNODC", "United Nations Office on Drugs and Crime") in got
    assert ("IOM office in Moscow", "International Organization for Migration") in got
    # a bare generic body needs a country
    assert not any(t == "Interior Ministry" for t, _ in got)


def test_bare_bodies_with_country(resolver):
    tm = resolver.state("TM")
    got = labels(resolver.find_mentions(TEXT, country=tm))
    assert ("Interior Ministry", "Ministry of Internal Affairs of Turkmenistan") in got


def test_longest_match_wins(resolver):
    got = labels(resolver.find_mentions("The Council of Europe Convention on Action against Trafficking in Human Beings entered into force."))
    assert got == [("Council of Europe Convention on Action against Trafficking in Human Beings",
                    "Council of Europe Convention on Action against Trafficking in Human Beings")]


def test_no_match_across_sentences(resolver):
    got = labels(resolver.find_mentions("They met in Moscow. Oblast officials came too."))
    assert got == [("Moscow", "Moscow")]


def test_un_body_is_not_a_national_body(resolver):
    ru = resolver.state("RU")
    got = labels(resolver.find_mentions("The UN High Commissioner for Human Rights spoke.", country=ru))
    assert got == [("UN", "United Nations")]


def test_main_country(resolver):
    assert resolver.main_country(TEXT).iso_code == "TM"
    text = "The Russian delegation visited Kazan and the Republic of Tatarstan; the Turkish side joined later."
    assert resolver.main_country(text).iso_code == "RU"
    assert resolver.main_country("Experts discussed trafficking in general.") is None


def test_headings_in_capitals_are_not_acronyms(resolver):
    got = [m.text for m in resolver.find_mentions("WHO WE ARE\nThe IOM and WHO met. IOM UNODC OSCE ILO joined.")]
    assert got == ["IOM", "WHO", "IOM", "UNODC", "OSCE", "ILO"]
