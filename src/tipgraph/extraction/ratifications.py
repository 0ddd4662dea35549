"""Ratifications, accessions and signatures of treaties; adoptions of laws and plans.

"The Parliament of X ratified A and B" gives X ratified A and X ratified B; a date in
the sentence ("in late 2011") goes with it. Negated or announced acts ("has not yet
ratified", "plans to ratify") give nothing.
"""
from __future__ import annotations

import re

from ..model import AdoptionFact, DateValue, Entity, RatificationFact
from ..reading.factsheet import is_table_row, status_column
from .context import DocContext
from .dates import find_dates

_ACT = re.compile(
    r"\b(?P<verb>ratified|ratifies|acceded(?:\s*,\s*[^,;]{1,30},)?\s+to|accedes\s+to|became\s+(?:a\s+)?(?:state\s+)?party\s+to|has\s+become\s+(?:a\s+)?party\s+to|signed"
    r"|(?P<plural>(?:are|were|have\s+(?:both\s+)?been)\s+(?:both\s+|all\s+)?(?:states\s+)?parties(?:\s+to|(?=\s*[.;,])))"
    r"|(?:is|has\s+been|had\s+been|was)\s+(?:already\s+|also\s+|now\s+)?(?:a\s+)?(?:state\s+)?party\s+to"
    r"|deposit(?:ed|s)?\s+(?:its|their|the)\s+instruments?\s+of\s+(?:ratification|accession|acceptance|approval)(?:\s+(?:of|to))?"
    r"|joined(?=\s+(?:the\s+)?(?:(?:UN|United\s+Nations|ILO|ASEAN|Council\s+of\s+Europe|\d{4})\s+)?[A-Z]|\s+under\b)"
    r"|(?P<inf>to\s+(?:ratify|accede\s+to)))\b",
    re.I,
)
#: "became the first country to ratify", "was among the first states to accede to": a past act
_FIRST = re.compile(r"\b(?:became|become|was|were|is|are|makes?|made)\s+(?:also\s+|now\s+)?(?:(?:the\s+)?(?-i:[A-Z][\w-]*)\s+){0,3}?(?:among\s+)?the\s+(?:\w+\s+){0,2}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+th|latest|last)\b", re.I)
#: "the Convention", "this protocol", "the anti-trafficking convention", "the treaty", "it": a
#: treaty the text told of before ("treaty", "instrument" and "it" stand for any treaty)
_ANAPHOR = re.compile(r"^\s*(?:(?:the|this|that)\s+(?:(?P<year>\d{4})\s+)?(?P<adj>(?-i:[a-z][\w-]*\s+){0,2}?)(?P<head>Convention|Protocol|Treaty|Charter|Covenant|Agreement|instrument)\b|(?P<it>it|them)\b)", re.I)
_NEG = re.compile(r"\b(?:not|yet\s+to|never|plans?\s+to|will|would|intends?\s+to|should|urged?|calls?\s+on|encourag\w+|expected\s+to|must)\b", re.I)
_TREATY = re.compile(r"\b(?:Convention|Protocol|Treaty|Charter|Covenant|Agreement)\b")
_ADOPT = re.compile(r"\b(?:adopted|approved|enacted|passed|signed|endorsed)\b", re.I)
_ADOPTABLE = re.compile(r"\b(?:Law|Decree|Plan|Strategy|Code|Programme|Program|Concept|Resolution)\b")


#: The act told as a noun: "Bhutan's accession to A", "with its ratification of A", "deposited
#: at UN headquarters its instrument of ratification for A".
_NOUN_ACT = re.compile(
    r"(?P<poss>['’]s|\b(?:its|their))\s+(?:original\s+)?(?:instruments?\s+of\s+)?(?P<act>ratification|accession)s?\s+(?:of|to|for)\b"
    r"|\binstruments?\s+of\s+(?P<act2>ratification|accession|acceptance|approval)\s+(?:of|to|for)\b",
    re.I,
)
#: "the 2014 Protocol to the 1930 Forced Labour Convention": the convention names the protocol
_PART_OF_NAME = re.compile(r"\b(?:Protocol|Amendment|Addendum)\s+(?:to|of)\s+(?:the\s+)?(?:\d{4}\s+)?(?:[A-Z]\w*\s+)?$")
#: "is to deposit today", "will hand over": an announced act, unless it happens today
_ANNOUNCED = re.compile(r"\b(?:will|shall|plans?\s+to|intends?\s+to|expected\s+to|would|is\s+to|are\s+to|not|yet\s+to|urged?|calls?\s+on)\b", re.I)


