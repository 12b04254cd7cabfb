"""HTML page to raw blocks and metadata, through trafilatura.

This module only extracts; the Arabic boilerplate cleaner (``boilerplate.py``) then
decides what of it is article text. Nothing here knows about Arabic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from htmldate import find_date
from lxml import etree

from rasid.reader.blocks import Block

_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p[\s>]|<article[\s>]",
    re.I,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_COPYRIGHT_YEAR = re.compile(r"(?:©|&copy;|copyright|حقوق)[^<]{0,80}?((?:19|20)\d\d)", re.I)


def looks_like_html(text: str) -> bool:
    """Decide by content, not by file name: HTML tags where a page would have them."""
    head = text[:20000]
    if _HTML_SIGNS.search(head):
        return True
    stripped = head.lstrip()
    return stripped.startswith("<") and len(_TAG.findall(head)) >= 3


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    title: str | None
    author: str | None
    published: str | None
    url: str | None
    site: str | None
    description: str | None
    blocks: list[Block]


_LOCAL_PUBLISHED = re.compile(
    r"""(?:"datePublished"\s*:\s*"|property=["']article:published_time["']\s+content=["'])"""
    r"(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?([+-]\d{2}:?\d{2})"
)


def _local_date(html: str, today: str) -> str | None:
    """The publication date in the publisher's own time zone, when the page states one.

    htmldate reads ``article:published_time`` first, often given in UTC: an article
    published at 01:59 in Cairo on 25 December is 23:59 UTC on the 24th. A timestamp
    with a non-zero offset (JSON-LD ``datePublished``, usually) gives the local date.
    """
    for match in _LOCAL_PUBLISHED.finditer(html[:500_000]):
        if match.group(2).replace(":", "") not in ("+0000", "-0000") and match.group(1) <= today:
            return match.group(1)
    return None


def _extensive_date(html: str, url: str | None, today: str) -> str | None:
    """htmldate's extensive search, without its guess of a year from a copyright line.

    Used only when the fast search found nothing. htmldate falls back to 1 January of
    the copyright year; such a result, when the page names that year in a copyright
    line, is discarded: an unknown date is better than a wrong one.
    """
    date = find_date(html, url=url, extensive_search=True, original_date=True, max_date=today)
    if date and date.endswith("-01-01") and date[:4] in set(_COPYRIGHT_YEAR.findall(html)):
        return None
    return date or None


def _text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _blocks_from_doc(root: etree._Element) -> list[Block]:
    main = root.find("main")
    blocks: list[Block] = []
    if main is None:
        return blocks
    for element in main:
        tag = element.tag
        if tag == "head":
            text = _text_of(element)
            if text:
                blocks.append(Block(text, "heading"))
        elif tag == "list":
            for item in element.iter("item"):
                text = _text_of(item)
                if text:
                    blocks.append(Block(text, "body"))
        elif tag == "table":
            for row in element.iter("row"):
                text = " | ".join(_text_of(cell) for cell in row if _text_of(cell))
                if text:
                    blocks.append(Block(text, "body"))
        else:
            # <lb/> inside a paragraph separates what the page showed as paragraphs
            parts: list[str] = [element.text or ""]
            for child in element:
                if child.tag == "lb":
                    parts.append("\n")
                    parts.append(child.tail or "")
                else:
                    parts.append("".join(child.itertext()))
                    parts.append(child.tail or "")
            for piece in "".join(parts).split("\n"):
                text = " ".join(piece.split())
                if text:
                    blocks.append(Block(text, "body"))
    return blocks


def extract_html(html: str, url: str | None, today: str) -> HtmlExtract:
    """Main content and metadata of a page, from one trafilatura run (its XML output: the
    ``<doc>`` attributes hold the metadata, ``<main>`` the text). ``blocks`` is empty when no
    article is found."""
    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        include_formatting=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": today,
        },
    )
    if not xml:
        return HtmlExtract(None, None, None, url, None, None, [])
    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True))
    if root is None:
        return HtmlExtract(None, None, None, url, None, None, [])
    meta = {k: (v or None) for k, v in root.attrib.items()}
    return HtmlExtract(
        title=meta.get("title"),
        author=meta.get("author"),
        published=_local_date(html, today) or meta.get("date") or _extensive_date(html, url, today),
        url=meta.get("url") or url,
        site=meta.get("sitename") or meta.get("hostname"),
        description=meta.get("description"),
        blocks=_blocks_from_doc(root),
    )
