"""Reading: bytes from anywhere to one clean :class:`rasid.Article`."""

from rasid.reader.core import Source, parse_date, read, read_text

__all__ = ["Source", "parse_date", "read", "read_text"]
