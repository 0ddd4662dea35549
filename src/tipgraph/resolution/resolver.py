"""The Resolver: names in running text and single names -> entities.

One pass over the tokens of a text finds, at each position, the longest registry name
that starts there (a dictionary of folded token tuples, keyed by first token with the
longest length per first token: a few thousand names cost a few dict lookups per
token). Acronyms are matched case-sensitively on the exact surface. A second pass
combines neighbouring matches that name one thing together:

* state or demonym + generic body   "Russian Interior Ministry", "U.S. government"
* generic body + of/in/to + state   "Ministry of Justice of Turkmenistan"
* organization + place [+ office]   "IOM Moscow", "IOM office in Moscow" -> IOM itself
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Container, Iterable

from rapidfuzz import process

from ..model import Entity, EntityKind
from ..namespaces import entity_iri, is_signed_instrument, signed_instrument_iri
from . import national_bodies as nb
from .known import KnownSource, Row
from .matching import (
    FUZZY_SCORERS,
    FUZZY_THRESHOLD,
    MIN_FUZZY_LENGTH,
    Token,
    clean_label,
    fuzzy_compatible,
    is_acronym,
    name_key,
    normalize,
    tokenize,
)
from .registry import Registry, load_registry

_ENTITY, _BODY, _DEMONYM = "E", "B", "D"
#: words after an organization's name that name one of its offices, not another actor
_OFFICE_WORDS = frozenset({"office", "offices", "country office", "mission", "secretariat", "headquarters",
                           "sub office", "suboffice", "representation", "committee", "committees"})
_BAD_GAP = set("\n\r!?;:")
#: texts up to this long (names, not whole pages) have their scans kept (``_NameIndex.scan_memo``)
_SCAN_MEMO_CHARS = 300
#: words separated by single spaces: the length of the name is the length of its sorted words
_PLAIN = re.compile(r"\S+(?: \S+)*")
#: entries a memo of the registry's index holds before it is emptied (415 documents grew a
#: worker's heap by 17 MB with ~8,000 entries kept, ~2 kB each with all other caches counted)
_MEMO_LIMIT = 20_000
#: "<Legislative> Committee of the", "Secretariat of the": a sub-unit named by its parent
_SUB_UNIT = re.compile(r"^(?:[A-Z][\w-]*\s+){0,3}(?:Secretariat|Committees?|Sub-?[Cc]ommittee|Headquarters|Presidium|"
                       r"Bureau|Country Office|Field Office|Regional Office)\s+of\s+(?:the\s+)?$")


@dataclass(frozen=True)
class Mention:
    """A name found in a text: character offsets into that text and the entity it names."""

    start: int
    end: int
    text: str
    entity: Entity


@dataclass(frozen=True, slots=True)
class _Cand:
    tag: str
    payload: object  # Entity | BodyKind
    surface: str | None  # exact text required (acronyms), else None


@dataclass(slots=True)
class _Raw:
    ti: int
    tj: int  # exclusive
    cand: _Cand


class _NameIndex:
    """Folded token tuples -> candidates; one for the registry, one per Resolver for known names."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], list[_Cand]] = {}
        self.first_max: dict[str, int] = {}
        #: kind -> {normalised name: entity} for fuzzy matching
        self.fuzzy: dict[str, dict[str, Entity]] = {}
        #: kind -> {normalised name: its place in the order add_known over every stored
        #: entity would have claimed it}; only a resolver with a KnownSource keeps it
        self.claim: dict[str, dict[str, tuple]] = {}
        #: the first word of each name added, in order: a kept scan of a text holds while no
        #: name added since begins with one of the text's words
        self.added: list[str] = []
        #: kind -> (size of fuzzy[kind], its names as a list): the tables only grow
        self.fuzzy_names: dict[str, tuple[int, list[str]]] = {}
        #: Answers that depend on this index alone, kept on the registry's index (shared by
        #: every resolver of a worker), since the same names recur in document after document:
        #: (query, kind, threshold) -> rapidfuzz results per scorer; name -> _geo; (text, strict) -> scan
        self.fuzzy_memo: dict[tuple, list[list]] = {}
        self.geo_memo: dict[str, frozenset[str]] = {}
        self.length_tables: dict[tuple[str, int], tuple[list[int], list[str], list[int]] | None] = {}
        self.scan_memo: dict[tuple[str, bool], tuple[list[Token], list[_Raw], list[str]]] = {}

    def fuzzy_extract(self, query: str, kind: str, scorer, threshold: float) -> list:
        """``process.extract(query, names, scorer=scorer, score_cutoff=threshold, limit=5)`` over
        this index's names of ``kind``, the same list, comparing only names of a length that
        can reach ``threshold``.

        Both scorers are an Indel ratio, at most 200 * min(len) / (len + len), over the names
        (token_sort_ratio: over their sorted words, of the same length when the words are
        separated by single spaces, as normalised names are; else every name is compared).
        rapidfuzz ranks by score, then by position in the list, as done here."""
        names = self.fuzzy_choices(kind)
        table = self._by_length(kind, names)
        if table is None or not _PLAIN.fullmatch(query):
            return process.extract(query, names, scorer=scorer, score_cutoff=threshold, limit=5)
        lengths, ordered, positions = table
        n, t = len(query), threshold - 1.0  # a margin: never leave out a name that can reach it
        lo = bisect.bisect_left(lengths, t * n / (200.0 - t) - 1)
        hi = bisect.bisect_right(lengths, (200.0 / t - 1.0) * n + 1)
        found = process.extract(query, ordered[lo:hi], scorer=scorer, score_cutoff=threshold, limit=None)
        ranked = sorted(((score, positions[lo + i], cand) for cand, score, i in found), key=lambda r: (-r[0], r[1]))
        return [(cand, score, pos) for score, pos, cand in ranked[:5]]

    def _by_length(self, kind: str, names: list[str]) -> tuple[list[int], list[str], list[int]] | None:
        """Names of ``kind`` sorted by length (lengths, names, their positions in ``names``);
        None when one is not plainly spaced."""
        key = (kind, len(names))
        if key not in self.length_tables:
            if not all(_PLAIN.fullmatch(name) for name in names):
                self.length_tables[key] = None
            else:
                order = sorted(range(len(names)), key=lambda i: (len(names[i]), i))
                self.length_tables[key] = ([len(names[i]) for i in order], [names[i] for i in order], order)
        return self.length_tables[key]

    def fuzzy_choices(self, kind: str) -> list[str]:
        """The names of ``fuzzy[kind]`` as a list, built again only when the table grew."""
        choices = self.fuzzy.get(kind, {})
        cached = self.fuzzy_names.get(kind)
        if cached is None or cached[0] != len(choices):
            cached = self.fuzzy_names[kind] = (len(choices), list(choices))
        return cached[1]

    def add(self, name: str, tag: str, payload: object, order: tuple | None = None) -> None:
        key = name_key(name)
        if not key:
            return
        surface = name.strip() if is_acronym(name) else None
        cand = _Cand(tag, payload, surface)
        self.added.append(key[0])
        bucket = self.names.setdefault(key, [])
        if cand not in bucket:
            bucket.append(cand)
        if self.first_max.get(key[0], 0) < len(key):
            self.first_max[key[0]] = len(key)
        if tag == _ENTITY and surface is None:
            assert isinstance(payload, Entity)
            table = self.fuzzy.setdefault(payload.kind, {})
            joined = " ".join(key)
            if order is None:
                table.setdefault(joined, payload)
                return
            # Entities arrive in any order from a source: the name goes to the entity
            # that would have claimed it first had every stored entity been added in order.
            claims = self.claim.setdefault(payload.kind, {})
            if joined not in claims or order < claims[joined]:
                claims[joined] = order
                table[joined] = payload

    def copy(self) -> "_NameIndex":
        """An independent copy (bucket lists and fuzzy tables copied, entities shared)."""
        other = _NameIndex()
        other.names = {k: list(v) for k, v in self.names.items()}
        other.first_max = dict(self.first_max)
        other.fuzzy = {k: dict(v) for k, v in self.fuzzy.items()}
        other.claim = {k: dict(v) for k, v in self.claim.items()}
        return other

    def add_entity(self, e: Entity, *, skip_generic: bool = False) -> None:
        for n in (e.label, *sorted(e.alt_labels)):
            if skip_generic and name_key(n) in nb.VARIANTS:
                # "Prosecutor's Office" as an alt name of one country's body would make
                # every generic mention that country's: generic names go through the
                # national-body rules, which know the document's country
                continue
            self.add(n, _ENTITY, e)


