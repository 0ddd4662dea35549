"""Word lists the rules rely on: heads of organisation names, titles, honorifics.

They are deliberately generic (the vocabulary of press releases about public bodies),
not lists of particular names: those live in the resolver's registry.
"""
from __future__ import annotations

#: Last (or main) word of the name of a body: "Labour Inspectorate", "Ministry of X".
ORG_HEADS = frozenset(
    """Ministry Ministries Office Committee Committees Council Chamber Court Duma Parliament
    Department Division Agency Service Services Bureau Directorate Commission Union Association Secretariat
    University Academy Institute Centre Center Foundation Police Ombudsman Ombudsperson
    Government Assembly Senate Delegation Embassy Network Coalition Organization Organisation
    Fund Authority Inspectorate Administration Procuracy Mission Guard Gendarmerie
    Federation Confederation Alliance Board Congress Tribunal Cabinet Presidency
    Prosecutor's Prosecutors Troops Unit Trust Corporation Caritas Lobby Initiatives Platform Chapter Clinic Shelter Inspection Consulate Rada Sejm Majlis Mejlis Khural Kenesh Municipality Commissariat Prosecution""".split()
)

#: Heads of the names of state institutions: a body so named belongs to a state.
GOV_HEADS = frozenset(
    """Ministry Ministries Office Committee Council Chamber Court Duma Parliament Department Agency
    Service Services Bureau Directorate Commission Secretariat Police Ombudsman Ombudsperson Assembly
    Senate Inspectorate Administration Procuracy Guard Gendarmerie Cabinet Presidency Prosecutor's
    Inspection Rada Sejm Majlis Mejlis Khural Kenesh Unit Authority Tribunal Division Municipality Troops Commissariat Prosecution""".split()
)

#: Words that name a post.
TITLE_HEADS = frozenset(
    """minister ministers deputy head chief director director-general coordinator co-ordinator
    representative chairperson chairman chairwoman chair president vice-president ombudsperson
    ombudsman commissioner ambassador secretary secretary-general officer spokesperson spokesman
    spokeswoman adviser advisor expert prosecutor prosecutor-general judge manager consul governor
    mayor rapporteur person specialist counsellor counselor envoy executive founder professor
    attorney lawyer inspector commander assistant analyst researcher member senator speaker
    leader administrator coordinator chargé attaché general premier king queen prince emir
    sheikh chancellor governor-general lecturer dean rector sister father bishop cardinal
    delegate consultant trainer investigator detective superintendent colonel major captain
    lieutenant sergeant officer-in-charge focal chief-of-mission undersecretary under-secretary""".split()
)

#: Courtesy words before a name.
HONORIFICS = r"(?:Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof\.?|H\.\s?E\.?|His\s+Excellency|Her\s+Excellency|Their\s+Excellencies|Excellency|Hon\.?|Honorable|Honourable|Sir|Dame|Madam|Madame|Lord|Lady|Sister|Sr\.|Father|Fr\.|Rev\.?|Reverend|Dato['’]?|Datuk|Datin|Tan\s+Sri|Puan\s+Sri|Atty\.|Engr\.)"

#: Adjectives of courtesy or rank that are not part of a title's core.
COURTESY = frozenset("esteemed honorable honourable distinguished respected dear".split())

#: Capitalised words that never belong to a person's name.
NOT_NAME = frozenset(
    """The A An In On At During After Before Since However Also And Or But For Of To From By With This That These
    Today Yesterday Tomorrow Meanwhile Earlier Later Recently Currently Previously Thereafter
    Those It He She They We Our Their His Her Its Mr Ms Mrs Dr Prof Excellency Esteemed Honorable
    Regional National Federal Special General Deputy Senior Junior First Second Third Acting Executive
    International European Global Central Eastern Western Northern Southern United Republic Kingdom
    State States Minister Ministers President Vice Head Chief Director Coordinator Co-ordinator
    Representative Chairperson Chairman Chair Ombudsperson Ombudsman Commissioner Ambassador Secretary
    Officer Spokesperson Adviser Advisor Expert Prosecutor Judge Manager Consul Governor Mayor Rapporteur
    Programme Program Project Convention Protocol Law Plan Action Day Week Month Year Agenda Goals
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Press Release News Photo Read More Contact Tel Email
    Human Rights Trafficking Migration Persons Beings Council Committee Ministry Office Court Mission
    Department Agency Union Government Parliament Embassy Centre Center University Institute SDG
    Communications Media Public Affairs Unit Division Section Desk Team Group Network""".split()
)

#: Words that mark a private individual (privacy: never a Person node).
PRIVATE_MARKERS = frozenset(
    """victim victims survivor survivors trafficked woman women girl girls boy boys man men mother
    daughter son wife husband child children resident villager migrant worker student teenager
    year-old mother-of""".split()
)

#: Locative prepositions: a state after them is a place, not an actor.
LOCATIVE = frozenset("in to into at across throughout within inside around near outside towards toward".split())

#: Words of the remits of ministries and agencies ("Labour and Social Affairs"): a run of
#: capitalised words after them that holds none of these is a person's name glued on
#: ("Minister of Justice Levan Kapanadze").
REMIT_WORDS = frozenset(
    """affairs interior internal external foreign home justice labour labor social health education
    defence defense finance finances economy economic development trade industry commerce tourism
    transport transportation communications culture sport sports youth family families women woman
    children child gender equality human rights protection welfare security public order policy
    policies employment skills solidarity population migration migrants emigration immigration diaspora
    citizens senior seniors elderly disabled persons disabilities integration reform reforms
    administration local regional territorial government governance infrastructure agriculture
    rural fisheries environment energy mines mining water resources science technology innovation
    information digital planning budget treasury legal constitutional religious worship relations
    cooperation co-operation overseas abroad workers work occupational national state people
    peoples community communities affairs' minorities indigenous security safety emergencies
    emergency situations civil service services secretariat office general vulnerable groups courts judicial
    victims trafficking persons beings combating combat against prevention coordination
    co-ordination measures implementation council committee commission of and for the on in
    international partnerships partnership promotion poverty reduction inspection""".split()
)
