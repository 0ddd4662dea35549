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


# --- instruments signed at an event ------------------------------------------------------
#: What actors sign with each other: memoranda, agreements, letters, joint statements.
_SIGNED_HEAD = (r"(?:[Mm]emorand(?:um|a)\s+of\s+(?:[Uu]nderstanding|[Cc]o-?operation)|[Mm]emorand(?:um|a)|MoUs?|MOUs?"
                r"|[Aa]greements?|[Ll]etters?\s+of\s+(?:[Uu]nderstanding|[Ii]ntent)|[Dd]eclarations?\s+of\s+[Ii]ntent"
                r"|[Jj]oint\s+(?:[Ss]tatement|[Dd]eclaration|[Cc]ommuniqu[eé])|[Pp]rotocols?|[Pp]acts?|[Aa]ccords?"
                r"|Roadmap|Road\s+Map|Plan\s+of\s+Joint\s+Actions?|Joint\s+(?:Action\s+)?Plan)")
_FUNCTION = r"(?:signed|was|were|is|are|and|or|with|by|in|on|at|to|for|that|which|who|a|an|the)"
_SIGNED_NP = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Tt]heir|[Ii]ts|[Tt]his|[Bb]oth|[Tt]wo|[Tt]hree)\s+[\"“]?"
    r"(?P<name>(?P<pre>(?:(?!" + _FUNCTION + r"\b)[\w'’-]+\s+){0,3}?(?:of\s+(?:(?:an?|the)\s+)?)?)"
    r"(?P<head>" + _SIGNED_HEAD + r"))\b(?P<acr>\s*\((?:MoU|MOU|[A-Z][A-Za-z]{1,6})\))?")
#: A signing verb right before the instrument ("signed today in Posadas a ...", "put their
#: signatures to the ..."); the words between are no determiner.
_SIGN_BEFORE = re.compile(
    r"\b(?:signed|signs|sign|signing|inked|endorsed|concluded|renewed|put\s+(?:their|its|his|her)\s+(?:names?|signatures?)\s+to)"
    r"\s+(?:(?!(?:a|an|the|up)\b)[\w'’.,-]+\s+){0,6}$", re.I)
#: A signing to come: "will sign", "are expected to sign", "plan to sign"
_TO_COME = re.compile(r"\b(?:will|shall|would|to|intends?\s+to|plans?\s+to)\s+(?:(?:also|soon|jointly)\s+)?$", re.I)
#: The instrument told of as signed after it: "... was signed today", ", signed in 2012",
#: "that X signed with Y", "...; the ministers signed it".
_SIGN_AFTER = re.compile(
    r"^(?:[^.;]{0,160}?\b(?:was|were|is|are|has\s+been|have\s+been|had\s+(?:already\s+)?been|being)\s+(?:(?:first|originally|jointly|formally|officially|also)\s+)?signed\b"
    r"|[\"”]?\s*,?\s+(?:(?:first|originally|jointly|recently)\s+)?signed\s+(?:in|on|by|at|last|earlier|between|with|today|yesterday)\b"
    r"|\s*(?:that|which)\s+(?:[\w'’()-]+\s+){1,12}?signed\b"
    r"|[^.]{0,200}?\bsigned\s+(?:it|them)\b)", re.I)
#: Told as signed before the event: "the original agreement", "had already been signed".
_EARLIER = re.compile(r"\b(?:original|previous|earlier|former|existing|old)\b", re.I)
_EARLIER_AFTER = re.compile(r"^[^.;]{0,160}?\b(?:had\s+(?:already\s+)?been\s+signed|(?:first|originally)\s+signed)\b", re.I)
#: "a financing agreement", "the grant agreement": the contract of a programme's money
_FUNDING_PRE = re.compile(r"\b(?:financing|grant|funding|loan|contribution|financial)\s+$", re.I)
_TAIL_OPEN = frozenset("on for of between against concerning regarding".split())
_TAIL_GLUE = frozenset("on for of in and the against to between concerning regarding a an its their".split())
_TAIL_STOP = frozenset("""that which who whom whose under signed was were is are has have had will would by with
    today yesterday at as during after before while when where so because from""".split())
