#!/usr/bin/env python3
"""Draws the site's icon (a timeline: an axis, three marks and their bars, white on green) as the PNGs inside
favicon.ico and the web manifest's 192 and 512 px icons. The SVG (theme/Chronology.Theme/assets/favicon.svg) is the
same drawing; run this again if it changes. Standard library only."""
import struct, zlib, os, sys

GREEN, WHITE = (0x0B, 0x6B, 0x4F), (0xFF, 0xFF, 0xFF)

def inside(x, y):
    """The drawing in a 32x32 box: is the point white?"""
    if 8 <= x < 10 and 5 <= y < 27: return True            # the axis
    for cy, length in ((9, 14), (16, 10), (23, 17)):
        if (x - 9) ** 2 + (y - cy) ** 2 <= 3.2 ** 2: return True   # a mark on the axis
        if 13 <= x < 13 + length and cy - 1.5 <= y < cy + 1.5: return True  # its bar
    return False

def pixel(px, py, size):
    # 4x4 supersampling; rounded corners (radius 6 of 32).
    hits, total, inbox = 0, 0, 0
    for sx in range(4):
        for sy in range(4):
            x, y = (px + (sx + 0.5) / 4) * 32 / size, (py + (sy + 0.5) / 4) * 32 / size
            total += 1
            r = 6
            cx, cy = min(max(x, r), 32 - r), min(max(y, r), 32 - r)
            if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                inbox += 1
                if inside(x, y): hits += 1
    alpha = round(255 * inbox / total)
    if inbox == 0: return (0, 0, 0, 0)
    t = hits / inbox
    rgb = tuple(round(g + (w - g) * t) for g, w in zip(GREEN, WHITE))
    return rgb + (alpha,)

def png(size):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(kind, data): return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")

def ico(images):
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, image in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset + len(data))
        data += image
    return header + entries + data

out = sys.argv[1] if len(sys.argv) > 1 else "theme/Chronology.Theme/assets"
with open(os.path.join(out, "favicon.ico"), "wb") as f: f.write(ico([(16, png(16)), (32, png(32))]))
for size in (192, 512):
    with open(os.path.join(out, f"icon-{size}.png"), "wb") as f: f.write(png(size))
