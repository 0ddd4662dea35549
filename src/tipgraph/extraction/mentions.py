"""Actor mentions: the resolver's registry mentions plus the names it cannot know.

The registry knows well-known organisations, states, places and instruments. Press
releases also name national bodies generically ("the Investigative Committee", "the
Deputy Ministers of the Interior, of Labour and of Social Protection", "the Swiss and
U.S. governments"); these rules turn such phrases into entities, resolved against the
country the document is about.
"""
from __future__ import annotations

import re

from ..model import Entity
from .context import ActorSpan, DocContext
from .lexicon import COURTESY, ORG_HEADS, TITLE_HEADS

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][\w'’\-]*(?:\.[A-Za-z]\.?)*|\d+|[^\w\s]")
_CONNECTORS = frozenset("of for on and the against de du des la & in to".split())
#: Generic one-word heads that name nothing alone ("the Government", "the Office").
_GENERIC = frozenset("Centre Center Academy Inspectorate Police Network Union Association Foundation Institute University Office Government Ministry Council Committee Department Secretariat Delegation Embassy Mission Agency Service Court Chamber Bureau Division Unit Administration Parliament Commission Assembly Authority".split())
_GENERIC_MODIFIERS = frozenset("Project Country Regional Field Programme Program Local Head Main Central National Sub-regional Subregional Liaison Representative Permanent".split())
_SUBUNIT = frozenset("Office Department Secretariat Delegation Division Unit Bureau Directorate Mission Centre Center".split())
_NOT_ORG_START = frozenset("the The a an An A this This that That its Its their Their".split())


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_HEADS


def is_org_head(word: str) -> bool:
    return word in ORG_HEADS or word.rstrip("s") in ORG_HEADS


def registry_spans(ctx: DocContext, mentions) -> list[ActorSpan]:
    out = []
    text = ctx.text
    for m in mentions:
        e = m.entity
        if e.kind == "Organization" and not m.text.isupper():
            # a generic word inside a longer name ("Ghana Police Service"): the phrase rule reads it
            words = m.text.split()
            before = text[max(0, m.start - 30) : m.start]
            after = text[m.end : m.end + 30]
            if len(words) == 1 and (re.search(r"[A-Z][\w'’-]*\s+$", before) or re.match(r"\s+[A-Z]", after)):
                continue
            # a national body of another state than the one the text names
            st = ctx.state_of(e)
            if st is not None and ctx.country is not None and st.iri != ctx.country.iri \
                    and not _names_state(m.text, st) and not _names_state(text[m.end : m.end + 40], st):
                continue
            nxt = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", text[m.end : m.end + 60])
            if st is not None and nxt is not None:
                other = _state(ctx, nxt.group(1))
                if other is not None and other.iri != st.iri:
                    continue  # "Public Prosecutor's Office of Chile" is not Russia's
        out.append(ActorSpan(m.start, m.end, m.text, e, "registry"))
    return out


def _names_state(text: str, st: Entity) -> bool:
    names = {st.label, *st.alt_labels}
    return any(n and len(n) > 2 and n in text for n in names)


def resolve_body(ctx: DocContext, name: str, *, country: Entity | None = None,
                 part_of: Entity | None = None, create: bool = True) -> Entity | None:
    """A national or sub-unit body by name: registry first, else a new entity."""
    c = ctx.country_arg(country)
    ent = ctx.resolver.resolve(name, "Organization", country=c)
    if ent is None:
        ent = ctx.resolver.resolve(name, country=c)
        if ent is not None and ent.kind not in ("Organization", "State"):
            ent = None
    if ent is not None and c is not None and ent.kind == "Organization":
        st = ctx.state_of(ent)
        if st is not None and st.iri != c.iri:
            ent = None  # "the Public Prosecutor's Office" of Peru is not Russia's
    if ent is None and create:
        ent = ctx.resolver.resolve_or_create(name, "Organization", country=c, part_of=part_of)
    return ent


def _state(ctx: DocContext, word: str) -> Entity | None:
    try:
        st = ctx.resolver.state(word)
    except (KeyError, ValueError, LookupError):
        return None
    return st if st is not None and st.kind == "State" else None


# -- "the Swiss and U.S. governments", "the Russian authorities" ----------------------
_GOV = re.compile(
    r"\b(?P<list>(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*(?:,|and|&)\s*)*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:[Gg]overnments?|[Aa]uthorities)\b"
)


def government_spans(ctx: DocContext) -> list[ActorSpan]:
    out = []
    for m in _GOV.finditer(ctx.text):
        pos = m.start("list")
        for part in re.finditer(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", m.group("list")):
            words = part.group()
            st = _state(ctx, words) or _state(ctx, words.split()[-1])
            if st is not None:
                a = pos + part.start()
                out.append(ActorSpan(a, a + len(words), words, st, "demonym"))
    return out


# -- "Deputy Ministers of the Interior, of Labour and of Social Protection" -----------
_MINISTERS_OF = re.compile(
    r"\bMinist(?:er|ers|ry|ries)\s+(?:of|for)\s+(?P<first>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)"
    r"(?P<more>(?:\s*(?:,|and|,\s*and)\s*(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*)"
)
_X_MINISTER = re.compile(r"\b(?P<x>Foreign|Interior|Justice|Labou?r|Health|Education|Defen[cs]e|Finance|Economy|Economic|Social|Home|Trade|Culture|Agriculture|Transport|Energy|Environment|Emergency|Emergencies|Tourism|Sports?|Youth|Family|Migration|Security)\s+(?:Affairs\s+)?Minist(?:er|ers|ry)\b")


def ministry_spans(ctx: DocContext) -> list[ActorSpan]:
    out = []
    for m in _MINISTERS_OF.finditer(ctx.text):
        if m.group(0).startswith("Ministry") or m.group(0).startswith("Ministries"):
            first_name = "Ministry of " + m.group("first")
            parts = [(m.start(), m.end("first"), first_name)]
        else:
            parts = [(m.start(), m.end("first"), "Ministry of " + m.group("first"))]
        more = m.group("more") or ""
        base = m.start("more")
        for pm in re.finditer(r"(?:of|for)\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", more):
            parts.append((base + pm.start(), base + pm.end(), "Ministry of " + pm.group(1)))
        if len(parts) == 1 and m.group(0).startswith("Ministr"):
            continue  # a plain "Ministry of X": left to the registry and the phrase rule
        for a, b, name in parts:
            # "Ministry of Justice of the Russian Federation": a state after it sets the country
            ent = resolve_body(ctx, _trim_name(name))
            if ent is not None:
                out.append(ActorSpan(a, b, ctx.text[a:b], ent, "ministry"))
    for m in _X_MINISTER.finditer(ctx.text):
        name = m.group("x") + " Ministry"
        ent = resolve_body(ctx, name)
        if ent is not None:
            out.append(ActorSpan(m.start(), m.end(), m.group(), ent, "ministry"))
    return out


def _trim_name(name: str) -> str:
    return re.sub(r"\s+(?:and|of|for|the)$", "", name.strip())


# -- capitalised phrases headed by an organisation noun ----------------------------------
def phrase_spans(ctx: DocContext) -> list[ActorSpan]:
    """Bodies the registry does not know: "General Department of International Legal Cooperation"."""
    out: list[ActorSpan] = []
    known = ctx.spans
    for sent in ctx.sentences:
        toks = [(sent.start + m.start(), sent.start + m.end(), m.group()) for m in _TOKEN.finditer(sent.text)]
        covered = {}
        for sp in known:
            if sp.end <= sent.start or sp.start >= sent.end:
                continue
            for i, (a, b, _) in enumerate(toks):
                if a < sp.end and sp.start < b:
                    covered[i] = sp
        i = 0
        while i < len(toks):
            run = _run_at(toks, covered, i)
            if not run:
                i += 1
                continue
            j = run[-1] + 1
            out.extend(_phrases_in_run(ctx, toks, covered, run))
            i = j
    return out


def _run_at(toks, covered, i) -> list[int]:
    """Indices of a maximal run of capitalised words (with connectors inside) from i."""
    def cap(k: int) -> bool:
        t = toks[k][2]
        return k not in covered and t[0].isupper() and t[0].isalpha()

    if not cap(i):
        return []
    run = [i]
    k = i + 1
    while k < len(toks):
        t = toks[k][2]
        if cap(k):
            run.append(k)
            k += 1
            continue
        if t in _CONNECTORS or t in ("'s", "’s"):
            # connectors only inside a run: look ahead to the next capitalised word
            m = k
            while m < len(toks) and (toks[m][2] in _CONNECTORS) and m not in covered:
                m += 1
            if m < len(toks) and cap(m) and (toks[k][2] != "in" or m == k + 1):
                run.extend(range(k, m))
                k = m
                continue
        break
    return run


def _phrases_in_run(ctx: DocContext, toks, covered, run: list[int]) -> list[ActorSpan]:
    words = [toks[k][2] for k in run]
    if not any(is_org_head(w) for w in words):
        return []
    # what follows the run: "of (the) <registry org/state>" makes a parent or a country
    nxt = run[-1] + 1
    parent: Entity | None = None
    country: Entity | None = None
    k = nxt
    if k < len(toks) and toks[k][2] == "of":
        k += 1
        if k < len(toks) and toks[k][2] in ("the", "The"):
            k += 1
        sp = covered.get(k)
        if sp is not None:
            if sp.entity.kind == "State":
                country = sp.entity
            elif sp.entity.kind == "Organization":
                parent = sp.entity
    # demonym at the start: "Russian Union of Journalists" stays a name; "Russian Interior Ministry" sets country
    pieces = _split_and(run, words)
    out = []
    for piece in pieces:
        out.extend(_phrase(ctx, toks, piece, parent if piece is pieces[-1] else None,
                           country if piece is pieces[-1] else None))
    return out


def _split_and(run: list[int], words: list[str]) -> list[list[int]]:
    """Split at "and" when both sides name a body: "the Public Chamber and the Secretariat"."""
    pieces: list[list[int]] = [[]]
    for k, w in zip(run, words):
        if w == "and" and len(pieces[-1]) >= 2:
            rest = words[run.index(k) + 1 :]
            # the right side up to its own "of" must hold a head
            head_part = []
            for r in rest:
                if r in ("of", "and"):
                    break
                head_part.append(r)
            if any(is_org_head(r) for r in head_part):
                pieces.append([])
                continue
        pieces[-1].append(k)
    return [p for p in pieces if p]


def _phrase(ctx, toks, piece: list[int], parent, country) -> list[ActorSpan]:
    words = [toks[k][2] for k in piece]
    # segments separated by "of"; the body starts at the first segment holding a head
    seg_starts = [0] + [i + 1 for i, w in enumerate(words) if w == "of"]
    start = None
    for s in seg_starts:
        e = next((i for i in range(s, len(words)) if words[i] == "of"), len(words))
        if any(is_org_head(w) for w in words[s:e]):
            start = s
            break
    if start is None:
        return []
    si = seg_starts.index(start)
    while si > 0:
        prev = words[seg_starts[si - 1] : seg_starts[si] - 1]
        if len(prev) != 1 or any(is_title_word(w) or w in _NOT_ORG_START or not w[0].isupper() for w in prev):
            break
        si -= 1
        start = seg_starts[si]
    # drop leading determiners, courtesy words and title words ("the Deputy Chairperson of")
    while start < len(words) and (words[start] in _NOT_ORG_START or words[start].lower() in COURTESY
                                  or words[start] in _CONNECTORS):
        start += 1
    # cut at a title word after the head: "Presidential Council Chairperson on ..."
    end = len(words)
    seen_head = False
    for i in range(start, len(words)):
        if is_org_head(words[i]):
            seen_head = True
        elif seen_head and is_title_word(words[i].rstrip("s")) and words[i] not in ("General", "Persons", "Person"):
            end = i
            break
        elif seen_head and is_org_head(words[i - 1]) and words[i] not in _CONNECTORS and words[i] not in ("'s", "’s"):
            end = i  # "Mission Thomas Keller": a name, not more of the body
            break
    while end > start and words[end - 1] in _CONNECTORS | {"'s", "’s"}:
        end -= 1
    if end <= start:
        return []
    body = words[start:end]
    if not any(is_org_head(w) for w in body):
        return []
    a, b = toks[piece[start]][0], toks[piece[end - 1]][1]
    name = ctx.text[a:b]
    prev = [sp for sp in ctx.spans if sp.end <= a and re.fullmatch(r"\s*", ctx.text[sp.end : a])]
    if prev and prev[-1].entity.kind == "Organization" and piece[start] == piece[0]:
        # "UNODC Regional Office for West and Central Africa": a unit of the known body
        return [ActorSpan(a, b, name, prev[-1].entity, "phrase")]
    if country is not None and piece[end - 1] == piece[-1]:
        tail = re.match(r"\s+of\s+(?:the\s+)?", ctx.text[b : b + 10])
        st_span = ctx.span_at(b + tail.end()) if tail else None
        if st_span is not None and st_span.entity.iri == country.iri:
            name = ctx.text[a : st_span.end]
    if len(body) == 1 or all(w in _GENERIC or w in _GENERIC_MODIFIERS or w in _CONNECTORS for w in body):
        if not (body[-1] in _GENERIC or is_org_head(body[-1])):
            return []
        if parent is None and country is None:
            return []
        if body[0] == "Government" and country is not None and parent is None:
            return [ActorSpan(a, b, name, country, "phrase")]
        holder = parent or country
        name = f"{name} of the {holder.label}" if body[-1] in _SUBUNIT else None
        if name is None:
            return []
    if len(body) > 14:
        return []
    ent = resolve_body(ctx, name, country=country, part_of=parent)
    if ent is None:
        return []
    return [ActorSpan(a, b, ctx.text[a:b], ent, "phrase")]


def collect_spans(ctx: DocContext) -> None:
    """Fill ``ctx.spans``: registry mentions first, then the rules above, never overlapping."""
    text = _split_possessives(ctx)
    mentions = ctx.resolver.find_mentions(text)
    ctx.country = ctx.resolver.main_country(text, mentions)
    if ctx.country is not None:
        # with the country known, generic national bodies ("the Interior Ministry") resolve too
        mentions = ctx.resolver.find_mentions(text, country=ctx.country)
    ctx.add_spans(registry_spans(ctx, mentions))
    ctx.add_spans(ministry_spans(ctx))
    ctx.add_spans(government_spans(ctx))
    ctx.add_spans(phrase_spans(ctx))
    ctx.add_spans(acronym_spans(ctx))


_POSSESSIVE = re.compile(r"\b([A-Z][\w.]*)['’]s\b")


def _split_possessives(ctx: DocContext) -> str:
    """The text with "IOM’s", "Turkmenistan's" as "IOM  ": same offsets, the name alone.

    Only for acronyms and state names: in "Prosecutor's Office" the "'s" is part of a name.
    """
    def repl(m: re.Match) -> str:
        word = m.group(1)
        if (word.isupper() and len(word) > 1) or _state(ctx, word) is not None:
            return word + " " * (len(m.group()) - len(word))
        return m.group()

    return _POSSESSIVE.sub(repl, ctx.text)


_ACRONYM_DEF = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z]*[A-Z]{1,}[A-Za-z]*)\)")


def acronym_spans(ctx: DocContext) -> list[ActorSpan]:
    """"Ministry of ... Social Affairs (ADLSA)": later "ADLSA" names the same body."""
    out: list[ActorSpan] = []
    defs: dict[str, Entity] = {}
    for sp in ctx.spans:
        if sp.entity.kind not in ("Organization", "LegalInstrument"):
            continue
        m = _ACRONYM_DEF.match(ctx.text, sp.end)
        if m and m.group("acr") not in defs:
            defs[m.group("acr")] = sp.entity
    for acr, ent in defs.items():
        for m in re.finditer(r"\b" + re.escape(acr) + r"\b", ctx.text):
            out.append(ActorSpan(m.start(), m.end(), acr, ent, "acronym"))
    return out
