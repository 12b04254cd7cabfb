"""Statements: who said what, through whom, and who denies it (see ``extractor``)."""

from rasid.statements.extractor import StatementExtractor, extract

__all__ = ["StatementExtractor", "extract"]
