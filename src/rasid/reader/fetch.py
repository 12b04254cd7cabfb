"""Fetching a page over HTTP(S): explicit timeouts, a size cap, one clear error."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from rasid.errors import E_FETCH, E_HTTP_STATUS, E_TOO_LARGE, read_error
from rasid.options import ReadOptions


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    data: bytes
    charset: str | None


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://")) and "\n" not in value


def fetch(url: str, options: ReadOptions) -> Fetched:
    """Download ``url``; raise :class:`rasid.ReadError` on any failure."""
    timeout = httpx.Timeout(options.timeout)
    headers = {"User-Agent": options.user_agent, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, headers=headers) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise read_error(E_HTTP_STATUS, url=url, status=response.status_code)
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > options.max_bytes:
                    raise read_error(E_TOO_LARGE, size=int(declared), limit=options.max_bytes)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > options.max_bytes:
                        raise read_error(
                            E_TOO_LARGE, size=f"more than {size}", limit=options.max_bytes
                        )
                    chunks.append(chunk)
                return Fetched(str(response.url), b"".join(chunks), response.charset_encoding)
    except httpx.TimeoutException:
        raise read_error(
            E_FETCH, url=url, reason=f"timed out after {options.timeout:g} s"
        ) from None
    except httpx.HTTPError as exc:
        reason = str(exc) or type(exc).__name__
        raise read_error(E_FETCH, url=url, reason=reason) from None
