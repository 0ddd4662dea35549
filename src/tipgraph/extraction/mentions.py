"""Actor mentions: the resolver's registry mentions plus the names it cannot know.

The registry knows well-known organisations, states, places and instruments. Press
releases also name national bodies generically ("the Border Service", "the
Ministers of Health, of Justice and of Education", "the Dutch and
Norwegian governments"); these rules turn such phrases into entities, resolved against the
country the document is about.
"""
from __future__ import annotations

import bisect
import re

from ..model import Entity
from ..resolution.matching import clean_label, name_key
from ..resolution.national_bodies import VARIANTS
from ..resolution.states import with_article
from ..resolution.subdivisions import subdivisions_of
from .context import ActorSpan, DocContext
from .lexicon import COURTESY, GOV_HEADS, HONORIFICS, ORG_HEADS, REMIT_WORDS, TITLE_HEADS

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][\w'’\-]*(?:\.[A-Za-z]\.?)*|\d+|[^\w\s]")
_CONNECTORS = frozenset("of for on and the against de du des la & in to".split())
#: Generic one-word heads that name nothing alone ("the Government", "the Office").
_GENERIC = frozenset("Centre Center Academy Inspectorate Police Network Union Association Foundation Institute University Office Government Ministry Council Committee Department Secretariat Delegation Embassy Mission Agency Service Court Chamber Bureau Division Unit Administration Parliament Commission Assembly Authority".split())
_GENERIC_MODIFIERS = frozenset("Project Country Regional Field Programme Program Local Head Main Central National Sub-regional Subregional Liaison Representative Permanent".split())
_SUBUNIT = frozenset("Office Department Secretariat Delegation Division Unit Bureau Directorate Mission Centre Center".split())
_INSTRUMENT_HEADS = frozenset("Act Law Code Convention Protocol Plan Strategy Decree Resolution Regulation Directive Proclamation Ordinance".split())
#: Heads of a publication's name: "the Department of State Trafficking in Persons Report".
_PUBLICATION_HEADS = frozenset("Report Reports Yearbook Handbook Toolkit".split())
#: Heads of local bodies that a town's name may open: "Madrid City Council".
_LOCAL_HEADS = frozenset("Council Headquarters Municipality Police Prefecture Hall Administration Court Office".split())
#: Heads of a treaty named after the body it founds ("Convention of X", "Statute of X").
_FOUNDING_HEADS = frozenset("Convention Charter Statute Treaty Agreement Protocol".split())
#: One-word heads that, with "of <state>", name that state's institution ("the Court of X").
_STATE_INSTITUTIONS = frozenset("Court Parliament Senate Assembly Police Judiciary".split())
#: Nouns that introduce an organisation's own name ("the NGO X", "the foundation X").
_DESCRIPTOR_NOUNS = frozenset("NGO NGOs Foundation Association Network Coalition Charity".split())
#: words that may open a sentence before a body's name, never the name itself ("With Federal
#: Police Commissioner ...", "During the Council's session")
_NOT_ORG_START = frozenset("""the The a an An A this This that That its Its their Their With From By At After During
Under Through Since Following Among Between Without Upon Via Besides Alongside""".split())


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_HEADS


def is_org_head(word: str) -> bool:
    if word in ORG_HEADS or word.rstrip("s") in ORG_HEADS:
        return True
    # "Sub-commission", "Inter-Agency": a hyphenated head
    last = word.rsplit("-", 1)[-1] if "-" in word[1:] else ""
    return bool(last) and (last.capitalize() in ORG_HEADS or last.capitalize().rstrip("s") in ORG_HEADS)


#: Words that make a following state's name part of a sea's, gulf's or strait's name.
_GEO_FEATURE = re.compile(r"\b(?:Gulf|Bay|Sea|Strait|Straits|Horn|Gulfs)\s+of\s+(?:the\s+)?$")


def registry_spans(ctx: DocContext, mentions) -> list[ActorSpan]:
    out = []
    text = ctx.text
    starts = {m.start for m in mentions}
    for m in mentions:
        e = m.entity
        if e.kind == "State" and _GEO_FEATURE.search(text[max(0, m.start - 12) : m.start]):
            continue  # "the Gulf of Guinea", "the Bay of Bengal": a sea or coast, not the state
        if e.kind == "Organization" and _is_post(e):
            continue  # "the EU Anti-Trafficking Coordinator": a post; the person holds it
        if e.kind == "Organization" and not m.text.isupper():
            # a generic word inside a longer name ("Ghana Police Service"): the phrase rule reads it
            words = m.text.split()
            before = text[max(0, m.start - 30) : m.start]
            after = text[m.end : m.end + 30]
            if len(words) == 1 and (re.search(r"[A-Z][\w'’-]*\s+$", before) or re.match(r"\s+[A-Z]", after)):
                continue
            # a generic name inside a longer one ("Supreme State Prosecutor's Office"): the phrase rule reads it
            if _generic_head(m.text) and _name_word_before(ctx, before) and _honorific_start(text, m.start) == m.start:
                continue
            if len(words) >= 2 and _generic_head(m.text) and _generic_goes_on(text, m.end):
                continue  # "the Department of Labour Inspection Service": a longer name of its own
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
            if st is not None and not m.text.isupper() and _name_goes_on(text, m.end):
                continue  # "Peru's Ministry of Labour and Employment Promotion": a longer name of its own
            if re.match(r"\s+and\s+(?:[A-Z][a-z]+\s+){1,3}(?:of|in|for)\b", text[m.end : m.end + 60]) and m.end + 1 not in starts:
                # "Ministry of Labour and Skills of Ethiopia": the registry knows a shorter name only
                nxt_word = re.match(r"\s+and\s+", text[m.end:]).end() + m.end
                if nxt_word not in starts:
                    continue
        if e.kind == "Organization" and "tip:IntergovernmentalOrganization" not in e.types and ctx.state_of(e) is None:
            st = _state_in_name(ctx, m.text)
            if st is not None and not any(_names_state(n, st) for n in (e.label, *e.alt_labels)):
                # "Caritas Armenia", "Lithuanian Caritas": a national member of a network is its own body
                e = ctx.resolver.resolve_or_create(m.text, "Organization", country=st, types=e.types, not_this=e)
        start = _honorific_start(text, m.start) if e.kind == "Organization" and ctx.state_of(e) is not None else m.start
        out.append(ActorSpan(start, m.end, text[start : m.end], e, "registry"))
    return out


#: Words of a monarchy's style before a national body's name: "the Royal Thai Police".
_HONORIFIC_LEAD = re.compile(r"\b(?:Royal|Imperial)\s+$")


def _honorific_start(text: str, start: int) -> int:
    """Where a national body's name starts when "Royal" comes before the registry's name
    ("the Royal Barbados Police Force"): the word is part of the name, not a body of its own."""
    m = _HONORIFIC_LEAD.search(text, max(0, start - 10), start)
    return m.start() if m else start


#: More capitalised words up to a body's head right after a name: "Department of Labour|
#: Inspection Service", "Office of the Ombudsperson| of the Parliament".
_GOES_ON = re.compile(r" (?:of the )?((?:[A-Z][\w'’-]+ ){0,3}[A-Z][\w'’-]+)(?![\w'’-]| [A-Z])")


def _generic_goes_on(text: str, end: int) -> bool:
    """Whether a generic body name ending at ``end`` is the start of a longer body's name."""
    m = _GOES_ON.match(text, end)
    return m is not None and is_org_head(m.group(1).split()[-1])


def _name_goes_on(text: str, end: int) -> bool:
    """Whether one more capitalised word of a remit continues the name ending at ``end``
    ("Ministry of Labour and Employment| Promotion launched"), not a post or a person's name."""
    m = re.match(r" ([A-Z][a-z]+)(?=[\s,.;:)]+(?:[a-z(,.;:]|$))", text[end : end + 40])
    if m is not None and m.group(1).lower() in REMIT_WORDS and not is_title_word(m.group(1)):
        return True
    # "Ministry of Justice and Courts Administration, ...": a remit joined by "and" ends the name
    m = re.match(r"\s+and\s+((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)(?=\s*(?:[,.;:)]|\n|$))", text[end : end + 60])
    return m is not None and all(w.lower() in REMIT_WORDS and not is_title_word(w) for w in m.group(1).split())


def _is_post(e: Entity) -> bool:
    """An "organisation" whose name ends in a post ("... Coordinator", "... Rapporteur")."""
    last = e.label.split(" of ")[0].split()[-1]
    return is_title_word(last) and last not in ORG_HEADS and last.lower() not in ("general",)


def _generic_head(name: str) -> bool:
    """Whether a name starts with a generic body name ("Public Prosecutor's Office of Chile")."""
    key = name_key(name)
    return any(key[:k] in VARIANTS for k in range(len(key), 0, -1))


def _name_word_before(ctx: DocContext, before: str) -> bool:
    """Whether ``before`` ends in a capitalised word that belongs to the name after it."""
    m = re.search(r"(?:^|[^.!?:;\s]\s*|\s)([A-Z][\w-]*)\s+$", before)
    if m is None or m.group(1) in _NOT_ORG_START or is_title_word(m.group(1)):
        return False
    if re.search(r"(?:^|[.!?:;]\s*|\n\s*\n\s*)" + re.escape(m.group(1)) + r"\s+$", before):
        return False  # the first word of a sentence
    return _state(ctx, m.group(1)) is None


def _names_state(text: str, st: Entity) -> bool:
    names = {st.label, *st.alt_labels}
    return any(n and len(n) > 2 and n in text for n in names)


def resolve_body(ctx: DocContext, name: str, *, country: Entity | None = None,
                 part_of: Entity | None = None, create: bool = True,
                 alt_labels: tuple[str, ...] | list[str] = ()) -> Entity | None:
    """A national or sub-unit body by name: registry first, else a new entity.

    ``alt_labels``: other names the text gives it ("Sri Lanka Bureau of Foreign Employment"
    for the "Bureau of Foreign Employment" of Sri Lanka)."""
    c = ctx.country_arg(country)
    ent = _fuller_ministry(ctx, name, c)
    if ent is None:
        ent = ctx.resolver.resolve(name, "Organization", country=c)
    if ent is None:
        ent = ctx.resolver.resolve(name, country=c)
        if ent is not None and ent.kind not in ("Organization", "State"):
            ent = None
    if ent is not None and c is not None and ent.kind == "Organization":
        st = ctx.state_of(ent)
        told = clean_label(name).casefold()
        own_name = told == ent.label.casefold() or (
            len(told.split()) >= 5 and any(told == a.casefold() for a in ent.alt_labels))
        if st is not None and st.iri != c.iri and not own_name:
            ent = None  # "the Public Prosecutor's Office" of Peru is not Russia's (but a body's full name is its own)
    if ent is None and create:
        named = _state_in_name(ctx, name)
        if named is not None and is_national_body_name(name):
            ent = ctx.resolver.resolve_or_create(name, "Organization", country=named, part_of=part_of or named,
                                                 alt_labels=alt_labels)
        elif c is not None and is_national_body_name(name) and _told_with_state(ctx, name, c) is not None:
            # "the Ministry of X of the Kyrgyz Republic" told before: the same body
            ent = _told_with_state(ctx, name, c)
        elif c is not None and is_national_body_name(name):
            # a body of the state the text is about: its country is part of its name, so the
            # "Labour Inspectorate" of two states are two entities
            ent = ctx.resolver.resolve_or_create(f"{clean_label(name)} of {with_article(c.label)}", "Organization",
                                                 country=c, part_of=part_of or c, alt_labels=[name, *alt_labels])
        else:
            ent = ctx.resolver.resolve_or_create(name, "Organization", country=c, part_of=part_of,
                                                 alt_labels=alt_labels)
    return ent


_REMIT_OF = re.compile(r"^(?:(?P<a>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+Ministry|Ministry\s+(?:of|for)\s+(?:the\s+)?(?P<b>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))$")


def _fuller_ministry(ctx: DocContext, name: str, state: Entity | None, spans=None) -> Entity | None:
    """"Labour Minister" in a text that named the "Ministry of Labour and Social Insurance":
    the one ministry of that state the text named whose remit begins with the same words."""
    m = _REMIT_OF.match(clean_label(name))
    if m is None:
        return None
    remit = (m.group("a") or m.group("b")).casefold()
    found: dict[str, Entity] = {}
    for sp in ctx.spans if spans is None else spans:
        e = sp.entity
        if e.kind != "Organization":
            continue
        low = e.label.casefold()
        for lead in ("ministry of ", "ministry for "):
            if low.startswith(lead + remit + " and ") or low.startswith(lead + remit + ", "):
                st = ctx.state_of(e)
                if state is None or st is None or st.iri == state.iri:
                    found[e.iri] = e
    return next(iter(found.values())) if len(found) == 1 else None


def _told_with_state(ctx: DocContext, name: str, state: Entity) -> Entity | None:
    """The body the text already named in full with its state ("Ministry of X of the
    Kyrgyz Republic") when it now names it without ("Ministry of X")."""
    prefix = clean_label(name).casefold() + " of "
    for sp in ctx.spans:
        e = sp.entity
        if e.kind == "Organization" and e.label.casefold().startswith(prefix):
            st = ctx.state_of(e)
            if st is not None and st.iri == state.iri:
                return e
    return None


def embassy(ctx: DocContext, head: str, state: Entity, surface: str) -> Entity:
    """One entity per embassy: "Embassy of Switzerland in Tajikistan", whether the text says
    "the Swiss Embassy" or "the Embassy of Switzerland"."""
    name = f"{head} of {with_article(state.label)}"
    host = ctx.country if ctx.country is not None and ctx.country.iri != state.iri else None
    alts = [surface, name]
    if host is not None:
        name = f"{name} in {host.label}"
    return ctx.resolver.resolve_or_create(name, "Organization", part_of=state, alt_labels=alts)


def is_national_body_name(name: str) -> bool:
    """Whether a name is headed by a word of state institutions ("... Inspectorate", "Ministry of ...")."""
    return any(w in GOV_HEADS for w in re.findall(r"[\w'’-]+", name))


_CAPS = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")


def _state_in_name(ctx: DocContext, name: str) -> Entity | None:
    """The state a name says it belongs to ("Albanian ...", "... of the Kyrgyz Republic"), if any."""
    for m in _CAPS.finditer(name):
        words = m.group().split()
        for i in range(len(words)):  # the longest state name inside the capitalised run
            for j in range(len(words), i, -1):
                st = _state(ctx, " ".join(words[i:j]))
                if st is not None:
                    return st
    return None


def _state(ctx: DocContext, word: str) -> Entity | None:
    try:
        st = ctx.resolver.state(word)
    except (KeyError, ValueError, LookupError):
        return None
    return st if st is not None and st.kind == "State" else None


# -- "the Dutch and Norwegian governments", "the Peruvian authorities" ---------------
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


# -- "the Ministers of Health, of Justice and of Education" ---------------------------
_MINISTERS_OF = re.compile(
    r"\b(?:Minist(?:er|ers|ry|ries)|ministries)\s+(?:of|for)\s+(?P<first>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)"
    r"(?P<more>(?:\s*(?:,|and|,\s*and)\s*(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+(?!of\b|for\b))?[A-Z][\w'’-]*)*)*)"
)
_X_MINISTER = re.compile(r"\b(?P<x>(?:Foreign|Interior|Justice|Labou?r|Health|Education|Defen[cs]e|Finance|Economy|Economic|Social|Home|Trade|Culture|Agriculture|Transport|Energy|Environment|Emergency|Emergencies|Tourism|Sports?|Youth|Family|Migration|Security)"
                         r"(?P<more>\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)\s+(?:Affairs\s+)?Minist(?:er|ers|ry)\b")


#: "Assistant Minister for X Affairs", "Deputy Assistant Foreign Minister for ...": the remit
#: of an assistant minister is a portfolio inside a ministry named elsewhere, not a ministry
_ASSISTANT_POST = re.compile(r"\bAssistant\s+(?:[A-Z][a-z]+\s+)?$")
_REMITS_MINISTER = re.compile(r"\b(?P<x>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){2,5})\s+Minist(?:er|ry)\b")


def glued_name_at(words: list[str]) -> int | None:
    """Index where a person's name glued to a body's remit starts, if any.

    "Minister of Labour and Social Affairs Lilit Harutyunyan": the remit ends with the
    last remit word; two or three capitalised words after it that hold no remit word
    (nor a body head) are a name."""
    n = len(words)

    def name_word(w: str) -> bool:
        return w[:1].isupper() and w.lower() not in REMIT_WORDS and w not in ORG_HEADS

    for p in range(1, n - 1):
        tail, head = words[p:], words[:p]
        names = [w for w in tail if w != "and"]
        # "... Foreign Affairs Rashid Meredov and Cindy Dyer": two names joined by "and" too
        if not 2 <= len(names) <= 7 or not tail[0] != "and" or tail[-1] == "and" \
                or not all(w == "and" or name_word(w) for w in tail):
            continue
        if any(len([w for w in chunk.split() if w]) < 2 for chunk in " ".join(tail).split(" and ")):
            continue  # each name of two or more words
        if head[-1].lower() in REMIT_WORDS and head[-1].lower() not in ("of", "and", "for", "the", "on", "in") \
                and not head[-1].lower().endswith("ing"):
            return p  # ("Council for Combating Illegal Migrations": a verb's object, not a name)
    return None


def _cut_glued(text: str, a: int, b: int) -> int:
    """The end of a body's name in text[a:b] without a person's name glued after it."""
    toks = list(re.finditer(r"[\w'’.-]+", text[a:b]))
    cut = glued_name_at([t.group() for t in toks])
    return b if cut is None else a + toks[cut - 1].end()


#: ", Social Security and Migration": the rest of one ministry's remit listed with commas
_REMIT_LIST_TAIL = re.compile(r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})+,?\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