#: a date that belongs to the treaty, not to the state's act: "adopted in New York on 15
#: November 2000", "opened for signature on 16 May 2005"
_TREATY_DATE = re.compile(r"\b(?:adopted|opened\s+for\s+signature|drafted|concluded|done)\b[^.;,]{0,30}$", re.I)


#: "Belarus, which is not a member, acceded": a clause set off by commas says nothing of the act
_INSET = re.compile(r",\s*(?:which|who|that|though|although|while)\b[^,]*,")
#: "A and B, both of which Kenya has ratified", "A, which the Kingdom joined": the treaties
#: named before the relative pronoun, the states inside the clause
_RELATIVE = re.compile(r"(?:,|\))\s*(?:(?P<all>both|all|each)\s+of\s+)?(?:to\s+)?which\s+"
                       r"(?:(?:the\s+)?[A-Z][\w-]*\s+|and\s+|both\s+(?:countries|states)\s+(?:are\s+)?){1,8}(?:(?:have|has|had)\s+)?(?:(?:both|also|all)\s+)?$")
#: "in Geneva, Switzerland": a state named as the place of the act, not its actor
_PLACE_BEFORE = re.compile(r"\bin\s+(?:[A-Z][\w-]*\s+){0,2}?[A-Z][\w-]*,\s+$")


#: "the sixth ASEAN Member State to ratify A, after B and C", "After B, A is the second
#: country to have ratified": the states named after "after" ratified A before
_ORDINAL = re.compile(r"\bthe\s+(?:\w+\s+){0,2}?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+th)"
                      r"\s+(?:[\w-]+\s+){0,2}?(?:country|countries|state|states|nation|nations|party|parties)\b", re.I)
_LIST_SEP = re.compile(r"\s*(?:,|,?\s*and)\s*(?:the\s+)?")


def _coordinated(ctx: DocContext, before: list) -> list[Entity]:
    """The states joined by "and" or commas that end in the last of ``before``."""
    out = [before[-1].entity]
    for a, b in zip(reversed(before[:-1]), reversed(before[1:])):
        if not re.fullmatch(r"\s*(?:,|,?\s*and)\s*(?:the\s+)?", ctx.text[a.end : b.start]):
            break
        out.append(a.entity)
    return out


#: "Both countries have ratified", "to which both states are parties", "both of our
#: governments": the two states the text is about
_BOTH = re.compile(r"\bboth\s+(?:of\s+(?:our|the|their)\s+)?(?:countries|states|governments|nations|sides)\s+(?:\w+\s+){0,2}$", re.I)


def _the_two_states(ctx: DocContext) -> list[Entity]:
    """The two states the text names most (the document's own among them), when a third
    trails them."""
    counts: dict[str, list] = {}
    for e in [sp.entity for sp in ctx.spans if sp.entity.kind == "State"] + [ctx.country] * (ctx.country is not None):
        if e is not None:
            counts.setdefault(e.iri, []).append(e)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if len(ranked) < 2 or (len(ranked) > 2 and len(ranked[2]) >= len(ranked[1])):
        return []
    return [ranked[0][0], ranked[1][0]]


def _earlier_states(ctx: DocContext, s, counted: bool = True) -> list[Entity]:
    """The states of the list after "after" in a sentence that counts ratifying states."""
    if counted and not _ORDINAL.search(s.text):
        return []
    out: list[Entity] = []
    for m in re.finditer(r"\bafter\s+(?:the\s+)?", s.text, re.I):
        pos = s.start + m.end()
        for sp in ctx.spans_in(pos, s.end, ("State",)):
            if sp.start != pos:
                break
            out.append(sp.entity)
            sep = _LIST_SEP.match(ctx.text, sp.end)
            pos = sep.end() if sep else -1
    return out


