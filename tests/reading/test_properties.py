"""Any string either reads into well-formed paragraphs or is refused, never crashes."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tipgraph.reading import UnreadableDocument, read_text

LINE = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["-", "Share", "- Albania", "News", "", "Contact:", "Tel: +41 22 000 00 00",
                     "jane@example.org", "MOSCOW, 20 November 2009 - The agency met officials.",
                     "The ministry opened a shelter for survivors on Monday.",
                     "of the ministry and the agency in the",
                     "<p>markup</p>", "For more information, please contact Jane Doe"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=25))
def test_read_text_total(lines):
    try:
        doc = read_text("\n".join(lines))
    except UnreadableDocument as exc:
        assert exc.reason
        return
    assert doc.text and doc.text == doc.text.strip()
    assert "\n\n\n" not in doc.text
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", doc.text)
    assert all(para.strip() for para in doc.text.split("\n\n"))
    assert all(c.strip() for c in doc.contacts)
