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
from .lexicon import COURTESY, HONORIFICS, NOT_NAME, ORG_HEADS, REMIT_WORDS, TITLE_HEADS
from .privacy import is_private_context

_UP = "A-Z\u00C0-\u00DE\u0100\u0102\u0104\u0106\u010C\u010E\u0110\u0118\u011A\u0141\u0143\u0147\u0150\u0158\u015A\u0160\u0164\u016E\u0170\u0179\u017B\u017D"
#: a name word; "McCain", "MacGregor", "CdeBaca": a capital inside a surname after a short head
_NT = r"(?:[OD]['’](?=[" + _UP + r"]))?[" + _UP + r"][a-z\u00DF-\u024F'’]+(?:(?<=\b[A-Z][a-z])[" + _UP + r"][a-z\u00DF-\u024F'’]+|(?<=\b[A-Z][a-z]{2})[" + _UP + r"][a-z\u00DF-\u024F'’]+)?(?:-[" + _UP + r"][a-z\u00DF-\u024F'’]+)?"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|la|le|bin|ibn|al|el|dos|das)"
#: "South Sudan Mr. Jane Roe": an honorific with its dot starts the next name, it ends none
_NOT_HON = r"(?!(?:Mr|Mrs|Ms|Dr|Prof|Hon|Rev|Atty|Engr|Fr|Sr)\.)"
NAME = re.compile(
    r"(?:(?P<hon>" + HONORIFICS + r")\s+)?"
    r"(?P<name>" + _NT + r"(?:\s+(?:[A-Z]\.\s+)?(?:" + _PARTICLE + r"\s+){0,2}" + _NOT_HON + _NT + r"){1,7})\b"
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
    if tok in ("'s", "’s", "-", "–", "&") or tok.startswith(("d'", "d’")):
        return True  # "Chargé d'Affaires"
    if tok[0].isupper() or tok.isupper():
        return True
    return tok in _TITLE_CONNECTORS or tok.lower() in _TITLE_LOWER or tok.lower() in _PLURAL_POSTS


#: Number words before a plural post: "two members of GRETA"
_COUNTS = frozenset("two three four five six both".split())


_OF_BODY = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")


def _member_of(ctx: DocContext, cands, idx: int) -> Entity | None:
    """The body in "Mr Jane Roe of the Secretariat", "Mr A and Ms B from the General
    Inspectorate of Police": a name with no post but an honorific is someone in a public
    role when the text says which organisation they come from (a state or a town says no
    such thing; without the honorific "Anthony Room of the Ministry" is a room)."""
    if re.search(r"\b(?:of|from|at|by|in|for)\s+(?:the\s+)?$", ctx.text[max(0, cands[idx][3] - 12) : cands[idx][3]]):
        return None  # "from La Strada": a body's name, not a person's
    k = idx
    while True:
        end = cands[k][4]
        m = _OF_BODY.match(ctx.text, end)
        if m is not None:
            sp = ctx.span_at(m.end())
            return sp.entity if sp is not None and sp.entity.kind == "Organization" else None
        nxt = re.match(r"\s*(?:,|and|,\s*and)\s+", ctx.text[end : end + 8])
        if nxt is None or k + 1 >= len(cands) or cands[k + 1][3] != end + nxt.end() + _hon_len(ctx, end + nxt.end(), cands[k + 1][3]):
            return None
        k += 1


def _hon_len(ctx: DocContext, pos: int, name_start: int) -> int:
    """Length of the honorific ("Ms ") between ``pos`` and the next name's start."""
    return name_start - pos if re.fullmatch(HONORIFICS + r"\s+", ctx.text[pos:name_start]) else 0


def _listed_after(toks, prev_last: int, first: int) -> bool:
    """Whether a name starts right after the previous one in a list ("A, B and C")."""
    between = [t[2] for t in toks[prev_last + 1 : first]]
    return between in (["and"], [","], [",", "and"])


def _has_title_head(words: list[str]) -> bool:
    # "Vice-Minister", "Co-Chair": a hyphenated post is a post
    # "Ambassador-at-Large": so is a post with a hyphenated tail
    return any(p in TITLE_HEADS or p in _PLURAL_POSTS for w in words for p in (w.lower().rstrip("."), *w.lower().rstrip(".").split("-")))


def _trim(toks, lo: int, hi: int) -> tuple[int, int]:
    """Drop connectors, determiners and courtesy words from both ends of toks[lo:hi]."""
    while lo < hi and (toks[lo][2].lower() in _TITLE_CONNECTORS or toks[lo][2].lower() in COURTESY
                       or toks[lo][2] in ("-", "–", "'s", "’s", ",")):
        lo += 1
    while hi > lo and (toks[hi - 1][2].lower() in _TITLE_CONNECTORS or toks[hi - 1][2] in ("-", "–", "&")):
        hi -= 1
    return lo, hi


def _forward_title(toks, i: int, barriers, protected: frozenset[int] = frozenset()):
    """Title in apposition after the name: ", programme coordinator at ASTRA," ."""
    if i >= len(toks) or toks[i][2] not in (",", "("):
        return None
    k = i + 1
    start = k
    if k < len(toks) and toks[k][2].lower() in ("and", "or", "but", "while", "by", "with", "as"):
        return None  # ", and by the head of X": the next item of a list, not an apposition
    while (k < len(toks) and k - start < 24 and k not in barriers
           and (toks[k][2] not in (",", ".", ";", ":", ")", "(", "\"", "“", "”", "–", "—") or toks[k][0] in protected)):
        if toks[k][2] == "and" and k + 1 < len(toks) and toks[k + 1][2][:1].islower() \
                and toks[k + 1][2].lower() not in _TITLE_LOWER and toks[k + 1][2] not in _TITLE_CONNECTORS:
            break  # "the Ombudsperson for Human Rights and representatives of X": a new list item
        k += 1
    if k in barriers:
        return None  # "..., IOM Chief of Mission Thomas Keller": the next person's title
    lo, hi = _trim(toks, start, k)
    words = [t[2] for t in toks[lo:hi]]
    # an apposition that names a post within its first words (not a relative clause)
    if hi <= lo or not _has_title_head(words[:5]) or words[0].lower() in ("who", "which", "that", "whose"):
        return None
    if len(words) > 1 and words[0].endswith("ed") and words[1] == "by":
        return None  # "Jane Roe, represented by the Director, ...": the next person's post
    if toks[start][2] in ("the", "The"):
        # "Jane Roe, the Head of X, John Doe": a title between two names is the second one's
        j = k
        if j + 2 < len(toks) and toks[j][2] == "(" and toks[j + 2][2] == ")":
            j += 3
        if j < len(toks) and toks[j][2] == "," and j + 1 in barriers:
            return None
    return lo, hi


def _backward_title(toks, i: int, barriers, protected: frozenset[int] = frozenset()):
    """Title before the name: "Foreign Minister", "IOM Chief of Mission," ."""
    k = i - 1
    if k >= 0 and toks[k][2] in (",", "("):
        k -= 1
    end = k + 1
    while k >= 0 and (k not in barriers):
        tok = toks[k][2]
        if tok == ")" and k >= 2 and toks[k - 2][2] == "(" and toks[k - 1][2][:1].isupper():
            k -= 3  # "... in Persons (ACR), Jane Roe", "Deputy Secretary-General (Security) Jane Roe"
            continue
        if tok == ")" and k >= 4 and toks[k - 4][2] == "(" and toks[k - 2][2] in ("/", "-") \
                and toks[k - 3][2].isupper() and toks[k - 1][2].isupper():
            k -= 5  # "... of Migrants (ANLTP/TIM), Jane Roe"
            continue
        if tok == "," and toks[k][0] in protected:
            k -= 1
            continue
        if not _title_token_ok(tok) or tok in (",", "-", "–"):
            break
        if tok in ("the", "The") and k >= 1 and toks[k - 1][2] == "and" and _has_title_head([t[2] for t in toks[k + 1 : end]]):
            break  # "... of X and the Country Director of Y, Jane Roe": a new list item starts
        if tok in ("the", "The") and k >= 1 and toks[k - 1][2][:1].isupper() and _has_title_head([t[2] for t in toks[k + 1 : end]]):
            break  # "On 3 March in Hanoi the Netherlands Ambassador, Jane Roe": the post starts here
        k -= 1
    lo, hi = _trim(toks, k + 1, end)
    while hi > lo and toks[hi - 1][2] == ")" and hi - 3 >= lo and toks[hi - 3][2] == "(":
        hi -= 3
    words = [t[2] for t in toks[lo:hi]]
    if hi <= lo or not _has_title_head(words):
        return None
    return lo, hi


#: "... against Sexual Violence, Exploitation and Trafficking": commas inside one name
_LIST_NAME = re.compile(
    r"\b[A-Z][\w'’-]*\s+(?:of|for|against|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
    r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})+,?\s+(?:and|&)\s+[A-Z]"
)