_TAIL_WORD = re.compile(r"\s+(\([^()\s]{1,12}\)|[\w'’]+(?:-\s?[\w'’]+)*)")
_PARTY_END = frozenset("on for against concerning regarding to in with".split())
_WHEN_WORD = re.compile(r"\s+(?:the\s+(?:sidelines|margins)\b|\d|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
                        r"|January|February|March|April|May|June|July|August|September|October|November|December)\b)")


def signed_instruments(ctx: DocContext) -> list[ActorSpan]:
    """Memoranda, agreements and joint statements told of as signed ("X and Y signed a
    memorandum of understanding on ...", "A Joint Statement was signed by ..."): each one
    a new instrument of this document (registry instruments keep their own spans).

    A later bare "the memorandum" or "the agreement" is the one signed before it. Spans
    of instruments signed before the event ("the original agreement was signed in 2005")
    have the source ``signed-earlier``; a capitalised one that names its parties ("the Roadmap
    ... between Uzbekistan and UNODC"), signed or not, the source ``named``.
    """
    out: list[ActorSpan] = []
    skipped = False  # the last one signed was a grant's contract: "the agreement" after it is that one
    for s in ctx.sentences:
        for m in _SIGNED_NP.finditer(s.text):
            a, head_end = s.start + m.start("name"), s.start + m.end("head")
            after_acr = s.start + m.end()
            if any(o.entity.kind == "LegalInstrument" for o in ctx.overlapping(a, head_end)):
                continue  # "signed the Palermo Protocol": a known instrument
            end = _signed_tail(ctx, s, after_acr)
            before = _SIGN_BEFORE.search(s.text[: m.start()])
            if before is not None and _TO_COME.search(s.text[: before.start()]):
                before = None  # "will sign a memorandum next month": not signed yet
            signed = bool(before or _SIGN_AFTER.match(ctx.text[end : s.end]))
            if not (signed or _between_parties(ctx, m, after_acr, end)):
                continue
            if _FUNDING_PRE.search(m.group("pre")) or (m.group("head").startswith("protocol")
                                                       and not re.match(r"\s+(?:on|between)\b", ctx.text[after_acr:end])):
                skipped = True
                continue  # a grant's contract; "a protocol for the care of victims": a procedure
            if skipped and _bare_definite(m, end == after_acr):
                continue
            skipped = False
            earlier = bool(_EARLIER.search(m.group("pre"))) or bool(_EARLIER_AFTER.match(ctx.text[end : s.end])) or _signed_before(ctx.text[end : s.end])
            source = "named" if not signed else "signed-earlier" if earlier else "signed"
            prev = _same_as_before(m, end == after_acr, out)
            ent = prev or _new_signed(ctx, s, m, ctx.text[a:end])
            out.append(ActorSpan(a, end, ctx.text[a:end], ent, source))
    return out


def _between_parties(ctx: DocContext, m: re.Match, a: int, b: int) -> bool:
    """ "the Roadmap for ... cooperation between the Republic of Uzbekistan and UNODC for
    2022-2025": a capitalised instrument that names its parties is one of theirs, signed or not."""
    if not m.group("head")[0].isupper():
        return False
    at = ctx.text.find(" between ", a, b)
    return at >= 0 and any(sp.entity.kind in ("Organization", "State") for sp in ctx.spans_in(at, b))


