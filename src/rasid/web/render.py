"""HTML for the article text: the one part of a page rendered in Python rather than in a
template, because it is the hot loop of the busiest page (hundreds of pieces per article).
Every piece of source text goes through ``markupsafe.escape``; nothing from a source page is
ever inserted as HTML."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape


def reading_html(paragraphs: Sequence[dict[str, Any]]) -> Markup:
    """The marked paragraphs of ``rasid.web.pages.marked_paragraphs`` as HTML: entities as
    links to their page (type as a class, canonical name on hover), statements underlined
    with a reference to their entry in the list beside the text."""
    out: list[str] = []
    for para in paragraphs:
        heading = para["kind"] == "heading"
        out.append('<h2 class="para-heading">' if heading else "<p>")
        for piece in para["pieces"]:
            text = escape(piece["text"])
            entity = piece["entity"]
            if entity is not None:
                canonical = entity["canonical"]
                text = Markup(
                    f'<a class="ent ent-{escape(entity["label"])}"'
                    f' href="/entity/{escape(quote(canonical, safe=""))}"'
                    f' title="{escape(canonical)}">{text}</a>'
                )
            k = piece["statement"]
            if k is not None:
                out.append(f'<span class="st" data-statement="{int(k)}">{text}</span>')
            else:
                out.append(str(text))
            ends = piece["ends"]
            if ends is not None:
                out.append(f'<sup class="st-ref"><a href="#s{int(ends)}">{int(ends)}</a></sup>')
        out.append("</h2>" if heading else "</p>")
        out.append("\n")
    return Markup("".join(out))