def protected_commas(text: str) -> frozenset[int]:
    """Offsets of commas that sit inside a capitalised name with a list in it."""
    out = set()
    for m in _LIST_NAME.finditer(text):
        out.update(m.start() + i for i, c in enumerate(m.group()) if c == ",")
    return frozenset(out)


_COMPASS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower".split())
_REGION_WORDS = frozenset("""Asia Pacific Africa Europe America Americas Caribbean Balkans Southeast South-East
    Northeast North-East Sahel Maghreb Mashreq Oceania Eurasia Scandinavia Mediterranean Gulf Levant""".split())
_COMMON_NOUN = re.compile(r"(?:ment|tion|sion|ity|ness|ism|ship)$")


def _name_ok(ctx: DocContext, name: str, a: int, b: int) -> bool:
    parts = name.split()
    if any(p.rstrip(".") in NOT_NAME for p in parts):
        return False
    if any(_COMMON_NOUN.search(p) for p in parts):
        return False
    if parts[0] in _COMPASS or any(p.strip(",") in _REGION_WORDS for p in parts):
        return False  # "North America", "South East Asia", "Asia Pacific": places
    if len(parts) > 1 and (parts[-1] in ORG_HEADS or parts[-1] == "Headquarters"):
        return False  # "Police Headquarters", "Labour Inspectorate": the end of a body's name
    hit = ctx.resolver.resolve(name)
    if hit is not None and hit.kind in ("Place", "State"):
        return False
    # "the Director for the Andean Countries": an article makes it a name of a thing
    if re.search(r"\b(?:the|The)\s+$", ctx.text[max(0, a - 5) : a]):
        return False
    # inside a longer capitalised name: "for Family Affairs and Youth Policy"
    inner = re.search(r"([A-Z][\w'’-]*\s+)?([A-Z][\w'’-]*)\s+(and|of|for|on|the|against|to|in|&)\s+$", ctx.text[max(0, a - 40) : a])
    if inner:
        pair = [w.strip() for w in inner.groups()[:2] if w]
        # but "Ioana Radu and Stefan Berg": two names joined
        if not (inner.group(3) == "and" and len(pair) == 2 and all(_plain_name_word(w) for w in pair)):
            return False
    if ctx.overlapping(a, b):
        return False
    return True


