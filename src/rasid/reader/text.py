"""Scraped text (a page copied as text, boilerplate and all) to blocks.

The first non-empty line is the title; every other non-empty line is a block. Which
blocks are headings is decided after cleaning, by :func:`mark_headings`.
"""

from __future__ import annotations

import html
import re

from rasid.reader.blocks import Block, is_heading_shaped

# Some sites' paragraphs reach scraped text as " \u00a0 " (an empty <p>&nbsp;</p>) instead of
# a line break; a no-break space standing alone between spaces is read as a paragraph break.
_NBSP_BREAK = re.compile(r"[ \t]\u00a0(?:[ \t]\u00a0)*[ \t]")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_SPACES = re.compile(r"[ \t\u00a0\u200f\u200e\u202a-\u202e]+")


def split_lines(text: str) -> tuple[str | None, list[Block]]:
    """Return the title and the other non-empty lines, whitespace-normalised."""
    if _ENTITY.search(text):  # scraped text that kept HTML entities ('&quot;', '&nbsp;')
        text = html.unescape(text)
    lines = [_SPACES.sub(" ", line).strip() for line in _NBSP_BREAK.sub("\n", text).splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return None, []
    return lines[0], [Block(line) for line in lines[1:]]


def mark_headings(blocks: list[Block]) -> list[Block]:
    """Short unpunctuated lines between body paragraphs are headings.

    A heading must be followed by a body paragraph that is not itself heading-shaped:
    a short line at the very end, or two short lines in a row, are not headings. (The
    cleaner has already taken bylines, datelines and the author line away.)
    """
    marked: list[Block] = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.kind == "heading":
            marked.append(block)
        elif (
            is_heading_shaped(block.text)
            and following is not None
            and not is_heading_shaped(following.text)
        ):
            marked.append(Block(block.text, "heading", block.position))
        else:
            marked.append(block)
    return marked
