"""Page furniture in text scraped from web sites: menus, country lists, share buttons...

A scraped press release is a *head* (site menus, breadcrumbs, section names, the title,
the date), a *body* (the prose) and a *tail* (taglines, related links, "goals we
support"). The rules here are about the shape of lines, not about one site: menu items
are short lines without sentence punctuation that come in runs or as "- item" bullets,
a country list is a run of lines that are each a country name, and the body starts at
the first line that reads like prose (or at a dateline).
"""
from __future__ import annotations

import re
from functools import cache

from .metadata import date_line, find_dateline, meta_line, place_date_line, release_marker

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_BULLET = re.compile(r"^[-–•*·▪►»]\s*")
_DASH_ONLY = re.compile(r"^[-–—•*·|>/\\_=~.]+$")
_SHARE = frozenset("""share tweet print email e-mail facebook twitter linkedin whatsapp telegram
reddit pinterest vk x copy link copy-link download pdf rss subscribe menu search close open
home back top next previous prev more like follow send save bookmark""".split())
_HARD_PATTERNS = re.compile(
    r"^(?:share(?:\s+(?:this|on|via)\b.*)?|print(?:\s+this\b.*)?|e-?mail\s+this\b.*"
    r"|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|read\s+more|learn\s+more|see\s+more"
    r"|you\s+are\s+here\b.*|follow\s+us\b.*|sign\s+up\b.*|subscribe\b.*"
    r"|(?:©|\(c\)|copyright\b).*|all\s+rights\s+reserved.*|page\s+\d+\s+of\s+\d+"
    r"|(?:photo|image|picture|video)(?:\s+credits?)?\s*[:©].*"
    r"|sdg\s+\d+\b.*|sustainable\s+development\s+goals?\b.{0,60}"
    r")$", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:we\s+use|this\s+(?:web)?site|accept|consent|privacy|preferences|browsing|settings)\b", re.I)
_TRAILER_HEADER = re.compile(
    r"^(?:related\s+(?:articles?|news|stories|content|links|posts|items|publications|resources)"
    r"|more\s+(?:news|stories|articles|on\s+this\s+topic|from\b.*)|see\s+also|read\s+also"
    r"|recent\s+(?:news|posts|articles)|latest\s+(?:news|stories)|you\s+may\s+also\s+like"
    r"|(?:un\s+)?entities\s+involved\b.*|goals?\s+we\s+are\s+supporting\b.*"
    r"|tags?|topics?|keywords?|categories)\s*:?$", re.I)
_GENERIC_WORDS = frozenset("""news local latest press release releases media centre center
newsroom room stories story statement statements articles article home updates update
events blog announcements and & the""".split())
_GENERIC_SEPARATORS = re.compile(r"[-–—|·:>/»›]+")
_BYLINE = re.compile(r"^(?:adapted|written|compiled|edited|reported|translated|prepared|posted)\s+by\b", re.I)
_FUNCTION_END = re.compile(
    r"\b(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|as|that|which|who|its|their|"
    r"his|her|this|these|between|among|into|than|is|are|was|were|be|has|have|had|will|"
    r"would|also|both|including|such|not)$", re.I)


