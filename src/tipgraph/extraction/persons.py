"""Persons in public roles: names with a title, their affiliation, later references.

A name becomes a person only with a title next to it, either as an apposition
("Jane Roe, Deputy Head of the Legal Department, said") or before it ("Foreign
Minister Jane Roe", "IOM Chief of Mission in X, John Doe"). The affiliation is the
first organisation named in the title, else the state ("President of X"). Later
references by surname or by the title alone ("the Special Representative") point back
to the same person, so meetings can use them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Entity, PersonFact
from .context import ActorSpan, DocContext
from .lexicon import COURTESY, HONORIFICS, NOT_NAME, TITLE_HEADS
from .privacy import is_private_context

_UP = "A-Z\u00C0-\u00DE\u0100\u0102\u0104\u0106\u010C\u010E\u0110\u0118\u011A\u0141\u0143\u0147\u0150\u0158\u015A\u0160\u0164\u016E\u0170\u0179\u017B\u017D"
_NT = r"[" + _UP + r"][a-z\u00DF-\u024F'’]+(?:-[" + _UP + r"][a-z\u00DF-\u024F'’]+)?"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|la|le|bin|ibn|al|el|dos|das)"
NAME = re.compile(
    r"(?:(?P<hon>" + HONORIFICS + r")\s+)?"
    r"(?P<name>" + _NT + r"(?:\s+(?:[A-Z]\.\s+)?(?:" + _PARTICLE + r"\s+)?" + _NT + r"){1,7})\b"
)
_TOK = re.compile(r"[A-Za-z\u00C0-\u024F][\w'’\-]*(?:\.[A-Za-z]\.?)*|\d+|[^\w\s]")
_TITLE_CONNECTORS = frozenset("of for on and the in at to against de du des".split())
_TITLE_LOWER = TITLE_HEADS | frozenset("general deputy senior acting interim regional national chief".split())


@dataclass
class Person:
    entity: Entity
    name: str
    title: str | None
    affiliation: Entity | None
    evidence: str
    title_start: int = -1
    title_end: int = -1


def _title_token_ok(tok: str) -> bool:
    if tok in ("'s", "’s", "-", "–", "&"):
        return True
    if tok[0].isupper() or tok.isupper():
        return True
    return tok in _TITLE_CONNECTORS or tok.lower() in _TITLE_LOWER


def _has_title_head(words: list[str]) -> bool:
    return any(w.lower().rstrip(".") in TITLE_HEADS for w in words)


def _trim(toks, lo: int, hi: int) -> tuple[int, int]:
    """Drop connectors, determiners and courtesy words from both ends of toks[lo:hi]."""
    while lo < hi and (toks[lo][2].lower() in _TITLE_CONNECTORS or toks[lo][2].lower() in COURTESY
                       or toks[lo][2] in ("-", "–", "'s", "’s")):
        lo += 1
    while hi > lo and (toks[hi - 1][2].lower() in _TITLE_CONNECTORS or toks[hi - 1][2] in ("-", "–", "&")):
        hi -= 1
    return lo, hi


def _forward_title(toks, i: int, barriers: set[int]):
    """Title in apposition after the name: ", programme coordinator at ASTRA," ."""
    if i >= len(toks) or toks[i][2] not in (",", "("):
        return None
    k = i + 1
    start = k
    while (k < len(toks) and k - start < 24 and k not in barriers
           and toks[k][2] not in (",", ".", ";", ":", ")", "(", "\"", "“", "”", "–", "—")):
        k += 1
    if k in barriers:
        return None  # "..., IOM Chief of Mission Thomas Keller": the next person's title
    lo, hi = _trim(toks, start, k)
    words = [t[2] for t in toks[lo:hi]]
    # an apposition that names a post within its first words (not a relative clause)
    if hi <= lo or not _has_title_head(words[:5]) or words[0].lower() in ("who", "which", "that", "whose"):
        return None
    # the apposition must close: a comma, the end, or a verb right after
    return lo, hi


def _backward_title(toks, i: int, barriers: set[int]):
    """Title before the name: "Foreign Minister", "IOM Chief of Mission," ."""
    k = i - 1
    if k >= 0 and toks[k][2] in (",", "("):
        k -= 1
    end = k + 1
    while k >= 0 and (k not in barriers) and _title_token_ok(toks[k][2]) and toks[k][2] not in (",", "-", "–"):
        k -= 1
    lo, hi = _trim(toks, k + 1, end)
    words = [t[2] for t in toks[lo:hi]]
    if hi <= lo or not _has_title_head(words):
        return None
    return lo, hi


_COMMON_NOUN = re.compile(r"(?:ment|tion|sion|ity|ness|ism|ship)$")


def _name_ok(ctx: DocContext, name: str, a: int, b: int) -> bool:
    parts = name.split()
    if any(p.rstrip(".") in NOT_NAME for p in parts):
        return False
    if any(_COMMON_NOUN.search(p) for p in parts):
        return False
    # inside a longer capitalised name: "on Human Rights and Civil Society Development"
    if re.search(r"[A-Z][\w'’-]*\s+(?:and|of|for|on|the|against|to|in|&)\s+$", ctx.text[max(0, a - 40) : a]):
        return False
    if ctx.overlapping(a, b):
        return False
    return True


def find_persons(ctx: DocContext) -> list[Person]:
    persons: dict[str, Person] = {}
    for sent in ctx.sentences:
        toks = [(sent.start + m.start(), sent.start + m.end(), m.group()) for m in _TOK.finditer(sent.text)]
        starts = {t[0]: n for n, t in enumerate(toks)}
        ends = {t[1]: n for n, t in enumerate(toks)}
        cands = []
        for m in NAME.finditer(sent.text):
            a, b = sent.start + m.start("name"), sent.start + m.end("name")
            name = m.group("name")
            hon = bool(m.group("hon"))
            # "Minister Sergei Lavrov": leading title words are not part of the name
            words = name.split()
            offs = [m.start("name") + sent.start + o.start() for o in re.finditer(r"\S+", name)]
            bad = [i for i, w in enumerate(words)
                   if w.rstrip(".") in NOT_NAME or w.lower() in TITLE_HEADS or ctx.overlapping(offs[i], offs[i] + len(w))]
            if bad and len(words) - bad[-1] - 1 >= 2:
                rest = " ".join(words[bad[-1] + 1 :])
                a = b - len(rest)
                if ctx.text[a:b] != rest:
                    continue
                name = rest
                hon = False
            if not _name_ok(ctx, name, a, b):
                continue
            hon_a = sent.start + m.start() if hon else a
            if hon_a not in starts or b not in ends:
                continue
            cands.append((starts[hon_a], ends[b], name, a, b))
        barriers = {n for c in cands for n in range(c[0], c[1] + 1)}
        for first, last, name, a, b in cands:
            own = set(range(first, last + 1))
            direct = first > 0 and toks[first - 1][2] not in (",", "(") and _backward_title(toks, first, barriers - own)
            title = direct or _forward_title(toks, last + 1, barriers - own) or _backward_title(toks, first, barriers - own)
            if title is None:
                continue
            lo, hi = title
            t_a, t_b = toks[lo][0], toks[hi - 1][1]
            title_text = ctx.text[t_a:t_b]
            if is_private_context(ctx.text, a, b, title_text):
                continue
            aff = affiliation_of(ctx, t_a, t_b, title_text)
            key = name.lower()
            if key in persons and persons[key].affiliation is not None:
                continue
            ent = ctx.resolver.resolve_or_create(name, "Person")
            persons[key] = Person(ent, name, title_text, aff, sent.text, t_a, t_b)
    return list(persons.values())


def affiliation_of(ctx: DocContext, start: int, end: int, title: str) -> Entity | None:
    """Whom a title says the person represents."""
    inside = ctx.spans_in(start, end, ("Organization", "State"))
    orgs = [s for s in inside if s.entity.kind == "Organization"]
    if orgs:
        # "Head of the X Department of the <registry body>": the known body is the safer answer
        known = [s for s in orgs if s.entity.in_registry]
        return (known or orgs)[0].entity
    states = [s for s in inside if s.entity.kind == "State"]
    for w in re.findall(r"\b[A-Z][a-z]+\b", title):
        # "British Ambassador to Viet Nam": the demonym says whom the person represents
        if w.endswith(("ish", "an", "ese", "ian", "ic", "i")) and not any(w in sp.text for sp in inside):
            st = ctx.resolver.state(w)
            if st is not None and st.kind == "State":
                return st
    for m in re.finditer(r"\b[A-Z][A-Z&-]{2,}\b", title):
        ent = ctx.resolver.resolve(m.group(), "Organization")
        if ent is not None:
            return ent
    body = _TITLE_BODIES.search(title)
    if body:
        country = states[0].entity if states else ctx.country
        key = "pg" if body.group("pg") else "omb" if body.group("omb") else "field"
        ent = ctx.resolver.resolve(body.expand(_TITLE_BODY_NAMES[key]), "Organization", country=country)
        if ent is not None and (country is None or ctx.state_of(ent) in (None, country)):
            return ent
    if states:
        return states[0].entity
    return None


_TITLE_BODIES = re.compile(
    r"\b(?:(?P<pg>Prosecutor[- ]General|General\s+Prosecutor|Attorney[- ]General)"
    r"|(?P<omb>Ombudsperson|Ombudsman|Human\s+Rights\s+Commissioner)"
    r"|(?P<min>Minister)\s+(?:of|for)\s+(?P<field>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*))"
)
_TITLE_BODY_NAMES = {"pg": "Prosecutor General's Office", "omb": "Ombudsperson for Human Rights", "field": r"Ministry of \g<field>"}


def contact_persons(ctx: DocContext) -> list[Person]:
    """Press officers from the contact blocks: a name and the organisation after it."""
    out = []
    for block in ctx.doc.contacts:
        parts = [p.strip() for p in re.split(r"[,\n;]+", block) if p.strip()]
        if not parts:
            continue
        m = NAME.fullmatch(parts[0])
        if not m or any(w in NOT_NAME for w in m.group("name").split()):
            continue
        name = m.group("name")
        title = None
        aff = None
        for p in parts[1:]:
            mentions = [x for x in ctx.resolver.find_mentions(p) if x.entity.kind in ("Organization", "State")]
            if mentions and aff is None:
                aff = mentions[0].entity
            elif aff is None and title is None and _has_title_head(p.split()):
                title = p
        if aff is None and len(parts) > 1:
            aff = ctx.resolver.resolve(parts[-1], "Organization")
        if aff is None and title is None:
            continue
        ent = ctx.resolver.resolve_or_create(name, "Person")
        out.append(Person(ent, name, title, aff, block))
    return out


def alias_spans(ctx: DocContext, persons: list[Person]) -> list[ActorSpan]:
    """Later references to known persons: surname alone, or the title's core."""
    out: list[ActorSpan] = []
    surnames: dict[str, list[Person]] = {}
    cores: dict[str, list[Person]] = {}
    for p in persons:
        surnames.setdefault(p.name.split()[-1], []).append(p)
        if p.title:
            core = title_core(ctx, p)
            if core:
                cores.setdefault(core, []).append(p)
    for sur, ps in surnames.items():
        if len(ps) != 1:
            continue
        for m in re.finditer(r"\b" + re.escape(sur) + r"\b", ctx.text):
            out.append(ActorSpan(m.start(), m.end(), m.group(), ps[0].entity, "alias"))
    for core, ps in cores.items():
        if len(ps) != 1:
            continue
        rx = re.compile(r"(?<![\w])(?:(?:the|The)\s+)?(?:[A-Z][A-Za-z]*\s+){0,2}" + re.escape(core) + r"\b")
        for m in rx.finditer(ctx.text):
            out.append(ActorSpan(m.start(), m.end(), m.group(), ps[0].entity, "title"))
    return out


def title_core(ctx: DocContext, p: Person) -> str | None:
    """"OSCE Special Representative and Co-ordinator for ..." -> "Special Representative"."""
    text = p.title or ""
    if p.title_start >= 0:
        for sp in ctx.spans_in(p.title_start, p.title_end):
            rel_a, rel_b = sp.start - p.title_start, sp.end - p.title_start
            text = text[:rel_a] + " " * (rel_b - rel_a) + text[rel_b:]
    text = re.split(r"\s+(?:for|on|and|of the|in|at|to)\s+|,", text)[0]
    words = [w for w in text.split() if w.lower() not in COURTESY and w not in ("the", "The", "'s", "’s")]
    while words and words[0].lower() in ("regional", "national", "acting"):
        words = words[1:]
    core = " ".join(words)
    if len(core) < 8 or not _has_title_head(words):
        return None
    return core


def person_facts(persons: list[Person]) -> list[PersonFact]:
    return [PersonFact(p.entity, p.title, p.affiliation, p.evidence) for p in persons]