def _plain_name_word(word: str) -> bool:
    return (word not in NOT_NAME and word not in ORG_HEADS and word.lower() not in TITLE_HEADS
            and not _COMMON_NOUN.search(word) and word[1:].islower())


class _Others:
    """``barriers`` minus one candidate's own tokens, without copying the set per candidate
    (a copy per name made a page listing thousands of names quadratic)."""

    __slots__ = ("barriers", "first", "last")

    def __init__(self, barriers: set[int], first: int, last: int) -> None:
        self.barriers, self.first, self.last = barriers, first, last

    def __contains__(self, n: int) -> bool:
        return n in self.barriers and not self.first <= n <= self.last


def find_persons(ctx: DocContext) -> list[Person]:
    persons: dict[str, Person] = {}
    protected = protected_commas(ctx.text)
    for sent in ctx.sentences:
        toks = [(sent.start + m.start(), sent.start + m.end(), m.group()) for m in _TOK.finditer(sent.text)]
        starts = {t[0]: n for n, t in enumerate(toks)}
        ends = {t[1]: n for n, t in enumerate(toks)}
        cands = []
        for m in NAME.finditer(sent.text):
            a, b = sent.start + m.start("name"), sent.start + m.end("name")
            name = m.group("name")
            hon = bool(m.group("hon"))
            # "Minister Jane Roe": leading title words are not part of the name
            words = name.split()
            offs = [m.start("name") + sent.start + o.start() for o in re.finditer(r"\S+", name)]
            bad = [i for i, w in enumerate(words)
                   if w.rstrip(".") in NOT_NAME or w.lower() in TITLE_HEADS
                   or (w.endswith("s") and w[:-1].lower() in TITLE_HEADS and i == 0)  # "Senators Adriana Dávila"
                   or (i == 0 and (ctx.text[offs[0] - 1 : offs[0]] == "-" or ctx.text[offs[0] - 3 : offs[0]] in (" d'", " d’")))  # "Ambassador-at-Large Jane Roe", "Chargé d'Affaires Jane Roe"
                   or ctx.overlapping(offs[i], offs[i] + len(w))]
            if len(bad) >= 2 and bad[-2] == bad[-1] - 1 and len(words) - bad[-1] == 2 \
                    and words[bad[-1]] not in NOT_NAME and not ctx.overlapping(offs[bad[-1]], offs[bad[-1]] + len(words[bad[-1]])):
                bad.pop()  # "Judge Emir Hadžić": after a post, a word that can be a title is the first name
            if bad and len(words) - bad[-1] - 1 >= 2:
                a = offs[bad[-1] + 1]  # the name may wrap a line: "Rūta\nKazlauskienė"
                name = " ".join(ctx.text[a:b].split())
                hon = False
            if name[:1].islower():
                continue  # "Ambassador van der Heijden": a surname told again, not a new person
            if all(w.lower().rstrip(".") in TITLE_HEADS for w in name.split()):
                continue  # "Assistant Undersecretary": a post, not a name
            if re.search(r"\b(?:for|of)\s+(?:the\s+)?$", ctx.text[max(0, a - 12) : a]) \
                    and any(w.lower() in REMIT_WORDS for w in name.split()):
                continue  # "undersecretary for Border Policy": a post's remit, not a name
            if not _name_ok(ctx, name, a, b):
                continue
            hon_a = sent.start + m.start() if hon else a
            if hon_a not in starts or b not in ends:
                continue
            cands.append((starts[hon_a], ends[b], name, a, b))
        barriers = {n for c in cands for n in range(c[0], c[1] + 1)}
        cand_starts = {c[0] for c in cands}
        fwd = [_forward_title(toks, c[1] + 1, _Others(barriers, c[0], c[1]), protected) for c in cands]
        shared: dict[int, tuple[int, int]] = {}  # candidate -> a plural post before it
        for idx, (first, last, name, a, b) in enumerate(cands):
            others = _Others(barriers, first, last)
            direct = first > 0 and toks[first - 1][2] not in (",", "(") and _backward_title(toks, first, others, protected)
            forward = fwd[idx]
            if forward is None and idx + 1 < len(cands) and cands[idx + 1][0] == last + 2 \
                    and toks[last + 1][2] == "and" and fwd[idx + 1] is not None \
                    and toks[fwd[idx + 1][0]][2].lower() in _PLURAL_POSTS:
                # "Ioana Radu and Stefan Berg, members of GRETA,": the apposition is both names'
                forward = fwd[idx + 1]
            back = None if direct else _backward_title(toks, first, others, protected)
            if back and forward and forward is fwd[idx] and forward[1] + 1 < len(toks) \
                    and toks[forward[1]][2] == "," and forward[1] + 1 in cand_starts:
                # "the EU Ambassador to ASEAN, Jane Roe, ASEAN Deputy Secretary-General, John
                # Doe": a post between two names that each have one is the second one's
                forward = None
            # "the Head of the EU Delegation, Ambassador Jane Roe": the post before the rank
            outer = _backward_title(toks, direct[0], others, protected) if direct and direct[0] > 0 and toks[direct[0] - 1][2] == "," else None
            options = [t for t in (direct, forward, back, outer) if t]
            if not options and idx and shared.get(idx - 1) and _listed_after(toks, cands[idx - 1][1], first):
                # "two members of GRETA, Jane Roe and John Doe": the plural post is each name's
                options = [shared[idx - 1]]
                shared[idx] = shared[idx - 1]
            if not options:
                body = _member_of(ctx, cands, idx) if toks[first][0] != a else None  # "Mr Jane Roe of ..." 
                key = name.lower()
                if body is not None and key not in persons and not is_private_context(ctx.text, a, b, ""):
                    ent = ctx.resolver.resolve_or_create(name, "Person")
                    persons[key] = Person(ent, name, None, body, sent.text)
                continue
            if back and back in options and toks[back[0]][2].lower() in _PLURAL_POSTS | _COUNTS \
                    and any(toks[k][2].lower() in _PLURAL_POSTS for k in range(*back)):
                shared[idx] = back
            # "Commissioner Jane Roe, Head of the X Unit": the post that names a body wins
            title = aff = None
            for lo, hi in options:
                t_a, t_b = toks[lo][0], toks[hi - 1][1]
                cand_aff = affiliation_of(ctx, t_a, t_b, ctx.text[t_a:t_b])
                if cand_aff is not None:
                    title, aff = (lo, hi), cand_aff
                    break
            if title is None:
                title = options[0]
                if outer and direct and all(toks[k][2].lower() in _RANKS for k in range(*direct)):
                    title = outer  # "the Minister, General Jane Roe": the post, not the rank
            lo, hi = title
            t_a, t_b = toks[lo][0], toks[hi - 1][1]
            title_text = ctx.text[t_a:t_b]
            if is_private_context(ctx.text, a, b, title_text):
                continue
            if aff is None and (lo, hi) == forward:
                # "Jane Roe, Director-General, Department of Employment": the body after the post
                nxt = re.match(r"\s*,\s*(?:the\s+)?", ctx.text[t_b : t_b + 8])
                sp = ctx.span_at(t_b + nxt.end()) if nxt else None
                if sp is not None and sp.entity.kind == "State":
                    body = ctx.span_at(sp.end + 1) if ctx.text[sp.end : sp.end + 1] == " " else None
                    if body is not None and body.entity.kind == "Organization":
                        sp = body  # "..., Director General, Sri Lanka Bureau of Foreign Employment"
                end = sp.end if sp is not None else 0
                tail = re.match(r"\s+of\s+(?:the\s+)?", ctx.text[end : end + 10]) if sp is not None else None
                if tail and ctx.span_at(end + tail.end()) is not None and ctx.span_at(end + tail.end()).entity.kind == "State":
                    end = ctx.span_at(end + tail.end()).end  # "..., Department of Employment of Thailand"
                seat = re.match(r"\s+in\s+", ctx.text[end : end + 6]) if sp is not None and sp.entity.kind == "Organization" else None
                if seat and ctx.span_at(end + seat.end()) is not None and ctx.span_at(end + seat.end()).entity.kind in ("State", "Place"):
                    end = ctx.span_at(end + seat.end()).end  # "..., US Embassy in Moldova."
                if sp is not None and sp.entity.kind in ("Organization", "State") \
                        and re.match(r"\s*(?:$|[\n.;)]|,\s*(?:said|says|who|and|told|added|noted|stressed|explained|described|spoke|opened|presented)\b)", ctx.text[end : end + 12]):
                    aff = sp.entity
            if aff is None:
                aff = fallback_affiliation(ctx, sent, t_a, t_b, title_text)
            if aff is None:
                aff = _relative_clause_body(ctx, b, sent.end)
            if aff is None and re.search(r"\b(?:her|his|the\s+minister['’]s)\s+$", ctx.text[max(0, t_a - 16) : t_a], re.I) \
                    and re.fullmatch(r"(?:(?:first|senior)\s+)?(?:deputy|spokes(?:person|man|woman)|advis[eo]r|chief\s+of\s+staff|assistant)", title_text, re.I):
                # "the speech was read by her deputy, Jane Roe": the deputy of the person named before
                before = [p for p in persons.values() if p.affiliation is not None and p.title_end <= t_a]
                if before:
                    aff = before[-1].affiliation
            key = name.lower()
            if key in persons and persons[key].affiliation is not None:
                continue
            ent = ctx.resolver.resolve_or_create(name, "Person")
            persons[key] = Person(ent, name, title_text, aff, sent.text, t_a, t_b)
    return list(persons.values())