def words(line: str) -> int:
    """The number of words in ``line`` (the boilerplate rules count them)."""
    return len(line.split())


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends like a sentence, which menus and captions do not."""
    return bool(_SENTENCE_END.search(line))


def is_bullet(line: str) -> bool:
    """Whether ``line`` is a list item (a bullet, not a dash-only rule)."""
    return bool(_BULLET.match(line)) and not _DASH_ONLY.match(line)


_BULLET_CHARS = frozenset("-–•*·▪►»")


def strip_bullet(line: str) -> str:
    """``line`` without its leading bullet, so rules can test the text itself."""
    return _BULLET.sub("", line, count=1) if line[:1] in _BULLET_CHARS else line


@cache
def _country_names() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value.casefold())
                names.add(("the " + value).casefold())
    names.update(n.casefold() for n in (
        "Russia", "Moldova", "Turkey", "Türkiye", "Holy See", "Vatican", "Kosovo", "Czechia",
        "Czech Republic", "United States", "USA", "U.S.", "UK", "Great Britain", "Britain",
        "Iran", "Syria", "Bolivia", "Venezuela", "Tanzania", "Vietnam", "Viet Nam", "Laos",
        "South Korea", "North Korea", "Republic of Korea", "Taiwan", "Palestine",
        "State of Palestine", "Macedonia", "North Macedonia", "Ivory Coast", "Cape Verde",
        "Swaziland", "Burma", "Brunei", "Congo", "DR Congo", "Democratic Republic of the Congo",
        "The Netherlands", "Netherlands", "Kyrgyz Republic", "Slovak Republic", "The Gambia",
        "The Bahamas", "European Union", "EU", "All", "Other countries"))
    return frozenset(names)


_COUNTRY_REMARK = re.compile(r"\s+[–—-]\s+|\s*\(|,\s")


def is_country_line(line: str) -> bool:
    """A line that is one country name, maybe with a remark ("Finland – Chair 2025")."""
    if len(line) > 80:
        return False
    text = strip_bullet(line).strip()
    names = _country_names()
    if text.casefold() in names:
        return True
    head = _COUNTRY_REMARK.split(text, maxsplit=1)[0].strip()
    return head != text and head.casefold() in names


def is_generic_head(line: str) -> bool:
    """Section names that sit above titles: "News", "Local", "Press Release"."""
    text = _GENERIC_SEPARATORS.sub(" ", strip_bullet(line).strip().casefold())
    return 0 < words(text) <= 5 and all(w in _GENERIC_WORDS for w in text.split())


def is_cookie_line(line: str) -> bool:
    """Whether ``line`` is a cookie notice: it names cookies with consent words, or is that short."""
    return bool(_COOKIE.search(line) and (_COOKIE_CONTEXT.search(line) or words(line) <= 6))


_MENU_SEPARATOR = re.compile(r"\s*\|\s*|\s+·\s+")
_CRUMB_SEPARATOR = re.compile(r"\s+(?:>|»|›)\s+|\s+/\s+")


def is_head_chrome(line: str) -> bool:
    """Navigation bars ("Home | About us | News") and breadcrumbs ("Home > News > 2022").

    They sit above the title, so the title search stops at them.
    """
    if len(line) > 200:
        return False
    if "|" in line or " · " in line:
        segments = [seg for seg in _MENU_SEPARATOR.split(line) if seg]
        if len(segments) >= 2 and all(words(seg) <= 6 and not ends_sentence(seg) for seg in segments) \
                and date_line(line) is None:
            return True
    if any(sep in line for sep in (" > ", " » ", " › ", " / ")):
        segments = _CRUMB_SEPARATOR.split(line)
        slashes_only = not any(sep in line for sep in (" > ", " » ", " › "))
        if len(segments) >= (3 if slashes_only else 2) and words(segments[0]) <= 3 \
                and (not ends_sentence(line) or line.rstrip().endswith(("...", "…"))):
            return True  # "Home > Middle East > Committee holds first meeting with ...": a cut title
    return False


def hard_noise(line: str) -> bool:
    """Lines that are furniture wherever they stand."""
    if not line:
        return False
    if len(line) > 200:  # long lines are furniture only as cookie banners
        return is_cookie_line(line)
    if _DASH_ONLY.match(line):
        return True
    text = strip_bullet(line).strip()
    low = text.casefold().strip(" :|")
    if low in _SHARE or all(w.strip("|:/") in _SHARE for w in low.split()) and words(low) <= 6:
        return True
    if is_head_chrome(text):
        return True
    return bool(_HARD_PATTERNS.match(text) or is_cookie_line(text)
                or (_TRAILER_HEADER.match(text) is not None))


def ends_contact_block(line: str) -> bool:
    """Furniture that closes a contact block (a bare "E-mail:" label does not)."""
    text = strip_bullet(line).strip()
    return bool(_DASH_ONLY.match(line) or _TRAILER_HEADER.match(text) or is_cookie_line(text)
                or (_HARD_PATTERNS.match(text) and not re.match(r"(?:e-?mail|print)\b", text, re.I)))


def is_trailer_header(line: str) -> bool:
    """Whether ``line`` heads the page's trailer (related articles, see also ...), after which nothing is the release."""
    return bool(_TRAILER_HEADER.match(strip_bullet(line).strip()))