def _treaty(sp) -> bool:
    """States ratify treaties; a national law is adopted, not ratified."""
    return bool(_TREATY.search(sp.entity.label) or any(_TREATY.search(a) for a in sp.entity.alt_labels))


def _told_before(ctx: DocContext, pos: int, head: str | None, year: str | None, adj: str = "") -> list:
    """The last treaty named before ``pos`` whose name has ``head`` ("the Convention"); any
    treaty for "the treaty", "the instrument" or "it". Words before the head ("the
    anti-trafficking convention") pick, among those, the last whose name has them."""
    generic = head is None or head.lower() in ("treaty", "instrument")
    earlier = [sp for sp in ctx.spans if sp.entity.kind == "LegalInstrument" and sp.end <= pos and _treaty(sp)
               and (generic or head.lower() in sp.entity.label.lower())
               and (not year or any(year in n for n in (sp.entity.label, *sp.entity.alt_labels, sp.text)))]
    words = [w.removeprefix("anti-") for w in adj.lower().split() if len(w.removeprefix("anti-")) > 3]
    fitting = [sp for sp in earlier if words and all(w[:6] in sp.entity.label.lower() for w in words)]
    return (fitting or earlier)[-1:]


def _act_date(ctx: DocContext, s) -> DateValue | None:
    """The first absolute date of the sentence that is not the treaty's own."""
    for dm in find_dates(s.text, ctx.doc.published):
        if not dm.relative and not _TREATY_DATE.search(s.text[max(0, dm.start - 50) : dm.start]):
            return dm.values[0]
    return None


def _record(ctx: DocContext, seen: set, state: Entity, instruments: list[Entity], date: DateValue | None,
            act: str, evidence: str) -> list[RatificationFact]:
    """One fact per (state, instrument) not yet told in this document; both noted for rdfbuild."""
    out = []
    for inst in instruments:
        key = (state.iri, inst.iri)
        if key in seen:
            continue
        seen.add(key)
        out.append(RatificationFact(state, inst, date, act, evidence))
        ctx.note(state)
        ctx.note(inst)
    return out


def _noun_acts(ctx: DocContext, s, seen: set) -> list[RatificationFact]:
    """Ratifications and accessions told as nouns, with the state that owns the act: a
    possessive state ("Bhutan's"), else the sentence's subject state, else the state named
    right after ("With its ratification of A, Norway joins ..."), else the document's state."""
    out: list[RatificationFact] = []
    for m in _NOUN_ACT.finditer(s.text):
        pre = s.text[: m.start()]
        if _ANNOUNCED.search(pre[-60:]) and not re.search(r"\btoday\b", s.text, re.I):
            continue
        vpos = s.start + m.start()
        act = "acceded" if (m.group("act") or m.group("act2")).lower() == "accession" else "ratified"
        instruments = [sp for sp in ctx.spans_in(s.start + m.end(), s.end, ("LegalInstrument",))
                       if _TREATY.search(sp.entity.label) or any(_TREATY.search(a) for a in sp.entity.alt_labels)]
        instruments = [sp for sp in instruments if not _PART_OF_NAME.search(ctx.text[max(s.start, sp.start - 40) : sp.start])]
        if not instruments:
            continue
        state = None
        partners: list[Entity] = []
        if m.group("poss") and m.group("poss")[0] in "'’":
            own = [sp for sp in ctx.spans_in(max(s.start, vpos - 60), vpos, ("State",)) if sp.end == vpos]
            state = own[-1].entity if own else None
            if state is None:
                continue  # "the Convention's ratification": not a state's act
        if state is None:
            before = ctx.spans_in(s.start, vpos, ("State",))
            before = [sp for sp in before if not re.search(r"\b(?:in|to|at|from)\s+(?:the\s+)?$", ctx.text[max(s.start, sp.start - 12) : sp.start])
                      and not _PLACE_BEFORE.search(ctx.text[max(s.start, sp.start - 40) : sp.start])]
            after = ctx.spans_in(instruments[-1].end, s.end, ("State",))
            state = before[-1].entity if before else after[0].entity if after else ctx.country
            if before and m.group("poss") and m.group("poss").lower() == "their":
                partners = _coordinated(ctx, before)  # "A and B lodged their instruments"
        if state is None:
            continue
        # "Mali's ratification of A, after Niger and Mauritania": those ratified A before
        if re.match(r"\s*(?:\([^)]*\)\s*)?,\s*after\b", ctx.text[instruments[-1].end : s.end]):
            partners += _earlier_states(ctx, s, counted=False)
        for st in partners:
            if st.iri != state.iri:
                out += _record(ctx, seen, st, [i.entity for i in instruments], None, act, s.text)
        out += _record(ctx, seen, state, [i.entity for i in instruments], _act_date(ctx, s),
                       act, s.text)
    return out