def affiliation_of(ctx: DocContext, start: int, end: int, title: str) -> Entity | None:
    """Whom a title says the person represents."""
    t = title.strip()
    if t in ORG_HEADS and t[0].isupper():
        # "Ombudsman Helena Saarinen" in a text that named "the Non-Discrimination Ombudsman":
        # the one body of that kind the text names, not the general one the word would give
        named = {sp.entity.iri: sp.entity for sp in ctx.spans if sp.entity.kind == "Organization"
                 and len(sp.text.split()) > 1 and sp.text.split(" of ")[0].split()[-1] == t}
        if len(named) == 1:
            return next(iter(named.values()))
    inside = everything = ctx.spans_in(start, end, ("Organization", "State"))
    # "Permanent Representative of Uzbekistan to the United Nations Office": the body after
    # "to" is where the post is accredited, not whom the person represents
    hosts = [s for s in inside if re.search(r"\bto\s+(?:the\s+)?$", ctx.text[max(start, s.start - 8) : s.start])]
    if hosts and (len(hosts) < len(inside) or _ENVOY.search(ctx.text[start : hosts[0].start])):
        # "US Ambassador to Pakistan", "Ambassador to Bangladesh": an envoy never
        # represents the state they are sent to (the sender, if named, is before "to")
        inside = [s for s in inside if s not in hosts]
        sender = _sender_state(ctx, ctx.text[start : hosts[0].start])
        if not inside and sender is not None:
            return sender
    owner = _possessive_owner(ctx, start, end)
    if owner is not None:
        return owner
    orgs = [s for s in inside if s.entity.kind == "Organization"]
    if orgs:
        # "Head of the X Department of the <registry body>": the known body is the safer answer
        known = [s for s in orgs if s.entity.in_registry]
        if not known and len(orgs) > 1 and _UNIT_HEAD.search(orgs[0].text) \
                and re.fullmatch(r"\s+of\s+(?:the\s+)?", ctx.text[orgs[0].end : orgs[1].start]):
            # "Deputy Head of the Training Department of the Border Service": a unit speaks
            # for the body it belongs to
            return orgs[1].entity
        return (known or orgs)[0].entity
    states = [s for s in inside if s.entity.kind == "State"]
    for w in re.findall(r"\b[A-Z][a-z]+\b", title):
        # "British Ambassador to Viet Nam": the demonym says whom the person represents
        if w.endswith(("ish", "an", "ese", "ian", "ic", "i")) and not any(w in sp.text for sp in everything):
            st = ctx.resolver.state(w)
            if st is not None and st.kind == "State":
                return st
    for m in re.finditer(r"\b[A-Z][A-Z&-]{2,}\b", title):
        if any(h.start <= start + m.start() < h.end for h in hosts):
            continue  # "Permanent Representative of the Philippines to ASEAN"
        ent = ctx.resolver.resolve(m.group(), "Organization")
        if ent is not None:
            return ent
    lead = _ACRONYM_POST.match(title)
    if lead and lead.group("acr") not in _NOT_BODY_ACRONYMS:
        # "NCFA Secretary-General Jane Roe": an acronym before a post is the body's name
        acr = lead.group("acr")
        ent = _spelt_out(ctx, acr)
        if ent is None:
            ent = ctx.resolver.resolve_or_create(acr, "Organization")
            if ent.in_registry and acr not in ent.alt_labels:
                return None  # a registry body whose id happens to be these letters
        ctx.add_spans([ActorSpan(m.start(), m.end(), acr, ent, "acronym")
                       for m in re.finditer(r"\b" + re.escape(acr) + r"\b", ctx.text)])
        return ent
    told = _FIELD_HEAD.match(title)
    if told:
        # "Public Security Director Jane Roe" in a text that names the Public Security Directorate
        field = told.group("field").casefold()
        for sp in ctx.spans:
            low = sp.entity.label.casefold()
            if sp.entity.kind == "Organization" and low.startswith(field + " ") \
                    and low[len(field) + 1 :].split(" ")[0] in ("directorate", "department", "service", "office", "agency", "bureau"):
                return sp.entity
    body = _TITLE_BODIES.search(title)
    if body:
        country = states[0].entity if states else ctx.country
        key = "pg" if body.group("pg") else "omb" if body.group("omb") else "field"
        ent = ctx.resolver.resolve(body.expand(_TITLE_BODY_NAMES[key]), "Organization", country=country)
        if ent is not None and (country is None or ctx.state_of(ent) in (None, country)):
            return ent
    remit = _remit_ministry(ctx, title, states[0].entity if states else None)
    if remit is not None:
        return remit
    if states:
        return states[0].entity
    owner = _POSSESSIVE.match(title)
    st = ctx.resolver.state(owner.group("owner")) if owner is not None else None
    if st is not None and st.kind == "State":
        return st  # "Croatia's National Anti-Trafficking Coordinator"
    return _office_of_remit(ctx, title)


