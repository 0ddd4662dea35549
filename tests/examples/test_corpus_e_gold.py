"""Structure of part e of the corpus written from real pages (examples/corpus/heldout-e, held
out: Africa, the Middle East and Asia-Pacific; sources in examples/corpus/SOURCES-e.md).

The per-document checks are those of ``test_corpus_a_gold.py``, run here against heldout-e by
giving them this module's ``corpus`` fixture; the sources checks are part e's own (twelve
files, new publishers, the three regions, at least two HTML pages).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

_parts_spec = importlib.util.spec_from_file_location("corpus_parts", Path(__file__).with_name("corpus_parts.py"))
_parts = importlib.util.module_from_spec(_parts_spec)
_parts_spec.loader.exec_module(_parts)

_spec = importlib.util.spec_from_file_location(
    "corpus_a_checks", Path(__file__).with_name("test_corpus_a_gold.py"))
_a = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_a)

CORPUS = _a.CORPUS
SET = "heldout-e"
REGIONS_E = {"Africa", "Middle East", "Asia-Pacific"}

# the per-document checks of part a, collected here with this module's fixture
test_shape_and_documents = _a.test_shape_and_documents
test_every_key_is_defined_and_every_entity_used = _a.test_every_key_is_defined_and_every_entity_used
test_meetings_read_as_the_scorer_reads_them = _a.test_meetings_read_as_the_scorer_reads_them
test_programmes_persons_ratifications = _a.test_programmes_persons_ratifications
test_no_two_entities_of_a_document_share_a_name = _a.test_no_two_entities_of_a_document_share_a_name
test_every_key_is_named_in_its_document = _a.test_every_key_is_named_in_its_document
test_no_name_was_split_at_a_comma = _a.test_no_name_was_split_at_a_comma
test_no_contact_data_in_the_documents = _a.test_no_contact_data_in_the_documents
test_every_fact_kind_is_required_somewhere = _a.test_every_fact_kind_is_required_somewhere


@pytest.fixture(scope="module")
def corpus() -> tuple[Path, dict]:
    folder = CORPUS / SET
    return folder / "documents", yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))


def test_part_e_files_and_sources():
    """Twelve files e01-e12, two or more of them HTML, one source row each, at least ten
    publishers and hosts; Africa, the Middle East and Asia-Pacific."""
    _parts.check_files_and_sources("e", REGIONS_E)


def test_part_e_publishers_are_new_to_earlier_parts():
    """No page, and no host, of part e is one that parts a, b, c already used."""
    _parts.check_new_to("e", "abc")


@pytest.mark.shared
def test_part_e_sources_are_not_pages_of_the_shared_corpora(shared_dir):
    _parts.check_not_shared("e", shared_dir)


@pytest.mark.shared
def test_scorer_reads_the_gold(corpus, shared_dir):
    """The shared scorer reads the gold: an empty graph misses every fact, of every kind."""
    _parts.check_scorer_reads_gold(corpus[1], shared_dir)
