"""Configuration, parsed once into typed objects and passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How :func:`rasid.read` treats its input.

    ``max_bytes`` refuses larger inputs (files, bodies of HTTP responses, strings);
    ``timeout`` bounds each network operation in seconds.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 15.0
    user_agent: str = "rasid/0.1 (+https://github.com/rasid-news/rasid)"
