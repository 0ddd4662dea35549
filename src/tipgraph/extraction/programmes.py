"""Programmes: name, funders, implementers, budget, duration, target regions and groups.

The sentences that speak of a programme ("programme", "project", "initiative" and
their anaphora) are read together as one programme, unless they name different
programmes. Funders follow "funded by", "with a grant from" and the like;
implementers are the subject of "launched"/"implement", the owner in "X's programme",
or follow "implemented by".
"""
from __future__ import annotations

import re

from ..model import Entity, ProgrammeFact
from .amounts import parse_amounts, parse_durations
from .context import ActorSpan, DocContext

#: "the OSCE Project Co-ordinator", "Project Manager": a post or an office named after a project is no programme
_PROG_WORD = re.compile(r"\b(?:programme|program|project|initiative)s?\b"
                        r"(?!\s+(?:Co-?ordinators?|Coordinators?|Managers?|Officers?|Office|Director|Leaders?|Team|Assistants?|Component)\b)", re.I)
_NAMED = re.compile(r"(?:(?P<owner>[A-Z][\w.]*)['’]s\s+)?(?P<name>(?:[A-Z][\w'’\-]*\s+){1,7}(?:Programme|Program|Project|Initiative))\b")
_FUND = re.compile(
    r"\b(?:funded|financed|co-funded|co-financed|sponsored|supported|backed|commissioned|awarded)\s+(?:with\s+[^,;]{2,30}?\s+)?(?:by|through)\s+"
    r"|\b(?:with|has|have|had|receives|received|enjoys)\s+(?:the\s+)?(?:generous\s+)?(?:financial\s+)?(?:co-)?(?:financing|funding|support|contribution|assistance)(?:\s+support)?"
    r"(?:\s+and\s+(?:sponsorship|funding|support|financing))?\s+(?:of|from)\s+"
    r"|\b(?:grant|funding|donation|contribution)s?\s+(?:of\s+(?:[A-Z]{3}|US\$|\$|€|£)\s?[\d.,]+(?:\s+(?:million|billion|thousand))?\s+)?from\s+"
    r"|\b(?:million|billion|thousand|euros?|dollars?|francs?|pounds?|sum|amount|budget|rest|remainder|money|funds|funding|financing)\s+(?:of\s+it\s+|for\s+(?:the|this|its)\s+[\w-]+\s+)?(?:comes?|came|is\s+coming)\s+(?:in\s+part\s+)?from\s+|\bthanks\s+to\s+(?:the\s+)?(?:generous\s+)?(?:support|funding|contribution)\s+(?:of|from)\s+",
    re.I,
)
#: "The Government of Canada will provide CAD 5 million", "UK funds new project": the subject pays
_FUND_VERB = re.compile(r"\b(?:will\s+provide|provides|provided|has\s+committed|have\s+committed|committed|announced|announces|announce|allocated|contributes|contributed|has\s+granted|granted|funds|is\s+funding|will\s+fund|donated|pledged"
                        r"|(?:to|will|would)\s+give|gives|gave|has\s+given|have\s+given)\b")
#: "an award of $750,000 to two organizations: the IRC and Atina": the recipients carry it out
_GRANT_TO = re.compile(r"\b(?:award|grant|donation|contribution)s?\s+of\s+(?:[A-Z]{3}|US\$|\$|€|£|P)\s?[\d.,]+(?:\s+(?:million|billion|thousand))?\s+to\s+"
                       r"(?:(?:two|three|four|five|\d)\s+(?:organi[sz]ations|NGOs|partners|groups)\s*:\s*)?(?:the\s+)?", re.I)
_IMPL_BY = re.compile(r"\b(?:implemented|carried\s+out|run|managed|executed|led|delivered)\s+(?:jointly\s+)?by\s+"
                      r"(?:a\s+consortium\s+(?:made\s+up\s+of|composed\s+of|consisting\s+of|comprising|of)\s+(?:these|the\s+following)?\s*(?:institutions|organi[sz]ations|partners|members|NGOs)?\s*:?\s*)?"
                      r"|\bwith\s+(?=(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}\s+as\s+(?:the\s+)?(?:prime|lead|main|principal)\s+(?:recipient|partner|implementer|grantee|agency))|\b(?:in\s+partnership|in\s+cooperation|in\s+co-operation|together|jointly)\s+with\s+", re.I)