def remit_list_end(text: str, end: int) -> int:
    """Where a singular ministry's remit ends when it goes on as a comma list closed by "and".

    "Ministry of Labour, Social Security and Migration" is one body: every word of the
    list is a remit word ("Minister of Justice, Ivan Petrov and ..." is not a list)."""
    m = _REMIT_LIST_TAIL.match(text, end)
    if m is None:
        return end
    words = re.findall(r"[A-Za-z'’-]+", m.group())
    if all(w.lower() in REMIT_WORDS or w == "and" for w in words):
        return m.end()
    return end


def _no_ministry(ctx: DocContext, m: re.Match) -> bool:
    """A "Minister of X" that names no ministry of X.

    "Prime Minister of Saint Lucia", "Minister of State for Foreign Affairs" (a rank; the
    remit after "for" is the ministry) and "the Foreign Minister for Human Rights Affairs"
    (a remit inside the ministry the word before names)."""
    if not m.group(0).startswith("Minister"):
        return False
    before = re.search(r"([A-Z][a-z]+)[\s-]+$", ctx.text[max(0, m.start() - 20) : m.start()])
    if before is not None and (before.group(1) == "Prime" or _X_MINISTER.fullmatch(before.group(1) + " Minister")):
        return True
    first = re.sub(r"^the\s+", "", m.group("first"))
    return first == "State" or _state(ctx, first) is not None


