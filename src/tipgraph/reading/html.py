"""HTML pages to main text and page metadata, without ever fetching or expanding anything.

trafilatura finds the article among navigation and footers; for short pages it falls
back to a flat text that loses paragraph breaks, and sometimes returns nothing, so an
lxml walk over ``<body>`` (navigation, header, footer, scripts removed) backs it up.
DOCTYPE declarations are cut before parsing: an internal subset can declare external
entities (XXE), and no page needs them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from .metadata import date_line

_DOCTYPE = re.compile(r"<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>", re.I)
_XML_DECL = re.compile(r"<\?xml[^>]*\?>", re.I)
_ENTITY_DECL = re.compile(r"<!ENTITY[^>]*>", re.I)
_LEFTOVER_ENTITY = re.compile(r"&[A-Za-z][A-Za-z0-9]{0,30};")

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "template", "button", "select", "object", "embed")
_BLOCK_TAGS = frozenset("""address article blockquote dd div dl dt fieldset figcaption figure h1 h2
h3 h4 h5 h6 hr li main ol p pre section table tbody td tfoot th thead tr ul br""".split())


@dataclass
class HtmlContent:
    """The main text of an HTML page with its title, date, publisher and contact boxes."""

    text: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    #: text of the page's contact boxes (class or id "contact"), one line per block or <br>
    contacts: list[str] = field(default_factory=list)


def sanitise_markup(markup: str) -> str:
    """Remove what could make a parser reach outside the string (DTDs, entity declarations)."""
    markup = _XML_DECL.sub("", markup)
    markup = _DOCTYPE.sub("", markup)
    return _ENTITY_DECL.sub("", markup)


def _parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                recover=True, default_doctype=False)


def _fallback_text(tree: lxml_html.HtmlElement) -> str:
    """Text of <body> with one line per block element; chrome elements removed."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    for el in list(root.iter(*_DROP_TAGS)):
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _contact_boxes(tree: lxml_html.HtmlElement) -> list[str]:
    """Contact boxes (often an <aside>, which the text drops as chrome): their lines.

    Press officers named there are people in public roles; the lines go through
    clean_contact later, which removes every way to reach them.
    """
    out: list[str] = []
    for el in tree.iter("aside", "div", "section", "p", "address"):
        marker = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if "contact" not in marker:
            continue
        for br in el.iter("br"):
            br.tail = "\n" + (br.tail or "")
        text = el.text_content()
        lines = [" ".join(x.split()) for x in text.split("\n")]
        lines = [x for x in lines if x and x.lower().rstrip(":") not in ("contact", "contacts", "media contact")]
        if lines and sum(len(x) for x in lines) < 600:
            out.append("\n".join(lines))
    return out


def _meta(tree: lxml_html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for el in tree.iterfind(".//meta"):
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            if key == name and (el.get("content") or "").strip():
                return " ".join(el.get("content").split())
    return None


def _page_title(tree: lxml_html.HtmlElement) -> str | None:
    title = _meta(tree, "og:title", "twitter:title", "dc.title", "dcterms.title")
    if title:
        return title
    for xpath in (".//h1", ".//title"):
        el = tree.find(xpath)
        if el is not None:
            text = " ".join(el.text_content().split())
            if text:
                return text
    return None


def _page_date(tree: lxml_html.HtmlElement) -> str | None:
    found = _meta(tree, "article:published_time", "datepublished", "dc.date", "dcterms.date",
                  "dc.date.issued", "dcterms.issued", "date", "publication_date", "pubdate",
                  "og:published_time", "sailthru.date")
    if found:
        return found
    el = tree.find(".//time")
    if el is not None:
        return el.get("datetime") or " ".join(el.text_content().split()) or None
    # a block of the article's metadata, by its class ("date", "meta"), that is a date line
    for el in tree.xpath('.//*[contains(concat(" ", normalize-space(@class), " "), " date ")'
                         ' or contains(concat(" ", normalize-space(@class), " "), " meta ")]'):
        day = date_line(" ".join(el.text_content().split()))
        if day is not None:
            return day.isoformat()
    return None


def extract_html(markup: str) -> HtmlContent:
    """Main text (one paragraph a line) and the page's title, date and publisher."""
    markup = sanitise_markup(markup)
    if not markup.strip():
        return HtmlContent("")
    try:
        tree = lxml_html.document_fromstring(markup, parser=_parser())
    except (etree.ParserError, ValueError):
        return HtmlContent("")
    title, date = _page_title(tree), _page_date(tree)
    publisher = _meta(tree, "publisher", "dc.publisher", "dcterms.publisher", "og:site_name",
                      "application-name")
    main = _trafilatura_text(markup)
    contacts = _contact_boxes(tree)
    fallback = _fallback_text(tree)
    text = main
    if not main or (main.count("\n") == 0 and fallback.count("\n") >= 1
                    and len(fallback) >= 0.8 * len(main)):
        # trafilatura's flat baseline lost the paragraph breaks, or it found nothing.
        text = fallback
    elif _flattened_layout_table(main, tree) and len(fallback) >= 0.8 * len(main):
        # a page laid out in a table: its paragraphs came back as cells of one row
        text = fallback
    text = _LEFTOVER_ENTITY.sub("", text)
    return HtmlContent(text=text, title=title, date=date, publisher=publisher, contacts=contacts)


def _flattened_layout_table(main: str, tree: lxml_html.HtmlElement) -> bool:
    """Whether the article text is a layout table read as a row ("cell | cell | ..."): a
    long line of cells while the page's table cells hold whole paragraphs."""
    if not any(len(line) > 600 and line.startswith("| ") and " | " in line for line in main.split("\n")):
        return False
    return any(cell.find(".//p") is not None or cell.find(".//div") is not None
               for cell in tree.iter("td", "th"))


def _trafilatura_text(markup: str) -> str:
    import trafilatura  # heavy import, only when an HTML page is read

    try:
        text = trafilatura.extract(markup, include_comments=False, favor_recall=True,
                                   include_tables=True, output_format="txt",
                                   with_metadata=False, deduplicate=False)
    except Exception:  # trafilatura raises assorted errors on broken markup
        return ""
    return text or ""
