"""A start-up check that every reader can work, before any document is read.

The readers lean on libraries that pull in others of their own: trafilatura needs
justext, which needs lxml's HTML cleaner, now a separate distribution
(``lxml_html_clean``). When one is missing, every HTML page failed on its own with the
same ImportError, one refusal per page, and the run ended with exit 1 as if the pages
were bad. Checked once, the run stops before it starts, with one message that says
which library is missing and how to install it. Only the readers the run's documents
need are checked: a run of plain-text files does not load the HTML reader's libraries.
"""
from __future__ import annotations

import importlib
from collections.abc import Collection
from dataclasses import dataclass

#: (module, distribution to install, which reader needs it)
REQUIRED: tuple[tuple[str, str, str], ...] = (
    ("lxml.html", "lxml", "the HTML reader"),
    ("lxml_html_clean", "lxml_html_clean", "the HTML reader (through justext)"),
    ("lxml.html.clean", "lxml_html_clean", "the HTML reader (through justext)"),
    ("justext", "justext", "the HTML reader (through trafilatura)"),
    ("trafilatura", "trafilatura", "the HTML reader"),
    ("charset_normalizer", "charset-normalizer", "the encoding detector"),
    ("dateutil.parser", "python-dateutil", "the date reader"),
    ("yaml", "PyYAML", "the Markdown front-matter reader"),
    ("pycountry", "pycountry", "the boilerplate filter"),
    ("py3langid", "py3langid", "the language detector"),
    ("dateparser", "dateparser", "the date reader for documents in other languages"),
)

#: Modules only the HTML reader needs: a run without HTML pages does not import them
#: (trafilatura and its probe page are most of a one-document ingest's start-up check).
HTML_ONLY = frozenset({"lxml.html", "lxml_html_clean", "lxml.html.clean", "justext", "trafilatura"})
HTML_SUFFIXES = frozenset({".html", ".htm"})

_PROBE_PAGE = ("<html><head><title>Probe</title></head><body><article><p>The ministry and the "
               "agency met in Vienna on 3 March 2021 to agree a plan for shelters and hotlines."
               "</p><p>Both sides agreed to meet again next year.</p></article></body></html>")


class ReaderUnavailable(Exception):
    """A library a reader needs cannot be imported or does not work."""


@dataclass(frozen=True)
class Problem:
    """A reader dependency that failed to import, with the distribution that provides it and what needs it."""

    module: str
    distribution: str
    needed_by: str
    error: str

    def __str__(self) -> str:
        return f"{self.needed_by} needs {self.module} ({self.error}); install it with: pip install '{self.distribution}'"


def _import(name: str):
    return importlib.import_module(name)


def reader_problems(suffixes: Collection[str] | None = None) -> list[Problem]:
    """What stops a reader from working: missing libraries, and a trafilatura that fails on a tiny page.

    ``suffixes``: the file suffixes of the documents about to be read (``.txt``, ``.html`` ...);
    only the readers those need are checked. None checks every reader.
    """
    html = suffixes is None or bool(HTML_SUFFIXES & {s.lower() for s in suffixes})
    problems: list[Problem] = []
    for module, dist, needed_by in REQUIRED:
        if module in HTML_ONLY and not html:
            continue
        try:
            _import(module)
        except Exception as exc:  # ImportError, or a library that breaks while importing
            problems.append(Problem(module, dist, needed_by, f"{type(exc).__name__}: {' '.join(str(exc).split())}"))
    if problems or not html:
        return problems
    try:
        text = _import("trafilatura").extract(_PROBE_PAGE, favor_recall=True, output_format="txt")
    except Exception as exc:
        return [Problem("trafilatura", "trafilatura", "the HTML reader", f"{type(exc).__name__}: {exc}")]
    if not text or "shelters" not in text:
        return [Problem("trafilatura", "trafilatura", "the HTML reader", "found no text in a plain test page")]
    return []


def check_readers(suffixes: Collection[str] | None = None) -> None:
    """Raise :class:`ReaderUnavailable` naming every library a reader lacks (of those ``suffixes`` need)."""
    problems = reader_problems(suffixes)
    if problems:
        raise ReaderUnavailable("cannot read documents: " + "; ".join(str(p) for p in problems))
