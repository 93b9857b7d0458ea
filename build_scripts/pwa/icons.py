"""App icons as PNG, drawn with the standard library only (zlib + struct): a red tile with a white
open book. Deterministic bytes for a given size."""

from __future__ import annotations

import struct
import zlib

RED = (198, 40, 40)
WHITE = (255, 255, 255)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width: int, height: int, pixel) -> bytes:
    """pixel(x, y) -> (r, g, b); 8-bit RGB, no interlace."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + _chunk(b"IEND", b"")


def book_icon(size: int) -> bytes:
    """Full-bleed tile (safe for 'maskable'): the book sits inside the central 60 %."""
    s = size

    def pixel(x, y):
        u, v = x / s, y / s
        in_pages = 0.22 <= u <= 0.78 and 0.30 <= v <= 0.70
        spine = abs(u - 0.5) < 0.012
        lines = in_pages and not spine and 0.38 <= v <= 0.62 and int((v - 0.38) / 0.06) % 2 == 1 \
            and (0.27 <= u <= 0.46 or 0.54 <= u <= 0.73)
        if in_pages and not spine and not lines:
            return WHITE
        return RED

    return png(s, s, pixel)