#: "Ambassador-at-Large to Monitor and Combat Trafficking in Persons": a post named after its office's remit
_REMIT_POST = re.compile(r"\b(?:Ambassador(?:-at-Large)?|Coordinator|Co-ordinator|Director|Envoy)\s+(?P<remit>(?:to|for)\s+[A-Z][\w'’-]*(?:\s+(?:and\s+|in\s+|of\s+|on\s+)?[A-Z][\w'’-]*)+)")


def _office_of_remit(ctx: DocContext, title: str) -> Entity | None:
    """The known office whose name is "Office" and the post's remit."""
    m = _REMIT_POST.search(title)
    if m is None:
        return None
    ent = ctx.resolver.resolve("Office " + m.group("remit"), "Organization")
    return ent if ent is not None and ent.in_registry else None


#: Posts held by someone sent to another state or body
_ENVOY = re.compile(r"\b(?:Ambassador|Representative|Envoy|Consul|Charg[ée]|High\s+Commissioner|Delegate|Observer)\b", re.I)


def _sender_state(ctx: DocContext, head: str) -> Entity | None:
    """The state an envoy's post names before "to": "US", "U.S.", "Philippine"."""
    for w in re.findall(r"\b[A-Z][\w.]*", head):
        if w.rstrip(".") in TITLE_HEADS or w.lower().rstrip(".") in TITLE_HEADS:
            continue
        st = ctx.resolver.state(w.rstrip(".") if w.count(".") < 2 else w)
        if st is not None and st.kind == "State":
            return st
    return None


