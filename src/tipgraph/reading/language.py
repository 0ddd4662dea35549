"""Which language a document is written in, so that text the extractor cannot read is
stored as a document rather than refused as "no usable text" or mined for false facts.

py3langid ships its model inside the package (no download at run time), is small and
quick, and handles short texts. The extraction rules are written for English, so any
other language gets the document with its metadata and no facts.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

#: Languages the extraction rules are written for (ISO 639-1).
SUPPORTED_LANGUAGES: frozenset[str] = frozenset({"en"})

#: How much of the text is looked at: a release's opening says enough, and a bound keeps
#: huge documents cheap.
SAMPLE_CHARS = 4_000

#: Below this share of letters the text is mostly numbers, codes or names: too little to
#: tell a language, so the document is taken as English (the default of the corpora).
_MIN_LETTER_SHARE = 0.3
_MIN_LETTERS = 40
#: A non-English verdict needs at least this normalised probability.
_MIN_PROBABILITY = 0.9


#: Words frequent in any English text and rare in other languages (no "a", "in", "is",
#: "on": French, German and Dutch have them too).
_ENGLISH_WORDS = frozenset("""the and of to for with that from this by were has have will which its their
said was been also would are""".split())
#: Share of those words above which a text is English without asking the model: the
#: project's 165 English releases have 11 percent or more; other languages about none.
#: Below it the model decides, so the share only saves work, it never says "not English".
_ENGLISH_SHARE = 0.08
_WORD = re.compile(r"[^\W\d_]+")


def _plainly_english(sample: str) -> bool:
    words = _WORD.findall(sample.lower())
    return bool(words) and sum(1 for w in words if w in _ENGLISH_WORDS) >= _ENGLISH_SHARE * len(words)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" when the text is too short or unclear to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    if letters < _MIN_LETTERS or letters < _MIN_LETTER_SHARE * len(sample.strip() or " "):
        return "en"
    if _plainly_english(sample):
        # most documents: the model (about 100 MB and a second to load) is not needed
        return "en"
    lang, probability = _identifier().classify(sample)
    if lang != "en" and probability < _MIN_PROBABILITY:
        return "en"
    return str(lang)


def is_supported(language: str | None) -> bool:
    """Whether the extraction rules are written for ``language`` (unknown counts as supported)."""
    return language is None or language in SUPPORTED_LANGUAGES


_DAY_MONTH_YEAR = re.compile(r"\b\d{1,2}\.?\s+[^\W\d_]{3,15}\.?\s+\d{4}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b")


def foreign_date(text: str, language: str) -> date | None:
    """The first "3 мая 2021" / "12 février 2020" / "03.05.2021" in the opening of a text
    in another language, read with dateparser's month names for that language."""
    import dateparser

    for m in _DAY_MONTH_YEAR.finditer(text[:SAMPLE_CHARS]):
        try:
            found = dateparser.parse(m.group(), languages=[language],
                                     settings={"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"})
        except Exception:  # dateparser knows no such language, or a value out of range
            found = None
        if found is not None:
            return found.date()
    return None
