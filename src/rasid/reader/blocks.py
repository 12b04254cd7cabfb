"""The unit both readers hand to the boilerplate cleaner."""

from __future__ import annotations

from dataclasses import dataclass

from rasid.schema import ParagraphKind


@dataclass(frozen=True, slots=True)
class Block:
    """One line or paragraph of a page, before cleaning."""

    text: str
    kind: ParagraphKind = "body"
    position: int = 0  # where the block stood in the input, to keep removals in order


FINAL_PUNCT = tuple(".!?؟:؛…\"”»)'")
_MAX_HEADING_WORDS = 12


def is_heading_shaped(text: str) -> bool:
    """Short, and without the final punctuation that ends a sentence."""
    words = text.split()
    return 0 < len(words) <= _MAX_HEADING_WORDS and not text.endswith(FINAL_PUNCT)
