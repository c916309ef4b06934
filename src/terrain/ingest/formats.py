"""Markup to plain text: Markdown (light syntax removal) and HTML (trafilatura, lxml as fallback).

Both return paragraphs separated by blank lines, ready for ``clean_text``.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"^\s*(```|~~~).*$", re.M), ""),  # code fences (their content is kept)
    (re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.M), ""),  # reference link definitions
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M), r"\n\1\n"),  # ATX headings: own paragraph
    (re.compile(r"^\s{0,3}(=+|-+|\*{3,}|_{3,})\s*$", re.M), ""),  # setext underlines, rules
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$", re.M), r"\n\1\n"),  # list items: own paragraph
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis (not snake_case)
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
]
_ATX = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M)
_SETEXT = re.compile(r"^(?!\s*$)(.+)\n\s{0,3}=+\s*$", re.M)


def markdown_title(text: str) -> str | None:
    """The first heading (ATX "# Title" or setext "Title\\n====="), if any, before markup removal."""
    atx, setext = _ATX.search(text), _SETEXT.search(text)
    found = [m for m in (atx, setext) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    title = markdown_to_text(first.group(1)).strip()
    return title or None


def markdown_to_text(text: str) -> str:
    """Markdown without its markup: headings, links, emphasis, list markers, quotes and images."""
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


@dataclass
class HtmlArticle:
    text: str  # paragraphs separated by blank lines
    title: str | None = None
    published: str | None = None  # as found in the page (normalised later)
    url: str | None = None
    source: str | None = None  # the site name


def html_article(html: str) -> HtmlArticle:
    """Main text and metadata of an article page: trafilatura first, plain lxml text when it finds none."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False)
    except Exception as exc:  # trafilatura raises on some broken trees; the fallback still reads them
        log.debug("trafilatura failed: %s", exc)
        doc = None
    meta = _lxml_meta(html)
    if doc is not None and (doc.text or "").strip():
        return HtmlArticle(
            text="\n\n".join(doc.text.splitlines()),  # trafilatura: one paragraph a line
            title=doc.title or meta.title, published=doc.date or meta.published,
            url=doc.url or meta.url, source=doc.sitename or meta.source)
    meta.text = _lxml_text(html)
    return meta


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt",
           "figcaption", "address")
_NOISE = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
          "svg", "iframe", "select")
_DATE_META = ("article:published_time", "og:published_time", "datePublished", "date", "pubdate",
              "publish-date", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date")


def _parse(html: str):
    import lxml.html

    try:
        return lxml.html.document_fromstring(html.encode("utf-8"))
    except Exception:  # lxml raises on empty documents or documents of only comments
        return None


def _lxml_meta(html: str) -> HtmlArticle:
    tree = _parse(html)
    art = HtmlArticle(text="")
    if tree is None:
        return art
    metas = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip()
        if key and el.get("content") and key.lower() not in metas:
            metas[key.lower()] = el.get("content").strip()
    titles = tree.xpath("//title/text()")
    art.title = metas.get("og:title") or (titles[0].strip() if titles else None) or None
    art.published = next((metas[k.lower()] for k in _DATE_META if k.lower() in metas), None)
    if art.published is None:
        times = tree.xpath("//time/@datetime")
        art.published = times[0] if times else None
    art.url = metas.get("og:url")
    art.source = metas.get("og:site_name")
    return art


def _lxml_text(html: str) -> str:
    """Block-level text of the page body, without scripts, navigation, headers and footers."""
    tree = _parse(html)
    if tree is None:
        return ""
    for el in list(tree.iter(*_NOISE)):
        if el.getparent() is not None:
            el.drop_tree()
    body = tree.find("body")
    root = body if body is not None else tree
    blocks = [el for el in root.iter(*_BLOCKS) if not any(a.tag in _BLOCKS for a in el.iterancestors())]
    if not blocks:
        return root.text_content()
    return "\n\n".join(el.text_content() for el in blocks)