#: "NAPTIP's Director-General", "IOM Kingston's Head of Office": a body owning the post
_POSSESSIVE = re.compile(r"^\s*(?:the\s+)?(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5})['’]s\s")


def _possessive_owner(ctx: DocContext, start: int, end: int) -> Entity | None:
    """The organisation whose post the title names by a possessive before it.

    A body made from the remit after the post ("MOFAIC's Assistant Minister for X
    Affairs" is no "Ministry of X Affairs") is less sure than the owner the text names;
    a state's possessive ("Austria's Minister of the Interior") leaves the ministry."""
    m = _POSSESSIVE.match(ctx.text[start:end])
    if m is None:
        return None
    a, b = start + m.start("owner"), start + m.end("owner")
    spans = [sp for sp in ctx.spans_in(a, b, ("Organization",)) if sp.end == b or ctx.text[sp.end : b].strip() == ""]
    if spans:
        return spans[-1].entity
    if re.fullmatch(r"[A-Z][A-Z&]{2,7}", m.group("owner")):
        ent = ctx.resolver.resolve(m.group("owner"), "Organization") or _spelt_out(ctx, m.group("owner"))
        if ent is not None:
            return ent
    if m.group("owner") in _ANAPHORIC_HEADS:
        # "the Ministry's Secretary": the ministry the text named last before
        named = [sp for sp in ctx.spans_in(0, start, ("Organization",)) if m.group("owner") in sp.entity.label.split()]
        if named:
            return named[-1].entity
    return None


#: "Permanent Secretary for Foreign Affairs": a ministry named by its remit inside a civil servant's post
_SECRETARY_FOR = re.compile(r"\bpermanent\s+secretary\s+(?:for|of)\s+(?P<field>[A-Za-z]+(?:\s+(?:and\s+)?[A-Za-z]+){0,3})", re.I)


def _remit_ministry(ctx: DocContext, title: str, state: Entity | None) -> Entity | None:
    """The ministry a post names by its remit alone (every word a remit word)."""
    m = _SECRETARY_FOR.search(title)
    if m is None:
        return None
    words = []
    for w in m.group("field").split():
        if w.lower() not in REMIT_WORDS or w.lower() in ("of", "for", "the", "on", "in", "state"):
            break  # "... for Foreign Affairs of Thailand": the remit ends before "of"
        words.append(w)
    while words and words[-1].lower() == "and":
        words.pop()
    if not words:
        return None
    from .mentions import resolve_body

    ent = resolve_body(ctx, "Ministry of " + " ".join(w.capitalize() if w.lower() != "and" else w for w in words), country=state)
    return ent if ent is not None and ent.kind == "Organization" else None


def _spelt_out(ctx: DocContext, acr: str) -> Entity | None:
    """The body the text names in full whose initials are ``acr`` ("Saudi Human Rights
    Commission" for "HRC", a state's name before them left out)."""
    for sp in ctx.spans:
        if sp.entity.kind != "Organization":
            continue
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sp.text) if w[0].isupper()]
        for lead in range(0, min(2, len(words))):
            if "".join(w[0] for w in words[lead:]) == acr:
                return sp.entity
    return None


#: "NCFA Secretary-General", "NAPTIP's Director-General": an acronym, then a post
_ACRONYM_POST = re.compile(r"^(?P<acr>[A-Z][A-Z&]{2,7})(?:['’]s)?\s+(?:Deputy\s+|Vice[\s-]|Executive\s+|Acting\s+)?(?:Secretary[\s-]General|Director(?:[\s-]General)?|Chair(?:man|woman|person)?|President|Head|Chief|Executive\s+Director|Commissioner|Coordinator|Spokesperson)\b")
#: Capitals that are no body's name
_NOT_BODY_ACRONYMS = frozenset("TIP THB CTIP HIV AIDS COVID USD EUR GBP CEO NGO NGOS UN EU US USA UK".split())
#: "Public Security Director": the field of a directorate, then the post
_FIELD_HEAD = re.compile(r"^(?P<field>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\s+(?:Director|Head|Chief)\b")


#: Military and police ranks used as a form of address before a name.
_RANKS = frozenset("general colonel major captain admiral brigadier lieutenant commander".split())
_PLURAL_POSTS = frozenset("members experts representatives judges prosecutors officers officials delegates advisers advisors inspectors trainers co-chairs".split())
_UNIT_HEAD = re.compile(r"\b(?:Department|Division|Unit|Section|Sector|Service|Directorate)$")
_LED_BY = re.compile(r"\b(?:delegation|representatives|officials|experts|team|staff|members)\s+(?:of|from)\s+(?:the\s+)?$", re.I)
_ACR_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z]*[A-Z][A-Za-z]*)\)")