_IMPL_VERB = re.compile(r"\b(?:ha(?:ve|s)\s+)?(?:launched|launch|launches|implement(?:s|ed|ing(?!\s+(?:partners?|agenc(?:y|ies)|organi[sz]ations?|bod(?:y|ies))\b))?|will\s+implement|started|start|is\s+implementing|are\s+implementing)\b", re.I)
#: Active voice with the payer or the implementer as subject: "which the EU finances with
#: EUR 1.8 million", "Norway is paying for the project", "UNHCR and IOM implement it",
#: "ILO will carry it out in ...".
_ACTIVE_FUND = re.compile(r"\b(?:finances|finance|financing|funds|fund|is\s+paying\s+for|are\s+paying\s+for|pays\s+for|pay\s+for|paid\s+for|bankrolls?|co-finances|co-funds"
                          r"|(?:puts|put|provides|provided|contributes|contributed|covers|covered)\s+(?:in\s+)?(?:the\s+)?(?:remainder|rest|balance)"
                          r"|supports?(?=\s+(?:it\s+|them\s+|(?:the|this)\s+(?:project|programme|program|initiative)\s+)?with\s+(?:[A-Z]{3}\b|US\$|\$|€|£|a\s+(?:grant|contribution)|(?:financial\s+)?(?:contributions|funding|grants|funds)\b)))\b(?!\s+(?:by|from))")
#: What stands between an owner and its programme word: "IOM's two-year", "OSCE co-operation",
#: "the Mission's year-long", "IOM counter-trafficking" (a hyphenated word or a word of the field)
_MODIFIER = (r"(?-i:[a-z]+-[a-z]+(?:-[a-z]+)?|joint|new|regional|national|pilot|flagship|global|country|counter|trafficking"
             r"|development|assistance|cooperation|protection|prevention|research|technical|support|large|small)")
#: "IOM's \"Protect and Refer\" initiative", "a two-year UNODC project": the body that owns it runs it
_OWNED = re.compile(r"^(?:['’]s)?\s+(?:" + _MODIFIER + r"\s+){0,3}(?:[“\"][^”\"]{2,60}[”\"]\s+)?"
                    r"(?-i:(?:[A-Z][\w'’-]*\s+){0,4})(?:" + _MODIFIER + r"\s+){0,2}(?:programme|program|project|initiative)s?\b", re.I)
#: "in Madhesh Province and Sudurpashchim Province": names each followed by their kind of region
_REGION_KIND = r"(?:Province|Region|Oblast|District|Department|Governorate|County|Prefecture)"

_ACTIVE_IMPL = re.compile(r"\b(?:(?:will|would|is\s+to)\s+(?:help|support|assist)\b(?=[^.;]{0,150}?\bthrough\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}(?:project|programme|program|initiative))|implements|implement|(?:will|would|is\s+to)\s+(?:implement|run|carry\s+(?:it|them|the\s+\w+)?\s*out|deliver)|carr(?:y|ies|ied)\s+(?:it|them)\s+out|runs|is\s+running|are\s+running|is\s+implementing|are\s+implementing"
                          r"|delivers|administers|leads(?=\s+(?:the|this|its)\s+(?:\w+\s+)?(?i:project|programme|program|initiative))"
                          r"|ha(?:s|ve)\s+been\s+(?:carrying\s+out|implementing|running))\b(?!\s+by)")
_CLAUSE_START = re.compile(r"(?:\b(?:which|that|who|while|whereas)\b|[;:]|,\s+and\b)")


