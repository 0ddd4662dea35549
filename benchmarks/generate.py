#!/usr/bin/env python3
"""Generate a synthetic corpus of press releases for benchmarks.

    python benchmarks/generate.py --documents 1000 --out /tmp/corpus [--seed 7]

Each document reports one to three meetings that took place (a main event, talks on
its margins, an earlier meeting recalled), sometimes a planned one, people in public
roles, zero to two programmes with funders and budgets, and now and then a
ratification. Around them is the noise of real pages: navigation menus, country
lists, cookie banners, photo captions, "related news" headlines, hard-wrapped
lines, typographic quotes and non-breaking spaces, share buttons, a footer and a
press contact with a phone number and an e-mail address. About one document in five
is an HTML page and one in ten Markdown, so reading is exercised too.

Actors, instruments and places come from tipgraph's reference registry with a skewed
(Zipf-like) popularity, so some actors meet often and most rarely, as in real news.
The same seed gives the same corpus, and the first N documents of a larger corpus
are the corpus of N documents. The templates are the project's own text.
"""
from __future__ import annotations

import argparse
import html
import random
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tipgraph.resolution import load_registry  # noqa: E402

FIRST = ["Anna", "Elena", "Maria", "Olga", "Irina", "Sofia", "Amina", "Grace", "Lucia", "Nadia", "Ivan",
         "Pavel", "Sergei", "Dmitri", "Marco", "Jean", "Pierre", "Ahmed", "Kwame", "Tomas", "Jakub", "Lars",
         "Erik", "Rustam", "Timur", "Aziz", "Daniel", "Samuel", "Peter", "Hannah", "Fatima", "Chen", "Ana",
         "Mihai", "Leila", "Oksana", "Bakyt", "Nodira", "Joseph", "Ingrid"]
LAST = ["Petrova", "Ivanov", "Kuznetsov", "Rossi", "Dubois", "Haddad", "Mensah", "Novak", "Horvat", "Larsen",
        "Karimov", "Nazarov", "Okafor", "Silva", "Santos", "Meyer", "Schmidt", "Kowalski", "Popescu",
        "Ahmedov", "Yilmaz", "Nguyen", "Tanaka", "Garcia", "Moreau", "Bianchi", "Fischer", "Jansen",
        "Osei", "Lindqvist", "Moldovan", "Abenova", "Rahimova", "Costa"]
TITLES = ["Head of the Anti-Trafficking Unit", "Deputy Minister", "Chief of Mission", "Senior Programme Officer",
          "Director of the Legal Department", "National Coordinator on Trafficking in Persons",
          "Special Representative", "Regional Director", "Head of International Cooperation",
          "First Deputy Prosecutor General", "Programme Manager", "Ambassador"]
BODIES = ["Ministry of Internal Affairs", "Ministry of Foreign Affairs", "Ministry of Justice",
          "General Prosecutor's Office", "Ministry of Labour and Social Protection", "Supreme Court",
          "State Migration Service", "National Police"]
MEETING_KINDS = [
    ("working meeting", "held a working meeting with"),
    ("round table", "convened a round table with"),
    ("regional conference", "opened a regional conference together with"),
    ("training", "organized a training for"),
    ("official visit", "paid an official visit and met with"),
    ("consultation", "hosted consultations with"),
]
SIDE_VERBS = ["met with", "held bilateral talks with", "discussed joint cases with"]
TOPICS = ["the identification of victims of trafficking", "joint investigations of labour exploitation",
          "referral mechanisms for survivors", "safe migration information campaigns",
          "cooperation between prosecutors of countries of origin and destination",
          "the protection of children on the move", "data collection on trafficking cases",
          "online recruitment by traffickers", "the return and reintegration of survivors"]
GROUPS = ["labour migrants", "young women", "unaccompanied children", "returning migrants", "rural youth",
          "seasonal workers"]
CURRENCIES = [("EUR", "million Euro"), ("USD", "million US dollars"), ("CHF", "million Swiss francs"),
              ("GBP", "million pounds sterling")]
NAV = ["Home", "About us", "What we do", "Where we work", "News", "Publications", "Media centre", "Contact",
       "Careers", "Donate", "Events", "Search"]
SHARE = ["Share", "Tweet", "Print", "E-mail this page", "Share on LinkedIn", "Copy link"]
COOKIES = ["This website uses cookies to improve your experience. Accept all | Reject | Settings",
           "We use cookies. By continuing to browse the site you agree to our use of cookies. OK"]


def zipf_choice(rng: random.Random, items: list, s: float = 1.1):
    weights = _weights(len(items), s)
    return rng.choices(items, cum_weights=weights, k=1)[0]


_CUM: dict[tuple[int, float], list[float]] = {}


def _weights(n: int, s: float) -> list[float]:
    key = (n, s)
    if key not in _CUM:
        total, cum = 0.0, []
        for rank in range(n):
            total += 1.0 / (rank + 1) ** s
            cum.append(total)
        _CUM[key] = cum
    return _CUM[key]


