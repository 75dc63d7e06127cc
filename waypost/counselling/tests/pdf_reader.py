"""Reading back the glyphs fpdf2 placed on a page: position, font, glyph outline and character.

Enough of PDF for the sheets Waypost writes (one page, Type0 fonts with Identity-H, a CID-to-GID
map and a ToUnicode map), so the tests check the printed page, not fpdf2's own bookkeeping.
"""

import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from fontTools.pens.recordingPen import DecomposingRecordingPen  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
REF = rb"/%s (\d+) 0 R"


@dataclass(frozen=True)
class Glyph:
    x: float
    y: float
    size: float
    font: "EmbeddedFont"
    code: int

    @property
    def text(self) -> str:
        return self.font.to_unicode.get(self.code, "")

    @property
    def gid(self) -> int:
        return self.font.cid_to_gid[self.code]

    @property
    def advance(self) -> float:
        name = self.font.ttf.getGlyphOrder()[self.gid]
        units = self.font.ttf["head"].unitsPerEm
        return float(self.font.ttf["hmtx"][name][0] * self.size / units)

    def outline(self) -> tuple[Any, ...]:
        return self.font.outline(self.gid)


class EmbeddedFont:
    def __init__(self, ttf: TTFont, cid_to_gid: bytes, to_unicode: dict[int, str]) -> None:
        self.ttf = ttf
        self.cid_to_gid = [
            int.from_bytes(cid_to_gid[i : i + 2]) for i in range(0, len(cid_to_gid), 2)
        ]
        self.to_unicode = to_unicode
        self.outlines: dict[int, tuple[Any, ...]] = {}

    def outline(self, gid: int) -> tuple[Any, ...]:
        if gid not in self.outlines:
            self.outlines[gid] = self._outline(gid)
        return self.outlines[gid]

    def _outline(self, gid: int) -> tuple[Any, ...]:
        glyphs = self.ttf.getGlyphSet()
        pen = DecomposingRecordingPen(glyphs)
        glyphs[self.ttf.getGlyphOrder()[gid]].draw(pen)
        return tuple(pen.value)


class Pdf:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.objects = {int(m[1]): m[2] for m in OBJECT.finditer(data)}

    def stream(self, number: int) -> bytes:
        body = self.objects[number]
        length = int(found(rb"/Length (\d+)", body)[1])
        start = body.index(b"stream") + 6
        start += 2 if body[start : start + 2] == b"\r\n" else 1
        raw = body[start : start + length]
        return zlib.decompress(raw) if b"/FlateDecode" in body[: body.index(b"stream")] else raw

    def ref(self, number: int, key: str) -> int:
        return int(found(REF % key.encode(), self.objects[number])[1])

    @cached_property
    def fonts(self) -> dict[str, EmbeddedFont]:
        resources = b"".join(
            m[1]
            for body in self.objects.values()
            for m in re.finditer(rb"/Font <<(.*?)>>", body, re.S)
        )
        fonts: dict[str, EmbeddedFont] = {}
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", resources):
            font = int(number)
            descendant = int(found(rb"/DescendantFonts \[(\d+) 0 R\]", self.objects[font])[1])
            descriptor = self.ref(descendant, "FontDescriptor")
            ttf = TTFont(io.BytesIO(self.stream(self.ref(descriptor, "FontFile2"))))
            cmap = self.stream(self.ref(font, "ToUnicode"))
            fonts[name.decode()] = EmbeddedFont(
                ttf, self.stream(self.ref(descendant, "CIDToGIDMap")), to_unicode(cmap)
            )
        return fonts

    @cached_property
    def glyphs(self) -> list[Glyph]:
        page = next(n for n, body in self.objects.items() if b"/Type /Page\n" in body)
        return list(self._glyphs(self.stream(self.ref(page, "Contents"))))

    def _glyphs(self, content: bytes) -> Iterator[Glyph]:
        operands: list[Any] = []
        font: Any = None
        size, x, y = 0.0, 0.0, 0.0
        for token in tokens(content):
            if not isinstance(token, str) or token.startswith("/"):  # an operand
                operands.append(token)
                continue
            if token == "Tf":
                font, size = self.fonts[operands[-2].lstrip("/")], operands[-1]
            elif token == "Td" or token == "Tm":
                x, y = operands[-2], operands[-1]
            elif token == "Tj":
                codes = operands[-1]
                for i in range(0, len(codes), 2):
                    yield Glyph(x, y, size, font, int.from_bytes(codes[i : i + 2]))
            operands = []


def to_unicode(cmap: bytes) -> dict[int, str]:
    pairs = re.findall(rb"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>", cmap.split(b"beginbfchar", 1)[-1])
    return {int(code, 16): bytes.fromhex(text.decode()).decode("utf-16-be") for code, text in pairs}


def found(pattern: bytes, data: bytes) -> re.Match[bytes]:
    match = re.search(pattern, data)
    assert match is not None, pattern
    return match


def found_at(pattern: bytes, data: bytes, at: int) -> re.Match[bytes]:
    match = re.compile(pattern).match(data, at)
    assert match is not None, pattern
    return match


ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def tokens(content: bytes) -> Iterator[Any]:
    """Numbers as floats, names as "/Name" strings, literal strings as bytes, operators as str."""
    i = 0
    while i < len(content):
        char = content[i : i + 1]
        if char.isspace():
            i += 1
        elif char == b"(":
            value, i = literal(content, i + 1)
            yield value
        elif char in (b"[", b"]", b"<", b">"):
            i += 1
        else:
            match = found_at(rb"[^\s()\[\]<>]+", content, i)
            word = match[0].decode("latin-1")
            i = match.end()
            try:
                yield float(word)
            except ValueError:
                yield word


def literal(content: bytes, i: int) -> tuple[bytes, int]:
    out, depth = bytearray(), 1
    while True:
        char = content[i : i + 1]
        if char == b"\\":
            following = content[i + 1 : i + 2]
            if following.isdigit():
                digits = found_at(rb"[0-7]{1,3}", content, i + 1)[0]
                out.append(int(digits, 8))
                i += 1 + len(digits)
                continue
            out += ESCAPES.get(following, following)
            i += 2
            continue
        if char == b"(":
            depth += 1
        elif char == b")":
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out += char
        i += 1
