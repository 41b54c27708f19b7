"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, CP949/EUC-KR and
whatever else charset-normalizer recognises with confidence."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Korean legacy encodings are tried before charset-normalizer's guess, which
#: sometimes prefers a Chinese or Cyrillic code page for short Korean texts.
_KOREAN = ("cp949",)


def decode(data: bytes) -> str:
    if not data.strip():
        raise InputError("empty input: nothing to analyse")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
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


def _check_text(text: str) -> str:
    """Reject decodings that are mostly control characters (binary data that happens to decode)."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v" or ch == "\ufffd")
    if controls > max(2, len(sample) // 100):
        raise InputError("binary input: the bytes are not text (too many control characters)")
    return text