@lru_cache(maxsize=4)
def _registry_index(registry: Registry) -> _NameIndex:
    index = _NameIndex()
    for e in registry.entities:
        index.add_entity(e, skip_generic=e.kind == "Organization")
    for rec in registry.states.values():
        for d in rec.demonyms:
            index.add(d, _DEMONYM, rec.entity)
    for body in nb.BODY_KINDS:
        for v in body.variants:
            index.add(v, _BODY, body)
    return index


class Resolver:
    """Resolves names against the registry and the entities known from earlier documents."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or load_registry()
        self._index = _registry_index(self.registry)
        self._known = _NameIndex()
        self._known_by_iri: dict[str, Entity] = {}
        self._bodies: dict[tuple[str, str], Entity] = {}
        #: where stored entities are looked up by name (None: only those told with add_known)
        self._source: KnownSource | None = None
        self._source_names: frozenset[str] = frozenset()
        self._source_list: list[str] = []
        self._source_first_max: dict[str, int] = {}
        self._fetched_keys: set[str] = set()
        self._fetched_iris: set[str] = set()
        self._replayed: set[str] = set()
        self._fuzzy_fetched: set[tuple[str, float]] = set()
        #: entities added after the stored ones (created in this document), in order
        self._added = 0
        self._last_scan: tuple | None = None
        #: (text, strict, len(self._known.added), scan) of the last page-long text scanned
        self._long_scan: tuple | None = None
        #: resolve()/state() answers; keyed with the number of known entities, which only grows
        self._memo: dict[tuple, Entity | None] = {}

    # -- known entities -------------------------------------------------------------
    def add_known(self, entities: Iterable[Entity]) -> None:
        """Entities already in the store or created earlier in this run (registry ones are skipped)."""
        if self._source is not None:
            entities = list(entities)
            # what the store knows of these names and IRIs comes first, as it would have
            self._ensure_iris(e.iri for e in entities)
            self._ensure_keys(normalize(n) for e in entities for n in (e.label, *e.alt_labels))
            self._added += 1
            self._add_known(entities, (1, self._added))
        else:
            self._add_known(entities, None)

    def _add_known(self, entities: Iterable[Entity], order: tuple | None) -> None:
        for e in entities:
            if e.iri in self.registry.by_iri or is_signed_instrument(e.iri):
                # a memorandum signed in another document is never the one a name here
                # ("the Memorandum of Understanding") denotes: it is no known name
                continue
            prev = self._known_by_iri.get(e.iri)
            if prev is not None:
                e = replace(prev, alt_labels=prev.alt_labels | e.alt_labels | ({e.label} - {prev.label}))
            self._known_by_iri[e.iri] = e
            for i, n in enumerate((e.label, *sorted(e.alt_labels))):
                # a generic name ("Foreign Ministry") never identifies one known entity:
                # it depends on the country, which the national-body rules decide
                if not any(c.tag != _ENTITY for c in self._index.names.get(name_key(n), ())):
                    self._known.add(n, _ENTITY, e, None if order is None else (*order, i))

    # -- stored entities looked up by name ------------------------------------------
    def use_source(self, source: KnownSource) -> None:
        """Resolve against the entities of ``source``, fetched by name when a name is asked about.

        The answers are those of a resolver told every entity of the source with
        :meth:`add_known`, in (iri, kind, label) order, before anything else: each
        entity's rows are replayed in that order when one of its names or its IRI is
        first needed, every entity with that name comes with it, and a fuzzy name goes
        to the entity that would have claimed it first (``_NameIndex.add``).
        """
        self._source = source
        self._source_names = source.names()
        first: dict[str, int] = {}
        for key in self._source_names:
            toks = key.split(" ")
            if first.get(toks[0], 0) < len(toks):
                first[toks[0]] = len(toks)
        self._source_first_max = first
        self._source_list = sorted(self._source_names)

    def _ensure_keys(self, keys: Iterable[str]) -> None:
        if self._source is None:
            return
        wanted = {k for k in keys if k not in self._fetched_keys}
        if not wanted:
            return
        self._fetched_keys |= wanted
        wanted &= self._source_names
        if wanted:
            self._replay(self._source.rows_for_keys(wanted))

    def _ensure_iris(self, iris: Iterable[str]) -> None:
        if self._source is None:
            return
        wanted = {i for i in iris if i not in self._fetched_iris}
        if wanted:
            self._fetched_iris |= wanted
            self._replay(self._source.rows_for_iris(wanted))

    def _replay(self, rows: Iterable[Row]) -> None:
        """Tell this resolver the stored entities of ``rows`` not told yet, each one's rows in order."""
        by_iri: dict[str, list[Row]] = {}
        for row in rows:
            if row[0] not in self._replayed:
                by_iri.setdefault(row[0], []).append(row)
        for iri in sorted(by_iri):
            self._replayed.add(iri)
            self._fetched_iris.add(iri)
            for seq, (_, kind, label) in enumerate(sorted(set(by_iri[iri]))):
                self._add_known([Entity(iri=iri, kind=kind, label=label)], (0, iri, seq))  # type: ignore[arg-type]

    def _known_entity(self, iri: str | None) -> Entity | None:
        if iri is None:
            return None
        self._ensure_iris((iri,))
        return self._known_by_iri.get(iri)

    def fork(self) -> "Resolver":
        """A resolver in the state of this one, that learns on its own from here.

        Ingest resolves each document with what the store knows and nothing learnt from
        other documents; copying one resolver that was told the store's entities costs
        far less than telling a new one again for every document.
        """
        other = Resolver(self.registry)
        other._known = self._known.copy()
        other._known_by_iri = dict(self._known_by_iri)
        other._bodies = dict(self._bodies)
        if self._source is not None:
            other._source = self._source
            other._source_names = self._source_names
            other._source_first_max = self._source_first_max
            other._source_list = self._source_list  # shared: the source's names do not change
            other._fetched_keys = set(self._fetched_keys)
            other._fetched_iris = set(self._fetched_iris)
            other._replayed = set(self._replayed)
            other._fuzzy_fetched = set(self._fuzzy_fetched)
            other._added = self._added
        return other

    def entity(self, iri: str) -> Entity | None:
        """The entity with this IRI, from the registry or among those known or created
        (national bodies generated for a state included)."""
        hit = self.registry.by_iri.get(iri) or self._known_entity(iri)
        if hit is None:
            hit = next((b for b in self._bodies.values() if b.iri == iri), None)
        return hit

    def known_iris(self) -> Container[str]:
        """IRIs of the entities added with :meth:`add_known` or created so far (with a
        source, those of its entities too: asked one by one, not listed)."""
        now = frozenset(self._known_by_iri)
        if self._source is None:
            return now
        return _KnownIris(self, now)

    # -- scanning ---------------------------------------------------------------------
    def _lookup(self, key: tuple[str, ...]) -> list[_Cand]:
        if self._source is not None:
            joined = " ".join(key)
            if joined not in self._fetched_keys:
                self._ensure_keys((joined,))
        return self._index.names.get(key, []) + self._known.names.get(key, [])

    def _scan(self, text: str, *, strict: bool = True) -> tuple[list[Token], list[_Raw]]:
        # find_mentions, then again with the country, then main_country: one scan serves all
        hit = self._last_scan
        if hit is not None and hit[0] is text and hit[1] == strict and hit[2] == len(self._known.names):
            return hit[3]
        out = self._kept_long_scan(text, strict) if len(text) > _SCAN_MEMO_CHARS else None
        if out is None:
            out = self._scan_uncached(text, strict=strict)
            if len(text) > _SCAN_MEMO_CHARS:
                self._long_scan = (text, strict, len(self._known.added), out)
        self._last_scan = (text, strict, len(self._known.names), out)
        return out

    def _kept_long_scan(self, text: str, strict: bool) -> tuple[list[Token], list[_Raw]] | None:
        """The scan of a page's text kept from an earlier call (find_mentions, then main_country,
        with names resolved in between), when no name known since begins with one of its words."""
        hit = self._long_scan
        if hit is None or hit[0] is not text or hit[1] != strict:
            return None
        added = self._known.added[hit[2]:]
        if added:
            words = {t.norm for t in hit[3][0]}
            if any(w in words for w in added):
                return None
        return hit[3]

    def _scan_uncached(self, text: str, *, strict: bool = True) -> tuple[list[Token], list[_Raw]]:
        # A short text none of whose words begins a known name scans the same with every
        # resolver of this registry: its scan is kept on the registry's index.
        hit = self._index.scan_memo.get((text, strict)) if len(text) <= _SCAN_MEMO_CHARS else None
        if hit is not None and not any(w in self._known.first_max for w in hit[2]):
            return list(hit[0]), list(hit[1])
        toks = [t for t in tokenize(text) if t.norm]
        norms = [t.norm for t in toks]
        shared = len(text) <= _SCAN_MEMO_CHARS and not any(w in self._known.first_max for w in norms)
        n = len(toks)
        # run[i]: how many tokens from i can belong to one name (no sentence break between)
        run = [1] * n
        for i in range(n - 2, -1, -1):
            gap = text[toks[i].end:toks[i + 1].start]
            bad = bool(_BAD_GAP.intersection(gap)) or ("." in gap and len(toks[i].text) > 3)
            run[i] = 1 if bad else run[i + 1] + 1
        raws: list[_Raw] = []
        i = 0
        while i < n:
            first = toks[i].norm
            maxlen = min(run[i], max(self._index.first_max.get(first, 0), self._known.first_max.get(first, 0),
                                     self._source_first_max.get(first, 0)))
            found = None
            for length in range(maxlen, 0, -1):
                cands = self._lookup(tuple(norms[i:i + length]))
                if not cands:
                    continue
                span = text[toks[i].start:toks[i + length - 1].end]
                ok = [c for c in cands if self._acceptable(c, span, strict)]
                if ok:
                    found = (length, ok)
                    break
            if found is None:
                i += 1
                continue
            length, ok = found
            best = _best(ok)
            if strict and best.surface is not None and self._shouting(toks, i, i + length):
                i += length  # "WHO WE ARE": a heading in capitals, not an acronym
                continue
            raws.append(_Raw(i, i + length, best))
            i += length
        if shared:
            if len(self._index.scan_memo) > _MEMO_LIMIT:
                self._index.scan_memo.clear()
            self._index.scan_memo[(text, strict)] = (toks, raws, norms)
            return list(toks), list(raws)
        return toks, raws

    def _shouting(self, toks: list[Token], i: int, j: int) -> bool:
        """Whether tokens around [i, j) are capitalised ordinary words (a heading in capitals)."""
        near = toks[max(0, i - 2):i] + toks[j:j + 2]
        caps = [t for t in near if len(t.text) >= 2 and t.text.isalpha() and t.text.isupper()]
        plain = [t for t in caps if not any(c.surface == t.text for c in self._lookup((t.norm,)))]
        return len(plain) >= 2

    @staticmethod
    def _acceptable(c: _Cand, span: str, strict: bool) -> bool:
        if c.surface is not None:
            if span == c.surface:
                return True
            # a single name may differ in dots ("U.S" for "U.S."), never in case ("Who" is not WHO)
            return not strict and span.replace(".", "") == c.surface.replace(".", "")
        # generic bodies may be lower case ("the Russian government"); _combine keeps a
        # lower-case one only next to its state
        return not strict or c.tag == _BODY or span[:1].isupper() or span[:1].isdigit()

    def _combine(self, text: str, toks: list[Token], raws: list[_Raw], country: Entity | None,
                 strict: bool = True) -> list[Mention]:
        out: list[Mention] = []
        n = len(toks)

        def emit(ti: int, tj: int, entity: Entity) -> None:
            s, e = toks[ti].start, toks[tj - 1].end
            out.append(Mention(s, e, text[s:e], entity))

        def tight(a: int, b: int) -> bool:  # tokens a and b separated by spaces (or a possessive) only
            return text[toks[a].end:toks[b].start].strip() in ("", "'s", "’s")

        def after_connector(j: int) -> int | None:
            """Token index after "of|in|to|for [the]" starting at j, or None."""
            if j < n and toks[j].norm in nb.CONNECTORS:
                j += 1
                if j < n and toks[j].norm == "the":
                    j += 1
                return j
            return None

        k = 0
        while k < len(raws):
            r = raws[k]
            nxt = raws[k + 1] if k + 1 < len(raws) else None
            ent = r.cand.payload if r.cand.tag == _ENTITY else None
            state = (ent if ent is not None and ent.kind == "State" else None) or (
                r.cand.payload if r.cand.tag == _DEMONYM else None)
            # state / demonym + body: "Russian Interior Ministry", "U.S. government"
            if state is not None and nxt is not None and nxt.cand.tag == _BODY and nxt.ti == r.tj and tight(r.tj - 1, nxt.ti):
                body = nxt.cand.payload
                assert isinstance(body, nb.BodyKind) and isinstance(state, Entity)
                target = self._body(body, state)
                if target is not None:
                    if body.is_state and toks[nxt.tj - 1].norm.endswith("s") and out and k > 0:
                        # "Swiss and U.S. governments": the state before "and" too
                        prev = raws[k - 1]
                        if prev.cand.tag in (_DEMONYM, _ENTITY) and prev.tj + 1 == r.ti and toks[prev.tj].norm == "and":
                            pstate = prev.cand.payload
                            if isinstance(pstate, Entity) and pstate.kind == "State" and prev.cand.tag == _DEMONYM:
                                emit(prev.ti, prev.tj, pstate)
                    emit(r.ti, nxt.tj, target)
                    k += 2
                    continue
            if r.cand.tag == _DEMONYM:
                k += 1
                continue
            if r.cand.tag == _BODY:
                body = r.cand.payload
                assert isinstance(body, nb.BodyKind)
                j = after_connector(r.tj)
                if j is not None and nxt is not None and nxt.ti == j and nxt.cand.tag == _ENTITY:
                    target_ent = nxt.cand.payload
                    assert isinstance(target_ent, Entity)
                    resolved: Entity | None = None
                    if target_ent.kind == "State":
                        resolved = self._body(body, target_ent)
                    elif target_ent.kind == "Place":
                        if body.is_state and toks[r.tj].norm == "of":
                            resolved = target_ent  # "Government of the Republic of Tatarstan"
                        elif toks[r.tj].norm == "in":
                            st = self.registry.state_of(target_ent)
                            if st is not None:
                                resolved = self._body(body, st)
                                if resolved is not None:  # the place stays a mention of its own
                                    emit(r.ti, r.tj, resolved)
                                    k += 1
                                    continue
                    if resolved is not None:
                        emit(r.ti, nxt.tj, resolved)
                        k += 2
                        continue
                # "UN High Commissioner for Human Rights": a body of an organization, not of a state
                prev = raws[k - 1] if k > 0 else None
                owned = prev is not None and prev.tj == r.ti and prev.cand.tag == _ENTITY and \
                    isinstance(prev.cand.payload, Entity) and prev.cand.payload.kind == "Organization"
                capitalised = not strict or toks[r.ti].text[:1].isupper()
                if country is not None and not owned and capitalised:
                    target = self._body(body, country)
                    if target is not None:
                        emit(r.ti, r.tj, target)
                k += 1
                continue
            assert isinstance(ent, Entity)
            # organization + place [+ office] / organization + office in + place -> the organization
            if ent.kind == "Organization" and ent.in_registry and nxt is not None and nxt.cand.tag == _ENTITY:
                place = nxt.cand.payload
                assert isinstance(place, Entity)
                if place.kind in ("Place", "State"):
                    if nxt.ti == r.tj and tight(r.tj - 1, nxt.ti) and _is_international(ent):
                        end = nxt.tj
                        if end < n and tight(end - 1, end) and toks[end].norm in _OFFICE_WORDS:
                            end += 1
                        emit(r.ti, end, ent)
                        k += 2
                        continue
                    j = r.tj
                    if j < n and toks[j].norm in _OFFICE_WORDS:
                        j2 = after_connector(j + 1)
                        if j2 is not None and j2 == nxt.ti and toks[j + 1].norm in ("in", "to"):
                            emit(r.ti, nxt.tj, ent)
                            k += 2
                            continue
            if ent.kind == "Organization" and r.tj < n and tight(r.tj - 1, r.tj) and toks[r.tj].norm in _OFFICE_WORDS \
                    and ent.in_registry and (nxt is None or nxt.ti > r.tj):
                emit(r.ti, r.tj + 1, ent)  # "IOM Office", "State Duma Committees"
                k += 1
                continue
            emit(r.ti, r.tj, ent)
            k += 1
        return out

    def _body(self, body: nb.BodyKind, state: Entity) -> Entity | None:
        key = (body.key, state.iri)
        hit = self._bodies.get(key)
        if hit is None:
            hit = self.registry.national_body(body.key, state)
            if hit is not None:
                self._bodies[key] = hit
        return hit

    # -- public API -------------------------------------------------------------------
    def find_mentions(self, text: str, *, country: Entity | None = None) -> list[Mention]:
        """Registry names, acronyms, states, places, instruments and known entities in ``text``.

        Non-overlapping, leftmost-longest, ordered by start. Generic national bodies
        ("the Interior Ministry") are included when the text names their country next
        to them, or when ``country`` is given.
        """
        toks, raws = self._scan(text)
        return self._combine(text, toks, raws, country)

    def resolve(self, name: str, kind: EntityKind | None = None, *, country: Entity | None = None) -> Entity | None:
        """The entity ``name`` denotes, or None when it is unknown.

        Order: exact (folded) registry or known name; a state named by a demonym or
        "Government of X"; a structured name (national body with its country or with
        ``country``, "IOM office in Moscow"); a fuzzy match of the same kind.
        """
        key = ("r", name, kind, country.iri if country is not None else None, len(self._known_by_iri))
        if key in self._memo:
            return self._memo[key]
        hit = self._resolve(name, kind, country)
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[key] = hit
        return hit

    def _resolve(self, name: str, kind: EntityKind | None, country: Entity | None) -> Entity | None:
        clean = clean_label(name)
        if not clean:
            return None
        hit = self._exact(clean, kind)
        if hit is not None:
            return hit
        if kind in (None, "State"):
            st = self._state_by_name(clean)
            if st is not None:
                return st
        toks, raws = self._scan(clean, strict=False)
        if toks:
            mentions = self._combine(clean, toks, raws, country, strict=False)
            if len(mentions) == 1 and mentions[0].start == toks[0].start and mentions[0].end == toks[-1].end:
                e = mentions[0].entity
                if kind is None or e.kind == kind:
                    return e
                # "Government of Turkmenistan" asked for as an organization: the state acts
                if kind == "Organization" and e.kind == "State" and any(
                        r.cand.tag == _BODY and getattr(r.cand.payload, "is_state", False) for r in raws):
                    return e
                return None
            sub = self._sub_unit(clean, toks, raws)
            if sub is not None and (kind is None or sub.kind == kind):
                return sub
        if kind == "Person" or any(r.cand.tag == _BODY for r in raws):
            return None  # persons and generic bodies are never guessed
        return self._fuzzy(clean, kind)

    def _sub_unit(self, clean: str, toks: list[Token], raws: list[_Raw]) -> Entity | None:
        """"Secretariat of the Russian Union of Journalists", "Legislative Committee of the State Duma" -> the parent."""
        if not raws or raws[-1].tj != len(toks) or raws[-1].cand.tag != _ENTITY:
            return None
        parent = raws[-1].cand.payload
        assert isinstance(parent, Entity)
        if parent.kind != "Organization" or not parent.in_registry:
            return None
        head = clean[: toks[raws[-1].ti].start]
        return parent if _SUB_UNIT.match(head) else None

    def _exact(self, clean: str, kind: EntityKind | None) -> Entity | None:
        key = name_key(clean)
        cands = self._lookup(key)
        ents = [c.payload for c in cands if c.tag == _ENTITY and self._acceptable(c, clean, strict=False)
                and (kind is None or c.payload.kind == kind)]  # type: ignore[union-attr]
        if not ents:
            return None
        return _best([_Cand(_ENTITY, e, None) for e in ents]).payload  # type: ignore[return-value]

    def _fuzzy(self, clean: str, kind: EntityKind | None, threshold: float = FUZZY_THRESHOLD) -> Entity | None:
        """The most similar name of the same kind above ``threshold``, within the guards of
        :func:`fuzzy_compatible` and never across countries."""
        if is_acronym(clean):
            return None
        query = normalize(clean)
        if len(query) < MIN_FUZZY_LENGTH:
            return None
        kinds = [kind] if kind else ["Organization", "LegalInstrument", "Place", "State", "Programme"]
        geo_q: frozenset[str] | None = None
        scored: dict[str, tuple[float, Entity]] = {}
        for k in kinds:
            if self._source is not None:
                self._fetch_fuzzy(query, k, threshold)
            for idx in (self._index, self._known):
                choices = idx.fuzzy.get(k)
                if not choices:
                    continue
                if idx is self._index:  # the registry's names never change: the answer holds for every document
                    found = idx.fuzzy_memo.get((query, k, threshold))
                    if found is None:
                        found = [idx.fuzzy_extract(query, k, scorer, threshold) for scorer in FUZZY_SCORERS]
                        if len(idx.fuzzy_memo) > _MEMO_LIMIT:
                            idx.fuzzy_memo.clear()
                        idx.fuzzy_memo[(query, k, threshold)] = found
                else:
                    names = idx.fuzzy_choices(k)
                    if self._source is not None:
                        # the order add_known over every stored entity would have given them
                        # (process.extract breaks ties by position)
                        claims = self._known.claim.get(k, {})
                        names = sorted(names, key=lambda n: claims.get(n, (2,)))
                    found = [process.extract(query, names, scorer=scorer, score_cutoff=threshold, limit=5)
                             for scorer in FUZZY_SCORERS]
                for results in found:
                    for cand, score, _ in results:
                        if score > scored.get(cand, (0.0, None))[0]:  # type: ignore[index]
                            scored[cand] = (score, choices[cand])
        for cand, (score, ent) in sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0])):
            if not fuzzy_compatible(query, cand):
                continue
            if geo_q is None:
                geo_q = self._geo(clean)
            geo_c = self._geo(cand)
            if geo_c != geo_q:
                own = self.registry.state_of(ent) if ent.kind in ("State", "Place") else None
                # a misspelt state or place names itself: "Republic of Tadjikistan"
                if own is None or not (geo_c <= geo_q <= geo_c | {own.iri}):
                    continue
            return ent
        return None

    def _fetch_fuzzy(self, query: str, kind: str, threshold: float) -> None:
        """Fetch the stored entities with a name that scores at least ``threshold`` against
        ``query`` by one of the scorers: every name of ``kind`` :meth:`_fuzzy` could pick
        (names of other kinds among them are fetched too, and not picked: their kind differs)."""
        names = self._source_list
        if not names or (query, threshold) in self._fuzzy_fetched:
            return
        self._fuzzy_fetched.add((query, threshold))
        hits = set()
        for scorer in FUZZY_SCORERS:
            for cand, _, _ in process.extract(query, names, scorer=scorer, score_cutoff=threshold, limit=None):
                hits.add(cand)
        self._ensure_keys(hits)

    def _geo(self, name: str) -> frozenset[str]:
        """States a name speaks of (state names, demonyms, places): names of different countries never merge."""
        memo = self._index.geo_memo  # reads the registry's index only: one answer per name
        if name in memo:
            return memo[name]
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        memo[name] = self._geo_uncached(name)
        return memo[name]

    def _geo_uncached(self, name: str) -> frozenset[str]:
        toks = [t.norm for t in tokenize(name) if t.norm]
        out: set[str] = set()
        i = 0
        while i < len(toks):
            step = 1
            for length in range(min(len(toks) - i, self._index.first_max.get(toks[i], 0)), 0, -1):
                geo = [c.payload for c in self._index.names.get(tuple(toks[i:i + length]), ())
                       if c.tag == _DEMONYM or (c.tag == _ENTITY and c.payload.kind in ("State", "Place"))]  # type: ignore[union-attr]
                if geo and not (i == 0 and length == len(toks)):  # not the place itself
                    st = self.registry.state_of(geo[0])  # type: ignore[arg-type]
                    if st is not None:
                        out.add(st.iri)
                if geo:
                    step = length
                    break
            i += step
        return frozenset(out)

    def resolve_or_create(self, name: str, kind: EntityKind, *, country: Entity | None = None,
                          part_of: Entity | None = None, types: tuple[str, ...] = (),
                          alt_labels: Iterable[str] = (), not_this: Entity | None = None) -> Entity:
        """:meth:`resolve`, else a new entity (IRI from its cleaned name), remembered for later calls.

        ``alt_labels``: other names the text used ("Labour Inspectorate" for a body created
        as "Labour Inspectorate of Serbia"); they are tried first as well. ``not_this``: an
        entity the name must not resolve to ("Caritas Armenia" is not Caritas Internationalis).
        """
        hit = self.resolve(name, kind, country=country)
        if hit is not None and (not_this is None or hit.iri != not_this.iri):
            return hit
        label = clean_label(name) or name.strip()
        alts = frozenset(a for a in (clean_label(x) for x in alt_labels) if a and a != label)
        iri = str(entity_iri(kind, label))
        prev = self._known_entity(iri) or self.registry.by_iri.get(iri)
        if prev is not None:
            if alts - prev.alt_labels and not prev.in_registry:
                self.add_known([replace(prev, alt_labels=prev.alt_labels | alts)])
                prev = self._known_by_iri[iri]
            return prev
        ent = Entity(iri=iri, kind=kind, label=label, types=tuple(types), alt_labels=alts,
                     part_of=part_of.iri if part_of is not None else None)
        self.add_known([ent])
        return ent

    @staticmethod
    def signed_instrument(label: str, *, identity: Iterable[str], alt_labels: Iterable[str] = (),
                          types: tuple[str, ...] = ()) -> Entity:
        """A new instrument signed in one document, its IRI from ``identity`` (the document,
        the parties): never looked up by name, never merged with another document's."""
        label = clean_label(label) or label.strip()
        alts = frozenset(a for a in (clean_label(x) for x in alt_labels) if a and a != label)
        return Entity(iri=str(signed_instrument_iri(label, *identity)), kind="LegalInstrument", label=label,
                      types=tuple(types), alt_labels=alts)

    def state(self, name_or_code: str) -> Entity | None:
        """A state from a name, short form, ISO code, demonym or "Government of X"."""
        key = ("s", name_or_code, len(self._known_by_iri))
        if key not in self._memo:
            self._memo[key] = self._state(name_or_code)
        return self._memo[key]

    def _state(self, name_or_code: str) -> Entity | None:
        raw = name_or_code.strip()
        if not raw:
            return None
        hit = self._exact(clean_label(raw) or raw, "State")
        if hit is not None:
            return hit
        if len(raw) == 2 and raw.isalpha():
            rec = self.registry.states.get(raw.upper())
            if rec is not None:
                return rec.entity
        return self._state_by_name(clean_label(raw))

    def _state_by_name(self, clean: str) -> Entity | None:
        key = name_key(clean)
        for c in self._lookup(key):
            if c.tag == _DEMONYM:
                return c.payload  # type: ignore[return-value]
        toks, raws = self._scan(clean, strict=False)
        if not toks:
            return None
        mentions = self._combine(clean, toks, raws, None, strict=False)
        if len(mentions) == 1 and mentions[0].entity.kind == "State" and mentions[0].start == toks[0].start \
                and mentions[0].end == toks[-1].end:
            return mentions[0].entity
        return None

    def main_country(self, text: str, mentions: list[Mention] | None = None, *,
                     boost: dict[str, float] | None = None) -> Entity | None:
        """The state a text is mostly about: states, national adjectives, places and bodies, counted.

        ``boost``: extra weight for states that the headline or the dateline names (a list of
        foreign donors in one sentence outweighs the country named once per paragraph)."""
        if mentions is None:
            mentions = self.find_mentions(text)
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}

        def count(state: Entity | None, pos: int, weight: float = 1.0) -> None:
            if state is None or state.kind != "State":
                return
            counts[state.iri] += weight  # type: ignore[assignment]
            first.setdefault(state.iri, pos)

        for m in mentions:
            e = m.entity
            if e.kind == "State":
                count(e, m.start, _POST_OWNER_WEIGHT if _owns_post(text, m) else 1.0)
            elif e.kind == "Place" or (e.kind == "Organization" and e.part_of):
                st = self.registry.state_of(e) or self._state_via_iri(e.part_of)
                if e.kind == "Organization" and st is not None and "tip:IntergovernmentalOrganization" in e.types:
                    continue
                # a city is weaker evidence than a state or its institution: treaties are adopted
                # and conferences held in Geneva or Vienna about other states
                count(st, m.start, _PLACE_WEIGHT if e.kind == "Place" else 1.0)
        toks, raws = self._scan(text)
        for r in raws:
            if r.cand.tag == _DEMONYM and not re.search(r"\b[AaEe]l-$", text[max(0, toks[r.ti].start - 3) : toks[r.ti].start]):
                # ("Major General Al-Saudi": a family name, not a national adjective)
                count(r.cand.payload, toks[r.ti].start)  # type: ignore[arg-type]
        for iri in boost or {}:
            if iri not in counts and iri in self.registry.by_iri:
                counts[iri] = 0  # a state the headline names, though the body does not
                first[iri] = len(text)
        if not counts:
            return None
        weights = {iri: n + (boost or {}).get(iri, 0.0) for iri, n in counts.items()}
        best = max(counts, key=lambda iri: (weights[iri], -first[iri]))
        return self.registry.by_iri.get(best)

    def _state_via_iri(self, iri: str | None) -> Entity | None:
        if iri is None:
            return None
        e = self.registry.by_iri.get(iri) or self._known_entity(iri)
        if e is None:
            return None
        if e.kind == "State":
            return e
        return self.registry.state_of(e)


