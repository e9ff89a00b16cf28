"""Turning a post file's bytes into text and back without losing a byte.

Order of attempts: UTF-8 with a BOM, UTF-8, then the legacy Korean code page cp949 when the
result is mostly Hangul. Anything else is decoded as UTF-8 with ``surrogateescape`` so that
the undecodable bytes survive a round trip unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem, ProblemKind
from .words import QT_TRANSLATE_NOOP

BOM = b"\xef\xbb\xbf"
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3130-\u318f\u1100-\u11ff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with what is needed to encode it back the same way."""

    text: str
    encoding: str  # codec name used to encode back ("utf-8", "utf-8-sig", "cp949")
    errors: str = "strict"  # "surrogateescape" when bytes could not be decoded
    problem: Problem | None = None  # why the file did not decode as plain UTF-8

    def encode(self, text: str) -> bytes:
        """Encode ``text`` in this file's own encoding."""
        return text.encode(self.encoding, self.errors)


def mostly_hangul(text: str) -> bool:
    """True when most non-ASCII characters of ``text`` are Hangul."""
    non_ascii = len(_NON_ASCII.findall(text))
    return non_ascii > 0 and len(_HANGUL.findall(text)) * 2 > non_ascii


def decode(data: bytes) -> Decoded:
    """Decode a post file's bytes, noting a problem when it is not UTF-8."""
    if data.startswith(BOM):
        try:
            return Decoded(data[len(BOM) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            pass
    else:
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
        try:
            text = data.decode("cp949")
        except UnicodeDecodeError:
            text = None
        if text is not None and mostly_hangul(text) and text.encode("cp949") == data:
            return Decoded(
                text,
                "cp949",
                problem=Problem.of(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "The file is not UTF-8; it was read as legacy Korean (cp949) "
                        "and will be saved back in cp949.",
                    ),
                    kind=ProblemKind.LEGACY_ENCODING,
                ),
            )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = exc.start
    text = data.decode("utf-8", "surrogateescape")
    encoding = "utf-8"
    if data.startswith(BOM):
        text, encoding = text[1:], "utf-8-sig"
        where -= len(BOM)
    return Decoded(
        text,
        encoding,
        "surrogateescape",
        problem=Problem.of(
            QT_TRANSLATE_NOOP(
                "Core",
                "The file is not valid UTF-8 (first bad byte at offset {offset}); "
                "the undecodable bytes are kept as they are.",
            ),
            kind=ProblemKind.UNDECODABLE,
            offset=where,
        ),
    )


def dominant_newline(text: str) -> str:
    """The line ending used most in ``text`` ("\\n" when there is none)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"), key=lambda pair: pair[0])
    return best[1] if best[0] else "\n"


def normalize_newlines(text: str) -> str:
    """Every line ending as "\\n"."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def with_newline(text: str, newline: str) -> str:
    """Text with "\\n" line endings converted to ``newline``."""
    return text if newline == "\n" else text.replace("\n", newline)


_SURROGATE = re.compile("[\ud800-\udfff]")


def displayable(text: str) -> str:
    """``text`` with undecodable bytes (kept as lone surrogates) shown as U+FFFD, so it can be
    written as UTF-8 or handed to code that wants valid text."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


def displayable_bytes(text: str) -> bytes:
    """``displayable(text)`` as UTF-8 (encoded once: a site writes a thousand pages)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")