def fallback_affiliation(ctx: DocContext, sent, start: int, end: int, title: str) -> Entity | None:
    """Whom a person represents when the post itself names no body.

    * "the Secretary against X (ACR), Jane Roe": the body the acronym after the post names;
    * "representatives of X, led by the Director of Cooperation, Jane Roe": X;
    * "Deputy Minister Jane Roe" in a text about one ministry: the ministry named last before.
    """
    am = _ACR_AFTER.match(ctx.text, end)
    if am:
        acr = am.group("acr")
        ent = ctx.resolver.resolve(acr, "Organization")
        if ent is None and not re.search(r"\b(?:of|to)\s+(?:the\s+)?[A-Z]", title):
            ent = ctx.resolver.resolve_or_create(acr, "Organization")
        if ent is not None:
            ctx.add_spans([ActorSpan(m.start(), m.end(), acr, ent, "acronym")
                           for m in re.finditer(r"\b" + re.escape(acr) + r"\b", ctx.text)])
            return ent
    before = ctx.text[sent.start:start]
    side = re.search(r"\b([A-Z][a-z]+)\s+(?:side|delegation|team)\s+(?:was|were)\s+(?:led|headed)\s+by\s+(?:the\s+)?$", before)
    if side:
        # "The Moldovan side was led by Secretary of State X": the publisher when it is a
        # body of that state, else the state
        st = ctx.resolver.state(side.group(1))
        if st is not None and st.kind == "State":
            # "a delegation from Malaysia's Ministry of Home Affairs" told before: that body
            for sp in reversed(ctx.spans_in(0, start, ("Organization",))):
                if ctx.state_of(sp.entity) is not None and ctx.state_of(sp.entity).iri == st.iri and re.search(
                        r"\bdelegation\s+(?:from|of)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$",
                        ctx.text[max(0, sp.start - 60) : sp.start]):
                    return sp.entity
            pub = ctx.publisher
            if pub is not None and pub.kind == "Organization" and (ctx.state_of(pub) or None) is not None \
                    and ctx.state_of(pub).iri == st.iri:
                return pub
            return st
    led = re.search(r",?\s*(?:led|headed)\s+by\s+(?:the\s+)?$", before)
    if led:
        orgs = ctx.spans_in(sent.start, sent.start + led.start(), ("Organization", "State"))
        if orgs and _LED_BY.search(ctx.text[max(sent.start, orgs[-1].start - 40):orgs[-1].start]):
            return orgs[-1].entity
    head = re.fullmatch(r"(?P<head>[A-Z][a-z]+)\s+(?:chair|chairperson|chairman|chairwoman|head|director|president|secretary|spokesperson)", title.strip())
    if head and head.group("head") in _ANAPHORIC_HEADS:
        # "Committee chair Mikko Rautio": the committee the text named last before
        named = [sp for sp in ctx.spans_in(0, start, ("Organization",)) if head.group("head") in sp.text.split()]
        if named:
            return named[-1].entity
    if re.fullmatch(r"(?:(?:Deputy|First|Vice|Acting)[\s-]+)*Minister", title.strip(), re.I):
        ministries = [s for s in ctx.spans_in(0, start, ("Organization",)) if re.search(r"\bMinistr", s.text)]
        if ministries:
            return ministries[-1].entity
    return None


#: ", who heads the anti-trafficking unit of the Ministry of X": the body the clause names
_WHO_LEADS = re.compile(
    r",?\s*(?:who|which)\s+(?:also\s+|now\s+|currently\s+)?(?:heads|leads|chairs|directs|runs|manages|coordinates|represents|co-chairs"
    r"|commands|oversees|presides\s+over|sits\s+(?:as|on)|serves\s+(?:as|on)"
    r"|is\s+(?:the\s+)?(?:head|director|chair|chairperson|coordinator|representative|deputy\s+head|member)\s+(?:of|at)|works\s+(?:for|at))\b[^,.;]{0,160}",
    re.I,
)


_ANAPHORIC_HEADS = frozenset("Ministry Department Agency Commission Committee Council Office Secretariat Bureau Directorate Unit Service".split())


def _relative_clause_body(ctx: DocContext, name_end: int, limit: int) -> Entity | None:
    """"Colonel X, who heads the anti-trafficking unit of the Ministry of Internal Affairs": that ministry."""
    of = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?").match(ctx.text, name_end, limit)
    if of is not None:
        sp = ctx.span_at(of.end())
        if sp is not None and sp.entity.kind == "Organization":
            return sp.entity  # "Secretary of State Sok Phalla of MoSVY"
        bare = re.match(r"([A-Z][a-z]+)\b(?!\s+(?:of|for|on)\b)", ctx.text[of.end() : of.end() + 30])
        if bare is not None and bare.group(1) in _ANAPHORIC_HEADS:
            # "Joint Secretary Jane Roe of the Ministry": the ministry named last before
            head = bare.group(1)
            named = [s for s in ctx.spans_in(0, name_end, ("Organization",)) if re.search(r"\b" + head + r"\b", s.text)]
            if named:
                return named[-1].entity
    m = _WHO_LEADS.match(ctx.text, name_end, limit)
    if m is None:
        return None
    orgs = ctx.spans_in(name_end, m.end(), ("Organization",))
    return orgs[0].entity if orgs else None


_TITLE_BODIES = re.compile(
    r"\b(?:(?P<pg>Prosecutor[- ]General|General\s+Prosecutor|Attorney[- ]General)"
    r"|(?P<omb>Ombudsperson|Ombudsman|Human\s+Rights\s+Commissioner)"
    r"|(?P<min>Minister)\s+(?:of|for)\s+(?P<field>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*))"
)
_TITLE_BODY_NAMES = {"pg": "Prosecutor General's Office", "omb": "Ombudsperson for Human Rights", "field": r"Ministry of \g<field>"}