def _state_after(ctx: DocContext, end: int) -> Entity | None:
    """The state in "Minister of Internal Affairs of Georgia", right after ``end``."""
    after = re.match(r"\s+of\s+(?:the\s+)?", ctx.text[end : end + 10])
    named = ctx.span_at(end + after.end()) if after else None
    return named.entity if named is not None and named.entity.kind == "State" else None


def ministry_spans(ctx: DocContext) -> list[ActorSpan]:
    out = []
    for m in _MINISTERS_OF.finditer(ctx.text):
        if m.group(0).startswith("Minister ") and _ASSISTANT_POST.search(ctx.text[max(0, m.start() - 30) : m.start()]):
            continue  # "Assistant Foreign Minister for Human Rights Affairs": a portfolio, no ministry
        if _no_ministry(ctx, m):
            continue
        singular = re.match(r"Minist(?:er|ry)\s", m.group(0)) is not None
        listed = remit_list_end(ctx.text, m.end("first")) if singular and not m.group("more") else m.end("first")
        if listed != m.end("first"):
            # one ministry with a remit of three or more parts
            name = "Ministry of " + " ".join(ctx.text[m.start("first"):listed].split())
            owner = _owner_state(ctx, m.start()) or _state_after(ctx, listed)
            ent = resolve_body(ctx, _trim_name(name), country=owner)
            if ent is not None:
                out.append(ActorSpan(m.start(), listed, ctx.text[m.start():listed], ent, "ministry"))
            continue
        end_first = _cut_glued(ctx.text, m.start(), m.end("first"))
        post = next((w for w in re.finditer(r"[\w'’-]+", m.group("first")) if is_title_word(w.group())), None)
        if post is not None:
            # "Minister of Interior and National Anti-Trafficking Coordinator X": a second post
            # starts at the last "and" before the post word
            head = m.group("first")[: post.start()]
            cut = head.rfind(" and ")
            if cut <= 0:
                continue
            end_first = m.start("first") + cut
        if end_first != m.end("first"):
            # a name follows the remit: the list of remits ends there too
            name = "Ministry of " + ctx.text[m.start("first"):end_first]
            ent = resolve_body(ctx, _trim_name(name), country=_owner_state(ctx, m.start()))
            if ent is not None:
                out.append(ActorSpan(m.start(), end_first, ctx.text[m.start():end_first], ent, "ministry"))
            continue
        if m.group(0).startswith("Ministry") or m.group(0).startswith("Ministries"):
            first_name = "Ministry of " + m.group("first")
            parts = [(m.start(), m.end("first"), first_name)]
        else:
            parts = [(m.start(), m.end("first"), "Ministry of " + m.group("first"))]
        more = m.group("more") or ""
        base = m.start("more")
        plural = re.match(r"(?:Ministers|Ministries|ministries)\s", m.group(0)) is not None
        two = re.fullmatch(r"([A-Z][a-z]+) and ([A-Z][a-z]+)( Affairs)?", m.group("first")) if plural and not more else None
        if two is not None:
            # "the Ministers of Justice and Labour", "the ministries of Foreign and Home Affairs":
            # two ministries, one remit each (a shared "Affairs" belongs to both)
            shared = two.group(3) or ""
            parts = [(m.start(), m.start("first") + len(two.group(1)), "Ministry of " + two.group(1) + shared),
                     (m.start("first") + two.start(2), m.end("first"), "Ministry of " + two.group(2) + shared)]
        for pm in re.finditer(r"(?:of|for)\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)", more):
            if any(is_org_head(w) for w in pm.group(1).split()):
                break  # "the Ministry of X and of the Centre for Y": a body of its own, no remit
            parts.append((base + pm.start(), base + pm.end(), "Ministry of " + pm.group(1)))
        if len(parts) == 1 and m.group(0).startswith("Ministr"):
            continue  # a plain "Ministry of X": left to the registry and the phrase rule
        owner = _owner_state(ctx, m.start())
        if owner is None and len(parts) == 1:
            owner = _state_after(ctx, m.end("first"))  # "Minister of Internal Affairs of Georgia"
        for a, b, name in parts:
            # "Ministry of Health of the Republic of Chile": a state after it sets the country;
            # "Paraguay's Minister of Women": so does an owner before it
            ent = resolve_body(ctx, _trim_name(name), country=owner)
            if ent is not None:
                out.append(ActorSpan(a, b, ctx.text[a:b], ent, "ministry"))
    taken: list[tuple[int, int]] = []
    for m in _REMITS_MINISTER.finditer(ctx.text):
        # "Social Development and Human Security Minister": a remit of several words before the post
        words = m.group("x").split()
        content = [w for w in words if w != "and"]
        if len(content) < 3 or "and" not in words or not all(w.lower() in REMIT_WORDS for w in content):
            continue
        ent = resolve_body(ctx, "Ministry of " + " ".join(words), country=_owner_state(ctx, m.start()))
        if ent is not None:
            out.append(ActorSpan(m.start(), m.end(), m.group(0), ent, "ministry"))
            taken.append((m.start(), m.end()))
    for m in _X_MINISTER.finditer(ctx.text):
        start = m.start()
        if any(a <= start < b for a, b in taken):
            continue
        if m.group("more") and not all(w.lower() in REMIT_WORDS for w in m.group("more").split()[1:]):
            start = m.start("more") + m.group("more").index(" and ") + 5  # "Justice and Interior Minister"
            name = ctx.text[start : m.end()].replace("Minister", "Ministry")
        else:
            name = ("Ministry of " + m.group("x")) if m.group("more") else m.group("x") + " Ministry"
            # ("Labor and Social Policy Minister": one remit)
        owner = _owner_state(ctx, start)
        after = re.match(r"\s+of\s+(?:the\s+)?", ctx.text[m.end() : m.end() + 10])
        named = ctx.span_at(m.end() + after.end()) if after else None
        if owner is None and named is not None and named.entity.kind == "State":
            owner = named.entity  # "Foreign Minister of Guatemala"
        ent = resolve_body(ctx, re.sub(r"\s+Minist(?:er|ers|ry)$", " Ministry", name), country=owner)
        if ent is not None:
            out.append(ActorSpan(start, m.end(), ctx.text[start : m.end()], ent, "ministry"))
    # "Justice Minister" after "the ministries of Justice and Public Order": the fuller name
    # the text gives that ministry (told in this same pass)
    pool = [*ctx.spans, *out]
    for k, sp in enumerate(out):
        surface = re.sub(r"^(?:(?:Deputy|Vice|First|Acting)[\s-]+)+", "", re.sub(r"\bMinist(?:er|ers)\b", "Ministry", sp.text))
        if "Ministr" not in surface:
            surface = "Ministry of " + surface  # the second remit of "the Ministers of Justice and Labour"
        fuller = _fuller_ministry(ctx, surface, ctx.state_of(sp.entity), [p for p in pool if p.entity.iri != sp.entity.iri])
        if fuller is not None and fuller.iri != sp.entity.iri:
            out[k] = ActorSpan(sp.start, sp.end, sp.text, fuller, sp.source)
    return out


