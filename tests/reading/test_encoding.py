"""Encodings seen in press-release archives decode to the same clean text."""
from __future__ import annotations

import codecs
import unicodedata

import pytest

from tipgraph.reading import read_document, read_text
from tipgraph.reading.encoding import BinaryContent, decode_bytes, normalise_text

RU = ("МОСКВА, 20 ноября 2009 года – Специальный представитель встретилась с "
      "представителями министерства иностранных дел и прокуратуры.")
FR = ("GENÈVE – L’agence a présenté son rapport sur la traite des êtres humains "
      "à Genève, « un pas décisif », a déclaré la directrice générale.")
DE = "WIEN - Die Behörde hat mit Vertretern aus München und Zürich über Opferschutz gesprochen."


@pytest.mark.parametrize("text,encoding,expected", [
    (RU, "utf-8", "utf-8"),
    (RU, "cp1251", "cp1251"),
    (FR, "cp1252", "cp1252"),
    (DE, "latin-1", "cp1252"),  # every latin-1 letter decodes the same in cp1252
    (RU, "utf-16-le", "utf-16-le"),
    (FR, "utf-16-be", "utf-16-be"),
])
def test_decodes_without_bom(text, encoding, expected):
    decoded, used = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert used == expected


@pytest.mark.parametrize("bom,encoding,name", [
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
])
def test_byte_order_marks(bom, encoding, name):
    decoded, used = decode_bytes(bom + FR.encode(encoding))
    assert decoded == FR and used == name


def test_declared_charset_is_tried_before_guessing():
    text = RU.replace("–", "-")
    decoded, used = decode_bytes(text.encode("koi8_r"), declared="koi8-r")
    assert decoded == text and used == "koi8-r"


def test_nul_bytes_are_binary():
    with pytest.raises(BinaryContent):
        decode_bytes(b"abc\x00\x01\x02\xff\xfe\x00\x00zz")


def test_read_document_records_encoding(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(RU.encode("cp1251"))
    doc = read_document(path)
    assert doc.encoding == "cp1251"
    assert "Специальный представитель" in doc.text
    assert doc.dateline_place == "Москва"
    # a document in Russian is stored without facts, but with the date its opening gives
    assert doc.language == "ru" and doc.published.isoformat() == "2009-11-20"


def test_html_meta_charset(tmp_path):
    path = tmp_path / "page.html"
    page = (f'<html><head><meta charset="windows-1251"><title>Встреча</title></head>'
            f'<body><p>{RU}</p></body></html>')
    path.write_bytes(page.encode("cp1251"))
    doc = read_document(path)
    assert doc.encoding == "cp1251"
    assert "министерства иностранных дел" in doc.text


def test_normalise_spaces_and_nfc():
    decomposed = unicodedata.normalize("NFD", "Genève")
    text = normalise_text(f"A\u00a0B\u202fC\u200bD\u00ad{decomposed}\r\nnext\tline  end \r")
    assert text == "A B CDGenève\nnext line end"
    assert unicodedata.is_normalized("NFC", text)


def test_typographic_quotes_stay():
    doc = read_text("GENEVA – The agency’s director said: “Survivors come first.” The "
                    "meeting ended with a joint statement on shelters.")
    assert "’" in doc.text and "“" in doc.text