class _KnownIris:
    """``iri in known``: known when the resolver was asked, or an entity of its source."""

    def __init__(self, resolver: Resolver, now: frozenset[str]) -> None:
        self._resolver = resolver
        self._now = now
        self._source = resolver._source

    def __contains__(self, iri: object) -> bool:
        if iri in self._now:
            return True
        if not isinstance(iri, str) or iri in self._resolver.registry.by_iri or self._source is None:
            return False
        return bool(self._source.rows_for_iris((iri,)))


#: the weight of a city's mention in :meth:`Resolver.main_country` (a state's is 1)
_PLACE_WEIGHT = 0.6
#: the weight of a state named as the owner of a person's post ("the Prime Minister of the
#: United Kingdom", "the UK Prime Minister"): a guest's state, as often as the host's
_POST_OWNER_WEIGHT = 0.5
_HEADS_OF_POSTS = r"(?:(?:Deputy|Vice|First)[\s-]+)?(?:Prime\s+Minister|President|King|Queen|Emir|Chancellor|Ambassador|Minister)"
_POST_BEFORE = re.compile(_HEADS_OF_POSTS + r"\s+of\s+(?:the\s+)?$")
_POST_AFTER = re.compile(r"\s+" + _HEADS_OF_POSTS + r"\b")


def _owns_post(text: str, m: Mention) -> bool:
    """Whether the state mention ``m`` names the state of a person's post, not the state itself."""
    return bool(_POST_BEFORE.search(text[max(0, m.start - 40) : m.start]) or _POST_AFTER.match(text, m.end))


def _is_international(e: Entity) -> bool:
    return any(t in e.types for t in ("tip:IntergovernmentalOrganization", "tip:NonGovernmentalOrganization",
                                      "tip:DonorAgency"))


def _best(cands: list[_Cand]) -> _Cand:
    """Among candidates for one span: entities before bodies before demonyms; registry before known."""
    order = {_ENTITY: 0, _BODY: 1, _DEMONYM: 2}

    def rank(c: _Cand) -> tuple:
        reg = 0 if isinstance(c.payload, Entity) and c.payload.in_registry else 1
        kind_rank = 0
        if isinstance(c.payload, Entity):
            kind_rank = {"Organization": 0, "LegalInstrument": 1, "State": 2, "Place": 3}.get(c.payload.kind, 4)
        surface = 0 if c.surface is not None else 1
        return (order[c.tag], surface, reg, kind_rank, getattr(c.payload, "iri", ""))

    return min(cands, key=rank)