def _subject(ctx: DocContext, s, verb_start: int) -> list[ActorSpan]:
    """The actors that make up the subject of the clause ending at ``verb_start``."""
    head = s.text[:verb_start]
    starts = [m.end() for m in _CLAUSE_START.finditer(head)]
    a = s.start + (starts[-1] if starts else 0)
    spans = ctx.spans_in(a, s.start + verb_start, ("Organization", "State"))
    gap = ctx.text[spans[-1].end : s.start + verb_start] if spans else "x"
    if not re.fullmatch(r"\)?\s*(?:\([A-Z][\w-]*\)\s*)?(?:(?:will|would|also|is|are|now|jointly|itself|themselves)\s+)*", gap):
        return []  # the subject stands right before its verb: "the EU and AECID fund ..."
    return [sp for sp in spans if not re.search(r"\b(?:in|to|across|for)\s+(?:the\s+)?$", ctx.text[max(a, sp.start - 12) : sp.start])]


_REGIONS = re.compile(r"\bbeneficiar(?:y|ies)\s+(?:countries\s+|states\s+)?(?:are|include|included|were)\s+|\b(?:(?:focus(?:es|ed|ing)?|concentrat(?:e|es|ed|ing)|(?:puts?|places?|lays?)\s+(?:weight|emphasis)|(?:weight|emphasis|priority)|focus)\s+on|target(?:s|ing)?|cover(?:s|ing)?|in)\s+(?:the\s+)?(?:\w+\s+)?(?:regions?|provinces?|oblasts?|districts?|count(?:y|ies)|areas?|countries|states)\b"
                      r"(?:\s+(?:seen|identified|known|considered|selected)\s+as\s+[^:.;]{0,80}(?=:))?\s*(?:of\s+)?[–:\-—,]?\s*", re.I)
_RNAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
#: "in the Khatlon and Sughd regions", "in Donetsk, Kharkiv and Luhansk oblasts"
_REGIONS_BEFORE = re.compile(r"\b(?:in|of|across)\s+(?:the\s+)?(?P<list>" + _RNAME + r"(?:(?:,\s*|,?\s+and\s+)" + _RNAME + r")*)\s+(?:regions|provinces|oblasts|districts|departments|governorates|states|counties|region|province|oblast|district)\b")
_NAMED_REGIONS = re.compile(r"\bin\s+(?:the\s+)?(?P<list>" + _RNAME + r"\s+" + _REGION_KIND + r"(?:(?:,\s*|,?\s+and\s+)(?:the\s+)?" + _RNAME + r"\s+" + _REGION_KIND + r")*)")
_COVERING = re.compile(r"\bcover(?:s|ing)?\s+(?:the\s+)?(?P<list>" + _RNAME + r"(?:(?:,\s*|,?\s+and\s+)(?:the\s+(?:regions?|provinces?|districts?|oblasts?)\s+of\s+)?" + _RNAME + r")*)(?=\s*[.;,)]|\s*$)")
#: A sentence about the programme named before ("the project's focus", "this programme")
_ABOUT_IT = re.compile(r"\b(?:the|this|its)\s+(?:project|programme|program|initiative)(?:['’]s)?\b|\b(?:it|the\s+project)\s+puts\b", re.I)
#: "It will be carried out by X and Y in ...": the next sentence goes on about the programme
_PRONOUN_START = re.compile(r"(?:It|They|The\s+(?:project|programme|program|initiative))\s+(?:will\s+be|is|are|was|were)\b")
_BULLET = re.compile(r"\s*\n\s*[-*•]\s+(?P<name>[A-Z][\w'’-]*(?:\s+(?:de|del|la|of|[A-Z][\w'’-]*)){0,3})\s*(?=\n|$)")
_GROUPS = re.compile(r"\b(?:groups?|beneficiaries|target\s+groups?)\b,?\s+(?:such\s+as|including|namely)\s+(?P<list>[^.;:]+)", re.I)
_GLUE = re.compile(r"^(?:\s*(?:,|and|&|,\s*and|as\s+well\s+as|together\s+with|jointly\s+with|['’]s|\(|\))\s*(?:the\s+)?)*$")


#: "UNDP and the NGO Sipar": a list item introduced by what it is
_DESCRIBED_GLUE = re.compile(r"\s*(?:,|,?\s*and)\s+(?:the\s+)?(?:NGO|non-governmental\s+organi[sz]ation|organi[sz]ation|foundation|charity)\s+")