def _glued_teaser(prev: str, line: str) -> bool:
    """Mega-menu teasers repeat their heading glued to the text: "Our WorkAs the leading..."."""
    if not prev or len(prev) > 40 or len(line) <= len(prev) + 1:
        return False
    head = line[:len(prev)]
    return head.casefold() == prev.casefold() and line[len(prev)].isupper() and head[-1:].isalpha()


def is_prose(line: str) -> bool:
    """A line that reads like running text (not a heading, a menu item or a title)."""
    n = words(line)
    return (ends_sentence(line) and n >= 6) or n >= 25


def mark_noise(lines: list[str]) -> list[bool]:
    """Per line: True when it is furniture (regardless of where the body lies)."""
    noise = [hard_noise(line) for line in lines]
    prev_i = None
    for i, line in enumerate(lines):
        if not line:
            continue
        if prev_i is not None and _glued_teaser(lines[prev_i], line):
            noise[i] = noise[prev_i] = True
        elif prev_i == i - 1 and noise[prev_i] and line[:1].islower() \
                and not ends_sentence(lines[prev_i]) and _COOKIE.search(lines[prev_i]):
            noise[i] = True  # the wrapped rest of a cookie banner
        prev_i = i
    _mark_runs(lines, noise, is_country_line, min_run=3)
    return noise