#: "... and the following 100 ratifications, listed alphabetically: A, B, C", "ratified by 43
#: countries, including A and B", "States Parties: A, B, C"
_LIST_ACT = re.compile(
    r"\b(?P<act>ratifications|accessions|states\s+parties|parties)\b[^:.;]{0,60}:\s*"
    r"|\b(?P<verb>ratified|acceded\s+to)\s+by\s+(?:\d+|[a-z]+)\s+(?:other\s+)?(?:countries|states|member\s+states)\b,?\s+"
    r"(?:including|among\s+them|such\s+as)\s+"
    r"|\b(?:countries|states|parties|country|state|party)\s+(?:that\s+ha(?:ve|s)\s+|to\s+)(?P<verb2>ratif(?:y|ied)|acced(?:e|ed)\s+to)\s+(?:it|them)?\s*[:\-–—]\s*",
    re.I,
)


def _list_acts(ctx: DocContext, s, seen: set) -> list[RatificationFact]:
    """Every state of a list that a ratification count introduces ratified the instrument
    the sentence names, or the one the text told of last ("the Convention")."""
    m = _LIST_ACT.search(s.text)
    if m is None or _NEG.search(s.text[max(0, m.start() - 40) : m.start()]):
        return []
    after = s.start + m.end()
    states = ctx.spans_in(after, s.end, ("State",))
    if len(states) < (1 if m.group("verb") or m.group("verb2") else 3):
        return []
    instruments = [sp for sp in ctx.spans_in(s.start, s.end, ("LegalInstrument",))
                   if _TREATY.search(sp.entity.label) or any(_TREATY.search(a) for a in sp.entity.alt_labels)]
    if not instruments:
        earlier = [sp for sp in ctx.spans if sp.entity.kind == "LegalInstrument" and sp.end <= s.start
                   and _TREATY.search(sp.entity.label)]
        instruments = earlier[-1:]
    if not instruments:
        return []
    act = "acceded" if "acce" in (m.group("act") or m.group("verb") or m.group("verb2") or "").lower() else "ratified"
    out = []
    for st in states:
        out += _record(ctx, seen, st.entity, [instruments[0].entity], None, act, s.text)
    return out


#: "the Convention becomes effective for A, B and C", "entered into force for A on ...": a
#: treaty is in force for the states that ratified it
_IN_FORCE = re.compile(r"\b(?:enter(?:s|ed)?\s+into\s+force|(?:becomes?|became)\s+effective|t(?:ook|akes?)\s+effect)\b", re.I)
_CONDITION = re.compile(r"\b(?:would|could|might|if|once|until|unless|not|yet\s+to)\b", re.I)
_FOR_STATES = re.compile(r"(?:^|[,;]\s*|\s)for\s+(?:the\s+)?$", re.I)


