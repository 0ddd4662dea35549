"""The network commands and the stored queries count the same things on the same store
(issue 16): ``network --country`` and ``who-met-whom --param country=`` select the same
meetings; ``analyze`` degree and ``most-connected-actors`` partners are the same number."""
from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest

from tipgraph.network import Selection, build_selection
from tipgraph.network.build import ALL_KINDS
from tipgraph.queries import run_query

# States of the sample whose meetings were told apart before: Belgium hosted a meeting in
# Brussels that no Belgian body attended; Russia's ministry attended the CIS meeting in Minsk.
COUNTRIES = ("RU", "BE", "BY", "UA", "MD", "KZ", "QA", "CH", "ME")


def network_pairs(store, country: str) -> Counter:
    """Pairs of participants -> meetings shared, from the meetings ``network --country`` selects."""
    G = build_selection(store, Selection(view="bipartite", countries=(country,), kinds=ALL_KINDS))
    pairs: Counter = Counter()
    for m, d in G.nodes(data=True):
        if d.get("kind") != "meeting":
            continue
        actors = sorted(a for a in G[m] if G.edges[m, a]["relation"] in ("participant", "organizer"))
        pairs.update(combinations(actors, 2))
    return pairs


@pytest.mark.parametrize("country", COUNTRIES)
def test_network_country_and_who_met_whom_select_the_same_meetings(sample_store, country):
    query = {(r["actorA"], r["actorB"]): r["meetings"]
             for r in run_query(sample_store, "who-met-whom", country=country).rows}
    assert dict(network_pairs(sample_store, country)) == query


def test_the_country_rule_is_where_the_meeting_was_held(sample_store):
    # Brussels is in Belgium; the Minsk meeting Russia attended is not a meeting in Russia.
    assert network_pairs(sample_store, "BE")
    assert not network_pairs(sample_store, "RU")