def _signed_tail(ctx: DocContext, s, pos: int) -> int:
    """Where a signed instrument's name ends after its head: "... on Cooperation in Combating
    Human Trafficking" up to a clause, a venue or a date ("in New York on 26 September")."""
    text = ctx.text
    first = _TAIL_WORD.match(text, pos)
    if first is None or not (first.group(1).lower() in _TAIL_OPEN
                             or first.group(1) == "to" and re.match(r"\s+[A-Z]", text[first.end():])):
        return pos  # "... to Combat Trafficking in Persons": a capitalised purpose is part of the name
    end = cur = pos
    for _ in range(40):
        m = _TAIL_WORD.match(text, cur)
        if m is None or m.end() > s.end:
            break
        low = m.group(1).lower()
        if low in _TAIL_STOP or (low == "and" and re.match(r"\s+[a-z]+ed\b", text[m.end():])):
            break
        if low in ("in", "at", "on") and (_WHEN_WORD.match(text, m.end()) or _place_next(ctx, m.end())):
            break
        if low == "to" and re.match(r"\s+[a-z]", text[m.end():]) and not re.match(r"\s+(?:the|a|an|its|their)\b", text[m.end():]):
            break  # "to improve ...": a purpose, not the name
        cur = m.end()
        if low not in _TAIL_GLUE:
            end = cur
    return end


def _place_next(ctx: DocContext, pos: int) -> bool:
    m = re.match(r"\s+(?:the\s+)?", ctx.text[pos:])
    sp = ctx.span_at(pos + (m.end() if m else 0))
    return sp is not None and sp.entity.kind in ("Place", "State")


def _signed_before(after: str) -> bool:
    """ "the Memorandum, signed on 14 September", "the MoU signed in 2019": a participle
    tells of a signing before the event (the event's own is told with a verb: "was signed today")."""
    m = re.match(r"^[\"”]?\s*,?\s+signed\s+(?:[\w'’,-]+\s+){0,8}?(?:in|on|last)\s+[\w,]+", after)
    return m is not None and not re.search(r"\b(?:today|yesterday|this\s+(?:morning|week))\b", m.group())


def _bare_definite(m: re.Match, bare: bool) -> bool:
    """ "the agreement", "The Memorandum": a name that refers back."""
    return bare and not m.group("pre").strip() and m.group(0)[:3].lower() == "the"


def _same_as_before(m: re.Match, bare: bool, out: list[ActorSpan]):
    """ "the memorandum", "the agreement" after one was signed: that one."""
    if not out or not _bare_definite(m, bare):
        return None
    head = m.group("head").lower()
    last = out[-1].entity
    family = last.label.lower() + " " + " ".join(a.lower() for a in last.alt_labels)
    if head.startswith(("agreement", "pact", "accord")) or head.split()[0].rstrip("s")[:8] in family:
        return last
    return None


def _new_signed(ctx: DocContext, s, m: re.Match, written: str):
    """The instrument of one signing: named as written; the head ("Memorandum of
    Understanding"), its acronym and the name up to or without its parties as other names."""
    name = re.sub(r"\s*\((?:MoU|MOU|[A-Z][A-Za-z]{1,6})\)", "", written)
    head = m.group("head")
    alts = {written, head, (m.group("pre") + head) if not m.group("pre").rstrip().endswith(("of", "an", "a", "the")) else head}
    paren = re.search(r"\s*\(([A-Z][A-Za-z]{1,6})\)", written)
    if paren:
        # an acronym closes the name it stands for: "agreement on Standard Operating Procedures (SOPs) for ..."
        alts.add(paren.group(1))
        alts.add(written[: paren.start()])
    if head in ("MoU", "MOU", "MoUs", "MOUs"):
        alts.add(head)
    between = re.search(r"\s+between\s+", name)
    if between:
        rest = name[between.end():].split()
        cut = next((i for i, w in enumerate(rest) if w in _PARTY_END), len(rest))
        alts.add(name[: between.end()] + " ".join(rest[:cut]))  # up to its parties
        alts.add((name[: between.start()] + " " + " ".join(rest[cut:])).strip())  # without its parties
    parties = sorted({sp.entity.iri for sp in ctx.spans_in(s.start, s.end, ("Organization", "State"))})
    doc = ctx.doc
    kind = "tip:Declaration" if re.search(r"(?i)statement|declaration|communiqu", head) else "tip:MemorandumOfUnderstanding"
    return ctx.resolver.signed_instrument(name, identity=(doc.path.rsplit("/", 1)[-1], doc.content_sha1, *parties),
                                          alt_labels=sorted(alts), types=(kind,))
