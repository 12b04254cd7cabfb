"""Bytes to text: BOMs, UTF-8, UTF-16/32, windows-1256 and ISO-8859-6, then anything
charset-normalizer recognises. The chosen encoding is returned with the text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from rasid.errors import E_BINARY, E_EMPTY, E_UNDECODABLE, read_error

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The legacy single-byte encodings of Arabic; tried when strict UTF-8 fails.
_ARABIC_LEGACY = ("cp1256", "iso-8859-6")
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_ARTICLE_AL = re.compile(r"(?:^|\s)\u0627\u0644")  # word-initial "ال"
_MISDECODED = re.compile(r"[\u00c0-\u00ff\u0080-\u009f\ufffd]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# UTF-8 Arabic read as windows-1256 turns every letter into ط or ظ plus another character
_MOJIBAKE_LEAD = re.compile(r"[\u0637\u0638]")
UTF8_REPLACED = "utf-8 (invalid bytes replaced)"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def _arabic_score(text: str) -> float:
    """How much ``text`` looks like correctly decoded Arabic (higher is better)."""
    letters = len(_ARABIC_LETTER.findall(text))
    mojibake = len(_MOJIBAKE_LEAD.findall(text)) - 0.1 * letters
    return (
        letters
        + 10 * len(_ARTICLE_AL.findall(text))
        - 20 * len(_MISDECODED.findall(text))
        - 20 * len(_CONTROL.findall(text))
        - 3 * max(0.0, mojibake)
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM shows as every other byte being zero (Latin)
    or as a run of 0x06 bytes (Arabic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for enc, high in (("utf-16-le", odd), ("utf-16-be", even)):
        share = sum(1 for b in high if b in (0x00, 0x06)) / len(high)
        if share > 0.9:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first kilobytes mean this is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 100)


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; raise :class:`rasid.ReadError` when no encoding fits.

    ``declared`` is an encoding named by the transport (an HTTP header); like a
    ``<meta charset>`` it is tried first among the legacy encodings, but never trusted
    over strict UTF-8 or a better-scoring Arabic decoding.
    """
    if not data or not data.strip():
        raise read_error(E_EMPTY)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc.replace("-sig", ""))
            except UnicodeDecodeError:
                break
    text16 = _utf16_without_bom(data)
    if text16 is not None:
        return Decoded(text16, "utf-16")
    if looks_binary(data):
        raise read_error(E_BINARY)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, Decoded]] = []
    names = list(_ARABIC_LEGACY)
    meta = _DECLARED.search(data[:4096])
    for name in (meta.group(1).decode("ascii") if meta else None, declared):
        if name:
            try:
                names.insert(0, codecs.lookup(name).name)
            except LookupError:
                pass
    for enc in dict.fromkeys(names):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_arabic_score(text), Decoded(text, _canonical(enc))))
    # mostly UTF-8 with a few broken bytes: keep it UTF-8, the broken bytes become U+FFFD
    lenient = data.decode("utf-8", errors="replace")
    candidates.append((_arabic_score(lenient), Decoded(lenient, UTF8_REPLACED)))
    if candidates:
        best = max(candidates, key=lambda c: c[0])
        if best[0] > 0:
            return best[1]
    guess = from_bytes(data).best()
    if guess is not None and guess.encoding:
        text = str(guess)
        if not _CONTROL.search(text[:8192]):
            return Decoded(text, _canonical(guess.encoding))
    raise read_error(E_UNDECODABLE)


def _canonical(name: str) -> str:
    aliases = {"cp1256": "windows-1256", "iso8859-6": "iso-8859-6", "iso-8859-6": "iso-8859-6"}
    name = codecs.lookup(name).name
    return aliases.get(name, name)