def _in_force_acts(ctx: DocContext, s, seen: set) -> list[RatificationFact]:
    """The states a treaty entered into force for ("For A, B and C, the Convention becomes
    effective on 1 May"; "it took effect for Albania and Austria"), which ratified it."""
    m = _IN_FORCE.search(s.text)
    if m is None:
        return []
    # "would take effect for states that ratify it", "has not entered into force for X": a
    # condition or a denial; "will take effect for A on 1 May" tells of a ratification made
    if _CONDITION.search(s.text[max(0, m.start() - 40) : m.start()]):
        return []
    states = []
    for sp in ctx.spans_in(s.start, s.end, ("State",)):
        if states and re.fullmatch(r"\s*(?:,|,?\s*and)\s*(?:the\s+)?", ctx.text[states[-1].end : sp.start]):
            states.append(sp)
        elif not states and _FOR_STATES.search(ctx.text[max(s.start, sp.start - 12) : sp.start]):
            states.append(sp)
    if not states:
        return []
    instruments = [sp for sp in ctx.spans_in(s.start, s.end, ("LegalInstrument",)) if _TREATY.search(sp.entity.label)]
    told = re.search(r"\b(?:the|this|that)\s+(?:(?:19|20)\d\d\s+)?(?P<head>Convention|Protocol|Treaty|Charter|Covenant|Agreement)\b", s.text)
    if not instruments and (told or re.search(r"\bit\s+$", s.text[: m.start()])):
        # "the Convention", "it": the treaty the text told of last (of that kind)
        instruments = [sp for sp in ctx.spans if sp.entity.kind == "LegalInstrument" and sp.end <= s.start
                       and _TREATY.search(sp.entity.label)
                       and (told is None or told.group("head").lower() in sp.entity.label.lower())][-1:]
    if not instruments:
        return []
    out = []
    for st in states:
        out += _record(ctx, seen, st.entity, [instruments[0].entity], None, "ratified", s.text)
    return out


#: "the Law on the Ratification of A", "Bill on the Ratification of A", "A ... is hereby ratified"
_LAW_ACT = re.compile(
    r"\b(?P<law>Law|Bill|Act|Decree|Resolution|Decision|Ordinance)\b[^.;]{0,80}?\b(?:on|about|concerning|for)\s+(?:the\s+)?"
    r"(?P<act>Ratification|Accession)\s+(?:of|to)\b"
    r"|\b(?:is|are)\s+hereby\s+(?P<hereby>ratified|acceded\s+to)\b",
    re.I,
)


def _law_state(ctx: DocContext):
    """The state whose law the document prints ("Law of the Republic of Kazakhstan of ...")."""
    title = ctx.doc.title or ""
    if re.match(r"(?:Law|Act|Decree|Resolution)\s+of\s", title):
        for m in ctx.resolver.find_mentions(title):
            if m.entity.kind == "State":
                return m.entity
    for sp in ctx.spans:
        if sp.entity.kind == "State" and re.search(r"\b(?:Law|Act|Decree|Resolution)\s+of\s+(?:the\s+)?$",
                                                   ctx.text[max(0, sp.start - 20) : sp.start]):
            return sp.entity
    return None


def _law_acts(ctx: DocContext, s, seen: set) -> list[RatificationFact]:
    """A state's law (or signed bill) on the ratification of a treaty is its ratification:
    the state the law names ("Law of the Republic of Kazakhstan"), else the document's."""
    m = _LAW_ACT.search(s.text)
    if m is None or _NEG.search(s.text[max(0, m.start() - 40) : m.start()]):
        return []
    if m.group("law") and m.group("law").lower() == "bill" and not re.search(
            r"\b(?:signed|passed|adopted|approved|enacted)\b", s.text, re.I):
        return []  # a bill not yet passed is no act
    if m.group("hereby"):
        instruments = [i for i in ctx.spans_in(s.start, s.start + m.start(), ("LegalInstrument",))
                       if not re.search(r"\b(?:supplementing|to|of)\s+(?:the\s+)?$", ctx.text[max(s.start, i.start - 20) : i.start])]
    else:
        instruments = ctx.spans_in(s.start + m.end(), s.end, ("LegalInstrument",))[:1]
    instruments = [i for i in instruments if _TREATY.search(i.entity.label) or any(_TREATY.search(a) for a in i.entity.alt_labels)]
    if not instruments:
        return []
    named = ctx.spans_in(s.start, s.start + m.start("act") if m.group("act") else s.start + m.start(), ("State",))
    state = named[-1].entity if named else _law_state(ctx) or ctx.country
    if state is None:
        return []
    act = "acceded" if "acce" in (m.group("act") or m.group("hereby") or "").lower() else "ratified"
    return _record(ctx, seen, state, [i.entity for i in instruments], _act_date(ctx, s), act, s.text)