def _chain(ctx: DocContext, start: int, limit: int, kinds=("Organization", "State")) -> list[ActorSpan]:
    """The list of actors that starts at ``start``: "the EU, the Swiss and U.S. governments"."""
    out: list[ActorSpan] = []
    pos = start
    for sp in ctx.spans_in(start, limit):
        gap = ctx.text[pos : sp.start]
        if out and sp.entity.kind == "State" and re.fullmatch(r"\s+of\s+(?:the\s+)?", gap) \
                and out[-1].entity.label.endswith(" of " + sp.text):
            pos = sp.end  # "Evangelical Association of Malawi": the state ends the body's name
            continue
        if out and not _GLUE.match(gap) and not re.fullmatch(r"\s*(?:and\s+)?[A-Z][\w.]*\s*(?:and|,)?\s*", gap) \
                and not _DESCRIBED_GLUE.fullmatch(gap):
            break
        if not out and len(gap.strip()) > 25:
            break
        if sp.entity.kind in kinds:
            out.append(sp)
        pos = sp.end
    return out


def merge_sheet_and_prose(sheet: list[ProgrammeFact], prose: list[ProgrammeFact]) -> list[ProgrammeFact]:
    """One fact-sheet record and the prose about it are one programme; beside several
    records, the prose (a page's summary: "86 projects worth $125 million") is none of them."""
    if not sheet:
        return prose
    if len(sheet) > 1 or not prose:
        return sheet
    rec, told = sheet[0], prose[0]
    for attr in ("funders", "implementers", "regions"):
        for e in getattr(told, attr):
            lst = getattr(rec, attr)
            if attr == "implementers" and any(e.iri == f.iri for f in rec.funders):
                continue
            _add(lst, e)
    rec.budget_amount = rec.budget_amount if rec.budget_amount is not None else told.budget_amount
    rec.budget_currency = rec.budget_currency or told.budget_currency
    rec.duration_months = rec.duration_months or told.duration_months
    rec.target_groups = rec.target_groups or told.target_groups
    rec.evidence = " ".join(filter(None, (rec.evidence, told.evidence)))
    return [rec]


