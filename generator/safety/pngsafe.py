"""The check of PNG pictures from content files: the file is looked at, not re-written."""

from __future__ import annotations

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Largest width or height taken: our pictures are a few hundred pixels across.
MAX_PNG_SIDE = 4096
#: Bit depths allowed for each PNG colour type.
_PNG_DEPTHS = {0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}


def check_png(data: bytes) -> list[str]:
    """Why a PNG picture is not a sane PNG, or [] when it is.

    Looks at the signature, the header chunk (size, colour type, bit depth) and that the
    chunks that follow are whole, with right checksums, up to the end chunk.
    """
    if not data.startswith(PNG_SIGNATURE):
        return ["PNG does not start with the PNG signature (is it really a PNG?)"]
    offset = len(PNG_SIGNATURE)
    first = True
    while True:
        if offset + 8 > len(data):
            return ["PNG ends before its IEND chunk (is the file cut short?)"]
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length]
        crc = data[offset + 8 + length : offset + 12 + length]
        if len(body) < length or len(crc) < 4:
            return ["PNG ends inside a chunk (is the file cut short?)"]
        if struct.unpack(">I", crc)[0] != zlib.crc32(kind + body):
            return [f"PNG chunk {kind.decode('latin-1')!r} has a wrong checksum"]
        if first:
            if kind != b"IHDR" or length != 13:
                return ["PNG must start with an IHDR header chunk of 13 bytes"]
            problems = _png_header(body)
            if problems:
                return problems
            first = False
        offset += 12 + length
        if kind == b"IEND":
            break
    if offset != len(data):
        return ["PNG has bytes after its IEND chunk"]
    return []


def _png_header(body: bytes) -> list[str]:
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", body
    )
    problems = []
    if not (1 <= width <= MAX_PNG_SIDE and 1 <= height <= MAX_PNG_SIDE):
        problems.append(f"PNG is {width}x{height} pixels: each side must be 1 to {MAX_PNG_SIDE}")
    if depth not in _PNG_DEPTHS.get(colour, set()):
        problems.append(f"PNG has colour type {colour} with bit depth {depth}, which is not valid")
    if compression != 0 or filtering != 0 or interlace not in (0, 1):
        problems.append("PNG header names an unknown compression, filter or interlace method")
    return problems
