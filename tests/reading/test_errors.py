"""read_document refuses what is not a readable text, with a reason and the path."""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from tipgraph.reading import SUPPORTED_SUFFIXES, UnreadableDocument, read_document

BODY = ("GENEVA – The agency and the ministry signed an agreement on shelters for "
        "survivors of trafficking on Monday.\n")


def test_error_carries_path_and_reason():
    err = UnreadableDocument("/x/y.txt", "empty file")
    assert (err.path, err.reason, str(err)) == ("/x/y.txt", "empty file", "/x/y.txt: empty file")
    assert isinstance(err, Exception)
    again = pickle.loads(pickle.dumps(err))
    assert (again.path, again.reason) == (err.path, err.reason)


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == {".txt", ".text", ".md", ".html", ".htm"}


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableDocument) as info:
        read_document(tmp_path / "nope.txt")
    assert info.value.path == (tmp_path / "nope.txt").resolve().as_posix()
    assert "no such file" in info.value.reason


def test_directory(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(UnreadableDocument, match="directory"):
        read_document(folder)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", "\u00a0\n \u2003".encode()])
def test_empty_or_whitespace(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument, match="empty"):
        read_document(path)


def test_binary_with_nul_bytes(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    with pytest.raises(UnreadableDocument, match="binary"):
        read_document(path)


def test_binary_control_characters(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(1, 9)) * 200 + b"some text")
    with pytest.raises(UnreadableDocument, match="binary"):
        read_document(path)


def test_too_large_is_refused_from_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50_000_000)
    with pytest.raises(UnreadableDocument, match="too large"):
        read_document(path)


def test_max_bytes_is_configurable(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("".join(f"Paragraph {n}: {BODY}" for n in range(10)), encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="too large"):
        read_document(path, max_bytes=100)
    assert read_document(path, max_bytes=10_000).text


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "release.pdf"
    path.write_text(BODY)
    with pytest.raises(UnreadableDocument, match="unsupported"):
        read_document(path)


def test_only_furniture_is_no_usable_text(tmp_path):
    path = tmp_path / "menu.txt"
    path.write_text("-\nShare\nTweet\nPrint\n-\n© 2020 Example\n", encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="no usable text"):
        read_document(path)


def test_document_fields(tmp_path):
    path = tmp_path / "sub" / "Release.TXT"
    path.parent.mkdir()
    raw = BODY.encode("utf-8")
    path.write_bytes(raw)
    doc = read_document(str(path))
    assert doc.path == path.resolve().as_posix()
    assert Path(doc.path).is_absolute()
    assert doc.content_sha1 == hashlib.sha1(raw).hexdigest()
    assert doc.media_type == "text/plain"
    assert doc.encoding == "utf-8"
    assert doc.dateline_place == "Geneva"


@pytest.mark.parametrize("suffix,media", [(".text", "text/plain"), (".md", "text/markdown"),
                                          (".htm", "text/html"), (".html", "text/html")])
def test_media_types(tmp_path, suffix, media):
    path = tmp_path / f"doc{suffix}"
    content = f"<html><body><p>{BODY}</p></body></html>" if "html" in media else BODY
    path.write_text(content, encoding="utf-8")
    assert read_document(path).media_type == media


def test_html_in_a_txt_file_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(f"<!DOCTYPE html><html><body><nav>Home</nav><p>{BODY}</p></body></html>")
    doc = read_document(path)
    assert doc.media_type == "text/html"
    assert "<p>" not in doc.text and "Home" not in doc.text