def extract_programmes(ctx: DocContext, skip: set[int] = frozenset()) -> tuple[list[ProgrammeFact], set[int]]:
    """The programmes and the indexes of the sentences they were read from (not those in ``skip``,
    already read as fact-sheet fields)."""
    # "Regional Programme of Action" (an instrument), "UNDP Programme Office" (a body) are not programmes
    inst_spans = [s for s in ctx.spans if s.entity.kind in ("LegalInstrument", "Organization")]
    sents = []
    for s in ctx.sentences:
        if s.index in skip:
            continue
        hits = [m for m in _PROG_WORD.finditer(s.text)
                if not any(i.start <= s.start + m.start() < i.end for i in inst_spans)]
        if hits or _FUND.search(s.text) and (_paid(s.text) and _IMPL_BY.search(s.text) or parse_amounts(s.text)) \
                or _GRANT_TO.search(s.text) or _pays_amount(s.text):
            sents.append(s)  # "X, funded by A and implemented by B": a programme by what it says
        elif sents and sents[-1].index == s.index - 1 and (_ACTIVE_IMPL.search(s.text) or _ACTIVE_FUND.search(s.text)
                                                            or _FUND.search(s.text)
                                                            or re.match(r"(?:Its|Their)\s+(?:activities|work)\b", s.text)
                                                            and (_REGIONS.search(s.text) or _COVERING.search(s.text))
                                                            or _PRONOUN_START.match(s.text) and _IMPL_BY.search(s.text)):
            sents.append(s)  # the next sentence goes on about it: "UNHCR and IOM implement it in ..."
        elif sents and s.index - sents[-1].index <= 6 and (
                _PRONOUN_START.match(s.text) and _IMPL_BY.search(s.text)
                or _ABOUT_IT.search(s.text) and _REGIONS.search(s.text)):
            # a project page a few sentences on: "It is carried out by a consortium of ...",
            # "the project's focus ... puts weight on the 9 districts: A, B, C"
            sents.append(s)
    if not sents:
        return [], set()
    p = ProgrammeFact(label="")
    launchers: set[str] = set()  # implementers known only as the subject of "launched"
    used: set[int] = set()
    evidence = []
    for s in sents:
        text = s.text
        relevant = False
        for m in _NAMED.finditer(text):
            if any(i.start <= s.start + m.start("name") < i.end for i in inst_spans):
                continue
            name = re.sub(r"^(?:The|This|That|A|An)\s+", "", m.group("name").strip())
            if not p.label and len(name.split()) >= 2:
                p.label = name
            if m.group("owner"):
                own = ctx.spans_in(s.start + m.start("owner"), s.start + m.end("owner") + 1, ("Organization", "State"))
                for sp in own:
                    _add(p.implementers, sp.entity)
                    relevant = True
        for m in _FUND.finditer(text):
            for sp in _chain(ctx, s.start + m.end(), s.end):
                _add(p.funders, sp.entity)
                relevant = True
        for m in _IMPL_BY.finditer(text):
            alongside = re.match(r"(?:in\s+partnership|in\s+co-?operation|together|jointly)\s+with", m.group(), re.I) is not None
            for sp in _chain(ctx, s.start + m.end(), s.end):
                if alongside and all(sp.entity.iri != e.iri for e in p.implementers):
                    # "the Ministry, together with the EU and X, launched a project": whom the
                    # text also names as paying pay for it (see the launchers below)
                    launchers.add(sp.entity.iri)
                _add(p.implementers, sp.entity)
                relevant = True
        if _paid(text):
            for m in _ORGANISED_BY.finditer(text):
                # "the seminar was organized by IOM ..., with funding from USAID": who ran what was paid for
                for sp in _chain(ctx, s.start + m.end(), s.end):
                    if all(sp.entity.iri != f.iri for f in p.funders) and not _FUND.match(text, m.start()):
                        _add(p.implementers, sp.entity)
                        relevant = True
        for m in _LAUNCHED_BY.finditer(text):
            if not _PROG_WORD.search(text[: m.start()]):
                continue  # "A EUR 700,000 project named \"...\" has been launched by": the sentence's programme
            for sp in _chain(ctx, s.start + m.end(), s.end):
                # "a project launched by the European Union": a donor launches what it pays for
                _add(p.funders if _is_donor(sp.entity) else p.implementers, sp.entity)
                relevant = True
        for gm in _GRANT_TO.finditer(text):
            for sp in _chain(ctx, s.start + gm.end(), s.end, kinds=("Organization",)):
                if all(sp.entity.iri != f.iri for f in p.funders):
                    _add(p.implementers, sp.entity)
                    relevant = True
        fm = _FUND_VERB.search(text)
        if fm and (parse_amounts(text[fm.end() : fm.end() + 60]) or _PROG_WORD.search(text[fm.end() : fm.end() + 40])):
            subj = ctx.spans_in(s.start, s.start + fm.start(), ("Organization", "State"))
            if subj:
                _add(p.funders, subj[-1].entity)
                relevant = True
        for am in _ACTIVE_FUND.finditer(text):
            for sp in _subject(ctx, s, am.start()):
                _add(p.funders, sp.entity)
                relevant = True
        for im in _ACTIVE_IMPL.finditer(text):
            subj = _subject(ctx, s, im.start())
            for sp in subj:
                if all(sp.entity.iri != f.iri for f in p.funders):
                    # "USAID and IOM have been carrying out the project": the donor beside a body pays
                    donor = _donor_body(sp.entity) and any(not _is_donor(o.entity) for o in subj)
                    _add(p.funders if donor else p.implementers, sp.entity)
                    relevant = True
        vm = _IMPL_VERB.search(text)
        if vm and _PROG_WORD.search(text[vm.end():]):
            # "The UN marks the Day, and IOM is using it to start a project": the clause's own subject
            clause = [c.end() for c in _CLAUSE_START.finditer(text[: vm.start()])]
            for sp in ctx.spans_in(s.start + (clause[-1] if clause else 0), s.start + vm.start(), ("Organization", "State")):
                if re.search(r"\b(?:in|to|across|for)\s+(?:the\s+)?$", ctx.text[max(s.start, sp.start - 12) : sp.start]):
                    continue  # "the Netherlands Ambassador to Viet Nam launched": the host, not a launcher
                if all(sp.entity.iri != e.iri for e in p.implementers):
                    launchers.add(sp.entity.iri)
                _add(p.implementers, sp.entity)
                relevant = True
        totals = _many_programmes(text)
        for a, b, amount, cur in parse_amounts(text):
            if p.budget_amount is None and not totals:
                p.budget_amount, p.budget_currency = amount, cur
                relevant = True
        for a, b, months in parse_durations(text):
            if p.duration_months is None and re.search(r"programme|program|project|initiative|duration|period|last|run", text[b : b + 60] + text[max(0, a - 40) : a], re.I) \
                    or re.search(r"\b(?:over|for|during)\s+(?:a\s+period\s+of\s+)?(?:the\s+(?:next\s+)?)?$", text[max(0, a - 30) : a], re.I):
                p.duration_months = months
                relevant = True
        for rm in _REGIONS.finditer(text):
            found = _region_list(ctx, s.start + rm.end(), s.end)
            if not found and text.rstrip().endswith(":"):
                found = _bullet_regions(ctx, s.end)  # "... three regions:" and a list below
            for sp in found:
                _add(p.regions, sp)
                relevant = True
        for rm in _NAMED_REGIONS.finditer(text):
            if any(sp.entity.kind == "Organization" for sp in ctx.overlapping(s.start + rm.start("list"), s.start + rm.end("list"))):
                continue  # "in the US State Department report": a body, not a department of a country
            for item in re.split(r",\s*|,?\s+and\s+", rm.group("list")):
                name = re.sub(r"^the\s+", "", item.strip())
                if name:
                    bare = re.sub(r"\s+" + _REGION_KIND + r"$", "", name)
                    ent = ctx.resolver.resolve(name, "Place", country=ctx.country_arg()) or \
                        ctx.resolver.resolve(bare, "Place", country=ctx.country_arg()) or \
                        ctx.resolver.resolve_or_create(name, "Place", country=ctx.country_arg())
                    _add(p.regions, ent)
                    relevant = True
        for hit in _PROG_WORD.finditer(text):
            # "IOM's \"X\" initiative", "a two-year UNODC project": the owner implements it
            owners = [sp for sp in ctx.spans_in(max(s.start, s.start + hit.start() - 90), s.start + hit.start(), ("Organization",))]
            if owners and _OWNED.match(ctx.text[owners[-1].end : s.start + hit.end()]):
                e = owners[-1].entity
                if _donor_body(e):
                    # "the USAID Counter-Trafficking Project": a donor's project is one it pays for
                    if all(e.iri != i.iri for i in p.implementers):
                        _add(p.funders, e)
                        relevant = True
                elif all(e.iri != f.iri for f in p.funders):
                    _add(p.implementers, e)
                    relevant = True
        for cm in _COMPOUND.finditer(text):
            # "a three-year US-funded project", "an INL-funded, IOM-implemented project"
            if not _PROG_WORD.search(text[cm.end() : cm.end() + 80]):
                continue
            spans = [sp for sp in ctx.spans_in(s.start, s.start + cm.start(), ("Organization", "State"))
                     if sp.end == s.start + cm.start()]
            for sp in spans[-1:]:
                _add(p.implementers if cm.group(1).lower() == "implemented" else p.funders, sp.entity)
                relevant = True
        for hit in _PROG_WORD.finditer(text):
            # "a joint programme of ECOWAS, the AU and IOM", "the project \"X\" of Winrock International"
            om = _OF_OWNERS.match(text, hit.end())
            if om is None:
                continue
            for sp in _chain(ctx, s.start + om.end(), s.end, kinds=("Organization",)):
                _add(p.funders if _donor_body(sp.entity) else p.implementers, sp.entity)
                relevant = True
        for rm in _REGIONS_BEFORE.finditer(text):
            for name in re.split(r",?\s+and\s+|,\s*", rm.group("list").strip()):
                if name:
                    ent = ctx.resolver.resolve(name, "Place", country=ctx.country_arg()) or \
                        ctx.resolver.resolve(name, "State") or \
                        ctx.resolver.resolve_or_create(name, "Place", country=ctx.country_arg())
                    _add(p.regions, ent)
                    relevant = True
        for m in _COVERING.finditer(text):
            # "covering Misiones and Itapua": the places named right after it
            for item in re.finditer(_RNAME, m.group("list")):
                a = s.start + m.start("list") + item.start()
                spans = ctx.overlapping(a, a + len(item.group()))
                if spans and spans[0].entity.kind not in ("Place", "State"):
                    continue
                ent = spans[0].entity if spans else (
                    ctx.resolver.resolve(item.group(), "Place", country=ctx.country_arg())
                    or ctx.resolver.resolve_or_create(item.group(), "Place", country=ctx.country_arg()))
                _add(p.regions, ent)
                relevant = True
        for m in re.finditer(r"\b[Ii]n\s+(?:the\s+)?", text):
            # "in Guatemala, Honduras and El Salvador": states where it works (a city is where it was presented)
            if len(re.findall(r"[\"“”]", text[: m.start()])) % 2 == 1:
                continue  # inside a quoted name: "Action against Trafficking in Armenia"
            for sp in _chain(ctx, s.start + m.end(), s.end, kinds=("State",)):
                if ctx.text[sp.start - 1 : sp.start] == "(" and ctx.spans_in(s.start + m.end(), sp.start, ("Place",)):
                    continue  # "in Brussels (Belgium)": the city's country, where it was presented
                if sp.start == s.start + m.end():
                    _add(p.regions, sp.entity)
                    relevant = True
                elif p.regions and sp.entity in p.regions:
                    pass
                else:
                    _add(p.regions, sp.entity)
        for gm in _GROUPS.finditer(text):
            for g in re.split(r",\s*|\s+and\s+|\s+as\s+well\s+as\s+", gm.group("list")):
                g = re.split(r"\s+(?:on|about|in|to|from|who|that|which)\s+", g.strip())[0].strip()
                if g and len(g.split()) <= 4 and g[0].islower() and g not in p.target_groups:
                    p.target_groups.append(g)
        if not p.label:
            lm = re.search(r"\b(?:programme|program|project)\s+(?:to|on|for|against)\s+[^,.;]+", text, re.I)
            if lm:
                p.label = lm.group()[0].upper() + lm.group()[1:]
        if relevant:
            used.add(s.index)
            evidence.append(s.text)
    # "The EU and UNDP launched a project ... funded by the EU and implemented by UNDP": a
    # launcher that the text names as a funder (and nowhere else as an implementer) pays
    funders = {f.iri for f in p.funders}
    p.implementers = [e for e in p.implementers if not (e.iri in launchers and e.iri in funders)]
    if not (p.funders or p.implementers or p.budget_amount is not None):
        return [], set()
    if not p.label:
        names = ", ".join(e.label for e in (p.implementers or p.funders))
        p.label = f"Programme of {names}" if names else (ctx.doc.title or "Programme")
    p.evidence = " ".join(evidence)
    return [p], used


