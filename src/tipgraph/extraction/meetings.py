"""Meetings: who met whom, when, where, under which instrument.

A press release usually reports one main event, told over several sentences; those
sentences are grouped into one meeting. A meeting mentioned in passing with its own
date ("at their talks with X in 2015") is a separate meeting, and an
announced one ("will", "upcoming", "next month") is planned, never met. Actors only
cited ("according to X", "funded by X", "a report by X") or used as modifiers ("UN
agencies", "OSCE commitments") do not take part; a state after "in" or "to" is a place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from ..model import DateValue, Entity, MeetingFact
from .context import ActorSpan, DocContext
from .dates import DateMention, find_dates
from .lexicon import NOT_NAME
from .mentions import POSSESSED_LIST as _POSSESSED_LIST
from .persons import FIRST_PERSON

_HELD = re.compile(
    r"\b(?:met|meets|meet\s+with|meeting\s+with|held\s+(?:[\w-]+\s+){0,3}(?:talks|discussions?|consultations?|meetings?|negotiations|conference|round\s?table|seminar|workshop|training|session|dialogue|hearing)"
    r"|(?:paid|pays)\s+(?:a\s+)?courtesy\s+(?:call|visit)|exchanged\s+views\s+with|consulted\s+with"
    r"|(?:paid|pays|made|makes|conducted|conducts|undertook|completed|concluded)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}visit"
    r"|visits?\s+(?:(?:was|were)\s+)?(?:paid|made|undertaken|conducted)\s+by|visited|visiting|visits|(?:official|working|study|state|bilateral|fact-finding|country)\s+visit|visit\s+(?:to|of)"
    r"|(?:participants|attendees|speakers|trainees|delegates|panel+ists)\s+(?:also\s+)?(?:included|were\s+(?:drawn\s+)?from|represented|came\s+from)"
    r"|among\s+(?:the\s+)?(?:participants|attendees|speakers|trainees)|with\s+the\s+participation\s+of|joined\s+by"
    r"|sat\s+down\s+with|sat\s+down\s+(?:in|at)\s+[A-Z][\w-]*\s+with|(?:co-)?chaired|joined|taking\s+part\s+(?:were|was|in)|heard\s+(?:[\w-]+\s+){0,2}(?:reports?|presentations?|briefings?)\s+from"
    r"|held\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:meeting|session|consultation|exchange)|welcomed\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}delegation"
    r"|(?:was|were)\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:from|on|between)\s+(?:\w+\s+)?\d"
    r"|brought\s+together|bringing\s+together|(?:came|come)\s+together|gathered|convened|(?:was|were)\s+(?:also\s+)?attended\s+by|attended|took\s+part|participated|hosted"
    r"|(?:co-)?organi[sz]ed\s+(?:a|an|the|its)\b|(?:was|were)\s+(?:co-)?organi[sz]ed|took\s+place|(?:was|were)\s+(?:(?:also|further|then|subsequently|likewise|later)\s+)?held"
    r"|signed\s+(?:(?:today|yesterday|on\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|on\s+\w+|in\s+[A-Z][\w-]+|at\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})\s+){0,2}(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:memorandum|agreement|MoU|declaration|joint|protocol|accord|roadmap|letter)|signing\s+ceremony"
    r"|in\s+the\s+presence\s+of|(?:was|were)\s+witnessed\s+by|put\s+(?:their|its)\s+signatures?\s+to|signed\s+(?:it|them)\b"
    r"|(?<![\w-])I\s+(?:also\s+|then\s+)?(?:spoke\s+(?:with|to)|had\s+(?:[\w-]+\s+){0,2}(?:meetings|talks|discussions|exchanges)|held\s+(?:[\w-]+\s+){0,2}(?:meetings|talks))"
    r"|\bmy\s+(?:[\w-]+\s+)?(?:talks|meetings|discussions)\s+(?:took|brought|were\s+with|included)"
    r"|presented\s+(?:(?:his|her|its|their|the|a|an)\s+)?(?:[\w-]+\s+){0,3}(?:report|findings|recommendations|study|assessment)\s+to\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"|(?:agreement|memorandum|MoU|declaration|protocol|accord|statement|charter|communiqu[eé]|pact|letter\s+of\s+intent)\s+(?:was|were|has\s+been|have\s+been)\s+signed"
    r"|(?:that|who|which)\s+(?:signed|attended|participated|took\s+part)(?:\s+[\w-]+){0,3}\s+(?:are|were|included)(?=\s*:)|\bsignatories\s+(?:are|were|included)\b"
    r"|received\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}delegation|(?:was|were)\s+received\s+(?:[\w,'’-]+\s+){0,8}?by\b|(?:was|were)\s+handed\s+over\s+(?:[\w,'’-]+\s+){0,20}?to\b"
    r"|discussed|(?:delegations?|representatives|experts|officials|prosecutors|judges|participants|trainers|speakers|facilitators|staff)\s+(?:came\s+|arrived\s+|travelled\s+)?from"
    r"|(?:course|training|workshop|seminar|meeting|conference|round\s?table|session|forum|dialogue|consultations?)\s*,?\s+held\s+(?:in|at|on|from)"
    r"|opened\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:conference|meeting|seminar|workshop|training|round\s?table|forum)"
    r"|(?:ran|conducted|delivered)\s+(?:a|an|the|two|three)\s+(?:[\w()-]+\s+){0,5}(?:course|training|workshop|seminar|session)s?"
    # "UNODC trained 25 investigators", "IOM is training delegates of the Police": a training held
    r"|(?<!had\s)(?<!has\s)(?<!have\s)trained\s+(?:some\s+|over\s+|more\s+than\s+|about\s+|around\s+|nearly\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\s"
    r"|(?:is|are|was|were)\s+training\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:officers|officials|investigators|prosecutors|judges|staff|inspectors|delegates|practitioners))\b",
    re.I,
)
#: The verbs of signing (an instrument told of as signed: instruments.signed_instruments)
_SIGNING = re.compile(r"\b(?:signed|signing|signs|inked|endorsed|concluded|renewed|put\s+(?:their|its|his|her)\s+(?:names?|signatures?)\s+to)\b", re.I)
_EVENT_NOUN = r"(?:meeting|meetings|visit|discussion|discussions|conference|training|workshop|seminar|round\s?table|event|talks|session|consultations?|forum|dialogue|course|ceremony|mission|hearing)"
_ANAPHOR = re.compile(
    r"\b(?:during|throughout|at|after|before|following|in\s+the\s+course\s+of|on\s+the\s+sidelines\s+of|opening|closing|the|this|that|a|an|her|his|their)\s+"
    r"(?:(?:beginning|end|start|close|opening|course)\s+of\s+the\s+)?(?:[\w-]+\s+){0,3}" + _EVENT_NOUN + r"\b|\bthe\s+participants\b",
    re.I,
)
#: A sentence naming the event itself with actors in it ("X took part in the session",
#: "staff of X sat down with Y for a working meeting") tells who took part.
_EVENT_SENT = re.compile(
    r"\b(?:(?:working\s+|bilateral\s+|joint\s+|coordination\s+|consultative\s+)?meeting|talks|consultations?|discussions?|workshop|training|seminar"
    r"|round[\s-]?table|conference|forum|session|dialogue|signing|launch(?:\s+event)?|ceremony|course|hearing)\b",
    re.I,
)
#: What speakers do at an event ("X presented the findings", "Y moderated the panel").
_SPEAKER = re.compile(
    r"\b(?:presented|moderated|addressed|briefed|outlined|spoke\s+(?:about|of|on\s+(?:the|a|an|behalf))|gave\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:presentation|overview|keynote|speech)"
    r"|shared\s+(?:the|their|his|her|its)\s+(?:[\w-]+\s+){0,2}(?:experience|findings|practices?)|delivered\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:speech|address|presentation|remarks)"
    r"|words\s+of\s+welcome|(?:opening|welcoming|closing|welcome)\s+(?:remarks|address|speech|statement)|keynote|welcomed\s+(?:the\s+)?(?:participants|delegates|guests|attendees)"
    r"|(?:said|stressed|noted|observed|emphasi[sz]ed|underlined|highlighted|thanked|urged|told)\b(?=[^.]{0,40}\b(?:participants|attendees|delegates|audience|meeting|workshop|conference|seminar|forum|training|event|session)\b))\b",
    re.I,
)
#: Words that introduce who took part, in a sentence that lists them ("They represented A,
#: B and C", "Among the bodies represented were ...", "officials came from A, B, C").
_PARTICIPATION_CUE = re.compile(
    r"\b(?:represent(?:ed|ing|atives?)|participa(?:ted|ting|nts?|tion)|attend(?:ed|ing|ees?)|took\s+part|taking\s+part"
    r"|delegat(?:es|ions?)|joined|came\s+(?:together\s+)?from|sen(?:t|ds|ding)\s+(?:[\w-]+\s+){0,2}(?:officials|representatives|delegations?|delegates|experts|observers|teams?)|(?:were|was)\s+(?:drawn\s+)?from|drawn\s+from|among\s+(?:them|those|the)"
    r"|(?:included|including)\s+(?:representatives|officials|experts|delegations)"
    r"|^(?:signing|attending|present|joining|participating)\b[^.]{0,60}?\b(?:were|was|are)\b)\b",
    re.I,
)
_PLURAL_BODIES = re.compile(r"\b(?:Ministries|Offices|Departments|Agencies|Authorities|Judiciaries|Governments|Embassies|Inspectorates|Prosecutors)\b")
#: "take part in international events organised by A, B and C": other events, habitually
_OTHER_EVENTS = re.compile(r"\b(?:events|activities|meetings|conferences|fora|forums|programmes|programs|projects|initiatives)\s+"
                           r"(?:[\w-]+\s+){0,2}(?:organi[sz]ed|held|run|hosted|led)\s+by\b", re.I)
_MEDIA_EVENT = re.compile(r"\b(?:news|press|media)\s+(?:conference|briefing|event)\b", re.I)
_PLANNED = re.compile(
    r"\b(?:will|shall|is\s+to\s+be|are\s+to\s+be|(?:is|are)\s+to\s+(?:host|hold|convene|organi[sz]e|meet|take\s+place|gather)|to\s+be\s+held|is\s+expected\s+to|are\s+expected\s+to|plans?\s+to|planned|upcoming|forthcoming|next\s+(?:week|month|year)|wish\s+to\s+(?:join|attend|take\s+part)|is\s+scheduled|are\s+scheduled|intends?\s+to|would|agreed\s+to\s+(?:hold|meet|convene|reconvene))\b",
    re.I,
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
#: "the four countries", "the three governments": states listed before, counted
_COUNTED_STATES = re.compile(r"\b(?:the|all|both)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:countries|states|governments|nations)\b", re.I)
#: "set up a group that will share information": what the thing set up will do, not a plan to meet
_WILL_CLAUSE = re.compile(r"\b(?:that|which|who)\s+will\b[^,;.]*")


def _planned(text: str):
    """:data:`_PLANNED` in ``text``, relative clauses about what something will do left out."""
    return _PLANNED.search(_WILL_CLAUSE.sub(" ", text))


#: "The earlier Expert Group meetings were hosted by X": other, earlier events of a series
_EARLIER_EVENTS = re.compile(r"\b(?:earlier|previous|past|prior)\s+(?:(?!this\b|that\b|today\b|in\b|on\b|the\b|a\b|year\b|week\b|month\b)[\w-]+\s+){0,3}"
                             r"(?:meetings|sessions|conferences|workshops|seminars|rounds|editions|visits|trainings)\b", re.I)
_PAST_MEETING = re.compile(
    r"\b(?:meeting|meetings|talks|visit|consultations|negotiations|discussions?|summit)\s+(?:held\s+)?(?:between|of|with)\s+", re.I
)
_EXCLUDE_BEFORE = re.compile(
    r"(?:according\s+to|report(?:ed)?\s+(?:by|of)|study\s+(?:by|of)|survey\s+(?:by|of)|data\s+(?:from|of|by)|estimates?\s+(?:by|of)|cited\s+by"
    r"|(?:figures|findings|statistics|research|analysis|recommendations?)\s+(?:of|by|from)"
    r"|funded\s+by|financed\s+by|co-funded\s+by|co-financed\s+by|supported\s+by|sponsored\s+by|support\s+(?:from|of)|co-financing(?:\s+support)?\s+from"
    r"|funding\s+from|grant\s+from|established\s+by|recommended\s+by|adopted\s+by|ratified\s+by|organi[sz]ed\s+by\s+the\s+UN|member\s+of|members\s+of|framework\s+of|auspices\s+of|priorit(?:y|ies)\s+of|mandate\s+of"
    r"|(?:setting\s+up|establishment|creation|launch|operationali[sz]ation|set-up)\s+of)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_EXCLUDE_AFTER = re.compile(
    r"^['’]?s?\s+(?:has\s+|have\s+)?(?:estimated|estimates|reported|reports|figures|data)\b"
    r"|^\s+(?:Agencies|Member\s+States|Institutions|Bodies|Agencies\s+and\s+Programmes)\b"
    r"|^\s+(?:[a-z][\w-]*\s+){0,2}(?:agencies|countries|states|member|members|activities|projects|programmes|programs|conventions|standards|commitments|recommendations|instruments|decisions|principles|guidelines|resolutions|report|reports|data|estimates|region|regions|territory|territories|citizens|nationals|law|laws|legislation|policy|policies|system|framework|mandate|approach|area|model|work)\b",
)
#: "The Ministry hosted the consultation with support from UNICEF": a body that supports the
#: event itself (not with money) takes part in it
_EVENT_SUPPORT = re.compile(r"\b(?:(?:hosted|organi[sz]ed|convened|held)\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}" + _EVENT_NOUN
                            # "the meeting was held with support from UNODC": the same, told in the passive
                            + r"|(?:was|were)\s+(?:hosted|organi[sz]ed|convened|held))\s+with\s+(?:the\s+)?support\s+(?:from|of)\s+(?:the\s+)?$", re.I)
#: "met members of the X committee": the members met stand for their body (unlike "X is a member of Y")
_MET_MEMBERS = re.compile(r"\b(?:met|meet|meeting|with|received|hosted|joined\s+by|visited)\s+(?:\w+\s+){0,2}?members\s+of\s+(?:the\s+)?$", re.I)
#: "signed on the sidelines of the UN General Assembly in New York": the occasion named after
#: the cue (up to its place, date or the clause's end) is where, not who
_OCCASION = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines|margins|fringes?)\s+of\s+(?:the\s+)?[^,;.]*?(?=[,;.]|\s(?:in|on|at|with|between|and|from)\s|$)", re.I)
#: "thanks to funding from", "made possible by the support of": the payers follow
_PAID_FOR = re.compile(r"\b(?:thanks\s+to|made\s+possible\s+(?:by|through|thanks\s+to)|possible\s+thanks\s+to)\s+(?:the\s+)?(?:generous\s+)?(?:financial\s+)?(?:funding|support|financing|contributions?|grants?)\s+(?:from|of|by)\b", re.I)
_LIST_GLUE = re.compile(r"^(?:\s*(?:,|and|&|,\s*and|as\s+well\s+as|['’]s|\(|\))\s*(?:the\s+)?)+$")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|to|into|at|across|throughout|within|inside|near|from\s+all\s+over|around)\s+(?:the\s+)?$"
                              # "fought in five West African countries, namely Ghana, Togo ...": where, not who
                              r"|\b(?:in|to|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:countries|states|nations)\s*,?\s*(?:namely|including|such\s+as|like|:)\s*(?:the\s+)?$", re.I)
#: "a domestic worker from Sri Lanka", "victims from Nepal": where a private person comes from
_ORIGIN_BEFORE = re.compile(
    r"\b(?:victims?|survivors?|workers?|wom[ae]n|girls?|boys?|men|man|child(?:ren)?|migrants?|nationals?|citizens?|returnees?|refugees?"
    r"|families|family|people|persons|teenagers?|students?)\s+(?:(?:who\s+)?(?:originally\s+|came\s+|coming\s+)?)from\s+(?:the\s+)?$",
    re.I,
)
#: "discussed how Germany should transpose ...": a state in an embedded question is a topic
_TOPIC_BEFORE = re.compile(r"\b(?:how|whether|why|what|where|ways\s+in\s+which)\s+(?:the\s+)?$", re.I)
#: "the University of Georgia", "the National Museum of Qatar": a house named after a state
_NAME_OF_STATE_BEFORE = re.compile(r"\b(?:University|College|School|Museum|Library|Hospital)\s+of\s+(?:the\s+)?$")
_VISIT_BEFORE = re.compile(r"\b(?:visit(?:ed|ing|s)?|visit\s+to|trip\s+to|mission\s+to|(?:then\s+)?(?:travell?ed|went|moved\s+on|continued)\s+to)\s+(?:the\s+)?$", re.I)
#: "(the workshop) held in X", "travelled to X": a lead sentence's place of the event
_LEAD_VENUE_BEFORE = re.compile(r"\b(?:(?:held|hosted|convened|took\s+place)\s+(?:in|at)|(?:travell?ed|came)\s+to)\s+(?:the\s+)?$", re.I)
_TRAVELLED_TO = re.compile(r"\b(?:travell?ed|went|moved\s+on|continued)\s+to\s+([A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?)(?=,\s+where\b|\s+where\b)")
#: "held in Alba Iulia, Romania", "met at Lake Issyk-Kul, Kyrgyzstan": a town the registry
#: lacks, named before the state it lies in (the state's span must follow the comma)
_TOWN_OF_STATE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:(?:city|town|resort|village)\s+of\s+)?"
                            r"([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}),\s+(?:the\s+)?(?=[A-Z])")
#: "held a conference in Dubrovnik, together with", "signed at a ceremony in Ohrid": a town
#: the registry lacks, right after the event's noun or verb
_EVENT_IN_TOWN = re.compile(r"\b(?i:conference|meeting|workshop|seminar|ceremony|course|forum|summit|round[- ]?table|"
                            r"(?:was|were)\s+held|took\s+place)\s+in\s+([A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?)"
                            r"(?=\s*[,.;]|\s+(?:on|from|between|during|and|with|to|at|for|in)\b)")
#: "Durban, South Africa, was the venue of the workshop": the place the sentence opens with
_VENUE_OF = re.compile(r"(?:On\s+[^,]{3,30}?\s+)?([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})(?:,\s+[A-Z][\w'’ -]+?)?,?\s+(?:was|is)\s+(?:the\s+)?(?:venue|host\s+city|setting)\b")
#: Sentences that refer back to the event's company: "the delegation consisted of ...",
#: "the parties agreed", "both sides".
_REFER = re.compile(r"\b(?:the|its|this)\s+(?:delegation|parties|participants|two\s+sides)\b|\bboth\s+sides\b", re.I)
#: A programme sentence that tells of its launch event: its date and place are the event's.
_LAUNCH = re.compile(r"\b(?:launch(?:ed|es)|present(?:ed|s)|unveil(?:ed|s)|signed|deposited)\b", re.I)
#: "at the ILO Country Office", "at the premises of X": the body whose house it is hosts
_AT_HOST = re.compile(r"\bat\s+(?:the\s+)?(?:premises\s+of\s+|headquarters\s+of\s+|offices?\s+of\s+)?(?:the\s+)?$", re.I)
#: "KATHMANDU, 17 August 2021 -": the day of issue, not of the event
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’/-]{1,40}(?:\([^)]*\))?,?\s+[^-–—]{0,25}?\s*[-–—]\s")
#: Participles that place the event itself: "held in", "hosted in".
_EVENT_PARTICIPLES = frozenset("""held hosted convened organised organized gathered opened closed
    launched signed staged conducted delivered attended chaired met begun""".split())
_TOGETHER = re.compile(r"\b(?:together|jointly)\s+with\b|\balongside\b", re.I)
#: "X, (working) in partnership with Y, launches ...": the partner joins the subject
_PARTNERED = re.compile(r"\b(?:in\s+(?:partnership|cooperation|collaboration)|together|jointly)\s+with\b", re.I)
#: "HAART, in partnership with GIZ, held a conference": a body the registry lacks, named as the
#: subject of a verb of holding an event (an acronym, or a name ending in a word for a body)
_UNKNOWN_HOST = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\d{4}\s)|(?<=\d{4},\s))(?:The\s+)?((?:[A-Z]{2,8})|(?:[A-Z][\w'’&-]+\s+){1,4}(?:Group|Foundation|Network|Association|Institute|Coalition|Alliance|Society|Trust))"
    r"(?:\s*,\s*(?:working\s+)?(?:in\s+(?:partnership|cooperation|collaboration)|together|jointly)\s+with\s+[^,;.]{2,80},)?"
    r"\s+(?:(?:co-)?(?:held|organi[sz]ed|hosted|convened|facilitated|ran|conducted))\s+(?:a|an|the|its|this)\s+(?:[\w-]+\s+){0,3}" + _EVENT_NOUN + r"\b")
#: A relative clause whose subject issued a text: "which the National Assembly adopted".
_ISSUED_AFTER = re.compile(r"\s+(?:has\s+|had\s+)?(?:adopted|passed|enacted|approved|ratified|issued|published|drafted)\b")
#: Where a programme's own clause starts in a sentence that also tells of a meeting.
_PROGRAMME_CLAUSE = re.compile(
    r",\s*(?:which|that)\b|\b(?:(?:co-)?funded|financed|implemented|carried\s+out)\s+by\b|\b(?:funds|finances|implements)\b")
_ACTOR_BEFORE = re.compile(r"\b(?:from|of|with|between|by)\s+(?:the\s+)?$", re.I)
_QUOTES = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")
_TYPES = [
    (re.compile(r"\bregional\s+(?:discussion|consultation|dialogue|meeting|conference|workshop)", re.I), "tip:RegionalDiscussion"),
    (re.compile(r"\bround[\s-]?tables?\b", re.I), "tip:RoundTable"),
    (re.compile(r"\b(?:training|trainings|workshop|seminar|course|webinar)\b", re.I), "tip:Training"),
    (re.compile(r"\bsign(?:ing|ed)\s+(?:ceremony|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:memorandum|agreement|MoU|declaration))", re.I), "tip:SigningCeremony"),
    (re.compile(r"(?<!news )(?<!press )(?<!media )\b(?:conference|forum|summit|symposium|congress)\b", re.I), "tip:Conference"),
    (re.compile(r"\bworking\s+meeting\b", re.I), "tip:WorkingMeeting"),
    (re.compile(r"\b(?:official|working|state|study|country|bilateral|fact-finding)?\s*visit(?:ed|ing|s)?\b", re.I), "tip:OfficialVisit"),
]


@dataclass
class _Draft:
    status: str = "held"
    participants: list[Entity] = field(default_factory=list)
    organizers: list[Entity] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    locations: list[Entity] = field(default_factory=list)
    instruments: list[Entity] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    type_text: list[str] = field(default_factory=list)

    def add(self, attr: str, e: Entity) -> None:
        if "tip:MediaOrganization" in e.types:
            return  # "(KUNA) --", "told the Saudi Press Agency": the wire reports the event
        lst = getattr(self, attr)
        if all(x.iri != e.iri for x in lst):
            lst.append(e)

    def actors(self, affiliation) -> set[str]:
        out = set()
        for e in self.participants + self.organizers:
            aff = affiliation.get(e.iri) if e.kind == "Person" else None
            out.add((aff or e).iri)
        return out


def quote_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def _in(ranges, pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _dateline_day(ctx: DocContext):
    """The day a dateline gives ("**Bishkek, 26 September 2024** – ... held a round table
    today"): "today" in the text is that day, even when the page's metadata carries a later
    date of posting."""
    place = ctx.dateline_place
    if not place:
        return None
    i = ctx.text.lower().find(place.lower(), 0, 800)
    if i < 0 or i > 800:
        return None
    line = re.split(r"\s[-–—]\s|\n", ctx.text[i : i + 80], maxsplit=1)[0]
    values = [v for dm in find_dates(line, None) for v in dm.values]
    if len(values) != 1 or len(str(values[0].value)) != 10:
        return None
    try:
        return date.fromisoformat(str(values[0].value))
    except ValueError:
        return None


#: when a body came to be, not when it met: "set up by a decree of the Cabinet on 5 March"
_FOUNDED_ON = re.compile(r"\b(?:set\s+up|established|founded|created|formed)\s+(?:(?:by|under|through)\s+[^,;.]{0,70}?\s+)?(?:on|in)\s+(?:the\s+)?$", re.I)
#: "last week", "earlier this month": the event was before the day of issue
_EARLIER = re.compile(r"\b(?:last|past|earlier\s+this|previous)\s+(?:week|month|weekend)\b|\brecently\b", re.I)
_SAME_DAY = re.compile(r"\b(?:the|that)\s+same\s+day\b|\bon\s+that\s+day\b|\bthe\s+same\s+date\b", re.I)


def _same_day(ctx: DocContext, dates: dict[int, list[DateMention]]) -> None:
    """"The same day, in Bangkok, the meeting was held": a sentence without a date of its own
    that points back takes the last day the sentence before it names."""
    for prev, s in zip(ctx.sentences, ctx.sentences[1:]):
        m = _SAME_DAY.search(s.text)
        if m is None or dates[s.index]:
            continue
        days = [dm for dm in dates[prev.index] if all(v.precision == "day" for v in dm.values)]
        if days:
            dates[s.index] = [DateMention(m.start(), m.end(), days[-1].values, True)]


#: "... came up with these 11 recommendations:": a list of points, not of those who took part
_NOT_PEOPLE_LIST = re.compile(r"\b(?:recommendations|conclusions|issues|topics|points|objectives|priorities|steps|measures"
                              r"|areas|results|outcomes|goals|actions|questions|findings|commitments|themes)\b[^:]*:\s*$", re.I)
#: a headline's verb that makes its subject the host of the event: "X Trains Officials"
_HEADLINE_HOST = re.compile(r"^[^,:;]{2,60}?\s(?:Trains?|Hosts?|Holds?|Organi[sz]es|Convenes?|Conducts?|Brings\s+Together)\s", re.I)


class MeetingExtractor:
    def __init__(self, ctx: DocContext, affiliation: dict[str, Entity | None], claimed: set[int]):
        self.ctx = ctx
        self.affiliation = affiliation  # person IRI -> affiliation
        self.claimed = claimed  # sentence indexes used by programmes/ratifications
        self.quotes = quote_ranges(ctx.text)
        pub = _dateline_day(ctx) or ctx.doc.published
        self.dates = {s.index: find_dates(s.text, pub, ctx.doc.year) for s in ctx.sentences}
        _same_day(ctx, self.dates)
        #: days read only from a sentence's dateline: the day of issue, which gives way to the
        #: event's own days told elsewhere
        self.issue_days: set[DateValue] = set()

    # -- actors of one stretch of text --------------------------------------------
    def actor_spans(self, a: int, b: int, *, persons_only: bool = False) -> list[ActorSpan]:
        text = self.ctx.text
        spans = [s for s in self.ctx.spans_in(a, b, ("Organization", "State", "Person", "Place"))
                 if not _in(self.quotes, s.start)]
        out: list[ActorSpan] = []
        dl_place = (self.ctx.dateline_place or "").lower()
        if self.ctx.body_dateline is not None and self.ctx.body_dateline[0] == a:
            spans = [s for s in spans if s.start >= self.ctx.body_dateline[1]]
        elif dl_place and text[a : a + len(dl_place)].lower() == dl_place:
            dl = _DATELINE.match(text[a : min(b, a + 80)])
            if dl:  # "LYON, France - Police chiefs met ...": the dateline's state took no part
                spans = [s for s in spans if s.start >= a + dl.end()]
            credits = re.match(r"[^()]{2,60}?,?\s*\([^()]{2,80}\)", text[a : min(b, a + 150)])
            if credits:  # "ABU DHABI, (UrduPoint / WAM - 06th Nov, 2021) ...": wire credits
                spans = [s for s in spans if s.start >= a + credits.end()]
        paid = _PAID_FOR.search(text, a, b)
        if paid is not None:
            # "The seminar could take place thanks to funding from A and from B": whoever
            # pays for the event after the cue took no part in it
            spans = [s for s in spans if s.start < paid.start()]
        occasions = [(m.start(), m.end()) for m in _OCCASION.finditer(text, a, b)]
        if occasions:
            spans = [s for s in spans if s.entity.kind == "Person" or not _in(occasions, s.start)]
        excluded_chain = False
        locative_chain = False
        prev_end = None
        for s in spans:
            before = text[max(a, s.start - 60) : s.start]
            glue = text[prev_end : s.start] if prev_end is not None else None
            chained = glue is not None and _LIST_GLUE.match(glue) is not None
            if not chained:
                excluded_chain = bool(_EXCLUDE_BEFORE.search(before)) and not _EVENT_SUPPORT.search(text[a : s.start]) \
                    and not _MET_MEMBERS.search(before)
                # "heading to the Russian Federation and Kazakhstan": every state of the list is a place
                locative_chain = s.entity.kind in ("State", "Place") and bool(_LOCATIVE_BEFORE.search(before))
            prev_end = s.end
            if excluded_chain:
                continue
            if persons_only and s.entity.kind != "Person":
                continue
            if s.entity.kind == "Place":
                continue
            after = text[s.end : s.end + 60]
            if s.entity.kind in ("Organization", "State") and self._modifier(s, spans):
                continue
            if s.entity.kind == "Organization" and not s.text.isupper() and "tip:IntergovernmentalOrganization" not in s.entity.types \
                    and _POSSESSED_LIST.search(text[max(a, s.start - 160) : s.start]):
                continue  # "on behalf of their Immigration, Police Service, Customs": kinds of bodies
            if s.entity.kind == "Organization" and not s.entity.in_registry and _PLURAL_BODIES.search(s.text):
                continue  # "the Ministries of Justice of A, B and C": the states stand for their bodies
            if s.entity.kind == "State" and (self._glued_to_body(s) or _NAME_OF_STATE_BEFORE.search(before)):
                continue  # "the Joint Fund for CARICOM-SPAIN Cooperation", "the University of Georgia": part of a name
            if s.entity.kind == "State":
                if _LOCATIVE_BEFORE.search(before) or _TOPIC_BEFORE.search(before) or re.match(r"^['’]s\b", after) or locative_chain \
                        or _ORIGIN_BEFORE.search(before):
                    continue
            if s.entity.kind in ("State", "Organization") and any(ta <= s.start and s.end <= tb for ta, tb in self.ctx.title_ranges):
                continue  # a body named in a post: the person and their affiliation stand for it
            if s.entity.kind in ("Organization", "State") and self._names_instrument(s):
                continue
            if s.entity.kind in ("Organization", "State") and re.search(r"\b(?:which|that)\s+(?:the\s+)?$", before) \
                    and _ISSUED_AFTER.match(after):
                continue  # "the Law on X, which the National Assembly adopted in 2024": its issuer
            if s.entity.kind == "Organization" and out and out[-1].entity.kind == "Organization" \
                    and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[out[-1].end : s.start]):
                continue  # "the Border Service of the National Security Committee": the unit's parent
            out.append(s)
        return out

    def _glued_to_body(self, s: ActorSpan) -> bool:
        """A state's name joined by a hyphen to a body's name ("CARICOM-Spain"): a name's part."""
        text = self.ctx.text
        if s.start > 0 and text[s.start - 1] == "-":
            others = [o for o in self.ctx.overlapping(max(0, s.start - 2), s.start - 1) if o.end == s.start - 1]
        elif text[s.end : s.end + 1] == "-":
            others = [o for o in self.ctx.overlapping(s.end + 1, s.end + 2) if o.start == s.end + 1]
        else:
            return False
        return any(o.entity.kind == "Organization" for o in others)

    def _names_instrument(self, s: ActorSpan) -> bool:
        """"the United Nations Protocol to Prevent ...", "the OSCE Action Plan": the issuer of an instrument."""
        gap = re.match(r"['’]?s?\s{1,2}", self.ctx.text[s.end : s.end + 3])
        if gap is None:
            return False
        nxt = self.ctx.span_at(s.end + gap.end())
        return nxt is not None and nxt.entity.kind == "LegalInstrument"

    def _modifier(self, s: ActorSpan, spans: list[ActorSpan]) -> bool:
        """An actor used as a modifier: "UN agencies", "the UN, ILO, OSCE conventions"."""
        text = self.ctx.text
        end = s.end
        # walk to the end of the list this span belongs to
        idx = spans.index(s)
        while idx + 1 < len(spans) and _LIST_GLUE.match(text[end : spans[idx + 1].start] or "x"):
            idx += 1
            end = spans[idx].end
        return bool(_EXCLUDE_AFTER.search(text[end : end + 60]))

    def locations(self, a: int, b: int) -> list[Entity]:
        text = self.ctx.text
        out = []
        prev = None  # the last place taken: "in Nicosia and Limassol" takes both
        for s in self.ctx.spans_in(a, b, ("Place", "State")):
            chained = prev is not None and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[prev.end : s.start])
            prev = None
            if chained and s.entity.kind == "Place" and not _in(self.quotes, s.start):
                out.append(s.entity)
                prev = s
                self._unknown_next_place(s, out)
                continue
            if _in(self.quotes, s.start) or any(ta <= s.start < tb for ta, tb in self.ctx.title_ranges):
                continue  # "Chief of Mission of IOM in Argentina": part of a post, not a venue
            if self._office_of_org(s.start):
                continue
            before = text[max(a, s.start - 40) : s.start]
            if re.search(r"\b(?:which|that)\s+(?:was|were|had\s+been|has\s+been|is)\s+(?:[a-z]+\s+){1,2}in\s+(?:the\s+)?$", before):
                continue  # "the Directive, which was agreed in Brussels": where something else happened
            pm = re.search(r"\b([a-z]+(?:ed|en|ked|ght))\s+in\s+(?:the\s+)?$", before)
            if pm and pm.group(1) not in _EVENT_PARTICIPLES:
                continue  # "statements taken in Romania", "workers recruited in Nepal": not the venue
            if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before, re.I) and (
                    not re.search(r"\b(?:accredited|based|embassies|offices?|living|born|situation)\s+in\s+(?:the\s+)?$", before, re.I)
                    or re.search(r"\bat\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}office\s+in\s+$", before, re.I)):  # "at the DOJ main office in Manila"
                out.append(s.entity)
                prev = s
                self._unknown_next_place(s, out)
            elif _VISIT_BEFORE.search(before):
                out.append(s.entity)
                prev = s
                self._unknown_next_place(s, out)
        self._unknown_towns(a, b, out)
        for m in _TRAVELLED_TO.finditer(text, a, b):
            # "then travelled to Balti, where she met ...": a town the registry lacks
            if not self.ctx.overlapping(m.start(1), m.end(1)) and not any(w in NOT_NAME for w in m.group(1).split()):
                ent = self.ctx.resolver.resolve(m.group(1), "Place") or self.ctx.resolver.resolve_or_create(m.group(1), "Place")
                if ent.kind == "Place" and all(e.iri != ent.iri for e in out):
                    out.append(ent)
        return out

    def _unknown_towns(self, a: int, b: int, out: list[Entity]) -> None:
        """Towns the registry lacks, named where an event took place: "held in Alba Iulia,
        Romania" (a name before its state) and "Durban, South Africa, was the venue"."""
        text = self.ctx.text
        found: list[tuple[int, str, Entity | None]] = []
        for m in _TOWN_OF_STATE.finditer(text, a, b):
            nxt = self.ctx.span_at(m.end())
            if nxt is not None and nxt.entity.kind == "State":
                found.append((m.start(1), m.group(1), self.ctx.state_of(nxt.entity)))
        for m in _EVENT_IN_TOWN.finditer(text, a, b):
            found.append((m.start(1), m.group(1), None))
        v = _VENUE_OF.match(text, a, b)
        if v:
            found.append((v.start(1), v.group(1), None))
        for at, name, state in found:
            if _in(self.quotes, at) or any(ta <= at < tb for ta, tb in self.ctx.title_ranges) \
                    or any(w in NOT_NAME for w in name.split()):
                continue
            known = [sp for sp in self.ctx.overlapping(at, at + len(name))]
            if known:
                ent = known[0].entity if known[0].entity.kind == "Place" and known[0].start == at else None
            else:
                hit = self.ctx.resolver.resolve(name, "Place")
                ent = hit or self.ctx.resolver.resolve_or_create(name, "Place", part_of=state)
            if ent is not None and ent.kind == "Place" and all(e.iri != ent.iri for e in out):
                out.append(ent)

    def _unknown_next_place(self, prev: ActorSpan, out: list[Entity]) -> None:
        """ "in Nicosia and Limassol": a town the registry lacks, joined to a known one."""
        m = re.match(r"\s+and\s+([A-Z][a-z'’-]+)(?=\s*[,.;]|\s+(?:on|from|in|between|during|to|the|and|with|at|for)\b)", self.ctx.text[prev.end : prev.end + 40])
        if m is None or prev.entity.kind != "Place":
            return
        a = prev.end + m.start(1)
        if self.ctx.overlapping(a, a + len(m.group(1))) or m.group(1) in NOT_NAME:
            return
        ent = self.ctx.resolver.resolve(m.group(1), "Place") or self.ctx.resolver.resolve_or_create(m.group(1), "Place")
        if ent.kind == "Place" and all(e.iri != ent.iri for e in out):
            out.append(ent)

    def _office_of_org(self, pos: int) -> bool:
        """ "the International Organization for Migration (IOM) in Argentina": where a body
        has its office, not where the event took place."""
        m = re.search(r"(?:\s*\([A-Z][\w/&-]*\))?\s+in\s+(?:the\s+)?$", self.ctx.text[max(0, pos - 30) : pos])
        if m is None:
            return False
        end = pos - len(m.group())
        text = self.ctx.text
        # only after "of": "at the Ministry of Justice in Niamey" is the venue
        return any(sp.end == end and sp.entity.kind == "Organization"
                   and re.search(r"\b(?:of|from)\s+(?:the\s+)?$", text[max(0, sp.start - 12) : sp.start])
                   # "on the sidelines of the UN General Assembly in New York": the occasion's place
                   and not _OCCASION.match(text, max(0, text.rfind(" on ", 0, sp.start), text.rfind(" at ", 0, sp.start)) + 1)
                   for sp in self.ctx.overlapping(max(0, end - 1), end))

    # -- the meetings -----------------------------------------------------------------
    def extract(self) -> list[MeetingFact]:
        ctx = self.ctx
        main = _Draft()
        others: list[_Draft] = []
        planned: list[_Draft] = []
        title = ctx.doc.title or ""
        if title:
            main.type_text.append(title)
        listing = False  # "The panel brought together:" and the list items below it
        for s in ctx.sentences:
            text = s.text
            if listing and re.match(r"[-•*]\s", text) and not _planned(text):
                self._fill(main, s, full=True)
                continue
            listing = False
            held = [m for m in _HELD.finditer(text) if not _in(self.quotes, s.start + m.start())] or self._signing(s)
            anaphor = [m for m in _ANAPHOR.finditer(text) if not _MEDIA_EVENT.search(m.group())]
            # past meetings mentioned in passing, with their own date
            for pm in _PAST_MEETING.finditer(text):
                past = self._past_meeting(s, pm)
                if past is not None:
                    others.append(past)
                    text_cut = pm.start()
                    held = [m for m in held if m.start() < text_cut]
            if s.index in self.claimed and not held:
                if _LAUNCH.search(text) and not _planned(text):
                    # "... launched the X initiative, financed by A and implemented in B and C":
                    # the places after the programme's own clause are its target regions
                    self._when_where(main, self._before_programme(s, _LAUNCH.search(text).end()))
                    joint = self._joint_launchers(s, _LAUNCH.search(text).start())
                    dated = any(v.precision == "day" for dm in self._event_dates(s) for v in dm.values)
                    if len(joint) >= 2 and (dated or re.search(r"\btogether\b|\bceremony\b", text)):
                        # "IOM and the Ministry of Gender launched a project on 10 January": the
                        # launch is an event of the two that launched it together
                        for e in joint:
                            self._add_actor(main, e)
                        main.evidence.append(text)
                    if _TOGETHER.search(text):
                        # "the Ambassador, X, launched the project together with Deputy Minister
                        # Y and Z": the people who launched it met; the programme's bodies did not
                        for sp in self.actor_spans(s.start, s.end, persons_only=True):
                            self._add_actor(main, sp.entity)
                        main.evidence.append(text)
                continue
            if held:
                clause_planned = any(_planned(text[max(0, m.start() - 60) : m.end() + 10]) for m in held)
                target = _Draft(status="planned") if clause_planned else main
                if not clause_planned and (self._earlier_event(s, main) or self._signed_earlier(s, held)
                                           or _EARLIER_EVENTS.search(text[: held[0].start()])):
                    # "When EU and ECOWAS ministers met in Abuja in 2019, ...": another, earlier meeting
                    target = _Draft()
                    others.append(target)
                self._fill(target, self._before_programme(s, held[0].end()) if s.index in self.claimed else s, full=True)
                target.type_text.append(text)
                if clause_planned:
                    planned.append(target)
                listing = target is main and text.rstrip().endswith(":") and not _NOT_PEOPLE_LIST.search(text[-80:])
            elif self._lists_participants(s, main):
                self._fill(main, s, full=True)
            elif anaphor and not any(_MEDIA_EVENT.search(text[max(0, m.start() - 10): m.end()]) for m in anaphor):
                if _planned(text):
                    continue
                # noun-based: a sentence that names the event and an actor tells who took part
                self._fill(main, s, full=bool(_EVENT_SENT.search(text)))
            elif main.evidence and _REFER.search(text) and not _planned(text):
                self._fill(main, s, full=True)
            elif main.evidence and _SPEAKER.search(text) and not _planned(text) and s.index not in self.claimed:
                # "X, head of Y, presented the report": a speaker at the event told of; only
                # persons (with their bodies) count, as the sentence may name other things
                for sp in self.actor_spans(s.start, s.end, persons_only=True):
                    self._add_actor(main, sp.entity)
            elif main.evidence and self._subject_is_participant(s, main):
                for sp in ctx.spans_in(s.start, s.end, ("LegalInstrument",)):
                    main.add("instruments", sp.entity)
        if main.evidence and main.status == "held" and not main.dates:
            main.dates.extend(self._lead_days(main))
        if main.evidence and main.status == "held" and not main.locations:
            for e in self._lead_venues(main):
                main.add("locations", e)
        _prune_dates(main)
        if any(v.precision == "day" and v not in self.issue_days for v in main.dates):
            main.dates = [v for v in main.dates if v not in self.issue_days]
        if main.evidence and main.status == "held" and not main.organizers:
            for e in self._headline_host(title):
                main.add("organizers", e)
        if main.evidence and main.status == "held":
            # the instruments a report about one event discusses frame that event
            for sp in ctx.spans:
                if sp.entity.kind == "LegalInstrument":
                    main.add("instruments", sp.entity)
            for sp in ctx.signed:
                main.add("instruments", sp.entity)
        out = []
        for d, kind in [(main, None), *[(o, None) for o in others], *[(p, None) for p in planned]]:
            if len(d.actors(self.affiliation)) < 2:
                continue
            if d is main and ctx.dateline_place:
                place = self._dateline_place()
                if place is not None and (not d.locations or (self._dateline_in_lead() and not self._elsewhere(place, d))):
                    d.add("locations", place)
            self._one_state_of_venues(d)
            out.append(MeetingFact(
                meeting_type=self._type(d),
                participants=d.participants,
                organizers=d.organizers,
                dates=d.dates,
                locations=d.locations,
                instruments=d.instruments,
                status=d.status,
                evidence=" ".join(dict.fromkeys(d.evidence)),
            ))
        return out

    def _fill(self, d: _Draft, s, *, full: bool) -> None:
        ctx = self.ctx
        spans = self.actor_spans(s.start, s.end, persons_only=not full)
        visited_with_meeting = full and re.search(r"\bvisit(?:ed|ing)?\b.*\bmeet(?:ing|s)?\s+with\b|\bmet\s+with\b.*\bvisit", s.text, re.I)
        for sp in spans:
            self._add_actor(d, sp.entity)
        if full:
            for e in self._numbered_states(s):
                self._add_actor(d, e)  # "a meeting of authorities of the four countries"
        if full and ctx.author is not None and FIRST_PERSON.search(s.text):
            self._add_actor(d, ctx.author)  # "I met ...": the statement's author took part
        if full:
            self._unknown_host(d, s)
        org_m = re.search(r"\b(?:co-)?(?:organi[sz]ed|hosted|convened)\b(?!\s+by)", s.text) if full else None
        if org_m:
            for sp in spans:
                if sp.end <= s.start + org_m.start() and sp.entity.kind in ("Organization", "State"):
                    d.add("organizers", sp.entity)
        by_m = re.search(r"\b(?:organi[sz]ed|hosted|convened)\s+by\s+", s.text) if full else None
        if by_m:
            for sp in spans:
                if sp.start >= s.start + by_m.end() and sp.start <= s.start + by_m.end() + 120:
                    d.add("organizers", sp.entity)
                    break
        for loc in self.locations(s.start, s.end):
            d.add("locations", loc)
        if visited_with_meeting:
            # "toured Province X and met its governor": the authorities of the visited place took part
            for sp in ctx.spans_in(s.start, s.end, ("Place", "State")):
                if _VISIT_BEFORE.search(ctx.text[max(s.start, sp.start - 30) : sp.start]):
                    d.add("participants", self._authority(sp.entity))
        for dm in self._event_dates(s):
            for v in dm.values:
                if v not in d.dates:
                    d.dates.append(v)
        for sp in ctx.spans_in(s.start, s.end, ("LegalInstrument",)):
            d.add("instruments", sp.entity)
        for sp in ctx.signed:
            if s.start <= sp.start < s.end:
                d.add("instruments", sp.entity)  # what was signed at it
        d.evidence.append(s.text)

    def _unknown_host(self, d: _Draft, s) -> None:
        """The host of the event named by a name no span covers ("HAART ... held a conference"):
        created as a body, as the registry cannot know every NGO that runs an event."""
        m = _UNKNOWN_HOST.search(s.text)
        if m is None:
            return
        name = m.group(1)
        at = s.start + m.start(1)
        if self.ctx.overlapping(at, at + len(name)) or _in(self.quotes, at) or any(w in NOT_NAME for w in name.split()):
            return
        d.add("organizers", self.ctx.resolver.resolve_or_create(name, "Organization"))

    def _signing(self, s) -> list[re.Match]:
        """The signing verb of a sentence that tells of an instrument signed at the event
        ("A Memorandum ... was signed today by A and B", "A and B signed the second phase of
        an agreement"): the signing is the event, whatever the verb's distance from it."""
        sources = {sp.source for sp in self.ctx.signed if s.start <= sp.start < s.end}
        if "signed" not in sources and not ("signed-earlier" in sources and any(
                dm.values[0].precision != "year" for dm in self._event_dates(s))):
            return []  # an earlier signing is an event of its own when the sentence dates it
        return [m for m in _SIGNING.finditer(s.text) if not _in(self.quotes, s.start + m.start())]

    def _signed_earlier(self, s, held: list[re.Match]) -> bool:
        """A sentence that tells only of an instrument signed before the event ("The original
        agreement was signed on 10 October 2005"): that signing was another, earlier meeting."""
        if not all(re.search(r"sign", m.group(), re.I) for m in held):
            return False
        spans = [sp for sp in self.ctx.signed if s.start <= sp.start < s.end]
        return bool(spans) and all(sp.source == "signed-earlier" for sp in spans)

    def _numbered_states(self, s) -> list[Entity]:
        """The states that "the four countries" counts: the last list of that many states
        named before the sentence ("the United States, Mexico, Guatemala and Honduras")."""
        m = _COUNTED_STATES.search(s.text)
        if m is None:
            return []
        n = _COUNT_WORDS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        if n < 2:
            return []
        text = self.ctx.text
        states = [sp for sp in self.ctx.spans_in(0, s.start + m.start(), ("State",))]
        run: list[ActorSpan] = []
        for sp in reversed(states):
            if run and not re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?", text[sp.end : run[-1].start]):
                if len({r.entity.iri for r in run}) == n:
                    break
                run = []
            run.append(sp)
        found = list({r.entity.iri: r.entity for r in reversed(run)}.values())
        return found if len(found) == n else []

    def _joint_launchers(self, s, verb_start: int) -> list[Entity]:
        """The bodies joined by "and" that are the subject of a launch verb."""
        spans = [sp for sp in self.actor_spans(s.start, s.start + verb_start) if sp.entity.kind in ("Organization", "State")]
        if len(spans) < 2 or not (re.search(r"\band\b", self.ctx.text[spans[0].end : spans[-1].start])
                                  or _PARTNERED.search(self.ctx.text[spans[0].end : spans[-1].start])):
            return []
        if re.search(r"[,;]\s*(?:which|who|that)\b|\bby\b", self.ctx.text[spans[0].end : s.start + verb_start]):
            return []
        out: list[Entity] = []
        for sp in spans:
            if all(sp.entity.iri != e.iri for e in out):
                out.append(sp.entity)
        return out

    @staticmethod
    def _before_programme(s, after: int):
        """The part of a programme sentence that tells of the meeting: "The dialogue took place
        under the project X, which the EU funds ... in A and B" -> up to ", which"; the
        funders, implementers and target regions after it are the programme's, not the event's."""
        m = _PROGRAMME_CLAUSE.search(s.text, after)
        if m is None:
            return s
        return replace(s, text=s.text[: m.start()], end=s.start + m.start())

    def _when_where(self, d: _Draft, s) -> None:
        """Only the date and place of a sentence (its actors are a programme's)."""
        for loc in self.locations(s.start, s.end):
            d.add("locations", loc)
        for dm in self._event_dates(s):
            for v in dm.values:
                if v not in d.dates:
                    d.dates.append(v)
        for sp in self.ctx.spans_in(s.start, s.end, ("Organization",)):
            if _AT_HOST.search(self.ctx.text[max(s.start, sp.start - 40) : sp.start]):
                self._add_actor(d, sp.entity)

    def _event_dates(self, s) -> list[DateMention]:
        dms = [dm for dm in self.dates[s.index] if not _in(self.quotes, s.start + dm.start) and self._date_context_ok(s.text, dm)]
        dl = _DATELINE.match(s.text)
        if dl and (len(dms) > 1 or _EARLIER.search(s.text, dl.end())):
            # the dateline's day is the day of issue ("19 December 2024 - Last week ... met")
            dms = [dm for dm in dms if dm.start >= dl.end()]
        elif dl:
            self.issue_days |= {v for dm in dms if dm.start < dl.end() for v in dm.values}
        return dms

    def _lead_days(self, main: _Draft) -> list[DateValue]:
        """The days the lead sentence gives ("From 16 to 20 May 2022 GRETA was in Serbia for
        its evaluation visit", "X took a further step on 14 November 2024 ..."), for an event
        its other sentences tell without a date: a release opens with when its event was. The
        lead must name one of the event's actors (or their state); a day relative to a
        statement ("said on Tuesday") is the statement's."""
        bodies = [(self.affiliation.get(e.iri) or e) if e.kind == "Person" else e for e in main.participants + main.organizers]
        iris = {e.iri for e in bodies}
        states = {st.iri for st in (self.ctx.state_of(e) for e in bodies) if st is not None}
        for s in self.ctx.sentences[:3]:
            dms = [dm for dm in self._event_dates(s) if not dm.relative and all(v.precision == "day" for v in dm.values)]
            if not dms or _planned(s.text) or any(v in self.issue_days for v in dms[0].values):
                continue
            named = [self.affiliation.get(sp.entity.iri) or sp.entity for sp in self.actor_spans(s.start, s.end)]
            if any(e.iri in iris or (e.kind == "State" and e.iri in states) for e in named):
                return list(dms[0].values)
        return []

    def _authority(self, place: Entity) -> Entity:
        """The government of a visited place: the state itself, or "Government of <region>"."""
        if place.kind == "State":
            return place
        return self.ctx.resolver.resolve_or_create(f"Government of the {place.label}" if place.label.startswith("Republic") else f"Government of {place.label}",
                                                   "Organization", country=self.ctx.country,
                                                   part_of=self.ctx.country)

    def _date_context_ok(self, text: str, dm: DateMention) -> bool:
        """Drop dates that clearly belong to something else: "since 2000", "adopted in 2015"."""
        before = text[max(0, dm.start - 30) : dm.start]
        if re.search(r"\b(?:since|until|by|adopted|ratified|established|founded|for)\s*$", before, re.I):
            return False
        if _FOUNDED_ON.search(text[max(0, dm.start - 90) : dm.start]):
            return False  # "was set up by a decision of the Council of Ministers on 5 February 2018"
        return True

    def _headline_host(self, title: str) -> list[Entity]:
        """"IOM Jordan Trains Officials on ...", "OSCE Hosts Regional Meeting": the body a
        headline opens with, as the subject of an event verb, held the event it tells of."""
        m = _HEADLINE_HOST.search(title)
        if m is None:
            return []
        return [mn.entity for mn in self.ctx.resolver.find_mentions(title[: m.end()])
                if mn.entity.kind in ("Organization", "State") and mn.start == 0]

    def _add_actor(self, d: _Draft, e: Entity) -> None:
        d.add("participants", e)
        if e.kind == "Person":
            aff = self.affiliation.get(e.iri)
            if aff is not None:
                d.add("participants", aff)

    def _past_meeting(self, s, pm) -> _Draft | None:
        """"the meeting between X and Y in 2013": its own meeting, when it has its own date."""
        ctx = self.ctx
        a = s.start + pm.end()
        rest = ctx.text[a : s.end]
        dms = [dm for dm in self.dates[s.index] if dm.start >= pm.end() and not dm.relative]
        if not dms:
            return None
        dm = dms[0]
        end = s.start + dm.start
        if end - a > 250:
            return None
        pub = ctx.doc.published
        first = dm.values[0].value
        if pub is not None and first[:4] >= pub.isoformat()[:4] and dm.values[0].precision == "year":
            return None
        d = _Draft()
        for sp in ctx.spans_in(a, end, ("Organization", "State", "Person")):
            self._add_actor(d, sp.entity)
        d.dates.extend(dm.values)
        d.evidence.append(s.text)
        d.type_text.append(ctx.text[s.start + pm.start() : end])
        del rest
        return d

    def _earlier_event(self, s, main: _Draft) -> bool:
        """A sentence about a meeting in an earlier year than the main event's, which is known."""
        if not main.evidence or not main.dates:
            return False
        dms = [dm for dm in self._event_dates(s) if not dm.relative]
        if not dms:
            return False
        years = {v.value[:4] for v in main.dates if v not in self.issue_days}
        if not years:
            return False
        return all(v.value[:4] < min(years) for dm in dms for v in dm.values)

    def _lists_participants(self, s, main: _Draft) -> bool:
        """A sentence of the story that lists three or more bodies or states after a word of
        taking part: the list tells who took part in the event already told of."""
        if s.index in self.claimed or _planned(s.text) or not _PARTICIPATION_CUE.search(s.text) \
                or _OTHER_EVENTS.search(s.text):
            return False
        if not main.evidence and not _EVENT_SENT.search(self.ctx.doc.title or ""):
            return False
        spans = [sp for sp in self.actor_spans(s.start, s.end) if sp.entity.kind in ("Organization", "State", "Person")]
        longest = run = 1 if spans else 0
        for prev, nxt in zip(spans, spans[1:]):
            run = run + 1 if _LIST_GLUE.match(self.ctx.text[prev.end : nxt.start] or "x") else 1
            longest = max(longest, run)
        # "Signing were Defence Minister A, Finance Minister B and Justice Minister C": posts
        # between the names break the chain, the persons still make a list
        persons = {sp.entity.iri for sp in spans if sp.entity.kind == "Person" and self.affiliation.get(sp.entity.iri)}
        return longest >= 3 or len(persons) >= 3

    def _subject_is_participant(self, s, main: _Draft) -> bool:
        """A sentence that continues the story: its subject is one of the meeting's actors."""
        first = self.ctx.spans_in(s.start, min(s.end, s.start + 80), ("Organization", "State", "Person"))
        if not first:
            return False
        e = first[0].entity
        e = self.affiliation.get(e.iri) or e if e.kind == "Person" else e
        return e.iri in main.actors(self.affiliation)

    def _type(self, d: _Draft) -> str:
        for text in d.type_text:
            best = None
            for rx, curie in _TYPES:
                m = rx.search(text)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), curie)
            if best:
                return best[1]
        return "tip:Meeting"

    def _lead_venues(self, d: _Draft) -> list[Entity]:
        """Places that a sentence before the event's own one names as where something was held
        or whom a delegation went to ("trained at the workshop held in X." then "The opening
        was chaired by ..."): the event's sentence names no place, the lead told it."""
        out: list[Entity] = []
        for s in self.ctx.sentences:
            if s.text in d.evidence or _planned(s.text):
                break
            for sp in self.ctx.spans_in(s.start, s.end, ("Place", "State")):
                before = self.ctx.text[max(s.start, sp.start - 40) : sp.start]
                if _LEAD_VENUE_BEFORE.search(before) and not _in(self.quotes, sp.start) \
                        and all(e.iri != sp.entity.iri for e in out):
                    out.append(sp.entity)
        return out

    def _dateline_place(self) -> Entity | None:
        name = self.ctx.dateline_place
        if not name:
            return None
        r = self.ctx.resolver
        name = name.title() if name.isupper() else name
        ent = r.resolve(name, "Place") or r.resolve(name)
        if ent is None and re.search(r"\b(?:in|at)\s+" + re.escape(name) + r"\b", self.ctx.text) \
                and re.fullmatch(r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}", name):
            # a town the registry does not know, named as the dateline and as where things happened
            ent = r.resolve_or_create(name, "Place")
        if ent is None or ent.kind not in ("Place", "State"):
            return None
        return ent

    def _elsewhere(self, place: Entity, d: _Draft) -> bool:
        """Whether the event's places lie in another state than the dateline ("VIENNA - ...
        concluded a visit to Moldova"): the dateline is then only where the release was issued."""
        home = self.ctx.state_of(place)
        if home is None:
            return False
        others = [self.ctx.state_of(loc) for loc in d.locations]
        return any(st is not None and st.iri != home.iri for st in others)

    def _one_state_of_venues(self, d: _Draft) -> None:
        """With the event's towns all in one state, a state named elsewhere in its sentences
        ("talks in Washington DC ... covered operations in Thailand") is a topic, not a venue."""
        homes = {st.iri for st in (self.ctx.state_of(loc) for loc in d.locations if loc.kind == "Place") if st is not None}
        if len(homes) == 1:
            d.locations = [loc for loc in d.locations if loc.kind != "State" or loc.iri in homes]

    def _dateline_in_lead(self) -> bool:
        name = (self.ctx.dateline_place or "").lower()
        for s in self.ctx.sentences[:6]:
            if s.text.lower().startswith(name) and _HELD.search(s.text):
                return True
        return False


def _prune_dates(d: _Draft) -> None:
    """With the event's days known, a bare year or month elsewhere in its sentences
    ("adopted in 2017") belongs to something else."""
    days = [v.value for v in d.dates if v.precision == "day"]
    if days:
        d.dates = [v for v in d.dates if v.precision == "day" or any(x.startswith(v.value) for x in days)]