_LABELLED = re.compile(r"^(?P<pre>[^:]{2,80}):\s*(?P<name>.+)$")
_AT_ORG = re.compile(r"^(?P<name>.+?)\s+(?:at|of|with)\s+(?P<org>.+)$")


def contact_persons(ctx: DocContext, publisher: Entity | None = None) -> list[Person]:
    """Press officers from the contact blocks: each name with its organisation.

    A block lists parts separated by commas: "Jane Roe, Press Officer, IOM",
    "IOM Guatemala: Jane Roe, UNODC: John Doe", "Embassy of X, Communication: Jane Roe",
    "Jane Roe at IOM". A press officer named with a post but no organisation speaks for
    the publisher.
    """
    out = []
    for block in ctx.doc.contacts:
        parts = [p.strip() for p in re.split(r"[,\n;]+", block) if p.strip()]
        org: Entity | None = None  # the last organisation named before the current person
        current: list = []  # [name, title, aff, org_before]
        found: list[list] = []
        for part in parts:
            name = _contact_name(part)
            pre = None
            if name is None:
                lm = _LABELLED.match(part)
                if lm and _contact_name(lm.group("name")):
                    name, pre = _contact_name(lm.group("name")), lm.group("pre").strip()
                else:
                    am = _AT_ORG.match(part)
                    if am and _contact_name(am.group("name")):
                        name, pre = _contact_name(am.group("name")), am.group("org").strip()
            if name is not None:
                aff = _contact_org(ctx, pre) if pre else None
                title = pre if pre and aff is None and len(pre.split()) <= 6 else None
                current = [name, title, aff, org]
                found.append(current)
                continue
            ent = _contact_org(ctx, part)
            if ent is not None:
                org = ent
                if current and current[2] is None:
                    current[2] = ent
                    if current[1] is None and not part.isupper() and _has_title_head(part.split()):
                        current[1] = part
                continue
            if current and current[1] is None and _has_title_head(part.split()) and len(part.split()) <= 8:
                current[1] = part
                inner = _contact_org(ctx, part, whole=False)
                if inner is not None and current[2] is None:
                    current[2] = inner
        for name, title, aff, before in found:
            aff = aff or before or (publisher if title else None)
            if aff is None and title is None:
                continue
            ent = ctx.resolver.resolve_or_create(name, "Person")
            out.append(Person(ent, name, title, aff, block))
    return out


def _contact_name(part: str) -> str | None:
    m = NAME.fullmatch(part.strip())
    if not m or any(w in NOT_NAME or w.lower() in TITLE_HEADS for w in m.group("name").split()):
        return None
    return m.group("name")


def _contact_org(ctx: DocContext, text: str, *, whole: bool = True) -> Entity | None:
    """The organisation a contact part names ("IOM Guatemala", "Embassy of Switzerland in X")."""
    text = text.strip()
    mentions = [x for x in ctx.resolver.find_mentions(text) if x.entity.kind in ("Organization", "State")]
    orgs = [x for x in mentions if x.entity.kind == "Organization"]
    if orgs and (not whole or orgs[0].start <= 2):
        return orgs[0].entity
    if whole and any(w in ORG_HEADS for w in text.split()):
        from .mentions import resolve_body

        return resolve_body(ctx, text)
    if mentions and whole and mentions[0].entity.kind == "State" and mentions[0].start == 0:
        return mentions[0].entity
    return None


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
    """"UNICEF Regional Adviser for Child Protection in ..." -> "Regional Adviser"."""
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


#: "Preliminary findings on the visit to Kuwait by Jane Roe, Special Rapporteur on X -": the
#: headline names who writes the statement, and the post they write in
_BY_AUTHOR = re.compile(r"\bby\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),\s+(?P<post>[^|–—]{5,160}?)(?:\s+[-–—]\s|\s*[-–—]?\s*$)")
#: First-person meetings in the body: "I met", "I spoke with", "my talks took me to"
FIRST_PERSON = re.compile(r"\bI\s+(?:also\s+|then\s+)?(?:met|visited|made|held|had|spoke|paid|undertook|conducted)\b|\b[Mm]y\s+(?:[\w-]+\s+)?(?:talks|meetings|visit|visits|discussions)\b")


def headline_author(ctx: DocContext) -> Person | None:
    """The author of a statement written in the first person, as its headline names them.

    Only when the body speaks in the first person about meetings: "by Jane Roe, Special
    Rapporteur" above a report in the third person is just a byline."""
    title = " ".join((ctx.doc.title or "").split())
    m = _BY_AUTHOR.search(title)
    if m is None or not FIRST_PERSON.search(ctx.text):
        return None
    name, post = m.group("name"), m.group("post").strip(" ,-")
    if not _plain_name_word(name.split()[0]) or any(w in ORG_HEADS for w in name.split()):
        return None
    aff = ctx.resolver.resolve(post, "Organization")
    if aff is None:
        found = ctx.resolver.find_mentions(post)
        aff = next((f.entity for f in found if f.entity.kind == "Organization"), None)
    if aff is None:
        return None
    ent = ctx.resolver.resolve_or_create(name, "Person")
    return Person(ent, name, post, aff, title)
