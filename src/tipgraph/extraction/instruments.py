"""Legal instruments: registry ones, plus named national laws, plans and decrees.

The registry knows the treaties ("Palermo Protocol"); national instruments appear as
capitalised names headed by "Action Plan", "Law", "Decree", "Strategy" and the like
("Moldova's National Plan against Forced Labour for 2020-2024") and are
created as new instruments of the state that owns them.
"""
from __future__ import annotations

import re

from .context import ActorSpan, DocContext

_HEAD = r"(?:Strategy\s+and\s+Action\s+Plan|Action\s+Plan|(?<=State\s)(?:Programme|Program)|Framework|Plan\s+of\s+Action|Programme\s+of\s+Action|Work\s*[Pp]lan|(?<=National\s)(?:Plan|Programme|Program)|Act|Law|Laws|Convention|Protocol|Decree|Code|Compact|Declaration|Strategy|Agreement|Memorandum(?:\s+of\s+Understanding)?|Resolution|Directive|Charter|Treaty|Decisions|Concept|Roadmap)"
_CAP = r"[A-Z][\w'’\-]*"
_TAIL_WORD = r"(?:[A-Za-z][\w'’\-]*|\d{4}(?:\s*[-–]\s*\d{4})?)"
INSTRUMENT = re.compile(
    r"(?:(?P<owner>" + _CAP + r"(?:\s+" + _CAP + r")?)['’]s\s+)?"
    r"(?P<name>(?:" + _CAP + r"(?:\s+(?:(?:of|in|and|against|for|on|the|to)\s+)*(?:" + _CAP + r"|\(" + _CAP + r"(?:\s+" + _CAP + r"){0,2}\)))*\s+)?" + _HEAD + r"\b"
    r"(?:,?\s+(?:19|20)\d\d\b)?"
    r"(?:\s+(?:on|of|for|against|to|in|concerning|between)\s+(?:the\s+)?" + _TAIL_WORD
    + r"(?:\s+(?:(?:and|of|in|the|for|on|against|to)\s+)*" + _TAIL_WORD + r")*)?)"
)
#: Words that may follow the head in a name only when capitalised or a year.
_TYPES = {"Action Plan": "tip:ActionPlan", "Plan of Action": "tip:ActionPlan"}
#: "Convention of the <body>": a body's founding treaty, named after it.
_FOUNDING = re.compile(r"(?:Convention|Charter|Statute|Treaty|Agreement)\s+(?:of|on)\s+(?:the\s+)?")
_LOWER_STOP = re.compile(r"\s+(?:(?:and|of|in|the|for|on|against|to)\s+)*[a-z][\w'’\-]*.*$")


def _trim_tail(name: str) -> str:
    """Keep the tail of a name up to its last capitalised word or year."""
    m = re.match(r"(.*?\b" + _HEAD + r"\b(?:,?\s+(?:19|20)\d\d\b)?)(.*)$", name)
    if not m:
        return name
    head, tail = m.group(1), m.group(2)
    if re.search(r"(?:19|20)\d\d$", head):
        return head  # a year ends a law's name: "... Administration Act 2015 of Nigeria"
    # "... for 2019-2021 and the Law on ...": a second instrument starts
    tail = re.split(r"\s+and\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}" + _HEAD + r"\b", tail)[0]
    words = tail.split()
    keep = len(words)
    while keep and not (words[keep - 1][0].isupper() or words[keep - 1][0].isdigit()):
        keep -= 1
    # the first lowercase content word after the connector ends the name
    out = []
    for w in words[:keep]:
        if w[0].islower() and w not in ("and", "of", "in", "the", "for", "on", "against", "to", "concerning"):
            break
        out.append(w)
    while out and out[-1] in ("and", "of", "in", "the", "for", "on", "against", "to", "concerning"):
        out.pop()
    return (head + (" " + " ".join(out) if out else "")).strip()


_NUMBERED = re.compile(r"\b(?:(?:Republic|Presidential|Federal|Royal|Organic)\s+)?(?:Law|Act|Decree|Resolution|Order|Ordinance)\s+(?:No\.?\s*|(?!(?:19|20)\d\d(?![\d.\-/(])))\d[\d.\-/]*(?:\d|\([IVX]+\)/\d{4})(?:\s+of\s+(?:19|20)\d\d)?")
_QUOTED = re.compile(r"\bLaw\s+(?:of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*\s+)?[\"«“](?P<title>On\s+[^\"»”]{5,120})[\"»”]")


def _numbered_spans(ctx: DocContext) -> list[ActorSpan]:
    """"Law No. 1 of 2008", "Law 26.364", "Decree 9-2009", Law of X "On Combating ..."."""
    out = []
    for m in _QUOTED.finditer(ctx.text):
        name = "Law on " + m.group("title")[3:]
        ent = ctx.resolver.resolve(name, "LegalInstrument") or ctx.resolver.resolve_or_create(
            name, "LegalInstrument", country=ctx.country_arg())
        out.append(ActorSpan(m.start(), m.end(), m.group(), ent, "instrument"))
    for m in _NUMBERED.finditer(ctx.text):
        name = m.group()
        ent = ctx.resolver.resolve(name, "LegalInstrument") or ctx.resolver.resolve_or_create(
            name, "LegalInstrument", country=ctx.country_arg())
        out.append(ActorSpan(m.start(), m.end(), name, ent, "instrument"))
    return out