#: "US-funded", "EU-financed", "IOM-implemented" before a programme word
_COMPOUND = re.compile(r"-(funded|financed|co-funded|co-financed|sponsored|backed|implemented)\b", re.I)
#: "a joint programme of", "the project \"Safe Migration\" of", "a programme between Qatar and the ILO":
#: the bodies that own it
_OF_OWNERS = re.compile(r"\s+(?:[“\"'‘][^”\"’]{2,120}[”\"’]\s+)?(?:of|between)\s+(?:the\s+)?")
_LAUNCHED_BY = re.compile(r"\b(?:launched|initiated|started|introduced)\s+by\s+", re.I)


_ORGANISED_BY = re.compile(r"\b(?:organi[sz]ed|held|hosted|conducted|run)\s+(?:jointly\s+)?by\s+(?:the\s+)?", re.I)
_PLURAL_PROG = re.compile(r"\b(?:programmes|programs|projects|initiatives|grants|awards)\b|\bsince\s+(?:19|20)\d\d\b", re.I)


def _many_programmes(text: str) -> bool:
    """A sentence about programmes in the plural ("more than $1 billion in programmes since 1992",
    "the three programs together stand for P510 million"): its amount is a total, not a budget."""
    return bool(_PLURAL_PROG.search(text)) and not re.search(r"\b(?:programme|program|project|initiative)\b(?!s)", text, re.I)


