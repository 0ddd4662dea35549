"""Read every document of the given folders and count the languages detected.

The extraction rules are for English, and a document detected as another language is
stored without facts: so every English release must be detected as English. Run on the
project's examples, the shared seeds and corpora (see docs/security.md); exits 1 when
a document under a folder named in --english is detected as another language.

    python scripts/check_languages.py --english examples /work/shared/seeds /work/shared/corpora/*/documents
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from tipgraph.ingest import survey
from tipgraph.reading import UnreadableDocument, read_document


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--english", action="store_true", help="every document must be detected as English")
    args = ap.parse_args(argv)
    counts: Counter[str] = Counter()
    others = []
    unreadable = 0
    for path in survey(args.folders).files:
        try:
            doc = read_document(path)
        except UnreadableDocument:
            unreadable += 1
            continue
        counts[doc.language] += 1
        if doc.language != "en":
            others.append((doc.language, str(path)))
    print(f"documents: {sum(counts.values())} read, {unreadable} unreadable")
    for lang, n in counts.most_common():
        print(f"  {lang}: {n}")
    for lang, path in others:
        print(f"  not English ({lang}): {path}")
    return 1 if args.english and others else 0


if __name__ == "__main__":
    sys.exit(main())