def day_phrase(rng: random.Random, d: date) -> str:
    """A date in one of the forms press releases use."""
    form = rng.random()
    if form < 0.6:
        return f"{d.day} {d.strftime('%B')} {d.year}"
    if form < 0.9:
        return f"{d.strftime('%B')} {d.day}, {d.year}"
    return f"{d.day}\u00a0{d.strftime('%B')}\u00a0{d.year}"


class Corpus:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        reg = load_registry()
        ents = sorted(reg.entities, key=lambda e: e.iri)
        self.rng.shuffle(ents)  # popularity order depends on the seed, not the file order
        self.orgs = [e for e in ents if e.kind == "Organization" and e.label and len(e.label) < 90]
        self.states = [e for e in ents if e.kind == "State"]
        self.places = [e for e in ents if e.kind == "Place"]
        self.instruments = [e for e in ents if e.kind == "LegalInstrument"]
        self.people: dict[str, str] = {}

    def person(self) -> tuple[str, str]:
        """A synthetic official; the same name keeps one title across documents."""
        rng = self.rng
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        title = self.people.setdefault(name, rng.choice(TITLES))
        return name, title

    def org(self) -> str:
        return zipf_choice(self.rng, self.orgs).label

    def body(self, state: str) -> str:
        return f"the {self.rng.choice(BODIES)} of {state}"

    # -- paragraphs ----------------------------------------------------------------
    def main_meeting(self, host: str, state: str, place: str, held: date, published: date) -> list[str]:
        rng = self.rng
        kind, verb = rng.choice(MEETING_KINDS)
        partners = list(dict.fromkeys(self.org() for _ in range(rng.randint(1, 3))))
        partners = [p for p in partners if p != host]
        bodies = list(dict.fromkeys(self.body(state) for _ in range(rng.randint(1, 3))))
        who = ", ".join(bodies + [f"the {p}" if rng.random() < 0.5 else p for p in partners])
        instrument = zipf_choice(rng, self.instruments).label
        return [
            f"{place.upper()}, {day_phrase(rng, published)} \u2013 On {day_phrase(rng, held)}, the {host} "
            f"{verb} {who} in {place} to discuss {rng.choice(TOPICS)}.",
            f"The {kind} was held within the framework of the {instrument} and focused on {rng.choice(TOPICS)}, "
            f"building on {rng.randint(2, 12)} years of joint work.",
        ]

    def side_meeting(self, host: str, held: date) -> str:
        rng = self.rng
        other = self.org()
        state = zipf_choice(rng, self.states).label
        when = day_phrase(rng, held + timedelta(days=1))
        return (f"On the margins of the event, on {when}, the {host} {rng.choice(SIDE_VERBS)} the {other} "
                f"and {self.body(state)} on {rng.choice(TOPICS)}.")

    def earlier_meeting(self, host: str, published: date) -> str:
        rng = self.rng
        return (f"The partners first agreed to work together during a meeting between the {host} and the "
                f"{self.org()} in {zipf_choice(rng, self.places).label} in {published.year - rng.randint(1, 9)}.")

    def quotes(self, host: str, state: str) -> str:
        rng = self.rng
        person, title = self.person()
        official, official_title = self.person()
        body = rng.choice(BODIES)
        return (f"\u201cCooperation across borders is the only answer to organized crime of this kind,\u201d said "
                f"{person}, {title} of the {host}. {official}, {official_title} of the {body} of {state}, "
                f"underlined that the national referral mechanism needs steady funding.")

    def programme(self, host: str, state: str) -> str:
        rng = self.rng
        funder = zipf_choice(rng, self.states).label
        _, words = rng.choice(CURRENCIES)
        amount = rng.choice([0.5, 1.2, 2.5, 3.8, 4.4, 7.0, 12.5])
        months = rng.choice([12, 18, 24, 30, 36, 48])
        implementer = host if rng.random() < 0.6 else self.org()
        return (f"The {host} also announced the launch of a {months}-month, {amount} {words} programme to protect "
                f"{rng.choice(GROUPS)}, funded by the Government of {funder} and implemented by the "
                f"{implementer} in {state}.")

    def planned(self) -> str:
        rng = self.rng
        return (f"A follow-up conference with the {self.org()} is planned for "
                f"{rng.choice(['next year', 'the autumn', 'early next year'])}.")

    def ratification(self, state: str, published: date) -> str:
        rng = self.rng
        return (f"{state} ratified the {zipf_choice(rng, self.instruments).label} in "
                f"{published.year - rng.randint(1, 15)}.")

    def victim_story(self) -> str:
        rng = self.rng
        return (f"According to a report by the {self.org()}, thousands of people are trafficked in the region "
                f"every year; one woman, aged {rng.randint(18, 40)}, was assisted last month after she escaped "
                "from a farm where she had worked without pay.")

    # -- a whole document ------------------------------------------------------------
    def document(self, index: int) -> tuple[str, str]:
        """``(suffix, text)`` of document ``index``."""
        rng = self.rng
        published = date(2008, 1, 1) + timedelta(days=rng.randrange(0, 17 * 365))
        host = self.org()
        state = zipf_choice(rng, self.states).label
        place = zipf_choice(rng, self.places).label
        held = published - timedelta(days=rng.randint(0, 3))
        title = f"{host} and {state} step up {rng.choice(['cooperation', 'joint work', 'dialogue'])} against human trafficking"
        paras = self.main_meeting(host, state, place, held, published)
        paras.append(self.quotes(host, state))
        if rng.random() < 0.5:
            paras.append(self.side_meeting(host, held))
        if rng.random() < 0.3:
            paras.append(self.earlier_meeting(host, published))
        for _ in range(rng.choice([0, 0, 1, 1, 1, 2])):
            paras.append(self.programme(host, state))
        if rng.random() < 0.3:
            paras.append(self.planned())
        if rng.random() < 0.25:
            paras.append(self.ratification(state, published))
        if rng.random() < 0.3:
            paras.append(self.victim_story())
        related = [f"{self.org()} and {zipf_choice(rng, self.states).label} sign a memorandum"
                   for _ in range(rng.randint(0, 3))]
        contact = (f"For more information, please contact: {rng.choice(FIRST)} {rng.choice(LAST)}, {host}, "
                   f"Tel: +{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}, "
                   f"E-mail: press{index}@example.org")
        footer = f"\u00a9 {published.year} {host}. All rights reserved."
        kind = rng.random()
        if kind < 0.2:
            return ".html", self._html(title, paras, related, contact, footer)
        if kind < 0.3:
            return ".md", self._markdown(title, paras, related, contact)
        return ".txt", self._text(title, paras, related, contact, footer)

    def _text(self, title, paras, related, contact, footer) -> str:
        rng = self.rng
        width = rng.choice([66, 72, 80, 2000])
        body = "\n\n".join(textwrap.fill(p, width=width) for p in paras)
        nav = "\n".join(rng.sample(NAV, rng.randint(4, len(NAV))))
        countries = "\n".join(f"- {s.label}" for s in rng.sample(self.states, rng.randint(0, 12)))
        caption = f"Photo: participants of the meeting. \u00a9 {self.org()}" if rng.random() < 0.4 else ""
        rel = ("Related news\n" + "\n".join(related)) if related else ""
        share = "\n".join(rng.sample(SHARE, 2))
        contact_block = contact.replace(", Tel:", "\nTel:").replace(", E-mail:", "\nE-mail:")
        cookie = rng.choice(COOKIES) if rng.random() < 0.3 else ""
        parts = [cookie, nav, countries, title, caption, body, share, contact_block, rel, footer]
        return "\n\n".join(p for p in parts if p) + "\n"

    def _markdown(self, title, paras, related, contact) -> str:
        rel = "\n".join(f"* [{r}](https://example.org/news/{i})" for i, r in enumerate(related))
        return f"# {title}\n\n" + "\n\n".join(paras) + f"\n\n---\n\n{contact}\n\n" + (f"## Related\n\n{rel}\n" if rel else "")

    def _html(self, title, paras, related, contact, footer) -> str:
        rng = self.rng
        e = html.escape
        nav = "".join(f'<li><a href="/{n.lower().replace(" ", "-")}">{e(n)}</a></li>' for n in rng.sample(NAV, 6))
        body = "".join(f"<p>{e(p)}</p>" for p in paras)
        rel = "".join(f'<li><a href="/news/{i}">{e(r)}</a></li>' for i, r in enumerate(related))
        return (
            f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(title)}</title>"
            "<script>window.dataLayer=[];function track(){}</script><style>body{font:14px sans-serif}</style>"
            f"</head><body><div class=\"cookie-banner\">{e(rng.choice(COOKIES))}</div>"
            f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{e(title)}</h1>{body}</article>"
            f"<aside><h2>Related news</h2><ul>{rel}</ul></aside></main>"
            f"<footer><p>{e(contact)}</p><p>{e(footer)}</p></footer></body></html>\n"
        )


def path_of(out: Path, index: int, suffix: str) -> Path:
    return out / f"{index // 1000:04d}" / f"release-{index:06d}{suffix}"


def paths(out: Path, documents: int) -> list[Path]:
    """The files of the first ``documents`` documents of a corpus written to ``out``."""
    found = []
    for i in range(documents):
        for suffix in (".txt", ".html", ".md"):
            p = path_of(out, i, suffix)
            if p.exists():
                found.append(p)
                break
        else:
            raise FileNotFoundError(f"document {i} is not in {out}")
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", "-n", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    corpus = Corpus(args.seed)
    for i in range(args.documents):
        suffix, text = corpus.document(i)
        p = path_of(args.out, i, suffix)
        p.parent.mkdir(parents=True, exist_ok=True)
        for other in (".txt", ".html", ".md"):  # a re-run with another seed must not leave twins
            if other != suffix:
                path_of(args.out, i, other).unlink(missing_ok=True)
        p.write_text(text, encoding="utf-8")
    print(f"wrote {args.documents} documents to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