_ROW_MARKS = re.compile(r"\[[^\]]*\]|\([^)]*\)|[*†#]")


def _table_acts(ctx: DocContext, seen: set) -> list[RatificationFact]:
    """A treaty's status table (reading keeps its rows as lines): each state whose row
    gives a date in the ratification column ratified the treaty ("... a": acceded). The
    treaty is the one the headline names, else the first one the text names."""
    if "|" not in ctx.text:
        return []
    lines = ctx.text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    column = None
    instrument = None
    out: list[RatificationFact] = []
    for n, line in enumerate(lines):
        if not is_table_row(line):
            continue
        cells = [c.strip() for c in line.split("|")]
        if column is None:
            column = status_column(line)
            if column is not None:
                instrument = _table_treaty(ctx, offsets[n])
            continue
        if instrument is None or len(cells) <= column:
            continue
        value = cells[column]
        dms = [dm for dm in find_dates(value, None) if not dm.relative]
        state = ctx.resolver.state(_ROW_MARKS.sub("", cells[0]).strip()) if cells[0] else None
        if not dms or state is None or state.kind != "State":
            continue
        act = "acceded" if re.search(r"\s(?:a|\(a\))$|accession", value, re.I) else "ratified"
        for fact in _record(ctx, seen, state, [instrument], dms[0].values[0], act, line.strip()):
            out.append(fact)
    return out


def _table_treaty(ctx: DocContext, before: int) -> Entity | None:
    """The treaty a status table is about: the headline's, else the first named before it."""
    title = ctx.doc.title or ""
    for m in ctx.resolver.find_mentions(title) if title else []:
        if m.entity.kind == "LegalInstrument" and _TREATY.search(m.entity.label):
            return m.entity
    for sp in ctx.spans:
        if sp.start >= before:
            break
        if sp.entity.kind == "LegalInstrument" and _TREATY.search(sp.entity.label):
            return sp.entity
    return None


