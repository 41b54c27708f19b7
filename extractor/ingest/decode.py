"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, CP949/EUC-KR and
whatever else charset-normalizer recognises with confidence.

A text with a few bad bytes (cut in the middle of a character, one stray byte) is still
that text: the bad bytes become U+FFFD and the result carries a warning saying so."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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
#: How many bad bytes a text may have and still be read in its encoding: one per this many characters.
_CHARACTERS_PER_BAD_BYTE = 200


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warning: str | None = None


def decode(data: bytes) -> Decoded:
    if not data.strip():
        raise InputError("empty input: nothing to analyse")
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"binary input: the bytes are {what}, not text")
    declared = _declared_encoding(data)
    if declared:
        return _with_bad_bytes(data, declared) or _undecodable(data, declared)
    return _as_korean_text(data)


def _declared_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark names, or UTF-16 recognised by its NUL bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return _utf16_without_bom(data)


def _as_korean_text(data: bytes) -> Decoded:
    """UTF-8 or a Korean encoding, exact if one fits, else with a few bad bytes replaced, else
    whatever charset-normalizer finds."""
    for encoding in ("utf-8", *_KOREAN):
        try:
            return Decoded(check_text(data.decode(encoding)))
        except (UnicodeDecodeError, InputError):
            pass
    for encoding in ("utf-8", *_KOREAN):
        decoded = _with_bad_bytes(data, encoding)
        if decoded:
            return decoded
    # imported here: the last resort, rarely reached, and its import is ~10 ms of every start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary input: the bytes are not text in any known encoding")
    return Decoded(check_text(str(best)))


def _with_bad_bytes(data: bytes, encoding: str) -> Decoded | None:
    """The text in `encoding` with its few bad bytes replaced by U+FFFD, or None when there are
    too many for the bytes to be text in that encoding."""
    try:
        return Decoded(check_text(data.decode(encoding)))
    except UnicodeDecodeError as error:
        first_bad = error.start
    except InputError:
        return None
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    if replaced > max(1, len(text) // _CHARACTERS_PER_BAD_BYTE):
        return None
    try:
        text = check_text(text, replaced)
    except InputError:
        return None
    where = "at the end (the text was cut inside a character)" if first_bad >= len(data) - 3 and replaced == 1 \
        else f"first at byte {first_bad}"
    return Decoded(text, f"{replaced} byte sequence(s) not valid {encoding}, replaced by U+FFFD, {where}")


def _undecodable(data: bytes, encoding: str) -> Decoded:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"undecodable input: not valid {encoding} at byte {error.start} "
                         "and after it too often to be text") from None
    raise InputError(f"binary input: the bytes are {encoding} but not text (too many control characters)")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: mostly NUL bytes at the even (BE) or odd (LE) positions."""
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return "utf-16-be" if even > odd else "utf-16-le"


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def check_text(text: str, replaced: int = 0) -> str:
    """Reject decodings that are mostly control characters (binary data that happens to decode);
    `replaced` U+FFFD are ours, for bad bytes already counted."""
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample)) - min(replaced, sample.count("\ufffd"))
    if controls > max(2, len(sample) // 100):
        raise InputError("binary input: the bytes are not text (too many control characters)")
    return text
