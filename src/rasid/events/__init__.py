"""Events: what happened, where and when, tied to the statements that claim them."""

from rasid.events.extractor import VERSION, EventExtractor, extract

__all__ = ["VERSION", "EventExtractor", "extract"]
