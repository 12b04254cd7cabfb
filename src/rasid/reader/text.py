"""Scraped text (a page copied as text, boilerplate and all) to blocks.

The first non-empty line is the title; every other non-empty line is a block. Which
blocks are headings is decided after cleaning, by :func:`mark_headings`.
"""

from __future__ import annotations

import re

from rasid.reader.blocks import Block, is_heading_shaped

_SPACES = re.compile(r"[ \t\u00a0\u200f\u200e\u202a-\u202e]+")


def split_lines(text: str) -> tuple[str | None, list[Block]]:
    """Return the title and the other non-empty lines, whitespace-normalised."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
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