def own_programme(ctx: DocContext, programmes: list[ProgrammeFact], publisher: Entity | None) -> None:
    """A body's own page about the one programme it tells of, naming who pays but nobody who
    carries it out ("Funder: U.S. Department of State" on Winrock's page, "funded by the
    Netherlands, the training ..." on UNODC's): the publisher carries it out."""
    if len(programmes) != 1 or publisher is None or publisher.kind != "Organization" or _donor_body(publisher):
        return
    p = programmes[0]
    named = any(sp.entity.iri == publisher.iri for sp in ctx.spans)
    if p.implementers or not (p.funders or p.budget_amount is not None) or not named \
            or any(f.iri == publisher.iri for f in p.funders):
        return
    p.implementers.append(publisher)


def _pays_amount(text: str) -> bool:
    """"Japan intends to give $927,000 to help Nigeria", "the Department announces an award of
    $750,000": a payer's verb with an amount right after it speaks of a programme."""
    fm = _FUND_VERB.search(text)
    return fm is not None and bool(parse_amounts(text[fm.end() : fm.end() + 40])) and not _many_programmes(text)


def _paid(text: str) -> bool:
    """Whether a sentence that names no programme says that someone paid: "with funding from",
    "financed by" (an event held "with the support of" X, or "supported by" X, is not a programme)."""
    return any(_MONEY.search(m.group()) for m in _FUND.finditer(text))


