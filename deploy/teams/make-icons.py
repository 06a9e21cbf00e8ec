#!/usr/bin/env python3
"""Draws the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

The design: a speech bubble with a check mark, the coach's "answer, get feedback". color.png is a white bubble on
the accent colour (#2F6FDE, the manifest's accentColor); outline.png is the white outline on transparency, as Teams
requires. Run it from anywhere: `python3 deploy/teams/make-icons.py`; the PNGs are committed.
"""
import os
import struct
import zlib

ACCENT = (0x2F, 0x6F, 0xDE, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def in_bubble(u, v, inset=0.0):
    """(u, v) in 0..1: a rounded rectangle with a tail at the lower left."""
    left, top, right, bottom, radius = 0.16 + inset, 0.20 + inset, 0.84 - inset, 0.70 - inset, 0.10
    cx = min(max(u, left + radius), right - radius)
    cy = min(max(v, top + radius), bottom - radius)
    if (u - cx) ** 2 + (v - cy) ** 2 <= radius ** 2 and left <= u <= right and top <= v <= bottom:
        return True
    # the tail: a triangle below the bubble's lower-left part
    return inset == 0.0 and bottom <= v <= 0.84 and 0.26 <= u <= 0.26 + (0.84 - v) * 1.2


def on_check(u, v, width):
    """A check mark: two strokes, (0.33,0.45)-(0.45,0.57) and (0.45,0.57)-(0.68,0.33)."""
    def near(ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
        return (u - ax - t * dx) ** 2 + (v - ay - t * dy) ** 2 <= width ** 2
    return near(0.33, 0.45, 0.45, 0.57) or near(0.45, 0.57, 0.68, 0.33)


def color(x, y, size):
    u, v = (x + 0.5) / size, (y + 0.5) / size
    if in_bubble(u, v):
        return ACCENT if on_check(u, v, 0.045) else WHITE
    return ACCENT


def outline(x, y, size):
    u, v = (x + 0.5) / size, (y + 0.5) / size
    edge = in_bubble(u, v) and not in_bubble(u, v, inset=0.07)
    return WHITE if edge or on_check(u, v, 0.05) else CLEAR


here = os.path.dirname(os.path.abspath(__file__))
png(os.path.join(here, "color.png"), 192, color)
png(os.path.join(here, "outline.png"), 32, outline)