def extract_ratifications(ctx: DocContext) -> tuple[list[RatificationFact], list[AdoptionFact], set[int]]:
    rats: list[RatificationFact] = []
    adoptions: list[AdoptionFact] = []
    used: set[int] = set()
    seen = set()
    rats.extend(_table_acts(ctx, seen))
    for s in ctx.sentences:
        listed = _list_acts(ctx, s, seen) or _in_force_acts(ctx, s, seen) or _law_acts(ctx, s, seen)
        if listed:
            rats.extend(listed)
            used.add(s.index)
            continue
        m = _ACT.search(s.text)
        if m is None or m.group("verb") is None or "deposit" in m.group().lower():
            found = _noun_acts(ctx, s, seen)
            if found:
                rats.extend(found)
                used.add(s.index)
                continue
        if m and m.group("inf"):
            # "urged X to ratify A, which Y ratified": the finite act that follows
            m = next((n for n in _ACT.finditer(s.text, m.end()) if not n.group("inf")), m)
        if m:
            pre = _INSET.sub(",", s.text[max(0, m.start() - 80) : m.start()])[-40:]
            past_inf = not m.group("inf") or _FIRST.search(s.text[: m.start()])
            if m.group("inf") and _FIRST.search(s.text[: m.start()]):
                pre = ""
            if past_inf and not _NEG.search(pre):
                verb = m.group("verb").lower()
                act = "signed" if verb.startswith("signed") else "acceded" if ("acced" in verb or "accession" in verb) else "ratified"
                vpos = s.start + m.start()
                states = [sp for sp in ctx.spans_in(s.start, vpos, ("State",))
                          if not _PLACE_BEFORE.search(ctx.text[max(s.start, sp.start - 40) : sp.start])]
                state = states[-1].entity if states else None
                if m.group("plural") and len(states) > 1:
                    extra = [sp.entity for sp in states[:-1]]  # "Both Cambodia and Thailand are parties to"
                else:
                    extra = []
                if state is None and re.search(r"\b(?:it|the\s+country|the\s+state|the\s+government)\s+(?:has\s+|had\s+)?$",
                                               s.text[max(0, m.start() - 30) : m.start()], re.I):
                    state = ctx.country  # "when it acceded to", "the country became a party to"
                if state is None and _BOTH.search(s.text[: m.start()]):
                    two = _the_two_states(ctx)
                    state, extra = (two[-1], two[:-1]) if two else (None, extra)
                if state is None:
                    # "the Parliament of X ratified": a national body acts for its state
                    bodies = [sp for sp in ctx.spans_in(s.start, vpos, ("Organization",)) if ctx.state_of(sp.entity)]
                    state = ctx.state_of(bodies[-1].entity) if bodies else None
                passive = re.match(r"\s*by\s+", s.text[m.end() :])
                instruments = [sp for sp in ctx.spans_in(s.start + m.end(), s.end, ("LegalInstrument",))]
                rel = _RELATIVE.search(s.text[: m.start()])
                if rel:
                    # "the Forced Labour Convention, 1930, which Thailand ratified in 1969"; "A
                    # and B, both of which X and Y have ratified"
                    before = [i for i in ctx.spans_in(s.start, s.start + rel.start() + 1, ("LegalInstrument",)) if _treaty(i)]
                    distinct = list({i.entity.iri: i for i in before}.values())
                    many = {"both": 2, "all": len(distinct), "each": len(distinct)}.get((rel.group("all") or "").lower(), 1)
                    instruments = distinct[-many:] if distinct else instruments
                    st_sp = ctx.spans_in(s.start + rel.start(), vpos, ("State",))
                    state = st_sp[-1].entity if st_sp else state
                    extra = [sp.entity for sp in st_sp[:-1]] or extra
                elif not instruments or _ANAPHOR.match(s.text[m.end():]):
                    am = _ANAPHOR.match(s.text[m.end():])
                    if am:
                        instruments = _told_before(ctx, vpos, am.group("head"), am.group("year"), am.group("adj") or "") or instruments
                    elif not instruments:
                        earlier = ctx.spans_in(s.start, vpos, ("LegalInstrument",))
                        instruments = earlier[-1:]
                if passive:
                    instruments = [sp for sp in ctx.spans_in(s.start, vpos, ("LegalInstrument",))]
                    by = ctx.spans_in(s.start + m.end(), s.end, ("State",))[:1]
                    state = by[0].entity if by else None
                # states ratify treaties; a national law is adopted, not ratified
                instruments = [i for i in instruments if _TREATY.search(i.entity.label) or
                               any(_TREATY.search(a) for a in i.entity.alt_labels)]
                if state is not None and instruments:
                    insts = [i.entity for i in instruments]
                    for st in extra + [e for e in _earlier_states(ctx, s) if e.iri != state.iri]:
                        rats += _record(ctx, seen, st, insts, None, act, s.text)
                    rats += _record(ctx, seen, state, insts, _act_date(ctx, s), act, s.text)
                    used.add(s.index)
                    continue
        am = _ADOPT.search(s.text)
        if am and not _NEG.search(s.text[max(0, am.start() - 40) : am.start()]):
            after = ctx.spans_in(s.start + am.end(), min(s.end, s.start + am.end() + 80), ("LegalInstrument",))
            after = [i for i in after if _ADOPTABLE.search(i.entity.label)]
            if after:
                by = ctx.spans_in(s.start, s.start + am.start(), ("State", "Organization"))
                actor = by[-1].entity if by else None
                adoptions.append(AdoptionFact(after[0].entity, actor, _act_date(ctx, s), s.text))
    return rats, adoptions, used