_MONEY = re.compile(r"fund|financ|grant|money|contribut|donat|sponsor|commission|award|million|billion|thousand|euro|dollar|franc|pound|sum|amount|budget|rest|remainder", re.I)


def _donor_body(e: Entity) -> bool:
    """A donor agency or the EU: a project of its own is one it pays for."""
    return "tip:DonorAgency" in e.types or e.iri.rsplit("/", 1)[-1] == "eu"


def _is_donor(e: Entity) -> bool:
    """A donor body or a state: what such a body launches, it pays for."""
    return _donor_body(e) or e.kind == "State"


def _bullet_regions(ctx: DocContext, end: int) -> list[Entity]:
    """The items of a bulleted list right after ``end`` ("- Madre de Dios", "- Loreto")."""
    out: list[Entity] = []
    pos = end
    while True:
        m = _BULLET.match(ctx.text, pos)
        if m is None:
            break
        name = m.group("name")
        ent = ctx.resolver.resolve(name, "Place", country=ctx.country_arg()) or \
            ctx.resolver.resolve_or_create(name, "Place", country=ctx.country_arg())
        out.append(ent)
        pos = m.end()
    return out


def _region_list(ctx: DocContext, start: int, end: int) -> list[Entity]:
    """Places listed after "focus on three regions –": registry places, else capitalised names."""
    out: list[Entity] = []
    seg = ctx.text[start:end]
    pos = start
    for item in re.split(r"(,|\s+and\s+|;)", seg):
        a = pos
        pos += len(item)
        if item in (",", ";") or item.strip() == "and" or not item.strip():
            continue
        lead = len(item) - len(item.lstrip())
        found = ctx.spans_in(a, a + len(item), ("Place", "State"))
        if not found and any(sp.entity.kind == "Organization" and sp.start <= a + lead + 4
                             for sp in ctx.overlapping(a + lead, a + len(item))):
            continue  # "in the countries of the Gulf of Guinea, Expertise France and the EU mean to": a body, no place
        if found:
            out.append(found[0].entity)
            continue
        m = re.match(r"(?:the\s+)?([A-Z][\w'’\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’\-]*){0,2})", item[lead:])
        if not m:
            if not out:
                break  # "in the field of prevention ...": prose, not a list of places
            continue  # "Puno, where most cases start, Cusco, ...": a relative clause
        ent = ctx.resolver.resolve(m.group(1), "Place", country=ctx.country_arg())
        if ent is None:
            ent = ctx.resolver.resolve_or_create(m.group(1), "Place", country=ctx.country_arg())
        out.append(ent)
    return out


def _add(lst: list[Entity], e: Entity) -> None:
    if all(x.iri != e.iri for x in lst):
        lst.append(e)