def instrument_spans(ctx: DocContext) -> list[ActorSpan]:
    out: list[ActorSpan] = []
    for sp in _numbered_spans(ctx):
        inside = ctx.overlapping(sp.start, sp.end)
        if not any(o.entity.kind not in ("State", "Place") or o.start < sp.start or o.end > sp.end for o in inside):
            # 'the Law of Ukraine "On ..."': the state inside the name is part of it
            out.append(ActorSpan(sp.start, sp.end, sp.text, sp.entity, "enclosing" if inside else "instrument"))
    for m in INSTRUMENT.finditer(ctx.text):
        a = m.start("name")
        name = _trim_tail(m.group("name"))
        while name.split()[0] in ("The", "A", "An", "This", "That", "Its", "Their", "In", "On", "Under"):
            name = name.split(" ", 1)[1] if " " in name else ""
            if not name:
                break
        if not name or len(name.split()) < 2:
            continue
        a = ctx.text.find(name, a)
        b = a + len(name)
        founding = _FOUNDING.match(name)
        if founding:
            # "Convention of the Southeast European Law Enforcement Center": the name runs to the
            # end of the body it is named after, whatever head words that body's name holds
            body = ctx.span_at(a + founding.end())
            if body is not None and body.entity.kind == "Organization" and body.end > b:
                b = body.end
                name = ctx.text[a:b]
        inside = ctx.overlapping(a, b)
        if any((o.entity.kind not in ("State", "Place") and not (founding and o.start >= a + founding.end()))
               or o.start < a or o.end > b for o in inside) \
                or any(o.start < b and a < o.end for o in out):
            continue  # a state inside the name ("Law of Georgia on ...") is part of it
        ent = ctx.resolver.resolve(name, "LegalInstrument")
        if ent is None:
            if founding and any(o.entity.kind == "Organization" for o in inside):
                # "the Convention of the Southeast European Law Enforcement Center": the body's
                # founding treaty, named after it
                ent = ctx.resolver.resolve_or_create(name, "LegalInstrument")
            elif not re.search(r"\b(?:National|Federal|State|Law|Act|Decree|Plan|Strategy|Code|Concept|Programme of Action|Regional|Comprehensive)\b", name):
                continue
            else:
                owner = m.group("owner")
                country = None
                if owner:
                    country = _state(ctx, owner)
                country = country or ctx.country_arg()
                types = tuple(t for k, t in _TYPES.items() if k in name)
                ent = ctx.resolver.resolve_or_create(name, "LegalInstrument", country=country, types=types)
        if ent is not None and ent.kind == "LegalInstrument":
            out.append(ActorSpan(a, b, name, ent, "instrument" if not inside else "enclosing"))
    return out


#: "the Protocol to the", "Protocol of 2014 to the 1930", "Optional Protocol on": a protocol
#: named through the treaty it supplements
_PROTOCOL_OF = re.compile(r"\b(?:Optional\s+|Additional\s+)?Protocol\s+(?:of\s+(?:19|20)\d\d\s+)?(?:to|on|of|supplementing)"
                          r"\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:ILO\s+|UN\s+|United\s+Nations\s+)?$")


def protocol_spans(ctx: DocContext) -> None:
    """"the Protocol to the Forced Labour Convention": the protocol, not the convention.

    A treaty span right after "Protocol to/on/of (the)" is widened to the protocol that
    supplements it in the registry: the one, or the one whose distinctive word the
    sentence uses before it ("the Trafficking Protocol to the Convention against ...").
    """
    registry = getattr(ctx.resolver, "registry", None)
    if registry is None or not hasattr(registry, "protocols_of"):
        return
    for sp in [s for s in ctx.spans if s.entity.kind == "LegalInstrument"]:
        protocols = registry.protocols_of(sp.entity)
        if not protocols:
            continue
        m = _PROTOCOL_OF.search(ctx.text[max(0, sp.start - 60) : sp.start])
        if m is None:
            continue
        start = max(0, sp.start - 60) + m.start()
        if len(protocols) > 1:
            before = ctx.text[max(0, start - 120) : start].lower()
            protocols = [p for p in protocols if _distinctive(p.label) and _distinctive(p.label) in before]
        if len(protocols) != 1 or ctx.overlapping(start, sp.start):
            continue
        ctx.replace_span(sp, ActorSpan(start, sp.end, ctx.text[start : sp.end], protocols[0], sp.source))


def _distinctive(label: str) -> str:
    """The word that tells a treaty's protocols apart: "Trafficking", "Smuggling"."""
    for word in re.findall(r"[A-Za-z]+", label):
        if word.lower() in ("trafficking", "smuggling", "firearms", "sale"):
            return word.lower()
    return ""


def _state(ctx: DocContext, name: str):
    try:
        st = ctx.resolver.state(name)
    except (KeyError, ValueError, LookupError):
        return None
    return st if st is not None and st.kind == "State" else None