def _owner_state(ctx: DocContext, pos: int) -> Entity | None:
    """The state in "Paraguay's Minister of ...", right before ``pos``."""
    m = re.search(r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+$", ctx.text[max(0, pos - 40) : pos])
    if m:
        return _state(ctx, m.group(1))
    # "Korean Deputy Minister of Justice", "the Thai Foreign Minister": a demonym before the post
    rank = r"(?:Deputy|Vice|First|Acting|Assistant|Senior|Chief)"
    m = re.search(r"(?:^|[^\w.])([A-Z][\w.]+(?:\s+(?!" + rank + r"\b)[A-Z][a-z]+)?)\s+(?:" + rank + r"[\s-]+)*$",
                  ctx.text[max(0, pos - 50) : pos])
    if m is None or re.fullmatch(rank, m.group(1)) or _ends_sentence(m.group(1)):
        return None  # "... spoke for Thailand. Deputy Minister of Justice of Cambodia": not Thai
    return _state(ctx, m.group(1))


def _ends_sentence(words: str) -> bool:
    """Whether ``words`` end a sentence: a full stop after a word, not an abbreviation ("U.S.")."""
    last = words.split()[-1]
    return last.endswith(".") and len(last.replace(".", "")) > 3


def _trim_name(name: str) -> str:
    return re.sub(r"\s+(?:and|of|for|the)$", "", name.strip())


# -- capitalised phrases headed by an organisation noun ----------------------------------
def phrase_spans(ctx: DocContext) -> list[ActorSpan]:
    """Bodies the registry does not know: "General Department of International Legal Cooperation"."""
    out: list[ActorSpan] = []
    for sent in ctx.sentences:
        toks = [(sent.start + m.start(), sent.start + m.end(), m.group()) for m in _TOKEN.finditer(sent.text)]
        covered = {}
        # only the spans in this sentence (a scan of all spans per sentence was quadratic)
        tok_starts, tok_ends = [t[0] for t in toks], [t[1] for t in toks]
        for sp in ctx.overlapping(sent.start, sent.end):
            for i in range(bisect.bisect_right(tok_ends, sp.start), bisect.bisect_left(tok_starts, sp.end)):
                covered[i] = sp
        i = 0
        while i < len(toks):
            run = _run_at(toks, covered, i)
            if not run:
                i += 1
                continue
            j = run[-1] + 1
            out.extend(_phrases_in_run(ctx, toks, covered, run[_person_before_of(toks, run):]))
            i = j
    return out


def _person_before_of(toks, run: list[int]) -> int:
    """How many tokens of a run are a person's name before "of (the) <body>".

    "Cindy McCain of the McCain Institute for International Leadership": two or three
    plain name words, then "of", then a body's name; the body starts after "of (the)"."""
    words = [toks[k][2] for k in run]
    if "of" not in words[2:4]:
        return 0
    cut = words.index("of", 2)
    lead, rest = words[:cut], words[cut + 1 :]
    if rest[:1] in (["the"], ["The"]):
        rest = rest[1:]
    if not rest or not any(is_org_head(w) for w in rest) or any(is_org_head(w) for w in lead):
        return 0
    if not all(re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?", w) and w.lower() not in REMIT_WORDS
               and w not in NOT_NAME_WORDS and not is_title_word(w) for w in lead):
        return 0
    return len(words) - len(rest)


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
            if m < len(toks) and cap(m) and (toks[k][2] != "in" or m == k + 1) and toks[m][2] not in _WHEN_NAMES:
                # "the Council of Ministers on February 5": a date is no part of the name
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
        if sp is not None and sp.entity.kind == "State" and any(is_org_head(w) for w in words):
            # "the National Center of the Republic of Uzbekistan for Human Rights": the state
            # sits inside the body's name, whose remit follows it
            tail = re.match(r"\s+(?:for|on)\s+(?:the\s+)?(?!" + _WHEN_WORD + r")[A-Z][\w'’-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w'’-]*){0,5}",
                            ctx.text[sp.end : sp.end + 90])
            if tail is not None and any(w.lower() in REMIT_WORDS for w in re.findall(r"[A-Za-z'’-]+", tail.group())[1:]):
                lead = 1 if words[0] in ("the", "The") else 0
                a = toks[run[lead]][0]
                b = sp.end + tail.end()
                name = ctx.text[a:b]
                ent = ctx.resolver.resolve(name, "Organization") or ctx.resolver.resolve_or_create(
                    name, "Organization", country=sp.entity, part_of=sp.entity)
                return [ActorSpan(a, b, name, ent, "enclosing")]
        if sp is not None:
            if sp.entity.kind == "State":
                country = sp.entity
            elif sp.entity.kind == "Organization":
                parent = sp.entity
        elif k < len(toks) and toks[k][2] in _GENERIC and (k + 1 >= len(toks) or not toks[k + 1][2][:1].isupper()):
            # "the Migration Division of the Commission": the commission the text named before
            head = toks[k][2]
            named = [s for s in ctx.spans if s.end <= toks[run[0]][0] and s.entity.kind == "Organization"
                     and re.search(r"\b" + head + r"\b", s.text + " " + s.entity.label)]
            if named:
                parent = named[-1].entity
    elif k < len(toks) and toks[k][2] in _GENERIC and (k + 1 >= len(toks) or not toks[k + 1][2][:1].isupper()):
            # "the Migration Division of the Commission": the commission the text named before
            head = toks[k][2]
            named = [s for s in ctx.spans if s.end <= toks[run[0]][0] and s.entity.kind == "Organization"
                     and re.search(r"\b" + head + r"\b", s.entity.label)]
            if named:
                parent = named[-1].entity
    elif k + 1 < len(toks) and toks[k][2] == "in" and words[-1] not in ("Office", "Offices", "Mission", "Embassy"):
        k += 1
        if k < len(toks) and toks[k][2] in ("the", "The"):
            k += 1
        sp = covered.get(k)
        if sp is not None and sp.entity.kind == "State" and any(w in _IN_STATE_HEADS for w in words):
            # "the Joint Council to Combat Trafficking in the Philippines": a national body whose
            # name ends with its state
            name = ctx.text[toks[run[0]][0] : sp.end]
            lead = 1 if words[0] in ("the", "The") else 0
            name = ctx.text[toks[run[lead]][0] : sp.end]
            ent = ctx.resolver.resolve(name, "Organization") or ctx.resolver.resolve_or_create(
                name, "Organization", country=sp.entity, part_of=sp.entity)
            return [ActorSpan(toks[run[lead]][0], sp.end, name, ent, "enclosing")]
    # demonym at the start: "Polish Union of Lawyers" stays a name; "Polish Interior Ministry" sets country
    pieces = _split_and(run, words)
    out = []
    for piece in pieces:
        out.extend(_phrase(ctx, toks, piece, parent if piece is pieces[-1] else None,
                           country if piece is pieces[-1] else None))
    return out


#: Days and months: "the Council of Ministers on February 5" ends before them
_WHEN_NAMES = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December""".split())
#: Words of a time before a body's name: "On Monday the ...", "Last Friday the ..."
_WHEN_LEAD = frozenset("""On In Last Yesterday Today Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April June July August September October November December""".split())
#: Words for the people of a body, before "of" and its name: "Staff of the Secretariat".
_PEOPLE_OF = frozenset("Staff Officials Officers Personnel Employees Members Representatives Delegates Experts Delegations".split())
_TITLE_MODIFIERS = frozenset("assistant deputy vice first senior acting executive principal chief under".split())
_GENERIC_OWNERS = frozenset("Initiative Project Programme Program Process Platform Partnership Group Convention Protocol".split())
_IN_STATE_HEADS = frozenset("Council Committee Commission Taskforce Force Coalition Network Secretariat Association".split())


def _split_and(run: list[int], words: list[str]) -> list[list[int]]:
    """Split at "and" when both sides name a body: "the Public Chamber and the Secretariat"."""
    pieces: list[list[int]] = [[]]
    for k, w in zip(run, words):
        left = [words[run.index(x)] for x in pieces[-1]]
        if w == "and" and ((len(left) >= 2 and any(is_org_head(x) for x in left))
                           or (len(left) == 1 and ((left[0].isupper() and len(left[0]) > 1) or left[0] in _GENERIC))):
            rest = words[run.index(k) + 1 :]
            # the right side up to its own "of" must hold a head
            head_part = []
            # "the Ministry of X and of the Centre for Y": "and of the" starts a second body
            lead = 2 if rest[:2] == ["of", "the"] else 1 if rest[:1] == ["of"] else 0
            for r in rest[lead:]:
                if r in ("of", "and"):
                    break
                head_part.append(r)
            joins_remits = "of" in left and left[-1].lower() in REMIT_WORDS and rest[:1] not in (["the"], ["of"]) \
                and not is_org_head(left[-1])  # "Division of Health and Social Services": one remit
            if any(is_org_head(r) for r in head_part) and not joins_remits:
                pieces.append([])
                continue
            if rest[:1] == ["the"] and len(rest) > 1 and rest[1] in _DESCRIPTOR_NOUNS and any(is_org_head(x) for x in left):
                # "the Defender's Office and the NGO Hope and Help": a body, then another one
                pieces.append([])
                continue
            if rest[:1] == ["the"] and len(left) >= 2 and is_org_head(left[-1]) and any(is_org_head(r) for r in rest[1:]):
                # "the Labour Inspectorate and the Child Rights Protection and Adoption Service":
                # a whole body, then "the" opens the next one
                pieces.append([])
                continue
            if len(left) >= 2 and is_org_head(left[-1]) and rest and "of" not in rest \
                    and not any(r.lower() in REMIT_WORDS or is_org_head(r) for r in rest):
                # "the Anti-Human Trafficking Bureau and Shakti Samuha": a body, then a name of its own
                pieces.append([])
                continue
        pieces[-1].append(k)
    return [p for p in pieces if p]


_QUOTED_NAME = re.compile(r"\s*[“\"«](?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|for|the|de|la|el)){0,5})[”\"»]")
#: "their Immigration, Police Service and Customs": a list of kinds of bodies after a possessive
POSSESSED_LIST = re.compile(r"\b(?:their|its)\s+(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*,\s+)*(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+and\s+)?$")


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
        if any((is_title_word(w) or is_title_word(w[:-1])) and w not in ("Persons", "Person")
               or w in _NOT_ORG_START or w in _PEOPLE_OF or not (w[0].isupper() or w in _CONNECTORS) for w in prev):
            break  # ("Staff of the Nordic Council ...": the people of a body, not part of its name)
        if len(prev) != 1 and (is_org_head(words[start]) or _state_in_name(ctx, " ".join(prev)) is not None
                               and not re.match(r"[A-Z][a-z]+(?:ian|ese|ish|an|i)$", prev[0])):
            # "Anti-Trafficking in Persons and Anti-Smuggling of Migrants Council" is one name;
            # "Office of ..." after a name of its own, or "... of Moldova Police", are not
            break
        si -= 1
        start = seg_starts[si]
    # drop leading determiners, courtesy words and title words ("the Vice-Chair of"), and a
    # time that opens the sentence ("On Monday the Human Rights Commission ...")
    while start < len(words) and (words[start] in _NOT_ORG_START or words[start].lower() in COURTESY
                                  or words[start] in _CONNECTORS or words[start] in _WHEN_LEAD):
        start += 1
    # cut at a title word after the head: "National Council Secretary for ..."
    end = len(words)
    seen_head = False
    for i in range(start, len(words)):
        if is_org_head(words[i]):
            seen_head = True
        elif seen_head and is_title_word(words[i].rstrip("s")) and words[i] not in ("General", "Persons", "Person") \
                and words[i - 1] not in ("of", "the", "for") \
                and not (words[i - 1] in ("Prime", "Vice", "Deputy") and i >= 2 and words[i - 2] in ("of", "the")):
            # "Office of the Prosecutor for ...", "Office of the Prime Minister" are bodies
            end = i
            break
        elif seen_head and is_org_head(words[i - 1]) and words[i].lower() not in _CONNECTORS and words[i] not in ("'s", "’s", "Affairs"):
            end = i  # "Mission Thomas Keller": a name, not more of the body
            break
    if any(w in _INSTRUMENT_HEADS for w in words[end : end + 2]):
        return []  # "... Enforcement and Administration Act": the name of a law, not a body
    if words[-1] in _PUBLICATION_HEADS:
        return []  # "the State Department's Trafficking in Persons Report": a publication, not a body
    if start + 1 < len(words) and words[start] in _FOUNDING_HEADS and words[start + 1] in ("of", "on"):
        # "the Convention of the Southeast European Law Enforcement Center": a treaty named
        # after a body; the body is what follows
        start += 2
        while start < end and words[start] in ("the", "The"):
            start += 1
        if not any(is_org_head(w) for w in words[start:end]):
            return []
    # ("MOFAIC's Assistant Minister for ...": the post after its body's possessive)
    p0 = start + 1 if start + 1 < end and re.search(r"\w['’]s$", words[start]) else start
    if end - p0 >= 3 and is_title_word(words[p0]) or (end - p0 >= 4 and is_title_word(words[p0 + 1])
                                                      and words[p0].lower() in _TITLE_MODIFIERS):
        # "Assistant Undersecretary for Federal National Council Affairs": a post, whose
        # remit names a body; "... Council Affairs" is that remit, not the council
        k = p0 + (2 if not is_title_word(words[p0]) else 1)
        while k < end and (is_title_word(words[k]) or words[k].lower() in _TITLE_MODIFIERS):
            k += 1
        if k < end and words[k] in ("for", "of", "on") and any(w == "Affairs" for w in words[k:]):
            return []
    to = next((i for i in range(start + 1, end - 1) if words[i] == "to" and words[i + 1] in ("the", "The")), None)
    if to is not None and not any(is_org_head(w) for w in words[start:to]):
        start = to + 2  # "a visit paid by NCFA to the Anti-Human Trafficking Unit": the unit's name starts after "to the"
    while end > start and words[end - 1] in _CONNECTORS | {"'s", "’s"}:
        end -= 1
    if end <= start:
        return []
    body = words[start:end]
    glued = glued_name_at(body) if len(body) >= 4 else None
    if glued is not None:
        end = start + glued  # "Ministry of Labour and Social Affairs Lilit Harutyunyan"
        body = words[start:end]
    if not any(is_org_head(w) for w in body):
        return []
    parent_told_again = False
    if len(body) >= 4 and body[-1] in _GENERIC and body[-2] in ("the", "of") and any(is_org_head(w) for w in body[:-3]):
        # "Training Centre on X of the Academy": the named centre; the academy is its parent
        cut = end - (3 if body[-3] == "of" else 2)
        if words[cut - 1] == "of":
            cut -= 1
        head = words[end - 1]
        end = cut
        body = words[start:end]
        if parent is None and country is None:
            # "the Migration Division of the Commission": the commission the text named before
            named = [s for s in ctx.spans if s.end <= toks[piece[0]][0] and s.entity.kind == "Organization"
                     and re.search(r"\b" + re.escape(head) + r"\b", s.text + " " + s.entity.label)]
            if named:
                parent = named[-1].entity
                parent_told_again = True
    a, b = toks[piece[start]][0], toks[piece[end - 1]][1]
    name = ctx.text[a:b]
    owner_word = re.match(r"([A-Z][a-z]+)['’]s\s", name)
    if owner_word and (owner_word.group(1) in ORG_HEADS or owner_word.group(1) in _GENERIC_OWNERS):
        return []  # "the Initiative's Secretariat": a unit of something named before, not a body of its own
    if POSSESSED_LIST.search(ctx.text[max(0, a - 160) : a]):
        return []  # "on behalf of their Immigration, Police Service, Customs": kinds of bodies
    quoted = _QUOTED_NAME.match(ctx.text, b)
    if quoted and piece[end - 1] == piece[-1] and not any(w in GOV_HEADS for w in body):
        # "the Republican Social Information Centre "Istiqbolli Avlod"": the quoted name is the
        # body's own name, which the generic part before it only describes
        own = quoted.group("name")
        ent = ctx.resolver.resolve(own, "Organization") or ctx.resolver.resolve_or_create(
            f"{name} {own}", "Organization", country=country, part_of=parent, alt_labels=[own, f"{name} {quoted.group(0).strip()}"])
        return [ActorSpan(a, quoted.end(), ctx.text[a : quoted.end()], ent, "phrase")]
    prev = [sp for sp in ctx.overlapping(max(0, a - 200), a)
            if sp.end <= a and re.fullmatch(r"\s*(?:\([A-Z][\w&/-]*\)\s*)?", ctx.text[sp.end : a])]
    if prev and prev[-1].entity.kind == "Organization" and piece[start] == piece[0]:
        own = _ACRONYM_DEF.match(ctx.text, b)
        if own and own.group("acr") not in prev[-1].entity.alt_labels:
            # "Caribbean Community (CARICOM) Implementation Agency for Crime and Security
            # (IMPACS)": with an acronym of its own, the unit is a body of its own
            parent_ent = prev[-1].entity
            short = min((n for n in (parent_ent.label, *parent_ent.alt_labels) if n.isupper()), key=len, default=None)
            alts = [name, own.group("acr"), *([f"{short} {name}", f"{short} {own.group('acr')}"] if short else [])]
            full = f"{ctx.text[prev[-1].start:prev[-1].end]} {name}"
            ent = ctx.resolver.resolve(full, "Organization") or ctx.resolver.resolve_or_create(
                full, "Organization", part_of=parent_ent, alt_labels=alts)
            return [ActorSpan(a, b, name, ent, "phrase")]
        # "UNODC Regional Office for West and Central Africa": a unit of the known body
        return [ActorSpan(a, b, name, prev[-1].entity, "phrase")]
    owner = [sp for sp in ctx.overlapping(max(0, a - 200), a) if sp.end <= a and re.fullmatch(r"['’]s\s+", ctx.text[sp.end : a])]
    if owner and owner[-1].entity.kind == "State" and country is None and parent is None and piece[start] == piece[0]:
        country = owner[-1].entity  # "Brazil's Federal Public Prosecutor's Office"
    if country is not None and piece[end - 1] == piece[-1]:
        tail = re.match(r"\s+of\s+(?:the\s+)?", ctx.text[b : b + 10])
        st_span = ctx.span_at(b + tail.end()) if tail else None
        if st_span is not None and st_span.entity.iri == country.iri:
            name = ctx.text[a : st_span.end]
    if body[-1] in ("Embassy", "Consulate") or (body[0] in ("Embassy", "Consulate") and len(body) == 1):
        st = country if body[0] in ("Embassy", "Consulate") else (_state(ctx, body[-2]) if len(body) in (2, 3) else None)
        if st is None and len(body) == 1 and piece[start] == piece[0]:
            # "the U.S. Embassy in Uzbekistan": the state named right before is the embassy's
            before = [sp for sp in ctx.overlapping(max(0, a - 40), a) if sp.end <= a and sp.entity.kind == "State"
                      and re.fullmatch(r" ", ctx.text[sp.end : a])]
            if before:
                surface = ctx.text[before[-1].start : b]
                host = re.match(r"\s+in\s+(?:the\s+)?", ctx.text[b : b + 8])
                host_sp = ctx.span_at(b + host.end()) if host else None
                if host_sp is not None and host_sp.entity.kind in ("State", "Place"):
                    surface = ctx.text[before[-1].start : host_sp.end]  # "U.S. Embassy in Uzbekistan"
                ent = embassy(ctx, body[0], before[-1].entity, surface)
                return [ActorSpan(a, b, ctx.text[a:b], ent, "embassy")]
        if st is not None:
            ent = embassy(ctx, body[-1] if body[0] not in ("Embassy", "Consulate") else body[0], st, ctx.text[a:b])
            if country is not None and piece[end - 1] == piece[-1]:
                tail = re.match(r"\s+of\s+(?:the\s+)?", ctx.text[b : b + 10])
                st_span = ctx.span_at(b + tail.end()) if tail else None
                if st_span is not None:
                    b = st_span.end
            return [ActorSpan(a, b, ctx.text[a:b], ent, "embassy")]
    if len(body) == 1 or all(w in _GENERIC or w in _GENERIC_MODIFIERS or w in _CONNECTORS for w in body):
        if not (body[-1] in _GENERIC or is_org_head(body[-1])):
            return []
        if parent is None and country is None:
            return []
        if body[0] == "Government" and country is not None and parent is None:
            return [ActorSpan(a, b, name, country, "phrase")]
        holder = parent or country
        if body[-1] in _STATE_INSTITUTIONS and len(body) == 1 and country is not None and parent is None \
                and name != ctx.text[a:b]:
            # "Judge X of the Court of Bosnia and Herzegovina": the state's court, named so
            ent = resolve_body(ctx, name, country=country)
            return [ActorSpan(a, b, ctx.text[a:b], ent, "phrase")] if ent is not None else []
        name = f"{name} of the {holder.label}" if body[-1] in _SUBUNIT else None
        if name is None:
            return []
    if len(body) > 16:
        return []
    if parent is not None and country is None and ctx.state_of(parent) is None and (body[0] in _SUBUNIT or body[-1] in _SUBUNIT) \
            and (piece[end - 1] == piece[-1] or parent_told_again):
        # "the Department of Social Affairs of the African Union Commission": a unit of an
        # international body speaks for that body
        return [ActorSpan(a, b, name, parent, "phrase")]
    surface: list[str] = []
    lead = [sp for sp in ctx.overlapping(max(0, a - 60), a) if sp.end <= a and sp.entity.kind == "State"
            and re.fullmatch(r" ", ctx.text[sp.end : a])]
    listed = lead and any(sp.entity.kind == "State" and re.fullmatch(r",\s*|\s+and\s+|\s*&\s*", ctx.text[sp.end : lead[-1].start])
                          for sp in ctx.overlapping(max(0, lead[-1].start - 40), lead[-1].start) if sp.end <= lead[-1].start)
    if lead and piece[start] == piece[0] and not listed:  # not "Malawi and Zambia Police"
        # "Sri Lanka Bureau of Foreign Employment": the state's name is part of the body's
        # name; the body is that state's and keeps the name as the text writes it
        country = country or lead[-1].entity
        surface.append(ctx.text[lead[-1].start : b])
    town = [sp for sp in ctx.overlapping(max(0, a - 40), a) if sp.end == a - 1 and ctx.text[a - 1] == " "
            and sp.entity.kind == "Place"]
    if not lead and town and piece[start] == piece[0] and name == ctx.text[a:b] and body[-1] in _LOCAL_HEADS:
        # "the Madrid City Council", "the Madrid Regional Police Headquarters": a town's name
        # before a local body is part of the body's name
        a = town[-1].start
        name = ctx.text[a:b]
        ent = resolve_body(ctx, name, country=country or ctx.state_of(town[-1].entity), part_of=parent, alt_labels=[name])
        return [ActorSpan(a, b, name, ent, "enclosing")] if ent is not None else []
    if parent is not None and country is None and piece[end - 1] == piece[-1] and len(body) >= 2 and _generic_head(name):
        unit = _unit_of_parent(ctx, a, b, parent)
        if unit is not None:
            return [unit]
    if parent is not None and country is None:
        country = ctx.state_of(parent)  # a unit of a national body is that body's state's
    ent = resolve_body(ctx, name, country=country, part_of=parent, alt_labels=surface)
    if ent is None:
        return []
    return [ActorSpan(a, b, ctx.text[a:b], ent, "phrase")]


def _unit_of_parent(ctx: DocContext, a: int, b: int, parent: Entity) -> ActorSpan | None:
    """"the Office of the Ombudsperson of the Parliament": a generic body's name followed by
    the national body it belongs to names one body of its own, not the state's generic one."""
    st = ctx.state_of(parent)
    tail = re.match(r"\s+of\s+(?:the\s+)?", ctx.text[b : b + 10])
    psp = ctx.span_at(b + tail.end()) if tail else None
    if st is None or psp is None or psp.entity.iri != parent.iri or "tip:IntergovernmentalOrganization" in parent.types:
        return None
    full = ctx.text[a : psp.end]
    ent = resolve_body(ctx, full, country=st, part_of=parent, alt_labels=[full])
    return ActorSpan(a, psp.end, full, ent, "enclosing") if ent is not None else None


# -- names with commas inside: "Ministry of Labour, Employment and Social Affairs" --------
_W = r"[A-Z][\w'’-]*"
_ITEM = _W + r"(?:\s+" + _W + r"){0,2}"
#: "... and Gender Equality on Tuesday": a day or month after a name is no part of it
_WHEN_WORD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b"
_COMMA_HEADS = r"(?:Ministry|Secretariat|Department|Office|Committee|Commission|Council|Agency|Directorate|Bureau|Authority|Centre|Center)"
_COMMA_AFTER = re.compile(
    r"\b(?:(?:Federal|National|State|Royal|Republican|Regional|Central|Provincial)\s+)?" + _COMMA_HEADS + r"\s+(?:of|for|against|on)\s+(?:the\s+)?" + _ITEM + r"(?:,\s+" + _ITEM + r")+,?\s+(?:and|&)\s+" + _ITEM
    + r"(?:\s+(?:in|of|for|on)\s+(?:the\s+)?(?!" + _WHEN_WORD + r")" + _ITEM + r"){0,3}"
)
#: Names of associations hold lists too; without a head of state bodies the name must be
#: followed by its acronym: "Association for the Prevention, Reintegration and Care of Women in
#: Prostitution (APRAMP)".
_COMMA_AFTER_NGO = re.compile(
    r"\b(?:Association|Foundation|Federation|Institute|Union|Network|Alliance|Coalition|Society|Centre|Center)\s+(?:of|for|against|on)\s+(?:the\s+)?"
    + _ITEM + r"(?:,\s+" + _ITEM + r")+,?\s+(?:and|&)\s+" + _ITEM
    + r"(?:\s+(?:in|of|for|on|against)\s+(?:the\s+)?(?!" + _WHEN_WORD + r")" + _ITEM + r"){0,3}(?=\s*\([A-Z][A-Za-z-]*[A-Z]\))"
)
_COMMA_BEFORE = re.compile(r"(?<!, )\b" + _W + r"(?:,\s+" + _W + r")+,?\s+(?:and|&)\s+" + _W + r"\s+" + _COMMA_HEADS + r"\b")


#: A last list item that names a remit, not a body: an adjective and "Administration".
_REMIT_HEAD_ITEM = re.compile(r"[A-Z][a-z]+(?:al|ic|ive)\s+Administration")


def comma_name_spans(ctx: DocContext) -> list[ActorSpan]:
    """Body names with a list inside, which the other rules would cut at the first comma.

    The items of the list must be plain capitalised words (no body of their own, no
    acronym, no state): "Ministry of Justice, Ministry of Health and ..." is three bodies.
    """
    out = []
    for rx in (_COMMA_AFTER, _COMMA_BEFORE, _COMMA_AFTER_NGO):
        for m in rx.finditer(ctx.text):
            text = m.group()
            inner = re.split(r",\s+|\s+(?:and|&)\s+", text)
            words = re.findall(r"[\w'’-]+", text)
            heads = sum(1 for w in words if w in ORG_HEADS)
            if heads == 2 and _REMIT_HEAD_ITEM.fullmatch(inner[-1].split(" of ")[0].split(" in ")[0]) and words[0] in ("Ministry", "Ministries"):
                heads = 1  # "Ministry of the Interior, Public Security and Territorial Administration": a remit
            if rx is _COMMA_AFTER_NGO:
                heads = 1  # the acronym after it makes the whole list one name
            if heads != 1 or any(w.isupper() and len(w) > 1 for w in words):
                continue
            if any(_state(ctx, it.split()[-1]) is not None for it in inner[1:-1]):
                continue  # "... of Mali, Niger and Chad": a list of states
            if "\n\n" in text:
                continue
            ent = resolve_body(ctx, text)
            if ent is not None:
                out.append(ActorSpan(m.start(), m.end(), text, ent, "phrase"))
    return out


# -- "the NGO Atina", "the public organization «Madina»" ---------------------------------
_DESCRIBED = re.compile(
    r"\b(?:NGOs?|non-governmental\s+organi[sz]ations?|(?:public|civil\s+society|community|women's|grassroots|local|partner|member)\s+organi[sz]ations?"
    r"|charity|charities|public\s+associations?|(?:non-profit|nonprofit)\s+(?:organi[sz]ations?|associations?)"
    r"|(?:crisis|rehabilitation|resource|counselling|counseling|drop-in)\s+cent(?:re|er)s?|shelters?)"
    r"\s+(?:called\s+|named\s+)?[«\"“]?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})[»\"”]?"
)


def described_org_spans(ctx: DocContext) -> list[ActorSpan]:
    """Organisations introduced by what they are: "the NGO Atina" names Atina, here and later."""
    out: list[ActorSpan] = []
    for m in _DESCRIBED.finditer(ctx.text):
        a, b = m.span("name")
        longer = _JOINED_NAME.match(ctx.text, b) or _FOREIGN_TAIL.match(ctx.text, b)
        if longer is not None and all(longer.re is _FOREIGN_TAIL and o.entity.kind == "State" and o.start >= b
                                      for o in ctx.overlapping(a, longer.end())) \
                and (longer.re is _JOINED_NAME or longer.group("low") not in _ENGLISH_LOW):
            b = longer.end()  # "the NGO Hope and Help", "the NGO Vaša prava BiH"
        if any(o.entity.kind != "State" or o.start < a or o.end > b for o in ctx.overlapping(a, b)):
            continue  # a state inside the name ("APLE Cambodia") is part of it
        name = ctx.text[a:b]
        if _state(ctx, name) is not None or any(w in NOT_NAME_WORDS for w in name.split()):
            continue
        known = ctx.resolver.resolve(name, "Organization")
        ent = known or ctx.resolver.resolve_or_create(name, "Organization", types=("tip:NonGovernmentalOrganization",))
        for n in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", ctx.text):
            out.append(ActorSpan(n.start(), n.end(), name, ent, "enclosing"))
    return out


#: One more word joined to a described name by a connector, the name ending there
#: ("Hope| and Help attended"); not when more capitalised words follow ("Atina and Caritas Serbia").
_JOINED_NAME = re.compile(r" (?:and|for|of|against) (?:the )?[A-Z][\w'’-]+(?![\w'’-]| [A-Z\u00C0-\u024F(])")
#: A name in another language keeps its lowercase words: "the NGO Vaša prava BiH",
#: "the association Femmes unies Contre". Only when the name ends at a punctuation mark.
_FOREIGN_TAIL = re.compile(r" (?P<low>[a-z\u00DF-\u024F]{2,}(?<!ed)) [A-Z\u00C0-\u024F][\w'’-]*(?=[.,;:)]|\s*\n|$)")
_ENGLISH_LOW = frozenset("""and or but with said says told asked added noted urged called thanked welcomed
    praised met joined signed opened hosted leads runs is was are were has had will would can could
    to of in on at for from by the a an as its their also which who that this these""".split())
NOT_NAME_WORDS = frozenset("The This That These Those Its Their In On At For And".split())

#: "two civil society organizations, Different and Equal and Tjetër Vizion"
_DESCRIBED_PLURAL = re.compile(
    r"\b(?:(?P<num>two|three|four|five)\s+)?(?:(?:local|national|international|partner|civil\s+society|non-governmental"
    r"|women's|community|grassroots)\s+)+(?:NGOs|organi[sz]ations|associations)\s*(?:,|:|–|—)?\s*(?:namely\s+)?(?=[A-Z\u00C0-\u024F])"
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
_LIST_WORD = re.compile(r"[A-Z\u00C0-\u024F][\w'’-]*|and|of|for|the|de|la|against|,")


def described_list_spans(ctx: DocContext) -> list[ActorSpan]:
    """NGOs listed after what they are ("civil society organizations, A and B"); with a
    number ("two ... organizations") the items are joined back until the count fits, so
    "Different and Equal and Tjetër Vizion" is two names."""
    out: list[ActorSpan] = []
    text = ctx.text
    for m in _DESCRIBED_PLURAL.finditer(text):
        pos, toks = m.end(), []
        while True:
            w = _LIST_WORD.match(text, pos)
            if w is None:
                break
            toks.append((w.start(), w.end(), w.group()))
            sp = re.match(r"\s*", text[w.end():])
            pos = w.end() + (sp.end() if sp and "\n\n" not in sp.group() else 0)
            if sp is None or not sp.group() and w.group() != ",":
                if not text[w.end():w.end() + 1] == ",":
                    break
        while toks and not toks[-1][2][:1].isupper():
            toks.pop()
        items: list[list[tuple[int, int, str]]] = [[]]
        joins: list[str] = []
        for t in toks:
            if t[2] in (",", "and") and items[-1] and (t[2] == "," or _next_is_cap(toks, t)):
                items.append([])
                joins.append(t[2])
                continue
            items[-1].append(t)
        items = [it for it in items if it]
        want = _NUMBERS.get((m.group("num") or "").lower())
        while want and len(items) > want:
            k = next((i for i, j in enumerate(joins) if j == "and"), None)
            if k is None:
                break
            items[k:k + 2] = [items[k] + [(0, 0, "and")] + items[k + 1]]
            joins.pop(k)
        if want and len(items) != want:
            continue
        for it in items:
            a, b = it[0][0], it[-1][1]
            name = text[a:b]
            if len(it) > 6 or ctx.overlapping(a, b) or _state(ctx, name) is not None or it[0][2] in NOT_NAME_WORDS:
                continue
            known = ctx.resolver.resolve(name, "Organization")
            ent = known or ctx.resolver.resolve_or_create(name, "Organization", types=("tip:NonGovernmentalOrganization",))
            for n in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
                out.append(ActorSpan(n.start(), n.end(), name, ent, "phrase"))
    return out


_PLURAL_BODY = re.compile(r"\b(?:Ministers|Ministries)\s+(?:of|for)\s+(?P<remit>[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)\s+of\s+(?:the\s+)?$")


_REMIT = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
#: one remit of a list, which may hold its own "and" ("Labour and Social Policy")
_REMIT_ITEM = _REMIT + r"(?:\s+and\s+" + _REMIT + r")?"
_MINISTRIES_LIST = re.compile(
    r"\b(?:the\s+)?Ministries\s+(?:of|for)\s+(?:the\s+)?(?P<list>" + _REMIT_ITEM + r"(?:\s*,\s*(?:and\s+)?(?:the\s+)?" + _REMIT_ITEM
    + r")*\s*,?\s+and\s+(?:the\s+)?" + _REMIT + r")(?=\s*[,.;:)]|\s+(?!of\b)[a-z]|\s*$)")


def _remit_items(listing: str, more: bool = False) -> list[tuple[int, int]]:
    """The remits of "Interior, Finance, Labour and Social Policy, Education and Justice":
    an "and" inside a comma-separated item joins one remit ("Labour and Social Policy");
    the "and" of the last item ends the list ("Education", "Justice"), unless another body
    follows it (``more``: "..., Economy and Regional Development and the Commissariat")."""
    items = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", listing)]
    out: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(items):
        piece = listing[a:b]
        parts = [(a + m.start(), a + m.end()) for m in re.finditer(_REMIT, piece)]
        parts = [(x, y) for x, y in parts if listing[x:y] not in ("The", "And")]
        if k == len(items) - 1 and parts and is_org_head(listing[parts[-1][0] : parts[-1][1]].split()[0]):
            parts.pop()  # "... and the Commissariat (for Refugees)": a body of its own, not a remit
            more = True
        if (k < len(items) - 1 or more) and len(items) > 1 and len(parts) == 2:
            out.append((parts[0][0], parts[1][1]))
        else:
            out += parts
    return out


def ministries_list_spans(ctx: DocContext) -> list[ActorSpan]:
    """"Officials came from the Ministries of Interior, Labour, Justice and Health": one
    ministry per remit, of the state the text is about."""
    out: list[ActorSpan] = []
    if ctx.country is None:
        return out
    for m in _MINISTRIES_LIST.finditer(ctx.text):
        if re.match(r"[^.;]{0,80}?\bof\s+(?:the\s+)?[A-Z]", ctx.text[m.end() : m.end() + 90]) and \
                re.match(r"\s*,", ctx.text[m.end():]):
            continue  # "the Ministries of Justice, Judiciaries and Migration Offices of A, B and C"
        base = m.start("list")
        more = re.match(r"\s+and\s+(?:the\s+)?[A-Z]", ctx.text[m.end() : m.end() + 12]) is not None
        for x, y in _remit_items(m.group("list"), more):
            a, b = base + x, base + y
            if ctx.overlapping(a, b):
                continue
            remit = ctx.text[a:b]
            ent = resolve_body(ctx, "Ministry of " + remit, country=ctx.country)
            if ent is not None:
                out.append(ActorSpan(a, b, remit, ent, "ministry"))
    return out


def _plural_bodies(ctx: DocContext) -> None:
    """"the Ministers of Interior of Türkiye and Georgia": each state named is that state's
    ministry, not the state itself."""
    for sp in list(ctx.spans):
        if sp.entity.kind != "State":
            continue
        m = _PLURAL_BODY.search(ctx.text[max(0, sp.start - 80) : sp.start])
        if m is None:
            continue
        states = [sp]
        pos = sp.end
        while True:
            g = re.match(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?", ctx.text[pos : pos + 12])
            nxt = ctx.span_at(pos + g.end()) if g else None
            if nxt is None or nxt.entity.kind != "State":
                break
            states.append(nxt)
            pos = nxt.end
        if len(states) < 2:
            continue
        for st in states:
            ent = resolve_body(ctx, "Ministry of " + m.group("remit"), country=st.entity)
            if ent is not None:
                ctx.replace_span(st, ActorSpan(st.start, st.end, st.text, ent, "ministry"))


_ITEM_AFTER = re.compile(
    r"(?P<glue>,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
    r"(?=\s*[,.;:)]|\s+(?:and|joined|met|attended|took|were|was|signed|agreed|discussed|also|in|at|on)\b)")


def list_item_spans(ctx: DocContext) -> list[ActorSpan]:
    """An unknown name listed with organisations is one too: "Representatives of the National
    Child Rights Council, the Anti-Human Trafficking Bureau and Maiti Nepal joined ..."."""
    out: list[ActorSpan] = []
    text = ctx.text
    orgs = [sp for sp in ctx.spans if sp.entity.kind == "Organization"]
    for sp in orgs:
        m = _ITEM_AFTER.match(text, sp.end)
        if m is None:
            continue
        a, b = m.span("name")
        name = m.group("name")
        words = name.split()
        inside = ctx.overlapping(a, b)
        if any(o.entity.kind != "State" or o.start < a or o.end > b for o in inside) \
                or words[0] in NOT_NAME_WORDS or any(w in _NOT_ITEM for w in words):
            continue  # a state inside the name ("Maiti Nepal") is part of it
        if _state(ctx, name) is not None or ctx.resolver.resolve(name, "Place") is not None:
            continue
        if re.match(HONORIFICS + r"\s", name):
            continue  # "members of GRETA, Ms Jane Roe and ...": a person ("Ms" is no state code here)
        if any(is_title_word(w) for w in words) or not (
                any(is_org_head(w) for w in words) or name.isupper() or _state_in_name(ctx, name) is not None):
            continue  # "..., UNICEF and Jane Roe": plain words may be a person's name or a region
        if re.match(r"\s*,\s*(?:the\s+)?[a-z]", text[b : b + 20]) and not re.match(r"\s*,\s*(?:and|as\s+well)", text[b : b + 20]):
            continue  # an apposition follows: a person with a post
        ent = ctx.resolver.resolve(name, "Organization") or ctx.resolver.resolve_or_create(name, "Organization")
        out.append(ActorSpan(a, b, name, ent, "enclosing"))
    return out


_NOT_ITEM = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
April May June July August September October November December Act Law Convention Protocol Plan
Strategy Programme Program Project Directive Declaration Agreement Memorandum""".split())


def _next_is_cap(toks, t) -> bool:
    i = toks.index(t)
    return i + 1 < len(toks) and toks[i + 1][2][:1].isupper()


def collect_spans(ctx: DocContext) -> None:
    """Fill ``ctx.spans``: registry mentions first, then the rules above, never overlapping."""
    text = ctx.text
    mentions = ctx.resolver.find_mentions(text)
    ctx.country = _publisher_state(ctx) or ctx.resolver.main_country(text, mentions, boost=_headline_states(ctx, mentions))
    if ctx.country is not None:
        # with the country known, generic national bodies ("the Interior Ministry") resolve too
        mentions = ctx.resolver.find_mentions(text, country=ctx.country)
    ctx.add_spans(comma_name_spans(ctx))
    ctx.add_spans(registry_spans(ctx, mentions))
    ctx.add_spans(subdivision_spans(ctx))
    _ministry_remit_tails(ctx)
    ctx.add_spans(ministry_spans(ctx))
    ctx.add_spans(ministries_list_spans(ctx))
    ctx.add_spans(government_spans(ctx))
    ctx.add_spans(phrase_spans(ctx))
    ctx.add_spans(described_org_spans(ctx))
    ctx.add_spans(described_list_spans(ctx))
    ctx.add_spans(list_item_spans(ctx))
    _plural_bodies(ctx)
    ctx.add_spans(acronym_spans(ctx))
    _generic_heads_told_again(ctx)
    _sentence_states(ctx)


_REMIT_TAIL = re.compile(r"\s+and\s+(?P<y>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?!\s+[A-Z])(?!\s+of\b)")


def _ministry_remit_tails(ctx: DocContext) -> None:
    """"the Ministry of Economy and Regional Development": the registry knows "Ministry of
    Economy"; a second remit after "and" is more of the same ministry's name."""
    for sp in list(ctx.spans):
        if sp.entity.kind != "Organization" or not re.match(r"Ministry\s+(?:of|for)\s", sp.text):
            continue
        m = _REMIT_TAIL.match(ctx.text, sp.end)
        if m is None or not all(w.lower() in REMIT_WORDS for w in m.group("y").split()) \
                or ctx.overlapping(sp.end, m.end()):
            continue
        name = ctx.text[sp.start : m.end()]
        ent = resolve_body(ctx, name, country=ctx.country_arg(ctx.state_of(sp.entity)))
        if ent is not None:
            ctx.replace_span(sp, ActorSpan(sp.start, m.end(), name, ent, sp.source))


def _generic_heads_told_again(ctx: DocContext) -> None:
    """"the Non-Discrimination Ombudsman ... the Ombudsman met X": a one-word generic name
    that the registry reads as the general body of the kind is, in a text that names exactly
    one longer body ending in that word, that body told again."""
    longer: dict[str, dict[str, Entity]] = {}
    for sp in ctx.spans:
        words = sp.text.split(" of ")[0].split()  # the head: "Equal Treatment Ombudsman (of Latvia)"
        if sp.entity.kind == "Organization" and len(sp.text.split()) > 1 and words and words[-1] in ORG_HEADS:
            longer.setdefault(words[-1], {})[sp.entity.iri] = sp.entity
    for sp in list(ctx.spans):
        if sp.source == "registry" and sp.entity.kind == "Organization" and sp.text in longer \
                and len(longer[sp.text]) == 1:
            ent = next(iter(longer[sp.text].values()))
            if ent.iri != sp.entity.iri:
                ctx.replace_span(sp, ActorSpan(sp.start, sp.end, sp.text, ent, "anaphor"))


def _headline_states(ctx: DocContext, mentions) -> dict[str, float]:
    """Weights for the states the headline names ("... meeting in Uzbekistan") and for the
    dateline's state ("BANGKOK, Oct 14 -"): what a release is about, told where it begins."""
    out: dict[str, float] = {}
    title = ctx.doc.title or ""
    for m in ctx.resolver.find_mentions(title) if title else []:
        st = m.entity if m.entity.kind == "State" else ctx.state_of(m.entity) if m.entity.kind == "Place" else None
        if st is not None:
            out[st.iri] = out.get(st.iri, 0.0) + 2.0
    place = ctx.doc.dateline_place
    if place:
        ent = ctx.resolver.resolve(place.title() if place.isupper() else place)
        st = ent if ent is not None and ent.kind == "State" else ctx.state_of(ent) if ent is not None and ent.kind == "Place" else None
        # only when the body names that state too: "LYON, France - West African police chiefs
        # gathered" is issued where a secretariat sits, about other countries
        body_start = ctx.text.find("\n") + 1 if ctx.text.lower().startswith(place.lower()) else 200
        if st is not None and any(m.entity.iri == st.iri or ctx.state_of(m.entity) is not None
                                  and ctx.state_of(m.entity).iri == st.iri
                                  for m in mentions if m.start >= body_start and m.entity.kind in ("State", "Place", "Organization")):
            out[st.iri] = out.get(st.iri, 0.0) + 1.5
    return out


def _publisher_state(ctx: DocContext) -> Entity | None:
    """The state of a national body that issued the page: a ministry's release about a
    foreign delegation is still about its own country's bodies ("the Bureau of Immigration")."""
    pub = ctx.publisher
    if pub is None or pub.kind != "Organization" or "tip:IntergovernmentalOrganization" in pub.types:
        return None
    st = ctx.state_of(pub)
    if st is None and pub.part_of:
        registry = getattr(ctx.resolver, "registry", None)
        cand = registry.by_iri.get(pub.part_of) if registry is not None else None
        st = cand if cand is not None and cand.kind == "State" else None
    return st


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


# -- provinces and districts of the states a text is about ------------------------------
_SUB_HEAD = r"(?:District|Province|Region|Governorate|State|County|Oblast|Prefecture|Department|Division|Emirate|Canton)"
_SUB_CAND = re.compile(r"\b[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|of|and|de|del|la|el|al))*")
_SUB_BEFORE = re.compile(r"\b(?:in|at|to|from|across|near|throughout|within|of|visited|visiting)\s+(?:the\s+)?$", re.I)
_SUB_LISTED = re.compile(r"\b(?:districts|provinces|regions|states|governorates|counties|oblasts|prefectures|departments|municipalities)\b", re.I)
_SUB_GLUE = re.compile(r"\s*(?:\([^)]{0,40}\))?\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?")


def subdivision_spans(ctx: DocContext) -> list[ActorSpan]:
    """Provinces and districts (ISO 3166-2) of the states the text is about, where the text
    uses them as places: with their head ("Kasungu District"), after "in", "to", "across"
    ..., in a sentence about districts or provinces, or listed beside another one."""
    states = {sp.entity.iri: sp.entity for sp in ctx.spans if sp.entity.kind == "State"}
    if ctx.country is not None:
        states[ctx.country.iri] = ctx.country
    names: dict[str, Entity] = {}
    for st in states.values():
        for folded in subdivisions_of(st.iso_code or ""):
            names.setdefault(folded, st)
    if not names:
        return []
    text = ctx.text
    cands: list[tuple[int, int, str, Entity]] = []
    for m in _SUB_CAND.finditer(text):
        words = list(re.finditer(r"[\w'’-]+(?:\.[\w'’-]+)*", m.group()))
        i = 0
        while i < len(words):
            # the longest run of words from here that is a subdivision's name
            for k in range(min(len(words), i + 4), i, -1):
                name = " ".join(w.group() for w in words[i:k])
                st = names.get(name.casefold())
                if st is not None and name[:1].isupper():
                    glued = (i > 0 and words[i - 1].group()[:1].isupper()) or (
                        k < len(words) and words[k].group()[:1].isupper() and not re.fullmatch(_SUB_HEAD, words[k].group()))
                    if not glued:  # "Alba Iulia": a longer name the district's only starts
                        cands.append((m.start() + words[i].start(), m.start() + words[k - 1].end(), name, st))
                    i = k - 1
                    break
            i += 1
    accepted: dict[int, tuple[int, int, str, Entity]] = {}
    for a, b, name, st in cands:
        if ctx.overlapping(a, b):
            continue
        head = re.match(r"\s+" + _SUB_HEAD + r"\b", text[b : b + 20])
        sentence = text[max(0, text.rfind("\n", 0, a), text.rfind(". ", 0, a)) : a]
        if head or _SUB_BEFORE.search(text[max(0, a - 30) : a]) or _SUB_LISTED.search(sentence):
            accepted[a] = (a, b + (head.end() if head else 0), name, st)
    grown = True
    while grown:  # "Dedza, Ntchisi and Mzimba": beside an accepted one
        grown = False
        for a, b, name, st in cands:
            if a in accepted or ctx.overlapping(a, b):
                continue
            if any(_SUB_GLUE.fullmatch(text[pb:a]) or _SUB_GLUE.fullmatch(text[b:pa])
                   for pa, pb, _, _ in accepted.values()):
                accepted[a] = (a, b, name, st)
                grown = True
    out = []
    for a, b, name, st in sorted(accepted.values(), key=lambda c: c[0]):
        ent = ctx.resolver.resolve(name, "Place") or ctx.resolver.resolve_or_create(name, "Place", country=st, part_of=st)
        if ent.kind == "Place":
            out.append(ActorSpan(a, b, text[a:b], ent, "subdivision"))
    return out


#: "Attending for the UAE were ...", "The Thai side was represented by ...", "On the
#: Moldovan side, ...": the state whose bodies a sentence lists
_SIDE = re.compile(
    r"^(?:(?:Attending|Present|Taking\s+part|Participating|Represented)\s+(?:for|from|on\s+behalf\s+of)\s+(?:the\s+)?(?P<a>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"|(?:The|On\s+the)\s+(?P<b>[A-Z][a-z]+)\s+(?:side|delegation)\b)")


def _sentence_states(ctx: DocContext) -> None:
    """A bare national body in a sentence about one state's side is that state's body, not
    one of the state the whole text is about: "Attending for the UAE were representatives of
    the Ministry of Interior" in a release from Thailand names the UAE's ministry."""
    if ctx.country is None:
        return
    for sent in ctx.sentences:
        m = _SIDE.match(sent.text)
        if m is None:
            continue
        st = _state(ctx, m.group("a") or m.group("b"))
        if st is None or st.kind != "State" or st.iri == ctx.country.iri:
            continue
        for sp in ctx.spans_in(sent.start, sent.end, ("Organization",)):
            own = ctx.state_of(sp.entity)
            if own is None or own.iri != ctx.country.iri or _names_state(sp.text, ctx.country) \
                    or not is_national_body_name(sp.text):
                continue  # only a body whose state was the text's guess
            ent = resolve_body(ctx, sp.text, country=st)
            if ent is not None and ent.iri != sp.entity.iri:
                ctx.replace_span(sp, ActorSpan(sp.start, sp.end, sp.text, ent, sp.source))
