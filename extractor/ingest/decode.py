"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, CP949/EUC-KR and
whatever else charset-normalizer recognises with confidence."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: File signatures of common binary formats people feed by mistake.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document (extract its text first)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (HWP/DOC/XLS)"),
    (b"HWP Document File", "an HWP document"),
    (b"\x7fELF", "an executable"),
)
#: Korean legacy encodings are tried before charset-normalizer's guess, which
#: sometimes prefers a Chinese or Cyrillic code page for short Korean texts.
_KOREAN = ("cp949",)


def decode(data: bytes) -> str:
    if not data.strip():
        raise InputError("empty input: nothing to analyse")
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"binary input: the bytes are {what}, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16)
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    for encoding in _KOREAN:
        try:
            return _check_text(data.decode(encoding))
        except (UnicodeDecodeError, InputError):
            pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary input: the bytes are not text in any known encoding")
    return _check_text(str(best))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return _check_text(data.decode(encoding))
    except UnicodeDecodeError as error:
        raise InputError(f"undecodable input: not valid {encoding} at byte {error.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: mostly NUL bytes at the even (BE) or odd (LE) positions."""
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return "utf-16-be" if even > odd else "utf-16-le"


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _check_text(text: str) -> str:
    """Reject decodings that are mostly control characters (binary data that happens to decode)."""
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise InputError("binary input: the bytes are not text (too many control characters)")
    return text