def _mark_runs(lines: list[str], noise: list[bool], predicate, min_run: int) -> None:
    """Mark runs of lines satisfying ``predicate`` (blank and noise lines do not break a run)."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= min_run:
            for k in run:
                noise[k] = True

    for i, line in enumerate(lines):
        if not line:
            continue
        hit = predicate(line)
        if noise[i] and not hit:
            continue
        if hit:
            run.append(i)
        else:
            close()
            run = []
    close()


def _is_menu_item(line: str) -> bool:
    text = strip_bullet(line)
    return (words(text) <= 8 and len(text) <= 70 and not ends_sentence(text)
            and not text.endswith(":") and date_line(text) is None)


def mark_menu_runs(lines: list[str], noise: list[bool], lo: int, hi: int, *, min_run: int,
                   bullets_only: bool) -> None:
    """Runs of short menu-like lines in ``lines[lo:hi]``; a list introduced by "...:" is content."""
    i = lo
    while i < hi:
        line = lines[i]
        if not line or noise[i] or not _is_menu_item(line) or (bullets_only and not is_bullet(line)):
            i += 1
            continue
        j, run = i, []
        while j < hi:
            cur = lines[j]
            if not cur or (noise[j] and _DASH_ONLY.match(cur or "")):
                j += 1
                continue
            if _is_menu_item(cur) and (not bullets_only or is_bullet(cur)):
                run.append(j)
                j += 1
                continue
            break
        previous = next((lines[k] for k in range(i - 1, -1, -1) if lines[k]), "")
        if len(run) >= min_run and not previous.endswith(":"):
            for k in run:
                noise[k] = True
        i = max(j, i + 1)


def _wrapped_start(lines: list[str], i: int) -> bool:
    """The first line of a hard-wrapped paragraph: mid-length lines that run on."""
    line = lines[i]
    if len(line) < 25 or words(line) < 4 or ends_sentence(line) or is_bullet(line):
        return False
    if i + 1 >= len(lines) or not lines[i + 1]:
        return False
    nxt = lines[i + 1]
    runs_on = nxt[:1].islower() or bool(_FUNCTION_END.search(line)) or line.endswith(",")
    if i + 2 >= len(lines) or not lines[i + 2]:
        # a paragraph of two lines: a long first line that runs on into a sentence's end
        return runs_on and len(line) >= 60 and ends_sentence(nxt) and words(line) + words(nxt) >= 12
    third = lines[i + 2]
    return runs_on and len(nxt) >= 25 and (len(third) >= 15 or ends_sentence(third))


def repeated_title(lines: list[str], noise: list[bool], limit: int = 60
                   ) -> tuple[str, int, int] | None:
    """A title printed twice near the top (page heading + article heading).

    Returns (line, index of the last copy, index of the first). The copies must be close
    (at most two other lines between them), which tells a title from a menu item that
    appears in two menus.
    """
    recent: list[int] = []
    count = 0
    for i, line in enumerate(lines):
        if not line or noise[i]:
            continue
        count += 1
        if count > limit:
            break
        if (words(line) >= 5 or len(line) >= 30) and not is_bullet(line):
            for k in recent[-3:]:
                if lines[k].casefold() == line.casefold():
                    return line, i, k
        recent.append(i)
    return None


def body_start(lines: list[str], noise: list[bool], after: int = 0) -> int | None:
    """Index of the first body line: a dateline, prose, or the start of wrapped prose."""
    for i in range(after, len(lines)):
        line = lines[i]
        if not line or noise[i] or is_bullet(line) and words(line) < 12 or is_head_chrome(line):
            continue
        if find_dateline(line) or is_prose(line) or _wrapped_start(lines, i):
            return i
    return None


def keep_wrapped_lists(lines: list[str], noise: list[bool]) -> None:
    """Unmark the lines of a list wrapped over several lines after a line of prose that
    introduces it ("... the following 100 ratifications, listed alphabetically:" + "Afghanistan,
    Albania, ..."): they look like tag lists, but the sentence runs on through them."""
    for i in range(1, len(lines)):
        if not noise[i] or not lines[i]:
            continue
        prev = lines[i - 1]
        if prev and not noise[i - 1] and (prev.endswith(":") and words(prev) >= 4 or prev.endswith(",")) \
                and ("," in lines[i] or lines[i].endswith((".", "...", "…"))):
            noise[i] = False


def _in_introduced_list(lines: list[str], i: int) -> bool:
    """Whether line ``i`` belongs to a block whose earlier line introduces a list with ":"."""
    k = i - 1
    while k >= 0 and lines[k]:
        if lines[k].endswith(":") and words(lines[k]) >= 4:
            return True
        if not lines[k].endswith(",") and k < i - 1 and not lines[k + 1][:1].isupper():
            break
        k -= 1
    return False


def body_end(lines: list[str], noise: list[bool], start: int) -> int:
    """Index of the last body line: the last line that ends a sentence (or a byline)."""
    end = len(lines) - 1
    for i in range(start, len(lines)):
        if lines[i] and is_trailer_header(lines[i]) and i > start:
            end = i - 1
            break
    for i in range(end, start - 1, -1):
        line = lines[i]
        if not line or noise[i]:
            continue
        if _BYLINE.match(line) or ends_sentence(line) and (
                words(line) >= 3 or (i > 0 and lines[i - 1] and not ends_sentence(lines[i - 1]))):
            return _cut_paragraph_end(lines, noise, i, end)
        if "," in line and _in_introduced_list(lines, i):
            return i  # a list that ends the page, introduced by "...:" and cut off
        if _SENTENCE_END_INSIDE.search(line) and i > 0 and lines[i - 1] and not noise[i - 1] \
                and len(lines[i - 1]) >= 50 and not ends_sentence(lines[i - 1]):
            return i  # a wrapped paragraph cut off in its last sentence: its whole sentences are body
    return end


def _cut_paragraph_end(lines: list[str], noise: list[bool], last: int, end: int) -> int:
    """The last line of a paragraph cut off in mid-word after the last whole sentence
    ("The event belonged to the Mission's year-long project to strengthen the" + "anti-traff"),
    as scraped pages end: a wrapped run of prose right after a blank line, else ``last``."""
    j = last + 1
    while j <= end and not lines[j].strip():
        j += 1
    if j == last + 1 or j > end:
        return last
    k = j
    while k + 1 <= end and lines[k + 1].strip() and not noise[k + 1]:
        k += 1
    para = lines[j : k + 1]
    text = " ".join(line.strip() for line in para)
    if noise[j] or not re.match(r"[\"“]?[A-Z]", text) or words(text) < 12 or len(para) > 8 \
            or any(len(line) < 50 for line in para[:-1]) or ends_sentence(para[-1]):
        return last
    if any(lines[m].strip() and not noise[m] and words(lines[m]) > 6 for m in range(k + 1, end + 1)):
        return last  # more text follows: not the end of a cut-off page
    return k


#: A sentence that ends inside a line and another that begins after it ("community. At the")
_SENTENCE_END_INSIDE = re.compile(r"[a-z\d)][.!?][\"”’)]?\s+[A-Z][a-z]")


def settle_start(lines: list[str], noise: list[bool], start: int) -> int:
    """Move the body start past a standfirst: the lead sentence printed under a title
    ("Ratification backs the country's efforts ...") is followed by the date line or by
    the dateline paragraph, which is where the release proper begins."""
    if find_dateline(lines[start]):
        return start
    seen = 0
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line or noise[i]:
            continue
        seen += 1
        if seen > 4:
            break
        if date_line(line) or place_date_line(line) or release_marker(line) is not None:
            nxt = next((k for k in range(i + 1, len(lines)) if lines[k] and not noise[k]), None)
            return nxt if nxt is not None else start
        if find_dateline(line):
            return i
    return start


#: A site's banner: its acronym, a dash or bar, and its name ("KUNA - Kuwait News Agency").
_SITE_BANNER = re.compile(r"^[A-Z][A-Z0-9&.]{1,9}\s+[-–—|:]\s+[A-Z][\w'’.-]*(?:\s+[\w'’.&-]+){0,6}$")


_MENU_ROW = re.compile(r"\S {2,}\S+(?: \S+)? {2,}\S+(?: \S+)? {2,}\S")


def _mostly_other_script(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c > "\u024f" for c in letters) > len(letters) / 2


def pick_title(lines: list[str], noise: list[bool], start: int) -> str | None:
    """The heading just above the body: walk up, skipping dates and markers, until furniture.

    A heading hard-wrapped over two lines is joined again; a standfirst sentence between
    title and body is passed over.
    """
    candidates: list[str] = []
    latin_body = not any(_mostly_other_script(line) for line in lines[start : start + 3] if line)
    for i in range(start - 1, -1, -1):
        line = lines[i]
        if not line:
            continue
        if date_line(line) or place_date_line(line) or meta_line(line) or (
                release_marker(line) is not None and not is_generic_head(line)):
            continue
        if is_generic_head(line) or is_bullet(line) or _DASH_ONLY.match(line) \
                or is_country_line(line) or is_trailer_header(line) or is_head_chrome(line):
            break
        if noise[i]:
            if hard_noise(line):
                continue  # share buttons and the like can sit between title and body
            break
        if line.endswith(":") or words(line) < 2:
            continue
        if _MENU_ROW.search(line):
            break  # "Home   Politics   Economy   Sport": a menu row spaced out, above the headline
        if latin_body and _mostly_other_script(line) and re.search(r"[A-Za-z]{3}", line):
            continue  # a menu in the site's own script (with its "English" link) above an English headline
        if candidates and (_FUNCTION_END.search(line) or line.endswith((",", "-", "–"))
                           or candidates[-1][:1].islower()):
            candidates[-1] = line + " " + candidates[-1]  # a wrapped heading
            continue
        candidates.append(line)
        if len(candidates) == 4:
            break
    if len(candidates) > 1 and _SITE_BANNER.match(candidates[-1]):
        candidates.pop()  # "TNA - Thai News Agency" above the headline: the site's banner
    headings = [c for c in candidates if not (ends_sentence(c) and words(c) >= 8)] or candidates
    if not headings:
        return None
    for line in reversed(headings):  # earliest first
        if words(line) >= 4:
            return line
    for line in reversed(headings):  # a short heading ("Statements Special Procedures") only when none is longer
        if len(line) >= 25:
            return line
    return headings[0]


_HEADER_ORG = re.compile(
    r"\b(?:ministry|ministries|office|organi[sz]ation|police|commission|community|council|union|agency"
    r"|embassy|secretariat|service|mission|nations|fund|department|committee|parliament|senate"
    r"|government|bureau|directorate|centre|center|institute|network|foundation|inspectorate"
    r"|procuracy|ombudsman|ombudsperson|authority|presidency)\b", re.I)
_ACRONYM_DASH = re.compile(r"^[A-Z][A-Za-z]{1,9}\s+[-–—|:]\s+[A-Z]")


def site_header(lines: list[str], noise: list[bool], start: int) -> str | None:
    """The publisher's name printed at the top of a scraped page ("MINISTRY OF INTERNAL
    AFFAIRS OF THE REPUBLIC OF MOLDOVA", "UNODC - United Nations Office on Drugs and
    Crime", "REPUBLIC OF THE PHILIPPINES / DEPARTMENT OF JUSTICE"), when one of the first
    lines reads like the name of a body; a state's name just above it is kept after a dash."""
    seen: list[str] = []
    for i in range(min(start, len(lines))):
        line = strip_bullet(lines[i]).strip()
        if not line or noise[i]:
            continue
        if len(seen) == 3 or is_head_chrome(line) or date_line(line):
            return None
        seen.append(line)
        if len(line) > 120 or words(line) > 14 or ends_sentence(line):
            return None
        lower = [w for w in re.findall(r"[^\W\d_][\w'’.]*", line) if w[:1].islower()]
        if (_HEADER_ORG.search(line) or _ACRONYM_DASH.match(line)) and all(w in _NAME_CONNECTORS for w in lower):
            if len(seen) > 1 and _STATE_HEADER.match(seen[-2]):
                return f"{line} - {seen[-2]}"
            return line
    return None


#: lowercase words that may sit inside the name of a body ("Ministry of Labour and ...")
_NAME_CONNECTORS = frozenset("of the and for on against in to at e.V. de la du des del y e da do".split())
_STATE_HEADER = re.compile(r"^(?:(?:the\s+)?(?:republic|kingdom|state|federation|commonwealth|principality)\s+of\s+\S.*|[A-Z][a-z]+)$", re.I)


def paragraph_start(lines: list[str], noise: list[bool], start: int) -> int:
    """Move a body start found inside a hard-wrapped paragraph back to its first line: the
    wrap test needs a lowercase run-on, which a paragraph opening "Argentina's Minister
    of Security, Laura Benitez, and Paraguay's" (next line "Minister of ...") lacks."""
    if find_dateline(lines[start]):
        return start
    i = start
    while i > 0:
        prev = lines[i - 1]
        # a line that opens a quotation it does not close, or one that the next line continues
        # with a number and a lowercase word ("... the Convention" + "29 of the ..."), runs on
        # a line as long as the wrap width, with no end, runs on too ("The Ministry of Internal
        # Affairs of Georgia and the Ministry of Internal" + "Affairs of the Republic ...")
        runs_on = _open_quote(prev) or bool(re.match(r"\d+\s+[a-z]", lines[i])) \
            or (len(prev) >= 64 and words(prev) >= 9 and len(prev) >= len(lines[i]) - 12)
        if not prev or noise[i - 1] or len(prev) < 30 or ("," not in prev and not runs_on) or ends_sentence(prev) \
                or is_bullet(prev) or date_line(prev) or place_date_line(prev) or meta_line(prev) or is_head_chrome(prev):
            break
        i -= 1
    return i


def _open_quote(line: str) -> bool:
    """Whether the line starts a quotation that it does not close."""
    if line[:1] == '"':
        return line.count('"') % 2 == 1
    return line[:1] == "“" and "”" not in line
